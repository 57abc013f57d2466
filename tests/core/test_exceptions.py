"""Exception flags (app/core/exceptions.py): reasons from the list, the rules the laptop and the server share."""

from __future__ import annotations

import pytest

from app.core.exceptions import (
    MAX_FAILED_CHECKS,
    GuardianRelation,
    PhotoExceptionReason,
    PhotoFlag,
    SignatureFlag,
    SignatureMode,
    photo_flag_findings,
    signature_flag_findings,
)
from app.core.media_rules import check_media
from app.core.messages import CATALOGUE


def _codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("reason", list(PhotoExceptionReason))
def test_every_reason_round_trips_and_has_a_label(reason):
    flag = PhotoFlag.make(reason.value, "catatan", ["photo.tilted", "photo.tilted", "photo.no_face"])
    assert PhotoFlag.from_dict(flag.to_dict()) == flag
    assert flag.failed_checks == ("photo.tilted", "photo.no_face")  # once each, in order
    assert reason.label in flag.summary()


@pytest.mark.parametrize("data", [None, [], "terbaring", 5, {"reason": ["x"]}, {"reason": None},
                                  {"reason": "TERBARING"}, {"reason": "terbaring; DROP TABLE"}])
def test_unreadable_reasons_are_refused_not_guessed(data):
    flag = PhotoFlag.from_dict(data)
    if flag is None:
        assert not isinstance(data, dict)
    else:
        assert flag.reason is None
        assert _codes(photo_flag_findings(flag, has_photo=True)) == ["exception.photo_reason_required"]


def test_lainnya_needs_words_and_a_flag_needs_its_photo():
    assert _codes(photo_flag_findings(PhotoFlag.make("lainnya", "  ab "), has_photo=True)) == \
        ["exception.reason_text_required"]
    assert photo_flag_findings(PhotoFlag.make("lainnya", "kursi roda"), has_photo=True) == []
    assert _codes(photo_flag_findings(PhotoFlag.make("terbaring"), has_photo=False)) == ["exception.photo_missing"]
    assert photo_flag_findings(None, has_photo=False) == []


def test_huge_and_messy_input_is_bounded():
    flag = PhotoFlag.make("lainnya", "x\n\t" * 10_000, [f"photo.c{i}" for i in range(500)])
    assert len(flag.text) <= 200 and len(flag.failed_checks) == MAX_FAILED_CHECKS
    sig = SignatureFlag.make("tanda_tangan_wali", guardian_name="  Siti \n Aminah ", guardian_relation="paman")
    assert sig.guardian_name == "Siti Aminah" and sig.guardian_relation is None
    assert _codes(signature_flag_findings(sig, has_signature=True)) == ["exception.guardian_relation_required"]


def test_signature_modes():
    assert _codes(signature_flag_findings(SignatureFlag.make("cap_jempol"), has_signature=False)) == \
        ["exception.signature_image_missing"]
    assert signature_flag_findings(SignatureFlag.make("cap_jempol"), has_signature=True) == []
    guardian = SignatureFlag.make("tanda_tangan_wali", guardian_name="", guardian_relation=None)
    assert _codes(signature_flag_findings(guardian, has_signature=True)) == [
        "exception.guardian_name_required", "exception.guardian_relation_required"]
    assert _codes(signature_flag_findings(SignatureFlag.make("tidak_ada", reason="ok"), has_signature=False)) == \
        ["exception.reason_text_required"]
    assert _codes(signature_flag_findings(SignatureFlag.make("lompat"), has_signature=True)) == \
        ["exception.signature_mode_required"]
    full = SignatureFlag.make(SignatureMode.TANDA_TANGAN_WALI, guardian_name="Budi", guardian_relation=GuardianRelation.ANAK)
    assert SignatureFlag.from_dict(full.to_dict()) == full and full.summary() == "Tanda tangan wali: Budi (anak)."


def test_check_media_counts_a_flagged_photo_as_present():
    flag = PhotoFlag.make("terbaring", "", ["photo.no_face"])
    assert check_media(has_photo=True, photo_exception=None, has_signature=True, signature_exception=None,
                       photo_flag=flag) == []
    assert _codes(check_media(has_photo=False, photo_exception=None, has_signature=True,
                              signature_exception=None, photo_flag=flag)) == \
        ["exception.photo_missing", "media.photo_required"]


def test_every_exception_code_has_a_message():
    for code in ("exception.photo_reason_required", "exception.reason_text_required", "exception.photo_missing",
                 "exception.signature_mode_required", "exception.guardian_name_required",
                 "exception.guardian_relation_required", "exception.signature_image_missing"):
        assert code in CATALOGUE
