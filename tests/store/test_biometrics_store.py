"""Fingers and irises in the laptop store: saved with the recording in one transaction (SHA-256 per
ISO record and proof photo), read back byte for byte, the set in the recording's content, the
0014 migration's rebuilt media table, and the retention purge taking them with the photo."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest

from app.core.biometric_content import BIOMETRIC_MEDIA_KINDS, ContentError, from_content
from app.core.biometric_set import BiometricExceptionReason as R
from app.core.lifecycle import RecordingStatus as S
from app.store.database import open_profile
from app.store.errors import StoreError
from app.store.media import MEDIA_KINDS, MediaItem
from app.store.migrations import LATEST_VERSION, NAMES
from app.store.outbox import Outbox
from app.store.profile import db_path
from app.store.recordings import RecordingRepo
from app.store.retention import purge_settled
from app.store._util import to_utc_iso
from support.biometrics import biometric_recording, noise_iris_record
from support.profiles import PASSPHRASE
from store_support import insert_old_recording, make_media, make_profile_at_version, make_recording, make_resident
from test_retention import _key, decrypted

TWO_FINGERS = {"Left LittleFinger": R.AMPUTASI, "Right Thumb": R.SIDIK_JARI_AUS}


def test_every_biometric_kind_is_a_media_kind():
    assert set(BIOMETRIC_MEDIA_KINDS) <= set(MEDIA_KINDS) and {"photo", "signature"} <= set(MEDIA_KINDS)
    with pytest.raises(ValueError, match="jenis media"):
        MediaItem("finger_11", "application/octet-stream", b"x")


def test_a_full_recording_is_saved_and_read_back_byte_for_byte(store, fake, profile_dir):
    content, bio = biometric_recording()
    rec = make_recording(fake, biometrics=content)
    media = make_media(9_000, 1_500) + bio
    RecordingRepo(store).save(rec, media, enqueue=True)
    store.close()

    with open_profile(profile_dir, PASSPHRASE) as again:  # a fresh connection to the file
        repo = RecordingRepo(again)
        back = repo.get(rec.uuid)
        assert back.biometrics == content and len(from_content(back.biometrics).slots) == 12
        held = {m.kind: m for m in repo.media(rec.uuid)}
        assert set(held) == {"photo", "signature", *(k for k in BIOMETRIC_MEDIA_KINDS if not k.startswith("proof_"))}
        for item in media:
            assert held[item.kind].data == item.data and held[item.kind].mime == item.mime
        stored = dict(again.query("SELECT kind, sha256 FROM media WHERE recording_uuid = ?", (rec.uuid,)))
        assert stored == {m.kind: hashlib.sha256(m.data).hexdigest() for m in media}
        # The content (and so its hash, kept in the outbox) names the set and every record's hash.
        hashes = repo.media_hashes(rec.uuid)
        assert back.content(hashes)["biometrics"] == content
        assert back.content(hashes)["media"]["finger_01"] == hashlib.sha256(held["finger_01"].data).hexdigest()
        [(content_hash,)] = again.query("SELECT content_sha256 FROM outbox WHERE recording_uuid = ?", (rec.uuid,))
        assert content_hash == back.content_sha256(hashes)


def test_exceptions_keep_their_reason_and_proof_photo(store, fake):
    content, bio = biometric_recording(TWO_FINGERS)
    rec = make_recording(fake, biometrics=content)
    repo = RecordingRepo(store)
    repo.save(rec, make_media() + bio, enqueue=False)
    back = from_content(repo.get(rec.uuid).biometrics)
    assert {k: v.reason for k, v in back.exceptions().items()} == TWO_FINGERS
    kinds = set(repo.media_hashes(rec.uuid))
    assert {"proof_finger_10", "proof_finger_01"} <= kinds and not {"finger_10", "finger_01"} & kinds
    [proof] = repo.media(rec.uuid, "proof_finger_10")
    assert proof.mime == "image/jpeg" and proof.data[:2] == b"\xff\xd8"


def test_without_biometrics_the_content_is_what_it_was(store, fake):
    rec = make_recording(fake)
    assert rec.biometrics is None and "biometrics" not in rec.content({})
    RecordingRepo(store).save(rec, make_media(), enqueue=False)
    assert RecordingRepo(store).get(rec.uuid).biometrics is None
    assert store.query("SELECT biometrics FROM recordings WHERE uuid = ?", (rec.uuid,)) == [(None,)]


@pytest.mark.parametrize("bad", [
    {"slots": {"finger_11": {"score": 80}}},
    {"slots": {"finger_01": {"score": 101}}},
    {"slots": {"iris_left": {"exception": "sidik_jari_aus"}}},  # a fingers' reason on an eye
    {"fingers": []},
])
def test_a_malformed_set_is_refused_and_nothing_is_written(store, fake, bad):
    rec = make_recording(fake, biometrics=bad)
    with pytest.raises(ContentError):
        RecordingRepo(store).save(rec, make_media(), enqueue=False)
    assert RecordingRepo(store).find(rec.uuid) is None
    assert store.query("SELECT count(*) FROM media") == [(0,)]


def test_a_failing_save_leaves_no_biometric_media_behind(store, fake):
    """The records go in the recording's one transaction: a refused save writes none of them."""
    content, bio = biometric_recording()
    rec = make_recording(fake, status=S.DRAFT, biometrics=content)
    with pytest.raises(Exception):
        RecordingRepo(store).save(rec, make_media() + bio, enqueue=True)  # a draft cannot be queued
    assert store.query("SELECT count(*) FROM media") == [(0,)]
    dup = bio + [bio[0]]
    with pytest.raises(ValueError, match="satu per rekaman"):
        RecordingRepo(store).save(rec, dup, enqueue=False)
    assert store.query("SELECT count(*) FROM media") == [(0,)]


def test_a_finger_turned_exception_loses_its_old_record(store, fake):
    content, bio = biometric_recording()
    rec = make_recording(fake, status=S.DRAFT, biometrics=content)
    repo = RecordingRepo(store)
    repo.save(rec, make_media() + bio, enqueue=False)
    assert "finger_10" in repo.media_hashes(rec.uuid)
    later, proofs = biometric_recording({"Left LittleFinger": R.AMPUTASI})
    repo.save(rec.with_changes(biometrics=later, status=S.COMPLETE),
              [m for m in proofs if m.kind.startswith("proof_")], enqueue=True)
    kinds = set(repo.media_hashes(rec.uuid))
    assert "finger_10" not in kinds and "proof_finger_10" in kinds and "finger_09" in kinds
    [(content_hash,)] = store.query("SELECT content_sha256 FROM outbox WHERE recording_uuid = ?", (rec.uuid,))
    assert content_hash == repo.get(rec.uuid).content_sha256(repo.media_hashes(rec.uuid))


def test_media_the_set_does_not_allow_are_refused(store, fake):
    content, bio = biometric_recording({"Left LittleFinger": R.AMPUTASI})
    record_of_excepted = MediaItem("finger_10", "application/octet-stream", bio[0].data)
    rec = make_recording(fake, biometrics=content)
    with pytest.raises(ValueError, match="tidak sesuai"):
        RecordingRepo(store).save(rec, make_media() + bio + [record_of_excepted], enqueue=False)
    with pytest.raises(ValueError, match="tidak sesuai"):  # records without a set
        RecordingRepo(store).save(make_recording(fake), make_media() + bio, enqueue=False)
    assert store.query("SELECT count(*) FROM media") == [(0,)]


def test_a_queued_recording_must_hold_every_captured_record(store, fake):
    content, bio = biometric_recording()
    rec = make_recording(fake, biometrics=content)
    short = [m for m in bio if m.kind != "iris_left"]
    with pytest.raises(StoreError) as caught:
        RecordingRepo(store).save(rec, make_media() + short, enqueue=True)
    assert caught.value.code == "biometrics.record_missing" and caught.value.params == {"slots": "Mata kiri"}
    assert RecordingRepo(store).find(rec.uuid) is None and store.query("SELECT count(*) FROM media") == [(0,)]
    RecordingRepo(store).save(rec, make_media() + short, enqueue=False)  # a complete one waits: allowed
    assert RecordingRepo(store).get(rec.uuid).status is S.COMPLETE


def test_0014_rebuilds_media_keeping_every_row(tmp_path, fake):
    version = NAMES.index("0014_biometrics")
    directory = tmp_path / "p"
    db = make_profile_at_version(directory, version)
    rec_uuid = insert_old_recording(db, make_resident(fake), "complete")
    photo = os.urandom(5000)
    db.conn.execute(
        "INSERT INTO media (id, recording_uuid, kind, sha256, mime, bytes, size, created_at, extra)"
        " VALUES (41, ?, 'photo', ?, 'image/jpeg', ?, ?, '2024-01-02', '{\"approved\": true}')",
        (rec_uuid, hashlib.sha256(photo).hexdigest(), photo, len(photo)))
    with pytest.raises(Exception, match="CHECK constraint failed"):
        db.conn.execute(
            "INSERT INTO media (recording_uuid, kind, sha256, mime, bytes, size, created_at)"
            " VALUES (?, 'finger_01', ?, 'x', x'00', 1, '2024')", (rec_uuid, "0" * 64))
    db.conn.commit()
    db.conn.close()

    with open_profile(directory, PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.query("SELECT id, kind, bytes, extra FROM media") == [(41, "photo", photo, '{"approved": true}')]
        assert [r[1] for r in store.query("PRAGMA index_list(media)") if not r[1].startswith("sqlite_")] == [
            "media_sha256"]
        assert store.integrity_check() == "ok" and store.query("PRAGMA foreign_key_check") == []
        content, bio = biometric_recording()
        repo = RecordingRepo(store)
        old = repo.get(rec_uuid)
        assert old.biometrics is None
        repo.save(old.with_changes(biometrics=content), bio, enqueue=False)
        assert len(repo.media_hashes(rec_uuid)) == 13
        with pytest.raises(Exception, match="CHECK constraint failed"):  # still only known kinds
            with store.transaction() as tx:
                tx.conn.execute("UPDATE media SET kind = 'finger_11' WHERE id = 41")
        with pytest.raises(Exception, match="CHECK constraint failed"):
            with store.transaction() as tx:
                tx.conn.execute("UPDATE recordings SET biometrics = 'not json' WHERE uuid = ?", (rec_uuid,))
        with store.transaction() as tx:  # the cascade still holds after the rebuild
            tx.conn.execute("DELETE FROM recordings WHERE uuid = ?", (rec_uuid,))
        assert store.query("SELECT count(*) FROM media") == [(0,)]


def test_the_retention_purge_removes_records_proofs_and_the_set(store, fake, profile_dir):
    repo = RecordingRepo(store)
    now = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    settled, kept = {}, {}
    for target in (settled, kept):
        content, bio = biometric_recording(TWO_FINGERS)
        bio = [MediaItem("iris_left", m.mime, noise_iris_record()) if m.kind == "iris_left" else m for m in bio]
        rec = make_recording(fake, biometrics=content)
        repo.save(rec, make_media(9_000, 1_500) + bio, enqueue=True)
        assert Outbox(store).mark_acked(rec.uuid, "accepted")
        target.update(uuid=rec.uuid, media=bio)
    with store.transaction() as db:
        db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?",
                        (to_utc_iso(now - dt.timedelta(days=40)), settled["uuid"]))
    key, path = _key(profile_dir), db_path(profile_dir)
    store.checkpoint()
    record = next(m for m in settled["media"] if m.kind == "iris_left").data
    proof = next(m for m in settled["media"] if m.kind == "proof_finger_10").data
    probes = {"iris": record[-200:-100], "proof": proof[-300:-236]}  # image data, not shared headers
    assert all(p in decrypted(path, key) for p in probes.values())

    result = purge_settled(store, 30, now=now)
    assert result.recordings == 1 and result.media == 2 + 12  # photo, signature, 10 records, 2 proofs
    gone = repo.get(settled["uuid"])
    assert gone.purged and gone.biometrics is None and repo.media(settled["uuid"]) == []
    assert len(repo.media_hashes(kept["uuid"])) == 14 and repo.get(kept["uuid"]).biometrics is not None
    plain = decrypted(path, key)
    assert {n for n, p in probes.items() if p in plain} == set()
    kept_iris = next(m for m in kept["media"] if m.kind == "iris_left").data
    assert kept_iris[-200:-100] in plain  # the check can see a record that stays
    assert repo.get(kept["uuid"]).biometrics["slots"]["finger_10"]["exception"] == "amputasi"
