"""Times as the pump writes and shows them: ISO UTC in the store, the laptop's local clock for the operator."""

from __future__ import annotations

import datetime as dt

__all__ = ["utc_now", "iso", "parse_iso", "local_clock"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def parse_iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def local_clock(text: str | None) -> str:
    """An ISO time as the laptop's local HH:MM (with the date when not today)."""
    moment = parse_iso(text)
    if moment is None:
        return ""
    local = moment.astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")
