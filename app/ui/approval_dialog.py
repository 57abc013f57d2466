"""Tinjau rekaman: the supervisor's review of the recordings waiting for approval, by keyboard.

The list holds every completed recording that waits (oldest first); the one selected shows its
photo, signature and every exception (photo, signature, biometric, confirmed warnings, an earlier
return). Enter approves it into the sync queue; Ctrl+R opens the return panel (reason, note; Enter
returns it to its operator as a draft, Esc goes back); Esc closes. The dialog only shows and asks:
`Session.approve` / `Session.return_recording` decide, on the database worker, and refuse anyone
but a supervisor or admin.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.approval import NOTE_LIMIT, RETURN_REASONS, WaitingRecording, reason_code
from app.ui.review_dialog import scaled_pixmap
from app.ui.texts import error_text, message_text
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task

PHOTO_SIZE = (180, 240)
SIGNATURE_SIZE = (280, 100)


def _local(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return iso


class ApprovalDialog(QDialog):
    """Signals:
        decided(): a recording was approved or returned (the window refreshes its counts and banner).

    Attributes:
        items: the waiting recordings shown (`WaitingRecording`), in list order.
    """

    decided = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.items: list[WaitingRecording] = []
        self._busy = False
        self.setWindowTitle(self.tr("Tinjau rekaman — persetujuan supervisor"))
        self.resize(980, 620)

        self.summary = QLabel(self)
        self.summary.setObjectName("pageTitle")
        self.list = QListWidget(self)
        self.list.setMinimumWidth(320)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.approve_current())  # Enter (and double-click)

        self.who = QLabel(self)
        self.who.setTextFormat(Qt.TextFormat.PlainText)  # typed names are never markup
        self.who.setWordWrap(True)
        self.photo = QLabel(self)
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setObjectName("mediaBox")
        self.signature = QLabel(self)
        self.signature.setFixedSize(*SIGNATURE_SIZE)
        self.signature.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature.setObjectName("mediaBox")
        self.exceptions = QLabel(self)
        self.exceptions.setTextFormat(Qt.TextFormat.PlainText)
        self.exceptions.setWordWrap(True)
        media = QHBoxLayout()
        media.addWidget(self.photo)
        media.addWidget(self.signature, 0, Qt.AlignmentFlag.AlignTop)
        media.addStretch(1)
        exceptions_box = QGroupBox(self.tr("Pengecualian"), self)
        QVBoxLayout(exceptions_box).addWidget(self.exceptions)

        self.approve_button = QPushButton(self.tr("Setujui (Enter)"), self)
        self.approve_button.setObjectName("primary")
        self.approve_button.clicked.connect(self.approve_current)
        self.return_button = QPushButton(self.tr("Kembalikan… (Ctrl+R)"), self)
        self.return_button.clicked.connect(self.open_return)
        self.close_button = QPushButton(self.tr("Tutup (Esc)"), self)
        self.close_button.clicked.connect(self.reject)

        self.return_panel = QGroupBox(self.tr("Kembalikan ke operator"), self)
        self.reason = QComboBox(self.return_panel)
        for code in RETURN_REASONS:
            self.reason.addItem(message_text(reason_code(code)), code)
        self.note = QLineEdit(self.return_panel)
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("Apa yang harus diperbaiki operator"))
        self.note.returnPressed.connect(self.confirm_return)
        self.confirm_button = QPushButton(self.tr("Kembalikan (Enter)"), self.return_panel)
        self.confirm_button.clicked.connect(self.confirm_return)
        self.cancel_button = QPushButton(self.tr("Batal (Esc)"), self.return_panel)
        self.cancel_button.clicked.connect(self.close_return)
        form = QFormLayout(self.return_panel)
        form.addRow(self.tr("Alasan"), self.reason)
        form.addRow(self.tr("Catatan"), self.note)
        panel_buttons = QHBoxLayout()
        panel_buttons.addStretch(1)
        panel_buttons.addWidget(self.cancel_button)
        panel_buttons.addWidget(self.confirm_button)
        form.addRow(panel_buttons)
        self.return_panel.hide()
        for button in (self.approve_button, self.return_button, self.close_button, self.confirm_button,
                       self.cancel_button):
            button.setAutoDefault(False)  # Enter belongs to the list (approve) and the note (return)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        detail = QVBoxLayout()
        detail.addWidget(self.who)
        detail.addLayout(media)
        detail.addWidget(exceptions_box, 1)
        detail.addWidget(self.return_panel)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(detail, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.open_return)
        self._set_enabled(False)

    # ------------------------------------------------------------ loading
    def load(self) -> None:
        """Read the waiting recordings (database worker) and show them."""
        run_task(self.session.waiting_for_approval, self._show_list, self._failed)

    def _show_list(self, items: list[WaitingRecording]) -> None:
        row = max(0, self.list.currentRow())
        self.items = list(items)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            marks = f"  ⚠ {len(item.exceptions)}" if item.exceptions else ""
            entry = QListWidgetItem(f"{_local(item.created_at)}  {item.nama or '-'}{marks}\n    {item.operator or '-'}")
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.summary.setText(self.tr("%n rekaman menunggu persetujuan", "", len(self.items)))
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
            self._show_current(self.list.currentRow())
        else:
            self._show_current(-1)
            self._say(self.tr("Tidak ada rekaman yang menunggu persetujuan."), True)
        self.list.setFocus()

    def current(self) -> WaitingRecording | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self, _row: int) -> None:
        item = self.current()
        self.photo.clear()
        self.signature.clear()
        self._set_enabled(item is not None)
        if item is None:
            self.who.clear()
            self.exceptions.clear()
            self.close_return()
            return
        self.who.setText(self.tr("Nama: %1\nNIK: %2\nDirekam: %3 oleh %4").replace("%1", item.nama or "-")
                         .replace("%2", item.nik or "-").replace("%3", _local(item.created_at))
                         .replace("%4", item.operator or "-"))
        lines = list(item.exceptions)
        if item.returned_before:
            lines.append(self.tr("Pernah dikembalikan: %1").replace("%1", item.returned_before))
        self.exceptions.setText("\n".join(f"• {line}" for line in lines) if lines
                                else self.tr("Tidak ada pengecualian."))
        self.photo.setText(self.tr("Memuat foto…"))
        uuid = item.uuid
        run_task(lambda: self.session.recording_media(uuid), lambda media: self._show_media(uuid, media),
                 self._failed)

    def _show_media(self, uuid: str, media: dict[str, bytes]) -> None:
        item = self.current()
        if item is None or item.uuid != uuid:
            return  # the selection moved on meanwhile
        for label, kind, size, missing in (
                (self.photo, "photo", PHOTO_SIZE, self.tr("Tanpa foto")),
                (self.signature, "signature", SIGNATURE_SIZE, self.tr("Tanpa tanda tangan"))):
            pixmap = scaled_pixmap(media.get(kind), *size)
            if pixmap is None:
                label.setText(missing)
            else:
                label.setPixmap(pixmap)

    # ------------------------------------------------------------ deciding
    def approve_current(self) -> None:
        item = self.current()
        if item is None or self._busy or self.return_panel.isVisible():
            return
        self._decide(lambda: self.session.approve([item.uuid]),
                     self.tr("Disetujui: %1 masuk antrian kirim.").replace("%1", item.nama or "-"))

    def open_return(self) -> None:
        if self.current() is None or self._busy:
            return
        self.return_panel.show()
        self.note.clear()
        self.reason.setFocus()

    def close_return(self) -> None:
        self.return_panel.hide()
        self.list.setFocus()

    def confirm_return(self) -> None:
        item = self.current()
        if item is None or self._busy or not self.return_panel.isVisible():
            return
        reason, note = self.reason.currentData(), self.note.text()
        self._decide(lambda: self.session.return_recording(item.uuid, reason, note),
                     self.tr("Dikembalikan ke operator: %1.").replace("%1", item.nama or "-"))

    def _decide(self, work, done_words: str) -> None:  # noqa: ANN001 - a callable
        self._busy = True
        self._set_enabled(False)

        def done(_result) -> None:  # noqa: ANN001
            self._busy = False
            self.return_panel.hide()
            self._say(done_words, True)
            self.decided.emit()
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._set_enabled(self.current() is not None)
            self._say(error_text(exc), False)
            if self.return_panel.isVisible():
                self.note.setFocus()

        run_task(work, done, failed)

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), False)

    def _set_enabled(self, on: bool) -> None:
        for button in (self.approve_button, self.return_button, self.confirm_button):
            button.setEnabled(on)

    def _say(self, text: str, ok: bool) -> None:
        show_message(self.message, text, "okText" if ok else "errorText")

    def reject(self) -> None:
        """Esc: closes the return panel first, then the dialog."""
        if self.return_panel.isVisible():
            self.close_return()
            return
        super().reject()
