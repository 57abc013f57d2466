"""The schema, as ordered sqlite-utils migrations applied when a profile opens.

Each migration runs in one transaction with the row that records it (sqlite-
utils ``Migrations``) and sets ``PRAGMA user_version`` to its number, so the
schema version is the count of applied migrations. A file carrying a migration
this build does not know (or a higher ``user_version``) comes from a newer
release and is refused untouched. Migrations are snapshots: never edit one that
has shipped; add the next one instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

from app.store.errors import SchemaTooNew

MIGRATION_SET = "jemput"
migrations = Migrations(MIGRATION_SET)
NAMES: list[str] = []


def _migration(name: str) -> Callable:
    def register(fn: Callable[[sqlite_utils.Database], None]) -> Callable:
        version = len(NAMES) + 1

        def run(db: sqlite_utils.Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")

        run.__name__ = name
        migrations(name=name)(run)
        NAMES.append(name)
        return fn

    return register


@_migration("0001_base")
def _base(db: sqlite_utils.Database) -> None:
    """Operators, recordings, media, outbox, settings, audit, regions, targets."""
    db.executescript(
        """
        CREATE TABLE operators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX operators_name ON operators(name COLLATE NOCASE);

        CREATE TABLE recordings (
            uuid TEXT PRIMARY KEY,
            nik TEXT NOT NULL DEFAULT '',
            nama TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('draft', 'complete', 'queued', 'sent',
                                                   'accepted', 'duplicate_review', 'rejected')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            acknowledgements TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(acknowledgements)),
            photo_exception TEXT,
            signature_exception TEXT,
            replaces_uuid TEXT,
            server_status TEXT,
            server_message TEXT
        );
        CREATE INDEX recordings_status ON recordings(status, updated_at);
        CREATE INDEX recordings_nik ON recordings(nik);
        CREATE INDEX recordings_nama ON recordings(nama);
        CREATE INDEX recordings_created ON recordings(created_at);

        CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            recording_uuid TEXT NOT NULL REFERENCES recordings(uuid) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('photo', 'signature')),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            mime TEXT NOT NULL,
            bytes BLOB NOT NULL,
            size INTEGER NOT NULL CHECK (size = length(bytes)),
            created_at TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
            UNIQUE (recording_uuid, kind)
        );
        CREATE INDEX media_sha256 ON media(sha256);

        CREATE TABLE outbox (
            recording_uuid TEXT PRIMARY KEY REFERENCES recordings(uuid) ON DELETE CASCADE,
            payload_sha256 TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'acked', 'parked')),
            attempts INTEGER NOT NULL DEFAULT 0,
            enqueued_at TEXT NOT NULL,
            next_attempt_at TEXT,
            last_error TEXT,
            acked_at TEXT,
            server_status TEXT
        );
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value)),
            updated_at TEXT NOT NULL
        );

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            recording_uuid TEXT,
            detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
        );
        CREATE INDEX audit_recording ON audit(recording_uuid);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

        CREATE TABLE regions (
            kode TEXT PRIMARY KEY,
            nama TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
            parent_kode TEXT
        );
        CREATE INDEX regions_parent ON regions(parent_kode);

        CREATE TABLE targets (
            id INTEGER PRIMARY KEY,
            nik TEXT NOT NULL UNIQUE,
            nama TEXT NOT NULL,
            tanggal_lahir TEXT,
            jenis_kelamin TEXT,
            alamat TEXT NOT NULL DEFAULT '',
            rt TEXT NOT NULL DEFAULT '',
            rw TEXT NOT NULL DEFAULT '',
            kelurahan_kode TEXT NOT NULL DEFAULT '',
            status_ktp TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX targets_area ON targets(kelurahan_kode, rw, rt);
        """
    )


@_migration("0002_targets_fts")
def _targets_fts(db: sqlite_utils.Database) -> None:
    """Full-text index on target names (FTS5, external content), kept by triggers."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE targets_fts USING fts5(
            nama, content='targets', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3'
        );
        CREATE TRIGGER targets_fts_ai AFTER INSERT ON targets BEGIN
            INSERT INTO targets_fts(rowid, nama) VALUES (new.id, new.nama);
        END;
        CREATE TRIGGER targets_fts_ad AFTER DELETE ON targets BEGIN
            INSERT INTO targets_fts(targets_fts, rowid, nama) VALUES ('delete', old.id, old.nama);
        END;
        CREATE TRIGGER targets_fts_au AFTER UPDATE OF nama ON targets BEGIN
            INSERT INTO targets_fts(targets_fts, rowid, nama) VALUES ('delete', old.id, old.nama);
            INSERT INTO targets_fts(rowid, nama) VALUES (new.id, new.nama);
        END;
        INSERT INTO targets_fts(targets_fts) VALUES ('rebuild');
        """
    )


@_migration("0003_recording_area")
def _recording_area(db: sqlite_utils.Database) -> None:
    """Kelurahan, RW and RT of each recording as columns, for progress per area."""
    db.executescript(
        """
        ALTER TABLE recordings ADD COLUMN kelurahan_kode TEXT NOT NULL DEFAULT '';
        ALTER TABLE recordings ADD COLUMN rw TEXT NOT NULL DEFAULT '';
        ALTER TABLE recordings ADD COLUMN rt TEXT NOT NULL DEFAULT '';
        UPDATE recordings SET
            kelurahan_kode = coalesce(json_extract(payload, '$.kelurahan_kode'), ''),
            rw = coalesce(json_extract(payload, '$.rw'), ''),
            rt = coalesce(json_extract(payload, '$.rt'), '');
        CREATE INDEX recordings_area ON recordings(kelurahan_kode, rw, rt);
        """
    )


@_migration("0004_targets_area_by_name")
def _targets_area_by_name(db: sqlite_utils.Database) -> None:
    """Area index extended by name and NIK: the target list pages in index order, and
    skipping recorded residents reads no table rows (140 ms -> 8 ms p95 at 1.2 million)."""
    db.executescript(
        """
        DROP INDEX IF EXISTS targets_area;
        CREATE INDEX targets_area ON targets(kelurahan_kode, rw, rt, nama, nik);
        UPDATE settings SET value = replace(value, 'targets(kelurahan_kode, rw, rt)',
                                            'targets(kelurahan_kode, rw, rt, nama, nik)')
        WHERE key = 'targets.bulk_suspended_sql';
        """
    )


_ELSEWHERE_INDEX = (
    "CREATE INDEX targets_recorded_elsewhere ON targets(kelurahan_kode, rw, rt, nik)"
    " WHERE recorded_elsewhere = 1"
)


@_migration("0005_targets_recorded_elsewhere")
def _targets_recorded_elsewhere(db: sqlite_utils.Database) -> None:
    """Whether the server says another device recorded the resident (its target feed's
    ``recorded_by = other_device``). Only the sync pull writes it; imports keep it.

    A small partial index (area and NIK of those residents only) keeps the progress
    count and the "only not yet recorded" page on the area index, reading no table
    rows. If a bulk import is suspended, the index joins what its repair recreates.
    """
    db.executescript(
        f"""
        ALTER TABLE targets ADD COLUMN recorded_elsewhere INTEGER NOT NULL DEFAULT 0
            CHECK (recorded_elsewhere IN (0, 1));
        {_ELSEWHERE_INDEX};
        UPDATE settings SET value = json_insert(value, '$[#]', '{_ELSEWHERE_INDEX}')
        WHERE key = 'targets.bulk_suspended_sql';
        """
    )


@_migration("0006_retention_and_target_kk")
def _retention_and_target_kk(db: sqlite_utils.Database) -> None:
    """Retention purge (`app.store.retention`) and two target columns the imports read.

    recordings.purged_at: when the personal data of a settled recording was
    removed (NULL: never). recordings.nik_hash: a keyed hash of the NIK, kept
    instead of the NIK of a purged recording whose NIK was not on the target
    list, so progress still counts it once that NIK arrives. Two small partial
    indexes: replacements by the recording they replace (the purge follows
    rejected -> fixed chains) and the hashed NIKs. targets.no_kk and
    targets.tempat_lahir: kept from CSV/XLSX imports to pre-fill the form.
    """
    db.executescript(
        """
        ALTER TABLE recordings ADD COLUMN purged_at TEXT;
        ALTER TABLE recordings ADD COLUMN nik_hash TEXT;
        CREATE INDEX recordings_replaces ON recordings(replaces_uuid) WHERE replaces_uuid IS NOT NULL;
        CREATE INDEX recordings_nik_hash ON recordings(nik_hash) WHERE nik_hash IS NOT NULL;
        ALTER TABLE targets ADD COLUMN no_kk TEXT NOT NULL DEFAULT '';
        ALTER TABLE targets ADD COLUMN tempat_lahir TEXT NOT NULL DEFAULT '';
        """
    )


@_migration("0007_server_reasons")
def _server_reasons(db: sqlite_utils.Database) -> None:
    """recordings.server_reasons: the server's reasons as a JSON list (code, field,
    severity, message, params), kept next to `server_message` so the window can show
    them in its own language. NULL when the server gave none (older rows, older servers)."""
    db.execute("ALTER TABLE recordings ADD COLUMN server_reasons TEXT")


# Parked entries written before the codes existed, recognised once by the words they
# were parked with (both wordings of the conflict message start so).
_CONFLICT_WORDS = "Server sudah memegang versi lain rekaman ini"


@_migration("0008_outbox_content_hash_and_codes")
def _outbox_content_hash_and_codes(db: sqlite_utils.Database) -> None:
    """outbox.payload_sha256 is renamed content_sha256 (it holds the hash of the recording's
    content, not the wire payload's); outbox.last_error_code and last_error_params (JSON) say
    why an entry is parked or failed as a stable code, beside the words in last_error.

    Older entries get their code from what is known: a parked conflict (by its words)
    becomes ``sync.conflict``, any other parked or failed entry ``sync.unclassified``
    (its words stay the only account).
    """
    db.executescript(
        f"""
        ALTER TABLE outbox RENAME COLUMN payload_sha256 TO content_sha256;
        ALTER TABLE outbox ADD COLUMN last_error_code TEXT;
        ALTER TABLE outbox ADD COLUMN last_error_params TEXT
            CHECK (last_error_params IS NULL OR json_valid(last_error_params));
        UPDATE outbox SET last_error_code = 'sync.conflict', last_error_params = '{{}}'
        WHERE state = 'parked' AND substr(last_error, 1, {len(_CONFLICT_WORDS)}) = '{_CONFLICT_WORDS}';
        UPDATE outbox SET last_error_code = 'sync.unclassified', last_error_params = '{{}}'
        WHERE last_error_code IS NULL AND state != 'acked' AND (state = 'parked' OR last_error IS NOT NULL);
        """
    )


@_migration("0009_media_flags")
def _media_flags(db: sqlite_utils.Database) -> None:
    """recordings.photo_flag and signature_flag (JSON, `app.core.exceptions`): a photo kept
    with an exception (reason, failed checks), a thumbprint, a guardian's signature (name,
    relation) or none with a reason. NULL for an ordinary photo and signature and for
    every older row."""
    db.executescript(
        """
        ALTER TABLE recordings ADD COLUMN photo_flag TEXT CHECK (photo_flag IS NULL OR json_valid(photo_flag));
        ALTER TABLE recordings ADD COLUMN signature_flag TEXT
            CHECK (signature_flag IS NULL OR json_valid(signature_flag));
        """
    )


_BORN_INDEX = "CREATE INDEX targets_born ON targets(tanggal_lahir, nik, kelurahan_kode)"
_NAME_INDEX = "CREATE INDEX targets_nama ON targets(nama, nik)"


@_migration("0010_categories_and_visit_outcomes")
def _categories_and_visit_outcomes(db: sqlite_utils.Database) -> None:
    """Target categories and visit outcomes (Daftar Warga's filters, the revisit list).

    targets_area gains the birth date (a derived category is checked on the
    area index alone); targets_born: birth dates, for the derived categories
    (lansia, pelajar are birth-date ranges, `app.core.categories.birth_range`)
    and the list by birth date; targets_nama: the list sorted by name over a
    whole city. Each holds the NIK, so a marked category or an outcome is
    checked without reading the row. All join what a suspended bulk import
    recreates. target_categories: the marked ones (one
    row per NIK and category; ``source`` says who or which list marked it).
    visit_outcomes: every outcome set, with its sync state (``pending`` until
    the server holds it, ``acked`` after, ``refused`` when the server refused
    it for good). target_outcomes: the latest outcome per NIK, written in the
    same transaction, so filtering by outcome and the revisit list read one
    small table.
    """
    categories = ", ".join(f"'{c}'" for c in ("lansia", "difabel", "pelajar", "tahanan", "pekerja", "perbatasan"))
    outcomes = ", ".join(f"'{o}'" for o in ("direkam", "tidak_di_rumah", "menolak", "pindah", "meninggal",
                                            "kunjungan_ulang", "rekam_di_tempat_lain"))
    db.executescript(
        f"""
        DROP INDEX IF EXISTS targets_area;
        CREATE INDEX targets_area ON targets(kelurahan_kode, rw, rt, nama, nik, tanggal_lahir);
        {_BORN_INDEX};
        {_NAME_INDEX};
        UPDATE settings SET value = json_insert(
            replace(value, 'targets(kelurahan_kode, rw, rt, nama, nik)',
                    'targets(kelurahan_kode, rw, rt, nama, nik, tanggal_lahir)'),
            '$[#]', '{_BORN_INDEX}', '$[#]', '{_NAME_INDEX}')
        WHERE key = 'targets.bulk_suspended_sql';

        CREATE TABLE target_categories (
            nik TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ({categories})),
            source TEXT NOT NULL DEFAULT '',
            marked_at TEXT NOT NULL,
            PRIMARY KEY (nik, category)
        ) WITHOUT ROWID;
        CREATE INDEX target_categories_category ON target_categories(category, nik);

        CREATE TABLE visit_outcomes (
            uuid TEXT PRIMARY KEY,
            nik TEXT NOT NULL CHECK (length(nik) = 16),
            outcome TEXT NOT NULL CHECK (outcome IN ({outcomes})),
            visited_at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            revisit_date TEXT CHECK (revisit_date IS NULL OR date(revisit_date) = revisit_date),
            note TEXT NOT NULL DEFAULT '',
            recording_uuid TEXT,
            sync_state TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'acked', 'refused')),
            synced_at TEXT,
            sync_error_code TEXT,
            CHECK ((outcome = 'direkam') = (recording_uuid IS NOT NULL))
        );
        CREATE INDEX visit_outcomes_nik ON visit_outcomes(nik, visited_at);
        CREATE UNIQUE INDEX visit_outcomes_recording ON visit_outcomes(recording_uuid)
            WHERE recording_uuid IS NOT NULL;
        CREATE INDEX visit_outcomes_pending ON visit_outcomes(visited_at) WHERE sync_state = 'pending';

        CREATE TABLE target_outcomes (
            nik TEXT PRIMARY KEY,
            outcome TEXT NOT NULL,
            outcome_uuid TEXT NOT NULL,
            visited_at TEXT NOT NULL,
            revisit_date TEXT
        ) WITHOUT ROWID;
        CREATE INDEX target_outcomes_outcome ON target_outcomes(outcome, nik);
        CREATE INDEX target_outcomes_revisit ON target_outcomes(revisit_date, nik) WHERE revisit_date IS NOT NULL;
        """
    )


@_migration("0011_trips_and_school")
def _trips_and_school(db: sqlite_utils.Database) -> None:
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


@_migration("0012_people_and_key_slots")
def _people_and_key_slots(db: sqlite_utils.Database) -> None:
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


@_migration("0013_audit_chain")
def _audit_chain(db: sqlite_utils.Database) -> None:
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


@_migration("0014_biometrics")
def _biometrics(db: sqlite_utils.Database) -> None:
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


@_migration("0015_approvals")
def _approvals(db: sqlite_utils.Database) -> None:
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


@_migration("0016_schedules")
def _schedules(db: sqlite_utils.Database) -> None:
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


@_migration("0017_card_delivery")
def _card_delivery(db: sqlite_utils.Database) -> None:
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


@_migration("0018_registrations")
def _registrations(db: sqlite_utils.Database) -> None:
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


@_migration("0019_category_marks")
def _category_marks(db: sqlite_utils.Database) -> None:
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


@_migration("0020_progress_summary")
def _progress_summary(db: sqlite_utils.Database) -> None:
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


@_migration("0021_recorded_here")
def _recorded_here(db: sqlite_utils.Database) -> None:
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


LATEST_VERSION = len(NAMES)


def applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of this build's migrations the file has (0 for a new file)."""
    return sum(1 for name in applied_names(db) if name in NAMES)


def check_not_newer(db: sqlite_utils.Database) -> None:
    """Raise `SchemaTooNew` if the file has migrations this build does not know."""
    unknown = [name for name in applied_names(db) if name not in NAMES]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or user_version > LATEST_VERSION:
        raise SchemaTooNew()


def migrate(
    db: sqlite_utils.Database, *, before_upgrade: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Apply pending migrations; return (version before, version after).

    `before_upgrade(version)` runs first when the file holds an older, non-empty
    schema (the caller copies the file aside there).
    """
    check_not_newer(db)
    before = schema_version(db)
    if before == LATEST_VERSION:
        return before, before
    if before > 0 and before_upgrade is not None:
        before_upgrade(before)
    migrations.apply(db)
    return before, schema_version(db)


def build_at_version(db: sqlite_utils.Database, version: int) -> None:
    """Bring an empty (or older) database to exactly `version` (tests and tooling)."""
    if not 0 <= version <= LATEST_VERSION:
        raise ValueError(f"versi skema tidak dikenal: {version}")
    if version == LATEST_VERSION:
        migrations.apply(db)
    elif version > 0:
        migrations.apply(db, stop_before=NAMES[version])
