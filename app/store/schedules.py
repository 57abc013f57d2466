"""Schedules and invitations of one `Store`: slots per RT, who is invited where, who is fetched.

The rules (capacity, days, order, next slot, transport) are `app.core.schedules`;
this module keeps the rows (migration ``0016_schedules``) over the target list
(`app.store.targets`) and its visit outcomes. Each change is one transaction;
an invitation is unique per resident and slot, so a second offer of the same
slot cannot be written.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.categories import Category, derived_categories
from app.core.messages import CodedError
from app.core.schedules import (
    Assignment,
    AssignOrder,
    Invitation,
    RtKey,
    Slot,
    Window,
    assign,
    check_seed,
    invitable,
    ordered,
    plan_days,
    reinvitations,
    transport_reasons,
)
from app.store._util import utc_now
from app.store.audit import AuditLog
from app.store.targets import TargetRepo

if TYPE_CHECKING:
    from app.store.database import Store

_SLOT_SELECT = (
    "SELECT s.id, s.kelurahan_kode, s.rw, s.rt, s.place, s.day, s.start_time, s.end_time, s.equipment_sets,"
    " s.minutes_per_recording, (SELECT count(*) FROM schedule_invitations i WHERE i.slot_id = s.id)"
    " FROM schedule_slots s"
)
_RT_WHERE = "s.kelurahan_kode = ? AND s.rw = ? AND s.rt = ?"


def _slot(row: tuple) -> Slot:
    window = Window(row[4], dt.time.fromisoformat(row[6]), dt.time.fromisoformat(row[7]), row[8], row[9])
    return Slot(row[0], RtKey(row[1], row[2], row[3]), dt.date.fromisoformat(row[5]), window, row[10])


@dataclass(frozen=True)
class RtSummary:
    """One RT of the target list with its scheduling figures."""

    rt: RtKey
    targets: int
    recorded: int
    slots: int
    invited: int  # residents holding at least one invitation
    farthest: bool
    area_name: str = ""  # the kelurahan's name (its code without master data)


class Schedules:
    """Plan slots, invite, re-invite and list the invitations of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store
        self.targets = TargetRepo(store)

    # -- RTs ------------------------------------------------------------------------

    def rts(self) -> list[RtSummary]:
        """Every RT of the target list, with recorded, slots and invited residents."""
        far = self.farthest()
        slots = {RtKey(*r[:3]): r[3] for r in self.store.query(
            "SELECT kelurahan_kode, rw, rt, count(*) FROM schedule_slots GROUP BY 1, 2, 3")}
        invited = {RtKey(*r[:3]): r[3] for r in self.store.query(
            "SELECT s.kelurahan_kode, s.rw, s.rt, count(DISTINCT i.nik) FROM schedule_invitations i"
            " JOIN schedule_slots s ON s.id = i.slot_id GROUP BY 1, 2, 3")}
        progress = self.targets.progress_by("rt")
        names = self._names(sorted({p.key[0] for p in progress}))
        out = []
        for p in progress:
            key = RtKey(*p.key)
            out.append(RtSummary(key, p.target, p.recorded, slots.get(key, 0), invited.get(key, 0), key in far,
                                 names.get(key.kelurahan_kode, key.kelurahan_kode)))
        return out

    def farthest(self) -> set[RtKey]:
        return {RtKey(*r) for r in self.store.query("SELECT kelurahan_kode, rw, rt FROM schedule_far_rts")}

    def set_farthest(self, rt: RtKey, far: bool, *, actor: str = "") -> None:
        """Mark an RT farthest (all its residents are fetched) or unmark it."""
        with self.store.transaction() as db:
            if far:
                db.conn.execute("INSERT INTO schedule_far_rts VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                (rt.kelurahan_kode, rt.rw, rt.rt, utc_now()))
            else:
                db.conn.execute("DELETE FROM schedule_far_rts WHERE kelurahan_kode = ? AND rw = ? AND rt = ?",
                                (rt.kelurahan_kode, rt.rw, rt.rt))
            AuditLog(self.store).append("schedule.farthest", actor=actor, detail={"far": far})

    # -- slots ----------------------------------------------------------------------

    def slots(self, rt: RtKey) -> list[Slot]:
        """The RT's slots, earliest first, with how many invitations each holds."""
        rows = self.store.query(f"{_SLOT_SELECT} WHERE {_RT_WHERE} ORDER BY s.day, s.start_time, s.id",
                                (rt.kelurahan_kode, rt.rw, rt.rt))
        return [_slot(r) for r in rows]

    def slot(self, slot_id: str) -> Slot:
        rows = self.store.query(f"{_SLOT_SELECT} WHERE s.id = ?", (slot_id,))
        if not rows:
            raise CodedError("schedule.slot_unknown")
        return _slot(rows[0])

    def add_slots(self, rt: RtKey, days: Iterable[dt.date], window: Window, *, today: dt.date,
                  actor: str = "") -> list[Slot]:
        """One slot per day with `window` (checked by `app.core.schedules.check_window`); no past day."""
        days = sorted(set(days))
        if any(day < today for day in days):
            raise CodedError("schedule.slot_in_past")
        now = utc_now()
        made = [Slot(str(uuid_mod.uuid4()), rt, day, window) for day in days]
        with self.store.transaction() as db:
            db.conn.executemany(
                "INSERT INTO schedule_slots (id, kelurahan_kode, rw, rt, place, day, start_time, end_time,"
                " equipment_sets, minutes_per_recording, capacity, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(s.id, rt.kelurahan_kode, rt.rw, rt.rt, window.place, s.day.isoformat(),
                  f"{window.start:%H:%M}", f"{window.end:%H:%M}", window.equipment_sets,
                  window.minutes_per_recording, window.capacity, now) for s in made])
            AuditLog(self.store).append("schedule.slots_added", actor=actor, detail={"slots": len(made)})
        return made

    def plan(self, rt: RtKey, first_day: dt.date, window: Window, *, today: dt.date,
             skip_weekdays: Iterable[int] = (6,), actor: str = "") -> list[Slot]:
        """Enough new slots, from `first_day` on, for the RT's residents not invited yet (beyond the free
        seats of its slots still to come); empty when everyone already has a seat."""
        waiting = len(self._not_invited(rt))
        free = sum(s.free for s in self.slots(rt) if s.day >= today)
        days = plan_days(first_day, window, waiting, skip_weekdays=skip_weekdays, already=free)
        return self.add_slots(rt, days, window, today=today, actor=actor) if days else []

    def delete_slot(self, slot_id: str, *, actor: str = "") -> None:
        """Remove a slot and its invitations (their residents may be invited again elsewhere)."""
        with self.store.transaction() as db:
            if db.conn.execute("DELETE FROM schedule_slots WHERE id = ?", (slot_id,)).rowcount == 0:
                raise CodedError("schedule.slot_unknown")
            db.conn.execute("DELETE FROM schedule_invitations WHERE slot_id = ?", (slot_id,))
            AuditLog(self.store).append("schedule.slot_deleted", actor=actor, detail={"slot": slot_id})

    # -- invitations -----------------------------------------------------------------

    def _invited_niks(self, rt: RtKey) -> set[str]:
        return {r[0] for r in self.store.query(
            "SELECT DISTINCT i.nik FROM schedule_invitations i JOIN schedule_slots s ON s.id = i.slot_id"
            f" WHERE {_RT_WHERE}", (rt.kelurahan_kode, rt.rw, rt.rt))}

    def _not_invited(self, rt: RtKey) -> list[str]:
        """The RT's residents to invite (open, `invitable`) who hold no invitation yet, by name and NIK."""
        invited = self._invited_niks(rt)
        return [t.nik for t in self.targets.open_in_rt(rt.kelurahan_kode, rt.rw, rt.rt)
                if invitable(t.outcome) and t.nik not in invited]

    def assign(self, rt: RtKey, order: AssignOrder | str, seed: int = 0, *, today: dt.date,
               actor: str = "") -> Assignment:
        """Invite the RT's residents who hold no invitation yet to its slots from `today` on, in list
        order or in the random order of `seed`; who finds no seat is returned (plan more slots)."""
        order = AssignOrder.parse(order)
        seed = check_seed(seed)
        with self.store.transaction() as db:
            result = assign(ordered(self._not_invited(rt), order, seed), self.slots(rt), not_before=today)
            now = utc_now()
            db.conn.executemany("INSERT INTO schedule_invitations (nik, slot_id, round, invited_at)"
                                " VALUES (?, ?, 1, ?)", [(nik, slot, now) for nik, slot in result.invitations])
            AuditLog(self.store).append("schedule.invited", actor=actor, detail={
                "invited": len(result.invitations), "without_slot": len(result.without_slot),
                "order": order.value, "seed": seed})
        return result

    def reinvite_missed(self, rt: RtKey, *, today: dt.date, actor: str = "") -> Assignment:
        """Offer the next slot to each resident whose latest slot passed while they stay unrecorded;
        never a slot they were invited to before. Who finds none is returned (plan more slots)."""
        with self.store.transaction() as db:
            rows = db.conn.execute(
                "SELECT i.nik, i.slot_id, i.round FROM schedule_invitations i JOIN schedule_slots s"
                f" ON s.id = i.slot_id WHERE {_RT_WHERE}", (rt.kelurahan_kode, rt.rw, rt.rt)).fetchall()
            history: dict[str, list[tuple[str, int]]] = {}
            for nik, slot_id, round_ in rows:
                history.setdefault(nik, []).append((slot_id, round_))
            still_open = [t.nik for t in self.targets.open_in_rt(rt.kelurahan_kode, rt.rw, rt.rt)
                          if invitable(t.outcome)]
            found = reinvitations(history, self.slots(rt), still_open, today)
            now = utc_now()
            db.conn.executemany("INSERT INTO schedule_invitations (nik, slot_id, round, invited_at)"
                                " VALUES (?, ?, ?, ?)", [(nik, slot, round_, now) for nik, slot, round_ in found.offers])
            AuditLog(self.store).append("schedule.reinvited", actor=actor, detail={
                "invited": len(found.offers), "without_slot": len(found.without_slot)})
        return Assignment(tuple((nik, slot) for nik, slot, _ in found.offers), found.without_slot)

    def invitations(self, rt: RtKey, slot_id: str | None = None, *, from_day: dt.date | None = None,
                    unprinted: bool = False) -> list[Invitation]:
        """The RT's invitations by slot, then name: what the papers print. Only one slot's (`slot_id`), only
        slots from `from_day` on (a past slot's list is history), only those not printed yet (`unprinted`).
        Each says why its resident is fetched (lansia on the slot's day, difabel, a farthest RT)."""
        slots = {s.id: s for s in self.slots(rt)}
        params: list = [rt.kelurahan_kode, rt.rw, rt.rt]
        where = _RT_WHERE
        if slot_id is not None:
            where += " AND s.id = ?"
            params.append(slot_id)
        if from_day is not None:
            where += " AND s.day >= ?"
            params.append(from_day.isoformat())
        if unprinted:
            where += " AND i.printed_at IS NULL"
        rows = self.store.query(
            "SELECT i.nik, coalesce(t.nama, ''), coalesce(t.alamat, ''), t.tanggal_lahir, i.slot_id, i.round,"
            " (SELECT group_concat(c.category) FROM target_categories c WHERE c.nik = i.nik)"
            " FROM schedule_invitations i JOIN schedule_slots s ON s.id = i.slot_id"
            " LEFT JOIN targets t ON t.nik = i.nik"
            f" WHERE {where} ORDER BY s.day, s.start_time, s.id, t.nama, i.nik", params)
        far = rt in self.farthest()
        area = self.area_name(rt.kelurahan_kode)
        out = []
        for nik, nama, alamat, born, sid, round_, marked in rows:
            slot = slots[sid]
            categories = set(Category.parse(c) for c in (marked or "").split(",") if c)
            categories |= derived_categories(dt.date.fromisoformat(born) if born else None, slot.day)
            out.append(Invitation(nik, nama, alamat, rt, area, slot, round_,
                                  transport_reasons(categories, farthest_rt=far)))
        return out

    def pickups(self, rt: RtKey, *, from_day: dt.date | None = None) -> list[Invitation]:
        """The RT's invitations whose resident is fetched, by slot and name (slots from `from_day` on)."""
        return [i for i in self.invitations(rt, from_day=from_day) if i.reasons]

    def area_name(self, kelurahan_kode: str) -> str:
        """The kelurahan's name from the master data, else its code."""
        return self._names([kelurahan_kode]).get(kelurahan_kode, kelurahan_kode)

    def _names(self, codes: list[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for i in range(0, len(codes), 500):
            part = codes[i:i + 500]
            names.update(self.store.query(
                f"SELECT kode, nama FROM regions WHERE kode IN ({', '.join('?' * len(part))})", part))
        return names

    def mark_printed(self, invitations: Iterable[Invitation]) -> int:
        """Note that these invitations' papers were printed now; returns how many."""
        keys = [(i.nik, i.slot.id) for i in invitations]
        now = utc_now()
        with self.store.transaction() as db:
            db.conn.executemany("UPDATE schedule_invitations SET printed_at = ? WHERE nik = ? AND slot_id = ?",
                                [(now, nik, sid) for nik, sid in keys])
        return len(keys)
