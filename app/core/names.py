"""Names as the KTP prints them: upper case, single spaces, a small character set.

Allowed: letters A-Z, spaces, and the apostrophe, hyphen, period and comma
found in real names ("MUH. RIZKY", "SITI NUR'AINI", "NI LUH PUTU ARI"); a
single word (mononym) is a full name. The typographic apostrophe ’ is read as
'. Digits, other symbols and letters outside A-Z are refused with a message
that names them. Also used for other name-like fields (tempat lahir).
"""

from __future__ import annotations

import unicodedata

from app.core._text import as_text
from app.core.findings import Finding, Severity, finding

MAX_NAME_LENGTH = 60
ALLOWED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ '-.,")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_MAX_SHOWN = 10

FIELD_LABELS = {
    "nama": "Nama",
    "nama_ayah": "Nama ayah",
    "nama_ibu": "Nama ibu",
    "tempat_lahir": "Tempat lahir",
}


def normalize_name(text: object) -> str:
    """Upper case, compatibility forms folded (full-width letters), ’ -> ', spaces folded."""
    value = as_text(text)
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value).translate(_APOSTROPHES)
    return " ".join(value.upper().split())


def check_name(text: object, field: str = "nama", required: bool = True) -> list[Finding]:
    """Findings for a name as it would be printed (after `normalize_name`).

    Codes: ``name.required`` (empty and required), ``name.too_long`` (more
    than 60 characters), ``name.invalid_chars`` (characters outside A-Z,
    space and ' - . , — listed in the message — or not starting with a letter).
    """
    label = FIELD_LABELS.get(field) or field.replace("_", " ").capitalize()
    name = normalize_name(text)
    if not name:
        return [finding("name.required", field, Severity.ERROR, label=label)] if required else []
    found: list[Finding] = []
    if len(name) > MAX_NAME_LENGTH:
        found.append(finding("name.too_long", field, Severity.ERROR,
                             label=label, limit=MAX_NAME_LENGTH, length=len(name)))
    bad = set() if ALLOWED_CHARS.issuperset(name) else set(name) - ALLOWED_CHARS
    if bad:
        ordered = sorted(bad, key=name.index)
        shown = ", ".join(_show(ch) for ch in ordered[:_MAX_SHOWN])
        params = {"label": label, "chars": shown}
        if len(ordered) > _MAX_SHOWN:
            params["more"] = str(len(ordered) - _MAX_SHOWN)
        found.append(finding("name.invalid_chars", field, Severity.ERROR, **params))
    elif not ("A" <= name[0] <= "Z"):
        found.append(finding("name.invalid_chars", field, Severity.ERROR, label=label))
    return found


def _show(ch: str) -> str:
    """A character as the operator can read it: quoted, or its code point if invisible."""
    if ch.isprintable() and not unicodedata.category(ch).startswith(("Z", "C", "M")):
        return f'"{ch}"'
    return f"U+{ord(ch):04X}"
