"""Pengaturan's camera section: choose the camera, watch it live, take a test photo.

The chooser lists the cameras found and the file/folder sources
(`app.ui.widgets.camera_chooser`); the preview runs in the camera thread
(`app.ui.camera_worker`) only while Pengaturan is on screen; "Uji ambil foto"
checks the frame on screen and cuts the pas foto off the GUI thread
(`app.ui.widgets.photo_take`), as the photo step would, and shows the result
and what the checks say. Nothing is stored: the page's "Simpan pengaturan"
keeps the chosen source.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from app.capture import quality
from app.ui.camera_worker import CameraController, bgr_to_qimage
from app.ui.texts import finding_text, message_text
from app.ui.widgets.camera_chooser import CameraChooser
from app.ui.widgets.form_error import show_message
from app.ui.widgets.photo_take import BLOCKED, PhotoTaker, TakeJob, TakeOutcome
from app.ui.widgets.photo_views import ImageView

PREVIEW_FPS = 10.0  # a settings preview: enough to see the picture move, lighter than the photo step


class CameraSettings(QGroupBox):
    """The "Kamera" group of Pengaturan.

    Attributes:
        chooser: the `CameraChooser`. camera: the preview's `CameraController`.
        preview, test_view: the live picture and the test photo. frames_shown: frames painted so far.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kamera"))
        self.frames_shown = 0
        self._image: QImage | None = None
        self._report: quality.QualityReport | None = None
        self._active = False
        self.chooser = CameraChooser(self)
        self.chooser.chosen.connect(self._start)
        self.chooser.listed.connect(self._listed)
        self.file_button = QPushButton(self.tr("Berkas…"), self)
        self.file_button.setToolTip(self.tr("Pakai foto, video atau folder foto sebagai kamera (latihan, uji)"))
        self.file_button.clicked.connect(self._choose_file)
        self.preview = ImageView(self.tr("Kamera belum menyala"), self)
        self.preview.setFixedSize(240, 180)
        self.test_view = ImageView(self.tr("Foto uji"), self, aspect=3 / 4)
        self.test_view.setFixedSize(135, 180)
        self.test_button = QPushButton(self.tr("Uji ambil foto"), self)
        self.test_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_capture)
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.chooser, 0, 0, 1, 2)
        grid.addWidget(self.file_button, 0, 2)
        grid.addWidget(self.preview, 1, 0)
        grid.addWidget(self.test_view, 1, 1)
        grid.addWidget(self.test_button, 2, 0)
        grid.addWidget(self.status, 3, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.camera = CameraController(self, max_fps=PREVIEW_FPS, assess_fps=2.0)
        self.camera.opened.connect(lambda _d: self._say(self.tr("Kamera menyala.")))
        self.camera.frameReady.connect(self._on_frame)
        self.camera.failed.connect(self._on_failed)
        self.taker = PhotoTaker(self)
        self.taker.finished.connect(self._on_tested)

    # ---------------------------------------------------------------- API
    def activate(self, configured, current: Any) -> None:
        """Pengaturan is on screen: list the cameras and start the chosen one."""
        self._active = True
        self._start(current)
        self.chooser.search(configured, current)

    def deactivate(self) -> None:
        """Pengaturan left: the camera stops (a hidden preview costs CPU)."""
        self._active = False
        self.camera.stop(emit=False)
        self._forget()

    def chosen_spec(self) -> Any:
        """What "Simpan pengaturan" keeps: the chooser's entry, else the source running now."""
        spec = self.chooser.current_spec()
        return spec if spec is not None else self.camera.spec

    def test_capture(self) -> bool:
        """Check the frame on screen and cut the pas foto, off the GUI thread (False: no frame yet, or busy)."""
        if self._image is None or self.taker.busy:
            return False
        self.test_button.setEnabled(False)
        self._say(self.tr("Memeriksa foto uji…"))
        return self.taker.start(TakeJob("camera", image=self._image, thresholds=self.camera.thresholds))

    # ------------------------------------------------------------ internals
    def _start(self, spec: Any) -> None:
        if spec is None or not self._active:
            return
        self._forget()
        self._say(self.tr("Menyalakan kamera…"))
        self.camera.start(spec)

    def _forget(self) -> None:
        self._image = self._report = None
        self.preview.set_image(None)
        self.test_button.setEnabled(False)

    @Slot(list)
    def _listed(self, choices: list) -> None:
        if not choices:
            self._say(message_text("camera.none_found", {}), error=True)
        elif not self.camera.is_running or not self.chooser.is_current(self.camera.spec):
            self._start(self.chooser.current_spec())

    @Slot(QImage, object)
    def _on_frame(self, image: QImage, report: object) -> None:
        if not isinstance(report, quality.QualityReport):
            return
        first = self._image is None
        self._image, self._report = image, report
        self.preview.set_image(image, report)
        self.frames_shown += 1
        if first:
            self.test_button.setEnabled(not self.taker.busy)

    @Slot(str, object)
    def _on_failed(self, code: str, params: object) -> None:
        self._forget()
        none = self.chooser.none_found and code == "camera.not_found"
        self._say(message_text("camera.none_found" if none else code, params or {}), error=True)

    @Slot(object)
    def _on_tested(self, outcome: TakeOutcome | None) -> None:
        self.test_button.setEnabled(self._image is not None)
        if outcome is None:
            return
        if not outcome.ok:
            self.test_view.set_image(None)
            if outcome.problem == BLOCKED and outcome.finding is not None:
                self._say(self.tr("Foto uji tidak bisa dipakai: ") + finding_text(outcome.finding), error=True)
            else:
                self._say(self.tr("Foto uji tidak bisa dipotong di sekitar wajah."), error=True)
            return
        capture = outcome.capture
        self.test_view.set_image(bgr_to_qimage(capture.image))
        frame_h, frame_w = capture.frame.shape[:2]
        size = f"{frame_w}×{frame_h}"
        if capture.report.findings:
            text = self.tr("Foto uji %1 piksel. Catatan: ").replace("%1", size) + "; ".join(
                finding_text(f) for f in capture.report.findings[:2])
        else:
            text = self.tr("Foto uji %1 piksel: wajah terlihat, semua pemeriksaan lolos.").replace("%1", size)
        self._say(text, error=False)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto atau video sebagai kamera"), "",
            self.tr("Gambar atau video (*.jpg *.jpeg *.png *.bmp *.webp *.avi *.mp4 *.mkv);;Semua berkas (*)"))
        if path:
            self.chooser.add_source(path)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_message(self.status, text, "errorText" if error else "hint")
