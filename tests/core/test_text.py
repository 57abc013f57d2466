"""The private text helpers: ASCII-only digits, search folding, Indonesian dates."""

import datetime as dt

import pytest

from app.core._text import fold_for_search, format_date_id, is_ascii_digits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0123456789", True),
        ("7", True),
        ("", False),
        (None, False),
        (123, False),
        ("12a3", False),
        (" 123", False),
        ("١٢٣", False),  # Arabic-Indic digits: isdigit() says True, we say no
        ("１２３", False),  # full-width digits
        ("۱۲۳", False),  # Persian digits
        ("²", False),
        ("1" * 100_000, True),
        ("1" * 99_999 + "x", False),
    ],
)
def test_is_ascii_digits(text, expected):
    assert is_ascii_digits(text) is expected


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Koto-Baru", "koto baru"),
        ("Regapu’u", "regapuu"),
        ("NUR'AINI", "nuraini"),
        ("Bêkasi", "bekasi"),
        ("  Lubuk   Pakam I,II ", "lubuk pakam i ii"),
        ("ＳＯＬＯＫ", "solok"),
        ("(Tua) 😀", "tua"),
        ("", ""),
    ],
)
def test_fold_for_search(text, folded):
    assert fold_for_search(text) == folded


def test_format_date_id():
    assert format_date_id(dt.date(2025, 3, 1)) == "1 Maret 2025"
    assert format_date_id(dt.date(1960, 12, 31)) == "31 Desember 1960"
