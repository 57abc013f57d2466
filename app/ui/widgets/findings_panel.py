"""The list of what the checks found, with a reason box for each warning.

Errors are listed to be fixed; warnings (a real NIK may encode a wrong date)
each get a checkbox "Sudah diperiksa" and a reason line. `acknowledgements()`
returns what the operator confirmed, to be saved with the recording. A click
on a finding's words asks for its field (`findingActivated`): the form shows
only one line of it beside the field, the panel the whole of it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.findings import Acknowledgement, Finding, Severity
from app.ui.texts import finding_text


class _FindingText(QLabel):
    """A finding's words, wrapped; a click on them asks for the field."""

    clicked = Signal()

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event):  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class _WarningRow(QFrame):
    changed = Signal()

    def __init__(self, finding: Finding, parent=None):
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("warningRow")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.text = _FindingText("\u26A0 " + finding_text(finding), self)
        text = self.text
        text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        layout.addWidget(text)
        self.check = QCheckBox(self.tr("Sudah diperiksa, lanjut"), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Alasan (wajib)"))
        self.reason.setEnabled(False)
        self.check.toggled.connect(self._toggled)
        self.reason.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.check)
        layout.addWidget(self.reason)

    def _toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        if on:
            self.reason.setFocus()
        self.changed.emit()

    def acknowledgement(self) -> Acknowledgement | None:
        if not self.check.isChecked():
            return None
        return Acknowledgement(self.finding.code, self.finding.field, self.reason.text().strip())

    def restore(self, ack: Acknowledgement) -> None:
        self.check.setChecked(True)
        self.reason.setText(ack.reason)


class FindingsPanel(QScrollArea):
    """Shows findings; keeps typed reasons while the list is refreshed.

    Signals:
        acknowledgementsChanged: a warning was checked or its reason edited.
        findingActivated(Finding): the operator clicked a finding's words (to go to its field).
    """

    acknowledgementsChanged = Signal()
    findingActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self._rows: dict[tuple[str, str], _WarningRow] = {}
        self._saved: dict[tuple[str, str], Acknowledgement] = {}
        self._labels: list[_FindingText] = []
        self._empty = QLabel(self.tr("Belum ada temuan."), self._body)
        self._layout.addWidget(self._empty)

    def set_findings(self, findings: list[Finding]) -> None:
        for ack in self.acknowledgements():
            self._saved[(ack.code, ack.field)] = ack
        for widget in [*self._rows.values(), *self._labels]:  # hidden, not parentless: a widget made a
            self._layout.removeWidget(widget)                 # window for a moment takes the activation away
            widget.hide()
            widget.deleteLater()
        self._rows.clear()
        self._labels.clear()
        errors = [f for f in findings if f.severity is Severity.ERROR]
        warns = [f for f in findings if f.severity is Severity.WARNING]
        for f in errors:
            label = _FindingText("\u2716 " + finding_text(f), self._body)
            label.setObjectName("errorLine")
            label.clicked.connect(lambda f=f: self.findingActivated.emit(f))
            self._layout.addWidget(label)
            self._labels.append(label)
        for f in warns:
            row = _WarningRow(f, self._body)
            key = (f.code, f.field)
            if key in self._saved:
                row.restore(self._saved[key])
            row.changed.connect(self.acknowledgementsChanged)
            row.text.clicked.connect(lambda f=f: self.findingActivated.emit(f))
            self._layout.addWidget(row)
            self._rows[key] = row
        self._empty.setVisible(not findings)

    def acknowledgements(self) -> list[Acknowledgement]:
        return [a for a in (row.acknowledgement() for row in self._rows.values()) if a]

    def restore(self, acks: list[Acknowledgement]) -> None:
        self._saved = {(a.code, a.field): a for a in acks}
        for key, row in self._rows.items():
            if key in self._saved:
                row.restore(self._saved[key])

    def first_unacknowledged(self) -> QWidget | None:
        for row in self._rows.values():
            if row.acknowledgement() is None or not row.reason.text().strip():
                return row.check if not row.check.isChecked() else row.reason
        return None
