"""One line beside the form's title: the NIK typed is already recorded on this laptop.

It names the latest such recording (status and day) and offers "Buka rekaman
itu". It keeps its room while hidden, so appearing or going never moves a field
of the form below it. What the notice means (a second recording needs a reason)
is said by the warning in Pemeriksaan (`app.core.repeat`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from app.core.repeat import Earlier, created_on
from app.ui.labels import status_label


class RepeatNotice(QFrame):
    """Signals:
        openRequested(str): the uuid of the recording the operator chose to open.

    Attributes:
        uuid: the recording "Buka rekaman itu" opens (None while hidden).
    """

    openRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("warningRow")
        self.uuid: str | None = None
        self.text = QLabel(self)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = QPushButton(self.tr("Buka rekaman itu"), self)
        self.open_button.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        self.setSizePolicy(policy)
        self.hide()

    def show_earlier(self, earlier: Sequence[Earlier]) -> None:
        """Name the latest of `earlier` (the NIK's other recordings here), or hide when there are none."""
        if not earlier:
            self.uuid = None
            self.text.clear()
            self.hide()
            return
        latest = earlier[0]
        self.uuid = latest.uuid
        text = self.tr("NIK ini sudah ada di laptop ini: %1, %2.").replace(
            "%1", status_label(latest.status)).replace("%2", created_on(latest.created_at) or "-")
        if len(earlier) > 1:
            text += " " + self.tr("(dan %1 rekaman lain)").replace("%1", str(len(earlier) - 1))
        self.text.setText(text)
        self.text.setToolTip(text)
        self.show()

    def _open(self) -> None:
        if self.uuid is not None:
            self.openRequested.emit(self.uuid)
