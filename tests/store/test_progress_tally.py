"""The tallies the triggers keep (app.store.progress_tally) equal a count of the rows, and Laporan's
snapshot read from them equals the hand count, after imports (small and bulk), moves, flags from the
server, marks, outcomes, recordings and deletions."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from app.core.categories import Category
from app.core.lifecycle import RecordingStatus
from app.core.outcomes import Outcome
from app.core.progress import Grouping, Tally
from app.core.resident import Resident
from app.store.progress_query import snapshot
from app.store.recordings import Recording, RecordingRepo
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from support.progress_data import OFFSET, ON, _local_day, fill, hand_count


def _tallies(store) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for name, sql in (
            ("area", "SELECT kelurahan_kode, rw, rt, targets, elsewhere FROM target_area_tally"),
            ("born", "SELECT tanggal_lahir, targets, elsewhere FROM target_born_tally"),
            ("mark", "SELECT kind, value, targets, elsewhere FROM target_mark_tally")):
        out[name] = Counter({tuple(row[:-2]): (row[-2], row[-1]) for row in store.query(sql) if row[-2]})
    return out


def _counted(store) -> dict[str, Counter]:
    """The same figures counted from the rows in Python."""
    area: Counter = Counter()
    born: Counter = Counter()
    elsewhere_of = {}
    for nik, kel, rw, rt, birth, elsewhere in store.query(
            "SELECT nik, kelurahan_kode, rw, rt, tanggal_lahir, recorded_elsewhere FROM targets"):
        elsewhere_of[nik] = elsewhere
        for counter, key in ((area, (kel, rw, rt)), (born, (birth or "",))):
            target, other = counter.get(key, (0, 0))
            counter[key] = (target + 1, other + elsewhere)
    mark: Counter = Counter()
    for kind, sql in (("category", "SELECT nik, category FROM target_categories"),
                      ("outcome", "SELECT nik, outcome FROM target_outcomes")):
        for nik, value in store.query(sql):
            if nik in elsewhere_of:
                target, other = mark.get((kind, value), (0, 0))
                mark[(kind, value)] = (target + 1, other + elsewhere_of[nik])
    return {"area": area, "born": born, "mark": mark}


def _figures(row) -> tuple[int, ...]:
    f = row.figures
    if isinstance(f, Tally):
        return (f.target, f.here, f.accepted, f.elsewhere)
    return (f.recorded, f.on_list, f.accepted, f.visits)


def _snapshot_equals_hand_count(store, plan) -> None:
    snap = snapshot(store, on=ON, utc_offset_minutes=OFFSET)
    expected = hand_count(plan)
    for grouping in Grouping:
        got = {row.key: _figures(row) for row in snap.rows(grouping) if any(_figures(row))}
        assert got == expected[grouping.value], grouping


def test_tallies_follow_every_change_and_the_snapshot_the_hand_count(store):
    plan = fill(store)
    assert _tallies(store) == _counted(store) and len(_tallies(store)["area"]) >= 10
    on_list = [p for p in plan if not p.get("off_list")]
    repo = TargetRepo(store)

    # Moved to another RT, a new birth date, flagged (or unflagged) by the server's feed.
    moved = on_list[1:40:3]
    for i, p in enumerate(moved):
        p["rt"], p["birth"] = "009", dt.date(1950, 1, 1 + i) if i % 2 else dt.date(2008, 8, 1 + i)
        p["elsewhere"] = not p["elsewhere"] if i % 3 == 0 else p["elsewhere"]
    repo.upsert_many([{"nik": p["nik"], "nama": p["nama"], "tanggal_lahir": p["birth"], "rt": p["rt"],
                       "rw": p["rw"], "kelurahan_kode": p["kelurahan"], "recorded_elsewhere": p["elsewhere"]}
                      for p in moved], source="uji")
    assert _tallies(store) == _counted(store)

    # Marks added and taken away; outcomes set and changed.
    visits = VisitOutcomes(store)
    for p in on_list[2:30:4]:
        visits.mark([p["nik"]], Category.PEKERJA, source="uji")
        p["marks"].add(Category.PEKERJA)
    for p in [p for p in on_list if Category.DIFABEL in p["marks"]][:3]:
        visits.unmark(p["nik"], Category.DIFABEL)
        p["marks"].discard(Category.DIFABEL)
    for p in on_list[3:60:5]:
        if p["outcome"] is Outcome.DIREKAM:
            continue
        visits.record(p["nik"], Outcome.PINDAH, today=ON, operator="SITI")
        p["outcome"] = Outcome.PINDAH
    assert _tallies(store) == _counted(store)

    # Recordings completed here for some not yet recorded (counted by the triggers on recorded_here).
    recordings = RecordingRepo(store)
    for i, p in enumerate([p for p in on_list if not p["recordings"]][:6]):
        created = dt.datetime(2025, 6, 12, 3, 30, tzinfo=dt.timezone.utc)
        rec = Recording.new(Resident(nik=p["nik"], nama=p["nama"]), operator="BUDI",
                            status=RecordingStatus.COMPLETE).with_changes(
            created_at=created.isoformat(timespec="milliseconds"))
        recordings.save(rec, enqueue=True)
        p["recordings"].append((RecordingStatus.QUEUED, "BUDI", 2))  # 12 June, as fill's i = 2 counts it
        p["outcome"] = Outcome.DIREKAM

    # Targets removed from the list.
    gone = on_list[-3:]
    with store.transaction() as db:
        for p in gone:
            db.conn.execute("DELETE FROM targets WHERE nik = ?", (p["nik"],))
            p["off_list"] = True
    assert _tallies(store) == _counted(store)
    for p in plan:  # the outcomes set by hand, as fill reads them back (the day in WIB)
        p["visits"] = [(_local_day(when), operator) for when, operator in store.query(
            "SELECT visited_at, operator FROM visit_outcomes WHERE outcome != 'direkam' AND nik = ?", (p["nik"],))]
    _snapshot_equals_hand_count(store, plan)
    # The visits and outcomes of the removed ones: still in the work figures, no longer on the list.
    assert snapshot(store, on=ON).overall.target == len(on_list) - 3


def test_a_bulk_import_recounts_the_tallies(store):
    """A bulk import drops the triggers on targets with its indexes; recreating them recounts."""
    repo = TargetRepo(store)
    rows = [{"nik": f"1671011501{80 + i % 20:02d}{i + 1:04d}", "nama": f"WARGA {i}",
             "tanggal_lahir": dt.date(1980 + i % 20, 1, 15), "rt": f"{i % 4 + 1:03d}", "rw": "001",
             "kelurahan_kode": "16.71.01.1001"} for i in range(300)]
    VisitOutcomes(store).mark([rows[5]["nik"], rows[7]["nik"]], Category.DIFABEL, source="uji")  # before the list
    repo.upsert_many(rows, batch=50)
    assert repo.store.query("SELECT value FROM settings WHERE key = 'targets.bulk_suspended_sql'") == []
    assert store.query("SELECT json_extract(detail, '$.bulk') FROM audit WHERE action = 'targets.imported'"
                       " ORDER BY id DESC LIMIT 1") == [(1,)]
    tallies = _tallies(store)
    assert tallies == _counted(store)
    assert tallies["area"][("16.71.01.1001", "001", "001")] == (75, 0)
    assert tallies["mark"][("category", "difabel")] == (2, 0)
    # After the bulk import, the triggers keep counting row by row again.
    repo.upsert_many([dict(rows[0], rt="004", recorded_elsewhere=True)])
    assert _tallies(store)["area"][("16.71.01.1001", "001", "004")] == (76, 1)
    assert _tallies(store) == _counted(store)


@pytest.mark.parametrize("table", ["target_area_tally", "target_born_tally", "target_mark_tally",
                                   "target_pelajar_born_tally", "visit_work_tally"])
def test_tallies_hold_no_personal_data(store, table):
    columns = [row[1] for row in store.query(f"PRAGMA table_info({table})")]
    assert not {"nik", "nama"} & set(columns)
