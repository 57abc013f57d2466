"""The "Ganti kata sandi" dialog of Pengaturan: old, new and repeated passphrase.

The checks the operator can fix at once (empty, too short, not repeated
alike, same as the old one) are made here; the change itself (argon2id twice
and re-encrypting the whole database) runs on the database worker, and the
window keeps working on the re-keyed profile afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.store.errors import WrongPassphrase
from app.store.keys import MIN_PASSPHRASE_LENGTH
from app.ui.texts import error_text
from app.ui.workers import run_task


class ChangePassphraseDialog(QDialog):
    """Signals:
        changed: the new passphrase is in force (emitted before the dialog closes).
    """

    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "Kata sandi baru langsung berlaku untuk membuka Jemput berikutnya. Catat dan simpan "
            "di tempat aman: tanpa kata sandi, data tidak dapat dibuka oleh siapa pun."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.old = self._secret_field()
        self.new = self._secret_field()
        self.new.setPlaceholderText(self.tr("tiga kata acak atau lebih, minimal %1 karakter").replace("%1", str(MIN_PASSPHRASE_LENGTH)))
        self.again = self._secret_field()
        form.addRow(self.tr("Kata sandi lama"), self.old)
        form.addRow(self.tr("Kata sandi baru"), self.new)
        form.addRow(self.tr("Ulangi kata sandi baru"), self.again)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Ganti kata sandi"), self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.old.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self._submit)
        self.setMinimumWidth(440)

    def _secret_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _submit(self) -> None:
        if self.busy:
            return
        old, new, again = self.old.text(), self.new.text(), self.again.text()
        if not old:
            self._error(self.tr("Isi kata sandi lama."), self.old)
        elif len(new) < MIN_PASSPHRASE_LENGTH:
            self._error(self.tr("Kata sandi baru minimal %1 karakter.").replace("%1", str(MIN_PASSPHRASE_LENGTH)),
                        self.new)
        elif new != again:
            self._error(self.tr("Kedua kata sandi baru tidak sama."), self.again)
        elif new == old:
            self._error(self.tr("Kata sandi baru harus berbeda dari kata sandi lama."), self.new)
        else:
            self._error("")
            self._set_busy(True)
            run_task(lambda: self.session.change_passphrase(old, new), self._done, self._failed)

    def _done(self, _result=None) -> None:
        self._set_busy(False)
        for field in (self.old, self.new, self.again):
            field.clear()
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._error(self.tr("Kata sandi lama salah. Kata sandi tidak diganti."), self.old)
            self.old.selectAll()
        else:
            self._error(error_text(exc), self.new)

    def _error(self, text: str, field: QLineEdit | None = None) -> None:
        self.message.setText(text)
        if field is not None:
            field.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.old, self.new, self.again, self.ok_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.ok_button.setText(self.tr("Mengganti…") if busy else self.tr("Ganti kata sandi"))

    def reject(self) -> None:  # noqa: D401 - Qt override
        """Esc/close does nothing while the change runs (it must finish either way)."""
        if not self.busy:
            super().reject()
