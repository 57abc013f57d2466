"""Small text helpers shared by the core validators (ASCII digits, folding, dates).

Private to `app.core`: digit checks are explicit ASCII (never ``str.isdigit``,
which accepts '١٢٣' and '１２３'), and dates are written the Indonesian way.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

ASCII_DIGITS = "0123456789"

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def is_ascii_digits(text: object) -> bool:
    """True when `text` is a non-empty str made only of the ASCII digits 0-9."""
    # strip() removes every leading/trailing char in the set: empty result = all digits.
    return isinstance(text, str) and text != "" and not text.strip(ASCII_DIGITS)


def as_text(value: object) -> str:
    """A form value as text: None -> '', str unchanged, anything else via str()."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def collapse_spaces(text: str) -> str:
    """Strip and fold every run of whitespace into one space."""
    return " ".join(text.split())


# Apostrophes vanish when folding (NUR'AINI = NURAINI); other punctuation separates words.
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_ASCII_FOLD = str.maketrans(
    {
        **{ch: None for ch in _APOSTROPHES},
        **{chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) not in _APOSTROPHES},
    }
)


def fold_for_search(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of `text` for matching.

    'Koto-Baru' -> 'koto baru', 'Regapu’u' -> 'regapuu', 'Bêkasi' -> 'bekasi'.
    """
    if not text.isascii():
        kept = []
        for ch in unicodedata.normalize("NFKD", text):
            if unicodedata.combining(ch) or ch in _APOSTROPHES:
                continue
            kept.append(ch if ch.isascii() or ch.isalnum() else " ")
        text = "".join(kept)
    return " ".join(text.lower().translate(_ASCII_FOLD).split())


def format_date_id(value: dt.date) -> str:
    """'1 Maret 2025'."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
