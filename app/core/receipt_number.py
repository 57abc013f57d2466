"""The short registration number on a resident's receipt (bukti perekaman), derived from the recording's UUID.

A resident keeps the receipt and quotes its number when asking the Dinas
about the card; the office finds the recording by it. The number is a pure
function of the recording's UUID, so the laptop, a reprint months later and
the server all arrive at the same one without storing it.

Rule: SHA-256 of the UUID in its canonical form (lower case, with hyphens);
the first 50 bits, as 10 symbols of Crockford's base 32 alphabet (digits and
capitals without I, L, O, U: nothing to confuse with 1, 0 or V when read over
the phone or typed back), then one check symbol (Luhn mod 32). Printed in
groups as ``XXXX-XXXX-XXX`` (the last group ends with the check symbol).

The check symbol catches every single wrong symbol and every swap of two
neighbours except 0<->Z (the Luhn mod N blind spot: the values 0 and N-1).
Reading it back, `parse_registration_number` ignores case, spaces and
hyphens, and reads O as 0 and I/L as 1 (Crockford's decoding), so a number
copied by hand still matches.

Collisions: hashing spreads the UUIDs evenly over 2^50 (about 1.1e15)
numbers. Among n recordings the chance that any two share a number is about
n^2 / 2^51: 4e-6 for 100,000 recordings (a kabupaten's year), 6e-4 for
1.2 million (all of Palembang). The number is a look-up aid, never a key:
the recording stays keyed by its UUID, and the name and NIK printed beside
the number tell apart the rare two that share one.
"""

from __future__ import annotations

import hashlib
import uuid as uuid_mod

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
BASE = len(ALPHABET)
DATA_SYMBOLS = 10  # 50 bits
BITS = 5 * DATA_SYMBOLS
GROUPS = (4, 4, 3)  # how the 11 symbols are printed
LENGTH = DATA_SYMBOLS + 1
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_READ_AS = {"O": "0", "I": "1", "L": "1"}  # Crockford: what a hand-copied number may carry instead


def _check_symbol(data: str) -> str:
    """The Luhn mod 32 check symbol of `data` (symbols of `ALPHABET`)."""
    total, factor = 0, 2
    for ch in reversed(data):
        addend = factor * _VALUE[ch]
        total += addend // BASE + addend % BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(BASE - total % BASE) % BASE]


def registration_number(recording_uuid: str) -> str:
    """The 11 symbols (no hyphens) for a recording's UUID; raises ValueError for a string that is no UUID."""
    canonical = str(uuid_mod.UUID(str(recording_uuid).strip()))
    value = int.from_bytes(hashlib.sha256(canonical.encode("ascii")).digest(), "big") >> (256 - BITS)
    data = "".join(ALPHABET[(value >> (5 * i)) & (BASE - 1)] for i in reversed(range(DATA_SYMBOLS)))
    return data + _check_symbol(data)


def format_registration_number(number: str) -> str:
    """``7KQ2M9XAT4C`` -> ``7KQ2-M9XA-T4C`` (how it is printed and shown)."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(number[start:start + size])
        start += size
    return "-".join(parts)


def parse_registration_number(text: str) -> str | None:
    """The number as typed back (any case, spaces or hyphens, O for 0, I/L for 1), in its 11-symbol form;
    None when it has the wrong length, a symbol outside the alphabet or a wrong check symbol."""
    cleaned = "".join(ch for ch in str(text).upper() if not (ch.isspace() or ch in "-\u2010\u2011\u2013"))
    cleaned = "".join(_READ_AS.get(ch, ch) for ch in cleaned)
    if len(cleaned) != LENGTH or any(ch not in _VALUE for ch in cleaned):
        return None
    return cleaned if _check_symbol(cleaned[:-1]) == cleaned[-1] else None
