"""Frame sources: a camera index, a video file, a single image or a folder of images.

Every source has the same small interface (`open()`, `read()`, `close()`,
`.description`, `.live`) and returns BGR frames as ``numpy`` arrays, so the
preview worker in `app.ui` and the tests do not care where frames come from.

What really happens when a USB webcam is unplugged: OpenCV's V4L2/MSMF/DShow
backends do not raise; ``VideoCapture.read()`` simply starts returning
``(False, None)`` -- at once (``VIDIOC_DQBUF`` fails with ENODEV) or after the
driver's select timeout. We model exactly that: a *live* source that gets
`max_failures` failed reads in a row raises `CameraLost`. A video file
declared live (an IP camera stream, or a test file standing in for a webcam)
behaves the same when it ends or breaks: a live stream does not "end", it is
lost. A folder source re-lists the folder when a file vanishes and is lost
when no readable image is left.

Errors are typed and carry a code (and the catalogue's Indonesian message for it,
app/core/messages.py). Messages never contain file names (a photo folder may be
named after a resident).
"""

from __future__ import annotations

import bisect
import os
import sys
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import cv2
import numpy as np

from app.core.messages import render

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
"""File suffixes treated as still images (`ImageSource`, `FolderSource`)."""

DEFAULT_MAX_FAILURES = 3
"""Failed reads in a row after which a live source is declared lost."""

DEFAULT_READ_TIMEOUT_MS = 2000
"""Asked of the camera backend so that a stalled driver cannot block a read for long."""


class CaptureError(Exception):
    """Base of the capture errors; ``str(error)`` is the operator's message.

    Attributes:
        kind: a stable machine code of the class, e.g. ``camera.unavailable``.
        code: what happened, e.g. ``camera.not_found`` (its template: app/core/messages.py).
        params: the values written into the message (none so far).
        message: the catalogue's Indonesian message for `code`.
    """

    kind = "capture.error"

    def __init__(self, code: str, params: dict[str, str] | None = None) -> None:
        self.code = code
        self.params = dict(params or {})
        self.message = render(code, self.params)
        super().__init__(self.message)


class CameraUnavailable(CaptureError):
    """The source cannot be opened (no such device, missing or unreadable file)."""

    kind = "camera.unavailable"


class CameraLost(CaptureError):
    """A source that was working stopped delivering frames (unplugged, stream broken)."""

    kind = "camera.lost"


# What happened (the codes of app/core/messages.py CAPTURE).
CAMERA_NOT_FOUND = "camera.not_found"
CAMERA_NONE_FOUND = "camera.none_found"  # no camera listed at all (app/capture/camera_list.py)
CAMERA_NO_FRAMES = "camera.no_frames"
CAMERA_DISCONNECTED = "camera.disconnected"
CAMERA_UNEXPECTED = "camera.unexpected"  # anything else went wrong (app/ui/camera_worker.py)
FILE_MISSING = "source.file_missing"
VIDEO_UNREADABLE = "source.video_unreadable"
IMAGE_UNREADABLE = "source.image_unreadable"
FOLDER_EMPTY = "source.folder_empty"
VIDEO_LOST = "source.video_lost"
FOLDER_LOST = "source.folder_lost"
NOT_OPEN = "source.not_open"


class FrameSource:
    """The interface every frame source implements.

    Call `open()` once, then `read()` repeatedly, then `close()` (or use the
    source as a context manager).

    `read()` returns a BGR ``uint8`` frame of shape (H, W, 3), or ``None`` only
    when a finite, non-live source has ended (then `finished` is true). A live
    source never returns ``None``: it raises `CameraLost` instead.

    Attributes:
        description: a short label for the operator, e.g. ``Kamera 0``.
        live: true for a real camera or a stream that must not end.
    """

    description: str = "Sumber gambar"
    live: bool = False

    def __init__(self) -> None:
        self._opened = False
        self.finished = False

    @property
    def is_open(self) -> bool:
        return self._opened

    def open(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def read(self) -> np.ndarray | None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        self._opened = False

    def frames(self, limit: int | None = None) -> Iterator[np.ndarray]:
        """Yield frames until the source ends or `limit` frames were read."""
        count = 0
        while limit is None or count < limit:
            frame = self.read()
            if frame is None:
                return
            count += 1
            yield frame

    def _require_open(self) -> None:
        if not self._opened:
            raise CameraUnavailable(NOT_OPEN)

    def __enter__(self) -> "FrameSource":
        if not self._opened:
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description!r} live={self.live}>"


def _valid_frame(frame: object) -> bool:
    return isinstance(frame, np.ndarray) and frame.ndim == 3 and frame.shape[2] == 3 and frame.size > 0


def _as_bgr(frame: np.ndarray) -> np.ndarray:
    """Bring a decoded image to 3-channel BGR uint8 (grey and BGRA files exist)."""
    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    return frame


class _CaptureBacked(FrameSource):
    """Shared logic of sources that wrap a `cv2.VideoCapture`."""

    def __init__(self, *, live: bool, max_failures: int) -> None:
        super().__init__()
        self.live = live
        self.max_failures = max(1, int(max_failures))
        self._cap: cv2.VideoCapture | None = None
        self._pending: np.ndarray | None = None  # first frame, read at open() to validate
        self.frames_read = 0

    def _grab_one(self) -> np.ndarray | None:
        assert self._cap is not None
        ok, frame = self._cap.read()
        if not ok or not _valid_frame(frame):
            return None
        return frame

    def _read_live(self) -> np.ndarray:
        """Read like a camera: retry up to `max_failures` times, then the source is lost.

        This is the unplug model: after a USB camera is pulled, every
        ``VideoCapture.read()`` returns ``(False, None)``.
        """
        for _ in range(self.max_failures):
            frame = self._grab_one()
            if frame is not None:
                self.frames_read += 1
                return frame
        self.close()
        raise CameraLost(CAMERA_DISCONNECTED)

    def _take_pending(self) -> np.ndarray | None:
        frame, self._pending = self._pending, None
        if frame is not None:
            self.frames_read += 1
        return frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._pending = None
        super().close()


class CameraSource(_CaptureBacked):
    """A webcam by index (``cv2.VideoCapture(index)``); always live.

    Args:
        index: the camera number (0 is the built-in webcam on most laptops).
        width, height: the frame size asked of the driver (it may give another).
        max_failures: failed reads in a row before `CameraLost`.
        read_timeout_ms: asked of the backend (``CAP_PROP_READ_TIMEOUT_MSEC``);
            backends that ignore it keep their own timeout.
        api: an OpenCV ``CAP_*`` backend id; default lets OpenCV choose.
    """

    def __init__(
        self,
        index: int,
        *,
        width: int = 640,
        height: int = 480,
        max_failures: int = DEFAULT_MAX_FAILURES,
        read_timeout_ms: int = DEFAULT_READ_TIMEOUT_MS,
        api: int = cv2.CAP_ANY,
    ) -> None:
        super().__init__(live=True, max_failures=max_failures)
        self.index = int(index)
        self.width = width
        self.height = height
        self.read_timeout_ms = read_timeout_ms
        self.api = api
        self.description = f"Kamera {self.index}"

    def _device_missing(self) -> bool:
        # On Linux a camera index N is /dev/videoN: check before asking OpenCV,
        # which would try every backend in turn.
        if sys.platform.startswith("linux") and self.api in (cv2.CAP_ANY, cv2.CAP_V4L2):
            return not os.path.exists(f"/dev/video{self.index}")
        return False

    def open(self) -> None:
        if self._opened:
            return
        if self.index < 0 or self._device_missing():
            raise CameraUnavailable(CAMERA_NOT_FOUND)
        cap = cv2.VideoCapture(self.index, self.api)
        if not cap.isOpened():
            cap.release()
            raise CameraUnavailable(CAMERA_NOT_FOUND)
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, self.read_timeout_ms)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # newest frame, not a stale queue
        self._cap = cap
        # Some webcams deliver a few empty frames while they start.
        for _ in range(self.max_failures + 2):
            frame = self._grab_one()
            if frame is not None:
                self._pending = frame
                break
        else:
            self.close()
            raise CameraUnavailable(CAMERA_NO_FRAMES)
        self._opened = True
        self.finished = False

    def read(self) -> np.ndarray:
        self._require_open()
        frame = self._take_pending()
        return frame if frame is not None else self._read_live()


class VideoFileSource(_CaptureBacked):
    """A video file (or stream URL) read with ``cv2.VideoCapture``.

    Args:
        path: the file, or an ``rtsp://``/``http://`` URL.
        live: if true the source stands for a camera: when the stream ends or
            breaks, `read()` raises `CameraLost` (what a live stream ending
            means). If false, the file is a recording.
        loop: for a recording: start again at the end (a demo "camera").
            Without loop, `read()` returns None at the end.
        max_failures: failed reads in a row before the source is lost.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        live: bool = False,
        loop: bool = True,
        max_failures: int = DEFAULT_MAX_FAILURES,
    ) -> None:
        super().__init__(live=live, max_failures=max_failures)
        self.path = str(path)
        self.loop = loop and not live
        self._is_url = "://" in self.path
        if self._is_url:  # never show credentials of an rtsp://user:pass@host URL
            parts = urlsplit(self.path)
            name = f"{parts.scheme}://{parts.hostname or ''}"
        else:
            name = Path(self.path).name
        self.description = f"Video: {name}"

    def open(self) -> None:
        if self._opened:
            return
        if not self._is_url and not Path(self.path).is_file():
            raise CameraUnavailable(FILE_MISSING)
        cap = cv2.VideoCapture(self.path)
        if not cap.isOpened():
            cap.release()
            raise CameraUnavailable(VIDEO_UNREADABLE)
        self._cap = cap
        frame = self._grab_one()
        if frame is None:
            self.close()
            raise CameraUnavailable(VIDEO_UNREADABLE)
        self._pending = frame
        self._opened = True
        self.finished = False

    @property
    def nominal_fps(self) -> float:
        """Frames per second stored in the file (0 when unknown)."""
        if self._cap is None:
            return 0.0
        fps = float(self._cap.get(cv2.CAP_PROP_FPS))
        return fps if fps > 0 and fps == fps else 0.0

    def read(self) -> np.ndarray | None:
        if self.finished:
            return None
        self._require_open()
        frame = self._take_pending()
        if frame is not None:
            return frame
        if self.live:
            # A live stream that stops is a lost camera, exactly as an unplugged webcam.
            return self._read_live()
        frame = self._grab_one()
        if frame is not None:
            self.frames_read += 1
            return frame
        if self.loop:
            assert self._cap is not None
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            frame = self._grab_one()
            if frame is not None:
                self.frames_read += 1
                return frame
            # The file was readable at open and now is not: it changed under us.
            self.close()
            raise CameraLost(VIDEO_LOST)
        self.finished = True
        return None


class ImageSource(FrameSource):
    """One still image, returned again on every read (as a fresh copy)."""

    live = False

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self.description = f"Gambar: {self.path.name}"
        self._frame: np.ndarray | None = None

    def open(self) -> None:
        if self._opened:
            return
        if not self.path.is_file():
            raise CameraUnavailable(FILE_MISSING)
        frame = cv2.imread(str(self.path), cv2.IMREAD_COLOR)
        if frame is None or frame.size == 0:
            raise CameraUnavailable(IMAGE_UNREADABLE)
        self._frame = _as_bgr(frame)
        self._opened = True
        self.finished = False

    def read(self) -> np.ndarray:
        self._require_open()
        assert self._frame is not None
        return self._frame.copy()

    def close(self) -> None:
        self._frame = None
        super().close()


class FolderSource(FrameSource):
    """The images of a folder, in name order, cycled forever.

    A tethered camera or a phone sync can drop pictures into a folder, so the
    folder is watched loosely: when a file vanishes or cannot be decoded the
    folder is listed again; when no readable image is left, `CameraLost`.
    """

    live = False

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self.description = f"Folder: {self.path.name}"
        self._files: list[Path] = []
        self._next = 0

    def _list(self) -> list[Path]:
        try:
            entries = sorted(self.path.iterdir())
        except OSError:
            return []
        return [p for p in entries if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]

    def open(self) -> None:
        if self._opened:
            return
        if not self.path.is_dir():
            raise CameraUnavailable(FILE_MISSING)
        self._files = self._list()
        if not self._files:
            raise CameraUnavailable(FOLDER_EMPTY)
        self._next = 0
        self._opened = True
        self.finished = False

    @property
    def file_count(self) -> int:
        return len(self._files)

    def _load(self, path: Path) -> np.ndarray | None:
        frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if frame is None or frame.size == 0:
            return None
        return _as_bgr(frame)

    def read(self) -> np.ndarray:
        self._require_open()
        attempts = len(self._files) + 1
        while self._files and attempts > 0:
            attempts -= 1
            self._next %= len(self._files)
            path = self._files[self._next]
            frame = self._load(path)
            if frame is not None:
                self._next += 1
                return frame
            # Vanished or broken: list the folder again and go on after it.
            self._files = self._list()
            self._next = bisect.bisect_right(self._files, path)
        self.close()
        raise CameraLost(FOLDER_LOST)


def open_source(
    spec: str | int | os.PathLike[str],
    *,
    live: bool | None = None,
    loop: bool = True,
) -> FrameSource:
    """Choose a frame source for `spec`; the source is returned unopened.

    Args:
        spec: ``0`` / ``"0"`` (camera index), a video file or stream URL, an
            image file, or a folder of images.
        live: only for video files and URLs: treat the end of the stream as a
            lost camera. Defaults to true for URLs, false for files.
        loop: for a video file that is not live: restart at the end.

    Raises:
        CameraUnavailable: when `spec` is empty.
    """
    if isinstance(spec, (int, np.integer)) and not isinstance(spec, bool):
        return CameraSource(int(spec))
    text = os.fspath(spec).strip() if not isinstance(spec, str) else spec.strip()
    if not text:
        raise CameraUnavailable(FILE_MISSING)
    if text.isdigit():
        return CameraSource(int(text))
    if "://" in text:
        return VideoFileSource(text, live=True if live is None else live, loop=loop)
    path = Path(text).expanduser()
    if path.is_dir():
        return FolderSource(path)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path)
    return VideoFileSource(path, live=bool(live), loop=loop)
