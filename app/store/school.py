"""School mode of one `Store`: a school trip's class list, and each card's delivery to the school.

The class list's rows come from `app.targetfile` (``kind="class_list"``); the
students become the trip's planned targets and are marked ``pelajar``. Who may
be recorded on a day is `app.core.school` (computed when read, never stored:
the answer changes with the day). A card held until 17 is handed to the school
later: who received it and on which day is kept per student.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.categories import Category
from app.core.eligibility import DEFAULT_MIN_RECORDING_AGE
from app.core.messages import CodedError
from app.core.school import StudentVerdict, assess_student
from app.core.trips import TripType
from app.store._util import utc_now
from app.store.audit import AuditLog
from app.store.visits import mark_targets

if TYPE_CHECKING:
    from app.store.database import Store

MAX_RECEIVER = 100


@dataclass(frozen=True)
class Student:
    """One student of a class list, with the card's delivery when it was recorded."""

    nik: str
    nama: str
    tanggal_lahir: dt.date
    jenis_kelamin: str
    kelas: str
    card_received_by: str | None = None
    card_received_on: dt.date | None = None
    recorded: bool = False  # a completed recording of this NIK is on this laptop

    def verdict(self, on: dt.date, min_recording_age: int = DEFAULT_MIN_RECORDING_AGE) -> StudentVerdict:
        return assess_student(self.tanggal_lahir, on, min_recording_age=min_recording_age)


class School:
    """Class lists and card deliveries of the school trips of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store

    def _school_trip(self, db, trip_id: str) -> str:
        row = db.conn.execute("SELECT type, name FROM trips WHERE id = ?", (trip_id,)).fetchone()
        if row is None:
            raise CodedError("trip.unknown")
        if row[0] != TripType.SEKOLAH.value:
            raise CodedError("school.not_school_trip")
        return row[1]

    def import_class_list(self, trip_id: str, rows: Iterable[Mapping[str, str]], *, actor: str = "") -> tuple[int, int]:
        """Store a class list's good rows for a school trip; returns (new students, updated ones).

        A student already on the list is updated (names and classes change between
        lists); a card delivery already recorded is kept.
        """
        now = utc_now()
        added = updated = 0
        with self.store.transaction() as db:
            name = self._school_trip(db, trip_id)
            for row in rows:
                values = (row["nama"], row["tanggal_lahir"], row.get("jenis_kelamin", ""), row.get("kelas", ""))
                cur = db.conn.execute(
                    "UPDATE school_students SET nama = ?, tanggal_lahir = ?, jenis_kelamin = ?, kelas = ?"
                    " WHERE trip_id = ? AND nik = ?", (*values, trip_id, row["nik"]))
                if cur.rowcount:
                    updated += 1
                else:
                    db.conn.execute(
                        "INSERT INTO school_students (trip_id, nik, nama, tanggal_lahir, jenis_kelamin, kelas,"
                        " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", (trip_id, row["nik"], *values, now))
                    added += 1
                db.conn.execute("INSERT INTO trip_targets (trip_id, nik, added_at) VALUES (?, ?, ?)"
                                " ON CONFLICT DO NOTHING", (trip_id, row["nik"], now))
                mark_targets(db.conn, [(row["nik"], Category.PELAJAR.value, f"daftar kelas: {name}", now)])
            AuditLog(self.store).append("school.class_list", actor=actor,
                                        detail={"trip": trip_id, "added": added, "updated": updated})
        return added, updated

    def students(self, trip_id: str) -> list[Student]:
        """The class list by class and name."""
        rows = self.store.query(
            """
            SELECT s.nik, s.nama, s.tanggal_lahir, s.jenis_kelamin, s.kelas, s.card_received_by,
                   s.card_received_on,
                   EXISTS (SELECT 1 FROM recordings r WHERE r.nik = s.nik
                           AND r.status NOT IN ('draft', 'rejected') AND r.purged_at IS NULL)
            FROM school_students s WHERE s.trip_id = ? ORDER BY s.kelas, s.nama, s.nik
            """, (trip_id,))
        return [Student(r[0], r[1], dt.date.fromisoformat(r[2]), r[3], r[4], r[5],
                        dt.date.fromisoformat(r[6]) if r[6] else None, bool(r[7])) for r in rows]

    def record_card_delivery(self, trip_id: str, nik: str, received_by: str, received_on: dt.date, *,
                             today: dt.date, actor: str = "") -> None:
        """The student's card was handed to the school: who received it, on which day (not after `today`)."""
        received_by = " ".join((received_by or "").split())
        if not received_by:
            raise CodedError("school.receiver_required")
        if received_on > today:
            raise CodedError("school.received_future")
        with self.store.transaction() as db:
            cur = db.conn.execute(
                "UPDATE school_students SET card_received_by = ?, card_received_on = ?, card_recorded_at = ?"
                " WHERE trip_id = ? AND nik = ?",
                (received_by[:MAX_RECEIVER], received_on.isoformat(), utc_now(), trip_id, nik))
            if cur.rowcount == 0:
                raise CodedError("school.student_unknown")
            AuditLog(self.store).append("school.card_delivered", actor=actor, detail={"trip": trip_id})
