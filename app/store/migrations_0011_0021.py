"""Laptop store migrations 0011-0021, as they shipped (frozen: never edit; add the next one instead).

Trips and school lists, people and key slots, the audit hash chain, biometrics,
approvals, schedules, card delivery, registrations, category marks, and Laporan's
tallies (0020, 0021). Plain functions of a `sqlite_utils.Database`;
`app.store.migrations` registers them, in order, under their names
(``0011_trips_and_school`` is `trips_and_school`, and so on).
"""

from __future__ import annotations

import uuid

import sqlite_utils


def trips_and_school(db: sqlite_utils.Database) -> None:
    """Trips (kunjungan), their planned targets, school class lists, and the trip of each
    recording and visit outcome (`app.store.trips`, `app.store.school`).

    trips: one row per trip; ``activated`` is 1 on at most one row (the trip the operator
    activated; `app.core.trips.active_trip` says on which days it counts). trip_targets: the
    NIKs a trip plans to visit. school_students: a school trip's class list (names and birth
    dates as the list gave them, since students need not be on the target list) and the
    card's delivery to the school. recordings.trip / visit_outcomes.trip: the trip as it was
    when attached (JSON id, name, type: what is sent to the server); trip_id for the lists.
    """
    types = ", ".join(f"'{t}'" for t in ("rumah", "sekolah", "lapas", "perusahaan", "perbatasan"))
    db.executescript(
        f"""
        CREATE TABLE trips (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ({types})),
            place TEXT NOT NULL,
            start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
            end_date TEXT NOT NULL CHECK (date(end_date) = end_date AND end_date >= start_date),
            team TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(team)),
            activated INTEGER NOT NULL DEFAULT 0 CHECK (activated IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX trips_activated ON trips(activated) WHERE activated = 1;
        CREATE INDEX trips_start ON trips(start_date);

        CREATE TABLE trip_targets (
            trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            added_at TEXT NOT NULL,
            PRIMARY KEY (trip_id, nik)
        ) WITHOUT ROWID;
        CREATE INDEX trip_targets_nik ON trip_targets(nik);

        CREATE TABLE school_students (
            trip_id TEXT NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            nama TEXT NOT NULL,
            tanggal_lahir TEXT NOT NULL CHECK (date(tanggal_lahir) = tanggal_lahir),
            jenis_kelamin TEXT NOT NULL DEFAULT '',
            kelas TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            card_received_by TEXT,
            card_received_on TEXT CHECK (card_received_on IS NULL OR date(card_received_on) = card_received_on),
            card_recorded_at TEXT,
            PRIMARY KEY (trip_id, nik),
            CHECK ((card_received_by IS NULL) = (card_received_on IS NULL))
        ) WITHOUT ROWID;

        ALTER TABLE recordings ADD COLUMN trip_id TEXT;
        ALTER TABLE recordings ADD COLUMN trip TEXT CHECK (trip IS NULL OR json_valid(trip));
        CREATE INDEX recordings_trip ON recordings(trip_id, created_at) WHERE trip_id IS NOT NULL;
        ALTER TABLE visit_outcomes ADD COLUMN trip_id TEXT;
        ALTER TABLE visit_outcomes ADD COLUMN trip TEXT CHECK (trip IS NULL OR json_valid(trip));
        CREATE INDEX visit_outcomes_trip ON visit_outcomes(trip_id, visited_at) WHERE trip_id IS NOT NULL;
        """
    )


def people_and_key_slots(db: sqlite_utils.Database) -> None:
    """operators: the role 'admin' (manages people), `key_slot` (the id of the person's
    wrapped copy of the database key in profile.json, `app.store.keyslots`) and
    `removed_at` (a removed person keeps their row, so their name stays on the recordings
    and audit entries they made, but their slot opens nothing). The table is rebuilt
    because SQLite cannot change a CHECK constraint; no foreign key points at it."""
    db.executescript(
        """
        CREATE TABLE operators_new (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
            created_at TEXT NOT NULL,
            key_slot TEXT,
            removed_at TEXT
        );
        INSERT INTO operators_new (id, name, role, created_at) SELECT id, name, role, created_at FROM operators;
        DROP TABLE operators;
        ALTER TABLE operators_new RENAME TO operators;
        CREATE UNIQUE INDEX operators_name ON operators(name COLLATE NOCASE);
        CREATE UNIQUE INDEX operators_key_slot ON operators(key_slot) WHERE key_slot IS NOT NULL;
        """
    )


def audit_chain(db: sqlite_utils.Database) -> None:
    """Each audit entry carries the previous entry's SHA-256 and its own (`app.core.audit_chain`).

    Existing entries are chained here in id order; from now on an entry without
    a 64-character hash is refused.
    """
    import json

    from app.core.audit_chain import GENESIS, entry_hash

    db.executescript(
        """
        ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
        DROP TRIGGER audit_no_update;
        """
    )
    prev = GENESIS
    rows = db.execute("SELECT id, ts, actor, action, recording_uuid, detail FROM audit ORDER BY id").fetchall()
    for id_, ts, actor, action, recording_uuid, detail in rows:
        digest = entry_hash(id=id_, ts=ts, actor=actor, action=action, recording_uuid=recording_uuid,
                            detail=json.loads(detail), prev=prev)
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, id_))
        prev = digest
    db.executescript(
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_chained BEFORE INSERT ON audit
        WHEN length(NEW.hash) != 64 OR length(NEW.prev_hash) != 64
        BEGIN SELECT RAISE(ABORT, 'audit entry without its hash chain'); END;
        """
    )


# Snapshot of the media kinds when 0014 shipped (`app.core.biometric_content` at that time).
_RECORD_KINDS_0014 = tuple(f"finger_{i:02d}" for i in range(1, 11)) + ("iris_right", "iris_left")
_MEDIA_KINDS_0014 = ("photo", "signature", *_RECORD_KINDS_0014, *(f"proof_{k}" for k in _RECORD_KINDS_0014))


def biometrics(db: sqlite_utils.Database) -> None:
    """Fingers and irises (`app.core.biometric_content`): recordings.biometrics holds the
    recording's `BiometricSet` as JSON (NULL for a recording without any, and every older
    row); the media table also takes the ISO records and proof photos. The media table is
    rebuilt because SQLite cannot change a CHECK constraint; only media's own index points
    at it, and rows keep their ids."""
    kinds = ", ".join(f"'{k}'" for k in _MEDIA_KINDS_0014)
    db.executescript(
        f"""
        ALTER TABLE recordings ADD COLUMN biometrics TEXT CHECK (biometrics IS NULL OR json_valid(biometrics));
        CREATE TABLE media_new (
            id INTEGER PRIMARY KEY,
            recording_uuid TEXT NOT NULL REFERENCES recordings(uuid) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({kinds})),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            mime TEXT NOT NULL,
            bytes BLOB NOT NULL,
            size INTEGER NOT NULL CHECK (size = length(bytes)),
            created_at TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(extra)),
            UNIQUE (recording_uuid, kind)
        );
        INSERT INTO media_new (id, recording_uuid, kind, sha256, mime, bytes, size, created_at, extra)
            SELECT id, recording_uuid, kind, sha256, mime, bytes, size, created_at, extra FROM media;
        DROP TABLE media;
        ALTER TABLE media_new RENAME TO media;
        CREATE INDEX media_sha256 ON media(sha256);
        """
    )


def approvals(db: sqlite_utils.Database) -> None:
    """A supervisor's decision on a completed recording (`app.core.approval`): ``waiting``,
    ``approved`` (into the sync queue) or ``returned`` with a reason code and a note (back to the
    operator as a draft). One row per recording; it goes when the recording is deleted."""
    db.executescript(
        """
        CREATE TABLE approvals (
            recording_uuid TEXT PRIMARY KEY,
            state TEXT NOT NULL CHECK (state IN ('waiting', 'approved', 'returned')),
            reason TEXT,
            note TEXT,
            decided_by TEXT,
            decided_at TEXT,
            returns INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX approvals_state ON approvals(state);
        CREATE TRIGGER approvals_follow_recording AFTER DELETE ON recordings
        BEGIN DELETE FROM approvals WHERE recording_uuid = OLD.uuid; END;
        """
    )


def schedules(db: sqlite_utils.Database) -> None:
    """Schedules and invitations per RT (`app.store.schedules`, rules in `app.core.schedules`).

    schedule_slots: one place, day and time window for one RT, with the equipment sets and
    minutes per recording it was planned with (its capacity, kept as computed then).
    schedule_invitations: one row per resident and slot (never two for the same slot: the
    primary key); ``round`` counts the offers (2: offered again after a missed slot);
    ``printed_at`` when its paper was last printed. schedule_far_rts: the RTs marked farthest,
    whose residents all go on the pick-up list.
    """
    db.executescript(
        """
        CREATE TABLE schedule_slots (
            id TEXT PRIMARY KEY,
            kelurahan_kode TEXT NOT NULL,
            rw TEXT NOT NULL,
            rt TEXT NOT NULL,
            place TEXT NOT NULL CHECK (length(place) > 0),
            day TEXT NOT NULL CHECK (date(day) = day),
            start_time TEXT NOT NULL CHECK (time(start_time) = start_time || ':00'),
            end_time TEXT NOT NULL CHECK (time(end_time) = end_time || ':00' AND end_time > start_time),
            equipment_sets INTEGER NOT NULL CHECK (equipment_sets >= 1),
            minutes_per_recording INTEGER NOT NULL CHECK (minutes_per_recording >= 1),
            capacity INTEGER NOT NULL CHECK (capacity >= 1),
            created_at TEXT NOT NULL
        );
        CREATE INDEX schedule_slots_rt ON schedule_slots(kelurahan_kode, rw, rt, day, start_time);

        CREATE TABLE schedule_invitations (
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            slot_id TEXT NOT NULL REFERENCES schedule_slots(id) ON DELETE CASCADE,
            round INTEGER NOT NULL CHECK (round >= 1),
            invited_at TEXT NOT NULL,
            printed_at TEXT,
            PRIMARY KEY (nik, slot_id)
        ) WITHOUT ROWID;
        CREATE INDEX schedule_invitations_slot ON schedule_invitations(slot_id, nik);

        CREATE TABLE schedule_far_rts (
            kelurahan_kode TEXT NOT NULL,
            rw TEXT NOT NULL,
            rt TEXT NOT NULL,
            marked_at TEXT NOT NULL,
            PRIMARY KEY (kelurahan_kode, rw, rt)
        ) WITHOUT ROWID;
        """
    )


def card_delivery(db: sqlite_utils.Database) -> None:
    """Card delivery (antar KTP-el): batches, cards with their area, handovers and attempts, the recipient's proof.

    A NIK has at most one card not yet handed over; events wait in ``sync_state``
    like visit outcomes; the proof (photo or signature) is a blob in its own table.
    """
    db.executescript(
        """
        CREATE TABLE card_batches (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            batch_id TEXT NOT NULL REFERENCES card_batches(id),
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            nama TEXT NOT NULL DEFAULT '',
            alamat TEXT NOT NULL DEFAULT '',
            rt TEXT NOT NULL DEFAULT '',
            rw TEXT NOT NULL DEFAULT '',
            kelurahan_kode TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'menunggu'
                CHECK (state IN ('menunggu', 'diserahkan', 'tidak_terserahkan')),
            reason TEXT,
            updated_at TEXT NOT NULL,
            sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'acked', 'refused')),
            synced_at TEXT,
            sync_error_code TEXT
        );
        CREATE UNIQUE INDEX cards_open_nik ON cards(nik) WHERE state != 'diserahkan';
        CREATE INDEX cards_nik ON cards(nik);
        CREATE INDEX cards_area ON cards(kelurahan_kode, rw, rt);
        CREATE INDEX cards_sync ON cards(sync_state);
        CREATE TABLE card_events (
            uuid TEXT PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            kind TEXT NOT NULL CHECK (kind IN ('diserahkan', 'tidak_terserahkan')),
            reason TEXT,
            receiver_name TEXT NOT NULL DEFAULT '',
            relation TEXT,
            school TEXT NOT NULL DEFAULT '',
            event_date TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            trip TEXT CHECK (trip IS NULL OR json_valid(trip)),
            sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'acked', 'refused')),
            synced_at TEXT,
            sync_error_code TEXT
        );
        CREATE INDEX card_events_card ON card_events(card_id, recorded_at);
        CREATE INDEX card_events_sync ON card_events(sync_state, recorded_at);
        CREATE TABLE card_proofs (
            event_uuid TEXT PRIMARY KEY REFERENCES card_events(uuid),
            kind TEXT NOT NULL CHECK (kind IN ('foto', 'tanda_tangan')),
            mime TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size = length(bytes)),
            bytes BLOB NOT NULL
        );
        """
    )


def registrations(db: sqlite_utils.Database) -> None:
    """Residents with no NIK/KK yet (`app.store.registrations`): one row per family registered
    for a new KK. ``data``: the family (`app.core.registration.Registration.to_dict`);
    ``sync_state`` as for visit outcomes; ``issued``: the KK and NIKs the office issued
    (JSON ``{"no_kk": ..., "niks": [...]}``, NULL until they come back in the status feed).
    """
    db.executescript(
        """
        CREATE TABLE registrations (
            uuid TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            recorded_on TEXT NOT NULL CHECK (date(recorded_on) = recorded_on),
            operator TEXT NOT NULL DEFAULT '',
            head_nama TEXT NOT NULL DEFAULT '',
            member_count INTEGER NOT NULL CHECK (member_count >= 1),
            kelurahan_kode TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL CHECK (json_valid(data)),
            trip_id TEXT,
            trip TEXT CHECK (trip IS NULL OR json_valid(trip)),
            sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'acked', 'refused')),
            synced_at TEXT,
            sync_error_code TEXT,
            issued TEXT CHECK (issued IS NULL OR json_valid(issued)),
            issued_at TEXT
        );
        CREATE INDEX registrations_pending ON registrations(created_at) WHERE sync_state = 'pending';
        CREATE INDEX registrations_created ON registrations(created_at);
        """
    )


def category_marks(db: sqlite_utils.Database) -> None:
    """Each change of a marked category (`app.store.category_marks`), kept until the server holds it:
    ``marked`` 1 when a NIK was marked (by hand or from a list), 0 when the mark was taken off; the
    server keeps the latest per NIK and category. The marks made before this version are sent once too.
    """
    db.executescript(
        """
        CREATE TABLE category_marks (
            uuid TEXT PRIMARY KEY,
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            category TEXT NOT NULL,
            marked INTEGER NOT NULL CHECK (marked IN (0, 1)),
            source TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'acked', 'refused')),
            synced_at TEXT,
            sync_error_code TEXT
        );
        CREATE INDEX category_marks_pending ON category_marks(changed_at) WHERE sync_state = 'pending';
        """
    )
    held = db.execute("SELECT nik, category, substr(source, 1, 200), marked_at FROM target_categories"
                      " WHERE length(nik) = 16 ORDER BY marked_at").fetchall()
    db.conn.executemany("INSERT INTO category_marks (uuid, nik, category, marked, source, changed_at)"
                        " VALUES (?, ?, ?, 1, ?, ?)", [(str(uuid.uuid4()), *row) for row in held])


def progress_summary(db: sqlite_utils.Database) -> None:
    """Counts of the target list per RT, birth date, marked category and latest outcome, kept by
    triggers (`app.store.progress_tally`), so Laporan adds up a city's 1.2 million targets from a few
    thousand rows. The triggers on ``targets`` join what a suspended bulk import recreates (its
    repair recounts the tallies). Two covering indexes: the recordings and visit outcomes Laporan
    counts, read without their rows."""
    from app.store.progress_tally_0020 import COVERING_INDEXES, MARK_TRIGGERS, REBUILD, TABLES, TARGET_TRIGGERS

    saved = ", ".join("'$[#]', " + _quoted(sql) for sql in TARGET_TRIGGERS)
    db.executescript(
        TABLES
        + COVERING_INDEXES
        + "".join(f"{sql};\n" for sql in (*TARGET_TRIGGERS, *MARK_TRIGGERS, *REBUILD))
        + f"UPDATE settings SET value = json_insert(value, {saved}) WHERE key = 'targets.bulk_suspended_sql';\n"
    )


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


_SUSPENDED_KEY = "targets.bulk_suspended_sql"


def recorded_here(db: sqlite_utils.Database) -> None:
    """What was recorded here joins Laporan's tallies, so its dashboard reads no target row: the NIKs
    recorded here (``recorded_here``, kept by triggers on the recordings), counted recorded here and
    accepted per RT, birth date, category and outcome; the targets marked pelajar per birth date; the
    hand-set visit outcomes per operator and quarter hour (`app.store.progress_tally`). 0020's tallies
    gain the columns (their counts of the targets stand: no target row is read but those recorded here
    and marked); their triggers are replaced; a suspended bulk import will recreate the new ones on
    ``targets``."""
    import json

    from app.store import progress_tally as tally
    from app.store._util import canonical_json

    old = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'targets_tally_%'"
                     " OR name LIKE 'target_categories_tally_%' OR name LIKE 'target_outcomes_tally_%')").fetchall()
    for (name,) in old:
        db.execute(f'DROP TRIGGER "{name}"')
    db.executescript(tally.TABLES)
    for sql in (*tally.ADD_HERE_COLUMNS, *tally.FILL, *tally.RECORDING_TRIGGERS, *tally.HERE_TRIGGERS,
                *tally.TARGET_TRIGGERS, *tally.MARK_TRIGGERS, *tally.VISIT_TRIGGERS):
        db.execute(sql)
    row = db.execute("SELECT value FROM settings WHERE key = ?", (_SUSPENDED_KEY,)).fetchone()
    if row is not None:  # a bulk import was interrupted: its repair recreates the new triggers on targets
        saved = [sql for sql in json.loads(row[0]) if not sql.startswith("CREATE TRIGGER targets_tally_")]
        db.execute("UPDATE settings SET value = ? WHERE key = ?",
                   (canonical_json(saved + tally.TARGET_TRIGGERS), _SUSPENDED_KEY))
