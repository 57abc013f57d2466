"""The limit on unsaved recordings (`app.core.limits`) read from the profile: its settings, the last sync
(``last_sync_at``), the last backup (``backup.last``) and the oldest completed recording made since."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.core.limits import DEFAULT_STOP_DAYS, DEFAULT_WARN_DAYS, UnsavedState, unsaved_state
from app.store.backup import last_backup
from app.store.settings import Settings
from app.store.sync_keys import SyncKeys

if TYPE_CHECKING:
    from app.store.database import Store

WARN_DAYS_KEY = "limits.unsaved_warn_days"
STOP_DAYS_KEY = "limits.unsaved_stop_days"


def _days(settings: Settings, key: str, default: int) -> int:
    value = settings.get(key, default)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else default


def read_unsaved_state(store: "Store", now: dt.datetime | None = None) -> UnsavedState:
    settings = Settings(store)
    backup = last_backup(store)
    marks = [m for m in (settings.get(SyncKeys.LAST_SYNC), backup["at"] if backup else None) if m]
    since = max(dt.datetime.fromisoformat(m) for m in marks).astimezone(dt.timezone.utc).isoformat(
        timespec="milliseconds") if marks else ""
    [(oldest,)] = store.query(
        "SELECT min(created_at) FROM recordings WHERE status != 'draft' AND created_at > ?", (since,))
    return unsaved_state(dt.datetime.fromisoformat(oldest) if oldest else None,
                         now or dt.datetime.now(dt.timezone.utc),
                         warn_days=_days(settings, WARN_DAYS_KEY, DEFAULT_WARN_DAYS),
                         stop_days=_days(settings, STOP_DAYS_KEY, DEFAULT_STOP_DAYS))
