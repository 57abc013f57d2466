"""The append-only audit log: who did what to which recording, and when.

Rows carry ids, statuses and counts, never personal data: `append` refuses a
detail with a personal-data key or a 16-digit number (a NIK or KK number).
Triggers in the schema refuse UPDATE and DELETE on the table, and each entry
carries the SHA-256 of the one before it (`app.core.audit_chain`, from schema
migration 0012): `verify` names the first changed, removed or reordered entry
even when someone with the key dropped the triggers. `since` feeds the trail's
sync to the server, which keeps every entry it received.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.audit_chain import GENESIS, ChainBreak, ChainEntry, entry_hash, first_break
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
        text = canonical_json(detail)
        ts, actor = ts or utc_now(), actor or ""
        with self.store.transaction() as db:
            # the next id as AUTOINCREMENT would give it (sqlite_sequence keeps ids of removed rows)
            last = db.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            seq = db.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
            new_id = max(last[0] if last else 0, seq[0] if seq else 0) + 1
            prev = last[1] if last else GENESIS
            digest = entry_hash(id=new_id, ts=ts, actor=actor, action=action, recording_uuid=recording_uuid,
                                detail=json.loads(text), prev=prev)
            db.conn.execute(
                "INSERT INTO audit (id, ts, actor, action, recording_uuid, detail, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_id, ts, actor, action, recording_uuid, text, prev, digest),
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

    def chain(self, *, after_id: int = 0, limit: int | None = None) -> list[ChainEntry]:
        """Entries with their hashes, oldest first, from the one after `after_id`."""
        sql = ("SELECT id, ts, actor, action, recording_uuid, detail, prev_hash, hash FROM audit"
               " WHERE id > ? ORDER BY id")
        params: list[Any] = [after_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            ChainEntry(id=r[0], ts=r[1], actor=r[2], action=r[3], recording_uuid=r[4], detail=json.loads(r[5]),
                       prev_hash=r[6], hash=r[7])
            for r in self.store.query(sql, params)
        ]

    def verify(self) -> tuple[int, ChainBreak | None]:
        """(entries checked, the first break or None) over the whole trail."""
        entries = self.chain()
        return len(entries), first_break(entries)
