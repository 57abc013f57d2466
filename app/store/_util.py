"""Small helpers shared by the store modules: UTC timestamps, canonical JSON, hashes, NIK prefixes (files: `app.fsio`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any


def utc_now() -> str:
    """Now as an ISO-8601 UTC timestamp with milliseconds (sorts as text)."""
    return to_utc_iso(dt.datetime.now(dt.timezone.utc))


def to_utc_iso(moment: dt.datetime) -> str:
    """An aware datetime as ``YYYY-MM-DDTHH:MM:SS.mmm+00:00``; naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal data gives equal text (and hash)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty string of the ASCII digits 0-9 only (not '１２' or '١٢')."""
    return text.isascii() and text.isdigit()


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """(low, high) such that ``low <= value < high`` holds for digit strings starting with `prefix`.

    An index range on the column, unlike LIKE; ':' sorts right after '9'.
    """
    return prefix, prefix + ":"
