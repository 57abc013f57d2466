"""The "Hasil kunjungan" dialog: what the team found at a resident's door, with the revisit date when
the resident is ill or asks for another visit (window-modal, opened, never exec'd).

The choice is checked by the store with the rules of `app.core.outcomes`
(the dialog only enables the date for the outcome that takes one); a refusal
is shown in the dialog and it stays open.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.core.outcomes import MANUAL, MAX_NOTE, Outcome
from app.ui.texts import message_text
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form_error import FormError


class OutcomeDialog(QDialog):
    """Signals:
        chosen(str, object, str): the outcome's value, the revisit date (or None) and the note.
            The receiver stores it and calls `done_ok()`, or `show_error(text)` to keep it open.
    """

    chosen = Signal(str, object, str)

    def __init__(self, name: str, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hasil kunjungan"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.outcome = QComboBox(self)
        for outcome in MANUAL:
            self.outcome.addItem(message_text(outcome.code), outcome.value)
        self.revisit = DateEdit(self)
        self.revisit.set_date((today or dt.date.today()) + dt.timedelta(days=7))
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Catatan (boleh kosong)"))
        self.error = FormError(self)
        form = QFormLayout()
        form.addRow(self.tr("Warga:"), QLabel(name, self))
        form.addRow(self.tr("Hasil:"), self.outcome)
        self.revisit_label = QLabel(self.tr("Kunjungan ulang:"), self)
        form.addRow(self.revisit_label, self.revisit)
        form.addRow(self.tr("Catatan:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.outcome.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        needs = self.selected().needs_revisit
        self.revisit.setVisible(needs)
        self.revisit_label.setVisible(needs)

    def selected(self) -> Outcome:
        return Outcome(self.outcome.currentData())

    def _save(self) -> None:
        revisit = self.revisit.date() if self.selected().needs_revisit else None
        if self.selected().needs_revisit and revisit is None:
            self.show_error(message_text("outcome.revisit_required"))
            return
        self.chosen.emit(self.selected().value, revisit, self.note.text())

    def show_error(self, text: str) -> None:
        self.error.say(text)

    def done_ok(self) -> None:
        self.accept()
