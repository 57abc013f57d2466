"""Rekam Baru: the enrollment form plus saving it off the GUI thread.

The page knows which recording it is editing (a uuid, or none for a new
one) and whether it may be edited at all (only before it is sent). Saving
runs on the database worker; the form stays usable and a message says when
the recording is safely on disk.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.enrollment_form import EnrollmentForm, FormResult
from app.ui.workers import run_task


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
        self.form.load(recording.resident, list(recording.acknowledgements))
        editable = recording.status.editable
        self.title.setText(self.tr("Rekaman: ") + recording.status.label)
        note = "" if editable else self.tr(
            "Rekaman ini sudah dikirim ke server dan tidak dapat diubah lagi. "
            "Perbaikan dibuat sebagai versi baru setelah ditolak.")
        self._set_editable(editable, note)

    def _set_editable(self, editable: bool, note: str) -> None:
        self.form.set_read_only(not editable)
        self.form.save_button.setVisible(editable)
        self.form.complete_button.setVisible(editable)
        self.readonly_note.setText(note)
        self.readonly_note.setVisible(bool(note))

    def save_unsaved_as_draft(self) -> bool:
        """Synchronously keep unsaved changes as a draft (used when the window closes)."""
        form = self.form
        if not form.dirty or not form.has_content():
            return False
        if self.uuid is not None and not self.session.get_recording(self.uuid).status.editable:
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
        self.message.setText(self.tr("Gagal menyimpan: ") + self.session.describe_error(exc))
