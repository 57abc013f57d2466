"""Fingers, eyes and 4-4-2 segments; device error codes to messages; the hash chain; tries and thresholds."""

from __future__ import annotations

import hashlib

import pytest

from app.core.biometric_attempts import ACCEPTED, BEST_KEPT, RETRY, Attempts, QualityPolicy, segment_score
from app.core.biometric_positions import (
    EYES, FINGERS, SEGMENTS, Modality, iso_eye_matches, iso_position_matches, segment_of, subtypes_of,
)
from app.core.messages import BIOMETRIC, render
from app.core.sbi_codes import (
    DEVICE_ERRORS, FIRST_PREVIOUS_HASH, DeviceStatus, Fault, chain_hash, error_code_message, status_message,
)


def test_the_4_4_2_segments_cover_the_ten_fingers_once():
    captured = [f for s in SEGMENTS for f in s.fingers]
    assert sorted(captured) == sorted(f.sbi for f in FINGERS) and len(captured) == 10
    assert [len(s.fingers) for s in SEGMENTS] == [4, 4, 2]
    assert [s.device_sub_id for s in SEGMENTS] == [1, 2, 3]
    assert segment_of("Right Thumb").device_sub_id == 3 and segment_of("Left RingFinger").device_sub_id == 1
    assert [f.iso_position for f in FINGERS] == list(range(1, 11))
    assert subtypes_of(Modality.IRIS) == ("Left", "Right") and subtypes_of("Face") == ()
    with pytest.raises(KeyError):
        segment_of("Left Toe")


def test_iso_codes_match_the_subtypes():
    assert iso_position_matches("Left IndexFinger", 7) and not iso_position_matches("Left IndexFinger", 2)
    assert iso_position_matches("Right Thumb", 0)  # unknown position fits
    assert {e.sbi: e.iso_label for e in EYES} == {"Left": 2, "Right": 1}
    assert iso_eye_matches("Right", 1) and not iso_eye_matches("Right", 2)


def test_every_device_error_code_has_indonesian_words():
    assert set(DEVICE_ERRORS) == {str(c) for c in range(100, 113)}
    for code, message in DEVICE_ERRORS.items():
        assert error_code_message(code) == message and message in BIOMETRIC
        assert render(message)
    assert error_code_message(111) == "sbi.busy" and error_code_message("0") == ""
    assert error_code_message("503") == "sbi.vendor_error" and error_code_message("42") == "sbi.unknown_error"
    assert status_message(DeviceStatus.BUSY.value) == "sbi.busy"
    assert status_message("Ready") == "" and status_message("Rusak") == "sbi.not_ready"
    for name, code in vars(Fault).items():
        if name.isupper():
            assert code in BIOMETRIC, code


def test_the_hash_chain_starts_at_the_empty_string():
    assert FIRST_PREVIOUS_HASH == hashlib.sha256(b"").hexdigest().upper()
    first = chain_hash(FIRST_PREVIOUS_HASH, b"record-1")
    expected = hashlib.sha256(bytes.fromhex(FIRST_PREVIOUS_HASH) + hashlib.sha256(b"record-1").digest())
    assert first == expected.hexdigest().upper()
    assert chain_hash(first, b"record-2") != chain_hash(FIRST_PREVIOUS_HASH, b"record-2")
    assert chain_hash("", b"record-1") == first == chain_hash(FIRST_PREVIOUS_HASH.lower(), b"record-1")
    with pytest.raises(ValueError):
        chain_hash("not hex", b"record-1")


def test_tries_keep_the_best_capture_once_spent():
    policy = QualityPolicy()
    assert (policy.required("Finger"), policy.required(Modality.IRIS), policy.tries) == (40, 60, 3)
    assert segment_score([30, 50, 40, 40]) == 40
    attempts = Attempts(policy.required("Finger"), policy.tries)
    assert attempts.verdict == RETRY and attempts.best is None
    attempts = attempts.add(22).add(35)
    assert attempts.verdict == RETRY
    code, params = attempts.low_score("Telunjuk kiri")
    assert render(code, params) == "Kualitas Telunjuk kiri 35 di bawah batas 40. Bersihkan jari atau kaca, lalu ulangi."
    attempts = attempts.add(31)
    assert attempts.verdict == BEST_KEPT and attempts.best == 1
    with pytest.raises(ValueError):
        attempts.add(90)
    passed = Attempts(60).add(50).add(75)
    assert passed.verdict == ACCEPTED and passed.best == 1 and passed.low_score("Mata kiri") is None


def test_a_recording_is_complete_when_every_finger_and_eye_is_captured_or_excepted():
    from app.core.biometric_set import BiometricExceptionReason as R, BiometricSet, Captured, Excepted

    empty = BiometricSet()
    assert len(empty.missing()) == 12 and empty.missing((Modality.IRIS,)) == ("Left", "Right")
    done = empty
    for finger in FINGERS:
        done = done.with_slot(finger.sbi, Captured(70))
    done = done.with_slot("Left", Captured(65)).with_slot("Right", Captured(48, tries=3, reached=False))
    assert done.missing() == () and done.below_threshold() == ("Right",)
    one_less = done.without("Left Thumb").with_slot("Left", Excepted(R.TIDAK_DAPAT_MEMBUKA_MATA))
    assert one_less.missing() == ("Left Thumb",)
    assert one_less.exceptions() == {"Left": Excepted(R.TIDAK_DAPAT_MEMBUKA_MATA)}
    assert R.SIDIK_JARI_AUS.label == "Sidik jari aus (lansia)"
    with pytest.raises(ValueError):  # worn prints are not a reason for an eye
        empty.with_slot("Left", Excepted(R.SIDIK_JARI_AUS))
    with pytest.raises(KeyError):
        empty.with_slot("Left Toe", Captured(50))
