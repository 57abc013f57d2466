"""The photo step with real MJPG videos as the camera: capture, approval, exception, new background, failures."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import cv2
import numpy as np
from PySide6.QtCore import Qt, QTimer

from app.capture.camera import CAMERA_DISCONNECTED
from app.core.findings import Severity
from app.core.messages import render

FIXED = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def _wait_frames(qtbot, step, n=2, timeout=6000):
    seen = []
    step.camera.frameReady.connect(lambda *_a: seen.append(1))
    qtbot.waitUntil(lambda: len(seen) >= n and step.current_report() is not None, timeout=timeout)


def _take(qtbot, step, start) -> bool:
    """Start a take (capture or import) and wait for its check off the GUI thread: True when it gave a photo."""
    if not start():
        return False
    with qtbot.waitSignal(step.takeFinished, timeout=15_000) as took:
        pass  # the outcome comes back by a queued signal: connected before the event loop runs
    return took.args[0]


def _decode(jpeg: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def test_clean_video_capture_approve_completes(qtbot, photo_step, clean_video):
    step = photo_step
    step._clock = lambda: FIXED
    step.set_expected(1961, "WNI")
    assert step.background_chip.text() == "Latar: MERAH (tahun lahir ganjil)"
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    assert step.checks.states()["face"] == "ok"
    assert step.capture_button.isEnabled()
    assert _take(qtbot, step, step.capture)
    assert step.page == "review" and step.result() is None
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        assert step.approve()
    result = blocker.args[0]
    assert result is step.result()
    image = _decode(result.jpeg)
    assert image.shape == (640, 480, 3) and len(result.jpeg) <= 60_000
    assert result.approved_by == "warga" and result.approved_at == "2025-03-04T05:06:07+00:00"
    assert result.exception_reason is None and not result.background_replaced
    meta = result.to_meta()
    assert meta["kind"] == "photo" and meta["approved_by"] == "warga" and meta["source"] == "camera"
    assert meta["expected_background"] == "merah" and meta["size"] == len(result.jpeg)
    assert step.page == "done"


def test_keyboard_space_captures_r_retakes_enter_approves(qtbot, photo_step, clean_video):
    step = photo_step
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    step.activateWindow()
    step.preview.setFocus()  # not a button: Space goes through the page's shortcut
    qtbot.keyClick(step.preview, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: step.page == "review", timeout=10_000)
    qtbot.keyClick(step.approve_button, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: step.page == "live", timeout=10_000)
    _wait_frames(qtbot, step, 1)
    step.preview.setFocus()
    qtbot.keyClick(step.preview, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: step.page == "review", timeout=10_000)
    assert step.approve_button.hasFocus()
    with qtbot.waitSignal(step.completed, timeout=10_000):
        qtbot.keyClick(step.approve_button, Qt.Key.Key_Return)
    assert step.result().jpeg


def test_guardian_approval_requires_a_name(qtbot, photo_step, clean_video):
    step = photo_step
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    assert _take(qtbot, step, step.capture)
    step.approver_guardian.setChecked(True)
    with qtbot.assertNotEmitted(step.completed):
        assert not step.approve()
    assert step.approval_message.isVisible() and "nama" in step.approval_message.text()
    step.guardian_name.setText("  Siti   Aminah ")
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        qtbot.keyClick(step.guardian_name, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert result.approved_by == "keluarga/wali: Siti Aminah"
    assert result.to_meta()["approver_role"] == "keluarga_wali"
    assert result.to_meta()["approver_name"] == "Siti Aminah"


def test_no_capture_without_a_face(qtbot, photo_step, make_video, cases):
    step = photo_step
    step.start_camera(str(make_video([cases.no_face_gradient()], "empty.avi")))
    _wait_frames(qtbot, step)
    assert step.current_report().face_box is None
    assert step.checks.states()["face"] == "error"
    assert not step.capture_button.isEnabled()
    qtbot.keyClick(step.capture_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not step.taking, timeout=15_000)
    assert not _take(qtbot, step, step.capture)
    assert step.page == "live" and step.captured_jpeg() is None
    assert "Wajah tidak terlihat" in step.live_message.text()


def test_two_faces_block_capture(qtbot, photo_step, make_video, cases):
    step = photo_step
    step.start_camera(str(make_video([cases.two_faces()], "two.avi")))
    _wait_frames(qtbot, step)
    assert not _take(qtbot, step, step.capture)
    assert "Lebih dari satu wajah" in step.live_message.text()


def test_capture_allowed_with_warnings_which_travel_with_the_photo(qtbot, photo_step, make_video, cases):
    step = photo_step
    step.set_expected(1990, "WNI")  # expects blue, the video has red curtains
    step.start_camera(str(make_video([cases.clean()], "red.avi")))
    _wait_frames(qtbot, step)
    assert step.checks.states()["background_colour"] == "warning"
    assert _take(qtbot, step, step.capture)
    assert "seharusnya biru" in step.review_findings.text()
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        step.approve()
    codes = {f.code for f in blocker.args[0].findings}
    assert "photo.background_wrong_colour" in codes
    assert all(f.severity is Severity.WARNING for f in blocker.args[0].findings)
    meta_codes = {d["code"] for d in blocker.args[0].to_meta()["findings"]}
    assert "photo.background_wrong_colour" in meta_codes


def test_exception_requires_a_reason_and_completes_without_photo(qtbot, photo_step):
    step = photo_step
    step._clock = lambda: FIXED
    step.show_exception()
    assert step.page == "exception"
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.isVisible() and step.result() is None
    assert not step.complete_without_photo("  ")
    qtbot.keyClicks(step.exception_reason, "warga terbaring, memakai alat medis")
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        qtbot.keyClick(step.exception_reason, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert result.jpeg is None and result.exception_reason == "warga terbaring, memakai alat medis"
    assert result.approved_at == "2025-03-04T05:06:07+00:00"
    assert result.to_meta()["exception_reason"] == "warga terbaring, memakai alat medis"
    assert step.page == "done"
    step.reset()
    assert step.result() is None and step.page == "live"


def test_escape_cancels_the_exception_page(qtbot, photo_step):
    step = photo_step
    step.activateWindow()
    step.show_exception()
    step.exception_reason.setFocus()
    qtbot.keyClick(step.exception_reason, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: step.page == "live", timeout=10_000)
    assert step.result() is None


def test_background_replacement_side_by_side_reject_then_accept(qtbot, photo_step, clean_video):
    step = photo_step
    step.set_expected(1990, "WNI")  # blue, while the frame has red curtains
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    assert _take(qtbot, step, step.capture)
    original = step.captured_jpeg()
    assert step.request_background_replacement()
    assert not step.replace_button.isEnabled()  # one at a time
    qtbot.waitUntil(lambda: step.page == "compare", timeout=15000)
    assert not step.compare_original.image().isNull() and not step.compare_replaced.image().isNull()
    # Reject with Esc: nothing changes.
    step.activateWindow()
    step.reject_button.setFocus()
    qtbot.keyClick(step.reject_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: step.page == "review", timeout=10_000)
    assert step.captured_jpeg() == original
    # Asking again shows the same proposal at once (no second segmentation); accept it.
    assert step.request_background_replacement()
    assert step.page == "compare"
    step.accept_replacement()
    assert step.page == "review" and step.captured_jpeg() != original
    replaced = _decode(step.captured_jpeg())
    assert replaced.shape == (640, 480, 3)
    corner = replaced[5:60, 5:60].reshape(-1, 3).mean(axis=0)  # top corner: now the blue backdrop
    assert corner[0] > 150 and corner[2] < 80
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        step.approve()
    result = blocker.args[0]
    assert result.background_replaced and result.to_meta()["background_replaced"] is True
    assert "photo.background_wrong_colour" not in {f.code for f in result.findings}


def test_camera_lost_mid_stream_keeps_the_ui_responsive_and_import_still_works(
        qtbot, photo_step, make_video, cases, tmp_path):
    step = photo_step
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    step.start_camera(str(make_video([cases.clean()], "short.avi", repeat=6)), live=True)
    qtbot.waitUntil(lambda: step.camera_state == "failed", timeout=6000)
    timer.stop()
    assert step.camera_message.text() == render(CAMERA_DISCONNECTED)
    assert step.camera_message.text().startswith("Kamera terputus.")
    assert step.camera_panel.isVisible() and step.retry_button.isVisible()
    assert not step.capture_button.isEnabled()
    gaps = np.diff(ticks)
    assert len(ticks) > 10 and gaps.max() < 0.5  # the GUI thread never froze
    # Retry reconnects (and the short stream is lost again), the UI still answers.
    qtbot.mouseClick(step.retry_button, Qt.MouseButton.LeftButton)
    assert step.camera_state == "starting"
    qtbot.waitUntil(lambda: step.camera_state == "failed", timeout=6000)
    # Import from a file works without a camera.
    path = tmp_path / "warga.jpg"
    cv2.imwrite(str(path), cases.photo("obama"))
    assert _take(qtbot, step, lambda: step.import_file(path))
    assert step.page == "review"
    with qtbot.waitSignal(step.completed, timeout=10_000) as blocker:
        step.approve()
    assert _decode(blocker.args[0].jpeg).shape == (640, 480, 3)
    assert blocker.args[0].source == "file"


def test_unavailable_camera_and_bad_import_show_messages(qtbot, photo_step, tmp_path, cases):
    step = photo_step
    step.start_camera(str(tmp_path / "tidak-ada.avi"))
    qtbot.waitUntil(lambda: step.camera_state == "failed", timeout=5000)
    assert "tidak ditemukan" in step.camera_message.text()
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"not a jpeg")
    assert not _take(qtbot, step, lambda: step.import_file(broken))
    assert "tidak bisa dibuka" in step.live_message.text()
    landscape = tmp_path / "pemandangan.png"
    cv2.imwrite(str(landscape), cases.no_face_gradient())
    assert not _take(qtbot, step, lambda: step.import_file(landscape))
    assert "Wajah tidak terlihat" in step.live_message.text()
    assert step.page == "live"


def test_stop_camera_returns_within_a_second(qtbot, photo_step, clean_video):
    step = photo_step
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    t0 = time.monotonic()
    assert step.stop_camera()
    assert time.monotonic() - t0 < 3.0  # no hang on a loaded machine
    assert not step.camera.is_running and step.camera_state == "off"
    assert not step.capture_button.isEnabled()
    assert set(step.checks.states().values()) == {"unknown"}


def test_expected_background_chip(photo_step):
    step = photo_step
    step.set_expected(2000, "WNI")
    assert step.background_chip.text() == "Latar: BIRU (tahun lahir genap)"
    step.set_expected(1999, "WNA")
    assert step.background_chip.text() == "Latar: ORANYE (WNA)"
    step.set_expected(None, "WNI")
    assert step.expected_colour() is None and "?" in step.background_chip.text()
    assert not step.replace_button.isEnabled()
