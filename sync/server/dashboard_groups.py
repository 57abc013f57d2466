"""The dashboard's figures per trip (kunjungan) and per category, and the no-NIK registrations waiting.

From what the server holds: the trip a recording, a visit outcome or a
registration was made on (id, name and type as the laptop sent them), and the
birth dates on the target list, which give the derived categories (lansia,
pelajar: `app.core.categories.birth_range` on the server's date), and the
categories the laptops marked (difabel, tahanan, pekerja, perbatasan, pelajar
from a school list: `sync.server.category_marks`), counted as the laptop counts
them: targets on the list, pelajar by age or by mark. Counts only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.core.categories import Category, birth_range
from sync.server import category_marks, tables
from sync.server.dashboard import Progress

@dataclass(frozen=True)
class TripFigures:
    """One trip: its recordings by state, its active days and teams, its visit outcomes and registrations."""

    id: str
    name: str
    type: str
    recordings: int
    review: int
    rejected: int
    days: int
    devices: int
    outcomes: int = 0
    registrations: int = 0


def per_trip(engine: Engine) -> list[TripFigures]:
    """Every trip a recording, an outcome or a registration names, most recordings first."""
    r, v, g = tables.recordings, tables.visit_outcomes, tables.registrations
    active = r.c.status.in_(tables.ACTIVE_STATUSES)
    query = (sa.select(r.c.trip_id, sa.func.max(r.c.trip_name), sa.func.max(r.c.trip_type),
                       sa.func.sum(sa.case((active, 1), else_=0)),
                       sa.func.sum(sa.case((r.c.status == "duplicate_review", 1), else_=0)),
                       sa.func.sum(sa.case((r.c.status == "rejected", 1), else_=0)),
                       sa.func.count(sa.distinct(sa.case((active, r.c.recording_date)))),
                       sa.func.count(sa.distinct(r.c.device_id)))
             .where(r.c.trip_id.is_not(None), r.c.status != "replaced").group_by(r.c.trip_id))
    found: dict[str, dict] = {}
    with engine.connect() as conn:
        for trip_id, name, kind, n, review, rejected, days, devices in conn.execute(query):
            found[trip_id] = {"name": name, "type": kind, "recordings": int(n or 0), "review": int(review or 0),
                              "rejected": int(rejected or 0), "days": int(days or 0), "devices": int(devices or 0)}
        for table, key in ((v, "outcomes"), (g, "registrations")):
            for trip_id, name, kind, n in conn.execute(
                    sa.select(table.c.trip_id, sa.func.max(table.c.trip_name), sa.func.max(table.c.trip_type),
                              sa.func.count()).where(table.c.trip_id.is_not(None)).group_by(table.c.trip_id)):
                entry = found.setdefault(trip_id, {"name": name, "type": kind, "recordings": 0, "review": 0,
                                                   "rejected": 0, "days": 0, "devices": 0})
                entry[key] = int(n)
    out = [TripFigures(trip_id, **values) for trip_id, values in found.items()]
    return sorted(out, key=lambda t: (-t.recordings, t.name or "", t.id))


def per_category(engine: Engine, today: dt.date) -> list[tuple[Category, Progress]]:
    """Targets and recorded targets of each category on `today` (the server's date): lansia by birth
    date, pelajar by birth date or a mark, the others by the laptops' marks; every category listed."""
    t, r = tables.targets, tables.recordings
    recorded = sa.select(r.c.id).where(r.c.nik == t.c.nik, r.c.status.in_(tables.ACTIVE_STATUSES)).exists()
    out = []
    with engine.connect() as conn:
        for category in Category:
            where = []
            if category.derived:
                after, until = birth_range(category, today)
                where.append(sa.and_(t.c.tanggal_lahir <= until, *([t.c.tanggal_lahir > after] if after else [])))
            if category.markable:
                where.append(t.c.nik.in_(category_marks.marked_niks(category.value)))
            n, done = conn.execute(sa.select(sa.func.count(), sa.func.sum(sa.case((recorded, 1), else_=0)))
                                   .where(sa.or_(*where))).one()
            out.append((category, Progress(target=int(n or 0), recorded=int(done or 0))))
    return out


def registration_counts(engine: Engine) -> dict[str, int]:
    """Families with no NIK/KK yet: waiting for their numbers (and their members), and issued."""
    g = tables.registrations
    waiting = g.c.issued_at.is_(None)
    with engine.connect() as conn:
        families, members, issued = conn.execute(sa.select(
            sa.func.sum(sa.case((waiting, 1), else_=0)), sa.func.sum(sa.case((waiting, g.c.member_count), else_=0)),
            sa.func.sum(sa.case((waiting, 0), else_=1)))).one()
    return {"menunggu": int(families or 0), "anggota_menunggu": int(members or 0), "terbit": int(issued or 0)}
