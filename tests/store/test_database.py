"""Opening, unlocking and encrypting a profile (real SQLCipher files)."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from app.store.database import (
    ProfileMissing,
    StoreError,
    WrongPassphrase,
    create_profile,
    open_profile,
    profile_exists,
)
from app.store.keys import DEFAULT_KDF_PARAMS, KdfParams, derive_key
from app.store.profile import read_profile, db_path, profile_path
from app.store.recordings import RecordingRepo

from support.profiles import FAST_KDF, PASSPHRASE
from store_support import make_media, make_recording



def _snapshot(directory) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(directory.iterdir()):
        data = path.read_bytes()
        out[path.name] = (hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)
    return out


def test_pragmas_are_wal_full_sync_and_foreign_keys(store):
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("temp_store") == 2  # MEMORY: no plaintext temp files
    assert store.pragma("cipher_version")  # SQLCipher, not plain SQLite


def test_whole_file_is_encrypted(store):
    header = store.path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    import sqlite3

    plain = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def test_nothing_readable_on_disk(store, fake):
    rec = make_recording(fake)
    RecordingRepo(store).save(rec, make_media(), enqueue=True)
    secrets = [
        rec.resident.nik.encode(), rec.resident.nama.encode(), rec.resident.nama_ibu.encode(),
        rec.resident.nama.split()[-1].encode(),
    ]
    wal = store.path.with_name("jemput.db-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the save is still in the WAL
    files = [store.path, wal, store.path.with_name("jemput.db-shm")]
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"plaintext found in {path.name}"
    store.close()
    for path in store.dir.iterdir():
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"plaintext found in {path.name}"
    profile_text = profile_path(store.dir).read_text()
    assert rec.resident.nik not in profile_text


def test_wrong_passphrase_is_refused_and_changes_nothing(store, fake):
    RecordingRepo(store).save(make_recording(fake), make_media(), enqueue=False)
    directory = store.dir
    store.close()
    before = _snapshot(directory)
    with pytest.raises(WrongPassphrase) as info:
        open_profile(directory, PASSPHRASE + "x")
    assert "Kata sandi salah" in str(info.value)
    assert info.value.kind == "wrong_passphrase"
    after = _snapshot(directory)
    after.pop("profile.json"), before.pop("profile.json")  # where the failure is counted
    assert after == before
    assert read_profile(directory).unlock["failures"] == 1
    with open_profile(directory, PASSPHRASE) as again:  # the right one still works
        assert RecordingRepo(again).count() == 1


def test_empty_passphrase_is_refused(profile_dir):
    with pytest.raises(WrongPassphrase):
        open_profile(profile_dir, "")


def test_missing_profile(tmp_path):
    assert not profile_exists(tmp_path)
    with pytest.raises(ProfileMissing) as info:
        open_profile(tmp_path, PASSPHRASE)
    assert "Profil tidak ditemukan" in info.value.message


def test_create_refuses_an_existing_profile(profile_dir):
    assert profile_exists(profile_dir)
    with pytest.raises(StoreError) as info:
        create_profile(profile_dir, "lain", kdf_params=FAST_KDF)
    assert info.value.kind == "exists"
    with open_profile(profile_dir, PASSPHRASE):
        pass


def test_profile_json_holds_key_slots_and_params_only(profile_dir):
    data = json.loads(profile_path(profile_dir).read_text())
    assert data["format"] == 2 and "salt" not in data["kdf"]
    [slot] = data["slots"]
    assert len(base64.b64decode(slot["kdf"]["salt"])) == 16
    assert len(base64.b64decode(slot["wrapped"])) == 32 + 16  # the key and its GCM tag
    assert KdfParams.from_dict(data["kdf"]) == FAST_KDF == KdfParams.from_dict(slot["kdf"])
    assert data["schema_version"] >= 3
    assert set(data) <= {"app", "format", "kdf", "cipher", "schema_version", "created_at", "slots", "last_slot"}


def test_default_kdf_params_are_recorded_and_unlock(tmp_path):
    directory = tmp_path / "p"
    create_profile(directory, PASSPHRASE).close()
    data = json.loads(profile_path(directory).read_text())
    assert data["kdf"]["name"] == "argon2id"
    assert KdfParams.from_dict(data["kdf"]) == DEFAULT_KDF_PARAMS
    assert DEFAULT_KDF_PARAMS.memory_cost >= 256 * 1024 and DEFAULT_KDF_PARAMS.time_cost >= 3
    with open_profile(directory, PASSPHRASE) as store:
        assert store.kdf_params == DEFAULT_KDF_PARAMS


def test_derive_key_is_deterministic_and_salted():
    salt = b"0123456789abcdef"
    key = derive_key("rahasia", salt, FAST_KDF)
    assert len(key) == 32
    assert derive_key("rahasia", salt, FAST_KDF) == key
    assert derive_key("rahasia", b"fedcba9876543210", FAST_KDF) != key
    assert derive_key("rahasib", salt, FAST_KDF) != key
    # NFKC: a full-width digit typed through an input method gives the same key.
    assert derive_key("rahasia１", salt, FAST_KDF) == derive_key("rahasia1", salt, FAST_KDF)


def test_integrity_check_and_closed_store(store):
    assert store.integrity_check() == "ok"
    store.close()
    with pytest.raises(StoreError) as info:
        store.integrity_check()
    assert info.value.kind == "closed"


def test_db_path_is_inside_profile(profile_dir):
    assert db_path(profile_dir).parent == profile_dir
