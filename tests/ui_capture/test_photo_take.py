"""A take of the photo step is checked and cut off the GUI thread: one at a time, nothing lost when the form closes."""

from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool
from shiboken6 import isValid

from app.ui.pages.enroll import StepDialog
from app.ui.widgets.photo_step import PhotoStep


def _wait_frames(qtbot, step, n=2, timeout=6000):
    seen = []
    step.camera.frameReady.connect(lambda *_a: seen.append(1))
    qtbot.waitUntil(lambda: len(seen) >= n and step.current_report() is not None, timeout=timeout)


def _settle(qapp):
    """Let every pool task end and deliver its queued result."""
    assert QThreadPool.globalInstance().waitForDone(15_000)
    qapp.processEvents()
    qapp.processEvents()


def test_a_take_is_checked_and_cut_off_the_gui_thread(qtbot, photo_step, clean_video):
    step = photo_step
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    outcomes = []
    step.taker.finished.connect(outcomes.append)
    assert step.capture()
    # capture() returned before the work was done: the page is busy, not yet on review.
    assert step.taking and step.page == "live" and step.captured_jpeg() is None
    assert step.take_busy.isVisible() and not step.capture_button.isEnabled()
    assert not step.import_button.isEnabled() and not step.exception_button.isEnabled()
    with qtbot.waitSignal(step.takeFinished, timeout=15_000) as took:
        pass
    assert took.args == [True] and step.page == "review" and step.captured_jpeg()
    assert not step.taking and not step.take_busy.isVisible()
    [outcome] = outcomes
    assert outcome.ok and outcome.thread_id not in (0, threading.get_ident())
    assert outcome.thread_id != threading.main_thread().ident and outcome.work_ms > 0


def test_an_import_is_read_and_checked_off_the_gui_thread(qtbot, photo_step, cases, tmp_path):
    step = photo_step
    path = tmp_path / "warga.jpg"
    assert cv2.imwrite(str(path), cases.photo("obama"))
    outcomes = []
    step.taker.finished.connect(outcomes.append)
    assert step.import_file(path)
    assert step.taking and step.page == "live"
    with qtbot.waitSignal(step.takeFinished, timeout=15_000) as took:
        pass
    assert took.args == [True] and step.page == "review"
    assert outcomes[0].source == "file" and outcomes[0].thread_id != threading.get_ident()


def test_a_second_space_during_a_check_starts_nothing_and_keeps_the_first(qtbot, qapp, photo_step, clean_video,
                                                                           tmp_path, cases):
    step = photo_step
    step.start_camera(str(clean_video))
    _wait_frames(qtbot, step)
    outcomes, finished = [], []
    step.taker.finished.connect(outcomes.append)
    step.takeFinished.connect(finished.append)
    step.activateWindow()
    step.preview.setFocus()
    qtbot.keyClick(step.preview, Qt.Key.Key_Space)
    assert step.taking
    qtbot.keyClick(step.preview, Qt.Key.Key_Space)  # pressed again while the first is checked
    assert not step.capture()
    assert not step.import_file(tmp_path / "lain.jpg")
    assert step.live_message.text() == ""  # ignored quietly, no error shown
    _settle(qapp)
    assert finished == [True] and len(outcomes) == 1
    assert step.page == "review" and step.captured_jpeg() == outcomes[0].capture.final_jpeg


def test_closing_the_dialog_mid_check_keeps_the_take(qtbot, qapp, clean_video):
    step = PhotoStep()
    dialog = StepDialog("Foto warga", step)
    qtbot.addWidget(dialog)
    dialog.finished.connect(lambda _r: step.stop_camera())  # as the enrollment page wires it
    step.start_camera(str(clean_video))
    dialog.open()
    qtbot.waitExposed(dialog)
    _wait_frames(qtbot, step)
    finished = []
    step.takeFinished.connect(finished.append)
    assert step.capture()
    dialog.reject()  # Esc while the take is checked
    assert not step.isVisible() and not step.camera.is_running
    _settle(qapp)
    assert finished == [True]
    assert step.page == "review" and step.captured_jpeg()  # nothing lost


def test_deleting_the_form_mid_check_raises_nothing(qtbot, qapp, clean_video):
    step = PhotoStep()
    dialog = StepDialog("Foto warga", step)
    dialog.finished.connect(lambda _r: step.stop_camera())
    step.start_camera(str(clean_video))
    dialog.open()
    qtbot.waitExposed(dialog)
    _wait_frames(qtbot, step)
    taker = step.taker
    assert step.capture()
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not isValid(taker), timeout=5000)  # the step and its taker are gone
    _settle(qapp)  # the late outcome arrives for a deleted taker: dropped, no exception
    assert not isValid(step)


def test_the_preview_is_checked_lightly_but_the_taken_photo_in_full(qtbot, photo_step, make_video, cases):
    from app.capture.quality import assess

    step = photo_step
    step.start_camera(str(make_video([cases.rotated()], "tilted.avi")))
    reports = []
    step.camera.frameReady.connect(lambda _img, rep: reports.append(rep))
    qtbot.waitUntil(lambda: len(reports) >= 3 and step.current_report() is not None, timeout=6000)
    assert all(r.metrics["checked"] == "preview" for r in reports)
    assert "photo.tilted" in reports[-1].codes  # the preview shows the dear check too
    outcomes = []
    step.taker.finished.connect(outcomes.append)
    with qtbot.waitSignal(step.takeFinished, timeout=15_000):
        assert step.capture()
    [outcome] = outcomes
    report = outcome.capture.report
    assert report.metrics["checked"] == "full" and "full_search" not in report.metrics
    assert report.codes == assess(outcome.capture.frame, step._expected).codes
    assert "photo.tilted" in report.codes and report.eye_angle_deg is not None


def _lagging_preview(cases, make_video, first, second, name):
    """A real video (`first` 4 frames, then `second` 4) through a preview checker that never
    searches the frame again nor looks at the eyes again: the last frame and the preview's
    verdict on it, lagging as far as a verdict can."""
    from app.capture.camera import VideoFileSource
    from app.capture.face import FaceDetector
    from app.capture.preview import PreviewChecker

    never = 10 ** 6
    checker = PreviewChecker(FaceDetector(), detect_every=never, eyes_every=never, eyes_max_age=never,
                             scene_change=256.0)
    path = make_video([first, second], name, repeat=4)
    with VideoFileSource(path, loop=False) as src:
        reports = [(frame, checker.check(frame, "merah")) for frame in src.frames()]
    assert len(reports) == 8 and checker.full_searches == 1
    return reports[-1]


def _one_of_two(cases):
    """The two_faces frame with the right-hand person gone (a plain wall there): the left face
    stays exactly where it is when the second one steps in."""
    two = cases.two_faces()
    one = two.copy()
    one[:, two.shape[1] // 2:] = two[:, :24].reshape(-1, 3).mean(axis=0).astype(np.uint8)
    return one, two


@pytest.mark.parametrize("fault, code", [("second_face", "photo.multiple_faces"), ("rotated", "photo.tilted")])
def test_what_the_preview_let_through_the_take_refuses_as_the_full_check_does(cases, make_video, fault, code):
    """Whatever the preview said of a frame, taking it runs the full check on exactly that frame:
    a second face stepping in blocks the photo, a tilt goes with it to the review."""
    from app.capture.quality import assess
    from app.core.photo_rules import BackgroundColour
    from app.ui.camera_worker import bgr_to_qimage
    from app.ui.widgets.photo_take import BLOCKED, TakeJob, run_take

    first, second = _one_of_two(cases) if fault == "second_face" else (cases.clean(), cases.rotated())
    frame, preview = _lagging_preview(cases, make_video, first, second, f"{fault}.avi")
    assert code not in preview.codes and preview.metrics["checked"] == "preview"  # the preview passed it
    full = assess(frame, "merah")
    assert code in full.codes
    outcome = run_take(TakeJob("camera", image=bgr_to_qimage(frame), expected=BackgroundColour.RED))
    assert outcome.thread_id and outcome.work_ms > 0
    if fault == "second_face":
        assert outcome.problem == BLOCKED and outcome.finding.code == code and outcome.capture is None
    else:
        report = outcome.capture.report
        assert report.metrics["checked"] == "full" and report.codes == full.codes
        assert report.eye_angle_deg is not None and abs(report.eye_angle_deg) > 10
