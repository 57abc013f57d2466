"""How long recordings may sit with neither a sync nor a backup: a warning, then a stop on new recordings.

As MOSIP's registration client has it (a limit on days since the last sync),
as settings (`app.store.limits`; 0 switches a limit off).
The days count from the oldest completed recording made after the last sync
and the last backup (what no server and no backup holds yet); nothing at risk,
nothing to warn about. Pure: the store (`app.store.limits`) gives the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DEFAULT_WARN_DAYS = 3
DEFAULT_STOP_DAYS = 7

Level = Literal["ok", "warn", "stop"]


@dataclass(frozen=True)
class UnsavedState:
    """level: ok, warn or stop; days: whole days the oldest unsaved recording has waited (0: none)."""

    level: Level
    days: int


def unsaved_state(oldest_unsaved: dt.datetime | None, now: dt.datetime, *, warn_days: int,
                  stop_days: int) -> UnsavedState:
    """`oldest_unsaved`: the oldest completed recording made after the last sync and backup (None: none)."""
    if oldest_unsaved is None:
        return UnsavedState("ok", 0)
    days = max(0, (now - oldest_unsaved).days)
    if stop_days > 0 and days >= stop_days:
        return UnsavedState("stop", days)
    if warn_days > 0 and days >= warn_days:
        return UnsavedState("warn", days)
    return UnsavedState("ok", days)
