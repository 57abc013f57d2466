"""A one-line message that never changes its size (a form's fields stay where they are).

Text too long for the line is cut with "…"; the whole text is the tooltip (and
the findings panel lists it in full). The height is one line of its font,
whether it holds a message or not, so a message appearing moves nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def set_severity(widget: QWidget, severity: str) -> None:
    """Restyle `widget` for a finding's severity ('' for none); the style keeps its size."""
    if (widget.property("severity") or "") != severity:  # unset is no severity: no restyle
        widget.setProperty("severity", severity)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class MessageLine(QLabel):
    """A QLabel holding at most one elided line; `text()` is the whole text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text or ""
        self.setToolTip(self._full)
        self._elide()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        return QSize(0, self.fontMetrics().height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event):  # noqa: N802 - Qt override (the style sheet sets the font)
        super().changeEvent(event)
        self._elide()

    def _elide(self) -> None:
        line = " ".join(self._full.split())
        width = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, width) if line else ""
        if shown != super().text():
            super().setText(shown)
