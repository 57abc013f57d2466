"""ISO/IEC 19794-4/-6:2011 records: written and read back field by field, and refused when they are not one."""

from __future__ import annotations

import datetime as dt
import struct

import pytest

from app.core.biometric_records import (
    COMPRESSION_PNG, IRIS_MONO_PNG, FingerView, IrisView, IsoRecordError, QualityBlock, best_quality,
    build_finger_record, build_iris_record, parse_finger_record, parse_iris_record, parse_record,
)
from app.core.messages import render

WHEN = dt.datetime(2026, 12, 2, 9, 30, 5, 250_000, tzinfo=dt.timezone.utc)
IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


def _finger(position=7, image=IMAGE, **kw):
    return FingerView(position=position, image=image, width=320, height=400, compression=COMPRESSION_PNG,
                      quality=(QualityBlock(83, 0x0101, 2),), captured=WHEN, **kw)


def _iris(label=2, image=IMAGE):
    return IrisView(eye_label=label, image=image, width=640, height=480, image_format=IRIS_MONO_PNG,
                    quality=(QualityBlock(71, 5, 6),), captured=WHEN, iris_diameter=288)


def test_a_finger_record_has_the_standards_layout_and_reads_back():
    data = build_finger_record([_finger(7), _finger(8, representation_no=1)])
    assert data[:8] == b"FIR\x00020\x00"
    length, count, cert, positions = struct.unpack(">IHBB", data[8:16])
    assert (length, count, cert, positions) == (len(data), 2, 0, 2)
    rep_length = struct.unpack(">I", data[16:20])[0]
    # 4 length + 9 date + 5 device + 1+5 quality + 18 finger fields + 4 image length + image
    assert rep_length == 4 + 9 + 5 + 6 + 18 + 4 + len(IMAGE)
    assert struct.unpack(">HBBBBBH", data[20:29]) == (2026, 12, 2, 9, 30, 5, 250)
    record = parse_finger_record(data)
    assert record.kind == "finger" and record.declared_count == 2
    first = record.views[0]
    assert (first.position, first.width, first.height, first.resolution_ppi, first.image_kind) == (
        7, 320, 400, 500, "png")
    assert first.image == IMAGE and first.captured == WHEN and best_quality(first) == 83
    assert record.views[1].position == 8 and record.views[1].representation_no == 1
    assert parse_record(data) == record


def test_an_iris_record_reads_back():
    data = build_iris_record([_iris(2), _iris(1)])
    assert data[:8] == b"IIR\x00020\x00"
    record = parse_iris_record(data)
    assert record.kind == "iris" and [v.eye_label for v in record.views] == [2, 1]
    view = record.views[0]
    assert (view.width, view.height, view.image_kind, view.iris_diameter, best_quality(view)) == (
        640, 480, "png", 288, 71)
    assert parse_record(data).views == record.views


@pytest.mark.parametrize("mangle, code", [
    (lambda d: b"\x89PNG" + d[4:], "iso.not_iso"),
    (lambda d: b"", "iso.not_iso"),
    (lambda d: b"IIR\x00" + d[4:], "iso.wrong_modality"),
    (lambda d: d[:4] + b"030\x00" + d[8:], "iso.version"),
    (lambda d: d[:-1], "iso.length_mismatch"),
    (lambda d: d + b"\x00", "iso.length_mismatch"),
    (lambda d: d[:8] + struct.pack(">I", 30) + d[12:30], "iso.truncated"),
    (lambda d: d[:12] + b"\x00\x00" + d[14:], "iso.empty"),
    (lambda d: d[:40] + bytes([99]) + d[41:], "iso.bad_value"),  # finger position 99
])
def test_a_finger_record_that_is_not_one_is_refused_with_its_code(mangle, code):
    data = build_finger_record([_finger(7)])
    assert data[40] == 7  # the finger position: after 16 + 4 + 9 + 5 + 6 (no certification blocks)
    with pytest.raises(IsoRecordError) as info:
        parse_finger_record(mangle(data))
    assert info.value.code == code
    assert info.value.message == render(code, info.value.params)


def test_a_record_with_no_image_or_an_impossible_eye_is_refused():
    with pytest.raises(IsoRecordError) as info:
        parse_finger_record(build_finger_record([_finger(7, image=b"")]))
    assert info.value.code == "iso.no_image"
    data = bytearray(build_iris_record([_iris(2)]))
    eye_at = 16 + 4 + 9 + 5 + 6 + 2
    assert data[eye_at] == 2
    data[eye_at] = 7
    with pytest.raises(IsoRecordError) as info:
        parse_iris_record(bytes(data))
    assert info.value.code == "iso.bad_value" and info.value.params == {"field": "label mata"}
