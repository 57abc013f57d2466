"""ISO/IEC 19794-4:2011 finger and 19794-6:2011 iris image records: read and write their headers.

A record is a general header (format identifier ``FIR\\0`` or ``IIR\\0``,
version ``020\\0``, the record's length, the number of representations, the
certification flag, the number of fingers or eyes), then per representation a
header and the image (4-byte length + the compressed image: JPEG 2000, PNG,
JPEG, WSQ or raw). Every field is read at its place in the standard's layout
(big-endian), and every length is checked against the bytes there are: a
record that is short, long, of another format or another version is refused
with a code of the catalogue (app/core/messages.py), never guessed at by
looking for image magic. Whether the image inside decodes is the reader's
business (OpenCV), not this module's.

Pure Python: no I/O.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field

from app.core.biometric_positions import VALID_FINGER_POSITIONS
from app.core.messages import CodedError

FINGER_FORMAT = b"FIR\x00"
IRIS_FORMAT = b"IIR\x00"
VERSION_2011 = b"020\x00"
GENERAL_HEADER_LEN = 16
QUALITY_FAILED = 255
"""A quality block's score when the quality algorithm failed (0-100 otherwise)."""

# Finger image compression (19794-4:2011 Table 9).
COMPRESSION_RAW, COMPRESSION_RAW_PACKED, COMPRESSION_WSQ, COMPRESSION_JPEG = 0, 1, 2, 3
COMPRESSION_JPEG2000_LOSSY, COMPRESSION_JPEG2000_LOSSLESS, COMPRESSION_PNG = 4, 5, 6
FINGER_COMPRESSIONS = frozenset(range(7))
# Iris image format (19794-6:2011): mono/RGB × raw, JPEG, JPEG 2000, PNG.
IRIS_MONO_RAW, IRIS_MONO_JPEG, IRIS_MONO_JPEG2000, IRIS_MONO_PNG = 0x02, 0x06, 0x0A, 0x0E
IRIS_FORMATS = frozenset({0x02, 0x04, 0x06, 0x08, 0x0A, 0x0C, 0x0E, 0x10})
IRIS_IMAGE_TYPE_CROPPED = 3
SCALE_PPI = 1
IMPRESSION_PLAIN = 0

_FINGER_KIND = {COMPRESSION_WSQ: "wsq", COMPRESSION_JPEG: "jpeg", COMPRESSION_JPEG2000_LOSSY: "jpeg2000",
                COMPRESSION_JPEG2000_LOSSLESS: "jpeg2000", COMPRESSION_PNG: "png"}
_IRIS_KIND = {0x06: "jpeg", 0x08: "jpeg", 0x0A: "jpeg2000", 0x0C: "jpeg2000", 0x0E: "png", 0x10: "png"}


class IsoRecordError(CodedError):
    """A biometric record that is not the ISO record it claims to be (code ``iso.*``)."""


@dataclass(frozen=True)
class QualityBlock:
    """One quality score (0-100, 255 failed) with the algorithm's vendor and id."""

    score: int
    vendor_id: int = 0
    algorithm_id: int = 0


@dataclass(frozen=True)
class FingerView:
    """One finger representation of a 19794-4 record: what was captured and its image."""

    position: int
    image: bytes
    width: int
    height: int
    compression: int = COMPRESSION_JPEG2000_LOSSLESS
    quality: tuple[QualityBlock, ...] = ()
    representation_no: int = 0
    resolution_ppi: int = 500
    bit_depth: int = 8
    impression: int = IMPRESSION_PLAIN
    captured: dt.datetime | None = None
    device_technology: int = 0
    device_vendor: int = 0
    device_type: int = 0

    @property
    def image_kind(self) -> str:
        """"jpeg2000", "png", "jpeg", "wsq" or "raw"."""
        return _FINGER_KIND.get(self.compression, "raw")


@dataclass(frozen=True)
class IrisView:
    """One iris representation of a 19794-6 record."""

    eye_label: int
    image: bytes
    width: int
    height: int
    image_format: int = IRIS_MONO_JPEG2000
    quality: tuple[QualityBlock, ...] = ()
    representation_no: int = 1
    image_type: int = IRIS_IMAGE_TYPE_CROPPED
    bit_depth: int = 8
    captured: dt.datetime | None = None
    iris_diameter: int = 0
    device_technology: int = 0
    device_vendor: int = 0
    device_type: int = 0

    @property
    def image_kind(self) -> str:
        """"jpeg2000", "png", "jpeg" or "raw"."""
        return _IRIS_KIND.get(self.image_format, "raw")


@dataclass(frozen=True)
class IsoRecord:
    """A parsed record: its kind ("finger"/"iris"), version, the count it declares, its views."""

    kind: str
    version: str
    certification_flag: int
    declared_count: int
    views: tuple = field(default_factory=tuple)


# ------------------------------------------------------------------ reading

class _Reader:
    def __init__(self, data: bytes, start: int = 0, end: int | None = None):
        self.data, self.pos, self.end = data, start, len(data) if end is None else end

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self.pos + size > self.end:
            raise IsoRecordError("iso.truncated")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values

    def bytes(self, n: int) -> bytes:
        if n < 0 or self.pos + n > self.end:
            raise IsoRecordError("iso.truncated")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def _general_header(data: bytes, magic: bytes) -> tuple[_Reader, int, int, int]:
    data = bytes(data)
    if len(data) < GENERAL_HEADER_LEN or data[:4] not in (FINGER_FORMAT, IRIS_FORMAT):
        raise IsoRecordError("iso.not_iso")
    if data[:4] != magic:
        raise IsoRecordError("iso.wrong_modality")
    if data[4:8] != VERSION_2011:
        raise IsoRecordError("iso.version", {"version": data[4:7].decode("ascii", "replace")})
    reader = _Reader(data, 8)
    length, count, cert, declared = reader.take(">IHBB")
    if length != len(data):
        raise IsoRecordError("iso.length_mismatch", {"declared": length, "actual": len(data)})
    if count < 1:
        raise IsoRecordError("iso.empty")
    return reader, count, cert, declared


def _capture_time(r: _Reader) -> dt.datetime | None:
    year, month, day, hour, minute, second, millis = r.take(">HBBBBBH")
    if year == 0xFFFF or month == 0xFF:
        return None
    try:
        return dt.datetime(year, month, day, hour, minute, second, min(millis, 999) * 1000,
                           tzinfo=dt.timezone.utc)
    except ValueError:
        raise IsoRecordError("iso.bad_value", {"field": "tanggal rekam"}) from None


def _quality(r: _Reader) -> tuple[QualityBlock, ...]:
    (n,) = r.take(">B")
    blocks = tuple(QualityBlock(*r.take(">BHH")) for _ in range(n))
    for b in blocks:
        if b.score > 100 and b.score != QUALITY_FAILED:
            raise IsoRecordError("iso.bad_value", {"field": "kualitas"})
    return blocks


def _representation(r: _Reader) -> tuple[_Reader, int]:
    start = r.pos
    (length,) = r.take(">I")
    if length < 4 or start + length > r.end:
        raise IsoRecordError("iso.truncated")
    return _Reader(r.data, r.pos, start + length), start + length


def _image(rep: _Reader) -> bytes:
    (size,) = rep.take(">I")
    image = rep.bytes(size)
    if rep.pos != rep.end:
        raise IsoRecordError("iso.length_mismatch", {"declared": rep.end, "actual": rep.pos})
    if not image:
        raise IsoRecordError("iso.no_image")
    return image


def parse_finger_record(data: bytes) -> IsoRecord:
    """Read a 19794-4:2011 finger image record (IsoRecordError when it is not one)."""
    r, count, cert, declared = _general_header(data, FINGER_FORMAT)
    views = []
    for _ in range(count):
        rep, after = _representation(r)
        captured = _capture_time(rep)
        tech, vendor, dtype = rep.take(">BHH")
        quality = _quality(rep)
        if cert:
            (n_cert,) = rep.take(">B")
            rep.bytes(3 * n_cert)
        (position, rep_no, scale, _sh, _sv, ih, iv, depth, compression, impression, w, h) = \
            rep.take(">BBBHHHHBBBHH")
        if position not in VALID_FINGER_POSITIONS:
            raise IsoRecordError("iso.bad_value", {"field": "posisi jari"})
        if compression not in FINGER_COMPRESSIONS:
            raise IsoRecordError("iso.bad_value", {"field": "kompresi"})
        if w == 0 or h == 0:
            raise IsoRecordError("iso.bad_value", {"field": "ukuran gambar"})
        ppi = ih if scale == SCALE_PPI else round(ih * 2.54)
        views.append(FingerView(position, _image(rep), w, h, compression, quality, rep_no, ppi, depth,
                                impression, captured, tech, vendor, dtype))
        r.pos = after
    if r.pos != r.end:
        raise IsoRecordError("iso.length_mismatch", {"declared": r.pos, "actual": r.end})
    return IsoRecord("finger", "020", cert, declared, tuple(views))


def parse_iris_record(data: bytes) -> IsoRecord:
    """Read a 19794-6:2011 iris image record (IsoRecordError when it is not one)."""
    r, count, cert, declared = _general_header(data, IRIS_FORMAT)
    views = []
    for _ in range(count):
        rep, after = _representation(r)
        captured = _capture_time(rep)
        tech, vendor, dtype = rep.take(">BHH")
        quality = _quality(rep)
        (rep_no, eye, image_type, image_format, _props, w, h, depth, _range, _roll, _unc,
         _sx, _lx, _sy, _ly, _dmin, dmax) = rep.take(">HBBBBHHBHHHHHHHHH")
        if eye not in (0, 1, 2):
            raise IsoRecordError("iso.bad_value", {"field": "label mata"})
        if image_format not in IRIS_FORMATS:
            raise IsoRecordError("iso.bad_value", {"field": "format gambar"})
        if w == 0 or h == 0:
            raise IsoRecordError("iso.bad_value", {"field": "ukuran gambar"})
        views.append(IrisView(eye, _image(rep), w, h, image_format, quality, rep_no, image_type, depth,
                              captured, dmax, tech, vendor, dtype))
        r.pos = after
    if r.pos != r.end:
        raise IsoRecordError("iso.length_mismatch", {"declared": r.pos, "actual": r.end})
    return IsoRecord("iris", "020", cert, declared, tuple(views))


def parse_record(data: bytes) -> IsoRecord:
    """A finger or iris record, by its format identifier."""
    head = bytes(data[:4])
    if head == IRIS_FORMAT:
        return parse_iris_record(data)
    if head == FINGER_FORMAT:
        return parse_finger_record(data)
    raise IsoRecordError("iso.not_iso")


# ------------------------------------------------------------------ writing

def _time_bytes(when: dt.datetime | None) -> bytes:
    if when is None:
        return struct.pack(">HBBBBBH", 0xFFFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFFFF)
    return struct.pack(">HBBBBBH", when.year, when.month, when.day, when.hour, when.minute, when.second,
                       when.microsecond // 1000)


def _quality_bytes(blocks: tuple[QualityBlock, ...]) -> bytes:
    return struct.pack(">B", len(blocks)) + b"".join(struct.pack(">BHH", *vars(b).values()) for b in blocks)


def _record(magic: bytes, reps: list[bytes], declared: int) -> bytes:
    body = b"".join(reps)
    return magic + VERSION_2011 + struct.pack(">IHBB", GENERAL_HEADER_LEN + len(body), len(reps), 0, declared) + body


def _with_length(rest: bytes) -> bytes:
    return struct.pack(">I", 4 + len(rest)) + rest


def build_finger_record(views: list[FingerView] | tuple[FingerView, ...]) -> bytes:
    """A 19794-4:2011 record of `views` (no certification blocks)."""
    reps = []
    for v in views:
        rest = (_time_bytes(v.captured) + struct.pack(">BHH", v.device_technology, v.device_vendor, v.device_type)
                + _quality_bytes(v.quality)
                + struct.pack(">BBBHHHHBBBHH", v.position, v.representation_no, SCALE_PPI, v.resolution_ppi,
                              v.resolution_ppi, v.resolution_ppi, v.resolution_ppi, v.bit_depth, v.compression,
                              v.impression, v.width, v.height)
                + struct.pack(">I", len(v.image)) + v.image)
        reps.append(_with_length(rest))
    return _record(FINGER_FORMAT, reps, len({v.position for v in views}))


def build_iris_record(views: list[IrisView] | tuple[IrisView, ...]) -> bytes:
    """A 19794-6:2011 record of `views`."""
    reps = []
    for v in views:
        cx, cy, d = v.width // 2, v.height // 2, v.iris_diameter
        rest = (_time_bytes(v.captured) + struct.pack(">BHH", v.device_technology, v.device_vendor, v.device_type)
                + _quality_bytes(v.quality)
                + struct.pack(">HBBBBHHBHHHHHHHHH", v.representation_no, v.eye_label, v.image_type,
                              v.image_format, 0, v.width, v.height, v.bit_depth, 0, 0xFFFF, 0xFFFF,
                              cx, cx, cy, cy, d, d)
                + struct.pack(">I", len(v.image)) + v.image)
        reps.append(_with_length(rest))
    return _record(IRIS_FORMAT, reps, len({v.eye_label for v in views}))


def best_quality(view: FingerView | IrisView) -> int | None:
    """The highest usable quality score of a view (None when it carries none)."""
    scores = [b.score for b in view.quality if b.score != QUALITY_FAILED]
    return max(scores) if scores else None
