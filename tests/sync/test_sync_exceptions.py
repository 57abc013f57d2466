"""A bedridden resident end to end: a tilted-head camera series fails the checks, the photo with an
exception keeps the best frame, a guardian signs; the recording is saved complete, synced to a real
server on 127.0.0.1, and the server stores the flag and lists it in the supervisor's review."""

from __future__ import annotations

import json

import cv2
import pytest
import sqlalchemy as sa

from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.lifecycle import RecordingStatus
from app.session import MediaSlot
from app.store.recordings import RecordingRepo
from app.ui.enrollment_form import FormResult
from support.capture import capture_cases
from support.server import server_cli
from sync.protocol import build_item
from sync_support import record

pytestmark = pytest.mark.gui


def _flagged_photo(qtbot, tmp_path):
    """Drive the real photo step: a folder of tilted-head frames, then "Foto dengan pengecualian"."""
    from app.ui.widgets.photo_step import PhotoStep

    cases = capture_cases()
    folder = tmp_path / "kamera"
    folder.mkdir()
    for i, angle in enumerate((40, 18, 50)):
        cv2.imwrite(str(folder / f"{i}.png"), cases.rotated(angle))
    step = PhotoStep()
    qtbot.addWidget(step)
    step.resize(1000, 600)
    step.show()
    step.start_camera(str(folder))
    qtbot.waitUntil(lambda: step.camera.worker is not None and step.camera.worker.frames_assessed >= 4,
                    timeout=15_000)
    with qtbot.waitSignal(step.takeFinished, timeout=15_000):
        assert step.show_exception()
    step.set_exception_reason("terbaring")
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        assert step.save_exception_photo()
    step.stop_camera()
    result = done.args[0]
    summary = PhotoFlag.from_dict(result.flag).summary()
    return MediaSlot(result.jpeg, "image/jpeg", result.to_meta(), True, summary, summary, result.flag)


def test_exception_photo_and_guardian_signature_reach_the_servers_review(
        qtbot, tmp_path, session, people, server, registered):
    photo = _flagged_photo(qtbot, tmp_path)
    assert "photo.tilted" in photo.flag["failed_checks"] and photo.exception.startswith("Foto dengan pengecualian")
    guardian = SignatureFlag.make("tanda_tangan_wali", guardian_name="Siti Aminah", guardian_relation="anak")
    signature = MediaSlot(b"\x89PNG\r\n\x1a\n guardian-signature", "image/png", {}, True, guardian.summary(),
                          guardian.summary(), guardian.to_dict())
    resident = people.resident()
    rec = session.save_form(FormResult(resident, [], True, photo, signature), None)
    assert rec.status is RecordingStatus.QUEUED  # complete, in the outbox
    assert rec.photo_flag["reason"] == "terbaring" and rec.signature_flag["guardian_relation"] == "anak"
    assert rec.photo_exception is None  # a photo exists: the flag says why it failed its checks

    # Opening it again keeps the summary in the slots (what the review dialog shows).
    photo_again, signature_again = session.media_slots(rec)
    assert photo_again.present and photo_again.flag == rec.photo_flag
    assert photo_again.exception == PhotoFlag.from_dict(rec.photo_flag).summary()
    assert signature_again.exception == "Tanda tangan wali: Siti Aminah (anak)."

    pump = registered(server)
    report = pump.run_once()
    assert report.ok and report.acked == 1 and report.parked == 0, report.error
    assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED

    r = sa.table("recordings", sa.column("uuid"), sa.column("flagged"), sa.column("flags"))
    with server.engine.connect() as conn:
        row = conn.execute(sa.select(r.c.flagged, r.c.flags).where(r.c.uuid == rec.uuid)).one()
    assert row.flagged
    flags = json.loads(row.flags)
    assert flags["photo"]["reason"] == "terbaring" and "photo.tilted" in flags["photo"]["failed_checks"]
    assert flags["signature"]["guardian_name"] == "Siti Aminah"

    review = json.loads(server_cli("review", "--data", server.data, "--json").stdout)
    assert review["counts"]["pengecualian"] == 1
    [flagged] = review["flagged"]
    assert flagged["recording"]["uuid"] == rec.uuid
    assert any(line.startswith("Foto dengan pengecualian (Terbaring)") for line in flagged["summary"])
    from sync.server.dashboard import render as dashboard

    assert '<b id="pengecualian">1</b>' in dashboard(server.engine)
    text = server_cli("review", "--data", server.data).stdout
    assert "Rekaman dengan pengecualian (foto/tanda tangan): 1" in text
    assert "Tanda tangan wali: Siti Aminah (anak)." in text


def test_flags_are_checked_on_the_server_too(session, people, server, registered):
    """A payload whose photo flag names no reason from the list is refused by the intake's check."""
    rec = record(session.store, people, photo_flag={"reason": "karena", "text": "", "failed_checks": []})
    pump = registered(server)
    report = pump.run_once()
    assert report.ok
    got = RecordingRepo(session.store).get(rec.uuid)
    assert got.status is RecordingStatus.REJECTED
    assert "exception.photo_reason_required" in {f.code for f in got.server_reasons}


def test_a_recording_without_flags_hashes_as_before(session, people, module_server, registered):
    """Older servers and replays: no flag, no new key in the payload or the content hash."""
    from sync.client import build_payload

    pump = registered(module_server)
    rec = record(session.store, people)
    meta = pump.recordings.media_meta([rec.uuid])[rec.uuid]
    item = build_item(rec.uuid, build_payload(rec, meta))
    assert "photo_flag" not in item["payload"] and "signature_flag" not in item["payload"]
    assert "photo_flag" not in rec.content({}) and "signature_flag" not in rec.content({})
    flagged = rec.with_changes(photo_flag={"reason": "terbaring", "text": "", "failed_checks": []})
    assert build_item(rec.uuid, build_payload(flagged, meta))["payload_sha256"] != item["payload_sha256"]
