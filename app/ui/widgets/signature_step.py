"""The signature step: the pad, then "done", or the "cannot sign" exception.

Residents who cannot sign get a replacement on the "exception" page, each
flagged for the supervisor and the server (`app.core.exceptions.SignatureFlag`
in `SignatureResult.flag`):
    * **cap jempol**: the thumbprint as an image, taken through the same frame
      sources as the photo (`app.capture.thumbprint`: the camera, a scanner's
      folder, an image file), read off the GUI thread;
    * **tanda tangan wali**: the guardian's name and relation (from the list),
      then the guardian signs on the pad;
    * **tanpa tanda tangan**: a reason (required).
The pad itself (strokes, smoothing, PNG) is `app.ui.widgets.signature_pad`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.exceptions import GuardianRelation, SignatureFlag, SignatureMode, signature_flag_findings
from app.core.findings import MIN_REASON_LENGTH
from app.ui.texts import finding_text, message_text
from app.ui.widgets.signature_pad import PNG_SIZE, SignaturePad
from app.ui.widgets.step_widgets import REASON_MAX_LENGTH, utc_seconds_iso
from app.ui.widgets.step_widgets import button as _button
from app.ui.widgets.step_widgets import hint as _hint
from app.ui.widgets.step_widgets import title as _title
from app.ui.workers import run_task



def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class SignatureResult:
    """The outcome of the signature step.

    Attributes:
        png: the 600x200 greyscale PNG, or None for the exception.
        strokes: the normalised strokes (x, y, pressure, t_ms), empty for the exception.
        exception_reason: why the resident could not sign (then `png` is None).
        completed_at: when the step was completed (ISO 8601 UTC).
        flag: how a resident who did not sign by hand gave consent (`SignatureFlag` as a
            dict): a thumbprint (`png` is its image), a guardian's signature, or none.
    """

    png: bytes | None
    strokes: list = field(default_factory=list)
    exception_reason: str | None = None
    completed_at: str = ""
    flag: dict[str, Any] | None = None

    @property
    def has_signature(self) -> bool:
        return self.png is not None

    def to_meta(self) -> dict[str, Any]:
        """JSON-safe metadata for the media item (strokes included, no image bytes)."""
        return {
            "kind": "signature",
            "width": PNG_SIZE[0] if self.png else None,
            "height": PNG_SIZE[1] if self.png else None,
            "size": len(self.png) if self.png else 0,
            "strokes": [[list(p) for p in s] for s in self.strokes],
            "stroke_count": len(self.strokes),
            "point_count": sum(len(s) for s in self.strokes),
            "exception_reason": self.exception_reason,
            "completed_at": self.completed_at,
            "exception": self.flag,
        }


class SignatureStep(QWidget):
    """The pad with its buttons, messages and the "Tidak dapat menandatangani" exception.

    Signals:
        completed(object): a `SignatureResult`.
        changed(): the pad changed, or the step was completed/reset.
    """

    completed = Signal(object)
    changed = Signal()
    thumbprintTaken = Signal(bool)

    PAGES = ("pad", "exception", "done")

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or _utc_now
        self._result: SignatureResult | None = None
        self._guardian: SignatureFlag | None = None  # the guardian signing on the pad
        self._thumb_png: bytes | None = None
        self._thumb_token = 0
        self._camera_spec: Any = 0
        self.pages = QStackedWidget(self)
        self._build_pad()
        self._build_exception()
        self._build_done()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._go("pad")

    # ------------------------------------------------------------- building
    def _build_pad(self) -> None:
        page = QWidget(self)
        self.pad_page = page
        v = QVBoxLayout(page)
        v.setContentsMargins(6, 6, 6, 6)
        self.pad_title = _title(self.tr("Tanda tangan warga"), page)
        self.pad_title.setTextFormat(Qt.TextFormat.PlainText)  # it may carry a guardian's name
        v.addWidget(self.pad_title)
        hint = QLabel(self.tr("Minta warga menandatangani di dalam kotak putih dengan pena tablet atau mouse. "
                              "Tanda tangan harus cukup besar."), page)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.pad = SignaturePad(page)
        self.pad.changed.connect(self._pad_changed)
        self.pad.submitRequested.connect(self.accept_signature)
        v.addWidget(self.pad)
        self.message = _hint("", page, "errorText")
        self.message.hide()
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.clear_button = _button(self.tr("Hapus (Del)"), page)
        self.clear_button.clicked.connect(self.pad.clear)
        self.clear_button.setToolTip(self.tr("Hapus semua goresan (Del pada kotak)"))
        self.exception_button = _button(self.tr("Tidak dapat menandatangani (cap jempol, wali)…"), page)
        self.exception_button.clicked.connect(self.show_exception)
        self.save_button = _button(self.tr("Simpan tanda tangan (Enter)"), page, primary=True)
        self.save_button.clicked.connect(self.accept_signature)
        row.addWidget(self.clear_button)
        row.addWidget(self.exception_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        v.addLayout(row)
        v.addStretch(1)
        self.pages.addWidget(page)

    def _build_exception(self) -> None:
        """Cap jempol, a guardian's signature, or none with a reason."""
        page = QWidget(self)
        self.exception_page = page
        v = QVBoxLayout(page)
        v.setContentsMargins(30, 20, 30, 20)
        v.addWidget(_title(self.tr("Warga tidak dapat menandatangani"), page))
        v.addWidget(_hint(self.tr("Pilih penggantinya. Rekaman ditandai untuk supervisor dan server."), page))
        self.mode_group = QButtonGroup(page)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        self.mode_thumb = QRadioButton(self.tr("Cap jempol"), page)
        self.thumb_camera_button = _button(self.tr("Ambil dari kamera"), page)
        self.thumb_camera_button.clicked.connect(lambda: self.capture_thumbprint())
        self.thumb_file_button = _button(self.tr("Impor dari berkas/pemindai…"), page)
        self.thumb_file_button.clicked.connect(self.choose_thumbprint_file)
        self.thumb_preview = QLabel(self.tr("Belum ada gambar"), page)
        self.thumb_preview.setFixedSize(160, 160)
        self.thumb_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb_preview.setStyleSheet("background: white; border: 1px solid #d8dde3;")
        thumb_row = QHBoxLayout()
        thumb_row.addWidget(self.thumb_camera_button)
        thumb_row.addWidget(self.thumb_file_button)
        thumb_row.addStretch(1)
        grid.addWidget(self.mode_thumb, 0, 0)
        grid.addLayout(thumb_row, 0, 1)
        grid.addWidget(self.thumb_preview, 1, 1)

        self.mode_guardian = QRadioButton(self.tr("Tanda tangan wali"), page)
        self.guardian_name = QLineEdit(page)
        self.guardian_name.setMaxLength(REASON_MAX_LENGTH)
        self.guardian_name.setPlaceholderText(self.tr("nama wali"))
        self.guardian_name.textEdited.connect(lambda _t: self._choose_mode(self.mode_guardian))
        self.guardian_name.returnPressed.connect(self._confirm_exception)
        self.guardian_relation = QComboBox(page)
        self.guardian_relation.addItem(self.tr("\u2014 hubungan \u2014"), None)
        for relation in GuardianRelation:
            self.guardian_relation.addItem(relation_label(relation), relation.value)
        self.guardian_relation.activated.connect(lambda _i: self._choose_mode(self.mode_guardian))
        guardian_row = QHBoxLayout()
        guardian_row.addWidget(self.guardian_name, 2)
        guardian_row.addWidget(self.guardian_relation, 1)
        grid.addWidget(self.mode_guardian, 2, 0)
        grid.addLayout(guardian_row, 2, 1)

        self.mode_none = QRadioButton(self.tr("Tanpa tanda tangan"), page)
        self.exception_reason = QLineEdit(page)
        self.exception_reason.setMaxLength(REASON_MAX_LENGTH)
        self.exception_reason.setPlaceholderText(self.tr("alasan (wajib), mis. sakit keras, tidak sadar"))
        self.exception_reason.textEdited.connect(lambda _t: self._choose_mode(self.mode_none))
        self.exception_reason.returnPressed.connect(self._confirm_exception)
        grid.addWidget(self.mode_none, 3, 0)
        grid.addWidget(self.exception_reason, 3, 1)
        grid.setColumnStretch(1, 1)
        for radio in (self.mode_thumb, self.mode_guardian, self.mode_none):
            self.mode_group.addButton(radio)
            radio.toggled.connect(self._mode_toggled)
        v.addLayout(grid)

        self.exception_message = _hint("", page, "errorText")
        self.exception_message.hide()
        v.addWidget(self.exception_message)
        row = QHBoxLayout()
        self.exception_cancel = _button(self.tr("Batal (Esc)"), page)
        self.exception_cancel.clicked.connect(self.cancel_exception)
        self.exception_confirm = _button(self.tr("Simpan"), page, primary=True)
        self.exception_confirm.clicked.connect(self._confirm_exception)
        row.addStretch(1)
        row.addWidget(self.exception_cancel)
        row.addWidget(self.exception_confirm)
        v.addLayout(row)
        v.addStretch(1)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.cancel_exception)
        self.pages.addWidget(page)

    def _build_done(self) -> None:
        page = QWidget(self)
        self.done_page = page
        v = QVBoxLayout(page)
        v.setContentsMargins(6, 6, 6, 6)
        self.done_title = _title("", page)
        self.done_title.setTextFormat(Qt.TextFormat.PlainText)
        v.addWidget(self.done_title)
        self.done_image = QLabel(page)
        self.done_image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.done_image.setStyleSheet("background: white; border: 1px solid #d8dde3;")
        self.done_image.setFixedSize(PNG_SIZE[0] + 2, PNG_SIZE[1] + 2)
        v.addWidget(self.done_image)
        self.done_details = QLabel(page)
        self.done_details.setObjectName("hint")
        self.done_details.setWordWrap(True)
        v.addWidget(self.done_details)
        row = QHBoxLayout()
        self.redo_button = _button(self.tr("Ulangi tanda tangan"), page)
        self.redo_button.clicked.connect(self.reset)
        row.addWidget(self.redo_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        self.pages.addWidget(page)

    # ------------------------------------------------------------------ API
    @property
    def page(self) -> str:
        return self.PAGES[self.pages.currentIndex()]

    def result(self) -> SignatureResult | None:
        return self._result

    def is_complete(self) -> bool:
        return self._result is not None

    def reset(self) -> None:
        """Clear the pad and the result; back to the pad."""
        self._result = None
        self._guardian = None
        self._thumb_png = None
        self._thumb_token += 1
        self.pad.clear()
        self.exception_reason.clear()
        self.guardian_name.clear()
        self.guardian_relation.setCurrentIndex(0)
        self.thumb_preview.clear()
        self.thumb_preview.setText(self.tr("Belum ada gambar"))
        self.mode_group.setExclusive(False)
        for radio in self.mode_group.buttons():
            radio.setChecked(False)
        self.mode_group.setExclusive(True)
        self._show_guardian_on_pad()
        self.message.hide()
        self._go("pad")
        self.changed.emit()

    def accept_signature(self) -> bool:
        """Save the drawn signature; refused (with a message) when empty or too small."""
        if self.page != "pad":
            return False
        problem = self.pad.problem()
        if problem:
            self.message.setText(problem)
            self.message.show()
            self.pad.setFocus()
            return False
        flag = self._guardian.to_dict() if self._guardian is not None else None
        self._result = SignatureResult(png=self.pad.png_bytes(), strokes=self.pad.strokes(),
                                       exception_reason=None, completed_at=self._now_iso(), flag=flag)
        self._show_done()
        return True

    def show_exception(self) -> None:
        if self.page != "pad":
            return
        self.exception_message.hide()
        self._go("exception")
        self.exception_reason.setFocus()

    def cancel_exception(self) -> None:
        if self.page == "exception":
            self._go("pad")

    def _confirm_exception(self) -> None:
        """Enter or "Simpan": what the chosen replacement needs next."""
        if self.mode_thumb.isChecked():
            self.save_thumbprint()
        elif self.mode_guardian.isChecked():
            self.start_guardian_signature(self.guardian_name.text(), self.guardian_relation.currentData())
        elif self.mode_none.isChecked() or self.exception_reason.text().strip():
            self.complete_without_signature(self.exception_reason.text())
        else:
            self._exception_error(self.tr("Pilih cap jempol, tanda tangan wali, atau tanpa tanda tangan."))

    def _choose_mode(self, radio: QRadioButton) -> None:
        radio.setChecked(True)

    def _mode_toggled(self, _on: bool) -> None:
        self.exception_message.hide()
        self.exception_confirm.setText(self.tr("Lanjut: wali menandatangani") if self.mode_guardian.isChecked()
                                       else self.tr("Simpan"))

    def _exception_error(self, text: str, focus: QWidget | None = None) -> None:
        self.exception_message.setText(text)
        self.exception_message.show()
        if focus is not None:
            focus.setFocus()

    # ------------------------------------------------------------ cap jempol
    def set_camera_source(self, spec: Any) -> None:
        """The frame source "Ambil dari kamera" reads (the camera from Pengaturan)."""
        self._camera_spec = spec

    def thumbprint_png(self) -> bytes | None:
        """The thumbprint image taken on the exception page, or None."""
        return self._thumb_png

    def choose_thumbprint_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih gambar cap jempol"), "",
            self.tr("Gambar (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"))
        if path:
            self.capture_thumbprint(path)

    def capture_thumbprint(self, spec: Any = None) -> None:
        """Read the thumbprint from `spec` (default: the camera) off the GUI thread; `thumbprintTaken` follows."""
        from app.capture.thumbprint import read_thumbprint, thumbprint_png

        if self.page != "exception":
            self.show_exception()
        self._choose_mode(self.mode_thumb)
        self._thumb_token += 1
        token = self._thumb_token
        source = self._camera_spec if spec is None else spec
        self.thumb_camera_button.setEnabled(False)
        self.thumb_file_button.setEnabled(False)
        self.thumb_preview.setText(self.tr("Mengambil gambar…"))
        run_task(lambda: thumbprint_png(read_thumbprint(source)),
                 lambda png: self._thumbprint_done(token, png),
                 lambda exc: self._thumbprint_failed(token, exc), pool=QThreadPool.globalInstance())

    def _thumbprint_done(self, token: int, png: bytes) -> None:
        if token != self._thumb_token:
            return
        self._thumb_buttons_back()
        self._thumb_png = png
        pm = QPixmap()
        pm.loadFromData(png, "PNG")
        self.thumb_preview.setPixmap(pm.scaled(self.thumb_preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        self.exception_message.hide()
        self.exception_confirm.setFocus()
        self.thumbprintTaken.emit(True)

    def _thumbprint_failed(self, token: int, exc: BaseException) -> None:
        if token != self._thumb_token:
            return
        self._thumb_buttons_back()
        self.thumb_preview.setText(self.tr("Belum ada gambar"))
        code = getattr(exc, "code", None)
        text = message_text(code, getattr(exc, "params", {}) or {}) if isinstance(code, str) else \
            self.tr("Gambar cap jempol tidak bisa diambil.")
        self._exception_error(text)
        self.thumbprintTaken.emit(False)

    def _thumb_buttons_back(self) -> None:
        self.thumb_camera_button.setEnabled(True)
        self.thumb_file_button.setEnabled(True)

    def save_thumbprint(self) -> bool:
        """Complete the step with the thumbprint image (refused until one was taken)."""
        flag = SignatureFlag.make(SignatureMode.CAP_JEMPOL)
        problems = signature_flag_findings(flag, has_signature=self._thumb_png is not None)
        if problems:
            self._exception_error(finding_text(problems[0]), self.thumb_camera_button)
            return False
        self._result = SignatureResult(png=self._thumb_png, strokes=[], exception_reason=None,
                                       completed_at=self._now_iso(), flag=flag.to_dict())
        self._show_done()
        return True

    # ------------------------------------------------------- guardian signs
    def start_guardian_signature(self, name: str, relation: GuardianRelation | str | None) -> bool:
        """Check the guardian's name and relation, then the guardian signs on the pad."""
        if self.page != "exception":
            self.show_exception()
        self._choose_mode(self.mode_guardian)
        flag = SignatureFlag.make(SignatureMode.TANDA_TANGAN_WALI, guardian_name=name,
                                  guardian_relation=relation)
        problems = signature_flag_findings(flag, has_signature=True)
        if problems:
            focus = self.guardian_name if problems[0].code == "exception.guardian_name_required" \
                else self.guardian_relation
            self._exception_error(finding_text(problems[0]), focus)
            return False
        self._guardian = flag
        self.pad.clear()
        self._show_guardian_on_pad()
        self._go("pad")
        return True

    def _show_guardian_on_pad(self) -> None:
        g = self._guardian
        if g is None:
            self.pad_title.setText(self.tr("Tanda tangan warga"))
        else:
            relation = relation_label(g.guardian_relation) if g.guardian_relation else ""
            self.pad_title.setText(self.tr("Tanda tangan wali: %1 (%2)").replace("%1", g.guardian_name)
                                   .replace("%2", relation))

    def complete_without_signature(self, reason: str) -> bool:
        """Complete without a signature; `reason` is required (>= 3 characters)."""
        if self.page == "pad":
            self.show_exception()
        if self.page != "exception":
            return False
        reason = " ".join((reason or "").split())
        if len(reason) < MIN_REASON_LENGTH:
            self.exception_message.setText(self.tr("Alasan wajib diisi (mis. sakit, cap jempol diambil di kantor)."))
            self.exception_message.show()
            self.exception_reason.setFocus()
            return False
        flag = SignatureFlag.make(SignatureMode.TIDAK_ADA, reason=reason)
        self._result = SignatureResult(png=None, strokes=[], exception_reason=reason,
                                       completed_at=self._now_iso(), flag=flag.to_dict())
        self._show_done()
        return True

    # ------------------------------------------------------------ internals
    def _now_iso(self) -> str:
        return utc_seconds_iso(self._clock())

    def _go(self, name: str) -> None:
        self.pages.setCurrentIndex(self.PAGES.index(name))
        if name == "pad":
            self.pad.setFocus()

    def _pad_changed(self) -> None:
        self.message.hide()
        self.changed.emit()

    def _show_done(self) -> None:
        res = self._result
        assert res is not None
        when = datetime.fromisoformat(res.completed_at).astimezone().strftime("%H:%M")
        flag = SignatureFlag.from_dict(res.flag)
        if res.png is not None:
            if flag is not None and flag.mode is SignatureMode.CAP_JEMPOL:
                self.done_title.setText(self.tr("Cap jempol tersimpan"))
            elif flag is not None:
                self.done_title.setText(self.pad_title.text())
            else:
                self.done_title.setText(self.tr("Tanda tangan tersimpan"))
            self.done_image.setPixmap(_pixmap_from_png(res.png).scaled(
                PNG_SIZE[0], PNG_SIZE[1], Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self.done_image.show()
            self.done_details.setText(self.tr("Disimpan pukul {when}.").format(when=when))
        else:
            self.done_title.setText(self.tr("Tanpa tanda tangan"))
            self.done_image.hide()
            self.done_details.setText(self.tr("Alasan: {reason} (dicatat pukul {when}).").format(
                reason=res.exception_reason, when=when))
        self._go("done")
        self.redo_button.setFocus()
        self.changed.emit()
        self.completed.emit(res)


def relation_label(relation: GuardianRelation) -> str:
    """The guardian's relation as the operator reads it."""
    translate = QCoreApplication.translate
    return {
        GuardianRelation.SUAMI_ISTRI: translate("SignatureStep", "Suami/Istri"),
        GuardianRelation.ANAK: translate("SignatureStep", "Anak"),
        GuardianRelation.ORANG_TUA: translate("SignatureStep", "Orang tua"),
        GuardianRelation.SAUDARA: translate("SignatureStep", "Saudara"),
        GuardianRelation.WALI: translate("SignatureStep", "Wali (pengampu)"),
        GuardianRelation.LAINNYA: translate("SignatureStep", "Lainnya"),
    }[relation]


def _pixmap_from_png(data: bytes):
    from PySide6.QtGui import QPixmap

    pm = QPixmap()
    pm.loadFromData(data, "PNG")
    return pm
