"""The photo with an exception, with a folder of real images as the camera: a resident whose head
is tilted (or turned away) fails the checks, the best frame is kept with its failed checks and a
reason from the list, and the step completes with a flagged photo (never "come to the office")."""

from __future__ import annotations

from datetime import datetime, timezone

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.core.exceptions import PhotoExceptionReason, PhotoFlag
from app.core.messages import render

FIXED = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def _series(tmp_path, cases, angles, name="series"):
    """A folder of tilted-head pictures (the camera cycles through them in name order)."""
    folder = tmp_path / name
    folder.mkdir()
    for i, angle in enumerate(angles):
        assert cv2.imwrite(str(folder / f"{i:02d}.png"), cases.rotated(angle))
    return folder


def _wait_assessed(qtbot, step, n):
    qtbot.waitUntil(lambda: step.camera.worker is not None and step.camera.worker.frames_assessed >= n
                    and step.current_report() is not None, timeout=15_000)


def _open_exception(qtbot, step):
    with qtbot.waitSignal(step.takeFinished, timeout=15_000) as took:
        assert step.show_exception()
    assert took.args[0] is True
    assert step.page == "exception"


def test_tilted_series_keeps_the_best_frame_with_reason_and_failed_checks(qtbot, photo_step, tmp_path, cases):
    step = photo_step
    step._clock = lambda: FIXED
    step.set_expected(1950, "WNI")
    # 35 and 45 degrees: no face is found, capture stays disabled; 20 degrees: a face, tilted.
    step.start_camera(str(_series(tmp_path, cases, [35, 20, 45])))
    _wait_assessed(qtbot, step, 4)
    best = step.camera.best_frame()
    assert best is not None and best.report.face_box is not None
    assert "photo.tilted" in best.report.codes
    qtbot.waitUntil(lambda: "photo.no_face" in step.current_report().codes, timeout=15_000)
    assert not step.capture_button.isEnabled()  # the checks block a normal photo

    _open_exception(qtbot, step)
    cap = step.exception_capture()
    assert cap is not None and cap.report.face_box is not None  # the tilted frame, not a faceless one
    assert step.exception_title.text() == "Foto dengan pengecualian"
    assert "Kepala miring" in step.exception_checks.text()
    assert step.exception_without_photo.isVisible()

    # No reason chosen: refused, nothing completes.
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.text() == render("exception.photo_reason_required")
    # "Lainnya" needs words.
    step.set_exception_reason(PhotoExceptionReason.LAINNYA, " x ")
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.text() == render("exception.reason_text_required")
    assert step.result() is None

    # Keyboard: the list, then Enter in the words field.
    step.exception_reason.clear()
    step.exception_reason_choice.setFocus()
    step.exception_reason_choice.setCurrentIndex(step.exception_reason_choice.findData("terbaring"))
    qtbot.keyClicks(step.exception_reason, "pasca stroke")
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        qtbot.keyClick(step.exception_reason, Qt.Key.Key_Return)
    result = done.args[0]
    assert result.flag is not None and result.flagged
    flag = PhotoFlag.from_dict(result.flag)
    assert flag.reason is PhotoExceptionReason.TERBARING and flag.text == "pasca stroke"
    assert "photo.tilted" in flag.failed_checks
    image = cv2.imdecode(np.frombuffer(result.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (640, 480, 3)
    meta = result.to_meta()
    assert meta["exception"]["reason"] == "terbaring" and meta["approved_at"] == "2025-03-04T05:06:07+00:00"
    assert step.page == "done" and step.done_title.text() == "Foto dengan pengecualian"
    assert "Terbaring: pasca stroke" in step.done_details.text()


def test_no_face_at_all_still_keeps_a_photo_from_the_middle(qtbot, photo_step, tmp_path, cases):
    step = photo_step
    step.start_camera(str(_series(tmp_path, cases, [40, 60], "turned")))
    _wait_assessed(qtbot, step, 2)
    assert not step.capture_button.isEnabled()
    _open_exception(qtbot, step)
    cap = step.exception_capture()
    assert cap is not None and cap.report.face_box is None
    assert "photo.no_face" in cap.report.codes
    assert render("photo.no_face") in step.exception_checks.text()
    step.set_exception_reason("tidak_dapat_duduk_tegak")
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    flag = PhotoFlag.from_dict(done.args[0].flag)
    assert flag.reason is PhotoExceptionReason.TIDAK_DAPAT_DUDUK_TEGAK and "photo.no_face" in flag.failed_checks
    assert done.args[0].jpeg[:2] == b"\xff\xd8"


def test_without_any_frame_the_page_offers_no_photo_with_a_reason_from_the_list(qtbot, photo_step):
    step = photo_step
    assert step.show_exception() and step.page == "exception"
    assert step.exception_capture() is None
    assert step.exception_title.text() == "Foto tidak memungkinkan"
    assert "kantor" not in step.exception_hint.text()  # never "come to the office" only
    assert not step.exception_without_photo.isVisibleTo(step)
    step.set_exception_reason("terbaring")
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert done.args[0].jpeg is None and done.args[0].exception_reason == "Terbaring"


def test_reset_forgets_the_best_frame(qtbot, photo_step, tmp_path, cases):
    step = photo_step
    step.start_camera(str(_series(tmp_path, cases, [20], "one")))
    _wait_assessed(qtbot, step, 1)
    assert step.camera.best_frame() is not None
    step.camera.set_paused(True)
    qtbot.wait(600)  # a check already under way ends first
    step.reset()
    assert step.camera.best_frame() is None


@pytest.mark.parametrize("angle", [20, 35])
def test_frame_score_prefers_a_found_face(cases, angle):
    from app.capture import quality

    straight = quality.frame_score(quality.assess(cases.clean()))
    tilted = quality.frame_score(quality.assess(cases.rotated(angle)))
    assert straight > tilted
