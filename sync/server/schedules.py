"""Schedules and invitations per RT on the server, for the office's dashboard (migration ``0016_schedules``).

The same rules as the laptop (`app.core.schedules`: capacity, days, the seeded
random order, the next slot after a missed one); this module keeps the rows
over the server's target list. A resident counts as recorded once an active
recording (accepted or under duplicate review) carries their NIK; their latest
visit outcome (moved, died, recorded elsewhere) takes them off the invitations.
Counts, areas, days and hours leave this module; names and NIKs stay in it.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.core.outcomes import Outcome
from app.core.schedules import (
    Assignment,
    AssignOrder,
    RtKey,
    Slot,
    Window,
    assign,
    check_seed,
    invitable,
    ordered,
    plan_days,
    reinvitations,
)
from sync.server import clock, tables, transactions

_s, _i, _f, _t = tables.schedule_slots, tables.schedule_invitations, tables.schedule_far_rts, tables.targets


@dataclass(frozen=True)
class RtFigures:
    """One RT of the server's target list with its scheduling counts."""

    rt: RtKey
    targets: int
    recorded: int
    slots: int
    invited: int
    farthest: bool


def _in_rt(table: sa.Table, rt: RtKey):
    return sa.and_(table.c.kelurahan_kode == rt.kelurahan_kode, table.c.rw == rt.rw, table.c.rt == rt.rt)


def _recorded():
    r = tables.recordings
    return sa.select(r.c.id).where(r.c.nik == _t.c.nik, r.c.status.in_(tables.ACTIVE_STATUSES)).exists()


def _slots(conn: Connection, rt: RtKey) -> list[Slot]:
    invited = sa.select(sa.func.count()).where(_i.c.slot_id == _s.c.id).scalar_subquery()
    rows = conn.execute(sa.select(_s, invited.label("invited")).where(_in_rt(_s, rt))
                        .order_by(_s.c.day, _s.c.start_time, _s.c.id)).mappings().all()
    return [Slot(r["id"], rt, r["day"], Window(r["place"], dt.time.fromisoformat(r["start_time"]),
                                              dt.time.fromisoformat(r["end_time"]), r["equipment_sets"],
                                              r["minutes_per_recording"]), int(r["invited"])) for r in rows]


def slots(engine: Engine, rt: RtKey) -> list[Slot]:
    with engine.connect() as conn:
        return _slots(conn, rt)


def _open_niks(conn: Connection, rt: RtKey) -> list[str]:
    """The RT's residents still to invite (not recorded, latest outcome not moved/died/elsewhere), by name."""
    v = tables.visit_outcomes
    latest = (sa.select(v.c.outcome).where(v.c.nik == _t.c.nik)
              .order_by(v.c.visited_at.desc(), v.c.id.desc()).limit(1).scalar_subquery())
    rows = conn.execute(sa.select(_t.c.nik, latest).where(_in_rt(_t, rt), ~_recorded())
                        .order_by(_t.c.nama, _t.c.nik)).all()
    out = []
    for nik, outcome in rows:
        try:
            known = Outcome(outcome) if outcome else None
        except ValueError:  # an outcome this build does not know: still invited
            known = None
        if invitable(known):
            out.append(nik)
    return out


def _invited_niks(conn: Connection, rt: RtKey) -> set[str]:
    return set(conn.execute(sa.select(_i.c.nik).distinct().join_from(_i, _s, _i.c.slot_id == _s.c.id)
                            .where(_in_rt(_s, rt))).scalars())


def rt_figures(engine: Engine) -> list[RtFigures]:
    """Every RT of the target list with its targets, recorded, slots and invited residents."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(_t.c.kelurahan_kode, _t.c.rw, _t.c.rt, sa.func.count(),
                                      sa.func.sum(sa.case((_recorded(), 1), else_=0)))
                            .group_by(_t.c.kelurahan_kode, _t.c.rw, _t.c.rt)
                            .order_by(_t.c.kelurahan_kode, _t.c.rw, _t.c.rt)).all()
        slot_counts = {RtKey(*r[:3]): int(r[3]) for r in conn.execute(
            sa.select(_s.c.kelurahan_kode, _s.c.rw, _s.c.rt, sa.func.count())
            .group_by(_s.c.kelurahan_kode, _s.c.rw, _s.c.rt))}
        invited = {RtKey(*r[:3]): int(r[3]) for r in conn.execute(
            sa.select(_s.c.kelurahan_kode, _s.c.rw, _s.c.rt, sa.func.count(sa.distinct(_i.c.nik)))
            .join_from(_i, _s, _i.c.slot_id == _s.c.id).group_by(_s.c.kelurahan_kode, _s.c.rw, _s.c.rt))}
        far = {RtKey(*r) for r in conn.execute(sa.select(_f.c.kelurahan_kode, _f.c.rw, _f.c.rt))}
    return [RtFigures(key, int(n), int(rec or 0), slot_counts.get(key, 0), invited.get(key, 0), key in far)
            for key, n, rec in ((RtKey(k, w, t), n, rec) for k, w, t, n, rec in rows)]


def plan(engine: Engine, rt: RtKey, first_day: dt.date, window: Window, *, today: dt.date, admin: str,
         skip_weekdays=(6,)) -> list[Slot]:  # noqa: ANN001 - an iterable of weekdays
    """Enough new slots from `first_day` on for the RT's residents not invited yet (beyond the free seats
    still to come); the days are `app.core.schedules.plan_days`'."""
    from app.core.messages import CodedError

    if first_day < today:
        raise CodedError("schedule.slot_in_past")

    def work(conn: Connection) -> list[Slot]:
        waiting = len(set(_open_niks(conn, rt)) - _invited_niks(conn, rt))
        free = sum(s.free for s in _slots(conn, rt) if s.day >= today)
        days = plan_days(first_day, window, waiting, skip_weekdays=skip_weekdays, already=free)
        made = [Slot(str(uuid_mod.uuid4()), rt, day, window) for day in days]
        now = clock.utcnow()
        for s in made:
            conn.execute(sa.insert(_s).values(
                id=s.id, kelurahan_kode=rt.kelurahan_kode, rw=rt.rw, rt=rt.rt, place=window.place, day=s.day,
                start_time=f"{window.start:%H:%M}", end_time=f"{window.end:%H:%M}",
                equipment_sets=window.equipment_sets, minutes_per_recording=window.minutes_per_recording,
                capacity=window.capacity, created_at=now, created_by=admin[:100]))
        return made

    return transactions.run_write(engine, work)


def assign_rt(engine: Engine, rt: RtKey, order: AssignOrder | str, seed: int = 0, *, today: dt.date) -> Assignment:
    """Invite the RT's residents who hold no invitation yet, in list order or in `seed`'s random order
    (the laptop's rule: the same seed gives the same order)."""
    order, seed = AssignOrder.parse(order), check_seed(seed)

    def work(conn: Connection) -> Assignment:
        invited = _invited_niks(conn, rt)
        fresh = [nik for nik in _open_niks(conn, rt) if nik not in invited]
        result = assign(ordered(fresh, order, seed), _slots(conn, rt), not_before=today)
        now = clock.utcnow()
        if result.invitations:
            conn.execute(sa.insert(_i), [{"nik": nik, "slot_id": slot, "round": 1, "invited_at": now}
                                         for nik, slot in result.invitations])
        return result

    return transactions.run_write(engine, work)


def reinvite_missed(engine: Engine, rt: RtKey, *, today: dt.date) -> Assignment:
    """Offer the next slot to each resident whose latest slot passed while they stay unrecorded."""

    def work(conn: Connection) -> Assignment:
        history: dict[str, list[tuple[str, int]]] = {}
        for nik, slot_id, round_ in conn.execute(
                sa.select(_i.c.nik, _i.c.slot_id, _i.c.round).join_from(_i, _s, _i.c.slot_id == _s.c.id)
                .where(_in_rt(_s, rt))):
            history.setdefault(nik, []).append((slot_id, round_))
        found = reinvitations(history, _slots(conn, rt), _open_niks(conn, rt), today)
        now = clock.utcnow()
        if found.offers:
            conn.execute(sa.insert(_i), [{"nik": nik, "slot_id": slot, "round": round_, "invited_at": now}
                                         for nik, slot, round_ in found.offers])
        return Assignment(tuple((nik, slot) for nik, slot, _ in found.offers), found.without_slot)

    return transactions.run_write(engine, work)


def set_farthest(engine: Engine, rt: RtKey, far: bool) -> None:
    def work(conn: Connection) -> None:
        conn.execute(sa.delete(_f).where(_in_rt(_f, rt)))
        if far:
            conn.execute(sa.insert(_f).values(kelurahan_kode=rt.kelurahan_kode, rw=rt.rw, rt=rt.rt,
                                              marked_at=clock.utcnow()))

    transactions.run_write(engine, work)
