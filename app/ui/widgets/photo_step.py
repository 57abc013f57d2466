"""The photo step of an enrollment: live preview with checks, capture, optional new background, the resident's approval.

Pages (one `QStackedWidget`):
    live       preview with the face box and the 3:4 crop guide, the expected
               background chip, a traffic-light list of the checks; Space
               captures, "Impor dari berkas" always works (also without camera),
               "Foto tidak memungkinkan" records an exception.
    review     the captured pas foto, big, to show to the resident; R retakes;
               "Ganti latar" proposes a new background; the approver is chosen
               (the resident, or a family member/guardian by name) and
               "Warga setuju dengan foto ini" (Enter) completes the step.
    compare    original | replaced background side by side; accept or reject (Esc).
    exception  the reason why no photo can be taken (required); Esc cancels.
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
    * The step completes only by approval (or by the exception). Approval
      records who approved (``warga``, or ``keluarga/wali: NAME`` with a
      name of at least 3 characters) and the time (ISO 8601, UTC, seconds).
    * Background replacement is never applied silently: it runs off the GUI
      thread, the two versions are shown side by side, and only "Pakai latar
      baru" uses the new one (its findings are then re-checked on the new frame).

The camera runs in `app.ui.camera_worker`; this widget never reads frames, it
keeps the last frame it was shown and cuts the portrait from exactly that
frame, after checking that frame once more (the live report is refreshed
only ~5 times a second).
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QThreadPool, QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.capture import quality
from app.capture.background import replace_background
from app.capture.camera import CAMERA_DISCONNECTED
from app.capture.face import Box, FaceDetector, NoFaceFound, make_portrait, portrait_box
from app.core.findings import MIN_REASON_LENGTH, Finding, Severity, finding
from app.core.photo_rules import BackgroundColour, expected_background
from app.core.values import Kewarganegaraan
from app.ui.camera_worker import CameraController, bgr_to_qimage, qimage_to_bgr
from app.ui.texts import finding_text, message_text
from app.ui.widgets.step_widgets import button as _button
from app.ui.widgets.step_widgets import exception_page
from app.ui.widgets.step_widgets import hint as _hint
from app.ui.widgets.step_widgets import title as _title
from app.ui.workers import run_task

log = logging.getLogger(__name__)

MAX_IMPORT_WIDTH = 1600
"""Imported pictures wider than this are shrunk first (a phone photo is 4000 px wide)."""

ROLE_RESIDENT = "warga"
ROLE_GUARDIAN = "keluarga_wali"

COLOURS = {"ok": "#1e7b34", "warning": "#c98a00", "error": "#b3261e", "unknown": "#9aa5b1"}
SYMBOLS = {"ok": "\u2713", "warning": "!", "error": "\u2715", "unknown": "\u2013"}

# One row per check: (key, finding codes it shows, text when it passes).
CHECK_ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("face", ("photo.no_face", "photo.multiple_faces"), QT_TRANSLATE_NOOP("PhotoStep", "Satu wajah terlihat")),
    ("size", ("photo.face_too_small", "photo.face_too_large"), QT_TRANSLATE_NOOP("PhotoStep", "Ukuran wajah pas")),
    ("position", ("photo.off_centre",), QT_TRANSLATE_NOOP("PhotoStep", "Wajah di tengah bingkai")),
    ("tilt", ("photo.tilted",), QT_TRANSLATE_NOOP("PhotoStep", "Kepala tegak")),
    ("sharpness", ("photo.blurred",), QT_TRANSLATE_NOOP("PhotoStep", "Foto tajam")),
    ("light", ("photo.too_dark", "photo.too_bright"), QT_TRANSLATE_NOOP("PhotoStep", "Terang cukup")),
    ("even_light", ("photo.uneven_light",), QT_TRANSLATE_NOOP("PhotoStep", "Cahaya merata di wajah")),
    ("background", ("photo.background_not_uniform",), QT_TRANSLATE_NOOP("PhotoStep", "Latar polos")),
    ("background_colour", ("photo.background_wrong_colour",),
     QT_TRANSLATE_NOOP("PhotoStep", "Warna latar sesuai")),
    ("glasses", ("photo.glasses",), QT_TRANSLATE_NOOP("PhotoStep", "Tanpa kacamata")),
)
BLOCKING_CODES = frozenset({"photo.no_face", "photo.multiple_faces"})
_NO_FACE = finding("photo.no_face", quality.FIELD, Severity.ERROR)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotoStep", text)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class PhotoResult:
    """The outcome of the photo step.

    Attributes:
        jpeg: the 480x640 pas foto, or None when no photo could be taken.
        findings: what the checks found on the photo that was kept (warnings only).
        approved_by: ``warga`` or ``keluarga/wali: NAME``; empty for the exception.
        approved_at: when the step was completed (ISO 8601 UTC): the approval,
            or the recording of the exception.
        exception_reason: why there is no photo (then `jpeg` is None).
        background_replaced: the operator accepted a replaced background.
        approver_role: ``warga``, ``keluarga_wali`` or empty.
        approver_name: the family member's/guardian's name, else None.
        source: ``camera`` or ``file`` (never the file name), empty for the exception.
        expected_background: 'merah'/'biru'/'oranye' expected at capture, or None.
        background_score: mask quality (0-1) of an accepted replacement.
    """

    jpeg: bytes | None
    findings: list[Finding]
    approved_by: str
    approved_at: str
    exception_reason: str | None = None
    background_replaced: bool = False
    approver_role: str = ""
    approver_name: str | None = None
    source: str = ""
    expected_background: str | None = None
    background_score: float | None = None

    @property
    def has_photo(self) -> bool:
        return self.jpeg is not None

    def to_meta(self) -> dict[str, Any]:
        """JSON-safe metadata to store with the media item (no image bytes)."""
        return {
            "kind": "photo",
            "width": 480 if self.jpeg else None,
            "height": 640 if self.jpeg else None,
            "size": len(self.jpeg) if self.jpeg else 0,
            "findings": [f.to_dict() for f in self.findings],
            "approved_by": self.approved_by,
            "approver_role": self.approver_role,
            "approver_name": self.approver_name,
            "approved_at": self.approved_at,
            "exception_reason": self.exception_reason,
            "background_replaced": self.background_replaced,
            "background_score": None if self.background_score is None else round(self.background_score, 3),
            "expected_background": self.expected_background,
            "source": self.source,
        }


@dataclass
class _Capture:
    """A photo being reviewed: the frame it was cut from and the cut."""

    frame: np.ndarray
    report: quality.QualityReport
    face: Box
    jpeg: bytes
    image: np.ndarray
    source: str
    # A proposed / accepted replacement:
    replaced_jpeg: bytes | None = None
    replaced_image: np.ndarray | None = None
    replaced_findings: list[Finding] = field(default_factory=list)
    replaced_score: float | None = None
    replaced_clean: bool = False
    replaced_colour: Any = None
    use_replaced: bool = False

    @property
    def final_jpeg(self) -> bytes:
        return self.replaced_jpeg if self.use_replaced and self.replaced_jpeg else self.jpeg

    @property
    def final_image(self) -> np.ndarray:
        if self.use_replaced and self.replaced_image is not None:
            return self.replaced_image
        return self.image

    @property
    def final_findings(self) -> list[Finding]:
        return list(self.replaced_findings if self.use_replaced else self.report.findings)


# --------------------------------------------------------------- small views

class ImageView(QWidget):
    """Paints a `QImage` scaled to fit (aspect kept), with an optional face box and crop guide."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *, aspect: float = 4 / 3) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._report: quality.QualityReport | None = None
        self._placeholder = placeholder
        self._aspect = aspect
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_image(self, image: QImage | None, report: quality.QualityReport | None = None) -> None:
        self._image = image
        self._report = report
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False

    def _target(self) -> QRectF:
        if self._image is None or self._image.isNull():
            w, h = self.width(), self.width() / self._aspect
        else:
            w, h = self._image.width(), self._image.height()
        scale = min(self.width() / w, self.height() / h)
        tw, th = w * scale, h * scale
        return QRectF((self.width() - tw) / 2, (self.height() - th) / 2, tw, th)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#20262d"))
        if self._image is None or self._image.isNull():
            p.setPen(QColor("#d8dde3"))
            f = p.font()
            f.setPointSizeF(f.pointSizeF() * 1.15)
            p.setFont(f)
            p.drawText(self.rect().adjusted(16, 16, -16, -16),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        target = self._target()
        p.drawImage(target, self._image)
        report = self._report
        if report is None or report.face_box is None:
            return
        k = target.width() / self._image.width()
        face = Box(*report.face_box)
        guide = portrait_box(face)

        def rect(b: Box) -> QRectF:
            return QRectF(target.x() + b.x * k, target.y() + b.y * k, b.w * k, b.h * k)

        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(255, 255, 255, 190), 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRect(rect(guide).intersected(target))
        state = "error" if report.has_errors else ("warning" if report.findings else "ok")
        p.setPen(QPen(QColor(COLOURS[state]), 3))
        p.drawRect(rect(face))


class _Dot(QWidget):
    """A coloured traffic-light dot with a symbol (colour is not the only cue)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "unknown"
        self.setFixedSize(18, 18)

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(COLOURS[self.state]))
        p.drawEllipse(QRectF(1, 1, 16, 16))
        p.setPen(QColor("white"))
        f = QFont(p.font())
        f.setBold(True)
        f.setPixelSize(12)
        p.setFont(f)
        p.drawText(QRectF(1, 1, 16, 16), Qt.AlignmentFlag.AlignCenter, SYMBOLS[self.state])


class ChecksList(QWidget):
    """The traffic-light list: one row per check, updated from each `QualityReport`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[_Dot, QLabel]] = {}
        for i, (key, _codes, _ok) in enumerate(CHECK_ROWS):
            dot = _Dot(self)
            text = QLabel(self)
            text.setWordWrap(True)
            text.setObjectName("checkText")
            grid.addWidget(dot, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1)
            self.rows[key] = (dot, text)
        self.update_report(None)

    def states(self) -> dict[str, str]:
        """Row key -> 'ok' / 'warning' / 'error' / 'unknown'."""
        return {k: dot.state for k, (dot, _t) in self.rows.items()}

    def text(self, key: str) -> str:
        return self.rows[key][1].text()

    def update_report(self, report: quality.QualityReport | None, *, colour_known: bool = True) -> None:
        by_code = {f.code: f for f in report.findings} if report is not None else {}
        metrics = report.metrics if report is not None else {}
        has_face = report is not None and report.face_box is not None
        bg_measured = metrics.get("background_pixels", 0) >= quality.DEFAULT_THRESHOLDS.min_background_pixels
        evaluated = {
            "face": report is not None,
            "size": has_face,
            "position": has_face,
            "tilt": has_face and report.eye_angle_deg is not None,
            "sharpness": "sharpness" in metrics,
            "light": report is not None,
            "even_light": "light_imbalance" in metrics,
            "background": has_face and bg_measured,
            "background_colour": has_face and bg_measured and colour_known,
            "glasses": has_face,
        }
        for key, codes, ok_text in CHECK_ROWS:
            dot, label = self.rows[key]
            found = next((by_code[c] for c in codes if c in by_code), None)
            if found is not None:
                dot.set_state("error" if found.severity is Severity.ERROR else "warning")
                label.setText(finding_text(found))
            elif evaluated[key]:
                dot.set_state("ok")
                label.setText(_tr(ok_text))
            else:
                dot.set_state("unknown")  # grey dot, grey text: not measured on this frame
                if key == "background_colour" and not colour_known:
                    label.setText(_tr("Warna latar: isi tahun lahir dulu"))
                else:
                    label.setText(_tr(ok_text))
            label.setStyleSheet("color: #7a848f;" if dot.state == "unknown" else "")


def _set_message(label: QLabel, text: str, kind: str = "hint") -> None:
    """Show `text` in `label` styled as 'hint', 'errorText' or 'okText' (empty hides it)."""
    label.setObjectName(kind)
    label.setText(text)
    label.setVisible(bool(text))
    label.style().unpolish(label)
    label.style().polish(label)


# ------------------------------------------------------------------ the step

class PhotoStep(QWidget):
    """Photo capture for one resident (see the module doc for pages and decisions).

    Signals:
        completed(object): a `PhotoResult`, after approval or the exception.
        changed(): anything the owner may want to re-check (capture, retake, reset...).

    Args:
        clock: returns the current time (tests pass a fixed one); default UTC now.
    """

    completed = Signal(object)
    changed = Signal()

    PAGES = ("live", "review", "compare", "exception", "done")

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or _utc_now
        self._camera = CameraController(self)
        self._camera.opened.connect(self._on_camera_opened)
        self._camera.frameReady.connect(self._on_frame)
        self._camera.failed.connect(self._on_camera_failed)
        self._camera.stopped.connect(self._on_camera_stopped)
        self._frame_image: QImage | None = None
        self._frame_report: quality.QualityReport | None = None
        self._capture: _Capture | None = None
        self._result: PhotoResult | None = None
        self._expected: BackgroundColour | None = None
        self._expected_why = ""
        self._bg_token = 0
        self._bg_busy = False
        self._detector: FaceDetector | None = None
        self._camera_state = "off"  # off | starting | on | failed

        self.pages = QStackedWidget(self)
        self._build_live()
        self._build_review()
        self._build_compare()
        self._build_exception()
        self._build_done()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.set_expected(None, None)
        self._show_camera_panel(self.tr("Kamera belum dinyalakan."), retry=False)
        self._go("live")

    # ============================================================ building
    def _build_live(self) -> None:
        page = QWidget(self)
        self.live_page = page
        self.preview = ImageView(self.tr("Menunggu gambar dari kamera…"), page)
        self.preview.setMinimumSize(400, 300)
        self.camera_panel = QFrame(page)
        self.camera_panel.setObjectName("card")
        cp = QVBoxLayout(self.camera_panel)
        cp.setContentsMargins(24, 24, 24, 24)
        cp.addStretch(1)
        self.camera_title = _title(self.tr("Kamera tidak aktif"), self.camera_panel)
        self.camera_message = _hint("", self.camera_panel)
        self.camera_message.setStyleSheet("font-size: 11pt;")
        self.retry_button = _button(self.tr("Coba lagi"), self.camera_panel)
        self.retry_button.clicked.connect(self.retry_camera)
        cp.addWidget(self.camera_title)
        cp.addWidget(self.camera_message)
        cp.addSpacing(8)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        cp.addLayout(row)
        cp.addWidget(_hint(self.tr("Foto juga bisa diambil dari berkas: tekan \u201cImpor dari berkas\u201d di bawah."),
                           self.camera_panel))
        cp.addStretch(2)
        self.preview_stack = QStackedWidget(page)
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(self.camera_panel)

        self.live_message = _hint("", page)
        self.live_message.hide()
        self.capture_button = _button(self.tr("Ambil foto (Spasi)"), page, primary=True)
        self.capture_button.clicked.connect(self.capture)
        self.import_button = _button(self.tr("Impor dari berkas…"), page)
        self.import_button.clicked.connect(self.choose_file)
        self.exception_button = _button(self.tr("Foto tidak memungkinkan…"), page)
        self.exception_button.clicked.connect(self.show_exception)
        self.capture_button.setMinimumHeight(36)
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        buttons.setVerticalSpacing(4)
        buttons.addWidget(self.capture_button, 0, 0, 2, 1)
        buttons.addWidget(self.import_button, 0, 1)
        buttons.addWidget(self.exception_button, 1, 1)
        buttons.setColumnStretch(0, 3)
        buttons.setColumnStretch(1, 2)

        left = QVBoxLayout()
        left.addWidget(self.preview_stack, 1)
        left.addWidget(self.live_message)
        left.addLayout(buttons)

        self.background_chip = QLabel(page)
        self.background_chip.setObjectName("backgroundChip")
        self.background_chip.setWordWrap(True)
        self.checks = ChecksList(page)
        checks_box = QGroupBox(self.tr("Pemeriksaan langsung"), page)
        cb = QVBoxLayout(checks_box)
        cb.setContentsMargins(8, 12, 8, 8)
        cb.addWidget(self.checks)
        right_w = QWidget(page)
        right_w.setFixedWidth(310)
        right = QVBoxLayout(right_w)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.background_chip)
        right.addWidget(checks_box)
        right.addStretch(1)

        h = QHBoxLayout(page)
        h.setContentsMargins(6, 6, 6, 6)
        h.addLayout(left, 1)
        h.addWidget(right_w)
        self.pages.addWidget(page)

        sc = QShortcut(QKeySequence(Qt.Key.Key_Space), page)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.capture)
        self._space_shortcut = sc

    def _build_review(self) -> None:
        page = QWidget(self)
        self.review_page = page
        self.review_view = ImageView("", page, aspect=3 / 4)
        self.review_view.setMinimumSize(300, 400)
        self.review_view.setMaximumWidth(420)

        right = QVBoxLayout()
        right.addWidget(_title(self.tr("Tunjukkan foto ini kepada warga"), page))
        self.review_findings = QLabel(page)
        self.review_findings.setWordWrap(True)
        self.review_findings.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.review_findings)

        tools = QHBoxLayout()
        self.retake_button = _button(self.tr("Ulangi foto (R)"), page)
        self.retake_button.clicked.connect(self.retake)
        self.replace_button = _button(self.tr("Ganti latar…"), page)
        self.replace_button.clicked.connect(self.request_background_replacement)
        tools.addWidget(self.retake_button)
        tools.addWidget(self.replace_button)
        tools.addStretch(1)
        right.addLayout(tools)
        self.bg_status = _hint("", page)
        self.bg_status.hide()
        right.addWidget(self.bg_status)

        box = QGroupBox(self.tr("Persetujuan warga"), page)
        g = QGridLayout(box)
        g.setContentsMargins(10, 14, 10, 10)
        self.approver_resident = QRadioButton(self.tr("Warga sendiri"), box)
        self.approver_guardian = QRadioButton(self.tr("Keluarga/wali, nama:"), box)
        self.approver_group = QButtonGroup(box)
        self.approver_group.addButton(self.approver_resident)
        self.approver_group.addButton(self.approver_guardian)
        self.approver_resident.setChecked(True)
        self.guardian_name = QLineEdit(box)
        self.guardian_name.setMaxLength(60)
        self.guardian_name.setPlaceholderText(self.tr("nama yang menyetujui"))
        self.guardian_name.setEnabled(False)
        self.approver_guardian.toggled.connect(self._guardian_toggled)
        self.guardian_name.returnPressed.connect(self.approve)
        self.approval_message = _hint("", box, "errorText")
        self.approval_message.hide()
        self.approve_button = _button(self.tr("Warga setuju dengan foto ini"), box, primary=True)
        self.approve_button.setMinimumHeight(40)
        self.approve_button.clicked.connect(self.approve)
        g.addWidget(self.approver_resident, 0, 0, 1, 2)
        g.addWidget(self.approver_guardian, 1, 0)
        g.addWidget(self.guardian_name, 1, 1)
        g.addWidget(self.approval_message, 2, 0, 1, 2)
        g.addWidget(self.approve_button, 3, 0, 1, 2)
        g.addWidget(_hint(self.tr("Tekan setelah warga melihat foto dan setuju. Waktu persetujuan dicatat."), box),
                    4, 0, 1, 2)
        right.addWidget(box)
        right.addStretch(1)

        h = QHBoxLayout(page)
        h.setContentsMargins(6, 6, 6, 6)
        h.addWidget(self.review_view, 1)
        h.addLayout(right, 1)
        self.pages.addWidget(page)

        sc = QShortcut(QKeySequence(Qt.Key.Key_R), page)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.retake)

    def _build_compare(self) -> None:
        page = QWidget(self)
        self.compare_page = page
        v = QVBoxLayout(page)
        v.setContentsMargins(6, 6, 6, 6)
        v.addWidget(_title(self.tr("Bandingkan latar belakang"), page))
        v.addWidget(_hint(self.tr("Kiri foto asli, kanan dengan latar baru. Periksa tepi rambut, telinga dan "
                                  "bahu bersama warga sebelum memakai latar baru."), page))
        row = QHBoxLayout()
        self.compare_original = ImageView("", page, aspect=3 / 4)
        self.compare_replaced = ImageView("", page, aspect=3 / 4)
        for view, caption in ((self.compare_original, self.tr("Asli")),
                              (self.compare_replaced, self.tr("Latar baru"))):
            col = QVBoxLayout()
            view.setMinimumSize(240, 320)
            col.addWidget(view, 1)
            label = QLabel(caption, page)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("font-weight: bold;")
            col.addWidget(label)
            if view is self.compare_replaced:
                self.compare_caption = label
            row.addLayout(col)
        v.addLayout(row, 1)
        self.compare_hint = _hint("", page)
        v.addWidget(self.compare_hint)
        buttons = QHBoxLayout()
        self.reject_button = _button(self.tr("Tetap foto asli (Esc)"), page)
        self.reject_button.clicked.connect(self.reject_replacement)
        self.accept_button = _button(self.tr("Pakai latar baru"), page, primary=True)
        self.accept_button.clicked.connect(self.accept_replacement)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_button)
        v.addLayout(buttons)
        self.pages.addWidget(page)
        sc = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.reject_replacement)

    def _build_exception(self) -> None:
        built = exception_page(
            self, heading=self.tr("Foto tidak memungkinkan"),
            explanation=self.tr("Rekaman disimpan tanpa foto. Tuliskan alasannya (wajib); foto dapat diambil "
                                "kemudian di kantor Dinas Dukcapil."),
            placeholder=self.tr("mis. warga terbaring, memakai alat medis"),
            cancel_text=self.tr("Batal (Esc)"), confirm_text=self.tr("Simpan tanpa foto"),
            on_confirm=self._confirm_exception, on_cancel=self.cancel_exception,
            on_edit=lambda _t: _set_message(self.exception_message, ""))
        self.exception_page = built.page
        self.exception_reason, self.exception_message = built.reason, built.message
        self.exception_cancel, self.exception_confirm = built.cancel, built.confirm
        self.pages.addWidget(built.page)

    def _build_done(self) -> None:
        page = QWidget(self)
        self.done_page = page
        self.done_view = ImageView(self.tr("Tanpa foto"), page, aspect=3 / 4)
        self.done_view.setFixedSize(240, 320)
        self.done_title = _title("", page)
        self.done_details = _hint("", page)
        self.redo_button = _button(self.tr("Ambil ulang foto"), page)
        self.redo_button.clicked.connect(self.reset)
        right = QVBoxLayout()
        right.addWidget(self.done_title)
        right.addWidget(self.done_details)
        row = QHBoxLayout()
        row.addWidget(self.redo_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        h = QHBoxLayout(page)
        h.setContentsMargins(6, 6, 6, 6)
        h.addWidget(self.done_view, 0, Qt.AlignmentFlag.AlignTop)
        h.addLayout(right, 1)
        self.pages.addWidget(page)

    # ================================================================ API
    @property
    def page(self) -> str:
        """The visible page: live, review, compare, exception or done."""
        return self.PAGES[self.pages.currentIndex()]

    @property
    def camera(self) -> CameraController:
        return self._camera

    @property
    def camera_state(self) -> str:
        """off, starting, on or failed."""
        return self._camera_state

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
        self._camera.set_expected_background(colour)
        chip = self.background_chip
        if colour is None:
            chip.setText(self.tr("Latar: ? (isi tahun lahir)"))
            chip.setStyleSheet("background: #e6eaee; color: #1f3b57; border: 1px dashed #9aa5b1;"
                               " border-radius: 4px; padding: 6px 10px; font-weight: bold; font-size: 11pt;")
        else:
            r, g, b = colour.rgb
            chip.setText(self.tr("Latar: {colour} ({why})").format(colour=colour.label.upper(), why=why))
            chip.setStyleSheet(f"background: rgb({r},{g},{b}); color: white; border-radius: 4px;"
                               " padding: 6px 10px; font-weight: bold; font-size: 11pt;")
        self.replace_button.setEnabled(colour is not None and not self._bg_busy)
        self.replace_button.setToolTip("" if colour is not None else self.tr("Isi tahun lahir dulu"))
        self.checks.update_report(self._frame_report, colour_known=colour is not None)

    def set_thresholds(self, thresholds: quality.QualityThresholds | None) -> None:
        """Limits for the photo checks (from Pengaturan); None restores the calibrated defaults."""
        self._camera.thresholds = thresholds

    def start_camera(self, spec: Any, *, live: bool | None = None) -> None:
        """Open a frame source (camera index, video, image, folder or a `FrameSource`) for the preview."""
        self._camera_state = "starting"
        self._frame_image = None
        self._frame_report = None
        self.checks.update_report(None, colour_known=self._expected is not None)
        self._show_camera_panel(self.tr("Menyalakan kamera…"), retry=False, title=self.tr("Kamera"))
        self._camera.set_paused(self.page != "live")
        self._camera.start(spec, live=live)

    def stop_camera(self, timeout_ms: int = 1000) -> bool:
        """Stop the preview; returns within about `timeout_ms`. True if the camera thread ended in time."""
        joined = self._camera.stop(timeout_ms, emit=False)
        self._camera_state = "off"
        self._frame_image = None
        self._frame_report = None
        self.preview.set_image(None)
        self.checks.update_report(None, colour_known=self._expected is not None)
        self._show_camera_panel(self.tr("Kamera dimatikan."), retry=self._camera.spec is not None,
                                title=self.tr("Kamera tidak aktif"))
        self._update_live_controls()
        return joined

    def retry_camera(self) -> None:
        """Open the last camera source again (the "Coba lagi" button)."""
        if self._camera.spec is None:
            return
        self._camera_state = "starting"
        self._show_camera_panel(self.tr("Menyambungkan ulang kamera…"), retry=False, title=self.tr("Kamera"))
        self._camera.retry()

    def result(self) -> PhotoResult | None:
        """The completed result, or None while the step is not complete."""
        return self._result

    def is_complete(self) -> bool:
        return self._result is not None

    def reset(self) -> None:
        """Forget the photo and the result; back to the live preview."""
        self._bg_token += 1
        self._bg_busy = False
        self._capture = None
        self._result = None
        self.exception_reason.clear()
        self.guardian_name.clear()
        self.approver_resident.setChecked(True)
        _set_message(self.approval_message, "")
        _set_message(self.live_message, "")
        self._go("live")
        self.changed.emit()

    # ------------------------------------------------------------ capture
    def current_report(self) -> quality.QualityReport | None:
        """The checks of the frame shown in the preview."""
        return self._frame_report

    def capture(self) -> bool:
        """Cut the pas foto from the frame on screen. False (with a message) when not possible.

        The frame is checked again here (the live report may be a few frames
        old), so the decision and the stored findings belong to this frame.
        """
        if self.page != "live":
            return False
        if self._frame_image is None or self._frame_report is None:
            self._live_error(self.tr("Belum ada gambar dari kamera. Nyalakan kamera atau impor dari berkas."))
            return False
        frame = qimage_to_bgr(self._frame_image)
        report = quality.assess(frame, self._expected, self._camera.thresholds, detector=self._get_detector())
        blocking = [f for f in report.findings if f.code in BLOCKING_CODES]
        if blocking or report.face_box is None:
            message = finding_text(blocking[0] if blocking else _NO_FACE)
            self._live_error(self.tr("Foto tidak bisa diambil: {message}").format(message=message))
            return False
        return self._take(frame, report, "camera")

    def choose_file(self) -> None:
        """Ask for an image file and import it (the "Impor dari berkas" button)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto warga"), "",
            self.tr("Gambar (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> bool:
        """Use a picture from a file instead of the camera; goes to the review page when it has one face."""
        if self.page not in ("live",):
            self._go("live")
        try:
            data = np.fromfile(str(path), dtype=np.uint8)
            frame = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
        except OSError:
            frame = None
        if frame is None or frame.size == 0:
            self._live_error(self.tr("Berkas gambar tidak bisa dibuka atau rusak."))
            return False
        if frame.shape[1] > MAX_IMPORT_WIDTH:
            k = MAX_IMPORT_WIDTH / frame.shape[1]
            frame = cv2.resize(frame, (MAX_IMPORT_WIDTH, int(round(frame.shape[0] * k))),
                               interpolation=cv2.INTER_AREA)
        report = quality.assess(frame, self._expected, self._camera.thresholds, detector=self._get_detector())
        blocking = [f for f in report.findings if f.code in BLOCKING_CODES]
        if blocking or report.face_box is None:
            message = finding_text(blocking[0] if blocking else _NO_FACE)
            self._live_error(self.tr("Foto dari berkas tidak bisa dipakai: {message}").format(message=message))
            return False
        return self._take(frame, report, "file")

    def _get_detector(self) -> FaceDetector:
        if self._detector is None:
            self._detector = FaceDetector()
        return self._detector

    def _take(self, frame: np.ndarray, report: quality.QualityReport, source: str) -> bool:
        face = Box(*report.face_box)
        try:
            portrait = make_portrait(frame, face, detector=self._get_detector())
        except (NoFaceFound, ValueError):
            self._live_error(self.tr("Foto tidak bisa dipotong di sekitar wajah. Coba lagi."))
            return False
        self._capture = _Capture(frame=frame, report=report, face=face, jpeg=portrait.jpeg,
                                 image=portrait.image, source=source)
        _set_message(self.live_message, "")
        self._show_review()
        self.changed.emit()
        return True

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
        _set_message(self.bg_status, self.tr("Sedang mengganti latar… (beberapa detik)"))

        def work():
            res = replace_background(frame, colour, face)
            portrait = make_portrait(res.image, face)
            report = quality.assess(res.image, colour, self._camera.thresholds)
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
        _set_message(self.bg_status, "")
        cap = self._capture
        cap.replaced_jpeg, cap.replaced_image = jpeg, image
        cap.replaced_findings, cap.replaced_score, cap.replaced_clean = list(findings), float(score), bool(clean)
        cap.replaced_colour = colour
        self._show_compare()

    def _show_compare(self) -> None:
        cap = self._capture
        assert cap is not None and cap.replaced_image is not None
        self.compare_original.set_image(bgr_to_qimage(cap.image))
        self.compare_replaced.set_image(bgr_to_qimage(cap.replaced_image))
        colour = cap.replaced_colour.label.lower() if cap.replaced_colour is not None else ""
        self.compare_caption.setText(self.tr("Latar baru ({colour})").format(colour=colour))
        if cap.replaced_clean:
            _set_message(self.compare_hint, self.tr("Tepi potongan tampak rapi."), "okText")
        else:
            _set_message(self.compare_hint, self.tr("Tepi potongan mungkin kurang rapi (rambut, bahu). "
                                                    "Jika ragu, tetap pakai foto asli atau pasang kain latar."),
                         "errorText")
        self._go("compare")
        self.reject_button.setFocus()

    @Slot(object)
    def _on_background_failed(self, _exc: Any) -> None:
        self._bg_busy = False
        self.replace_button.setEnabled(self._expected is not None)
        _set_message(self.bg_status, self.tr("Latar tidak bisa diganti pada foto ini. Pakai foto asli atau "
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
        _set_message(self.approval_message, "")
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
                _set_message(self.approval_message,
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
    def show_exception(self) -> None:
        """Open the "Foto tidak memungkinkan" page."""
        if self.page != "live":
            return
        _set_message(self.exception_message, "")
        self._go("exception")
        self.exception_reason.setFocus()

    def cancel_exception(self) -> None:
        if self.page == "exception":
            self._go("live")

    def _confirm_exception(self) -> None:
        self.complete_without_photo(self.exception_reason.text())

    def complete_without_photo(self, reason: str) -> bool:
        """Complete the step without a photo; `reason` is required (>= 3 characters)."""
        reason = " ".join((reason or "").split())
        if self.page != "exception":
            self.show_exception()
        if len(reason) < MIN_REASON_LENGTH:
            _set_message(self.exception_message,
                         self.tr("Alasan wajib diisi (mis. warga terbaring, memakai alat medis)."), "errorText")
            self.exception_reason.setFocus()
            return False
        self._capture = None
        self._result = PhotoResult(jpeg=None, findings=[], approved_by="", approved_at=self._now_iso(),
                                   exception_reason=reason, background_replaced=False,
                                   expected_background=self._expected.value if self._expected else None)
        self._show_done()
        self.changed.emit()
        self.completed.emit(self._result)
        return True

    # ============================================================ internals
    def _now_iso(self) -> str:
        now = self._clock()
        if now.tzinfo is None:
            now = now.replace(tzinfo=timezone.utc)
        return now.astimezone(timezone.utc).isoformat(timespec="seconds")

    def _go(self, name: str) -> None:
        self.pages.setCurrentIndex(self.PAGES.index(name))
        self._camera.set_paused(name != "live" or not self.isVisible())
        if name == "live":
            self._update_live_controls()
            if self._frame_image is not None:
                self.preview.set_image(self._frame_image, self._frame_report)
            self.capture_button.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._camera.set_paused(self.page != "live")

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self._camera.set_paused(True)  # a hidden preview costs CPU on a 2-core laptop

    def _live_error(self, text: str) -> None:
        _set_message(self.live_message, text, "errorText")

    def _update_live_controls(self) -> None:
        report = self._frame_report
        can = (self._frame_image is not None and report is not None and report.face_box is not None
               and not any(f.code in BLOCKING_CODES for f in report.findings))
        if can and not self.capture_button.isEnabled():
            _set_message(self.live_message, "")  # "cannot capture" no longer holds
        self.capture_button.setEnabled(can)
        self.capture_button.setToolTip("" if can else self.tr("Belum ada wajah yang bisa difoto."))

    def _show_camera_panel(self, message: str, *, retry: bool, title: str | None = None) -> None:
        self.camera_title.setText(title or self.tr("Kamera tidak aktif"))
        self.retry_button.setText(self.tr("Coba lagi"))
        _set_message(self.live_message, "")
        self.camera_message.setText(message)
        self.retry_button.setVisible(retry)
        self.preview_stack.setCurrentWidget(self.camera_panel)

    def _show_review(self) -> None:
        cap = self._capture
        assert cap is not None
        self.review_view.set_image(bgr_to_qimage(cap.final_image))
        findings = cap.final_findings
        if findings:
            items = "".join(f"<li>{html.escape(finding_text(f))}</li>" for f in findings)
            text = (f"<span style='color:{COLOURS['warning']}; font-weight:bold'>"
                    + self.tr("Catatan pemeriksaan (ikut tersimpan dengan foto):")
                    + f"</span><ul style='margin-left:-20px'>{items}</ul>")
        else:
            text = (f"<span style='color:{COLOURS['ok']}; font-weight:bold'>\u2713 "
                    + self.tr("Semua pemeriksaan lolos.") + "</span>")
        if cap.use_replaced:
            text += "<p>" + self.tr("Latar belakang sudah diganti.") + "</p>"
        self.review_findings.setText(text)
        self.replace_button.setEnabled(self._expected is not None and not self._bg_busy)
        _set_message(self.approval_message, "")
        self._go("review")
        self.approve_button.setFocus()

    def _show_done(self) -> None:
        res = self._result
        assert res is not None
        local = datetime.fromisoformat(res.approved_at).astimezone()
        when = local.strftime("%H:%M")
        if res.jpeg is not None:
            image = QImage.fromData(res.jpeg, "JPG")
            self.done_view.set_image(image)
            self.done_title.setText(self.tr("Foto disetujui"))
            who = self.tr("warga sendiri") if res.approver_role == ROLE_RESIDENT else \
                self.tr("keluarga/wali ({name})").format(name=res.approver_name)
            details = self.tr("Disetujui oleh {who} pukul {when}.").format(who=who, when=when)
            if res.findings:
                details += " " + self.tr("{n} catatan pemeriksaan ikut tersimpan.").format(n=len(res.findings))
            if res.background_replaced:
                details += " " + self.tr("Latar belakang diganti.")
        else:
            self.done_view.set_image(None)
            self.done_title.setText(self.tr("Tanpa foto"))
            details = self.tr("Alasan: {reason} (dicatat pukul {when}).").format(reason=res.exception_reason,
                                                                                 when=when)
        self.done_details.setText(details)
        self._go("done")
        self.redo_button.setFocus()

    # ------------------------------------------------------ camera slots
    @Slot(str)
    def _on_camera_opened(self, _description: str) -> None:
        self._camera_state = "on"
        self.preview.set_placeholder(self.tr("Menunggu gambar dari kamera…"))
        self.preview_stack.setCurrentWidget(self.preview)

    @Slot(QImage, object)
    def _on_frame(self, image: QImage, report: object) -> None:
        if not isinstance(report, quality.QualityReport):
            return
        self._camera_state = "on"
        self._frame_image, self._frame_report = image, report
        if self.page != "live":
            return
        self.preview_stack.setCurrentWidget(self.preview)
        self.preview.set_image(image, report)
        self.checks.update_report(report, colour_known=self._expected is not None)
        self._update_live_controls()

    @Slot(str, object)
    def _on_camera_failed(self, code: str, params: dict) -> None:
        self._camera_state = "failed"
        self._frame_image = None
        self._frame_report = None
        self.preview.set_image(None)
        self.checks.update_report(None, colour_known=self._expected is not None)
        self._show_camera_panel(message_text(code, params), retry=True, title=self.tr("Kamera bermasalah"))
        if code == CAMERA_DISCONNECTED:  # the message names this button
            self.retry_button.setText(self.tr("Sambungkan ulang"))
        self._update_live_controls()

    @Slot()
    def _on_camera_stopped(self) -> None:
        # The source ended on its own (a recording without loop).
        self._camera_state = "off"
        self._frame_image = None
        self._frame_report = None
        self.checks.update_report(None, colour_known=self._expected is not None)
        self._show_camera_panel(self.tr("Sumber gambar berhenti mengirim gambar."), retry=True,
                                title=self.tr("Kamera tidak aktif"))
        self._update_live_controls()
