"""Target categories derived on a given day (boundaries: birthdays, 29 February, 17 in exactly N months)
and the rules for setting a visit outcome."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.categories import (
    Category, add_months, birth_range, derived_categories, years_before,
)
from app.core.messages import CodedError
from app.core.outcomes import MANUAL, Outcome, check_outcome

D = dt.date
TODAY = D(2025, 6, 15)


def _in_range(category: Category, born: dt.date, on: dt.date, months: int = 6) -> bool:
    after, until = birth_range(category, on, months)
    return (after is None or born > after) and born <= until


@pytest.mark.parametrize(("born", "lansia"), [
    (D(1965, 6, 15), True),   # 60th birthday today
    (D(1965, 6, 16), False),  # 60 tomorrow
    (D(1965, 6, 14), True),
    (D(1930, 1, 1), True),
    (D(2000, 1, 1), False),
])
def test_lansia_from_the_60th_birthday(born, lansia):
    assert (Category.LANSIA in derived_categories(born, TODAY)) is lansia
    assert _in_range(Category.LANSIA, born, TODAY) is lansia


@pytest.mark.parametrize(("born", "months", "pelajar"), [
    (D(2008, 12, 15), 6, True),   # 17 in exactly 6 months
    (D(2008, 12, 16), 6, False),  # a day later
    (D(2008, 6, 15), 6, False),   # 17 today: wajib KTP, no longer "turns 17 within"
    (D(2008, 6, 16), 6, True),    # 17 tomorrow
    (D(2008, 12, 15), 5, False),
    (D(2009, 6, 15), 12, True),   # exactly 12 months
    (D(2008, 7, 1), 0, False),
])
def test_pelajar_turns_17_within_n_months(born, months, pelajar):
    assert (Category.PELAJAR in derived_categories(born, TODAY, months)) is pelajar
    assert _in_range(Category.PELAJAR, born, TODAY, months) is pelajar


def test_29_february_births_and_month_ends():
    # Born 29 Feb 1964: turns 60 on 29 Feb 2024 (leap), and 61 on 1 Mar 2025.
    assert Category.LANSIA in derived_categories(D(1964, 2, 29), D(2024, 2, 29))
    assert Category.LANSIA not in derived_categories(D(1964, 2, 29), D(2024, 2, 28))
    # Born 29 Feb 2008: 17 on 1 Mar 2025 (common year).
    assert _in_range(Category.PELAJAR, D(2008, 2, 29), D(2024, 9, 1), 6) is True    # until 1 Mar 2025
    assert _in_range(Category.PELAJAR, D(2008, 2, 29), D(2024, 8, 31), 6) is False  # until 28 Feb 2025
    assert Category.PELAJAR not in derived_categories(D(2008, 2, 29), D(2024, 8, 31), 6)
    assert Category.PELAJAR in derived_categories(D(2008, 2, 29), D(2024, 9, 1), 6)
    assert years_before(D(2024, 2, 29), 17) == D(2007, 2, 28)
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)


def test_ranges_agree_with_ages_over_many_days():
    on = D(2025, 3, 1)
    day = D(1955, 1, 1)
    while day < D(2011, 1, 1):
        for category in (Category.LANSIA, Category.PELAJAR):
            assert _in_range(category, day, on) is (category in derived_categories(day, on)), (category, day)
        day += dt.timedelta(days=3)


def test_no_birth_date_or_future_birth_gives_nothing_and_bad_input_is_refused():
    assert derived_categories(None, TODAY) == set()
    assert derived_categories(D(2030, 1, 1), TODAY) == set()
    for bad in (-1, 61, True, "6"):
        with pytest.raises(ValueError):
            derived_categories(D(2008, 12, 1), TODAY, bad)
    with pytest.raises(ValueError):
        birth_range(Category.TAHANAN, TODAY)
    with pytest.raises(ValueError):
        Category.parse("preman")
    assert Category.parse(" Lansia ") is Category.LANSIA
    assert not Category.LANSIA.markable and Category.PELAJAR.markable and Category.PELAJAR.derived
    assert Category.TAHANAN.label == "Tahanan (lapas/rutan)"


def test_outcome_labels_and_the_manual_choices():
    assert Outcome.KUNJUNGAN_ULANG.label == "Sakit / minta kunjungan ulang"
    assert Outcome.DIREKAM not in MANUAL and len(MANUAL) == len(Outcome) - 1
    assert all(o.label for o in Outcome)


def test_revisit_date_required_not_in_the_past_and_only_for_a_revisit():
    assert check_outcome("kunjungan_ulang", TODAY, revisit_date=TODAY) is Outcome.KUNJUNGAN_ULANG
    assert check_outcome(Outcome.MENOLAK, TODAY) is Outcome.MENOLAK
    for kwargs, code in (
        ({"revisit_date": None}, "outcome.revisit_required"),
        ({"revisit_date": TODAY - dt.timedelta(days=1)}, "outcome.revisit_past"),
    ):
        with pytest.raises(CodedError) as info:
            check_outcome(Outcome.KUNJUNGAN_ULANG, TODAY, **kwargs)
        assert info.value.code == code
    with pytest.raises(CodedError) as info:
        check_outcome(Outcome.PINDAH, TODAY, revisit_date=TODAY)
    assert info.value.code == "outcome.revisit_not_allowed"


def test_direkam_needs_a_recording_and_is_final():
    with pytest.raises(CodedError) as info:
        check_outcome(Outcome.DIREKAM, TODAY)
    assert info.value.code == "outcome.direkam_needs_recording"
    assert check_outcome(Outcome.DIREKAM, TODAY, recording_uuid="u", previous="tidak_di_rumah") is Outcome.DIREKAM
    with pytest.raises(CodedError) as info:
        check_outcome(Outcome.TIDAK_DI_RUMAH, TODAY, previous=Outcome.DIREKAM)
    assert info.value.code == "outcome.after_direkam"
    for bad in ("", "hilang", "DROP TABLE", None, "x" * 10_000):
        with pytest.raises(CodedError) as info:
            check_outcome(bad, TODAY)
        assert info.value.code == "outcome.unknown"
    with pytest.raises(CodedError) as info:
        check_outcome(Outcome.MENOLAK, TODAY, note="x" * 501)
    assert info.value.code == "outcome.note_too_long"
