"""Changes of marked categories, kept until the server holds them (``category_marks``).

A mark (difabel, tahanan, pekerja, perbatasan, pelajar from a school list) is
made in ``target_categories`` by `app.store.visits` or `app.store.school`; each
change (marked, or the mark taken off) is also written here, in the same
transaction, under a client UUID. The server keeps the latest change per NIK
and category, so its dashboard counts the same marked targets as the laptop.
``sync_state`` as for visit outcomes (`app.store.sync_rows`).
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite3

from app.core.categories import Category
from app.store import sync_rows
from app.store.sync_rows import PENDING

if TYPE_CHECKING:
    from app.store.database import Store

SOURCE_MAX = 200


@dataclass(frozen=True)
class CategoryMark:
    """One change: `marked` True when the NIK was marked, False when the mark was taken off."""

    uuid: str
    nik: str
    category: Category
    marked: bool
    source: str
    changed_at: str


def record_changes(conn: sqlite3.Connection, changes: Iterable[tuple[str, Category, bool, str, str]]) -> None:
    """Write (nik, category, marked, source, changed_at) changes inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO category_marks (uuid, nik, category, marked, source, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(str(uuid_mod.uuid4()), nik, Category(category).value, int(bool(marked)), (source or "")[:SOURCE_MAX], at)
         for nik, category, marked, source, at in changes])


class CategoryMarks:
    """The changes the server does not hold yet, for `sync.client.category_marks`."""

    def __init__(self, store: "Store"):
        self.store = store

    def pending(self, limit: int = 200) -> list[CategoryMark]:
        """Changes not yet held by the server, oldest first (so the server's latest is the laptop's)."""
        rows = self.store.query(
            "SELECT uuid, nik, category, marked, source, changed_at FROM category_marks WHERE sync_state = ?"
            " ORDER BY changed_at, rowid LIMIT ?", (PENDING, limit))
        return [CategoryMark(r[0], r[1], Category(r[2]), bool(r[3]), r[4], r[5]) for r in rows]

    def pending_count(self) -> int:
        return sync_rows.pending_count(self.store, "category_marks")

    def mark_synced(self, uuids: Iterable[str]) -> int:
        """The server holds these changes; returns how many were pending."""
        return sync_rows.mark_synced(self.store, "category_marks", uuids)

    def mark_refused(self, mark_uuid: str, code: str) -> None:
        """The server refused this change for good (it is not sent again)."""
        sync_rows.mark_refused(self.store, "category_marks", mark_uuid, code)
