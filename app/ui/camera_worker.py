"""Live camera preview off the GUI thread: read frames, check them, hand over at most ~15 per second.

`CameraWorker` lives in its own `QThread`. Its `start(spec)` slot opens a frame
source (`app.capture.camera.open_source`) and runs the read loop in that
thread: every frame is read (a webcam's buffer stays fresh), but a frame is
emitted as ``frameReady(QImage, report)`` only when (a) at least
``1 / max_fps`` seconds passed since the last one and (b) the GUI has
consumed the previous one (`frame_consumed()`). So a slow GUI makes the
worker drop frames; the event queue never holds more than one.

The checks run on every frame read (`app.capture.preview.PreviewChecker`: the
face followed between full searches, the eye search when the face is still;
the same findings as `quality.assess`), with OpenCV held to one thread
(``cv2.setNumThreads(1)``): a 30 fps camera is kept up with on less than one
core, so the window keeps the other. ``assess_fps`` > 0 limits the checks per
second (frames in between carry the latest report). The report's
``metrics["assessed_frame"]`` tells which frame (by read count) it was measured
on; the photo step checks the exact frame it captures in full (`quality.assess`).

The best frame: every checked frame is scored (`quality.frame_score`) in the
camera thread, and the best one so far is kept there with its report (a copy,
taken only when the score improves). A resident who cannot sit up or hold the
head straight gets a photo with an exception from it: the photo step asks
`CameraController.best_frame()` (a lock, no pixels converted on the GUI thread)
and cuts it off the GUI thread. A new source or `reset_best()` (the step's
reset) starts over.

Stopping: `stop()` only sets a `threading.Event`, so it is safe from any
thread and returns at once; the loop checks the flag between reads and
sleeps on the same event. A read stuck in a stalled driver (the backends
block up to their read timeout) cannot be interrupted, so
`CameraController.stop()` waits at most ``timeout_ms`` and then *parks* the
thread: it keeps a reference until the thread finishes on its own (then it
closes the source), so nothing is destroyed while still running and the GUI
never blocks longer than the timeout.

`CameraController` is the GUI-side owner: it creates the thread and worker,
forwards the worker's signals through a per-worker relay (late signals of a
worker it already stopped are dropped), acknowledges each frame after its
handlers ran, and offers
`start(spec)`, `stop(timeout_ms)`, `retry()`, `set_paused()` and
`set_expected_background()`. The GUI thread never reads frames.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from shiboken6 import isValid

from app.capture import quality
from app.capture.camera import (
    CAMERA_UNEXPECTED,
    CameraSource,
    CaptureError,
    FrameSource,
    VideoFileSource,
    open_source,
)
from app.capture.face import FaceDetector
from app.capture.preview import PreviewChecker

log = logging.getLogger(__name__)

DEFAULT_MAX_FPS = 15.0
"""Most frames per second handed to the GUI."""

DEFAULT_ASSESS_FPS = 0.0
"""Most preview checks per second; 0: every frame read (the preview checker keeps up with 30 fps
on one core, and following the face needs the frames one after another)."""

STILL_FPS = 2.0
"""Reads per second from a still image or a folder (the picture does not move)."""

MAX_FILE_FPS = 30.0
"""Reads per second from a video file at most (files read as fast as the disk allows)."""

def bgr_to_qimage(frame: np.ndarray) -> QImage:
    """A deep-copied `QImage` (Format_BGR888) of a BGR uint8 frame."""
    if frame.ndim == 2:
        frame = np.repeat(frame[:, :, None], 3, axis=2)
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    image = QImage(frame.data, w, h, int(frame.strides[0]), QImage.Format.Format_BGR888)
    return image.copy()  # the numpy buffer may be reused or freed: own the pixels


def qimage_to_bgr(image: QImage) -> np.ndarray:
    """A BGR uint8 array (a copy) of a `QImage`."""
    if image.format() != QImage.Format.Format_BGR888:
        image = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)
    return raw[:, : w * 3].reshape(h, w, 3).copy()


def _read_interval(source: FrameSource) -> float:
    """Seconds between reads: a webcam paces itself, files and stills do not."""
    if isinstance(source, CameraSource):
        return 0.0
    if isinstance(source, VideoFileSource):
        fps = source.nominal_fps or DEFAULT_MAX_FPS
        return 1.0 / min(fps, MAX_FILE_FPS)
    return 1.0 / STILL_FPS


@dataclass(frozen=True)
class BestFrame:
    """The best frame the camera thread checked: its pixels (BGR, owned), report, score and read count."""

    frame: np.ndarray
    report: quality.QualityReport
    score: float
    frame_number: int


class CameraWorker(QObject):
    """Reads a frame source in its own thread and emits checked frames.

    Move it to a `QThread` and call `start` through a queued signal (see
    `CameraController`); `stop`, `frame_consumed`, `set_paused` and
    `set_expected_background` are thread-safe plain methods.

    Signals:
        opened(str): the source is open; its description (e.g. "Kamera 0").
        frameReady(QImage, object): a deep-copied frame and the latest `QualityReport`
            (measured on this frame or one at most ``1 / assess_fps`` s older).
        failed(str, object): the source could not be opened or was lost: the error's code
            and params (app/core/messages.py; shown with app.ui.texts.message_text).
        stopped(): the loop ended because of `stop()` or because a finite source ended.

    Attributes:
        frames_read, frames_emitted, frames_assessed: counters (exact after the
            thread finished, a rough figure while it runs).
    """

    opened = Signal(str)
    frameReady = Signal(QImage, object)
    failed = Signal(str, object)
    stopped = Signal()

    def __init__(self, expected_background: Any = None, *, max_fps: float = DEFAULT_MAX_FPS,
                 assess_fps: float = DEFAULT_ASSESS_FPS,
                 thresholds: quality.QualityThresholds | None = None, live: bool | None = None) -> None:
        super().__init__()
        self.max_fps = float(max_fps)
        self.assess_fps = float(assess_fps)
        self.thresholds = thresholds
        self.live = live
        self._expected = expected_background
        self._spec: Any = None
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._running = False
        self.frames_read = 0
        self.frames_emitted = 0
        self.frames_assessed = 0
        self._best: BestFrame | None = None

    # --------------------------------------------------------- thread-safe API
    def best_frame(self) -> "BestFrame | None":
        """The best checked frame since the source opened or `reset_best()` (its BGR pixels are not shared)."""
        with self._lock:
            return self._best

    def reset_best(self) -> None:
        """Forget the best frame (a retake, another resident)."""
        with self._lock:
            self._best = None

    def _consider(self, frame: np.ndarray, report: quality.QualityReport) -> None:
        score = quality.frame_score(report)
        with self._lock:
            best = self._best
        if best is None or score > best.score:
            kept = BestFrame(frame.copy(), report, score, self.frames_read)
            with self._lock:
                self._best = kept

    def stop(self) -> None:
        """Ask the loop to end; returns at once (the loop sees it after the current read)."""
        self._stop.set()

    def frame_consumed(self) -> None:
        """The GUI finished with the last emitted frame: the next one may be sent."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)

    def set_paused(self, paused: bool) -> None:
        """While paused the source is still read (a webcam stays warm) but nothing is checked or sent."""
        if paused:
            self._paused.set()
        else:
            self._paused.clear()

    def set_expected_background(self, colour: Any) -> None:
        """The background colour the checks expect ('merah'/'biru'/'oranye', an enum or None)."""
        self._expected = colour

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    # ----------------------------------------------------------------- slots
    @Slot(object)
    def start(self, spec: Any) -> None:
        """Open `spec` (camera index, video, image, folder, or an unopened `FrameSource`) and read until stopped."""
        self._spec = spec
        self._run(spec)

    @Slot()
    def retry(self) -> None:
        """Open the last source again (after `failed`)."""
        if self._spec is not None and not self._running:
            self._stop.clear()
            self._run(self._spec)

    # ------------------------------------------------------------------ loop
    def _open(self, spec: Any) -> FrameSource:
        if isinstance(spec, FrameSource):
            source = spec
        elif isinstance(spec, (str, int, os.PathLike)):
            source = open_source(spec, live=self.live)
        else:
            raise TypeError(f"unsupported frame source spec: {type(spec).__name__}")
        source.open()
        return source

    def _run(self, spec: Any) -> None:
        if self._stop.is_set():
            self.stopped.emit()
            return
        self._running = True
        source: FrameSource | None = None
        try:
            source = self._open(spec)
            # One core at most: OpenCV's own threads would take the second one from the window.
            cv2.setNumThreads(1)
            # Cascades are per thread: made here, in the worker thread.
            checker = PreviewChecker(FaceDetector())
            self.opened.emit(source.description)
            interval = _read_interval(source)
            emit_every = 1.0 / self.max_fps if self.max_fps > 0 else 0.0
            assess_every = 1.0 / self.assess_fps if self.assess_fps > 0 else 0.0
            last_emit = last_assess = -1e9
            report: quality.QualityReport | None = None
            assessed_for: Any = object()
            next_read = time.monotonic()
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:  # a finite recording ended
                    break
                self.frames_read += 1
                now = time.monotonic()
                if self._paused.is_set():
                    checker.reset()  # the scene may be another one when the preview resumes
                    report = None
                else:
                    expected = self._expected
                    if report is None or now - last_assess >= assess_every or expected is not assessed_for:
                        report = checker.check(frame, expected, self.thresholds)
                        report.metrics["assessed_frame"] = self.frames_read
                        last_assess, assessed_for = now, expected
                        self.frames_assessed += 1
                        self._consider(frame, report)
                if not self._paused.is_set() and report is not None and now - last_emit >= emit_every:
                    with self._lock:
                        free = self._in_flight == 0
                    if free:
                        image = bgr_to_qimage(frame)
                        with self._lock:
                            self._in_flight += 1
                        last_emit = now
                        self.frames_emitted += 1
                        self.frameReady.emit(image, report)
                if interval > 0:
                    next_read += interval
                    delay = next_read - time.monotonic()
                    if delay <= 0:
                        next_read = time.monotonic()  # late: do not try to catch up
                    elif self._stop.wait(delay):
                        break
        except CaptureError as exc:
            self._finish(source)
            self.failed.emit(exc.code, exc.params)
            return
        except Exception as exc:  # noqa: BLE001 - a broken driver must not kill the thread silently
            # Type only: messages could carry a file name.
            log.error("camera worker failed: %s", type(exc).__name__)
            self._finish(source)
            self.failed.emit(CAMERA_UNEXPECTED, {})
            return
        self._finish(source)
        self.stopped.emit()

    def _finish(self, source: FrameSource | None) -> None:
        if source is not None:
            try:
                source.close()
            except Exception:  # noqa: BLE001 - closing a lost device may fail
                log.warning("closing the frame source failed")
        with self._lock:
            self._in_flight = 0
        self._running = False


# Threads started and not yet finished, with their worker and relay (see `CameraController.start`).
_running: set[tuple[QThread, CameraWorker, "_Relay"]] = set()


def _orphan(worker: CameraWorker, thread: QThread) -> None:
    """The controller went away without stopping its worker: end the loop and the thread's event loop
    (a thread that ended long ago may be gone already)."""
    if isValid(worker):
        worker.stop()
    if isValid(thread) and thread.isRunning():
        thread.quit()


# Threads that did not finish within the stop timeout (a read stuck in a
# driver): kept alive here until they end, so no QThread is destroyed running.
_parked: set[tuple[QThread, CameraWorker]] = set()


def _ending() -> list[QThread]:
    """Threads told to stop that may still run: the parked ones and those whose owner went away."""
    threads = [item[0] for item in list(_parked)]
    threads += [item[0] for item in list(_running) if item[1].stop_requested and item[0] not in threads]
    return threads


def parked_count() -> int:
    """How many stopped camera threads are still finishing a blocked read."""
    return sum(1 for thread in _ending() if thread.isRunning())


def wait_parked(timeout_ms: int = 3000) -> bool:
    """Wait for parked threads to end (at application exit, or in tests). True if none is left."""
    deadline = time.monotonic() + timeout_ms / 1000.0
    for thread in _ending():
        left = max(0, int((deadline - time.monotonic()) * 1000))
        if thread.wait(left):
            for item in [i for i in list(_parked) if i[0] is thread]:
                _parked.discard(item)
    return parked_count() == 0


class _Relay(QObject):
    """Receives one worker's signals in the GUI thread and forwards them while active.

    A relay per worker (not `sender()` checks): a stopped worker may be freed
    and a new one allocated at the same address, so identity of the sender is
    not reliable for its late, already queued signals.
    """

    def __init__(self, controller: "CameraController", worker: CameraWorker, thread: QThread) -> None:
        super().__init__()  # no parent: the controller keeps it until its thread ended
        self.controller = controller
        self.thread_ = thread
        self.worker = worker
        self.active = True
        worker.opened.connect(self.on_opened)
        worker.frameReady.connect(self.on_frame)
        worker.failed.connect(self.on_failed)
        worker.stopped.connect(self.on_stopped)

    def _live(self) -> bool:
        """Active and the controller still exists (else the worker is told to end)."""
        if self.active and not isValid(self.controller):
            self.active = False
            _orphan(self.worker, self.thread_)
        return self.active

    @Slot(str)
    def on_opened(self, description: str) -> None:
        if self._live():
            self.controller.opened.emit(description)

    @Slot(QImage, object)
    def on_frame(self, image: QImage, report: object) -> None:
        try:
            if self._live():
                self.controller.frameReady.emit(image, report)
        finally:
            self.worker.frame_consumed()  # after the handlers ran: the next frame may come

    @Slot(str, object)
    def on_failed(self, code: str, params: object) -> None:
        if self._live():
            self.controller.failed.emit(code, params)

    @Slot()
    def on_stopped(self) -> None:
        if self._live():
            # The source ended on its own (a finite recording): release the thread.
            self.controller.stop(emit=False)
            self.controller.stopped.emit()


class CameraController(QObject):
    """GUI-side owner of one camera thread at a time.

    Signals:
        opened(str): the source is open (its description).
        frameReady(QImage, object): a frame and the latest `QualityReport`, at most ~`max_fps`/s.
        failed(str, object): the source could not be opened or was lost (the error's code and params).
        stopped(): the source ended on its own, or `stop()` was called.
    """

    opened = Signal(str)
    frameReady = Signal(QImage, object)
    failed = Signal(str, object)
    stopped = Signal()

    _startRequested = Signal(object)
    _retryRequested = Signal()

    def __init__(self, parent: QObject | None = None, *, max_fps: float = DEFAULT_MAX_FPS,
                 assess_fps: float = DEFAULT_ASSESS_FPS) -> None:
        super().__init__(parent)
        self.max_fps = max_fps
        self.assess_fps = assess_fps
        self._thread: QThread | None = None
        self._worker: CameraWorker | None = None
        self._relay: _Relay | None = None
        self._retired: list[_Relay] = []
        self._spec: Any = None
        self._live: bool | None = None
        self._expected: Any = None
        self.thresholds: Any = None  # quality.QualityThresholds from Pengaturan; None = defaults
        self._paused = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    # ------------------------------------------------------------------ API
    @property
    def worker(self) -> CameraWorker | None:
        return self._worker

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @property
    def spec(self) -> Any:
        return self._spec

    def start(self, spec: Any, *, live: bool | None = None) -> None:
        """Stop any running source, then open `spec` in a new thread."""
        self.stop(emit=False)
        # Relays of finished threads can go now (never from inside their own slot).
        self._retired = [r for r in self._retired if not r.thread_.isFinished()]
        self._spec, self._live = spec, live
        thread = QThread()
        thread.setObjectName("jemput-camera")
        worker = CameraWorker(self._expected, max_fps=self.max_fps, assess_fps=self.assess_fps,
                              thresholds=self.thresholds, live=live)
        worker.set_paused(self._paused)
        worker.moveToThread(thread)
        self._relay = _Relay(self, worker, thread)
        self._startRequested.connect(worker.start)
        self._retryRequested.connect(worker.retry)
        self._thread, self._worker = thread, worker
        # Owner destroyed without stop() (its widget deleted while showing): the thread still
        # ends, and is kept referenced until it did (a QThread destroyed running aborts).
        item = (thread, worker, self._relay)
        _running.add(item)
        thread.finished.connect(lambda: _running.discard(item))
        self.destroyed.connect(lambda *_: _orphan(worker, thread))
        thread.start()
        self._startRequested.emit(spec)

    def retry(self) -> None:
        """Open the last source again (after `failed`, or to reconnect)."""
        if self._spec is None:
            return
        if self._worker is not None and self._thread is not None and self._thread.isRunning() \
                and not self._worker.is_running and not self._worker.stop_requested:
            self._retryRequested.emit()
        else:
            self.start(self._spec, live=self._live)

    def stop(self, timeout_ms: int = 1000, *, emit: bool = True) -> bool:
        """Stop the source; wait at most `timeout_ms`. True if the thread ended in time.

        A thread stuck in a blocking read is parked (see module doc) and ends
        by itself when the read returns.
        """
        thread, worker, relay = self._thread, self._worker, self._relay
        self._thread = self._worker = self._relay = None
        if relay is not None:
            relay.active = False  # queued signals of this worker are ignored from now on
            self._retired.append(relay)
        if thread is None or worker is None:
            return True
        for sig, slot in ((self._startRequested, worker.start), (self._retryRequested, worker.retry)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):  # pragma: no cover - already gone
                pass
        worker.stop()
        thread.quit()
        joined = thread.wait(max(0, int(timeout_ms)))
        if not joined:
            log.warning("camera thread still in a blocking read; parked")
            _parked.add((thread, worker))
        for item in list(_parked):  # forget parked threads that ended meanwhile
            if item[0].isFinished():
                _parked.discard(item)
        if emit:
            self.stopped.emit()
        return joined

    def best_frame(self) -> BestFrame | None:
        """The best frame the running source gave so far (see module doc), or None."""
        return self._worker.best_frame() if self._worker is not None else None

    def reset_best(self) -> None:
        if self._worker is not None:
            self._worker.reset_best()

    def set_paused(self, paused: bool) -> None:
        self._paused = bool(paused)
        if self._worker is not None:
            self._worker.set_paused(self._paused)

    def set_expected_background(self, colour: Any) -> None:
        self._expected = colour
        if self._worker is not None:
            self._worker.set_expected_background(colour)

    @Slot()
    def _on_quit(self) -> None:
        self.stop(emit=False)
        wait_parked(2000)
