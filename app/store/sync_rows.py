"""Rows a table keeps until the server holds them (``sync_state`` pending → acked, or refused for good).

Shared by the visit outcomes (`app.store.visits`), the changes of marked
categories (`app.store.category_marks`) and the no-NIK registrations
(`app.store.registrations`): each table has ``uuid``, ``sync_state``,
``synced_at`` and ``sync_error_code``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.store._util import utc_now

if TYPE_CHECKING:
    from app.store.database import Store

PENDING, ACKED, REFUSED = "pending", "acked", "refused"
_TABLES = frozenset({"visit_outcomes", "registrations", "category_marks"})


def _checked(table: str) -> str:
    if table not in _TABLES:
        raise ValueError(f"tabel tanpa status sinkron: {table}")
    return table


def pending_count(store: "Store", table: str) -> int:
    return store.query(f"SELECT count(*) FROM {_checked(table)} WHERE sync_state = ?", (PENDING,))[0][0]


def mark_synced(store: "Store", table: str, uuids: Iterable[str]) -> int:
    """The server holds these rows; returns how many were pending."""
    now = utc_now()
    with store.transaction() as db:
        cur = db.conn.executemany(
            f"UPDATE {_checked(table)} SET sync_state = ?, synced_at = ?, sync_error_code = NULL"
            " WHERE uuid = ? AND sync_state = ?", [(ACKED, now, u, PENDING) for u in uuids])
        return cur.rowcount


def mark_refused(store: "Store", table: str, row_uuid: str, code: str) -> None:
    """The server refused this row for good (it is not sent again)."""
    with store.transaction() as db:
        db.conn.execute(f"UPDATE {_checked(table)} SET sync_state = ?, sync_error_code = ? WHERE uuid = ?"
                        " AND sync_state = ?", (REFUSED, code, row_uuid, PENDING))
