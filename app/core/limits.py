"""How long recordings may sit with neither a sync nor a backup: a warning, then a stop on new recordings.

As MOSIP's registration client has it (a limit on days since the last sync),
as settings (`app.store.limits`; 0 switches a limit off).
The days count from the oldest completed recording made after the last sync
and the last backup (what no server and no backup holds yet), or, for one still
waiting for a supervisor's approval (no sync carries it), after the last backup;
nothing at risk, nothing to warn about. A second limit counts the recordings
waiting for approval (`waiting_state`). Pure: the store (`app.store.limits`) gives the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DEFAULT_WARN_DAYS = 3
DEFAULT_STOP_DAYS = 7

Level = Literal["ok", "warn", "stop"]
_UNSAVED_CODES = {"warn": "limits.unsaved_warn", "stop": "limits.unsaved_stop"}
_WAITING_CODES = {"warn": "limits.waiting_warn", "stop": "limits.waiting_stop"}


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


DEFAULT_WAITING_WARN = 40
DEFAULT_WAITING_STOP = 100


@dataclass(frozen=True)
class WaitingState:
    """level: ok, warn or stop; count: completed recordings waiting for a supervisor's approval."""

    level: Level
    count: int


def waiting_state(count: int, *, warn_count: int, stop_count: int) -> WaitingState:
    """Too many recordings waiting for approval: a warning, then a stop on new ones (0 switches a limit off)."""
    if stop_count > 0 and count >= stop_count:
        return WaitingState("stop", count)
    if warn_count > 0 and count >= warn_count:
        return WaitingState("warn", count)
    return WaitingState("ok", count)


@dataclass(frozen=True)
class LimitsState:
    """Both limits at once; `level` is the worse of the two (the window's banner, the stop on new recordings)."""

    unsaved: UnsavedState
    waiting: WaitingState

    @property
    def level(self) -> Level:
        order = ("ok", "warn", "stop")
        return max(self.unsaved.level, self.waiting.level, key=order.index)

    def refusal(self) -> tuple[str, dict] | None:
        """The code and params refusing a new recording, or None while neither limit stops."""
        if self.unsaved.level == "stop":
            return "recording.unsaved_too_long", {"days": self.unsaved.days}
        if self.waiting.level == "stop":
            return "recording.too_many_waiting", {"count": self.waiting.count}
        return None

    def warnings(self) -> list[tuple[str, dict]]:
        """The codes and params of the banner's lines (a stop says so too)."""
        out = []
        if self.unsaved.level != "ok":
            out.append((_UNSAVED_CODES[self.unsaved.level], {"days": self.unsaved.days}))
        if self.waiting.level != "ok":
            out.append((_WAITING_CODES[self.waiting.level], {"count": self.waiting.count}))
        return out
