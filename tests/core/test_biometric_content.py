"""The JSON form of a biometric set and its media kinds (the contract of laptop, sync and server)."""

import json

import pytest

from app.core.biometric_content import (
    BIOMETRIC_MEDIA_KINDS, ContentError, from_content, media_kind, proof_kind, slot_of_kind, to_content,
)
from app.core.biometric_set import BiometricExceptionReason, BiometricSet, Captured, Excepted, EYE_SLOTS, FINGER_SLOTS


def _full() -> BiometricSet:
    bset = BiometricSet()
    for slot in FINGER_SLOTS:
        bset = bset.with_slot(slot, Captured(55.0, 2, True))
    bset = bset.with_slot("Left", Captured(71.5))
    return bset.with_slot("Right", Excepted(BiometricExceptionReason.LAINNYA, "mata palsu"))


def test_round_trip_through_json():
    bset = _full()
    back = from_content(json.loads(json.dumps(to_content(bset))))
    assert back == bset
    assert back.missing() == ()


def test_kinds_are_unique_and_map_back():
    assert len(set(BIOMETRIC_MEDIA_KINDS)) == 24
    for slot in FINGER_SLOTS + EYE_SLOTS:
        assert slot_of_kind(media_kind(slot)) == slot == slot_of_kind(proof_kind(slot))
    assert media_kind("Right Thumb") == "finger_01" and media_kind("Left") == "iris_left"


@pytest.mark.parametrize("bad", [
    None, [], {"slots": []}, {"slots": {"finger_11": {"score": 50}}},
    {"slots": {"finger_01": {"score": 101}}}, {"slots": {"finger_01": {"score": True}}},
    {"slots": {"finger_01": {"score": "50"}}}, {"slots": {"finger_01": {"score": 50, "tries": 0}}},
    {"slots": {"finger_01": {"exception": "tidak_dapat_membuka_mata"}}},  # an eye reason on a finger
    {"slots": {"iris_left": {"exception": "bogus"}}}, {"slots": {"iris_left": {"exception": "lainnya", "text": "x" * 501}}},
    {"slots": {"iris_left": {}}},
])
def test_malformed_content_is_refused(bad):
    with pytest.raises(ContentError):
        from_content(bad)
