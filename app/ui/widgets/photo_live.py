"""The photo step's live picture: the camera thread's frames with their checks, or a panel saying why there is none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from app.capture import quality
from app.capture.camera import CAMERA_DISCONNECTED, CAMERA_NONE_FOUND, CAMERA_NOT_FOUND
from app.ui.camera_worker import CameraController
from app.ui.texts import message_text
from app.ui.widgets.photo_views import ImageView
from app.ui.widgets.step_widgets import button as _button
from app.ui.widgets.step_widgets import hint as _hint
from app.ui.widgets.step_widgets import title as _title

translate = QCoreApplication.translate


class LivePicture(QStackedWidget):
    """The preview (frame, face box, crop guide) or, without a picture, the camera panel with "Coba lagi".

    Owns the step's `CameraController` (the GUI thread never reads frames) and
    keeps the last frame it was handed and its checks.

    Signals:
        frameShown(): a new frame and its report are on screen.
        cameraChanged(): the camera started, stopped, failed or is retried: no frame now.

    Attributes:
        camera: the `CameraController`.
        state: off, starting, on or failed.
        image, report: the last frame and its `QualityReport` (None without a picture).
        held: new frames are kept but not shown (another page, or a take being checked).
    """

    frameShown = Signal()
    cameraChanged = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.camera = CameraController(self)
        self.camera.opened.connect(self._on_opened)
        self.camera.frameReady.connect(self._on_frame)
        self.camera.failed.connect(self._on_failed)
        self.camera.stopped.connect(self._on_stopped)
        self.state = "off"
        self.image: QImage | None = None
        self.report: quality.QualityReport | None = None
        self.held = False
        self.none_found = False  # the camera chooser found no camera at all
        self.preview = ImageView(translate("PhotoStep", "Menunggu gambar dari kamera…"), self)
        self.preview.setMinimumSize(400, 300)
        self.panel = QFrame(self)
        self.panel.setObjectName("card")
        cp = QVBoxLayout(self.panel)
        cp.setContentsMargins(24, 24, 24, 24)
        cp.addStretch(1)
        self.title = _title(translate("PhotoStep", "Kamera tidak aktif"), self.panel)
        self.message = _hint("", self.panel)
        self.message.setStyleSheet("font-size: 11pt;")
        self.retry_button = _button(translate("PhotoStep", "Coba lagi"), self.panel)
        self.retry_button.clicked.connect(self.retry)
        cp.addWidget(self.title)
        cp.addWidget(self.message)
        cp.addSpacing(8)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        cp.addLayout(row)
        cp.addWidget(_hint(translate(
            "PhotoStep", "Foto juga bisa diambil dari berkas: tekan \u201cImpor dari berkas\u201d di bawah."),
            self.panel))
        cp.addStretch(2)
        self.addWidget(self.preview)
        self.addWidget(self.panel)
        self._show_panel(translate("PhotoStep", "Kamera belum dinyalakan."), retry=False)

    # ------------------------------------------------------------ the camera
    def start(self, spec: Any, *, live: bool | None = None, paused: bool = False) -> None:
        """Open a frame source (camera index, video, image, folder or a `FrameSource`)."""
        self._forget("starting")
        self._show_panel(translate("PhotoStep", "Menyalakan kamera…"), retry=False,
                         title=translate("PhotoStep", "Kamera"))
        self.camera.set_paused(paused)
        self.camera.start(spec, live=live)
        self.cameraChanged.emit()

    def stop(self, timeout_ms: int = 1000) -> bool:
        """Stop the camera; returns within about `timeout_ms`. True if its thread ended in time."""
        joined = self.camera.stop(timeout_ms, emit=False)
        self._forget("off")
        self.preview.set_image(None)
        self._show_panel(translate("PhotoStep", "Kamera dimatikan."), retry=self.camera.spec is not None,
                         title=translate("PhotoStep", "Kamera tidak aktif"))
        self.cameraChanged.emit()
        return joined

    def retry(self) -> None:
        """Open the last source again (the "Coba lagi" button)."""
        if self.camera.spec is None:
            return
        self.state = "starting"
        self._show_panel(translate("PhotoStep", "Menyambungkan ulang kamera…"), retry=False,
                         title=translate("PhotoStep", "Kamera"))
        self.camera.retry()
        self.cameraChanged.emit()

    def hold(self, held: bool) -> None:
        """Keep new frames off screen (True), or show the last one again (False)."""
        self.held = held
        if not held and self.image is not None:
            self.preview.set_image(self.image, self.report)

    # ------------------------------------------------------------ internals
    def _forget(self, state: str) -> None:
        self.state = state
        self.image = None
        self.report = None

    def _show_panel(self, message: str, *, retry: bool, title: str | None = None) -> None:
        self.title.setText(title or translate("PhotoStep", "Kamera tidak aktif"))
        self.retry_button.setText(translate("PhotoStep", "Coba lagi"))
        self.message.setText(message)
        self.retry_button.setVisible(retry)
        self.setCurrentWidget(self.panel)

    @Slot(str)
    def _on_opened(self, _description: str) -> None:
        self.state = "on"
        self.preview.set_placeholder(translate("PhotoStep", "Menunggu gambar dari kamera…"))
        self.setCurrentWidget(self.preview)

    @Slot(QImage, object)
    def _on_frame(self, image: QImage, report: object) -> None:
        if not isinstance(report, quality.QualityReport):
            return
        self.state = "on"
        self.image, self.report = image, report
        if self.held:
            return
        self.setCurrentWidget(self.preview)
        self.preview.set_image(image, report)
        self.frameShown.emit()

    def show_none_found(self) -> None:
        """No camera anywhere: say what to check (there is no other camera to pick)."""
        self._forget("failed")
        self.preview.set_image(None)
        self._show_panel(message_text(CAMERA_NONE_FOUND, {}), retry=False,
                         title=translate("PhotoStep", "Tidak ada kamera"))
        self.cameraChanged.emit()

    @Slot(str, object)
    def _on_failed(self, code: str, params: dict) -> None:
        if code == CAMERA_NOT_FOUND and self.none_found:
            self.show_none_found()
            return
        self._forget("failed")
        self.preview.set_image(None)
        self._show_panel(message_text(code, params), retry=True, title=translate("PhotoStep", "Kamera bermasalah"))
        if code == CAMERA_DISCONNECTED:  # the message names this button
            self.retry_button.setText(translate("PhotoStep", "Sambungkan ulang"))
        self.cameraChanged.emit()

    @Slot()
    def _on_stopped(self) -> None:
        # The source ended on its own (a recording without loop).
        self._forget("off")
        self._show_panel(translate("PhotoStep", "Sumber gambar berhenti mengirim gambar."), retry=True,
                         title=translate("PhotoStep", "Kamera tidak aktif"))
        self.cameraChanged.emit()
