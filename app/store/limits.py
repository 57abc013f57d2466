"""The limit on unsaved recordings (`app.core.limits`) read from the profile: its settings, the last sync
(``last_sync_at``), the last backup (``backup.last``) and the oldest completed recording made since; and the
limit on recordings waiting for a supervisor's approval (`app.store.approvals`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.core.limits import (DEFAULT_STOP_DAYS, DEFAULT_WAITING_STOP, DEFAULT_WAITING_WARN, DEFAULT_WARN_DAYS,
                              LimitsState, UnsavedState, unsaved_state, waiting_state)
from app.store.backup import last_backup
from app.store.settings import Settings
from app.store.sync_keys import SyncKeys

if TYPE_CHECKING:
    from app.store.database import Store

WARN_DAYS_KEY = "limits.unsaved_warn_days"
STOP_DAYS_KEY = "limits.unsaved_stop_days"
WAITING_WARN_KEY = "limits.waiting_warn_count"
WAITING_STOP_KEY = "limits.waiting_stop_count"


def _whole(settings: Settings, key: str, default: int) -> int:
    value = settings.get(key, default)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else default


def _utc(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def read_unsaved_state(store: "Store", now: dt.datetime | None = None) -> UnsavedState:
    settings = Settings(store)
    backup = last_backup(store)
    marks = [m for m in (settings.get(SyncKeys.LAST_SYNC), backup["at"] if backup else None) if m]
    since = _utc(max(marks, key=dt.datetime.fromisoformat)) if marks else ""
    backed_up = _utc(backup["at"]) if backup else ""
    # A sync does not carry a recording waiting for approval: only a backup holds it.
    [(oldest,)] = store.query(
        "SELECT min(created_at) FROM recordings WHERE status != 'draft'"
        " AND (created_at > ? OR (status = 'complete' AND created_at > ?))", (since, backed_up))
    return unsaved_state(dt.datetime.fromisoformat(oldest) if oldest else None,
                         now or dt.datetime.now(dt.timezone.utc),
                         warn_days=_whole(settings, WARN_DAYS_KEY, DEFAULT_WARN_DAYS),
                         stop_days=_whole(settings, STOP_DAYS_KEY, DEFAULT_STOP_DAYS))


def read_limits_state(store: "Store", now: dt.datetime | None = None) -> LimitsState:
    """Both limits: unsaved days and recordings waiting for approval."""
    from app.store.approvals import waiting_count

    settings = Settings(store)
    waiting = waiting_state(waiting_count(store), warn_count=_whole(settings, WAITING_WARN_KEY, DEFAULT_WAITING_WARN),
                            stop_count=_whole(settings, WAITING_STOP_KEY, DEFAULT_WAITING_STOP))
    return LimitsState(read_unsaved_state(store, now), waiting)
