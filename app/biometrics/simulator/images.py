"""Generated biometric images for the simulator: ridge-pattern fingerprints and iris-like eyes, in ISO records.

A fingerprint is a loop of ridges around a core (``sin`` of a warped distance
and angle) with filtered noise and an elliptic finger mask; an iris is a dark
pupil, a textured ring of radial fibres and a lighter sclera. Both are seeded
by position, so the same finger looks the same every time; none is a person's.
Each image goes into its ISO record (19794-4 finger, 19794-6 iris) as lossless
JPEG 2000 when OpenCV can write it, else PNG (both allowed by the standards).
"""

from __future__ import annotations

import datetime as dt
import functools
import zlib

import cv2
import numpy as np

from app.core.biometric_records import (
    COMPRESSION_JPEG2000_LOSSLESS, COMPRESSION_PNG, IRIS_MONO_JPEG2000, IRIS_MONO_PNG, FingerView, IrisView,
    QualityBlock, build_finger_record, build_iris_record,
)

FINGER_SIZE = (320, 400)  # width, height: 0.64 × 0.8 inch at 500 ppi
IRIS_SIZE = (640, 480)  # the standard's VGA iris image
LOSSLESS_JP2 = [cv2.IMWRITE_JPEG2000_COMPRESSION_X1000, 1000]  # OpenCV's default is lossy
NFIQ2_VENDOR, NFIQ2_ALGORITHM = 0x0101, 0x0000  # "quality by NFIQ 2" as the simulator's own claim


def _seed(*parts: object) -> int:
    return zlib.crc32(repr(parts).encode("utf-8"))


@functools.lru_cache(maxsize=1)
def jpeg2000_available() -> bool:
    """Whether this OpenCV writes (and reads back) JPEG 2000."""
    probe = (np.arange(64 * 64, dtype=np.uint32).reshape(64, 64) * 37 % 251).astype(np.uint8)
    try:
        ok, data = cv2.imencode(".jp2", probe, LOSSLESS_JP2)
    except cv2.error:
        return False
    back = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if ok else None
    return back is not None and bool((back == probe).all())


def encode(image: np.ndarray) -> tuple[bytes, str]:
    """`image` losslessly compressed: (bytes, "jpeg2000" or "png")."""
    if jpeg2000_available():
        ok, data = cv2.imencode(".jp2", image, LOSSLESS_JP2)
        if ok:
            return data.tobytes(), "jpeg2000"
    ok, data = cv2.imencode(".png", image)
    return data.tobytes(), "png"


def fingerprint(position: int, quality: float = 85.0, size: tuple[int, int] = FINGER_SIZE) -> np.ndarray:
    """A grey ridge pattern for ISO finger `position`; a lower `quality` adds noise and washes it out."""
    width, height = size
    rng = np.random.default_rng(_seed("finger", position))
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = width * rng.uniform(0.4, 0.6), height * rng.uniform(0.4, 0.55)
    dx, dy = x - cx, (y - cy) * 1.25
    radius = np.sqrt(dx * dx + dy * dy)
    angle = np.arctan2(dy, dx)
    warp = cv2.GaussianBlur(rng.normal(0, 1, (height, width)).astype(np.float32), (0, 0), 25) * 60
    period = rng.uniform(8.5, 10.5)
    ridges = np.sin(2 * np.pi * (radius + warp + 6 * np.sin(angle * 2 + rng.uniform(0, 6))) / period)
    noise_level = 0.15 + (100 - quality) / 100 * 1.4
    noise = cv2.GaussianBlur(rng.normal(0, noise_level, (height, width)).astype(np.float32), (0, 0), 1.2)
    pattern = ridges + noise
    mask = ((x - width / 2) / (width * 0.45)) ** 2 + ((y - height / 2) / (height * 0.48)) ** 2 <= 1
    contrast = 0.35 + 0.6 * quality / 100
    image = 255 - (pattern * 0.5 + 0.5).clip(0, 1) * 255 * contrast
    image[~mask] = 245
    return image.clip(0, 255).astype(np.uint8)


def iris(eye_label: int, quality: float = 85.0, size: tuple[int, int] = IRIS_SIZE) -> np.ndarray:
    """A grey eye: pupil, fibrous iris ring, sclera; a lower `quality` blurs it."""
    width, height = size
    rng = np.random.default_rng(_seed("iris", eye_label))
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = width / 2, height / 2
    radius = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
    angle = np.arctan2(y - cy, x - cx)
    iris_r, pupil_r = height * 0.3, height * 0.3 * rng.uniform(0.3, 0.45)
    fibres = sum(np.sin(angle * k + rng.uniform(0, 6)) * rng.uniform(0.2, 1) for k in (23, 41, 67, 97))
    rings = np.sin(radius / rng.uniform(3, 5))
    texture = 110 + 25 * fibres / 2 + 10 * rings + rng.normal(0, 6, (height, width))
    image = np.full((height, width), 200, np.float32)
    image[radius <= iris_r] = texture[radius <= iris_r]
    image[radius <= pupil_r] = 25
    image[(np.abs(y - cy) > height * 0.42)] = 150  # eyelids
    if quality < 60:
        image = cv2.GaussianBlur(image, (0, 0), 1 + (60 - quality) / 8)
    return image.clip(0, 255).astype(np.uint8)


@functools.lru_cache(maxsize=64)
def finger_record(position: int, quality: int, when: dt.datetime | None = None) -> bytes:
    """A 19794-4 record of one generated finger with `quality` in its quality block."""
    image = fingerprint(position, quality)
    data, kind = encode(image)
    view = FingerView(position=position, image=data, width=image.shape[1], height=image.shape[0],
                      compression=COMPRESSION_JPEG2000_LOSSLESS if kind == "jpeg2000" else COMPRESSION_PNG,
                      quality=(QualityBlock(int(quality), NFIQ2_VENDOR, NFIQ2_ALGORITHM),), captured=when)
    return build_finger_record([view])


@functools.lru_cache(maxsize=16)
def iris_record(eye_label: int, quality: int, when: dt.datetime | None = None) -> bytes:
    """A 19794-6 record of one generated eye."""
    image = iris(eye_label, quality)
    data, kind = encode(image)
    view = IrisView(eye_label=eye_label, image=data, width=image.shape[1], height=image.shape[0],
                    image_format=IRIS_MONO_JPEG2000 if kind == "jpeg2000" else IRIS_MONO_PNG,
                    quality=(QualityBlock(int(quality), NFIQ2_VENDOR, NFIQ2_ALGORITHM),), captured=when,
                    iris_diameter=int(image.shape[0] * 0.6))
    return build_iris_record([view])


def preview_frame(text: str, tick: int, size: tuple[int, int] = (320, 240)) -> bytes:
    """One JPEG of the preview stream: a moving ridge patch and `text` (status, score)."""
    width, height = size
    frame = np.full((height, width, 3), 235, np.uint8)
    patch = cv2.resize(fingerprint(2, 80, (160, 200)), (120, 150))
    x = 20 + (tick * 7) % (width - 160)
    frame[40:190, x:x + 120] = patch[:, :, None]
    cv2.putText(frame, text, (10, 25), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (40, 40, 160), 1, cv2.LINE_AA)
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 70])
    return data.tobytes()
