"""Message lines of dialogs and pages: a dialog's refusal under its fields, and a status line styled by its kind.

`FormError` is the label under a dialog's fields that says why it was refused
(wrapped, hidden until there is something to say; the dialog stays open).
`show_message` gives any label a kind ("hint", "okText", "errorText": the
object names resources/style.qss styles) and its text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FormError(QLabel):
    """A dialog's refusal, under its fields: hidden until `say`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("error")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        """Show why the dialog refused (it stays open)."""
        self.setText(text)
        self.show()


def show_message(label: QLabel, text: str, kind: str) -> None:
    """Show `text` in `label` styled as `kind` ('hint', 'okText' or 'errorText')."""
    label.setObjectName(kind)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
