"""The pure progress rules: what counts as recorded, percent, local days, and the roll-up by any grouping."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.progress import (
    NOT_VISITED,
    RECORDED_STATUSES,
    Grouping,
    Snapshot,
    Tally,
    Work,
    area_keys,
    kecamatan_of,
    local_day,
    roll_up,
)


def test_recorded_means_completed_and_not_rejected():
    assert "draft" not in RECORDED_STATUSES and "rejected" not in RECORDED_STATUSES
    assert {"complete", "queued", "sent", "accepted", "duplicate_review"} == set(RECORDED_STATUSES)


def test_tally_adds_and_derives_open_and_percent():
    t = Tally(target=10, here=3, accepted=1, elsewhere=2) + Tally(target=5, here=1)
    assert t == Tally(15, 4, 1, 2)
    assert t.recorded == 6 and t.open == 9 and t.percent == pytest.approx(40.0)
    assert Tally().percent is None  # no targets: no percent, never a division by zero
    assert Tally(target=1, here=1, elsewhere=1).open == 0  # never negative
    assert Work(1, 1, 0, 2) + Work(recorded=2, visits=1) == Work(3, 1, 0, 3)


def test_local_day_moves_late_utc_into_the_next_wib_day():
    assert local_day("2025-06-10T23:30:00.000+00:00", 420) == "2025-06-11"
    assert local_day("2025-06-10T03:30:00.000+00:00", 420) == "2025-06-10"
    assert local_day("2025-06-10T16:59:59+00:00", 420) == "2025-06-10"
    assert local_day("2025-06-10T17:00:00+00:00", 420) == "2025-06-11"


def test_kecamatan_of_a_dotted_kelurahan_only():
    assert kecamatan_of("16.71.01.1001") == "16.71.01"
    assert kecamatan_of("") == "" and kecamatan_of("ABC") == "ABC"


def test_roll_up_groups_rt_facts_by_every_area_level():
    facts = [
        (area_keys("16.71.01.1001", "001", "001"), Tally(10, 2, 1, 1)),
        (area_keys("16.71.01.1001", "001", "002"), Tally(5, 0, 0, 5)),
        (area_keys("16.71.01.1002", "002", "001"), Tally(4, 4, 4, 0)),
        (area_keys("16.71.02.1003", "001", "001"), Tally(1, 0, 0, 0)),
    ]
    assert [(r.key, r.figures) for r in roll_up(facts, Grouping.KECAMATAN)] == [
        (("16.71.01",), Tally(19, 6, 5, 6)), (("16.71.02",), Tally(1, 0, 0, 0))]
    assert [r.key for r in roll_up(facts, Grouping.RW)] == [
        ("16.71.01.1001", "001"), ("16.71.01.1002", "002"), ("16.71.02.1003", "001")]
    assert roll_up(facts, Grouping.RW)[0].figures == Tally(15, 2, 1, 6)
    assert len(roll_up(facts, Grouping.RT)) == 4


def test_snapshot_lists_every_category_and_outcome_and_totals_only_what_adds_up():
    snap = Snapshot(on=dt.date(2025, 6, 15),
                    areas=(("16.71.01.1001", "001", "001", 3, 1, 0, 1), ("16.71.02.1003", "001", "002", 0, 0, 0, 0)),
                    categories={"lansia": Tally(2, 1, 0, 0)},
                    outcomes={NOT_VISITED: Tally(2, 0, 0, 1), "direkam": Tally(1, 1, 0, 0)},
                    work=(({"day": "2025-06-11", "operator": "SITI"}, Work(1, 1, 0, 0)),
                          ({"day": "2025-06-12", "operator": "SITI"}, Work(0, 0, 0, 2))))
    assert [r.key[0] for r in snap.rows(Grouping.CATEGORY)][:2] == ["lansia", "difabel"]
    assert [(r.key, r.figures) for r in snap.rows(Grouping.KECAMATAN)] == [
        (("16.71.01",), Tally(3, 1, 0, 1)), (("16.71.02",), Tally())]
    # The RT rows roll up the same way as facts with their keys do.
    facts = [(area_keys(*row[:3]), Tally(*row[3:])) for row in snap.areas]
    for grouping in (Grouping.KECAMATAN, Grouping.KELURAHAN, Grouping.RW, Grouping.RT):
        assert snap.rows(grouping) == roll_up(facts, grouping)
    assert len(snap.rows(Grouping.OUTCOME)) == 8 and snap.rows(Grouping.OUTCOME)[0].key == (NOT_VISITED,)
    assert snap.total(Grouping.CATEGORY) is None
    assert snap.total(Grouping.OUTCOME) == snap.overall == Tally(3, 1, 0, 1)
    assert [(r.key, r.figures) for r in snap.rows(Grouping.OPERATOR)] == [(("SITI",), Work(1, 1, 0, 2))]
    assert Grouping.DAY.kind == "work" and Grouping.RT.kind == "target"
