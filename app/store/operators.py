"""The people who use this laptop: operators and supervisors (first run creates the first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlcipher3

from app.core.messages import CodedError
from app.store._util import utc_now
from app.store.audit import AuditLog
from app.store.errors import NotFound, StoreError

if TYPE_CHECKING:
    from app.store.database import Store

from app.core.roles import ROLES  # noqa: E402,F401 - operator, supervisor, admin
MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    role: str
    created_at: str

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


class OperatorRepo:
    """Create and list operators."""

    def __init__(self, store: "Store"):
        self.store = store

    def create(self, name: str, role: str = "operator", *, key_slot: str | None = None) -> Operator:
        """Add an operator (with `key_slot`: the key slot their passphrase opens); names are unique ignoring case."""
        name = " ".join(str(name).split())
        if not name:
            raise CodedError("operator.name_empty")
        if len(name) > MAX_NAME_LENGTH:
            raise CodedError("operator.name_too_long", {"limit": MAX_NAME_LENGTH})
        if role not in ROLES:
            raise ValueError(f"peran operator tidak dikenal: {role!r}")
        now = utc_now()
        try:
            with self.store.transaction() as db:
                cur = db.conn.execute(
                    "INSERT INTO operators (name, role, created_at, key_slot) VALUES (?, ?, ?, ?)",
                    (name, role, now, key_slot),
                )
                new_id = cur.lastrowid
                AuditLog(self.store).append("operator.created", detail={"operator_id": new_id, "role": role})
        except sqlcipher3.IntegrityError:
            raise StoreError(kind="exists", code="operator.name_taken") from None
        return Operator(id=new_id, name=name, role=role, created_at=now)

    def get(self, operator_id: int) -> Operator:
        rows = self.store.query("SELECT id, name, role, created_at FROM operators WHERE id = ?", (operator_id,))
        if not rows:
            raise NotFound(code="operator.not_found")
        return Operator(*rows[0])

    def list(self) -> list[Operator]:
        return [Operator(*r) for r in self.store.query("SELECT id, name, role, created_at FROM operators WHERE removed_at IS NULL ORDER BY id")]

    def count(self) -> int:
        return self.store.query("SELECT count(*) FROM operators WHERE removed_at IS NULL")[0][0]

    def first_run_needed(self) -> bool:
        """True while no operator exists (the app then asks for the first one)."""
        return self.count() == 0
