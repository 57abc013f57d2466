"""A take of the photo step off the GUI thread: read the picture, check it once more, cut the pas foto.

`run_take` is the work (no widgets, no Qt objects but the frame's `QImage`);
`PhotoTaker` runs one take at a time on the global thread pool
(`app.ui.workers.run_task`, STYLE §4) and hands the `TakeOutcome` back on the
GUI thread by its ``finished`` signal. A take costs ~100-200 ms (the checks,
then the crop) on a loaded laptop: that used to freeze the window per press.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage
from shiboken6 import isValid

from app.capture import quality
from app.capture.face import Box, FaceDetector, NoFaceFound, centre_portrait, make_portrait
from app.core.findings import Finding, Severity, finding
from app.core.photo_rules import BackgroundColour
from app.ui.camera_worker import qimage_to_bgr
from app.ui.widgets.photo_result import Capture
from app.ui.workers import run_task

MAX_IMPORT_WIDTH = 1600
"""Imported pictures wider than this are shrunk first (a phone photo is 4000 px wide)."""

BLOCKING_CODES = frozenset({"photo.no_face", "photo.multiple_faces"})
NO_FACE = finding("photo.no_face", quality.FIELD, Severity.ERROR)

EXCEPTION = "exception"
"""The source of a take for a photo with an exception (the camera's best frame)."""

# Why a take gave no photo (the step words them for the operator):
UNREADABLE = "unreadable"
"""The file is missing, unreadable or no picture."""
BLOCKED = "blocked"
"""No face or more than one face: `TakeOutcome.finding` says which."""
UNCUT = "uncut"
"""No pas foto could be cut around the face (or the work failed unexpectedly)."""


@dataclass(frozen=True)
class TakeJob:
    """What one take works on.

    Attributes:
        source: ``camera`` (then `image` is the frame on screen), ``file`` (then `path`)
            or ``exception`` (then `frame` is the camera's best frame, see below).
        frame: BGR pixels to use as they are (the best frame kept by the camera thread).
        expected: the background colour the checks expect, or None.
        thresholds: the limits from Pengaturan, or None for the calibrated defaults.

    An ``exception`` take is never blocked: the portrait is cut around the face
    when one was found, else from the middle of the frame (`centre_portrait`),
    and the failed checks travel with it.
    """

    source: str
    image: QImage | None = None
    path: str | None = None
    expected: BackgroundColour | None = None
    thresholds: quality.QualityThresholds | None = None
    frame: np.ndarray | None = None

    @property
    def exception(self) -> bool:
        return self.source == EXCEPTION


@dataclass(frozen=True)
class TakeOutcome:
    """The result of a take.

    Attributes:
        capture: the photo to review, or None when the take gave none.
        problem: empty, or UNREADABLE / BLOCKED / UNCUT.
        finding: the blocking finding (for BLOCKED).
        thread_id: `threading.get_ident()` of the thread that did the work.
        work_ms: how long the work took.
    """

    source: str
    capture: Capture | None = None
    problem: str = ""
    finding: Finding | None = None
    thread_id: int = 0
    work_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.capture is not None


def blocking_finding(report: quality.QualityReport) -> Finding | None:
    """The finding that rules a photo out (no face, several faces), or None when one can be cut."""
    blocking = [f for f in report.findings if f.code in BLOCKING_CODES]
    if blocking:
        return blocking[0]
    return NO_FACE if report.face_box is None else None


def read_picture(path: str | Path) -> np.ndarray | None:
    """A BGR frame of the picture at `path` (shrunk to `MAX_IMPORT_WIDTH`), or None when it cannot be read."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
        frame = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    except OSError:
        frame = None
    if frame is None or frame.size == 0:
        return None
    if frame.shape[1] > MAX_IMPORT_WIDTH:
        k = MAX_IMPORT_WIDTH / frame.shape[1]
        frame = cv2.resize(frame, (MAX_IMPORT_WIDTH, int(round(frame.shape[0] * k))),
                           interpolation=cv2.INTER_AREA)
    return frame


def run_take(job: TakeJob, detector: FaceDetector | None = None) -> TakeOutcome:
    """The whole take: the frame, the checks on exactly that frame, the 3:4 portrait around the face."""
    started = time.perf_counter()

    def outcome(**kwargs: Any) -> TakeOutcome:
        return TakeOutcome(source=job.source, thread_id=threading.get_ident(),
                           work_ms=(time.perf_counter() - started) * 1000.0, **kwargs)

    if job.frame is not None:
        frame = job.frame
    else:
        frame = qimage_to_bgr(job.image) if job.image is not None else read_picture(job.path or "")
    if frame is None:
        return outcome(problem=UNREADABLE)
    report = quality.assess(frame, job.expected, job.thresholds, detector=detector)
    if job.exception:
        return outcome(capture=_exception_capture(frame, report, detector))
    blocking = blocking_finding(report)
    if blocking is not None:
        return outcome(problem=BLOCKED, finding=blocking)
    face = Box(*report.face_box)
    try:
        portrait = make_portrait(frame, face, detector=detector)
    except (NoFaceFound, ValueError):
        return outcome(problem=UNCUT)
    return outcome(capture=Capture(frame=frame, report=report, face=face, jpeg=portrait.jpeg,
                                   image=portrait.image, source=job.source))


def _exception_capture(frame: np.ndarray, report: quality.QualityReport,
                       detector: FaceDetector | None) -> Capture:
    """The portrait of a photo with an exception: around the face when there is exactly one, else the middle."""
    portrait = None
    if report.face_box is not None and blocking_finding(report) is None:
        try:
            portrait = make_portrait(frame, Box(*report.face_box), detector=detector)
        except (NoFaceFound, ValueError):
            portrait = None
    if portrait is None:
        portrait = centre_portrait(frame)
    return Capture(frame=frame, report=report, face=portrait.face, jpeg=portrait.jpeg,
                   image=portrait.image, source=EXCEPTION)


@dataclass
class _Run:
    token: int
    source: str
    detector: list[FaceDetector | None] = field(default_factory=lambda: [None])


class PhotoTaker(QObject):
    """Runs one take at a time off the GUI thread; the work never touches widgets.

    Signals:
        finished(object): on the GUI thread when a take ends: its `TakeOutcome`, or
            None for a take `cancel()`ed meanwhile (nothing is sent once the taker is deleted).
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detector: list[FaceDetector | None] = [None]  # made on the first take, in the worker
        self._token = 0
        self._running = False

    @property
    def busy(self) -> bool:
        """A take is being worked on (a new one is refused until it ends)."""
        return self._running

    def start(self, job: TakeJob) -> bool:
        """Start a take; False while one is still running."""
        if self._running:
            return False
        self._running = True
        self._token += 1
        run = _Run(self._token, job.source, self._detector)

        def work() -> TakeOutcome:  # on a pool thread; one take at a time uses the detector
            if run.detector[0] is None:
                run.detector[0] = FaceDetector()
            return run_take(job, run.detector[0])

        run_task(work, lambda outcome: self._finish(run, outcome),
                 lambda _exc: self._finish(run, TakeOutcome(source=run.source, problem=UNCUT)),
                 pool=QThreadPool.globalInstance())
        return True

    def cancel(self) -> None:
        """Drop the running take's outcome (it still runs to its end; `busy` stays until then)."""
        self._token += 1

    def _finish(self, run: _Run, outcome: TakeOutcome) -> None:
        if not isValid(self):
            return  # the step was closed and deleted meanwhile: nothing left to show
        self._running = False
        self.finished.emit(outcome if run.token == self._token else None)
