"""Eligibility on a recording date: wajib KTP, pre-recording, too young."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.eligibility import (
    EligibilityStatus,
    age_on,
    assess_eligibility,
    birthday,
)
from app.core.findings import Severity
from app.core.values import StatusPerkawinan

D = dt.date
S = EligibilityStatus
BELUM, KAWIN = StatusPerkawinan.BELUM_KAWIN, StatusPerkawinan.KAWIN
CERAI_HIDUP, CERAI_MATI = StatusPerkawinan.CERAI_HIDUP, StatusPerkawinan.CERAI_MATI


@pytest.mark.parametrize(
    "born, status, on, min_age, expected, age",
    [
        # the 17th birthday: the day before and the day itself
        (D(2008, 5, 17), BELUM, D(2025, 5, 16), 17, S.TOO_YOUNG, 16),
        (D(2008, 5, 17), BELUM, D(2025, 5, 17), 17, S.WAJIB, 17),
        (D(2008, 5, 17), BELUM, D(2025, 5, 16), 16, S.PRE_RECORD, 16),
        (D(2008, 5, 17), None, D(2025, 5, 17), 16, S.WAJIB, 17),
        (D(1950, 1, 1), BELUM, D(2025, 5, 17), 16, S.WAJIB, 75),
        # married (or ever married) is wajib KTP at any age
        (D(2009, 3, 1), KAWIN, D(2025, 6, 1), 16, S.WAJIB, 16),
        (D(2010, 3, 1), CERAI_HIDUP, D(2025, 6, 1), 16, S.WAJIB, 15),
        (D(2010, 3, 1), CERAI_MATI, D(2025, 6, 1), 17, S.WAJIB, 15),
        (D(2010, 3, 1), "Kawin", D(2025, 6, 1), 16, S.WAJIB, 15),
        (D(2010, 3, 1), 2, D(2025, 6, 1), 16, S.WAJIB, 15),
        # minimum recording age 15 vs 16
        (D(2010, 3, 1), BELUM, D(2025, 6, 1), 15, S.PRE_RECORD, 15),
        (D(2010, 3, 1), BELUM, D(2025, 6, 1), 16, S.TOO_YOUNG, 15),
        (D(2010, 6, 1), BELUM, D(2025, 5, 31), 15, S.TOO_YOUNG, 14),
        (D(2010, 6, 1), BELUM, D(2025, 6, 1), 15, S.PRE_RECORD, 15),
        (D(2009, 6, 1), BELUM, D(2025, 6, 1), 16, S.PRE_RECORD, 16),
        # born 29 February: the birthday in a common year is 1 March
        (D(2008, 2, 29), BELUM, D(2025, 2, 28), 17, S.TOO_YOUNG, 16),
        (D(2008, 2, 29), BELUM, D(2025, 3, 1), 17, S.WAJIB, 17),
        (D(2008, 2, 29), BELUM, D(2025, 2, 28), 16, S.PRE_RECORD, 16),
        (D(2007, 2, 28), BELUM, D(2024, 2, 28), 17, S.WAJIB, 17),  # leap year 2024
        (D(2007, 3, 1), BELUM, D(2024, 2, 29), 17, S.TOO_YOUNG, 16),
        # born on the recording day
        (D(2025, 6, 1), BELUM, D(2025, 6, 1), 16, S.TOO_YOUNG, 0),
        (D(2025, 6, 1), BELUM, dt.datetime(2025, 6, 1, 8, 30), 16, S.TOO_YOUNG, 0),
    ],
)
def test_assess_eligibility(born, status, on, min_age, expected, age):
    result = assess_eligibility(born, status, on, min_recording_age=min_age)
    assert result.status is expected and result.age_years == age
    codes = [f.code for f in result.findings]
    if expected is S.WAJIB:
        assert codes == [] and result.eligible_from is None and result.card_held_until is None
    elif expected is S.PRE_RECORD:
        assert codes == ["eligibility.pre_record"]
        assert result.findings[0].severity is Severity.WARNING
        assert result.card_held_until == birthday(born, 17) and result.eligible_from is None
        assert "kartu ditahan sampai usia 17" in result.findings[0].message
    else:
        assert codes == ["eligibility.too_young"]
        assert result.findings[0].severity is Severity.ERROR
        assert result.eligible_from == birthday(born, min_age)
    assert all(f.field == "tanggal_lahir" for f in result.findings)


def test_too_young_message_gives_the_eligible_date():
    result = assess_eligibility(D(2010, 6, 1), BELUM, D(2025, 5, 31), min_recording_age=15)
    assert result.eligible_from == D(2025, 6, 1)
    assert "1 Juni 2025" in result.findings[0].message  # recordable from
    assert "1 Juni 2027" in result.findings[0].message  # card handed over at 17
    result = assess_eligibility(D(2008, 2, 29), BELUM, D(2025, 2, 28), min_recording_age=17)
    assert result.eligible_from == D(2025, 3, 1)
    assert "1 Maret 2025" in result.findings[0].message


def test_pre_record_message_gives_the_hand_over_date():
    result = assess_eligibility(D(2008, 6, 2), BELUM, D(2025, 6, 1))
    assert result.status is S.PRE_RECORD and result.card_held_until == D(2025, 6, 2)
    assert "2 Juni 2025" in result.findings[0].message


def test_default_minimum_age_is_16():
    assert assess_eligibility(D(2009, 6, 1), None, D(2025, 6, 1)).status is S.PRE_RECORD
    assert assess_eligibility(D(2009, 6, 2), None, D(2025, 6, 1)).status is S.TOO_YOUNG


@pytest.mark.parametrize(
    "born, on, age",
    [
        (D(2000, 2, 29), D(2001, 2, 28), 0),
        (D(2000, 2, 29), D(2001, 3, 1), 1),
        (D(2000, 2, 29), D(2004, 2, 29), 4),
        (D(1990, 12, 31), D(2025, 12, 30), 34),
        (D(1990, 12, 31), D(2025, 12, 31), 35),
    ],
)
def test_age_on(born, on, age):
    assert age_on(born, on) == age


@pytest.mark.parametrize("min_age", [0, 18, -1, 16.0, "16", True, None])
def test_minimum_age_setting_is_checked(min_age):
    with pytest.raises(ValueError):
        assess_eligibility(D(2000, 1, 1), None, D(2025, 1, 1), min_recording_age=min_age)


def test_birth_after_recording_date_raises():
    with pytest.raises(ValueError, match="sesudah"):
        assess_eligibility(D(2025, 6, 2), KAWIN, D(2025, 6, 1))
