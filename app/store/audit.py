"""The append-only audit log: who did what to which recording, and when.

Rows carry ids, statuses and counts, never personal data: `append` refuses a
detail with a personal-data key or a 16-digit number (a NIK or KK number).
Triggers in the schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.store._util import canonical_json, utc_now

if TYPE_CHECKING:
    from app.store.database import Store

PERSONAL_KEYS = frozenset(
    {"nik", "no_kk", "nama", "name", "nama_ayah", "nama_ibu", "alamat", "telepon", "tanggal_lahir"}
)
# 16 digits standing alone (a NIK or KK number), not a run of digits inside a hex hash.
_SIXTEEN_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{16}(?![0-9A-Za-z])")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    ts: str
    actor: str
    action: str
    recording_uuid: str | None
    detail: dict[str, Any]


def check_detail(detail: dict[str, Any]) -> None:
    """Raise ValueError if `detail` looks like it holds personal data."""
    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if str(k).lower() in PERSONAL_KEYS:
                    raise ValueError(f"detail audit tidak boleh memuat data pribadi (kunci {k!r})")
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, str) and _SIXTEEN_DIGITS.search(value):
            raise ValueError("detail audit tidak boleh memuat nomor 16 digit (NIK/KK)")

    walk(detail)


class AuditLog:
    """Append and read audit entries."""

    def __init__(self, store: "Store"):
        self.store = store

    def append(
        self,
        action: str,
        *,
        actor: str = "",
        recording_uuid: str | None = None,
        detail: dict[str, Any] | None = None,
        ts: str | None = None,
    ) -> None:
        """Add one entry (inside the caller's transaction if one is open)."""
        detail = detail or {}
        check_detail(detail)
        with self.store.transaction() as db:
            db.conn.execute(
                "INSERT INTO audit (ts, actor, action, recording_uuid, detail) VALUES (?, ?, ?, ?, ?)",
                (ts or utc_now(), actor or "", action, recording_uuid, canonical_json(detail)),
            )

    def entries(
        self, *, recording_uuid: str | None = None, action: str | None = None, limit: int = 200
    ) -> list[AuditEntry]:
        """Newest first."""
        where, params = [], []
        if recording_uuid is not None:
            where.append("recording_uuid = ?")
            params.append(recording_uuid)
        if action is not None:
            where.append("action = ?")
            params.append(action)
        sql = "SELECT id, ts, actor, action, recording_uuid, detail FROM audit"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return [
            AuditEntry(id=r[0], ts=r[1], actor=r[2], action=r[3], recording_uuid=r[4], detail=json.loads(r[5]))
            for r in self.store.query(sql, params)
        ]
