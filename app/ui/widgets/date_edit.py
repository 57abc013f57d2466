"""A date field typed as DD-MM-YYYY, with a calendar pop-up for the mouse.

Typing is the fast path for operators copying from a KK: digits only, the
dashes are placed by the input mask. An incomplete or impossible date gives
`date()` None and `is_partial()` True, so the form can say what is wrong.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)


def parse_ddmmyyyy(text: str) -> dt.date | None:
    parts = text.strip().split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    if len(parts[2]) != 4:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_ddmmyyyy(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


class DateEdit(QWidget):
    """DD-MM-YYYY line edit plus a calendar button.

    Signals:
        changed: emitted whenever the text changes (the date may be None).
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setInputMask("99-99-9999;_")
        self.edit.setPlaceholderText(self.tr("HH-BB-TTTT"))
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.button = QToolButton(self)
        self.button.setText("\u25BE")
        self.button.setToolTip(self.tr("Pilih dari kalender"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def _prepare_calendar(self) -> None:
        current = self.date()
        if current:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text()

    def is_empty(self) -> bool:
        return not any(ch.isdigit() for ch in self.edit.text())

    def is_partial(self) -> bool:
        return not self.is_empty() and self.date() is None

    def date(self) -> dt.date | None:
        return parse_ddmmyyyy(self.edit.text())

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(format_ddmmyyyy(value))
