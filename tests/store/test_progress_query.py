"""Laporan's snapshot on a real SQLCipher store equals a hand count of generated field work, grouping by grouping."""

from __future__ import annotations

import pytest

from app.core.progress import Grouping, Tally, Work
from app.store.progress_query import snapshot
from app.store.targets import TargetRepo
from support.progress_data import OFFSET, ON, fill, hand_count


def _figures(row) -> tuple[int, ...]:
    f = row.figures
    if isinstance(f, Tally):
        return (f.target, f.here, f.accepted, f.elsewhere)
    return (f.recorded, f.on_list, f.accepted, f.visits)


@pytest.fixture
def filled(store):
    return store, fill(store)


@pytest.mark.parametrize("grouping", list(Grouping))
def test_each_grouping_equals_the_hand_count(filled, grouping):
    store, plan = filled
    snap = snapshot(store, on=ON, utc_offset_minutes=OFFSET)
    expected = hand_count(plan)[grouping.value]
    got = {row.key: _figures(row) for row in snap.rows(grouping) if any(_figures(row))}
    assert got == expected
    assert len(expected) >= 2  # the data has something to tell apart in every grouping


def test_totals_open_and_percent_agree_with_the_old_area_counts(filled):
    store, plan = filled
    snap = snapshot(store, on=ON, utc_offset_minutes=OFFSET)
    overall = snap.overall
    on_list = [p for p in plan if not p.get("off_list")]
    assert overall.target == len(on_list) == 150
    assert overall.recorded == sum(1 for p in on_list if p["recordings"] or p["elsewhere"])
    assert overall.open == overall.target - overall.recorded
    assert overall.percent == pytest.approx(100 * overall.recorded / 150)
    for grouping in (Grouping.KECAMATAN, Grouping.KELURAHAN, Grouping.RT, Grouping.OUTCOME):
        assert snap.total(grouping) == overall
    assert snap.total(Grouping.CATEGORY) is None  # categories overlap
    # The same "recorded" as the area counts Daftar Warga and Beranda use.
    old = {p.key: (p.target, p.recorded) for p in TargetRepo(store).progress_by("rt")}
    assert old == {row.key: (row.figures.target, row.figures.recorded) for row in snap.rows(Grouping.RT)}
    work = snap.total(Grouping.DAY)
    assert isinstance(work, Work) and work == snap.total(Grouping.OPERATOR)
    assert work.recorded == sum(len(p["recordings"]) for p in plan)


def test_an_empty_profile_has_empty_rows_and_no_percent(store):
    snap = snapshot(store, on=ON)
    assert snap.rows(Grouping.KELURAHAN) == [] and snap.rows(Grouping.DAY) == []
    assert snap.overall == Tally() and snap.overall.percent is None
    assert [row.figures for row in snap.rows(Grouping.CATEGORY)] == [Tally()] * 6
