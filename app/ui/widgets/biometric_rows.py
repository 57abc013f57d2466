"""The enrollment form's fingerprint (F4) and iris (F5) rows: a button and a status line each.

The rows stand in the form's media section, between the photo and the
signature (the Dukcapil order), and show only when the profile's biometric
mode has the steps. A step opens once the resident approved the photo; before
that the status line says why and the keyboard goes to the photo button. The
form judges the recording; these rows only ask for the steps and say how far
each modality went (`biometric_summary`).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from app.biometric_slot import BiometricSlot
from app.core.biometric_positions import Modality
from app.core.biometric_requirement import BiometricMode
from app.ui.texts import message_text
from app.ui.widgets.biometric_parts import biometric_summary
from app.ui.widgets.message_line import set_severity


class BiometricRows(QObject):
    """The two rows, their F4 / F5 shortcuts on `form`, and the mode they follow.

    Signals:
        fingerprintRequested, irisRequested: the operator asked for a step that may open now.

    Attributes:
        mode: the profile's biometric mode (`set_mode`); OFF hides the rows.
    """

    fingerprintRequested = Signal()
    irisRequested = Signal()

    def __init__(self, form: QWidget, photo_button: QPushButton, photo_settled: Callable[[], bool]):
        """`photo_settled()` says whether the resident approved the photo (or its exception is recorded)."""
        super().__init__(form)
        self.mode = BiometricMode.OFF
        self._photo_button = photo_button
        self._photo_settled = photo_settled
        self._section: QWidget | None = None
        self.fingerprint_button = QPushButton(self.tr("Sidik jari (F4)"), form)
        self.iris_button = QPushButton(self.tr("Iris (F5)"), form)
        self.fingerprint_button.clicked.connect(self.request_fingerprint)
        self.iris_button.clicked.connect(self.request_iris)
        self.fingerprint_status = QLabel(form)
        self.iris_status = QLabel(form)
        for label in (self.fingerprint_status, self.iris_status):
            label.setWordWrap(True)
            label.setObjectName("hint")
        QShortcut(QKeySequence("F4"), form, activated=self.request_fingerprint)
        QShortcut(QKeySequence("F5"), form, activated=self.request_iris)

    def add_to(self, layout: QFormLayout) -> None:
        """Add both rows to the media section's form layout; a disabled section (read-only) opens no step."""
        layout.addRow(self.fingerprint_button, self.fingerprint_status)
        layout.addRow(self.iris_button, self.iris_status)
        self._section = layout.parentWidget()

    def set_mode(self, mode: BiometricMode) -> None:
        """Follow the profile's mode: the rows show when it has the steps."""
        self.mode = mode
        for widget in (self.fingerprint_button, self.fingerprint_status, self.iris_button, self.iris_status):
            widget.setVisible(mode.steps)

    def inputs(self) -> dict[str, QWidget]:
        """The buttons that take the keyboard for the findings on fingerprints and irises (none while off)."""
        return dict(fingerprint=self.fingerprint_button, iris=self.iris_button) if self.mode.steps else {}

    def chain(self) -> tuple[QWidget, ...]:
        """The buttons' place in the Tab order (none while off)."""
        return (self.fingerprint_button, self.iris_button) if self.mode.steps else ()

    def show_slot(self, slot: BiometricSlot) -> None:
        """Each modality's summary, or that it waits for the approved photo (its button disabled)."""
        settled = self._photo_settled()
        for modality, button, status in ((Modality.FINGER, self.fingerprint_button, self.fingerprint_status),
                                         (Modality.IRIS, self.iris_button, self.iris_status)):
            set_severity(status, "")
            button.setEnabled(settled)
            button.setToolTip("" if settled else message_text("biometrics.photo_first"))
            status.setText(biometric_summary(slot, modality) if settled
                           else self.tr("Setelah foto disetujui warga."))

    def request_fingerprint(self) -> None:
        self._request(Modality.FINGER)

    def request_iris(self) -> None:
        self._request(Modality.IRIS)

    def _request(self, modality: Modality) -> None:
        """F4 / F5: the step opens once the resident has approved the photo (the Dukcapil order), else
        the keyboard goes to the photo and the status line says why."""
        if not self.mode.steps or (self._section is not None and not self._section.isEnabled()):
            return
        if not self._photo_settled():
            status = self.fingerprint_status if modality is Modality.FINGER else self.iris_status
            status.setText(message_text("biometrics.photo_first"))
            set_severity(status, "error")
            self._photo_button.setFocus()
            return
        (self.fingerprintRequested if modality is Modality.FINGER else self.irisRequested).emit()
