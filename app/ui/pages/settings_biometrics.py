"""Pengaturan's "Perangkat biometrik": whether the steps are used, the requested scores and tries, the devices found.

The devices are looked for (MOSIPDISC over the profile's ports, SBI
4501-4600) off the GUI thread each time Pengaturan is shown and on "Cari
perangkat"; each is listed with its kind, model, port and status in words.
"Uji rekam" captures once on the chosen device (the left slap, or the eyes) the
way the steps do and shows the image and its score; nothing is stored. The
mode and the scores are kept by the page's "Simpan pengaturan".
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget,
)

from app.biometrics.client import SbiClient
from app.biometrics.discovery import discover
from app.biometrics.model import DeviceError, DeviceInfo
from app.biometrics.stream import decode_view
from app.core.biometric_attempts import QualityPolicy
from app.core.biometric_positions import IRIS_BOTH_SUB_ID, SEGMENTS, Modality
from app.core.biometric_requirement import BiometricMode
from app.core.sbi_codes import STATUS_WORDS
from app.ui.texts import error_text, message_text
from app.ui.widgets.biometric_parts import gray_pixmap
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task

_STATUS = (  # app.core.sbi_codes.STATUS_WORDS, for the translator
    QT_TRANSLATE_NOOP("SbiStatus", "siap"), QT_TRANSLATE_NOOP("SbiStatus", "sedang dipakai"),
    QT_TRANSLATE_NOOP("SbiStatus", "belum siap"), QT_TRANSLATE_NOOP("SbiStatus", "belum terdaftar"),
)


def _spin(low: int, high: int, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    return box


class BiometricSettings(QGroupBox):
    """The "Perangkat biometrik" group of Pengaturan.

    Attributes:
        devices: the devices found by the last search.
        searching, testing: a search / a test capture runs.
    """

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Perangkat biometrik (sidik jari && iris)"))
        self.session = session
        self.devices: list[DeviceInfo] = []
        self.searching = self.testing = False
        self.mode = QComboBox(self)
        for mode, text in ((BiometricMode.OFF, self.tr("Tidak dipakai: foto dan tanda tangan saja")),
                           (BiometricMode.OPTIONAL, self.tr("Ditawarkan: tanpa alat boleh selesai dengan alasan")),
                           (BiometricMode.REQUIRED, self.tr("Wajib: 10 jari dan 2 iris, atau pengecualian"))):
            self.mode.addItem(text, mode.value)
        self.finger, self.thumbs, self.iris = _spin(0, 100, self), _spin(0, 100, self), _spin(0, 100, self)
        self.tries = _spin(1, 10, self)
        self.tries.setMaximumWidth(80)
        self.device_list = QLabel(self)
        self.device_list.setWordWrap(True)
        self.device_list.setTextFormat(Qt.TextFormat.PlainText)
        self.chooser = QComboBox(self)
        self.search_button = QPushButton(self.tr("Cari perangkat"), self)
        self.search_button.clicked.connect(self.search)
        self.test_button = QPushButton(self.tr("Uji rekam"), self)
        self.test_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_capture)
        self.test_view = QLabel(self)
        self.test_view.setFixedSize(120, 120)
        self.test_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.test_view.setStyleSheet("background: #e9eef3; border: 1px solid #b0bec5;")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("Langkah sidik jari && iris"), self.mode)
        scores = QHBoxLayout()
        for label, box in ((self.tr("4 jari"), self.finger), (self.tr("jempol"), self.thumbs),
                           (self.tr("iris"), self.iris)):
            scores.addWidget(QLabel(label, self))
            scores.addWidget(box)
        scores.addStretch(1)
        form.addRow(self.tr("Batas kualitas (0-100)"), scores)
        form.addRow(self.tr("Percobaan per rekaman"), self.tries)
        grid = QGridLayout(self)
        grid.addLayout(form, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Perangkat ditemukan"), self), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.device_list, 1, 1, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.search_button)
        row.addWidget(self.chooser, 1)
        row.addWidget(self.test_button)
        grid.addLayout(row, 2, 0, 1, 3)
        grid.addWidget(self.test_view, 3, 0)
        grid.addWidget(self.status, 3, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self.refresh()

    # ---------------------------------------------------------------- API
    def refresh(self) -> None:
        """Show the profile's mode and policy."""
        self.mode.setCurrentIndex(max(0, self.mode.findData(self.session.biometric_mode().value)))
        policy = self.session.biometric_policy()
        for box, value in ((self.finger, policy.finger), (self.thumbs, policy.thumbs), (self.iris, policy.iris),
                           (self.tries, policy.tries)):
            box.setValue(round(value))

    def chosen_mode(self) -> BiometricMode:
        return BiometricMode(self.mode.currentData())

    def chosen_policy(self) -> dict:
        """What "Simpan pengaturan" keeps (`Session.biometric_policy` reads it)."""
        return {"finger": self.finger.value(), "thumbs": self.thumbs.value(), "iris": self.iris.value(),
                "tries": self.tries.value()}

    def set_editable(self, editable: bool) -> None:
        """Only a supervisor or admin changes the mode and the scores; anyone may search and test."""
        for widget in (self.mode, self.finger, self.thumbs, self.iris, self.tries):
            widget.setEnabled(editable)

    def search(self) -> None:
        """Look for device services on the profile's ports, off the GUI thread."""
        if self.searching:
            return
        self.searching = True
        self.search_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.device_list.setText(self.tr("Mencari perangkat…"))
        ports = self.session.sbi_ports()
        run_task(lambda: discover(ports=ports), self._found, self._search_failed)

    def test_capture(self) -> None:
        """One capture on the chosen device, as the steps ask for it (nothing is stored)."""
        index = self.chooser.currentIndex()
        if self.testing or not 0 <= index < len(self.devices):
            return
        device = self.devices[index]
        modality = Modality(device.device_type)
        if modality is Modality.FINGER:
            subtypes, sub_id = SEGMENTS[0].fingers, SEGMENTS[0].device_sub_id
        elif IRIS_BOTH_SUB_ID in device.sub_ids:
            subtypes, sub_id = ("Left", "Right"), IRIS_BOTH_SUB_ID
        else:
            subtypes, sub_id = ("Left",), 1
        required = QualityPolicy(finger=self.finger.value(), thumbs=self.thumbs.value(),
                                 iris=self.iris.value()).required(modality)
        self.testing = True
        self.test_button.setEnabled(False)
        self._say(self.tr("Uji rekam: letakkan jari (atau tatap kamera iris)…"))
        client = SbiClient(decode=decode_view)

        def work():
            client.ready(device)
            return client.rcapture(device, modality, list(subtypes), requested_score=required, sub_id=sub_id,
                                   timeout_ms=10_000)

        run_task(work, self._tested, self._test_failed)

    # ------------------------------------------------------------ internals
    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _found(self, devices: list[DeviceInfo]) -> None:
        if not self._alive():
            return
        self.searching = False
        self.search_button.setEnabled(True)
        usable = [d for d in devices if d.device_type in (Modality.FINGER.value, Modality.IRIS.value)]
        self.devices = usable
        self.chooser.clear()
        if not usable:
            self.device_list.setText(message_text("sbi.no_device"))
            return
        lines = [self._device_words(d) for d in usable]
        self.device_list.setText("\n".join(lines))
        for line in lines:
            self.chooser.addItem(line)
        self.test_button.setEnabled(True)

    def _device_words(self, device: DeviceInfo) -> str:
        kind = self.tr("Sidik jari") if device.device_type == Modality.FINGER.value else self.tr("Iris")
        model = device.digital_id.get("model") or device.device_id
        word = STATUS_WORDS.get(device.status)
        status = QCoreApplication.translate("SbiStatus", word) if word else (device.status or "?")
        return f"{kind}: {model} (port {device.port}) \u2014 {status}"

    def _search_failed(self, exc: BaseException) -> None:
        if self._alive():
            self.searching = False
            self.search_button.setEnabled(True)
            self.device_list.setText(error_text(exc))

    def _tested(self, result) -> None:
        if not self._alive():
            return
        self.testing = False
        self.test_button.setEnabled(True)
        first = result.captures[0]
        pixmap = gray_pixmap(first.display, 116)
        if pixmap is not None:
            self.test_view.setPixmap(pixmap)
        scores = ", ".join(str(round(c.quality_score)) for c in result.captures)
        self._say(self.tr("Uji rekam berhasil: %1 gambar, kualitas %2. Tidak ada yang disimpan.")
                  .replace("%1", str(len(result.captures))).replace("%2", scores))

    def _test_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self.testing = False
        self.test_button.setEnabled(True)
        self.test_view.clear()
        text = message_text(exc.code, exc.params) if isinstance(exc, DeviceError) else error_text(exc)
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.status, text, "errorText" if error else "hint")
