"""The dashboard's figures: recordings against targets per kecamatan, kelurahan
and RT, recordings per day and per device (team), per trip and per category
(`sync.server.dashboard_groups`), what waits for the admin, and card delivery per kelurahan and RT.

Counts only (no names or NIKs). `figures` reads them; `render` turns them into
the page (`sync.server.dashboard_page`), for a logged-in admin.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.core.card_delivery import DeliveryProgress
from sync.server import audit_trail, clock, tables
from sync.server.delivery_intake import delivery_progress
from sync.server.review import review_counts


@dataclass
class Progress:
    target: int = 0
    recorded: int = 0  # targets with an active recording
    recordings: int = 0  # active recordings (in or out of the target list)
    review: int = 0  # duplicate_review
    rejected: int = 0

    def add(self, other: "Progress") -> None:
        self.target += other.target
        self.recorded += other.recorded
        self.recordings += other.recordings
        self.review += other.review
        self.rejected += other.rejected

    @property
    def percent(self) -> str:
        """'75,0%' (Indonesian decimal comma); '-' without a target."""
        return f"{100 * self.recorded / self.target:.1f}%".replace(".", ",") if self.target else "-"


def progress(engine: Engine) -> dict[tuple[str, str], Progress]:
    """Progress per (kelurahan digits, RT)."""
    t, r = tables.targets, tables.recordings
    active = sa.select(r.c.id).where(r.c.nik == t.c.nik, r.c.status.in_(tables.ACTIVE_STATUSES)).exists()
    out: dict[tuple[str, str], Progress] = defaultdict(Progress)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.c.kelurahan_digits, t.c.rt, sa.func.count(),
                      sa.func.sum(sa.case((active, 1), else_=0)))
            .group_by(t.c.kelurahan_digits, t.c.rt)
        )
        for kel, rt, n, recorded in rows:
            out[(kel, rt)].target += n
            out[(kel, rt)].recorded += int(recorded or 0)
        rows = conn.execute(
            sa.select(r.c.kelurahan_digits, r.c.rt, r.c.status, sa.func.count())
            .where(r.c.status != "replaced")
            .group_by(r.c.kelurahan_digits, r.c.rt, r.c.status)
        )
        for kel, rt, status, n in rows:
            p = out[(kel, rt)]
            if status in tables.ACTIVE_STATUSES:
                p.recordings += n
            if status == "duplicate_review":
                p.review += n
            if status == "rejected":
                p.rejected += n
    return out


def _dotted(digits: str) -> str:
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


@dataclass(frozen=True)
class DeviceFigures:
    """One device (team): its recordings by state and its active days."""

    id: int
    name: str
    area_kode: str
    recordings: int
    review: int
    rejected: int
    days: int
    last_received: dt.datetime | None


@dataclass
class Figures:
    """Everything the dashboard shows, computed in one pass over the database."""

    per_rt: dict[tuple[str, str], Progress]
    per_kel: dict[str, Progress] = field(default_factory=dict)
    per_kec: dict[str, Progress] = field(default_factory=dict)
    total: Progress = field(default_factory=Progress)
    per_day: list[tuple[dt.date | None, int]] = field(default_factory=list)  # active recordings by recording date
    per_device: list[DeviceFigures] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    flagged: list[tuple[int, str, int]] = field(default_factory=list)  # (device id, name, first entry) audit rewritten
    delivery: dict[tuple[str, str], DeliveryProgress] = field(default_factory=dict)  # cards per (kelurahan, RT)
    per_trip: list = field(default_factory=list)  # `dashboard_groups.TripFigures`
    per_category: list = field(default_factory=list)  # (Category, Progress) of every category (derived and marked)
    registrations: dict[str, int] = field(default_factory=dict)  # `dashboard_groups.registration_counts`

    def label(self, digits: str) -> str:
        """'16.71.01.1001 Nama' for an area's digits ('(tanpa kode)' for none)."""
        if not digits:
            return "(tanpa kode)"
        kode = _dotted(digits)
        return f"{kode} {self.names.get(kode, '')}".strip()


def per_day(engine: Engine) -> list[tuple[dt.date | None, int]]:
    """Active recordings per recording date (the device's date), oldest first; None last."""
    r = tables.recordings
    with engine.connect() as conn:
        rows = conn.execute(sa.select(r.c.recording_date, sa.func.count())
                            .where(r.c.status.in_(tables.ACTIVE_STATUSES))
                            .group_by(r.c.recording_date)).all()
    return sorted(((d, int(n)) for d, n in rows), key=lambda x: (x[0] is None, x[0] or dt.date.min))


def per_device(engine: Engine) -> list[DeviceFigures]:
    """Every device that ever sent a recording or is enrolled, most recordings first."""
    r, d = tables.recordings, tables.devices
    active = sa.func.sum(sa.case((r.c.status.in_(tables.ACTIVE_STATUSES), 1), else_=0))
    review = sa.func.sum(sa.case((r.c.status == "duplicate_review", 1), else_=0))
    rejected = sa.func.sum(sa.case((r.c.status == "rejected", 1), else_=0))
    days = sa.func.count(sa.distinct(sa.case((r.c.status.in_(tables.ACTIVE_STATUSES), r.c.recording_date))))
    query = (sa.select(d.c.id, d.c.name, d.c.area_kode, active, review, rejected, days, sa.func.max(r.c.received_at))
             .select_from(d.outerjoin(r, r.c.device_id == d.c.id))
             .where(sa.or_(d.c.enrolled_at.is_not(None), r.c.id.is_not(None)))
             .group_by(d.c.id, d.c.name, d.c.area_kode))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    out = [DeviceFigures(i, n, a, int(k or 0), int(v or 0), int(x or 0), int(dd or 0), last)
           for i, n, a, k, v, x, dd, last in rows]
    return sorted(out, key=lambda f: (-f.recordings, f.name, f.id))


def figures(engine: Engine) -> Figures:
    """The dashboard's figures, read now."""
    out = Figures(progress(engine))
    per_kel: dict[str, Progress] = defaultdict(Progress)
    per_kec: dict[str, Progress] = defaultdict(Progress)
    for (kel, _rt), p in out.per_rt.items():
        per_kel[kel].add(p)
        per_kec[kel[:6]].add(p)
        out.total.add(p)
    out.per_kel, out.per_kec = dict(per_kel), dict(per_kec)
    out.per_day = per_day(engine)
    out.per_device = per_device(engine)
    out.waiting = review_counts(engine)
    out.delivery = delivery_progress(engine)
    with engine.connect() as conn:
        out.names = dict(conn.execute(sa.select(tables.regions.c.kode, tables.regions.c.nama)).all())
        flagged = audit_trail.flagged_devices(conn)
        device_names = dict(conn.execute(sa.select(tables.devices.c.id, tables.devices.c.name)
                                         .where(tables.devices.c.id.in_(list(flagged) or [0]))).all())
    out.flagged = [(d, str(device_names.get(d, d)), seq) for d, seq in sorted(flagged.items())]
    from sync.server import dashboard_groups as groups

    out.per_trip = groups.per_trip(engine)
    out.per_category = groups.per_category(engine, clock.utcnow().date())
    out.registrations = groups.registration_counts(engine)
    return out


def render(engine: Engine, admin_name: str = "", csrf_token: str = "") -> str:
    """The dashboard page for a logged-in admin (`admin_name`), its logout form carrying `csrf_token`."""
    from sync.server.dashboard_page import dashboard_page

    return dashboard_page(figures(engine), admin_name, csrf_token)
