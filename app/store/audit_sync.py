"""How far the server holds this laptop's audit trail, and whether it flagged this device (two settings).

``audit.synced_through``: the last entry id the server said it holds;
``audit.server_flagged_at``: the first entry where the server found that this
laptop's chain no longer continues its copy (None: not flagged). Written by the
sync client (`sync.client.audit`), shown by ``jemput audit status``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.store.settings import Settings

if TYPE_CHECKING:
    from app.store.database import Store

SYNCED_THROUGH_KEY = "audit.synced_through"
FLAGGED_KEY = "audit.server_flagged_at"
RUN_ACTION = "sync.run"
"""The audit entry each sync run adds before sending the trail (counts only)."""


@dataclass(frozen=True)
class AuditSyncState:
    synced_through: int
    flagged_at_entry: int | None

    @classmethod
    def load(cls, store: "Store") -> "AuditSyncState":
        settings = Settings(store)
        flagged = settings.get(FLAGGED_KEY)
        return cls(int(settings.get(SYNCED_THROUGH_KEY, 0) or 0), int(flagged) if flagged is not None else None)

    @staticmethod
    def save(store: "Store", synced_through: int, flagged_at_entry: int | None) -> None:
        settings = Settings(store)
        with store.transaction():
            settings.set(SYNCED_THROUGH_KEY, int(synced_through))
            settings.set(FLAGGED_KEY, flagged_at_entry)
