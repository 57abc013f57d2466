"""Real image files of a chosen size for the server tests (the server refuses anything that is not a JPEG/PNG).

`image_bytes` makes a small random-noise PNG (or JPEG) and pads it with random
bytes after the image's end to exactly `size` bytes: decoders stop at the end
marker, so the file still decodes, and every call gives a new SHA-256.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

SMALLEST = 1024
"""The smallest size `image_bytes` makes (a 16x16 noise image plus room)."""


def image_bytes(size: int = 3000, kind: str = "png") -> bytes:
    """A decodable `kind` ("png" or "jpeg") image of exactly `size` bytes (at least `SMALLEST`)."""
    if size < SMALLEST:
        raise ValueError(f"image_bytes: at least {SMALLEST} bytes")
    noise = np.frombuffer(os.urandom(16 * 16 * 3), np.uint8).reshape(16, 16, 3)
    ok, buf = cv2.imencode(".png" if kind == "png" else ".jpg", noise)
    assert ok
    data = buf.tobytes()
    assert len(data) <= SMALLEST
    return data + os.urandom(size - len(data))
