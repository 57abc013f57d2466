"""Visit outcomes and marked categories of targets: what the teams found, and who they go to.

Every outcome set is a row of ``visit_outcomes`` keyed by a client UUID (the
server keeps it under that UUID, so resending is harmless); the target's
latest one is kept in ``target_outcomes`` in the same transaction. An outcome
waits in ``sync_state = 'pending'`` until the server holds it (``acked``) or
refuses it for good (``refused``). ``direkam`` is written only by
`link_recording`, when a recording of a target's NIK is completed.
Marked categories (``target_categories``) come from the operator or a list
(a school's class list, a prison's or a company's roll).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from app.core.categories import Category
from app.core.messages import CodedError
from app.core.outcomes import Outcome, check_outcome
from app.store._util import canonical_json, is_ascii_digits, utc_now
from app.store import sync_rows
from app.store.sync_rows import ACKED, PENDING, REFUSED  # noqa: F401 - the states, for this module's callers too
from app.store.audit import AuditLog
from app.store.trips import active_ref

if TYPE_CHECKING:
    from app.store.database import Store

_COLUMNS = "uuid, nik, outcome, visited_at, operator, revisit_date, note, recording_uuid, sync_state, trip"


@dataclass(frozen=True)
class VisitOutcome:
    """One outcome set for a target (`app.core.outcomes.Outcome`)."""

    uuid: str
    nik: str
    outcome: Outcome
    visited_at: str
    operator: str = ""
    revisit_date: dt.date | None = None
    note: str = ""
    recording_uuid: str | None = None
    sync_state: str = PENDING
    trip: dict | None = None  # the trip active when it was set (`app.core.trips.Trip.ref`)


def _outcome(row: tuple) -> VisitOutcome:
    return VisitOutcome(row[0], row[1], Outcome(row[2]), row[3], row[4],
                        dt.date.fromisoformat(row[5]) if row[5] else None, row[6], row[7], row[8],
                        json.loads(row[9]) if row[9] else None)


def _latest(db: sqlite_utils.Database, nik: str) -> Outcome | None:
    row = db.conn.execute("SELECT outcome FROM target_outcomes WHERE nik = ?", (nik,)).fetchone()
    return Outcome(row[0]) if row else None


def _insert(db: sqlite_utils.Database, item: VisitOutcome) -> None:
    revisit = item.revisit_date.isoformat() if item.revisit_date else None
    db.conn.execute(
        f"INSERT INTO visit_outcomes ({_COLUMNS}, trip_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.uuid, item.nik, item.outcome.value, item.visited_at, item.operator, revisit, item.note,
         item.recording_uuid, PENDING, canonical_json(item.trip) if item.trip else None,
         item.trip.get("id") if item.trip else None),
    )
    db.conn.execute(
        "INSERT INTO target_outcomes (nik, outcome, outcome_uuid, visited_at, revisit_date) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (nik) DO UPDATE SET outcome = excluded.outcome, outcome_uuid = excluded.outcome_uuid,"
        " visited_at = excluded.visited_at, revisit_date = excluded.revisit_date",
        (item.nik, item.outcome.value, item.uuid, item.visited_at, revisit),
    )


def link_recording(db: sqlite_utils.Database, recording_uuid: str, nik: str, operator: str,
                   trip: dict | None = None) -> bool:
    """Inside the caller's transaction: a completed recording of a target's NIK makes it ``direkam``.

    Once per recording; a NIK not on the target list gets nothing. Returns True when written.
    """
    if not nik or db.conn.execute("SELECT 1 FROM targets WHERE nik = ?", (nik,)).fetchone() is None:
        return False
    if db.conn.execute("SELECT 1 FROM visit_outcomes WHERE recording_uuid = ?", (recording_uuid,)).fetchone():
        return False
    _insert(db, VisitOutcome(str(uuid_mod.uuid4()), nik, Outcome.DIREKAM, utc_now(), operator,
                             recording_uuid=recording_uuid, trip=trip))
    return True


class VisitOutcomes:
    """Set, read and sync the visit outcomes and the marked categories of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store

    # -- outcomes ----------------------------------------------------------------

    def record(self, nik: str, outcome: Outcome | str, *, today: dt.date, operator: str = "",
               revisit_date: dt.date | None = None, note: str = "") -> VisitOutcome:
        """Set an outcome the operator chose on `today` (`app.core.outcomes.check_outcome`); raises `CodedError`."""
        note = " ".join((note or "").split())
        with self.store.transaction() as db:
            if db.conn.execute("SELECT 1 FROM targets WHERE nik = ?", (nik,)).fetchone() is None:
                raise CodedError("outcome.target_unknown")
            checked = Outcome.parse(outcome)
            if checked is Outcome.DIREKAM:
                raise CodedError("outcome.direkam_needs_recording")
            checked = check_outcome(checked, today, revisit_date=revisit_date, note=note,
                                    previous=_latest(db, nik))
            item = VisitOutcome(str(uuid_mod.uuid4()), nik, checked, utc_now(), operator, revisit_date, note,
                                trip=active_ref(db, today))
            _insert(db, item)
            AuditLog(self.store).append("target.outcome", actor=operator,
                                        detail={"outcome": checked.value, "uuid": item.uuid})
        return item

    def history(self, nik: str) -> list[VisitOutcome]:
        """Every outcome of one NIK, oldest first."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM visit_outcomes WHERE nik = ? ORDER BY visited_at, rowid", (nik,))
        return [_outcome(r) for r in rows]

    def pending(self, limit: int = 200) -> list[VisitOutcome]:
        """Outcomes the server does not hold yet, oldest first."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM visit_outcomes WHERE sync_state = ? ORDER BY visited_at, rowid LIMIT ?",
            (PENDING, limit))
        return [_outcome(r) for r in rows]

    def pending_count(self) -> int:
        return sync_rows.pending_count(self.store, "visit_outcomes")

    def mark_synced(self, uuids: Iterable[str]) -> int:
        """The server holds these outcomes; returns how many were pending."""
        return sync_rows.mark_synced(self.store, "visit_outcomes", uuids)

    def mark_refused(self, outcome_uuid: str, code: str) -> None:
        """The server refused this outcome for good (it is not sent again)."""
        sync_rows.mark_refused(self.store, "visit_outcomes", outcome_uuid, code)

    # -- categories --------------------------------------------------------------

    def mark(self, niks: Iterable[str], category: Category | str, *, source: str = "") -> int:
        """Mark NIKs with a category (a hand mark or a list); returns how many marks are new."""
        category = Category.parse(category)
        if not category.markable:
            raise ValueError("kategori ini diturunkan dari tanggal lahir, tidak ditandai")
        rows = []
        for nik in niks:
            nik = str(nik).strip()
            if len(nik) != 16 or not is_ascii_digits(nik):
                raise ValueError("NIK harus 16 angka")
            rows.append((nik, category.value, source, utc_now()))
        with self.store.transaction() as db:
            # rowcount: the rows this statement inserted (total_changes would add the tallies' triggers)
            return db.conn.executemany(
                "INSERT INTO target_categories (nik, category, source, marked_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING", rows).rowcount

    def unmark(self, nik: str, category: Category | str) -> bool:
        category = Category.parse(category)
        with self.store.transaction() as db:
            cur = db.conn.execute("DELETE FROM target_categories WHERE nik = ? AND category = ?",
                                  (nik, category.value))
            return cur.rowcount > 0

    def marked(self, nik: str) -> set[Category]:
        return {Category(c) for (c,) in self.store.query(
            "SELECT category FROM target_categories WHERE nik = ?", (nik,))}
