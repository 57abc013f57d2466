"""Trips (kunjungan) of one `Store`: create, edit, activate, and the targets each plans to visit.

The rules (types, dates, team, when a trip counts as active) are
`app.core.trips`; this module keeps the rows. At most one trip is activated
(a unique partial index); `active_ref` is what a recording or a visit outcome
saved on a given day attaches (`app.store.recordings`, `app.store.visits`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from app.core.messages import CodedError
from app.core.trips import Trip, TripType, active_trip, check_activation, check_trip
from app.store._util import canonical_json, is_ascii_digits, utc_now
from app.store.audit import AuditLog

if TYPE_CHECKING:
    from app.store.database import Store

_COLUMNS = "id, name, type, place, start_date, end_date, team"


def _trip(row: tuple) -> Trip:
    return Trip(row[1], TripType(row[2]), row[3], dt.date.fromisoformat(row[4]), dt.date.fromisoformat(row[5]),
                tuple(json.loads(row[6])), row[0])


def _activated(db: sqlite_utils.Database) -> Trip | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM trips WHERE activated = 1").fetchone()
    return _trip(row) if row else None


def active_ref(db: sqlite_utils.Database, today: dt.date) -> dict | None:
    """Inside the caller's transaction: the active trip's reference on `today` (None without one)."""
    found = active_trip(_activated(db), today)
    return found.ref() if found else None


@dataclass(frozen=True)
class PlannedTarget:
    """One target a trip plans to visit, with what is known of it here."""

    nik: str
    nama: str
    tanggal_lahir: str
    rt: str
    rw: str
    kelurahan_kode: str
    outcome: str | None  # the latest visit outcome (`app.core.outcomes.Outcome` value), None if none


class Trips:
    """Create, edit, activate and list the trips of one `Store`, and their planned targets."""

    def __init__(self, store: "Store"):
        self.store = store

    def create(self, name: str, trip_type: TripType | str, place: str, start: dt.date | None,
               end: dt.date | None, team: Iterable[str], *, actor: str = "") -> Trip:
        """A new trip (checked by `app.core.trips.check_trip`); raises `CodedError`."""
        trip = check_trip(name, trip_type, place, start, end, team, trip_id=str(uuid_mod.uuid4()))
        now = utc_now()
        with self.store.transaction() as db:
            db.conn.execute(
                f"INSERT INTO trips ({_COLUMNS}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (trip.id, trip.name, trip.type.value, trip.place, trip.start.isoformat(), trip.end.isoformat(),
                 canonical_json(list(trip.team)), now, now))
            AuditLog(self.store).append("trip.created", actor=actor, detail={"trip": trip.id})
        return trip

    def update(self, trip_id: str, name: str, trip_type: TripType | str, place: str, start: dt.date | None,
               end: dt.date | None, team: Iterable[str], *, actor: str = "") -> Trip:
        """Change a trip's fields; recordings already attached keep the name they were sent with."""
        trip = check_trip(name, trip_type, place, start, end, team, trip_id=trip_id)
        with self.store.transaction() as db:
            cur = db.conn.execute(
                "UPDATE trips SET name = ?, type = ?, place = ?, start_date = ?, end_date = ?, team = ?,"
                " updated_at = ? WHERE id = ?",
                (trip.name, trip.type.value, trip.place, trip.start.isoformat(), trip.end.isoformat(),
                 canonical_json(list(trip.team)), utc_now(), trip_id))
            if cur.rowcount == 0:
                raise CodedError("trip.unknown")
            AuditLog(self.store).append("trip.updated", actor=actor, detail={"trip": trip_id})
        return trip

    def get(self, trip_id: str) -> Trip:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM trips WHERE id = ?", (trip_id,))
        if not rows:
            raise CodedError("trip.unknown")
        return _trip(rows[0])

    def list(self) -> list[Trip]:
        """Every trip, the latest first day first."""
        return [_trip(r) for r in self.store.query(
            f"SELECT {_COLUMNS} FROM trips ORDER BY start_date DESC, name")]

    def activate(self, trip_id: str, today: dt.date, *, actor: str = "") -> Trip:
        """Make this the activated trip (any other is deactivated); only on a day it covers."""
        with self.store.transaction() as db:
            row = db.conn.execute(f"SELECT {_COLUMNS} FROM trips WHERE id = ?", (trip_id,)).fetchone()
            if row is None:
                raise CodedError("trip.unknown")
            trip = _trip(row)
            check_activation(trip, today)
            db.conn.execute("UPDATE trips SET activated = 0 WHERE activated = 1")
            db.conn.execute("UPDATE trips SET activated = 1 WHERE id = ?", (trip_id,))
            AuditLog(self.store).append("trip.activated", actor=actor, detail={"trip": trip_id})
        return trip

    def deactivate(self, *, actor: str = "") -> None:
        with self.store.transaction() as db:
            if db.conn.execute("UPDATE trips SET activated = 0 WHERE activated = 1").rowcount:
                AuditLog(self.store).append("trip.deactivated", actor=actor, detail={})

    def activated(self) -> Trip | None:
        """The trip the operator activated (whether or not it covers today)."""
        with self.store.reading():
            return _activated(self.store.db)

    def active(self, today: dt.date) -> Trip | None:
        """The trip recordings and outcomes attach to on `today`."""
        return active_trip(self.activated(), today)

    # -- planned targets ----------------------------------------------------------

    def assign(self, trip_id: str, niks: Iterable[str]) -> int:
        """Plan these NIKs for the trip; returns how many are new to it."""
        rows = []
        now = utc_now()
        for nik in niks:
            nik = str(nik).strip()
            if len(nik) != 16 or not is_ascii_digits(nik):
                raise ValueError("NIK harus 16 angka")
            rows.append((trip_id, nik, now))
        with self.store.transaction() as db:
            if db.conn.execute("SELECT 1 FROM trips WHERE id = ?", (trip_id,)).fetchone() is None:
                raise CodedError("trip.unknown")
            before = db.conn.total_changes
            db.conn.executemany("INSERT INTO trip_targets (trip_id, nik, added_at) VALUES (?, ?, ?)"
                                " ON CONFLICT DO NOTHING", rows)
            return db.conn.total_changes - before

    def unassign(self, trip_id: str, nik: str) -> bool:
        with self.store.transaction() as db:
            return db.conn.execute("DELETE FROM trip_targets WHERE trip_id = ? AND nik = ?",
                                   (trip_id, nik)).rowcount > 0

    def planned(self, trip_id: str) -> list[PlannedTarget]:
        """The trip's planned targets by name: from the target list, else from its class list."""
        rows = self.store.query(
            """
            SELECT p.nik, coalesce(t.nama, s.nama, ''), coalesce(t.tanggal_lahir, s.tanggal_lahir, ''),
                   coalesce(t.rt, ''), coalesce(t.rw, ''), coalesce(t.kelurahan_kode, ''), o.outcome
            FROM trip_targets p
            LEFT JOIN targets t ON t.nik = p.nik
            LEFT JOIN school_students s ON s.trip_id = p.trip_id AND s.nik = p.nik
            LEFT JOIN target_outcomes o ON o.nik = p.nik
            WHERE p.trip_id = ?
            ORDER BY 2, p.nik
            """, (trip_id,))
        return [PlannedTarget(*r) for r in rows]

    def counts(self, trip_id: str) -> dict[str, int]:
        """Planned targets, recordings and visit outcomes attached to the trip."""
        planned, recordings, outcomes = self.store.query(
            "SELECT (SELECT count(*) FROM trip_targets WHERE trip_id = ?1),"
            " (SELECT count(*) FROM recordings WHERE trip_id = ?1),"
            " (SELECT count(*) FROM visit_outcomes WHERE trip_id = ?1)", (trip_id,))[0]
        return {"planned": planned, "recordings": recordings, "outcomes": outcomes}
