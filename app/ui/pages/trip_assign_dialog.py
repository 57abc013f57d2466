"""Daftar Warga → "Tambahkan ke kunjungan…": the residents chosen in the list planned for a trip.

Window-modal, opened (never exec'd). Lists the trips not yet over (the activated
one first); Enter adds, Esc cancels. The trips store (`app.store.trips.Trips.assign`)
keeps each resident once per trip; the receiver says how many were new.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.core.trips import Trip
from app.ui.texts import message_text
from app.ui.widgets.form_error import FormError


class TripAssignDialog(QDialog):
    """Signals:
        chosen(str): the id of the trip to plan the chosen residents for.
    """

    chosen = Signal(str)

    def __init__(self, trips: list[Trip], activated: Trip | None, count: int, parent=None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambahkan ke kunjungan"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        today = today or dt.date.today()
        open_trips = [t for t in trips if t.end >= today]
        open_trips.sort(key=lambda t: (activated is None or t.id != activated.id, t.start, t.name))
        self.trip = QComboBox(self)
        for t in open_trips:
            self.trip.addItem(f"{t.name} ({message_text(t.type.code)}, {t.start:%d-%m-%Y}–{t.end:%d-%m-%Y})", t.id)
        self.error = FormError(self)
        form = QFormLayout()
        form.addRow(self.tr("Warga dipilih:"), QLabel(str(count), self))
        form.addRow(self.tr("&Kunjungan:"), self.trip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tambahkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if not open_trips:
            self.error.say(self.tr("Belum ada kunjungan yang belum selesai. Buat kunjungan di halaman Kunjungan."))
            self.ok_button.setEnabled(False)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.trip.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _ok(self) -> None:
        if self.trip.currentData():
            self.chosen.emit(self.trip.currentData())
