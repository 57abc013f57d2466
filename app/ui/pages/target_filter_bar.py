"""Daftar Warga's filter bar: kelurahan, RT/RW, category, visit outcome, and the revisit list.

It holds no rules: `target_filter(today)` turns the choices into an
`app.store.target_filter.TargetFilter` (categories are derived on `today`), and
the store does the filtering. Category and outcome names come from the
message catalogue (``category.*``, ``outcome.*``) in the window's language.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core.categories import Category
from app.core.outcomes import Outcome
from app.store.target_filter import NO_OUTCOME, TargetFilter
from app.ui.texts import message_text


class TargetFilterBar(QWidget):
    """Signals:
        changed(): a choice changed (RT/RW typing is debounced).

    Attributes:
        kelurahan, category, outcome: combos (data: the code, the `Category` value, the `Outcome` value or
            NO_OUTCOME; None = all).
        rw, rt: RW and RT as typed (digits).
        revisits: "Daftar kunjungan ulang": only residents asking for a revisit, by date then RW/RT.
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kelurahan = QComboBox(self)
        self.kelurahan.addItem(self.tr("Semua kel./desa"), None)

        self.rw = self._number(self.tr("RW"))
        self.rt = self._number(self.tr("RT"))
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Semua kategori"), None)
        for category in Category:
            self.category.addItem(message_text(category.code), category.value)
        self.outcome = QComboBox(self)
        self.outcome.addItem(self.tr("Semua hasil kunjungan"), None)
        self.outcome.addItem(self.tr("Belum dikunjungi"), NO_OUTCOME)
        for outcome in Outcome:
            self.outcome.addItem(message_text(outcome.code), outcome.value)
        for combo, letters in ((self.kelurahan, 12), (self.category, 10), (self.outcome, 10)):
            # Narrow enough for 1366 px beside the count and the button; the pop-up shows names whole.
            combo.setMinimumContentsLength(letters)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.revisits = QCheckBox(self.tr("Daftar kunjungan ulang"), self)
        self.revisits.setToolTip(self.tr("Warga yang minta dikunjungi lagi, urut tanggal kunjungan lalu RW/RT."))
        label = QLabel(self.tr("Saring:"), self)
        label.setBuddy(self.kelurahan)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        for widget in (self.kelurahan, self.rw, self.rt, self.category, self.outcome, self.revisits):
            row.addWidget(widget)
        row.addStretch(1)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.changed)
        for combo in (self.kelurahan, self.category, self.outcome):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.revisits.toggled.connect(self._revisits_toggled)

    def _number(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setValidator(QIntValidator(0, 999, edit))
        edit.setMaxLength(3)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0000") + 24)
        edit.textChanged.connect(lambda _t: self._typing.start())
        return edit

    def _revisits_toggled(self, on: bool) -> None:
        self.outcome.setEnabled(not on)  # the revisit list is one outcome
        self.changed.emit()

    def set_kelurahan(self, items: list[tuple[str, str]]) -> None:
        """The kelurahan on the list as (code, name); the current choice is kept when still there."""
        current = self.kelurahan.currentData()
        self.kelurahan.blockSignals(True)
        while self.kelurahan.count() > 1:
            self.kelurahan.removeItem(1)
        for code, name in items:
            self.kelurahan.addItem(name, code)
        index = self.kelurahan.findData(current) if current is not None else 0
        self.kelurahan.setCurrentIndex(max(0, index))
        self.kelurahan.blockSignals(False)
        if current is not None and index < 0:
            self.changed.emit()

    def target_filter(self, today: dt.date, *, sort: str = "area", descending: bool = False) -> TargetFilter:
        area = {"kelurahan_kode": self.kelurahan.currentData(), "rw": self.rw.text() or None,
                "rt": self.rt.text() or None, "on": today,
                "category": Category(self.category.currentData()) if self.category.currentData() else None}
        if self.revisits.isChecked():
            return TargetFilter.revisits(**area)
        return TargetFilter(outcome=self.outcome.currentData(), sort=sort, descending=descending, **area)
