"""Key/value settings stored as JSON in the profile (e.g. min_recording_age, server_url, language)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from app.store._util import canonical_json, utc_now

if TYPE_CHECKING:
    from app.store.database import Store

DEMO_KEY = "demo"
"""True in a demo profile (`app.demo.profile`): the window marks it DEMO and it registers only with a demo server."""


class Settings:
    """Read and write settings; values are any JSON-safe Python value."""

    def __init__(self, store: "Store"):
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        rows = self.store.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set(self, key: str, value: Any) -> None:
        text = canonical_json(value)  # raises TypeError for values JSON cannot hold
        with self.store.transaction() as db:
            db.conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (key, text, utc_now()),
            )

    def change(self, key: str, value: Any, *, actor: str = "") -> None:
        """A person's change of a setting: set it and audit it (the key; the value when it is a number or
        a switch, the names set in a mapping, never text) in one transaction."""
        from app.store.audit import AuditLog

        detail: dict[str, Any] = {"key": key}
        if isinstance(value, (bool, int, float)) or value is None:
            detail["value"] = value
        elif isinstance(value, dict):  # e.g. the photo-check limits: which ones are set
            detail["fields"] = sorted(str(k) for k in value)[:50]
        with self.store.transaction():
            self.set(key, value)
            AuditLog(self.store).append("setting.changed", actor=actor or "system", detail=detail)

    def delete(self, key: str) -> bool:
        with self.store.transaction() as db:
            return db.conn.execute("DELETE FROM settings WHERE key = ?", (key,)).rowcount > 0

    def all(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.store.query("SELECT key, value FROM settings ORDER BY key")}

    def __contains__(self, key: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM settings WHERE key = ?", (key,)))


def is_demo_profile(store: "Store") -> bool:
    """Whether `store` is a demo profile (generated residents, public passphrase)."""
    return Settings(store).get(DEMO_KEY, False) is True
