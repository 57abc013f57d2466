"""Changing the passphrase: re-key, crash windows, refusals, audit; owner-only file modes (real SQLCipher files)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.audit import AuditLog
from app.store.database import WrongPassphrase, open_profile
from app.store.errors import StoreError
from app.store.keys import KdfParams
from app.store.migrations import LATEST_VERSION
from app.store.passphrase import begin_change, change_passphrase, finish_change, rekey
from app.store.profile import db_path, profile_path, read_profile
from app.store.recordings import RecordingRepo
from app.store.settings import Settings
from support.profiles import FAST_KDF, PASSPHRASE
from store_support import make_media, make_profile_at_version, make_recording, open_legacy_raw

NEW = "teh-manis-dingin-2025"
CRASHER = Path(__file__).with_name("rekey_crasher.py")
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="owner-only mode bits are a POSIX matter")


def _bytes(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def _profile_json(directory: Path) -> dict:
    return json.loads(profile_path(directory).read_text(encoding="utf-8"))


def _refused(directory: Path, passphrase: str) -> bool:
    try:
        open_profile(directory, passphrase).close()
    except WrongPassphrase:
        return True
    return False


# -- the change ------------------------------------------------------------------

def test_change_then_new_opens_and_old_fails(profile_dir, fake):
    with open_profile(profile_dir, PASSPHRASE) as store:
        rec = make_recording(fake)
        RecordingRepo(store).save(rec, make_media(), enqueue=True)
        key = store.key
    [slot_before] = read_profile(profile_dir).slots

    info = change_passphrase(profile_dir, PASSPHRASE, NEW)

    [slot] = info.slots
    assert slot.id == slot_before.id and slot.salt != slot_before.salt and len(slot.salt) == 16
    assert slot.wrapped != slot_before.wrapped
    assert slot.kdf == FAST_KDF  # the slot's parameters are kept by default
    data = _profile_json(profile_dir)
    assert "pending" not in data and "pending_slots" not in data
    assert _refused(profile_dir, PASSPHRASE)
    with open_profile(profile_dir, NEW) as store:
        assert store.key == key  # one slot rewrapped; the database was not re-encrypted
        assert store.integrity_check() == "ok"
        assert RecordingRepo(store).get(rec.uuid).resident == rec.resident
        [entry] = AuditLog(store).entries(action="profile.passphrase_changed")
        assert entry.detail == {"kdf": "argon2id", "time_cost": 1, "memory_cost": 1024, "parallelism": 1,
                                "operator_id": None}
        rows = json.dumps(store.query("SELECT * FROM audit"))
    for secret in (PASSPHRASE, NEW, data["slots"][0]["kdf"]["salt"], base64.b64encode(slot_before.salt).decode()):
        assert secret not in rows


def test_open_store_keeps_working_after_the_change(store, fake):
    directory = store.dir
    before = make_recording(fake)
    RecordingRepo(store).save(before, make_media(), enqueue=True)

    change_passphrase(directory, PASSPHRASE, NEW, store=store, actor="Operator Uji")

    assert not store.closed
    after = make_recording(fake)
    RecordingRepo(store).save(after, make_media(), enqueue=True)  # writes with the new key
    Settings(store).set("server_url", "https://contoh.example")
    assert RecordingRepo(store).count() == 2
    assert store.profile == read_profile(directory)
    assert AuditLog(store).entries(action="profile.passphrase_changed")[0].actor == "Operator Uji"
    store.close()
    assert _refused(directory, PASSPHRASE)
    with open_profile(directory, NEW) as again:
        assert again.integrity_check() == "ok"
        assert {r.uuid for r in RecordingRepo(again).list()} == {before.uuid, after.uuid}
        assert Settings(again).get("server_url") == "https://contoh.example"


def test_new_kdf_parameters_are_recorded(profile_dir):
    stronger = KdfParams(time_cost=2, memory_cost=2048, parallelism=1)
    change_passphrase(profile_dir, PASSPHRASE, NEW, stronger)
    assert read_profile(profile_dir).slots[0].kdf == stronger
    with open_profile(profile_dir, NEW):
        pass


def test_changing_twice_works(profile_dir):
    change_passphrase(profile_dir, PASSPHRASE, NEW)
    change_passphrase(profile_dir, NEW, "ketiga-kalinya-ganti")
    assert _refused(profile_dir, NEW)
    with open_profile(profile_dir, "ketiga-kalinya-ganti") as store:
        assert len(AuditLog(store).entries(action="profile.passphrase_changed")) == 2


# -- refusals change nothing -----------------------------------------------------

def test_wrong_old_passphrase_changes_nothing(profile_dir):
    before = _bytes(profile_dir)
    with pytest.raises(WrongPassphrase) as info:
        change_passphrase(profile_dir, PASSPHRASE + "x", NEW)
    assert info.value.kind == "wrong_passphrase"
    after = _bytes(profile_dir)
    assert after.pop("profile.json") != before.pop("profile.json")  # the failure is counted there
    assert after == before
    assert read_profile(profile_dir).unlock["failures"] == 1
    with open_profile(profile_dir, PASSPHRASE):
        pass


def test_wrong_old_passphrase_with_an_open_store_changes_nothing(store):
    store.checkpoint()
    before = _bytes(store.dir)
    with pytest.raises(WrongPassphrase):
        change_passphrase(store.dir, "bukan-kata-sandinya", NEW, store=store)
    assert _bytes(store.dir) == before
    assert RecordingRepo(store).count() == 0  # the store still works
    store.close()
    assert _refused(store.dir, NEW)


@pytest.mark.parametrize("new, why", [("pendek", "minimal 8"), (PASSPHRASE, "sama dengan"), ("", "kosong"),
                                      ("12345678", "mudah ditebak")])
def test_unacceptable_new_passphrase_changes_nothing(profile_dir, new, why):
    before = _bytes(profile_dir)
    with pytest.raises(StoreError) as info:
        change_passphrase(profile_dir, PASSPHRASE, new)
    assert info.value.kind == "invalid"
    assert why in info.value.message
    assert _bytes(profile_dir) == before


# -- crash windows (a one-passphrase profile: the re-key path it and the move to key slots share) --

def test_crash_after_rekey_before_promotion_opens_with_new(legacy_dir):
    """In-process: the real steps up to the re-key, then the promotion never happens."""
    store = open_legacy_raw(legacy_dir, PASSPHRASE)
    change = begin_change(legacy_dir, store.profile, NEW)
    rekey(store.conn, change.key)
    store.conn.close()
    assert read_profile(legacy_dir).pending.salt == change.info.pending.salt

    assert _refused(legacy_dir, PASSPHRASE)
    with open_profile(legacy_dir, NEW) as store:  # finishes the change, then moves to key slots
        assert RecordingRepo(store).count() == 5
        assert AuditLog(store).entries(action="profile.passphrase_change_finished")
    info = read_profile(legacy_dir)
    assert info.pending is None and info.has_slots
    with open_profile(legacy_dir, NEW):  # and stays finished
        pass


def test_crash_after_writing_pending_before_rekey_opens_with_old(legacy_dir):
    store = open_legacy_raw(legacy_dir, PASSPHRASE)
    begin_change(legacy_dir, store.profile, NEW)
    store.conn.close()
    assert read_profile(legacy_dir).pending is not None
    assert _refused(legacy_dir, NEW)
    with open_profile(legacy_dir, PASSPHRASE) as store:
        assert store.integrity_check() == "ok"
    change_passphrase(legacy_dir, PASSPHRASE, NEW)
    assert read_profile(legacy_dir).pending is None
    with open_profile(legacy_dir, NEW):
        pass


def test_promotion_finishes_only_with_the_pending_passphrase(legacy_dir):
    store = open_legacy_raw(legacy_dir, PASSPHRASE)
    change = begin_change(legacy_dir, store.profile, NEW)
    rekey(store.conn, change.key)
    store.conn.close()
    before = _bytes(legacy_dir)
    assert _refused(legacy_dir, "sama-sekali-lain")
    after = _bytes(legacy_dir)
    assert {k: v for k, v in after.items() if k != "profile.json"} == {
        k: v for k, v in before.items() if k != "profile.json"}
    info = read_profile(legacy_dir)
    assert info.pending is not None and info.unlock["failures"] == 1  # only the failure was counted
    info = finish_change(change)  # the step a crash skipped, run late: same result as opening
    assert read_profile(legacy_dir).salt == info.salt


@pytest.mark.parametrize("stage, opens, refused", [("pending", PASSPHRASE, NEW), ("rekeyed", NEW, PASSPHRASE)])
def test_process_killed_mid_change_leaves_a_profile_one_passphrase_opens(legacy_dir, stage, opens, refused):
    proc = subprocess.run(
        [sys.executable, str(CRASHER), str(legacy_dir), PASSPHRASE, NEW, stage],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode != 0, "the helper should have died"
    uuids = proc.stdout.split()
    assert len(uuids) == (1 if stage == "pending" else 2), proc.stderr[-2000:]
    assert read_profile(legacy_dir).pending is not None

    assert _refused(legacy_dir, refused)
    with open_profile(legacy_dir, opens) as store:
        assert store.integrity_check() == "ok"
        assert set(uuids) <= {r.uuid for r in RecordingRepo(store).list()}
    if stage == "rekeyed":
        assert read_profile(legacy_dir).pending is None


# -- owner-only modes ------------------------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The widest umask, so only our own code can make the files private."""
    old = os.umask(0)
    yield
    os.umask(old)


@POSIX_ONLY
def test_new_profile_files_are_owner_only(tmp_path, open_umask, fake):
    from app.store.database import create_profile

    directory = tmp_path / "baru"
    with create_profile(directory, PASSPHRASE, kdf_params=FAST_KDF) as store:
        RecordingRepo(store).save(make_recording(fake), make_media(), enqueue=True)
        names = {p.name for p in directory.iterdir()}
        assert {"jemput.db", "jemput.db-wal", "jemput.db-shm", "profile.json"} <= names
        assert {p.name: _mode(p) for p in directory.iterdir()} == dict.fromkeys(names, 0o600)
    assert _mode(directory) == 0o700
    change_passphrase(directory, PASSPHRASE, NEW)
    with open_profile(directory, NEW):
        assert {p.name: _mode(p) for p in directory.iterdir()} == {
            p.name: 0o600 for p in directory.iterdir()}


@POSIX_ONLY
def test_language_choice_file_is_owner_only(tmp_path, open_umask):
    from app.session import Session, ui_language

    session = Session.create(tmp_path / "p", PASSPHRASE, operator="Operator Uji", kdf_params=FAST_KDF)
    try:
        session.set_language("en")
    finally:
        session.close()
    assert ui_language(tmp_path / "p") == "en"
    assert _mode(tmp_path / "p" / "ui.json") == 0o600


@POSIX_ONLY
def test_migration_backup_is_owner_only(tmp_path, open_umask):
    directory = tmp_path / "lama"
    make_profile_at_version(directory, 1).conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
        backups = list(directory.glob("jemput.db.bak-v*"))
        assert backups
        for path in [*backups, *directory.iterdir()]:
            assert _mode(path) == 0o600, path.name


def test_a_changed_passphrase_leaves_no_backup_readable_with_the_old_one(tmp_path):
    directory = tmp_path / "lama"
    make_profile_at_version(directory, 1).conn.close()
    open_profile(directory, PASSPHRASE).close()  # migrates: copies the old file aside first
    backups = list(directory.glob("jemput.db.bak-v*"))
    assert backups
    change_passphrase(directory, PASSPHRASE, NEW)
    assert not any(p.exists() for p in backups)
    with open_profile(directory, NEW) as store:
        assert store.schema_version == LATEST_VERSION


@POSIX_ONLY
def test_opening_tightens_an_older_profile(profile_dir):
    os.chmod(profile_dir, 0o755)
    for path in profile_dir.iterdir():
        os.chmod(path, 0o644)
    with open_profile(profile_dir, PASSPHRASE):
        assert _mode(profile_dir) == 0o700
        for path in profile_dir.iterdir():
            assert _mode(path) == 0o600, path.name
    assert _mode(db_path(profile_dir)) == 0o600
