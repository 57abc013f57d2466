"""The completeness policy and the record check shared by the laptop and the server (app.core.biometric_policy)."""

from __future__ import annotations

import pytest

from app.biometrics.simulator.images import finger_record, iris_record
from app.core.biometric_content import RECORD_KINDS, from_content
from app.core.biometric_policy import BiometricPolicy as P
from app.core.biometric_policy import DEFAULT_POLICY, check_record, completeness, consistency, findings
from app.core.biometric_records import IsoRecordError
from app.core.biometric_set import BiometricExceptionReason as R
from app.core.biometric_set import BiometricSet, Captured, Excepted
from support.biometrics import biometric_recording

TWO = {"Left LittleFinger": R.AMPUTASI, "Right Thumb": R.SIDIK_JARI_AUS}


def _set_and_kinds(excepted=None, skip=()):
    content, media = biometric_recording(excepted, skip=skip)
    return from_content(content), {m.kind for m in media}


def test_the_default_keeps_recordings_without_a_set_acceptable():
    assert DEFAULT_POLICY is P.REQUIRED_WHEN_PRESENT
    assert completeness(None) == [] and completeness(None, "off") == []
    [missing] = completeness(None, P.REQUIRED)
    assert missing.code == "biometrics.missing" and missing.field == "biometrics"


@pytest.mark.parametrize("policy", [P.REQUIRED_WHEN_PRESENT, P.REQUIRED])
def test_complete_sets_pass_and_a_gap_without_an_exception_does_not(policy):
    for excepted in (None, TWO):
        bset, kinds = _set_and_kinds(excepted)
        assert findings(bset, kinds, policy) == []
    bset, kinds = _set_and_kinds(skip=("Left LittleFinger", "Left"))
    [gap] = findings(bset, kinds, policy)
    assert gap.code == "biometrics.incomplete"
    assert gap.params == {"count": "2", "slots": "Kelingking kiri, Mata kiri"}
    assert "Kelingking kiri, Mata kiri" in gap.message
    assert findings(bset, kinds, P.OFF) == []  # off: only consistency, and this set is consistent


def test_the_set_and_the_media_must_agree():
    bset, kinds = _set_and_kinds(TWO)
    [lacking] = consistency(bset, kinds - {"finger_03"})
    assert lacking.code == "biometrics.record_missing" and lacking.params["slots"] == "Jari tengah kanan"
    [extra] = consistency(bset, kinds | {"finger_10"})  # a record for an excepted finger
    assert extra.code == "biometrics.media_unexpected" and extra.params["slots"] == "Kelingking kiri"
    [proof] = consistency(bset, kinds | {"proof_iris_left"})  # a proof for a captured eye
    assert proof.code == "biometrics.media_unexpected"
    [orphan] = consistency(None, {"photo", "iris_right"})  # media without a set
    assert orphan.code == "biometrics.media_unexpected" and orphan.params["slots"] == "Mata kanan"
    assert consistency(None, {"photo", "signature"}) == []
    assert consistency(BiometricSet().with_slot("Left", Excepted(R.TIDAK_DAPAT_DUDUK)), set()) == []  # no proof: allowed


def test_policy_names_are_checked():
    with pytest.raises(ValueError):
        completeness(None, "wajib")


def test_each_record_kind_takes_its_own_record():
    for kind in RECORD_KINDS:
        slot_record = finger_record(int(kind[-2:]), 80) if kind.startswith("finger") else \
            iris_record(1 if kind == "iris_right" else 2, 80)
        assert check_record(kind, slot_record).views
    with pytest.raises(IsoRecordError) as other_finger:
        check_record("finger_03", finger_record(4, 80))
    assert other_finger.value.code == "iso.wrong_position" and "Jari tengah kanan" in str(other_finger.value)
    with pytest.raises(IsoRecordError) as other_eye:
        check_record("iris_left", iris_record(1, 80))
    assert other_eye.value.code == "iso.wrong_position"
    with pytest.raises(IsoRecordError) as swapped:
        check_record("finger_01", iris_record(1, 80))
    assert swapped.value.code == "iso.wrong_modality"
    for junk in (b"", b"\x89PNG\r\n\x1a\n" + bytes(100), b"FIR\x00" + bytes(12)):
        with pytest.raises(IsoRecordError):
            check_record("finger_01", junk)
    with pytest.raises(ValueError):
        check_record("photo", b"x")


def test_a_captured_slot_below_threshold_still_counts_as_captured():
    bset = BiometricSet()
    for slot in ("Right", "Left"):
        bset = bset.with_slot(slot, Captured(41.0, 3, reached=False))
    assert [f.code for f in completeness(bset, P.REQUIRED)] == ["biometrics.incomplete"]  # the fingers
    assert "Mata" not in completeness(bset, P.REQUIRED)[0].params["slots"]


@pytest.mark.parametrize("slot", [{"exception": ["amputasi"]}, {"exception": {"x": 1}}, {"score": [80]},
                                  {"score": None}, {"tries": 2}])
def test_hostile_slots_are_a_content_error_never_another_exception(slot):
    from app.core.biometric_content import ContentError

    with pytest.raises(ContentError):
        from_content({"slots": {"finger_01": slot}})


def test_the_supervisor_reads_every_exception_in_one_line():
    from app.core.biometric_policy import exceptions_summary

    bset, _kinds = _set_and_kinds(TWO)
    assert exceptions_summary(bset) == (
        "Pengecualian sidik jari/iris: Jempol kanan (Sidik jari aus (lansia)), Kelingking kiri (Amputasi).")
    other = BiometricSet().with_slot("Left", Excepted(R.LAINNYA, "mata palsu"))
    assert exceptions_summary(other) == "Pengecualian sidik jari/iris: Mata kiri (Lainnya: mata palsu)."
    assert exceptions_summary(BiometricSet()) is None
