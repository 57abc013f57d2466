"""Scheduling rules (app/core/schedules.py): capacity, days, order by seed, assignment, the next slot, transport."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.categories import Category
from app.core.messages import CodedError
from app.core.outcomes import Outcome
from app.core.schedules import (
    AssignOrder,
    RtKey,
    Slot,
    TransportReason,
    assign,
    check_seed,
    check_window,
    day_text,
    invitable,
    missed,
    next_slot,
    order_by_seed,
    ordered,
    plan_days,
    reinvitations,
    transport_reasons,
    window_text,
)

RT = RtKey("16.72.01.1001", "003", "002")
MONDAY = dt.date(2026, 12, 7)


def _window(sets=2, minutes=10, start=8, end=12, place="Balai RW 03"):
    return check_window(place, dt.time(start), dt.time(end), sets, minutes)


def test_capacity_is_sets_times_window_over_minutes():
    assert _window().capacity == 48  # 2 sets x 240 min / 10
    assert _window(sets=1, minutes=7, start=8, end=9).capacity == 8  # 60 // 7, a part recording does not fit
    assert _window(sets=4, minutes=15, start=13, end=20).capacity == 112


@pytest.mark.parametrize("args, code", [
    (("", dt.time(8), dt.time(9), 1, 10), "schedule.place_required"),
    (("x" * 121, dt.time(8), dt.time(9), 1, 10), "schedule.place_too_long"),
    (("Balai", None, dt.time(9), 1, 10), "schedule.times_required"),
    (("Balai", dt.time(9), dt.time(9), 1, 10), "schedule.end_before_start"),
    (("Balai", dt.time(8), dt.time(9), 0, 10), "schedule.sets_range"),
    (("Balai", dt.time(8), dt.time(9), True, 10), "schedule.sets_range"),
    (("Balai", dt.time(8), dt.time(9), 1, 0), "schedule.minutes_range"),
    (("Balai", dt.time(8), dt.time(9), 1, "10"), "schedule.minutes_range"),
    (("Balai", dt.time(8), dt.time(8, 5), 1, 10), "schedule.window_too_short"),
])
def test_bad_windows_are_refused_by_code(args, code):
    with pytest.raises(CodedError) as err:
        check_window(*args)
    assert err.value.code == code and err.value.message


def test_plan_days_skips_sundays_and_counts_free_seats():
    window = _window()  # 48 a day
    saturday = dt.date(2026, 12, 5)
    days = plan_days(saturday, window, 200)
    assert len(days) == 5 and dt.date(2026, 12, 6) not in days and days[0] == saturday
    assert plan_days(saturday, window, 200, already=200) == []
    assert len(plan_days(saturday, window, 200, already=160)) == 1
    assert len(plan_days(saturday, window, 49, skip_weekdays=())) == 2
    with pytest.raises(CodedError) as err:
        plan_days(saturday, window, 10, skip_weekdays=range(7))
    assert err.value.code == "schedule.no_days"
    with pytest.raises(CodedError) as err:
        plan_days(saturday, _window(sets=1, minutes=60, start=8, end=9), 500)
    assert err.value.code == "schedule.too_many_days"


def test_random_order_is_fixed_by_its_seed_whatever_the_input_order():
    niks = [f"{3171010101900000 + i}" for i in range(200)]
    first = order_by_seed(niks, 4242)
    assert first == order_by_seed(list(reversed(niks)), 4242)
    assert sorted(first) == sorted(niks) and first != niks
    assert order_by_seed(niks, 4243) != first
    assert ordered(niks, "urut") == niks and ordered(niks, AssignOrder.RANDOM, 4242) == first
    # Pinned: a change of the rule would silently change a printed plan (the server uses the same one).
    assert order_by_seed(["a", "b", "c", "d"], 7) == ["c", "a", "d", "b"]
    with pytest.raises(CodedError):
        AssignOrder.parse("sembarang")
    for bad in (-1, 1_000_000, "5", 2.0):
        with pytest.raises(CodedError):
            check_seed(bad)


def _slots(n, capacity_sets=1, start_day=MONDAY, invited=0):
    window = _window(sets=capacity_sets, minutes=60, start=8, end=10)  # 2 per set
    return [Slot(f"s{i}", RT, start_day + dt.timedelta(days=i), window, invited) for i in range(n)]


def test_assign_fills_earliest_slots_up_to_capacity_and_reports_the_rest():
    slots = _slots(3)  # 2 seats each
    slots[1] = Slot("s1", RT, slots[1].day, slots[1].window, invited=1)
    result = assign(["a", "b", "c", "d", "e", "f", "a"], reversed(slots))
    assert result.invitations == (("a", "s0"), ("b", "s0"), ("c", "s1"), ("d", "s2"), ("e", "s2"))
    assert result.without_slot == ("f",)  # "a" twice is invited once
    later = assign(["a"], slots, not_before=MONDAY + dt.timedelta(days=1))
    assert later.invitations == (("a", "s1"),)


def test_next_slot_is_the_earliest_later_one_with_room_never_one_already_offered():
    slots = _slots(4)
    full = Slot("s2", RT, slots[2].day, slots[2].window, invited=2)
    other_rt = Slot("x", RtKey(RT.kelurahan_kode, "003", "009"), slots[1].day, slots[1].window)
    pool = [slots[0], slots[1], full, slots[3], other_rt]
    today = MONDAY + dt.timedelta(days=1)
    assert next_slot(slots[0], pool, ["s0"], today).id == "s1"
    assert next_slot(slots[0], pool, ["s0", "s1"], today).id == "s3"  # s2 is full, s1 offered before
    assert next_slot(slots[0], pool, ["s0", "s1", "s3"], today) is None
    assert next_slot(slots[0], pool, [], MONDAY + dt.timedelta(days=3)).id == "s3"  # past ones are no offer
    assert missed(MONDAY, False, MONDAY + dt.timedelta(days=1))
    assert not missed(MONDAY, True, MONDAY + dt.timedelta(days=1)) and not missed(MONDAY, False, MONDAY)


def test_transport_reasons_and_who_is_invited():
    assert transport_reasons([Category.LANSIA, "difabel"], farthest_rt=True) == (
        TransportReason.LANSIA, TransportReason.DIFABEL, TransportReason.FARTHEST_RT)
    assert transport_reasons(["pelajar"], farthest_rt=False) == ()
    assert transport_reasons([], farthest_rt=True) == (TransportReason.FARTHEST_RT,)
    assert invitable(None) and invitable(Outcome.TIDAK_DI_RUMAH)
    assert not invitable(Outcome.PINDAH) and not invitable(Outcome.MENINGGAL)


def test_dates_and_hours_in_indonesian():
    assert day_text(MONDAY) == "Senin, 7 Desember 2026"
    assert day_text(dt.date(2027, 1, 3)) == "Minggu, 3 Januari 2027"
    assert window_text(dt.time(8), dt.time(12, 30)) == "08.00\u201312.30"


def test_reinvitations_offer_the_next_slot_once_and_share_no_last_seat():
    slots = _slots(3)  # 2 seats each; s1 holds one already
    slots[1] = Slot("s1", RT, slots[1].day, slots[1].window, invited=1)
    history = {"a": [("s0", 1)], "b": [("s0", 1)], "c": [("s0", 1), ("s1", 2)], "d": [("s2", 1)]}
    today = MONDAY + dt.timedelta(days=1)
    found = reinvitations(history, slots, still_open=["a", "b", "d"], today=today)
    # a takes s1's last seat, b goes on to s2; c is recorded; d's slot is still ahead.
    assert found.offers == (("a", "s1", 2), ("b", "s2", 2))
    assert found.without_slot == ()
    later = reinvitations({"c": [("s0", 1), ("s1", 2), ("s2", 3)]}, slots, ["c"], MONDAY + dt.timedelta(days=5))
    assert later.offers == () and later.without_slot == ("c",)
