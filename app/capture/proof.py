"""A proof-of-exception photo: the webcam's picture of a missing or bandaged finger, or of a closed eye.

MOSIP's registration client asks for one whenever a finger or an eye is
marked an exception; the server and the supervisor see it beside the reason.
It is read through the same frame sources as the portrait and the thumbprint
(`app.capture.thumbprint.read_thumbprint`: a webcam settles for a few frames,
a file or a folder gives its picture) and kept as a colour JPEG of at most
`MAX_SIDE` pixels. Slow (a webcam opens in up to a second): call it from a
worker thread. The bytes never touch the disk here.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from app.capture.thumbprint import read_thumbprint

MAX_SIDE = 800
"""The longer side of the stored proof photo, pixels."""
JPEG_QUALITY = 85


def proof_jpeg(frame: np.ndarray) -> bytes:
    """The frame (BGR or grey) as a JPEG shrunk to `MAX_SIDE`."""
    h, w = frame.shape[:2]
    k = min(1.0, MAX_SIDE / float(max(h, w)))
    if k < 1.0:
        frame = cv2.resize(frame, (max(1, round(w * k)), max(1, round(h * k))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encoder failure
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def read_proof_photo(spec: str | int | os.PathLike[str]) -> bytes:
    """One proof photo from `spec` (camera index, image, folder, video) as JPEG; CaptureError if none."""
    return proof_jpeg(read_thumbprint(spec))
