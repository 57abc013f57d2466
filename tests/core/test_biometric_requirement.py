"""The biometric mode's findings, the Dukcapil order rule, the exception lines for the supervisor, and the
form's BiometricSlot (a redone step replaces its modality)."""

from __future__ import annotations

from app.biometric_slot import BiometricSlot
from app.core.biometric_content import to_content
from app.core.biometric_positions import Modality
from app.core.biometric_requirement import BiometricMode, biometric_findings, exception_lines, photo_settled
from app.core.biometric_set import EYE_SLOTS, FINGER_SLOTS, BiometricExceptionReason, BiometricSet, Captured, Excepted
from app.core.findings import Severity


def _full(**excepted: BiometricExceptionReason) -> BiometricSet:
    bset = BiometricSet()
    for slot in FINGER_SLOTS + EYE_SLOTS:
        key = slot.replace(" ", "_")
        bset = bset.with_slot(slot, Excepted(excepted[key]) if key in excepted else Captured(80.0))
    return bset


def test_the_mode_decides_error_warning_or_nothing():
    assert biometric_findings(None, BiometricMode.OFF) == []
    required = biometric_findings(None, BiometricMode.REQUIRED)
    assert [(f.code, f.field, f.severity, dict(f.params)) for f in required] == [
        ("biometrics.fingers_required", "fingerprint", Severity.ERROR, {"count": "10"}),
        ("biometrics.irises_required", "iris", Severity.ERROR, {"count": "2"})]
    optional = biometric_findings(None, BiometricMode.OPTIONAL)
    assert [(f.code, f.severity) for f in optional] == [("biometrics.fingers_not_captured", Severity.WARNING),
                                                       ("biometrics.irises_not_captured", Severity.WARNING)]
    assert biometric_findings(_full(), BiometricMode.REQUIRED) == []
    # before the photo is settled the optional steps cannot be reached: nothing to confirm yet
    assert biometric_findings(None, BiometricMode.OPTIONAL, photo_done=False) == []
    assert [f.code for f in biometric_findings(None, BiometricMode.REQUIRED, photo_done=False)] == [
        "biometrics.fingers_required", "biometrics.irises_required"]
    # optional, but fingers without irises: the server wants a set it receives whole
    fingers = BiometricSet()
    for slot in FINGER_SLOTS:
        fingers = fingers.with_slot(slot, Captured(70.0))
    assert [(f.code, f.severity) for f in biometric_findings(fingers, BiometricMode.OPTIONAL)] == [
        ("biometrics.irises_required", Severity.ERROR)]
    assert BiometricMode.parse("rubbish") is BiometricMode.OFF and BiometricMode.parse(None) is BiometricMode.OFF


def test_an_exception_without_its_proof_photo_needs_a_confirmation():
    bset = _full(Right_Thumb=BiometricExceptionReason.AMPUTASI, Left=BiometricExceptionReason.LUKA_PERBAN)
    found = biometric_findings(bset, BiometricMode.REQUIRED, proofs={"Left"})
    assert [(f.code, f.field, dict(f.params)) for f in found] == [
        ("biometrics.proof_missing", "fingerprint", {"count": "1"})]
    assert biometric_findings(bset, BiometricMode.REQUIRED, proofs={"Left", "Right Thumb"}) == []


def test_the_photo_is_approved_before_fingers_and_irises():
    assert not photo_settled(has_photo=False, approved_by="", exception=None)
    assert not photo_settled(has_photo=True, approved_by="  ", exception=None)  # taken, not yet approved
    assert photo_settled(has_photo=True, approved_by="warga", exception=None)
    assert photo_settled(has_photo=False, approved_by="", exception="terbaring, tidak dapat difoto")


def test_exception_lines_name_the_finger_and_the_reason():
    bset = BiometricSet().with_slot("Left LittleFinger", Excepted(BiometricExceptionReason.LAINNYA, "jari kaku"))
    assert exception_lines(to_content(bset)) == ["Kelingking kiri: Lainnya (jari kaku)"]
    assert exception_lines({"slots": {"finger_99": {}}}) == ["Sidik jari/iris: data tidak terbaca"]


def test_a_redone_step_replaces_its_modality():
    class Cap:
        def __init__(self, data: bytes):
            self.iso_record = data

    fingers = BiometricSet()
    for slot in FINGER_SLOTS:
        fingers = fingers.with_slot(slot, Captured(70.0))
    slot = BiometricSlot().with_step(Modality.FINGER, fingers, {s: Cap(b"FIR\0" + s.encode()) for s in FINGER_SLOTS},
                                     {}, "dev-1")
    assert slot.done(Modality.FINGER) and not slot.has(Modality.IRIS) and len(slot.records) == 10
    assert slot.device_ids == {"Finger": "dev-1"}
    again = fingers.with_slot("Left Thumb", Excepted(BiometricExceptionReason.AMPUTASI))
    redone = slot.with_step(Modality.FINGER, again, {s: Cap(b"x") for s in FINGER_SLOTS if s != "Left Thumb"},
                            {"Left Thumb": b"\xff\xd8proof", "Right Thumb": b"ignored: captured"})
    assert "Left Thumb" not in redone.records and redone.proofs == {"Left Thumb": b"\xff\xd8proof"}
    assert redone.content() == to_content(again)
    redone.written()
    assert redone.records == {} and redone.proofs == {} and redone.proofed() == {"Left Thumb"}
