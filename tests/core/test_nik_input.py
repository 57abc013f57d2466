"""normalize_nik_input: NIK/KK numbers with separators become digits; anything else is left for the checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.kk import check_kk
from app.core.nik import check_nik, normalize_nik_input

NIK = "3171010101900001"


@pytest.mark.parametrize("text", [
    NIK, f" {NIK} ", "3171 0101 0190 0001", "31.71.01.010190.0001", "3171-0101-0190-0001",
    "3171\u00a00101\u00a00190\u00a00001", "3171\u20130101\u20130190\u20130001", "3171\t0101  0190 0001",
])
def test_separators_between_digits_are_removed(text):
    assert normalize_nik_input(text) == NIK
    assert [f.code for f in check_nik(normalize_nik_input(text))] == []
    assert [f.code for f in check_kk(normalize_nik_input(text))] == []


@pytest.mark.parametrize("text, expected", [
    ("", ""), ("   ", ""), (None, ""), ("-", "-"), (" . ", "."),
    ("3171O10101900001", "3171O10101900001"),       # a letter O: left for nik.not_digits
    ("３１７１０１０１０１９０００１", "３１７１０１０１０１９０００１"),  # full-width digits are not ASCII
    ("٣١٧١ ٠١٠١", "٣١٧١ ٠١٠١"),                        # Arabic-Indic digits with a space
    ("3171/0101/0190/0001", "3171/0101/0190/0001"),  # a slash is not a separator we accept
    ("3171_0101", "3171_0101"),
])
def test_anything_else_is_only_stripped(text, expected):
    assert normalize_nik_input(text) == expected


@pytest.mark.parametrize("text, code", [
    ("3171O10101900001", "nik.not_digits"), ("３１７１０１０１０１９０００１", "nik.not_digits"),
    ("3171 0101", "nik.length"), ("", "nik.required"), ("1" * 10_000, "nik.length"),
])
def test_what_stays_wrong_gets_the_usual_finding(text, code):
    assert code in [f.code for f in check_nik(normalize_nik_input(text))]


def test_a_very_long_input_is_handled_in_linear_time():
    text = "1 " * 500_000
    assert normalize_nik_input(text) == "1" * 500_000
    assert normalize_nik_input("x" + text) == ("x" + text).strip()


@given(st.text(max_size=60))
def test_the_result_is_digits_or_the_stripped_input(text):
    result = normalize_nik_input(text)
    stripped = text.strip()
    assert result == stripped or (result.isascii() and result.isdigit()
                                  and result == "".join(ch for ch in stripped if "0" <= ch <= "9"))
    assert normalize_nik_input(result) == result
