"""Schema migrations: from an empty file, from every earlier version, and refusing newer files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import uuid

import pytest
import sqlite_utils

from app.core.categories import Category
from app.core.findings import Finding, Severity
from app.core.outcomes import Outcome
from app.store import migrations
from app.store.database import SchemaTooNew, connect, open_profile
from app.store.keys import derive_key
from app.store.migrations import LATEST_VERSION, NAMES
from app.store.profile import db_path, profile_path, read_profile
from app.store.recordings import RecordingRepo, reasons_to_json
from app.store.target_filter import TargetFilter
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from support.profiles import PASSPHRASE
from store_support import insert_old_recording, make_profile_at_version, make_resident

EXPECTED_TABLES = {
    "operators", "recordings", "media", "outbox", "settings", "audit", "regions", "targets", "targets_fts",
}


def _tables(store) -> set[str]:
    return {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _area_index_columns(store) -> list[str]:
    return [r[2] for r in store.query("PRAGMA index_info(targets_area)")]


def _elsewhere_index(store) -> tuple[list[str], bool]:
    """Columns of the partial index on residents recorded by another team, and whether it is partial."""
    columns = [r[2] for r in store.query("PRAGMA index_info(targets_recorded_elsewhere)")]
    partial = [r[4] for r in store.query("PRAGMA index_list(targets)") if r[1] == "targets_recorded_elsewhere"]
    return columns, partial == [1]


def test_there_are_several_versions():
    assert LATEST_VERSION == len(NAMES) >= 3
    assert NAMES == sorted(NAMES)


def test_from_an_empty_file(tmp_path):
    directory = tmp_path / "p"
    make_profile_at_version(directory, 0).conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.pragma("user_version") == LATEST_VERSION
        assert EXPECTED_TABLES <= _tables(store)
        assert [n for (n,) in store.query("SELECT name FROM _sqlite_migrations ORDER BY id")] == NAMES
    assert not list(directory.glob("jemput.db.bak-*"))  # nothing to keep from an empty file
    assert json.loads(profile_path(directory).read_text())["schema_version"] == LATEST_VERSION


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_from_every_earlier_version(tmp_path, fake, version):
    directory = tmp_path / "p"
    db = make_profile_at_version(directory, version)
    legacy_info = read_profile(directory)  # one passphrase: opening moves it to key slots
    assert migrations.schema_version(db) == version
    resident = make_resident(fake)
    rec_uuid = str(uuid.uuid4())
    db.conn.execute(
        "INSERT INTO recordings (uuid, nik, nama, status, created_at, updated_at, operator, payload)"
        " VALUES (?, ?, ?, 'complete', '2024-01-02T03:04:05.000+00:00', '2024-01-02T03:04:05.000+00:00',"
        " 'op', ?)",
        (rec_uuid, resident.nik, resident.nama, json.dumps(resident.to_dict())),
    )
    if version >= 3:  # that build wrote the area columns itself
        db.conn.execute(
            "UPDATE recordings SET kelurahan_kode = ?, rw = ?, rt = ? WHERE uuid = ?",
            (resident.kelurahan_kode, resident.rw, resident.rt, rec_uuid),
        )
    # An accepted recording with its photo, long settled: the retention purge (0006) may take it.
    settled = dataclasses.replace(make_resident(fake), rt=resident.rt, rw=resident.rw)
    settled_uuid = str(uuid.uuid4())
    photo = os.urandom(3000)
    db.conn.execute(
        "INSERT INTO recordings (uuid, nik, nama, status, created_at, updated_at, operator, payload)"
        " VALUES (?, ?, ?, 'accepted', '2024-01-02T03:04:05.000+00:00', '2024-01-09T03:04:05.000+00:00',"
        " 'op', ?)",
        (settled_uuid, settled.nik, settled.nama, json.dumps(settled.to_dict())),
    )
    db.conn.execute(
        "INSERT INTO media (recording_uuid, kind, sha256, mime, bytes, size, created_at)"
        " VALUES (?, 'photo', ?, 'image/jpeg', ?, ?, '2024-01-02')",
        (settled_uuid, hashlib.sha256(photo).hexdigest(), photo, len(photo)),
    )
    if version >= 3:
        db.conn.execute(
            "UPDATE recordings SET kelurahan_kode = ?, rw = ?, rt = ? WHERE uuid = ?",
            (settled.kelurahan_kode, settled.rw, settled.rt, settled_uuid),
        )
    for person in (resident, settled):
        db.conn.execute(
            "INSERT INTO targets (nik, nama, kelurahan_kode, rt, rw, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (person.nik, person.nama, person.kelurahan_kode, person.rt, person.rw, "2024-01-01"),
        )
    db.conn.commit()
    db.conn.close()
    old_bytes = db_path(directory).read_bytes()

    with open_profile(directory, PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
        assert EXPECTED_TABLES <= _tables(store)
        rec = RecordingRepo(store).get(rec_uuid)
        assert rec.resident == resident
        # 0003 filled the area columns from the payload (older files); progress per RT sees the recording.
        area = store.query("SELECT kelurahan_kode, rw, rt FROM recordings WHERE uuid = ?", (rec_uuid,))[0]
        assert area == (resident.kelurahan_kode, resident.rw, resident.rt)
        targets = TargetRepo(store)
        # 0002 indexed the existing target; the name search finds it.
        assert [t.nik for t in targets.search(resident.nama.split()[0])] == [resident.nik]
        [row] = targets.progress_by("rt")
        assert (row.target, row.recorded) == (2, 2)
        # 0004: the area index ends with name and NIK.
        assert _area_index_columns(store) == ["kelurahan_kode", "rw", "rt", "nama", "nik", "tanggal_lahir"]  # 0004, 0009
        # 0005: the old target is not "recorded by another team"; the sync pull can mark it, an import keeps it.
        assert targets.get(resident.nik).recorded_elsewhere is False
        assert _elsewhere_index(store) == (["kelurahan_kode", "rw", "rt", "nik"], True)
        area = {"kelurahan_kode": resident.kelurahan_kode, "rw": resident.rw, "rt": resident.rt}
        targets.upsert_many([{"nik": resident.nik, "nama": resident.nama, "recorded_elsewhere": True, **area}])
        targets.upsert_many([{"nik": resident.nik, "nama": resident.nama, **area}])
        assert targets.get(resident.nik).recorded_elsewhere is True
        [row] = targets.progress_by("kelurahan")
        assert (row.target, row.recorded, row.elsewhere) == (2, 2, 1)  # recorded here too: counted once
        # 0006: targets keep no_kk and tempat_lahir from an import; the feed (without them) keeps them.
        assert (targets.get(resident.nik).no_kk, targets.get(resident.nik).tempat_lahir) == ("", "")
        targets.upsert_many([{"nik": resident.nik, "nama": resident.nama, "no_kk": resident.no_kk,
                              "tempat_lahir": resident.tempat_lahir, **area}])
        targets.upsert_many([{"nik": resident.nik, "nama": resident.nama, "recorded_elsewhere": False, **area}])
        got = targets.get(resident.nik)
        assert (got.no_kk, got.tempat_lahir) == (resident.no_kk, resident.tempat_lahir)
        # 0007: the server's structured reasons, none in older rows; read back as findings.
        repo = RecordingRepo(store)
        assert repo.get(rec_uuid).server_reasons == () and repo.get(settled_uuid).server_reasons == ()
        reasons = (Finding("nik.length", "nik", Severity.ERROR, "NIK harus tepat 16 angka (sekarang 15).",
                           {"length": "15"}),)
        with store.transaction() as tx:
            tx.conn.execute("UPDATE recordings SET server_reasons = ? WHERE uuid = ?",
                            (reasons_to_json(reasons), settled_uuid))
        assert repo.get(settled_uuid).server_reasons == reasons
        # 0006: nothing was purged by the upgrade; a purge then takes the settled recording only.
        assert not repo.get(settled_uuid).purged and not repo.get(rec_uuid).purged
        assert {r[1] for r in store.query("PRAGMA index_list(recordings)")} >= {
            "recordings_replaces", "recordings_nik_hash"}
        result = repo.purge_settled(30)
        assert (result.accepted, result.replaced, result.media, result.media_bytes) == (1, 0, 1, len(photo))
        assert repo.get(settled_uuid).purged and repo.get(settled_uuid).resident.nama == ""
        assert repo.get(settled_uuid).server_reasons == ()  # params may quote the name: purged too
        assert repo.media(settled_uuid) == [] and repo.get(rec_uuid).resident == resident
        [row] = targets.progress_by("kelurahan")
        assert (row.target, row.recorded, row.elsewhere) == (2, 2, 0)  # the feed row above cleared the mark
        # 0009: no outcomes or marks yet; an outcome and a mark can be set, and filter the list.
        assert "targets_born" in {r[1] for r in store.query("PRAGMA index_list(targets)")}
        visits = VisitOutcomes(store)
        assert visits.pending() == [] and targets.get(resident.nik).outcome is None
        visits.record(resident.nik, Outcome.MENOLAK, today=dt.date(2025, 1, 1))
        visits.mark([settled.nik], Category.DIFABEL)
        assert [t.nik for t in targets.page(where=TargetFilter(outcome=Outcome.MENOLAK))] == [resident.nik]
        assert [t.nik for t in targets.page(where=TargetFilter(category=Category.DIFABEL))] == [settled.nik]
        assert store.integrity_check() == "ok"

    backup = directory / f"jemput.db.bak-v{version}"
    assert backup.exists()
    assert hashlib.sha256(backup.read_bytes()).digest() == hashlib.sha256(old_bytes).digest()
    assert db_path(directory).read_bytes()[:16] != b"SQLite format 3\x00"
    # The backup is still encrypted, and opens at its old version with the same key.
    assert resident.nik.encode() not in backup.read_bytes()
    conn = connect(backup, derive_key(PASSPHRASE, legacy_info.salt, legacy_info.kdf))
    try:
        assert migrations.schema_version(sqlite_utils.Database(conn, execute_plugins=False)) == version
    finally:
        conn.close()


def test_latest_file_opens_without_backup(profile_dir):
    with open_profile(profile_dir, PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
    assert not list(profile_dir.glob("jemput.db.bak-*"))


def _digest(directory) -> str:
    return hashlib.sha256(db_path(directory).read_bytes()).hexdigest()


def test_refuses_a_file_with_an_unknown_migration(profile_dir):
    with open_profile(profile_dir, PASSPHRASE) as store:
        with store.transaction() as db:
            db.conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('jemput', '0004_future', 'x')"
            )
    before = _digest(profile_dir)
    with pytest.raises(SchemaTooNew) as info:
        open_profile(profile_dir, PASSPHRASE)
    assert "lebih baru" in info.value.message
    assert _digest(profile_dir) == before
    assert not list(profile_dir.glob("jemput.db.bak-*"))


def test_refuses_a_higher_user_version(profile_dir):
    with open_profile(profile_dir, PASSPHRASE) as store:
        store.conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(SchemaTooNew):
        open_profile(profile_dir, PASSPHRASE)


def test_build_at_version_rejects_unknown_versions(tmp_path):
    db = make_profile_at_version(tmp_path / "p", 1)
    try:
        with pytest.raises(ValueError):
            migrations.build_at_version(db, LATEST_VERSION + 1)
    finally:
        db.conn.close()


def test_import_interrupted_before_an_upgrade_is_finished_with_the_new_index(tmp_path, fake):
    """A bulk import crashed at v3 (triggers and area index dropped); the next build upgrades and repairs."""
    directory = tmp_path / "p"
    db = make_profile_at_version(directory, 3)
    saved = [
        sql for (sql,) in db.conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'targets' AND type IN ('trigger', 'index')"
            " AND sql IS NOT NULL"
        )
    ]
    with db.atomic():
        db.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('targets.bulk_suspended_sql', ?, 'x')",
            (json.dumps(saved),),
        )
        for (kind, name) in db.conn.execute(
            "SELECT type, name FROM sqlite_master WHERE tbl_name = 'targets' AND type IN ('trigger', 'index')"
            " AND sql IS NOT NULL"
        ).fetchall():
            db.conn.execute(f"DROP {kind} {name}")
        resident = make_resident(fake)
        db.conn.execute(
            "INSERT INTO targets (nik, nama, updated_at) VALUES (?, ?, 'x')", (resident.nik, resident.nama)
        )
    db.conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        targets = TargetRepo(store)
        assert not targets.index_suspended()
        assert _area_index_columns(store) == ["kelurahan_kode", "rw", "rt", "nama", "nik", "tanggal_lahir"]  # 0004, 0009
        assert _elsewhere_index(store) == (["kelurahan_kode", "rw", "rt", "nik"], True)  # 0005's, kept by the repair
        assert {"targets_born", "targets_nama"} <= {r[1] for r in store.query("PRAGMA index_list(targets)")}  # 0009's
        assert [t.nik for t in targets.search(resident.nama)] == [resident.nik]
        triggers = store.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'targets'")
        assert len(triggers) == 6 and {"targets_tally_ai", "targets_tally_ad", "targets_tally_au"} <= {
            name for (name,) in triggers}  # 3 of the name index, 3 of 0020's tallies, kept by the repair
        assert store.query("SELECT kelurahan_kode, rw, rt, targets, elsewhere FROM target_area_tally") == [
            ("", "", "", 1, 0)]  # the row the crashed import wrote is counted once the repair recounts


_OLD_CONFLICT = ("Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. "
                 "Rekaman ini diubah setelah terkirim sebagian: hubungi admin untuk meninjaunya.")
_NEW_CONFLICT = ("Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. "
                 "Rekaman ini diubah setelah terkirim sebagian: pilih \"Jadikan versi baru\" untuk mengirim isi laptop "
                 "ini sebagai versi baru yang menggantikannya, atau hubungi admin.")


@pytest.mark.parametrize("version", range(1, NAMES.index("0008_outbox_content_hash_and_codes") + 1))
def test_0008_codes_parked_entries_by_their_words(tmp_path, fake, version):
    """outbox.payload_sha256 becomes content_sha256 (values kept); entries parked or failed before the
    codes existed get one: a conflict (under either wording) sync.conflict, anything else sync.unclassified."""
    from app.core.lifecycle import OutboxState
    from app.store.outbox import CONFLICT_CODE, UNCLASSIFIED, Outbox

    directory = tmp_path / "p"
    db = make_profile_at_version(directory, version)
    entries = {  # name: (state, last_error)
        "old_conflict": ("parked", _OLD_CONFLICT), "new_conflict": ("parked", _NEW_CONFLICT),
        "refused": ("parked", "Server tidak dapat menerima rekaman ini (HTTP 422)."),
        "failed": ("pending", "Server terlalu lama menjawab (sinyal lemah)."), "clean": ("pending", None),
        "acked": ("acked", None), "failed_conflict_words": ("pending", _NEW_CONFLICT),
    }
    uuids, hashes = {}, {}
    for name, (state, error) in entries.items():
        resident = make_resident(fake)
        uuids[name], hashes[name] = str(uuid.uuid4()), hashlib.sha256(name.encode()).hexdigest()
        db.conn.execute(
            "INSERT INTO recordings (uuid, nik, nama, status, created_at, updated_at, operator, payload)"
            " VALUES (?, ?, ?, ?, '2024-01-02T03:04:05.000+00:00', '2024-01-02T03:04:05.000+00:00', 'op', ?)",
            (uuids[name], resident.nik, resident.nama, "sent" if state == "acked" else "queued",
             json.dumps(resident.to_dict())))
        db.conn.execute(
            "INSERT INTO outbox (recording_uuid, payload_sha256, state, attempts, enqueued_at, last_error)"
            " VALUES (?, ?, ?, 1, '2024-01-02T03:04:05.000+00:00', ?)", (uuids[name], hashes[name], state, error))
    db.conn.commit()
    db.conn.close()

    with open_profile(directory, PASSPHRASE) as store:
        box = Outbox(store)
        got = {name: box.get(u) for name, u in uuids.items()}
        assert {name: e.content_sha256 for name, e in got.items()} == hashes
        assert {name: e.last_error_code for name, e in got.items()} == {
            "old_conflict": CONFLICT_CODE, "new_conflict": CONFLICT_CODE, "refused": UNCLASSIFIED,
            "failed": UNCLASSIFIED, "clean": None, "acked": None, "failed_conflict_words": UNCLASSIFIED}
        assert {name for name, e in got.items() if e.conflict} == {"old_conflict", "new_conflict"}
        assert got["old_conflict"].last_error == _OLD_CONFLICT and got["old_conflict"].last_error_params == {}
        assert got["refused"].state is OutboxState.PARKED
        # The renamed column is the one written from now on.
        box.park(uuids["clean"], "x", "sync.item_refused", {"status": 413, "words": ""})
        assert box.get(uuids["clean"]).last_error_params == {"status": 413, "words": ""}
        assert "payload_sha256" not in {r[1] for r in store.query("PRAGMA table_info(outbox)")}


@pytest.mark.parametrize("version", range(1, NAMES.index("0009_media_flags") + 1))
def test_0009_older_recordings_have_no_flags_and_flags_must_be_json(tmp_path, fake, version):

    directory = tmp_path / "p"
    db = make_profile_at_version(directory, version)
    rec_uuid = insert_old_recording(db, make_resident(fake))
    db.conn.commit()
    db.conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        repo = RecordingRepo(store)
        old = repo.get(rec_uuid)
        assert old.photo_flag is None and old.signature_flag is None
        assert "photo_flag" not in old.content({})  # its content hash is the one it had before
        repo.save(old.with_changes(photo_flag={"reason": "terbaring", "text": "", "failed_checks": ["photo.tilted"]},
                                   signature_flag={"mode": "cap_jempol"}), [], enqueue=False)
        again = repo.get(rec_uuid)
        assert again.photo_flag["failed_checks"] == ["photo.tilted"] and again.signature_flag == {"mode": "cap_jempol"}
        with pytest.raises(Exception, match="CHECK constraint failed"):  # what is not JSON is refused
            with store.transaction() as db2:
                db2.conn.execute("UPDATE recordings SET photo_flag = 'not json' WHERE uuid = ?", (rec_uuid,))
        assert repo.get(rec_uuid).photo_flag["reason"] == "terbaring"
