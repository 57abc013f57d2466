"""The bar under the form's media rows that offers the Disabilitas value a photo exception's reason suggests.

The operator confirms ("Isi") or declines ("Abaikan"); the value is never set
silently (`app.core.exceptions.suggested_disabilitas` says which value). The
bar keeps its room while hidden, so showing it moves no field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.exceptions import suggested_disabilitas
from app.core.values import Disabilitas
from app.ui.widgets.combos import MultiSelectButton


class DisabilitasSuggestion(QWidget):
    """Offers one value for the form's Disabilitas field `target`; confirming adds it there.

    Attributes:
        text, accept_button, decline_button: the question and its two answers.
    """

    def __init__(self, target: MultiSelectButton, parent=None):
        super().__init__(parent)
        self.target = target
        self._suggested: Disabilitas | None = None
        self.setObjectName("disabilitasSuggestion")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Isi"), self)
        self.accept_button.clicked.connect(self.accept)
        self.decline_button = QPushButton(self.tr("Abaikan"), self)
        self.decline_button.clicked.connect(self.decline)
        h.addWidget(self.text, 1)
        h.addWidget(self.accept_button)
        h.addWidget(self.decline_button)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    @property
    def suggested(self) -> Disabilitas | None:
        """The value offered and not yet confirmed or declined."""
        return self._suggested

    def suggest(self, reason) -> bool:
        """Offer the value a photo exception's `reason` suggests (none over a chosen value); True when offered."""
        value = suggested_disabilitas(reason, tuple(self.target.values()))
        self._suggested = value
        if value is None:
            self.hide()
            return False
        self.text.setText(
            self.tr("Alasan pengecualian foto menunjukkan disabilitas. Isi Disabilitas: \u201c%1\u201d?")
            .replace("%1", value.label))
        self.show()
        return True

    def accept(self) -> None:
        """The operator confirms: the suggested value is added to the Disabilitas field."""
        value = self._suggested
        self.decline()
        if value is not None and value not in self.target.values():
            self.target.set_values([*self.target.values(), value])

    def decline(self) -> None:
        self._suggested = None
        self.hide()
