"""Schedules in a real SQLCipher profile: 1,000 targets over 5 RTs and 2 equipment sets make slots that respect
capacity; every target is invited exactly once; a missed slot re-invites (never the same slot twice); the random
order comes back from its seed; the pick-up list holds lansia, difabel and the farthest RT."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.core.outcomes import Outcome
from app.core.schedules import TransportReason, check_window
from app.store.recordings import Recording, RecordingRepo
from app.store.schedules import Schedules
from app.store.visits import VisitOutcomes
from store_support import make_media, make_resident
from support.schedule_data import add_rt_targets, rt_keys

MONDAY = dt.date(2026, 12, 7)
WINDOW = check_window("Balai RW 03", dt.time(8), dt.time(12), 2, 10)  # 2 sets x 240 min / 10 = 48 a slot


def _invitations_per_nik(store) -> dict[str, int]:
    return dict(store.query("SELECT nik, count(*) FROM schedule_invitations GROUP BY nik"))


def test_thousand_targets_five_rts_two_sets(store):
    rts = rt_keys(5)
    rows = add_rt_targets(store, rts, 200)
    schedules = Schedules(store)
    for rt in rts:
        made = schedules.plan(rt, MONDAY, WINDOW, today=MONDAY)
        assert len(made) == 5  # 200 / 48 -> 5 days (Sunday skipped)
        assert all(s.day.weekday() != 6 and s.capacity == 48 for s in made)
        result = schedules.assign(rt, "urut", today=MONDAY)
        assert len(result.invitations) == 200 and result.without_slot == ()
        assert schedules.plan(rt, MONDAY, WINDOW, today=MONDAY) == []  # everyone seated: nothing more to plan
        for slot in schedules.slots(rt):
            assert slot.invited <= slot.capacity
        assert schedules.assign(rt, "acak", 7, today=MONDAY).invitations == ()  # nobody twice
    per_nik = _invitations_per_nik(store)
    assert len(per_nik) == 1000 and set(per_nik.values()) == {1}
    assert {r["nik"] for r in rows} == set(per_nik)
    summary = {s.rt: s for s in schedules.rts()}
    assert all(summary[rt].targets == 200 and summary[rt].invited == 200 and summary[rt].slots == 5 for rt in rts)
    # List order: the first slot holds the first 48 names of the list.
    first = schedules.invitations(rts[0], schedules.slots(rts[0])[0].id)
    assert len(first) == 48
    names = sorted((r["nama"].upper(), r["nik"]) for r in rows if r["rt"] == rts[0].rt)
    assert sorted(i.nama for i in first) == [n for n, _ in names[:48]]


def test_random_order_is_reproduced_from_its_seed(profile_templates, profile_options, tmp_path):
    from app.store.database import open_profile
    from support.profiles import PASSPHRASE

    seen = []
    for name in ("a", "b", "c"):
        store = open_profile(profile_templates.copy(tmp_path / name, **profile_options), PASSPHRASE)
        try:
            rt = rt_keys(1)[0]
            add_rt_targets(store, [rt], 60)
            schedules = Schedules(store)
            schedules.plan(rt, MONDAY, check_window("Balai", dt.time(8), dt.time(9), 1, 6), today=MONDAY)
            result = schedules.assign(rt, "acak", 4242 if name != "c" else 4243, today=MONDAY)
            days = {s.id: s.day for s in schedules.slots(rt)}
            seen.append([(nik, days[slot]) for nik, slot in result.invitations])
        finally:
            store.close()
    assert seen[0] == seen[1] and seen[0] != seen[2]
    assert sorted(seen[0]) != list(seen[0])


def test_missed_slot_reinvites_once_never_the_same_slot(store, fake):
    rt = rt_keys(1)[0]
    rows = add_rt_targets(store, [rt], 30)
    schedules = Schedules(store)
    small = check_window("Pos RT 01", dt.time(8), dt.time(9), 1, 6)  # 10 a slot
    schedules.plan(rt, MONDAY, small, today=MONDAY)
    assert len(schedules.slots(rt)) == 3
    schedules.assign(rt, "urut", today=MONDAY)
    first_slot = schedules.slots(rt)[0]
    came = [i.nik for i in schedules.invitations(rt, first_slot.id)][:4]
    # Four of the first slot's ten come and are recorded; one moved away; the other five missed it.
    repo = RecordingRepo(store)
    for nik in came:
        resident = make_resident(fake).with_changes(nik=nik)
        repo.save(Recording.new(resident, operator="ani", status=RecordingStatus.COMPLETE), make_media(),
                  enqueue=False)
    moved = [i.nik for i in schedules.invitations(rt, first_slot.id)][4]
    VisitOutcomes(store).record(moved, Outcome.PINDAH, today=MONDAY)

    tuesday = MONDAY + dt.timedelta(days=1)
    assert schedules.reinvite_missed(rt, today=MONDAY).invitations == ()  # the slot's day has not passed
    # Day 2 and 3 are full (20 seats, 20 invited): a new slot is planned for the ones who missed.
    result = schedules.reinvite_missed(rt, today=tuesday)
    assert result.invitations == () and len(result.without_slot) == 5
    extra = schedules.plan(rt, tuesday, small, today=tuesday)
    assert extra == []  # plan() seats the never-invited only; a missed one needs its own slot
    schedules.add_slots(rt, [MONDAY + dt.timedelta(days=4)], small, today=tuesday)
    result = schedules.reinvite_missed(rt, today=tuesday)
    assert len(result.invitations) == 5 and result.without_slot == ()
    missed = {nik for nik, _ in result.invitations}
    assert not missed & set(came) and moved not in missed
    assert schedules.reinvite_missed(rt, today=tuesday).invitations == ()  # the new offer is still ahead
    rounds = dict(store.query("SELECT nik, max(round) FROM schedule_invitations GROUP BY nik"))
    assert {rounds[n] for n in missed} == {2}
    assert sum(1 for r in rows if rounds[r["nik"]] == 1) == 25
    # The same slot never twice, even written by hand.
    with pytest.raises(Exception) as err:
        with store.transaction() as db:
            db.conn.execute("INSERT INTO schedule_invitations (nik, slot_id, round, invited_at)"
                            " VALUES (?, ?, 3, 'x')", (sorted(missed)[0], first_slot.id))
    assert "UNIQUE" in str(err.value) or isinstance(err.value, sqlite3.IntegrityError)


def test_pickup_list_lansia_difabel_and_farthest_rt(store):
    near, far = rt_keys(2)
    rows = add_rt_targets(store, [near, far], 20)
    schedules = Schedules(store)
    difabel = next(r["nik"] for r in rows if r["rt"] == near.rt and r["tanggal_lahir"].year != 1950)
    VisitOutcomes(store).mark([difabel], "difabel")
    schedules.set_farthest(far, True)
    for rt in (near, far):
        schedules.plan(rt, MONDAY, WINDOW, today=MONDAY)
        schedules.assign(rt, "urut", today=MONDAY)
    near_pickups = schedules.pickups(near)
    lansia = {r["nik"] for r in rows if r["rt"] == near.rt and r["tanggal_lahir"].year == 1950}
    assert {i.nik for i in near_pickups} == lansia | {difabel}
    assert next(i for i in near_pickups if i.nik == difabel).reasons == (TransportReason.DIFABEL,)
    assert all(i.reasons == (TransportReason.LANSIA,) for i in near_pickups if i.nik in lansia)
    assert len(schedules.pickups(far)) == 20
    assert all(TransportReason.FARTHEST_RT in i.reasons for i in schedules.pickups(far))
    schedules.set_farthest(far, False)
    assert len(schedules.pickups(far)) == 2  # its lansia only


def test_bad_input_is_refused_and_changes_nothing(store):
    rt = rt_keys(1)[0]
    add_rt_targets(store, [rt], 5)
    schedules = Schedules(store)
    with pytest.raises(CodedError) as err:
        schedules.add_slots(rt, [MONDAY - dt.timedelta(days=1)], WINDOW, today=MONDAY)
    assert err.value.code == "schedule.slot_in_past"
    for order, seed, code in (("sembarang", 1, "schedule.order_unknown"), ("acak", -5, "schedule.seed_range")):
        with pytest.raises(CodedError) as err:
            schedules.assign(rt, order, seed, today=MONDAY)
        assert err.value.code == code
    with pytest.raises(CodedError) as err:
        schedules.delete_slot("tidak-ada")
    assert err.value.code == "schedule.slot_unknown"
    assert schedules.slots(rt) == [] and store.query("SELECT count(*) FROM schedule_invitations")[0][0] == 0
    # A deleted slot takes its invitations along; its residents can be invited again.
    schedules.plan(rt, MONDAY, WINDOW, today=MONDAY)
    schedules.assign(rt, "urut", today=MONDAY)
    schedules.delete_slot(schedules.slots(rt)[0].id)
    assert store.query("SELECT count(*) FROM schedule_invitations")[0][0] == 0
    schedules.plan(rt, MONDAY, WINDOW, today=MONDAY)
    assert len(schedules.assign(rt, "urut", today=MONDAY).invitations) == 5


def test_papers_read_the_slots_to_come_and_what_is_not_printed_yet(store):
    rt = rt_keys(1)[0]
    add_rt_targets(store, [rt], 12)
    schedules = Schedules(store)
    schedules.plan(rt, MONDAY, check_window("Pos", dt.time(8), dt.time(9), 1, 10), today=MONDAY)  # 6 a day
    schedules.assign(rt, "urut", today=MONDAY)
    assert len(schedules.invitations(rt)) == 12
    tuesday = MONDAY + dt.timedelta(days=1)
    assert len(schedules.invitations(rt, from_day=tuesday)) == 6
    assert schedules.mark_printed(schedules.invitations(rt, from_day=tuesday)) == 6
    assert len(schedules.invitations(rt, unprinted=True)) == 6
    assert {i.slot.day for i in schedules.invitations(rt, unprinted=True)} == {MONDAY}
    assert schedules.invitations(rt, from_day=tuesday, unprinted=True) == []
