"""Face finding and the pas-foto crop: detect, pick the subject, crop 3:4, encode JPEG.

Detection uses OpenCV's Haar frontal-face cascade on a downscaled, equalised
grey image (320 px wide by default) for speed; eyes are found with the eye
cascade inside the upper part of the face box, for the tilt angle and to
centre the crop.

Portrait geometry (measured on the test photos): the Haar box runs from about
the eyebrows to below the mouth; the crown of the head is about 0.28 box
heights above its top and the chin about 0.12 below its bottom, so the head
is about 1.4 box heights. A pas foto wants the head to fill ~65 % of the
height with a ~10 % margin above the crown, which gives a crop 2.15 box
heights tall (3:4, so 1.61 wide) starting 0.5 box heights above the box; the
eyes then sit at ~41 % of the height (upper half) and the face is centred
horizontally on the eyes (or the box centre when no eyes are found).

The crop is resized to 480x640 and encoded as JPEG: quality starts at 90 and
steps down by 5 until the file is <= 60 KB, never below 75 (a few KB over
is better than visible blocks on an identity photo).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Sequence

import cv2
import numpy as np

PORTRAIT_SIZE = (480, 640)  # width, height: 3:4
MAX_JPEG_BYTES = 60_000
JPEG_START_QUALITY = 90
JPEG_MIN_QUALITY = 75
JPEG_QUALITY_STEP = 5


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixel coordinates of the full frame."""

    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> float:
        return self.x + self.w / 2.0

    @property
    def cy(self) -> float:
        return self.y + self.h / 2.0

    @property
    def area(self) -> int:
        return self.w * self.h

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)

    def scaled(self, factor: float) -> "Box":
        return Box(
            int(round(self.x * factor)),
            int(round(self.y * factor)),
            int(round(self.w * factor)),
            int(round(self.h * factor)),
        )


@dataclass(frozen=True)
class Eyes:
    """The centres of the two eyes (image left first), full-frame coordinates."""

    left: tuple[float, float]
    right: tuple[float, float]

    @property
    def angle_deg(self) -> float:
        """Roll of the line through the eyes; positive when the image-right eye is lower."""
        dx = self.right[0] - self.left[0]
        dy = self.right[1] - self.left[1]
        return math.degrees(math.atan2(dy, dx))

    @property
    def midpoint(self) -> tuple[float, float]:
        return ((self.left[0] + self.right[0]) / 2.0, (self.left[1] + self.right[1]) / 2.0)

    @property
    def distance(self) -> float:
        return math.hypot(self.right[0] - self.left[0], self.right[1] - self.left[1])


@dataclass(frozen=True)
class Detection:
    """Faces found in one frame, the subject first.

    Attributes:
        faces: all faces, best subject first (largest and most central).
        small_grey: the equalised grey image the detector ran on (reused by checks).
        scale: small image size / frame size.
        small_bgr: the shrunk colour frame (reused by the background checks).
        cascade: which cascade found the faces ("default", "alt2" or "none").
    """

    faces: tuple[Box, ...]
    small_grey: np.ndarray
    scale: float
    small_bgr: np.ndarray | None = None
    cascade: str = "default"

    @property
    def subject(self) -> Box | None:
        return self.faces[0] if self.faces else None


def _cascade(name: str) -> cv2.CascadeClassifier:
    path = cv2.data.haarcascades + name
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():  # pragma: no cover - broken OpenCV install
        raise RuntimeError(f"OpenCV cascade not loadable: {name}")
    return cascade


class FaceDetector:
    """Haar-cascade face and eye finder. One instance per thread (cascades are not thread-safe).

    Args:
        detect_width: the width the frame is shrunk to before detection.
        min_face_fraction: the smallest face looked for, as a fraction of the
            frame height (smaller faces are ignored, which also saves time).
        scale_factor, min_neighbors: `detectMultiScale` parameters.
    """

    def __init__(
        self,
        detect_width: int = 320,
        min_face_fraction: float = 0.12,
        scale_factor: float = 1.15,
        min_neighbors: int = 5,
    ) -> None:
        self.detect_width = int(detect_width)
        self.min_face_fraction = float(min_face_fraction)
        self.scale_factor = float(scale_factor)
        self.min_neighbors = int(min_neighbors)
        self._faces = _cascade("haarcascade_frontalface_default.xml")
        # Second opinion when the default cascade sees nothing: "alt2" keeps
        # finding faces behind dark spectacle frames (measured on the drawn
        # glasses cases, see tests/capture/cases.py) at ~11 ms, paid only on
        # frames without a face.
        self._faces_fallback = _cascade("haarcascade_frontalface_alt2.xml")
        self._eyes = _cascade("haarcascade_eye.xml")

    def shrink(self, frame: np.ndarray) -> tuple[np.ndarray, float]:
        """The frame shrunk to `detect_width` (not enlarged), and the scale used."""
        h, w = frame.shape[:2]
        scale = min(1.0, self.detect_width / float(w))
        if scale < 1.0:
            small = cv2.resize(frame, (self.detect_width, max(1, int(round(h * scale)))),
                               interpolation=cv2.INTER_AREA)
        else:
            small = frame
        return small, scale

    def prepare(self, frame: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
        """(shrunk frame, scale, its equalised grey image): what `detect` and `find_near` search."""
        small, scale = self.shrink(frame)
        grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
        return small, scale, cv2.equalizeHist(grey)

    def detect(self, frame: np.ndarray,
               prepared: tuple[np.ndarray, float, np.ndarray] | None = None,
               min_height: int = 0) -> Detection:
        """Find faces in a BGR (or grey) frame; the subject comes first.

        `prepared` is `prepare(frame)` when the caller already made it.
        `min_height` (frame pixels) raises the smallest face looked for above
        `min_face_fraction`: the faces above it come out the same (the same
        scales are scanned, the smaller ones skipped), in less time (the
        small scales cost most).
        """
        small, scale, grey = prepared if prepared is not None else self.prepare(frame)
        side = max(16, int(self.min_face_fraction * grey.shape[0]), int(min_height * scale))
        cascade = "default"
        found = self._faces.detectMultiScale(
            grey, scaleFactor=self.scale_factor, minNeighbors=self.min_neighbors,
            minSize=(side, side),
        )
        if len(found) == 0:
            cascade = "alt2"
            found = self._faces_fallback.detectMultiScale(
                grey, scaleFactor=self.scale_factor, minNeighbors=3, minSize=(side, side),
            )
            if len(found) == 0:
                cascade = "none"
        boxes = [Box(int(x), int(y), int(w), int(h)).scaled(1.0 / scale) for (x, y, w, h) in found]
        ordered = order_subjects(boxes, frame.shape[:2])
        return Detection(tuple(ordered), grey, scale, small if small.ndim == 3 else None, cascade)

    NEAR_NEIGHBORS = 3
    """`minNeighbors` of `find_near`: its window holds a few scales of one face, so the full
    search's 5 lose small faces and faces behind spectacle frames (on the test cases decoded
    from a video: 47 of 51 frames found with 5, all 51 with 3, none on frames without a face).
    A face blurred past what `detect` finds is kept a little more often (8 of 14 boxes against
    3): the preview's full search, every few frames, drops it."""

    def find_near(self, grey: np.ndarray, scale: float, face: Box) -> Box | None:
        """The face again, looked for only around `face` and at sizes near its own (full-frame box).

        Searches the equalised detection image `grey` (`prepare`) in a window
        of 1.7 face widths with face sizes 0.75-1.35 times the last one, with
        the default cascade and, as `detect` does, the "alt2" one when that
        sees nothing: a few per cent of the work of `detect`, used to follow a
        face between full detections. None when it is not there any more.
        """
        b = face.scaled(scale)
        if b.w < 16:
            return None
        gh, gw = grey.shape[:2]
        margin = int(round(0.35 * b.w))
        x0, y0 = max(0, b.x - margin), max(0, b.y - margin)
        x1, y1 = min(gw, b.x + b.w + margin), min(gh, b.y + b.h + margin)
        lo, hi = max(16, int(0.75 * b.w)), int(math.ceil(1.35 * b.w))
        if x1 - x0 < lo or y1 - y0 < lo:
            return None
        window = grey[y0:y1, x0:x1]
        found: Sequence = ()
        for finder in (self._faces, self._faces_fallback):
            found = finder.detectMultiScale(window, scaleFactor=self.scale_factor,
                                            minNeighbors=self.NEAR_NEIGHBORS, minSize=(lo, lo), maxSize=(hi, hi))
            if len(found):
                break
        if len(found) == 0:
            return None
        cx, cy = b.cx - x0, b.cy - y0
        x, y, w, h = min(found, key=lambda r: (r[0] + r[2] / 2 - cx) ** 2 + (r[1] + r[3] / 2 - cy) ** 2)
        return Box(int(x) + x0, int(y) + y0, int(w), int(h)).scaled(1.0 / scale)

    def find_eyes(self, grey_full: np.ndarray, face: Box) -> Eyes | None:
        """Find the two eyes inside `face` on a full-resolution grey image.

        The upper 60 % of the face box is normalised to 120 px wide; candidate
        pairs must sit in opposite halves, be of similar size and 0.25-0.65
        face widths apart. Returns None when no plausible pair is found.
        """
        H, W = grey_full.shape[:2]
        x0, y0 = max(0, face.x), max(0, face.y)
        x1, y1 = min(W, face.x + face.w), min(H, face.y + int(face.h * 0.6))
        if x1 - x0 < 20 or y1 - y0 < 12:
            return None
        roi = grey_full[y0:y1, x0:x1]
        k = 120.0 / roi.shape[1]
        roi = cv2.resize(roi, (120, max(1, int(round(roi.shape[0] * k)))), interpolation=cv2.INTER_AREA)
        # Contrast stretch (not histogram equalisation, which erases the eyes).
        roi = cv2.normalize(roi, None, 0, 255, cv2.NORM_MINMAX)
        found = self._eyes.detectMultiScale(roi, scaleFactor=1.1, minNeighbors=3, minSize=(14, 14),
                                            maxSize=(60, 60))
        cands = [(x + w / 2.0, y + h / 2.0, float(w)) for (x, y, w, h) in found]
        best: tuple[float, tuple, tuple] | None = None
        for i, a in enumerate(cands):
            for b in cands[i + 1:]:
                left, right = (a, b) if a[0] <= b[0] else (b, a)
                if left[0] > 60 or right[0] < 60:
                    continue
                dist = math.hypot(right[0] - left[0], right[1] - left[1])
                if not 0.25 * 120 <= dist <= 0.65 * 120:
                    continue
                if max(left[2], right[2]) > 1.6 * min(left[2], right[2]):
                    continue
                if abs(right[1] - left[1]) > 0.6 * dist:  # more than ~31 degrees
                    continue
                # Prefer pairs placed symmetrically around the face centre.
                score = abs((left[0] + right[0]) / 2.0 - 60) + abs(dist - 0.42 * 120)
                if best is None or score < best[0]:
                    best = (score, left, right)
        if best is None:
            return None
        _, left, right = best
        return Eyes(
            (x0 + left[0] / k, y0 + left[1] / k),
            (x0 + right[0] / k, y0 + right[1] / k),
        )


_local = threading.local()


def default_detector() -> FaceDetector:
    """A `FaceDetector` for the calling thread, created once."""
    det = getattr(_local, "detector", None)
    if det is None:
        det = FaceDetector()
        _local.detector = det
    return det


def order_subjects(faces: Sequence[Box], frame_hw: tuple[int, int]) -> list[Box]:
    """Sort faces best subject first: large and near the frame centre.

    Score = area x (1 - 0.5 x distance of the face centre from the frame
    centre, relative to half the diagonal).
    """
    H, W = frame_hw
    half_diag = math.hypot(W / 2.0, H / 2.0) or 1.0

    def score(b: Box) -> float:
        d = math.hypot(b.cx - W / 2.0, b.cy - H / 2.0) / half_diag
        return b.area * (1.0 - 0.5 * min(1.0, d))

    return sorted(faces, key=score, reverse=True)


def pick_subject(faces: Sequence[Box], frame_hw: tuple[int, int]) -> Box | None:
    """The face to photograph (largest, most central), or None."""
    ordered = order_subjects(faces, frame_hw)
    return ordered[0] if ordered else None


@dataclass(frozen=True)
class PortraitGeometry:
    """Where the head goes in the pas foto, in Haar face-box units (see module doc)."""

    crop_height_per_box: float = 2.15
    top_above_box: float = 0.50
    aspect: float = 3.0 / 4.0  # width / height


def portrait_box(face: Box, eyes: Eyes | None = None,
                 geometry: PortraitGeometry = PortraitGeometry()) -> Box:
    """The 3:4 crop rectangle for `face` (may reach outside the frame)."""
    h = geometry.crop_height_per_box * face.h
    w = h * geometry.aspect
    cx = eyes.midpoint[0] if eyes is not None else face.cx
    top = face.y - geometry.top_above_box * face.h
    return Box(int(round(cx - w / 2.0)), int(round(top)), int(round(w)), int(round(h)))


def crop_padded(frame: np.ndarray, box: Box) -> np.ndarray:
    """Cut `box` out of `frame`, padding with replicated edge pixels where it leaves the frame."""
    H, W = frame.shape[:2]
    x0, y0, x1, y1 = box.x, box.y, box.x + box.w, box.y + box.h
    pad_l, pad_t = max(0, -x0), max(0, -y0)
    pad_r, pad_b = max(0, x1 - W), max(0, y1 - H)
    inner = frame[max(0, y0):min(H, y1), max(0, x0):min(W, x1)]
    if inner.size == 0:
        raise ValueError("crop box lies outside the frame")
    if pad_l or pad_t or pad_r or pad_b:
        inner = cv2.copyMakeBorder(inner, pad_t, pad_b, pad_l, pad_r, cv2.BORDER_REPLICATE)
    return inner


def crop_portrait(frame: np.ndarray, face: Box, eyes: Eyes | None = None,
                  size: tuple[int, int] = PORTRAIT_SIZE) -> np.ndarray:
    """The pas-foto crop of `face`, resized to `size` (width, height)."""
    crop = crop_padded(frame, portrait_box(face, eyes))
    interp = cv2.INTER_AREA if crop.shape[1] >= size[0] else cv2.INTER_CUBIC
    return cv2.resize(crop, size, interpolation=interp)


def encode_jpeg(image: np.ndarray, max_bytes: int = MAX_JPEG_BYTES,
                start_quality: int = JPEG_START_QUALITY,
                min_quality: int = JPEG_MIN_QUALITY) -> tuple[bytes, int]:
    """Encode as JPEG at the highest quality (stepping by 5) that fits `max_bytes`.

    Returns (data, quality). Never goes below `min_quality`: if even that is
    too big, the `min_quality` encoding is returned (the caller can see its size).
    """
    quality = start_quality
    while True:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality,
                                               cv2.IMWRITE_JPEG_OPTIMIZE, 1])
        if not ok:  # pragma: no cover - OpenCV encoder failure
            raise RuntimeError("JPEG encoding failed")
        data = buf.tobytes()
        if len(data) <= max_bytes or quality - JPEG_QUALITY_STEP < min_quality:
            return data, quality
        quality -= JPEG_QUALITY_STEP


@dataclass(frozen=True)
class Portrait:
    """A finished pas foto.

    Attributes:
        jpeg: the JPEG bytes (480x640).
        image: the decoded-size BGR image before encoding.
        quality: the JPEG quality used.
        box: the crop rectangle in the source frame.
        face: the face it was cut around.
    """

    jpeg: bytes
    image: np.ndarray
    quality: int
    box: Box
    face: Box


class NoFaceFound(ValueError):
    """No face to crop around."""


def centre_portrait(frame: np.ndarray, *, max_bytes: int = MAX_JPEG_BYTES) -> Portrait:
    """A 3:4 portrait from the middle of the whole frame, for a photo kept with an exception
    when no face was found (the resident lies down, the head is turned): nothing is lost,
    the supervisor sees what the camera saw."""
    H, W = frame.shape[:2]
    w = min(W, int(round(H * 3 / 4)))
    h = int(round(w * 4 / 3))
    box = Box((W - w) // 2, (H - h) // 2, w, h)
    crop = crop_padded(frame, box)
    interp = cv2.INTER_AREA if crop.shape[1] >= PORTRAIT_SIZE[0] else cv2.INTER_CUBIC
    image = cv2.resize(crop, PORTRAIT_SIZE, interpolation=interp)
    data, quality = encode_jpeg(image, max_bytes=max_bytes)
    return Portrait(data, image, quality, box, box)


def make_portrait(frame: np.ndarray, face: Box | None = None, *,
                  detector: FaceDetector | None = None,
                  max_bytes: int = MAX_JPEG_BYTES) -> Portrait:
    """Detect (unless `face` is given), crop 3:4, resize to 480x640 and encode.

    Raises:
        NoFaceFound: when no face is given and none is found.
    """
    det = detector or default_detector()
    if face is None:
        face = det.detect(frame).subject
        if face is None:
            raise NoFaceFound("Wajah tidak ditemukan pada foto.")
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    eyes = det.find_eyes(grey, face)
    box = portrait_box(face, eyes)
    image = crop_portrait(frame, face, eyes)
    data, quality = encode_jpeg(image, max_bytes=max_bytes)
    return Portrait(data, image, quality, box, face)
