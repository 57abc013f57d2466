"""A thumbprint (cap jempol) as an image, read through the same frame sources as the photo.

A resident who cannot sign presses an inked thumb on paper (or on a scanner's
glass); the operator takes it with the camera, a scanner that drops its
images into a folder, or an image file: `open_source` covers all three.
`read_thumbprint` opens the source, lets a webcam settle for a few frames,
and returns the last one; `thumbprint_png` turns it into a greyscale PNG of at
most `MAX_SIDE` pixels on its longer side, contrast stretched so the ridges
show. Slow (a webcam opens in up to a second): call from a worker thread.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from app.capture.camera import CAMERA_NO_FRAMES, CameraSource, CameraUnavailable, open_source

MAX_SIDE = 600
"""The longer side of the stored thumbprint image, pixels."""

WARM_UP_FRAMES = 5
"""Frames a webcam gets to settle its exposure before the thumbprint is taken."""


def read_thumbprint(spec: str | int | os.PathLike[str]) -> np.ndarray:
    """One BGR frame of the thumbprint from `spec` (camera index, image file, folder, video).

    Raises:
        CaptureError: the source cannot be opened or gives no picture.
    """
    source = open_source(spec, loop=False)
    with source:
        frames = WARM_UP_FRAMES if isinstance(source, CameraSource) else 1
        frame = None
        for picture in source.frames(frames):
            frame = picture
    if frame is None:
        raise CameraUnavailable(CAMERA_NO_FRAMES)
    return frame


def thumbprint_png(frame: np.ndarray) -> bytes:
    """A greyscale PNG of the thumbprint, shrunk to `MAX_SIDE`, contrast stretched (1st-99th percentile)."""
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
    h, w = grey.shape[:2]
    k = min(1.0, MAX_SIDE / float(max(h, w)))
    if k < 1.0:
        grey = cv2.resize(grey, (max(1, int(round(w * k))), max(1, int(round(h * k)))),
                          interpolation=cv2.INTER_AREA)
    lo, hi = np.percentile(grey, (1, 99))
    span = max(float(hi - lo), 8.0)
    stretched = np.clip((grey.astype(np.float32) - float(lo)) * (255.0 / span), 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".png", stretched, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:  # pragma: no cover - OpenCV encoder failure
        raise RuntimeError("PNG encoding failed")
    return buf.tobytes()
