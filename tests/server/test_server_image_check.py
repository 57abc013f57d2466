"""`check_image` on camera-like JPEGs: a JPEG is decoded at 1/8 scale (cheaper), so the sides it
compares with the header are rounded up; odd sizes, progressive, grey and EXIF-rotated photos
must still pass, and a damaged one is judged as a whole decode judges it."""

from __future__ import annotations

import struct

import cv2
import numpy as np
import pytest

from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_check import Checks, check_image


def _photo(height: int, width: int, *, grey: bool = False, progressive: bool = False) -> bytes:
    rng = np.random.default_rng(height * 7919 + width)
    small = rng.integers(0, 255, (max(2, height // 8), max(2, width // 8), 3), dtype=np.uint8)
    image = cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)
    if grey:
        image = image[:, :, 0]
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_PROGRESSIVE, int(progressive)])
    assert ok
    return encoded.tobytes()


def _with_orientation(jpeg: bytes, orientation: int) -> bytes:
    """The JPEG with an EXIF APP1 segment saying "rotate" (6: 90 degrees) right after SOI."""
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(
        ">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def _refusal(data: bytes) -> str:
    with pytest.raises(ProblemError) as caught:
        check_image(data)
    assert caught.value.spec is Problems.MEDIA_NOT_IMAGE
    return caught.value.details["check"]


@pytest.mark.parametrize("height,width", [(480, 640), (479, 641), (17, 23), (16, 16), (1200, 1600), (600, 17)])
def test_camera_like_jpegs_of_any_size_pass(height, width):
    check_image(_photo(height, width))
    check_image(_photo(height, width, progressive=True))
    check_image(_photo(height, width, grey=True))


def test_a_rotated_photo_passes_with_the_sides_its_header_gives():
    check_image(_with_orientation(_photo(480, 640), 6))
    check_image(_with_orientation(_photo(481, 633), 8))


def _full_decode_refuses(data: bytes) -> bool:
    """What the check said before it decoded at 1/8 scale: a whole decode, sides as the header's."""
    at = next(i for i in range(2, len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    height, width = struct.unpack(">HH", data[at + 5:at + 9])
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    return image is None or image.shape[:2] != (height, width)


def _damaged(data: bytes) -> dict[str, bytes]:
    rng = np.random.default_rng(5)
    at = next(i for i in range(2, len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    lying = bytearray(data)
    lying[at + 5:at + 9] = struct.pack(">HH", 960, 1280)
    garbled = bytearray(data)
    garbled[len(data) // 2:len(data) // 2 + 400] = rng.integers(0, 255, 400, dtype=np.uint8).tobytes()
    return {"cut at a third": data[:len(data) // 3], "cut near the end": data[:-40],
            "header twice the size": bytes(lying), "garbled scan": bytes(garbled),
            "end marker missing": data[:-2]}


@pytest.mark.parametrize("progressive", [False, True])
def test_damaged_jpegs_are_judged_as_a_full_decode_judges_them(progressive):
    for name, data in _damaged(_photo(480, 640, progressive=progressive)).items():
        try:
            check_image(data)
            refused = False
        except ProblemError:
            refused = True
        assert refused == _full_decode_refuses(data), name


def test_a_jpeg_cut_short_is_refused():
    data = _photo(480, 640)
    assert _refusal(data[:len(data) // 2]) == Checks.UNDECODABLE
