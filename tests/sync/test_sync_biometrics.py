"""Fingers and irises end to end: the SBI simulator's ISO records saved on a laptop (SQLCipher),
synced to a real server on 127.0.0.1 (bundled and resumable) or carried on a "USB stick", and
stored byte for byte; exceptions with proof photos accepted and shown for review; a missing finger
rejected with its reason; a record that is not the ISO record its kind claims refused (422.6)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app.core.biometric_set import BiometricExceptionReason as R
from app.core.lifecycle import RecordingStatus
from app.store.media import MediaItem
from app.store.outbox import Outbox, OutboxState
from app.store.recordings import RecordingRepo
from support.biometrics import biometric_recording
from support.images import image_bytes
from support.server import prepare_server_data, server_cli, start_server
from sync.client.hand_carry import export_bundle
from sync.client.payload import has_biometrics
from sync.server import tables
from sync_support import media_for, record, sha256_of

TWO_FINGERS = {"Left LittleFinger": R.AMPUTASI, "Right Thumb": R.SIDIK_JARI_AUS}


@pytest.fixture
def resumable_server(tmp_path):
    """A server that takes no media bundles: every file travels the resumable way."""
    server = start_server(prepare_server_data(tmp_path / "server-resumable"), "--max-bundle-bytes", "0")
    yield server
    server.stop()
    server.dispose()


def _biometric_record(session, people, excepted=None, *, skip=(), media_change=None):
    content, bio = biometric_recording(excepted, skip=skip)
    if media_change:
        bio = [media_change(m) for m in bio]
    return record(session.store, people, media=media_for(people.rng) + bio, biometrics=content), bio


def _server_row(server, uuid: str):
    r, rm = tables.recordings, tables.recording_media
    with server.engine.connect() as conn:
        row = conn.execute(sa.select(r).where(r.c.uuid == uuid)).mappings().one()
        kinds = dict(conn.execute(sa.select(rm.c.kind, rm.c.sha256).where(rm.c.recording_id == row["id"])).all())
    return row, kinds


@pytest.mark.parametrize("path", ["bundle", "resumable"])
def test_ten_fingers_and_two_irises_arrive_byte_for_byte(request, session, people, registered, path):
    target = request.getfixturevalue("server" if path == "bundle" else "resumable_server")
    rec, bio = _biometric_record(session, people)
    assert len(bio) == 12 and has_biometrics(rec, [])
    pump = registered(target)
    report = pump.run_once()
    assert report.ok and report.acked == 1 and report.parked == 0, report.error
    assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED

    row, kinds = _server_row(target, rec.uuid)
    assert row["status"] == "accepted" and row["received_complete"] and not row["flagged"]
    assert json.loads(row["payload"])["biometrics"] == rec.biometrics
    files = target.media_files()
    for item in bio:
        assert kinds[item.kind] == sha256_of(item.data)
        assert files[sha256_of(item.data)] == item.data  # the very bytes the device gave
    assert set(kinds) == {"photo", "signature", *(m.kind for m in bio)}
    bundled = target.access_lines('"POST /media-bundle')
    assert (bundled > 0) if path == "bundle" else (bundled == 0 and target.access_lines('"PUT /media/') >= 12)


def test_two_finger_exceptions_with_proof_photos_are_accepted_and_flagged(session, people, module_server,
                                                                        registered):
    rec, bio = _biometric_record(session, people, TWO_FINGERS)
    assert {m.kind for m in bio} >= {"proof_finger_10", "proof_finger_01"}
    pump = registered(module_server)
    report = pump.run_once()
    assert report.ok and report.acked == 1, report.error
    assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED
    row, kinds = _server_row(module_server, rec.uuid)
    assert row["received_complete"] and "finger_10" not in kinds
    files = module_server.media_files()
    proof = next(m for m in bio if m.kind == "proof_finger_10")
    assert files[kinds["proof_finger_10"]] == proof.data
    assert row["flagged"]  # the supervisor sees every exception
    assert json.loads(row["flags"])["biometric_exceptions"] == {
        "finger_01": {"exception": "sidik_jari_aus"}, "finger_10": {"exception": "amputasi"}}
    review = json.loads(server_cli("review", *module_server.cli_args, "--json").stdout)
    [flagged] = [f for f in review["flagged"] if f["recording"]["uuid"] == rec.uuid]
    assert "Pengecualian sidik jari/iris: Jempol kanan (Sidik jari aus (lansia)), Kelingking kiri (Amputasi)." \
        in flagged["summary"]


def test_a_missing_finger_without_an_exception_is_rejected_with_the_reason(session, people, module_server,
                                                                            registered):
    rec, _bio = _biometric_record(session, people, skip=("Left LittleFinger",))
    pump = registered(module_server)
    assert pump.run_once().ok
    got = RecordingRepo(session.store).get(rec.uuid)
    assert got.status is RecordingStatus.REJECTED
    [reason] = [f for f in got.server_reasons if f.code.startswith("biometrics.")]
    assert reason.code == "biometrics.incomplete" and reason.params == {"count": "1", "slots": "Kelingking kiri"}
    assert "Kelingking kiri" in got.server_message
    row, kinds = _server_row(module_server, rec.uuid)
    assert row["status"] == "rejected" and kinds == {}  # no media expected of a rejected recording


def _swap(kind: str, data: bytes):
    return lambda m: MediaItem(m.kind, m.mime, data) if m.kind == kind else m


@pytest.mark.parametrize("case", ["not_iso", "other_finger", "iris_as_finger"])
def test_a_record_that_is_not_what_its_kind_claims_is_refused(session, people, resumable_server, registered,
                                                               case):
    _content, genuine = biometric_recording()
    by_kind = {m.kind: m.data for m in genuine}
    wrong = {"not_iso": image_bytes(3000, "png"), "other_finger": by_kind["finger_04"],
             "iris_as_finger": by_kind["iris_right"]}[case]
    rec, _bio = _biometric_record(session, people, media_change=_swap("finger_03", wrong))
    pump = registered(resumable_server)
    report = pump.run_once()
    assert report.parked == 1
    entry = Outbox(session.store).get(rec.uuid)
    assert entry.state is OutboxState.PARKED and entry.last_error_code == "sync.media_not_biometric"
    assert "Rekaman biometrik ditolak" in entry.last_error
    assert sha256_of(wrong) not in resumable_server.media_files()  # nothing of it kept
    row, _kinds = _server_row(resumable_server, rec.uuid)
    assert not row["received_complete"]  # the server waits for a genuine record


def test_hand_carried_biometrics_are_stored_byte_for_byte(session, people, server, registered, tmp_path):
    registered(server)  # the server's bundle keys
    rec, bio = _biometric_record(session, people, TWO_FINGERS)
    folder = tmp_path / "usb"
    folder.mkdir()
    result = export_bundle(session.store, folder)
    assert result.records == 1 and result.media == 2 + 12
    server_cli("import-bundle", *server.cli_args, result.path)
    row, kinds = _server_row(server, rec.uuid)
    assert row["status"] == "accepted" and row["received_complete"]
    files = server.media_files()
    assert all(files[kinds[m.kind]] == m.data for m in bio)


def test_a_required_policy_rejects_a_recording_without_fingers(session, people, tmp_path, registered):
    strict = start_server(prepare_server_data(tmp_path / "server-strict"), "--biometric-policy", "required")
    try:
        plain = record(session.store, people)
        full, _bio = _biometric_record(session, people)
        pump = registered(strict)
        assert pump.run_once().ok
        repo = RecordingRepo(session.store)
        assert repo.get(full.uuid).status is RecordingStatus.ACCEPTED
        got = repo.get(plain.uuid)
        assert got.status is RecordingStatus.REJECTED
        assert [f.code for f in got.server_reasons] == ["biometrics.missing"]
        assert pump._capabilities().biometric_policy == "required" and pump._capabilities().biometrics
    finally:
        strict.stop()
        strict.dispose()


def test_a_server_without_the_capability_is_not_sent_fingers(session, people, module_server, registered):
    """An older server (its capabilities say nothing of biometrics) would refuse the whole batch:
    the recording with fingers waits, parked with the reason, and the others go."""
    pump = registered(module_server)
    plain = record(session.store, people)
    assert pump.run_once().acked == 1  # the capabilities are read (and held) on the way
    assert pump._caps.biometrics
    pump._caps = pump._caps.model_copy(update={"biometrics": False, "biometric_policy": None})
    other = record(session.store, people)
    full, _bio = _biometric_record(session, people)
    report = pump.run_once()
    assert report.acked == 1 and report.parked == 1
    repo = RecordingRepo(session.store)
    assert repo.get(plain.uuid).status is repo.get(other.uuid).status is RecordingStatus.ACCEPTED
    entry = Outbox(session.store).get(full.uuid)
    assert entry.state is OutboxState.PARKED and entry.last_error_code == "sync.server_no_biometrics"
    with module_server.engine.connect() as conn:
        assert conn.execute(sa.select(tables.recordings.c.id)
                            .where(tables.recordings.c.uuid == full.uuid)).first() is None
