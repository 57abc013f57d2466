"""Laporan's figures read from the store in one snapshot: facts per RT, category, outcome, day and operator.

The rules (what counts as recorded, the groupings, the roll-up) are
`app.core.progress`; here only the queries, all in one read transaction so the
figures agree. Built for a city's list (1.2 million targets) without reading
it: the list's counts per RT, birth date (derived categories are birth-date
ranges), marked category and latest outcome, with how many were recorded here,
accepted, or recorded by another team, come from the tallies the triggers keep
(`app.store.progress_tally`). Work per day and operator reads the recordings
(whether each NIK is on the list from ``recorded_here``) and the visit outcomes'
tally per quarter hour (the visit outcomes themselves for a zone offset that is
not in whole quarter hours).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple
from typing import TYPE_CHECKING, Any

from app.core.categories import DEFAULT_PELAJAR_MONTHS, Category, birth_range
from app.core.progress import ACCEPTED_STATUS, NOT_VISITED, RECORDED_STATUSES, Snapshot, Tally, Work
from app.store.progress_tally import SLOT_SECONDS

if TYPE_CHECKING:
    from app.store.database import Store

_MARKS = ", ".join("?" * len(RECORDED_STATUSES))
_FIGURES = "targets, here, accepted, elsewhere - here_elsewhere"
"""A tally row's `Tally` (a NIK recorded here and by another team counts once, here)."""
_SUMS = ", ".join(f"coalesce(sum({c}), 0)" for c in ("targets", "here", "accepted", "elsewhere - here_elsewhere"))


def _date_range(on: dt.date, category: Category, months: int) -> tuple[str, str]:
    after, until = birth_range(category, on, months)
    return (after.isoformat() if after else ""), until.isoformat()


def _born(conn: Any, table: str, after: str, until: str) -> Tally:
    """The `Tally` of the birth dates in (after, until] of a birth-date tally ('' is no birth date)."""
    return Tally(*conn.execute(f"SELECT {_SUMS} FROM {table} WHERE tanggal_lahir > ? AND tanggal_lahir <= ?",
                               (after, until)).fetchone())


def snapshot(store: "Store", *, on: dt.date, utc_offset_minutes: int = 0,
             pelajar_months: int = DEFAULT_PELAJAR_MONTHS) -> Snapshot:
    """Everything Laporan shows (`app.core.progress.Snapshot`); derived categories on day `on`, days
    counted at `utc_offset_minutes` east of UTC (the laptop's time zone)."""
    lansia = _date_range(on, Category.LANSIA, pelajar_months)[1]
    pel_after, pel_until = _date_range(on, Category.PELAJAR, pelajar_months)
    shift = f"{int(utc_offset_minutes):+d} minutes"
    with store.transaction() as db:
        conn = db.conn
        # 1. The list's counts per RT, birth date, marked category and latest outcome: the tallies.
        areas = conn.execute(f"SELECT kelurahan_kode, rw, rt, {_FIGURES} FROM target_area_tally"
                             " WHERE targets > 0").fetchall()
        lansia_t = _born(conn, "target_born_tally", "", lansia)
        pelajar_t = _born(conn, "target_born_tally", pel_after, pel_until)
        # Pelajar marked on a list and of pelajar age too (counted once).
        both_pelajar = _born(conn, "target_pelajar_born_tally", pel_after, pel_until)
        marks = conn.execute(f"SELECT kind, value, {_FIGURES} FROM target_mark_tally WHERE targets > 0").fetchall()
        # 2. Work per local day and operator: recordings completed here (a corrected one once: its
        #    latest version), on the list when their NIK is (`recorded_here`), and outcomes set by hand.
        recorded = conn.execute(
            f"SELECT date(r.created_at, ?), r.operator, count(*),"
            f" sum(EXISTS (SELECT 1 FROM recorded_here h WHERE h.nik = r.nik AND h.on_list)), sum(r.status = ?)"
            f" FROM recordings r WHERE r.status IN ({_MARKS})"
            f" AND NOT EXISTS (SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid"
            f"     AND n.status IN ({_MARKS}))"
            f" GROUP BY 1, 2",
            (shift, ACCEPTED_STATUS, *RECORDED_STATUSES, *RECORDED_STATUSES),
        ).fetchall()
        if utc_offset_minutes * 60 % SLOT_SECONDS == 0:  # whole quarter hours: the tally's slots keep the day
            visits = conn.execute(
                f"SELECT CASE WHEN slot >= 0 THEN date(slot * {SLOT_SECONDS}, 'unixepoch', ?) END, operator,"
                " sum(visits) FROM visit_work_tally WHERE visits > 0 GROUP BY 1, 2", (shift,)).fetchall()
        else:
            visits = conn.execute(
                "SELECT date(visited_at, ?), operator, count(*) FROM visit_outcomes WHERE outcome != 'direkam'"
                " GROUP BY 1, 2", (shift,)).fetchall()

    tallies: dict[str, dict[str, Tally]] = {"category": {}, "outcome": {}}
    for kind, value, *figures in marks:
        tallies[kind][value] = Tally(*figures)
    categories = {Category.LANSIA.value: lansia_t}
    for category, tally in tallies["category"].items():
        if category == Category.PELAJAR.value:  # by age or on a list: each NIK once
            tally = pelajar_t + tally + Tally(*(-n for n in astuple(both_pelajar)))
        categories[category] = tally
    categories.setdefault(Category.PELAJAR.value, pelajar_t)
    result_outcomes = dict(tallies["outcome"])
    everyone = Tally(*(sum(row[k] for row in areas) for k in range(3, 7)))
    visited = sum(result_outcomes.values(), Tally())
    result_outcomes[NOT_VISITED] = Tally(everyone.target - visited.target, everyone.here - visited.here,
                                         everyone.accepted - visited.accepted, everyone.elsewhere - visited.elsewhere)
    work: dict[tuple[str, str], Work] = {}
    for day, operator, count, on_list, acc in recorded:
        work[(day, operator)] = Work(recorded=int(count), on_list=int(on_list or 0), accepted=int(acc or 0))
    for day, operator, count in visits:
        work[(day, operator)] = work.get((day, operator), Work()) + Work(visits=int(count))
    return Snapshot(
        on=on,
        areas=tuple(sorted(areas)),
        categories=categories,
        outcomes=result_outcomes,
        work=tuple(({"day": day, "operator": operator}, w) for (day, operator), w in sorted(work.items())),
    )

