"""Approval rules (app/core/approval.py) and the limit on recordings waiting for it (app/core/limits.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.approval import (NOTE_LIMIT, approval_required, biometric_exceptions, check_return,
                               media_exceptions, return_words)
from app.core.biometric_content import to_content
from app.core.biometric_set import BiometricExceptionReason, BiometricSet, Captured, Excepted
from app.core.limits import LimitsState, unsaved_state, waiting_state
from app.core.messages import CodedError


def test_approval_is_on_unless_switched_off_explicitly():
    assert approval_required(None) and approval_required(True)
    assert not approval_required(False)
    assert approval_required(0) and approval_required("tidak")  # junk reads as the safe side


@pytest.mark.parametrize("reason, note, code", [
    ("", "", "approval.reason_unknown"),
    ("foto'; DROP TABLE", "x", "approval.reason_unknown"),
    ("lainnya", "   \n\t", "approval.note_required"),
    ("data", "x" * (NOTE_LIMIT + 1), "approval.note_too_long"),
])
def test_a_return_needs_a_known_reason_and_a_sensible_note(reason, note, code):
    with pytest.raises(CodedError) as info:
        check_return(reason, note)
    assert info.value.code == code


def test_a_return_keeps_its_note_trimmed_and_reads_as_words():
    assert check_return("foto", "  terlalu\n gelap ") == ("foto", "terlalu gelap")
    assert return_words("foto", "terlalu gelap") == "Foto perlu diambil ulang: terlalu gelap"
    assert return_words("data", "") == "Data isian perlu diperbaiki"


def test_every_biometric_exception_is_named_and_junk_is_ignored():
    bio = (BiometricSet()
           .with_slot("Left Thumb", Excepted(BiometricExceptionReason.AMPUTASI))
           .with_slot("Right", Excepted(BiometricExceptionReason.LAINNYA, "operasi katarak"))
           .with_slot("Right Thumb", Captured(31.0, 3, reached=False))
           .with_slot("Left IndexFinger", Captured(80.0)))
    assert biometric_exceptions(bio) == ["Jempol kiri: Amputasi", "Mata kanan: Lainnya (operasi katarak)",
                                         "Jempol kanan: kualitas di bawah ambang"]
    assert biometric_exceptions(to_content(bio)) == biometric_exceptions(bio)  # the form a recording carries
    assert biometric_exceptions(None) == [] and biometric_exceptions(object()) == []
    assert biometric_exceptions({"slots": {"finger_99": {}}}) == ["Sidik jari/iris: data tidak terbaca"]
    assert media_exceptions(None, None, "terbaring", None) == ["Foto: pengecualian"]


def test_too_many_waiting_warns_then_stops_and_the_worse_limit_wins():
    assert waiting_state(39, warn_count=40, stop_count=100).level == "ok"
    assert waiting_state(40, warn_count=40, stop_count=100).level == "warn"
    assert waiting_state(100, warn_count=40, stop_count=100).level == "stop"
    assert waiting_state(10_000, warn_count=0, stop_count=0).level == "ok"  # 0 switches a limit off
    now = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)
    unsaved = unsaved_state(now - dt.timedelta(days=4), now, warn_days=3, stop_days=7)
    both = LimitsState(unsaved, waiting_state(100, warn_count=40, stop_count=100))
    assert both.level == "stop" and both.refusal() == ("recording.too_many_waiting", {"count": 100})
    assert both.warnings() == [("limits.unsaved_warn", {"days": 4}), ("limits.waiting_stop", {"count": 100})]
    calm = LimitsState(unsaved_state(None, now, warn_days=3, stop_days=7), waiting_state(0, warn_count=40,
                                                                                         stop_count=100))
    assert calm.level == "ok" and calm.refusal() is None and calm.warnings() == []
