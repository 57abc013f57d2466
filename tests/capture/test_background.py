"""Background replacement with GrabCut, checked against a hand-traced outline of obama.jpg."""

from __future__ import annotations

import numpy as np
import pytest

from app.capture.background import DEFAULT_RGB, compare_masks, replace_background
from app.capture.face import FaceDetector, NoFaceFound


@pytest.fixture(scope="module")
def obama_result(cases):
    return replace_background(cases.clean(), "biru")


def test_person_kept_and_backdrop_painted(cases, obama_result):
    frame = cases.clean()
    out = obama_result.image
    assert out.shape == frame.shape and out.dtype == np.uint8
    r, g, b = DEFAULT_RGB["biru"]
    assert tuple(int(v) for v in out[5, 5]) == (b, g, r)  # curtain corner is now blue
    face_patch = (slice(130, 200), slice(300, 400))
    assert np.abs(out[face_patch].astype(int) - frame[face_patch].astype(int)).max() <= 2


def test_mask_matches_the_hand_traced_outline(cases, obama_result):
    reference = cases.obama_person_mask()
    cmp = compare_masks(obama_result.mask, reference, tolerance=6.0)
    assert cmp.iou > 0.93
    assert cmp.clean()  # >= 80 % of both outlines within 6 px of each other
    assert 0.0 <= obama_result.score <= 1.0
    assert obama_result.clean


def test_replacement_is_repeatable(cases, obama_result):
    again = replace_background(cases.clean(), "biru")
    assert np.array_equal(again.mask, obama_result.mask)


def test_colour_from_the_core_enum(cases):
    photo_rules = pytest.importorskip("app.core.photo_rules")
    colour = photo_rules.BackgroundColour.RED
    frame = cases.clean()
    face = FaceDetector().detect(frame).subject
    out = replace_background(frame, colour, face).image
    r, g, b = colour.rgb
    assert tuple(int(v) for v in out[5, 5]) == (b, g, r)


def test_no_face_means_no_replacement(cases):
    with pytest.raises(NoFaceFound):
        replace_background(cases.blank_wall(), "merah")
    with pytest.raises(ValueError):
        replace_background(cases.clean(), "hijau")


def test_compare_masks_sees_a_misplaced_outline():
    ref = np.zeros((200, 200), np.uint8)
    ref[50:150, 60:140] = 255
    same = compare_masks(ref, ref, tolerance=2)
    assert same.iou == 1.0 and same.precision == 1.0 and same.recall == 1.0
    shifted = np.roll(ref, 20, axis=1)
    off = compare_masks(shifted, ref, tolerance=2)
    assert off.iou < 0.7 and not off.clean()
