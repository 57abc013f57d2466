"""Rekam Baru: the enrollment form plus saving it off the GUI thread.

The page knows which recording it is editing (a uuid, or none for a new
one) and whether it may be edited at all (only before it is sent). Saving
runs on the database worker; the form stays usable and a message says when
the recording is safely on disk.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.labels import status_label
from app.ui.enrollment_form import EnrollmentForm, FormResult, MediaSlot
from app.ui.widgets.photo_step import PhotoStep
from app.ui.widgets.signature_pad import SignatureStep
from app.ui.texts import error_text, message_text
from app.ui.workers import run_task


class StepDialog(QDialog):
    """A modal window around the photo or signature step (Esc closes it)."""

    def __init__(self, title: str, step: QWidget, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(step)
        self.resize(940, 600)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()
        # Focus where the step's keys work: the live preview (Space) or the pad (Enter).
        target = getattr(self.step, "preview", None) or getattr(self.step, "pad", None) or self.step
        target.setFocus()


class EnrollPage(QWidget):
    """Signals:
        saved(str, bool): uuid and whether it was completed.
        closed: the operator left the form.
    """

    saved = Signal(str, bool)
    closed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.uuid: str | None = None
        self.title = QLabel(self.tr("Rekam Baru"), self)
        self.title.setObjectName("pageTitle")
        self.message = QLabel(self)
        self.message.setObjectName("okText")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.message)
        self.form = EnrollmentForm(session.regions, session.validation_context, self)
        self.form.saveRequested.connect(self._save)
        self.form.cancelRequested.connect(self.closed)
        self.form.photoRequested.connect(self.open_photo_step)
        self.form.signatureRequested.connect(self.open_signature_step)
        self.dialog: StepDialog | None = None
        self.readonly_note = QLabel(self)
        self.readonly_note.setObjectName("hint")
        self.readonly_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.readonly_note)
        layout.addWidget(self.form, 1)
        self._saving = False

    def start_new(self, prefill=None) -> None:
        self.uuid = None
        self.title.setText(self.tr("Rekam Baru"))
        self.message.clear()
        self._set_editable(True, "")
        if prefill is not None:
            self.form.load(prefill)
        else:
            self.form.clear()
        self.form.nik.setFocus()

    def open_recording(self, recording) -> None:
        self.uuid = recording.uuid
        self.message.clear()
        photo, signature = self.session.media_slots(recording)
        self.form.load(recording.resident, list(recording.acknowledgements), photo, signature)
        editable = self.session.recordings.can_edit(recording.uuid)
        self.title.setText(self.tr("Rekaman: ") + status_label(recording.status))
        if getattr(recording, "purged", False):
            note = message_text("recording.purged")  # the store's refusal, worded once in the catalogue
            editable = False
        elif editable:
            note = ""
        elif recording.status.editable:  # queued, and the server already holds the record
            note = self.tr(
                "Rekaman ini sudah sampai di server (foto/tanda tangan mungkin masih dikirim) dan tidak "
                "dapat diubah lagi. Jika ada yang salah, perbaiki setelah server memberi hasil verifikasi.")
        else:
            note = self.tr(
                "Rekaman ini sudah dikirim ke server dan tidak dapat diubah lagi. "
                "Perbaikan dibuat sebagai versi baru setelah ditolak.")
        self._set_editable(editable, note)

    def _set_editable(self, editable: bool, note: str) -> None:
        self.form.set_read_only(not editable)
        self.form.save_button.setVisible(editable)
        self.form.complete_button.setVisible(editable)
        self.readonly_note.setText(note)
        self.readonly_note.setVisible(bool(note))

    # ----------------------------------------------------------- media steps
    def open_photo_step(self) -> None:
        step = PhotoStep(self)
        resident = self.form.resident()
        step.set_expected(resident.tanggal_lahir.year if resident.tanggal_lahir else None,
                          resident.kewarganegaraan)
        step.set_thresholds(self.session.photo_thresholds())
        step.completed.connect(self._photo_done)
        self.dialog = StepDialog(self.tr("Foto warga"), step, self)
        self.dialog.finished.connect(lambda _r: step.stop_camera())
        step.start_camera(self.session.camera_source())
        self.dialog.open()

    def _photo_done(self, result) -> None:
        if result.jpeg is not None:
            summary = self.tr("Foto diambil, disetujui oleh %1 (%2).").replace(
                "%1", result.approved_by).replace("%2", result.approved_at[11:16])
            slot = MediaSlot(result.jpeg, "image/jpeg", result.to_meta(), True, None, summary)
        else:
            slot = MediaSlot(None, "", result.to_meta(), False, result.exception_reason,
                             self.tr("Tanpa foto: ") + (result.exception_reason or ""))
        self.form.set_photo(slot)
        self._close_dialog(self.form.signature_button)

    def open_signature_step(self) -> None:
        step = SignatureStep(self)
        step.completed.connect(self._signature_done)
        self.dialog = StepDialog(self.tr("Tanda tangan warga"), step, self)
        self.dialog.open()

    def _signature_done(self, result) -> None:
        if result.png is not None:
            slot = MediaSlot(result.png, "image/png", result.to_meta(), True, None,
                             self.tr("Tanda tangan tersimpan."))
        else:
            slot = MediaSlot(None, "", result.to_meta(), False, result.exception_reason,
                             self.tr("Tanpa tanda tangan: ") + (result.exception_reason or ""))
        self.form.set_signature(slot)
        self._close_dialog(self.form.complete_button if self.form.can_complete() else self.form.save_button)

    def _close_dialog(self, next_focus: QWidget) -> None:
        """Close the step and put the keyboard on what comes next in the flow."""
        if self.dialog is not None:
            self.dialog.accept()
        self.window().activateWindow()
        next_focus.setFocus()

    def save_unsaved_as_draft(self) -> bool:
        """Synchronously keep unsaved changes as a draft (used when the window closes)."""
        form = self.form
        if not form.dirty or not form.has_content():
            return False
        if self.uuid is not None and not self.session.recordings.can_edit(self.uuid):
            return False
        recording = self.session.save_form(form.draft_result(), self.uuid)
        self.uuid = recording.uuid
        form.dirty = False
        return True

    def _save(self, result: FormResult) -> None:
        if self._saving:
            return
        self._saving = True
        self.message.setObjectName("hint")
        self.message.setText(self.tr("Menyimpan…"))
        uuid = self.uuid
        run_task(lambda: self.session.save_form(result, uuid),
                 lambda rec: self._saved(rec, result.complete), self._failed)

    def _saved(self, recording, complete: bool) -> None:
        self._saving = False
        self.uuid = recording.uuid
        self.form.dirty = False
        self.message.setObjectName("okText")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if complete:
            self.message.setText(self.tr("Rekaman selesai dan masuk antrian kirim."))
        else:
            self.message.setText(self.tr("Draf tersimpan."))
        self.saved.emit(recording.uuid, complete)
        if complete:
            self.open_recording(recording)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.message.setObjectName("errorText")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(self.tr("Gagal menyimpan: ") + error_text(exc))
