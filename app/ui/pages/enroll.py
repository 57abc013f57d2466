"""Rekam Baru: the enrollment form plus saving it off the GUI thread.

The page knows which recording it is editing (a uuid, or none for a new
one) and whether it may be edited at all (only before it is sent). Saving
runs on the database worker; the form stays usable and a message says when
the recording is safely on disk. Nothing typed is lost: the typing is saved
as a draft `AUTOSAVE_MS` after the last change, and whenever the operator
leaves the form (`leave`: Tutup, a new form, another page), which says where
the draft went.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.lifecycle import RecordingStatus
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


AUTOSAVE_MS = 2000  # the typing is on disk this long after the last change


class _Target:
    """The recording one form writes to. Its uuid is set on the database worker by
    the first save, so every save queued after it writes the same recording."""

    def __init__(self, uuid: str | None = None):
        self.uuid = uuid


class EnrollPage(QWidget):
    """Signals:
        saved(str, bool): uuid and whether it was completed.
        closed: the operator left the form.
        draftKept(str): the operator left a form; the words say where its draft went.
    """

    saved = Signal(str, bool)
    closed = Signal()
    draftKept = Signal(str)

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
        self.form.saveRequested.connect(lambda result: self._save(result))
        self.form.cancelRequested.connect(self.close_form)
        self.form.edited.connect(self._edited)
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
        self._target = _Target()
        self._editable = True
        self._completing = False
        self._draft_name: str | None = None  # the form's recording is a draft on disk under this name
        self._typed = False  # the operator changed this form since it was opened
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)

    def _new_target(self, uuid: str | None, draft_name: str | None = None) -> None:
        self._autosave.stop()
        self._target = _Target(uuid)
        self.uuid = uuid
        self._draft_name = draft_name
        self._typed = False

    def start_new(self, prefill=None) -> None:
        """A new form (empty, or `prefill`); the one it replaces is kept as a draft first."""
        self.leave()
        self.title.setText(self.tr("Rekam Baru"))
        self.message.clear()
        self._set_editable(True, "")
        if prefill is not None:
            self.form.load(prefill)
        else:
            self.form.clear()
        self._new_target(None)
        self.form.nik.setFocus()

    def close_form(self) -> None:
        """Tutup: the typing is kept as a draft, the form empties for the next resident, the page is left."""
        self.start_new()
        self.closed.emit()

    def holds_unsaved(self, uuid: str) -> bool:
        """This form holds `uuid` with changes not yet on disk (reopening it from disk would show less)."""
        return self.form.dirty and self._target.uuid == uuid

    def open_recording(self, recording) -> None:
        """Show a stored recording; the form it replaces is kept as a draft first."""
        self.leave()
        self._show_recording(recording)

    def _show_recording(self, recording) -> None:
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
        draft = editable and recording.status is RecordingStatus.DRAFT
        self._new_target(recording.uuid, recording.resident.nama if draft else None)

    def _set_editable(self, editable: bool, note: str) -> None:
        self._editable = editable
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
        step.find_cameras(self.session.camera_sources(), self.session.camera_source())
        step.camera_chooser.chosen.connect(self.session.choose_camera)
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

    # ----------------------------------------------------------- saving
    def _edited(self) -> None:
        if self._editable:
            self._typed = True
            self._autosave.start()

    def _needs_saving(self) -> bool:
        """Changes to keep: in an editable form, and (for a form never saved) something worth a draft."""
        form = self.form
        return (self._editable and not self._completing and form.dirty
                and (self._target.uuid is not None or form.has_content()))

    def _kept_text(self, name: str) -> str:
        return self.tr("Draf tersimpan: %1 — buka dari Beranda.").replace(
            "%1", name.strip() or self.tr("tanpa nama"))

    def autosave(self) -> None:
        """Save the typing as a draft, quietly (the timer calls this after the last change)."""
        if self._needs_saving():
            self._save(self.form.draft_result(), auto=True)

    def leave(self) -> None:
        """The operator leaves this form: its typing is saved as a draft now (off the GUI thread)
        and `draftKept` says where it went, once it is on disk."""
        self._autosave.stop()
        if self._needs_saving():
            self._save(self.form.draft_result(), auto=True, announce=True)
        elif self._typed and self._draft_name is not None:  # typed, and already autosaved
            self.draftKept.emit(self._kept_text(self._draft_name))

    def save_unsaved_as_draft(self) -> bool:
        """Synchronously keep unsaved changes as a draft (the window closes; call it once the
        database worker is idle). Returns whether something was written."""
        self._autosave.stop()
        if not self._needs_saving():
            if self._typed and self._draft_name is not None:
                self.draftKept.emit(self._kept_text(self._draft_name))
            return False
        uuid = self._target.uuid
        if uuid is not None and not self.session.recordings.can_edit(uuid):
            return False
        recording = self._write(self._target, self.form.draft_result())
        self.uuid = recording.uuid
        self.form.dirty = False
        self.draftKept.emit(self._kept_text(recording.resident.nama))
        return True

    def _write(self, target: _Target, result: FormResult):
        """On the database worker (or at closing): save into `target`'s recording, creating it the first time."""
        recording = self.session.save_form(result, target.uuid)
        target.uuid = recording.uuid
        return recording

    def _save(self, result: FormResult, *, auto: bool = False, announce: bool = False) -> None:
        if self._completing:
            return
        self._autosave.stop()
        self._completing = result.complete
        if not auto:
            self._show_message("hint", self.tr("Menyimpan…"))
        target, edits = self._target, self.form.edits
        run_task(lambda: self._write(target, result),
                 lambda rec: self._saved(rec, target, edits, result.complete, auto, announce),
                 lambda exc: self._failed(exc, result.complete, announce))

    def _saved(self, recording, target: _Target, edits: int, complete: bool, auto: bool, announce: bool) -> None:
        if complete:
            self._completing = False
        draft = recording.status is RecordingStatus.DRAFT
        if announce and draft:
            self.draftKept.emit(self._kept_text(recording.resident.nama))
        if target is self._target:  # still the form on screen
            self.uuid = recording.uuid
            self._draft_name = recording.resident.nama if draft else None
            if self.form.edits == edits:
                self.form.dirty = False
            if complete:
                text = self.tr("Rekaman selesai dan masuk antrian kirim.")
            elif auto:
                text = self.tr("Draf tersimpan otomatis (%1).").replace("%1", dt.datetime.now().strftime("%H:%M"))
            else:
                text = self.tr("Draf tersimpan.")
            self._show_message("okText", text)
            if self.title.text() != self.tr("Rekam Baru"):
                self.title.setText(self.tr("Rekaman: ") + status_label(recording.status))
        self.saved.emit(recording.uuid, complete)
        if complete and target is self._target:
            self._show_recording(recording)

    def _failed(self, exc: BaseException, complete: bool, announce: bool) -> None:
        if complete:
            self._completing = False
        text = self.tr("Gagal menyimpan: ") + error_text(exc)
        self._show_message("errorText", text)
        if announce:
            self.draftKept.emit(text)

    def _show_message(self, kind: str, text: str) -> None:
        self.message.setObjectName(kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
