"""Media are what they claim: a photo, signature or proof photo must be a whole JPEG or PNG image of sane
dimensions; an ISO finger or iris record is checked by `sync.server.biometric_check` (`check_media`).

Checked on the bytes of a complete file, before it is moved into ``media/``
(`sync.server.media_store`): the magic bytes first, then the dimensions
written in the file's header (so a small file claiming 100 000 x 100 000
pixels is refused before anything is decoded), then a real decode with
OpenCV (a dependency of the laptop app, so of every install); the decoded
size must match the header. Bytes after the image's end (some cameras add
metadata there) are tolerated: they are never shown to anyone.

Anything else raises `ProblemError` 422.5 (`Problems.MEDIA_NOT_IMAGE`) whose
``details.check`` names what failed (`Checks`), and the upload is discarded.
"""

from __future__ import annotations

import struct

from sync.protocol_problems import Problems
from sync.server.failures import ProblemError

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MIN_SIDE = 16
"""Smallest width/height in pixels: a photo or a signature pad is never smaller."""
MAX_SIDE = 10_000
MAX_PIXELS = 40_000_000
"""Largest image: 40 megapixels (about 120 MB decoded as colour), well above any laptop camera."""


class Checks:
    """What ``details.check`` of a 422.5 names."""

    NOT_IMAGE = "media.not_image"  # neither JPEG nor PNG magic bytes
    NO_SIZE = "media.no_dimensions"  # the header gives no width and height
    DIMENSIONS = "media.dimensions"  # width/height outside MIN_SIDE..MAX_SIDE or too many pixels
    UNDECODABLE = "media.undecodable"  # the image data cannot be decoded


_WHY = {
    Checks.NOT_IMAGE: "bukan berkas JPEG atau PNG",
    Checks.NO_SIZE: "ukuran gambar tidak terbaca",
    Checks.DIMENSIONS: "ukuran gambar {width}x{height} piksel di luar batas",
    Checks.UNDECODABLE: "isi gambar rusak atau terpotong",
}


def _refuse(check: str, **params: int) -> ProblemError:
    return ProblemError(Problems.MEDIA_NOT_IMAGE, check=check, why=_WHY[check].format(**params), **params)


def _png_size(data: bytes | memoryview) -> tuple[int, int] | None:
    # The first chunk is IHDR: length (4), type (4), width (4), height (4).
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack_from(">II", data, 16)
    return width, height


_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # start-of-frame markers (not DHT, JPG, DAC)
_JPEG_HEADER_MAX = 256 * 1024
"""How far into a JPEG its frame header is looked for (EXIF thumbnails come before it)."""


def _jpeg_size(data: bytes | memoryview) -> tuple[int, int] | None:
    """The frame header's (width, height), read in place (a bundle's file is a view: never copied)."""
    at = 2
    end = min(len(data), _JPEG_HEADER_MAX)
    while at + 4 <= end:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack_from(">H", data, at + 2)
        if length < 2:
            return None
        if marker in _SOF:
            if at + 9 > end:
                return None
            height, width = struct.unpack_from(">HH", data, at + 5)
            return width, height
        if marker == 0xDA:  # start of scan before any frame header
            return None
        at += 2 + length
    return None


def image_size(data: bytes | memoryview) -> tuple[str, int, int]:
    """(``"jpeg"``/``"png"``, width, height) from the header; raises `ProblemError` 422.5."""
    head = bytes(data[:8])
    if head.startswith(JPEG_MAGIC):
        kind, size = "jpeg", _jpeg_size(data)
    elif head == PNG_MAGIC:
        kind, size = "png", _png_size(data)
    else:
        raise _refuse(Checks.NOT_IMAGE)
    if size is None:
        raise _refuse(Checks.NO_SIZE)
    width, height = size
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE) or width * height > MAX_PIXELS:
        raise _refuse(Checks.DIMENSIONS, width=width, height=height)
    return kind, width, height


def check_media(kind: str, data: bytes | memoryview) -> None:
    """`check_image`, or for an ISO finger/iris record kind `sync.server.biometric_check`'s check
    (422.6); a proof-of-exception photo is an image like the photo."""
    from app.core.biometric_content import RECORD_KINDS
    from sync.server.biometric_check import check_biometric_record

    if kind in RECORD_KINDS:
        check_biometric_record(kind, data)
    else:
        check_image(data)


def warm_decoder() -> None:
    """Import OpenCV and decode a 1-pixel image once (a server worker does it while starting:
    `sync.server.warm_up`), so the first file received does not pay for it."""
    import cv2
    import numpy as np

    for ext in (".png", ".jpg"):
        ok, encoded = cv2.imencode(ext, np.zeros((MIN_SIDE, MIN_SIDE), np.uint8))
        if ok:
            cv2.imdecode(encoded, cv2.IMREAD_UNCHANGED)


def check_image(data: bytes | memoryview) -> None:
    """Raise `ProblemError` 422.5 unless `data` is a decodable JPEG/PNG of sane dimensions."""
    import cv2  # heavy; only when a file is complete
    import numpy as np

    kind, width, height = image_size(data)
    if kind == "jpeg":
        # Every block's entropy-coded data is still decoded (a cut or garbled stream fails the
        # same), but only at 1/8 scale, in grey, orientation as stored: about half the CPU of a
        # full decode of a camera photo (1.7 -> 0.8 ms for 640x480 on the reference machine).
        # (libjpeg's scaled output is ceil(side / 8); EXIF orientation ignored, so the sides stay
        # as the header says.)
        flags = cv2.IMREAD_REDUCED_GRAYSCALE_8 | cv2.IMREAD_IGNORE_ORIENTATION
        width, height = -(-width // 8), -(-height // 8)
    else:  # OpenCV reduces a PNG only after decoding it whole: nothing to gain
        flags = cv2.IMREAD_UNCHANGED
    image = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    if image is None or image.shape[0] != height or image.shape[1] != width:
        raise _refuse(Checks.UNDECODABLE)
