"""The photo step of an enrollment: live preview with checks, capture, optional new background, the resident's approval.

Pages (one `QStackedWidget`):
    live       preview with the face box and the 3:4 crop guide, the expected
               background chip, a traffic-light list of the checks; Space
               captures, "Impor dari berkas" always works (also without camera),
               "Foto dengan pengecualian" opens the exception page.
    review     the captured pas foto, big, to show to the resident; R retakes;
               "Ganti latar" proposes a new background; the approver is chosen
               (the resident, or a family member/guardian by name) and
               "Warga setuju dengan foto ini" (Enter) completes the step.
    compare    original | replaced background side by side; accept or reject (Esc).
    exception  a photo with an exception: the best frame the camera saw
               (kept by the camera thread, `quality.frame_score`), cut even
               when the checks fail (no face: the middle of the frame), the
               failed checks listed, a reason from the list (words required
               for "Lainnya"); "Simpan tanpa foto" remains for when no picture
               at all is possible, also with a reason. Esc cancels.
    done       what was recorded; "Ambil ulang foto" starts again.

Keys: Space captures anywhere on the live page (it takes precedence over a
focused button there; Enter presses a focused button), R retakes on the
review page (not while typing a name), Enter on the focused approval button
approves, Esc leaves the compare and exception pages.

Decisions:
    * Capture is blocked only by errors (``photo.no_face``,
      ``photo.multiple_faces``: no pas foto can be cut). With warnings the
      photo may be taken: the checks are heuristics (a real tilt of 9 degrees,
      a dark room at a bedside). The warnings are listed again on the review
      page and travel with the photo in `PhotoResult.findings` / ``to_meta()``,
      so a supervisor or the server sees "taken with: glasses".
    * A resident who cannot sit up or hold the head straight is never sent
      to the office: the photo with an exception keeps the best frame, its
      failed checks and the reason in `PhotoResult.flag` (to the server as the
      payload's ``photo_flag``), flagged for the supervisor.
    * The step completes only by approval (or by the exception). Approval
      records who approved (``warga``, or ``keluarga/wali: NAME`` with a
      name of at least 3 characters) and the time (ISO 8601, UTC, seconds).
    * Background replacement is never applied silently: it runs off the GUI
      thread, the two versions are shown side by side, and only "Pakai latar
      baru" uses the new one (its findings are then re-checked on the new frame).

The camera runs in `app.ui.camera_worker`; this widget never reads frames:
its live picture keeps the last frame shown, and a take cuts the portrait
from exactly that frame, after checking that frame once more (the live
report is refreshed only ~5 times a second). That check and the crop (and reading an imported
file) run off the GUI thread (`app.ui.widgets.photo_take`): while a take is
checked the page shows a moving bar, the buttons rest and the preview holds
the frame taken; a second Space press then does nothing.

This module keeps the state; the pages are built in
`app.ui.widgets.photo_pages`, the live picture and its camera are in
`app.ui.widgets.photo_live`, the views in `app.ui.widgets.photo_views` and
the result types in `app.ui.widgets.photo_result`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QVBoxLayout, QWidget

from app.capture import quality
from app.capture.background import replace_background
from app.capture.face import make_portrait
from app.core.exceptions import PhotoExceptionReason, PhotoFlag, photo_flag_findings
from app.core.findings import MIN_REASON_LENGTH
from app.core.photo_rules import BackgroundColour, expected_background
from app.core.values import Kewarganegaraan
from app.ui.camera_worker import CameraController
from app.ui.texts import finding_text
from app.ui.widgets.photo_pages import (
    build_compare,
    build_done,
    build_exception,
    build_live,
    build_review,
    fill_compare,
    fill_done,
    fill_exception,
    fill_review,
    reason_label,
    show_background_chip,
)
from app.ui.widgets.photo_result import ROLE_GUARDIAN, ROLE_RESIDENT, Capture, PhotoResult
from app.ui.widgets.photo_take import (
    BLOCKED,
    EXCEPTION,
    UNREADABLE,
    PhotoTaker,
    TakeJob,
    TakeOutcome,
    blocking_finding,
)
from app.ui.widgets.photo_views import ChecksList, ImageView, set_message
from app.ui.widgets.step_widgets import utc_seconds_iso
from app.ui.workers import run_task

__all__ = ["ChecksList", "ImageView", "PhotoResult", "PhotoStep"]  # ChecksList, ImageView: also imported from here


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class PhotoStep(QWidget):
    """Photo capture for one resident (see the module doc for pages and decisions).

    Signals:
        completed(object): a `PhotoResult`, after approval or the exception.
        changed(): anything the owner may want to re-check (capture, retake, reset...).
        takeFinished(bool): a take (capture or import) was checked: True when the
            review page opened, False when it gave no photo (the message is shown).

    Args:
        clock: returns the current time (tests pass a fixed one); default UTC now.
    """

    completed = Signal(object)
    changed = Signal()
    takeFinished = Signal(bool)

    PAGES = ("live", "review", "compare", "exception", "done")

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or _utc_now
        self._capture: Capture | None = None
        self._exception_capture: Capture | None = None
        self._result: PhotoResult | None = None
        self._expected: BackgroundColour | None = None
        self._expected_why = ""
        self._bg_token = 0
        self._bg_busy = False

        self._taker = PhotoTaker(self)
        self._taker.finished.connect(self._on_take_finished)

        self.pages = QStackedWidget(self)
        for build in (build_live, build_review, build_compare, build_exception, build_done):
            build(self)
        self.live.frameShown.connect(self._on_frame_shown)
        self.live.cameraChanged.connect(self._on_camera_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.set_expected(None, None)
        self._go("live")

    # ================================================================ API
    @property
    def page(self) -> str:
        """The visible page: live, review, compare, exception or done."""
        return self.PAGES[self.pages.currentIndex()]

    @property
    def camera(self) -> CameraController:
        return self.live.camera

    @property
    def camera_state(self) -> str:
        """off, starting, on or failed."""
        return self.live.state

    def expected_colour(self) -> BackgroundColour | None:
        return self._expected

    def set_expected(self, birth_year: int | None, kewarganegaraan: Kewarganegaraan | str | None) -> None:
        """Set the background colour the photo needs, from the birth year and citizenship.

        Unknown citizenship counts as WNI; WNA is orange whatever the year.
        """
        wna = False
        if kewarganegaraan not in (None, ""):
            try:
                wna = Kewarganegaraan.parse(kewarganegaraan) is Kewarganegaraan.WNA
            except (ValueError, KeyError):
                wna = False
        if wna:
            colour, why = BackgroundColour.ORANGE, self.tr("WNA")
        elif isinstance(birth_year, int) and not isinstance(birth_year, bool) and birth_year > 0:
            colour = expected_background(birth_year, Kewarganegaraan.WNI)
            why = self.tr("tahun lahir genap") if birth_year % 2 == 0 else self.tr("tahun lahir ganjil")
        else:
            colour, why = None, ""
        self._expected, self._expected_why = colour, why
        self.live.camera.set_expected_background(colour)
        show_background_chip(self.background_chip, colour, why)
        self.replace_button.setEnabled(colour is not None and not self._bg_busy)
        self.replace_button.setToolTip("" if colour is not None else self.tr("Isi tahun lahir dulu"))
        self.checks.update_report(self.live.report, colour_known=colour is not None)

    def set_thresholds(self, thresholds: quality.QualityThresholds | None) -> None:
        """Limits for the photo checks (from Pengaturan); None restores the calibrated defaults."""
        self.live.camera.thresholds = thresholds

    def start_camera(self, spec: Any, *, live: bool | None = None) -> None:
        """Open a frame source (camera index, video, image, folder or a `FrameSource`) for the preview."""
        self.live.start(spec, live=live, paused=self.page != "live")

    def stop_camera(self, timeout_ms: int = 1000) -> bool:
        """Stop the preview; returns within about `timeout_ms`. True if the camera thread ended in time."""
        return self.live.stop(timeout_ms)

    def find_cameras(self, configured=(), current: Any = None) -> None:
        """List the cameras in the chooser at the top (off the GUI thread); `configured`: file/folder
        sources to offer too, `current`: the source started now (chosen in the list when found)."""
        self.camera_chooser.search(configured, current)

    @Slot(list)
    def _on_cameras_listed(self, choices: list) -> None:
        """None found: the panel says what to check (no other camera to pick)."""
        self.live.none_found = not choices
        if not choices and self.live.state == "failed":
            self.live.show_none_found()
        self._fall_back()

    def _fall_back(self) -> None:
        """The camera started failed and is not the one chosen in the list: open the chosen one."""
        chooser = self.camera_chooser
        if self.live.state == "failed" and chooser.choices and not chooser.searching \
                and not chooser.is_current(self.live.camera.spec):
            self.start_camera(chooser.current_spec())

    def retry_camera(self) -> None:
        """Open the last camera source again (the "Coba lagi" button)."""
        self.live.retry()

    def result(self) -> PhotoResult | None:
        """The completed result, or None while the step is not complete."""
        return self._result

    def is_complete(self) -> bool:
        return self._result is not None

    def reset(self) -> None:
        """Forget the photo and the result (and a take being checked); back to the live preview."""
        self._taker.cancel()
        self._bg_token += 1
        self._bg_busy = False
        self._capture = None
        self._exception_capture = None
        self._result = None
        self.live.camera.reset_best()
        self.exception_reason.clear()
        self.exception_reason_choice.setCurrentIndex(0)
        self.guardian_name.clear()
        self.approver_resident.setChecked(True)
        set_message(self.approval_message, "")
        set_message(self.live_message, "")
        self._go("live")
        self.changed.emit()

    # ------------------------------------------------------------ capture
    def current_report(self) -> quality.QualityReport | None:
        """The checks of the frame shown in the preview."""
        return self.live.report

    def capture(self) -> bool:
        """Take the frame on screen: it is checked once more and cut off the GUI thread.

        The frame is checked again (the live report may be a few frames old), so
        the decision and the stored findings belong to this frame. False (with
        a message when useful) when nothing is taken: not on the live page, a
        take is being checked already (a second Space press is ignored), or no
        frame yet. True when the take started: `takeFinished` follows.
        """
        if self.page != "live" or self._taker.busy:
            return False
        if self.live.image is None or self.live.report is None:
            self._live_error(self.tr("Belum ada gambar dari kamera. Nyalakan kamera atau impor dari berkas."))
            return False
        return self._start_take(TakeJob("camera", image=self.live.image, expected=self._expected,
                                        thresholds=self.live.camera.thresholds))

    def choose_file(self) -> None:
        """Ask for an image file and import it (the "Impor dari berkas" button)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto warga"), "",
            self.tr("Gambar (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> bool:
        """Use a picture from a file instead of the camera; the review page opens when it has one face.

        Reading, checking and cutting run off the GUI thread. False when a take
        is being checked already; else True and `takeFinished` follows.
        """
        if self.page not in ("live",):
            self._go("live")
        if self._taker.busy:
            return False
        return self._start_take(TakeJob("file", path=str(path), expected=self._expected,
                                        thresholds=self.live.camera.thresholds))

    @property
    def taking(self) -> bool:
        """A take (capture or import) is being checked off the GUI thread."""
        return self._taker.busy

    @property
    def taker(self) -> PhotoTaker:
        """The take worker; its ``finished`` signal carries each take's `TakeOutcome`."""
        return self._taker

    def _start_take(self, job: TakeJob) -> bool:
        if not self._taker.start(job):
            return False
        set_message(self.live_message, "")
        self._show_taking(True)
        return True

    def _show_taking(self, on: bool) -> None:
        """The busy state: a moving bar, the buttons rest, the preview holds the frame taken."""
        self.take_busy.setVisible(on)
        self.import_button.setEnabled(not on)
        self.exception_button.setEnabled(not on)
        self.preview.setCursor(Qt.CursorShape.BusyCursor if on else Qt.CursorShape.ArrowCursor)
        self.live.hold(on or self.page != "live")
        self._update_live_controls()

    @Slot(object)
    def _on_take_finished(self, outcome: TakeOutcome | None) -> None:
        self._show_taking(False)
        if outcome is None or self.page != "live":
            self.takeFinished.emit(False)  # reset, or the live page was left, meanwhile
            return
        if outcome.source == EXCEPTION:
            self._open_exception(outcome.capture)
            self.takeFinished.emit(outcome.ok)
            return
        if not outcome.ok:
            self._live_error(self._take_problem_text(outcome))
            self.takeFinished.emit(False)
            return
        self._capture = outcome.capture
        set_message(self.live_message, "")
        self._show_review()
        self.changed.emit()
        self.takeFinished.emit(True)

    def _take_problem_text(self, outcome: TakeOutcome) -> str:
        if outcome.problem == UNREADABLE:
            return self.tr("Berkas gambar tidak bisa dibuka atau rusak.")
        if outcome.problem == BLOCKED and outcome.finding is not None:
            message = finding_text(outcome.finding)
            if outcome.source == "file":
                return self.tr("Foto dari berkas tidak bisa dipakai: {message}").format(message=message)
            return self.tr("Foto tidak bisa diambil: {message}").format(message=message)
        return self.tr("Foto tidak bisa dipotong di sekitar wajah. Coba lagi.")

    def retake(self) -> None:
        """Discard the captured photo and return to the live preview."""
        if self.page not in ("review", "compare"):
            return
        self._bg_token += 1
        self._bg_busy = False
        self._capture = None
        self._go("live")
        self.changed.emit()

    def captured_jpeg(self) -> bytes | None:
        """The photo on the review page (before approval), or None."""
        return self._capture.final_jpeg if self._capture is not None else None

    # ------------------------------------------------------- background
    def request_background_replacement(self) -> bool:
        """Start replacing the background (off the GUI thread); the compare page opens when done."""
        cap = self._capture
        if cap is None or self._expected is None or self._bg_busy or self.page != "review":
            return False
        if cap.replaced_jpeg is not None and cap.replaced_colour is self._expected:
            self._show_compare()  # proposed before and rejected: show it again, no new work
            return True
        self._bg_busy = True
        self._bg_token += 1
        token = self._bg_token
        colour = self._expected
        frame, face = cap.frame, cap.face
        self.replace_button.setEnabled(False)
        set_message(self.bg_status, self.tr("Sedang mengganti latar… (beberapa detik)"))

        def work():
            res = replace_background(frame, colour, face)
            portrait = make_portrait(res.image, face)
            report = quality.assess(res.image, colour, self.live.camera.thresholds)
            return token, colour, res.score, res.clean, portrait.jpeg, portrait.image, report.findings

        run_task(work, self._on_background_done, self._on_background_failed, pool=QThreadPool.globalInstance())
        return True

    @Slot(object)
    def _on_background_done(self, payload: Any) -> None:
        token, colour, score, clean, jpeg, image, findings = payload
        if token != self._bg_token or self._capture is None:
            return  # retaken or reset meanwhile
        self._bg_busy = False
        self.replace_button.setEnabled(self._expected is not None)
        set_message(self.bg_status, "")
        cap = self._capture
        cap.replaced_jpeg, cap.replaced_image = jpeg, image
        cap.replaced_findings, cap.replaced_score, cap.replaced_clean = list(findings), float(score), bool(clean)
        cap.replaced_colour = colour
        self._show_compare()

    def _show_compare(self) -> None:
        assert self._capture is not None and self._capture.replaced_image is not None
        fill_compare(self, self._capture)
        self._go("compare")
        self.reject_button.setFocus()

    @Slot(object)
    def _on_background_failed(self, _exc: Any) -> None:
        self._bg_busy = False
        self.replace_button.setEnabled(self._expected is not None)
        set_message(self.bg_status, self.tr("Latar tidak bisa diganti pada foto ini. Pakai foto asli atau "
                                             "pasang kain latar lalu ulangi foto."), "errorText")

    def accept_replacement(self) -> None:
        """Use the replaced background (the compare page's "Pakai latar baru")."""
        if self.page != "compare" or self._capture is None or self._capture.replaced_jpeg is None:
            return
        self._capture.use_replaced = True
        self._show_review()
        self.changed.emit()

    def reject_replacement(self) -> None:
        """Keep the original photo (Esc on the compare page)."""
        if self.page != "compare" or self._capture is None:
            return
        self._capture.use_replaced = False
        self._show_review()

    # --------------------------------------------------------- approval
    def _guardian_toggled(self, on: bool) -> None:
        self.guardian_name.setEnabled(on)
        set_message(self.approval_message, "")
        if on:
            self.guardian_name.setFocus()

    def approve(self) -> bool:
        """Record the approval (resident, or family/guardian by name) and complete the step."""
        cap = self._capture
        if self.page != "review" or cap is None:
            return False
        if self.approver_guardian.isChecked():
            name = " ".join(self.guardian_name.text().split())
            if len(name) < MIN_REASON_LENGTH:
                set_message(self.approval_message,
                             self.tr("Tuliskan nama keluarga/wali yang menyetujui foto."), "errorText")
                self.guardian_name.setFocus()
                return False
            role, approver_name, approved_by = ROLE_GUARDIAN, name, f"keluarga/wali: {name}"
        else:
            role, approver_name, approved_by = ROLE_RESIDENT, None, ROLE_RESIDENT
        self._result = PhotoResult(
            jpeg=cap.final_jpeg,
            findings=cap.final_findings,
            approved_by=approved_by,
            approved_at=self._now_iso(),
            exception_reason=None,
            background_replaced=cap.use_replaced,
            approver_role=role,
            approver_name=approver_name,
            source=cap.source,
            expected_background=self._expected.value if self._expected else None,
            background_score=cap.replaced_score if cap.use_replaced else None,
        )
        self._show_done()
        self.changed.emit()
        self.completed.emit(self._result)
        return True

    # -------------------------------------------------------- exception
    def show_exception(self) -> bool:
        """Open the photo with an exception: the camera's best frame (or the one on screen) is cut
        off the GUI thread first (`takeFinished` follows); without any frame the page opens at once
        for a recording without photo. False when not on the live page or a take is being checked."""
        if self.page != "live" or self._taker.busy:
            return False
        best = self.live.camera.best_frame()
        if best is not None:
            job = TakeJob(EXCEPTION, frame=best.frame, expected=self._expected,
                          thresholds=self.live.camera.thresholds)
        elif self.live.image is not None:
            job = TakeJob(EXCEPTION, image=self.live.image, expected=self._expected,
                          thresholds=self.live.camera.thresholds)
        else:
            self._open_exception(None)
            return True
        return self._start_take(job)

    def _open_exception(self, cap: Capture | None) -> None:
        self._exception_capture = cap
        fill_exception(self, cap)
        set_message(self.exception_message, "")
        self._go("exception")
        self.exception_reason_choice.setFocus()

    def exception_capture(self) -> Capture | None:
        """The best frame's cut shown on the exception page, or None (no picture)."""
        return self._exception_capture

    def set_exception_reason(self, reason: PhotoExceptionReason | str | None, text: str = "") -> None:
        """Choose the reason from the list (None: none chosen) and its words."""
        value = PhotoExceptionReason(reason).value if reason else None
        self.exception_reason_choice.setCurrentIndex(max(0, self.exception_reason_choice.findData(value)))
        self.exception_reason.setText(text)

    def exception_reason_choice_value(self) -> PhotoExceptionReason | None:
        data = self.exception_reason_choice.currentData()
        return PhotoExceptionReason(data) if data else None

    def _exception_reason_changed(self, _index: int) -> None:
        set_message(self.exception_message, "")
        if self.exception_reason_choice_value() is PhotoExceptionReason.LAINNYA:
            self.exception_reason.setFocus()

    def cancel_exception(self) -> None:
        if self.page == "exception":
            self._exception_capture = None
            self._go("live")

    def _confirm_exception(self) -> None:
        """Enter or the primary button: the photo with an exception when there is a frame, else no photo."""
        if self._exception_capture is not None:
            self.save_exception_photo()
        else:
            self._confirm_without_photo()

    def _confirm_without_photo(self) -> None:
        self.complete_without_photo(self.exception_reason.text())

    def save_exception_photo(self) -> bool:
        """Keep the best frame as the photo, with the chosen reason and the failed checks; complete the step."""
        cap = self._exception_capture
        if self.page != "exception" or cap is None:
            return False
        findings = list(cap.report.findings)
        flag = PhotoFlag.make(self.exception_reason_choice_value(), self.exception_reason.text(),
                              [f.code for f in findings])
        problems = photo_flag_findings(flag, has_photo=True)
        if problems:
            set_message(self.exception_message, finding_text(problems[0]), "errorText")
            (self.exception_reason if flag.reason is not None else self.exception_reason_choice).setFocus()
            return False
        self._result = PhotoResult(
            jpeg=cap.jpeg, findings=findings, approved_by="", approved_at=self._now_iso(),
            exception_reason=None, source="camera", flag=flag.to_dict(),
            expected_background=self._expected.value if self._expected else None)
        self._finish_exception()
        return True

    def complete_without_photo(self, reason: str) -> bool:
        """Complete the step without a photo; the words (>= 3 characters) or a reason from the list are required."""
        text = " ".join((reason or "").split())
        if self.page != "exception":
            if not self.show_exception() or self.page != "exception":
                return False
        chosen = self.exception_reason_choice_value()
        if chosen is not None and chosen is not PhotoExceptionReason.LAINNYA:
            words = reason_label(chosen) + (f": {text}" if text else "")
        else:
            words = text  # "Lainnya" or nothing chosen: the words are the reason
        if len(words) < MIN_REASON_LENGTH:
            set_message(self.exception_message,
                        self.tr("Alasan wajib diisi (pilih dari daftar atau tuliskan, mis. warga terbaring)."),
                        "errorText")
            self.exception_reason.setFocus()
            return False
        self._capture = None
        self._exception_capture = None
        self._result = PhotoResult(jpeg=None, findings=[], approved_by="", approved_at=self._now_iso(),
                                   exception_reason=words, background_replaced=False,
                                   expected_background=self._expected.value if self._expected else None)
        self._finish_exception()
        return True

    def _finish_exception(self) -> None:
        self._show_done()
        self.changed.emit()
        self.completed.emit(self._result)

    # ============================================================ internals
    def _now_iso(self) -> str:
        return utc_seconds_iso(self._clock())

    def _go(self, name: str) -> None:
        self.pages.setCurrentIndex(self.PAGES.index(name))
        self.live.camera.set_paused(name != "live" or not self.isVisible())
        self.live.hold(name != "live" or self._taker.busy)  # back on live: the last frame again
        if name == "live":
            self._update_live_controls()
            self.capture_button.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.live.camera.set_paused(self.page != "live")

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self.live.camera.set_paused(True)  # a hidden preview costs CPU on a 2-core laptop

    def _live_error(self, text: str) -> None:
        set_message(self.live_message, text, "errorText")

    def _update_live_controls(self) -> None:
        report = self.live.report
        if self._taker.busy:
            self.capture_button.setEnabled(False)  # the take being checked comes first
            return
        can = self.live.image is not None and report is not None and blocking_finding(report) is None
        if can and not self.capture_button.isEnabled():
            set_message(self.live_message, "")  # "cannot capture" no longer holds
        self.capture_button.setEnabled(can)
        self.capture_button.setToolTip("" if can else self.tr("Belum ada wajah yang bisa difoto."))

    def _show_review(self) -> None:
        assert self._capture is not None
        fill_review(self, self._capture)
        self.replace_button.setEnabled(self._expected is not None and not self._bg_busy)
        set_message(self.approval_message, "")
        self._go("review")
        self.approve_button.setFocus()

    def _show_done(self) -> None:
        assert self._result is not None
        fill_done(self, self._result)
        self._go("done")
        self.redo_button.setFocus()

    # ------------------------------------------------------ camera
    @Slot()
    def _on_frame_shown(self) -> None:
        self.checks.update_report(self.live.report, colour_known=self._expected is not None)
        self._update_live_controls()

    @Slot()
    def _on_camera_changed(self) -> None:
        self._fall_back()
        set_message(self.live_message, "")
        self.checks.update_report(None, colour_known=self._expected is not None)
        self._update_live_controls()
