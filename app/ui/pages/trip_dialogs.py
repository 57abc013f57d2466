"""The dialogs of the Kunjungan page: a trip's fields, and a card's delivery to the school.

Window-modal, opened (never exec'd). The checks are `app.core.trips` and
`app.store.school` (run by the receiver of the signal); a refusal is shown in
the dialog with `show_error` and it stays open.
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

from app.core.trips import MAX_NAME, MAX_PLACE, Trip, TripType, parse_team
from app.ui.texts import message_text
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form_error import FormError


class _Dialog(QDialog):
    first_field = None  # the widget that takes the keyboard when the dialog opens

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    def _finish(self, form: QFormLayout) -> None:
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)  # room for the placeholders' examples at 1366×768
        self.error = FormError(self)
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

    def _save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error.say(text)

    def done_ok(self) -> None:
        self.accept()


class TripDialog(_Dialog):
    """A new trip, or a trip's fields changed.

    Signals:
        chosen(dict): name, type, place, start, end (dates or None) and team (list of names).
    """

    chosen = Signal(dict)

    def __init__(self, parent=None, *, trip: Trip | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah kunjungan") if trip else self.tr("Kunjungan baru"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.type = QComboBox(self)
        for kind in TripType:
            self.type.addItem(message_text(kind.code), kind.value)
        self.place = QLineEdit(self)
        self.place.setMaxLength(MAX_PLACE)
        self.place.setPlaceholderText(self.tr("mis. SMAN 1 Solok, Desa Sungai Abu"))
        self.start = DateEdit(self)
        self.end = DateEdit(self)
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("nama anggota, dipisah koma"))
        day = today or dt.date.today()
        if trip is None:
            self.start.set_date(day)
            self.end.set_date(day)
        else:
            self.name.setText(trip.name)
            self.type.setCurrentIndex(self.type.findData(trip.type.value))
            self.place.setText(trip.place)
            self.start.set_date(trip.start)
            self.end.set_date(trip.end)
            self.team.setText(", ".join(trip.team))
        form = QFormLayout()
        form.addRow(self.tr("Nama kunjungan:"), self.name)
        form.addRow(self.tr("Jenis:"), self.type)
        form.addRow(self.tr("Tempat:"), self.place)
        form.addRow(self.tr("Mulai:"), self.start)
        form.addRow(self.tr("Selesai:"), self.end)
        form.addRow(self.tr("Tim:"), self.team)
        self._finish(form)
        self.first_field = self.name

    def _save(self) -> None:
        self.chosen.emit({"name": self.name.text(), "type": self.type.currentData(), "place": self.place.text(),
                          "start": self.start.date(), "end": self.end.date(),
                          "team": parse_team(self.team.text())})


class CardDialog(_Dialog):
    """A student's card handed to the school.

    Signals:
        chosen(str, object): who received it, and the day (or None).
    """

    chosen = Signal(str, object)

    def __init__(self, student: str, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kartu diterima sekolah"))
        self.receiver = QLineEdit(self)
        self.receiver.setPlaceholderText(self.tr("nama dan jabatan, mis. Bu Rina (TU)"))
        self.day = DateEdit(self)
        self.day.set_date(today or dt.date.today())
        form = QFormLayout()
        form.addRow(self.tr("Siswa:"), QLabel(student, self))
        form.addRow(self.tr("Diterima oleh:"), self.receiver)
        form.addRow(self.tr("Tanggal:"), self.day)
        self._finish(form)
        self.first_field = self.receiver

    def _save(self) -> None:
        day = self.day.date()
        if day is None:
            self.show_error(self.tr("Isi tanggal terima kartu."))
            return
        self.chosen.emit(self.receiver.text(), day)
