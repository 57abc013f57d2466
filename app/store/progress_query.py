"""Laporan's figures read from the store in one snapshot: facts per RT, category, outcome, day and operator.

The rules (what counts as recorded, the groupings, the roll-up) are
`app.core.progress`; here only the queries, all in one read transaction so the
figures agree. Built for a city's list (1.2 million targets) without reading
it: the list's counts per RT, birth date (derived categories are birth-date
ranges), marked category and latest outcome, with how many another team
recorded, come from the tallies the triggers keep (`app.store.progress_tally`);
only the small set of NIKs recorded here is probed on the list, to move those
from "to visit" (or "elsewhere": a NIK recorded by both counts once, here) to
"here". Work per day and operator reads the recordings and visit outcomes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from app.core.categories import DEFAULT_PELAJAR_MONTHS, Category, birth_range
from app.core.progress import ACCEPTED_STATUS, NOT_VISITED, RECORDED_STATUSES, Snapshot, Tally, Work

if TYPE_CHECKING:
    from app.store.database import Store

_MARKS = ", ".join("?" * len(RECORDED_STATUSES))
# The NIKs recorded here (completed, not rejected), each once, with whether the server accepted one.
_HERE = (f"here AS MATERIALIZED (SELECT nik, max(status = ?) AS acc FROM recordings"
         f" WHERE status IN ({_MARKS}) AND nik != '' GROUP BY nik)")
_HERE_PARAMS = (ACCEPTED_STATUS, *RECORDED_STATUSES)


def _date_range(on: dt.date, category: Category, months: int) -> tuple[str, str]:
    after, until = birth_range(category, on, months)
    return (after.isoformat() if after else ""), until.isoformat()


def snapshot(store: "Store", *, on: dt.date, utc_offset_minutes: int = 0,
             pelajar_months: int = DEFAULT_PELAJAR_MONTHS) -> Snapshot:
    """Everything Laporan shows (`app.core.progress.Snapshot`); derived categories on day `on`, days
    counted at `utc_offset_minutes` east of UTC (the laptop's time zone)."""
    lansia = _date_range(on, Category.LANSIA, pelajar_months)[1]
    pel_after, pel_until = _date_range(on, Category.PELAJAR, pelajar_months)
    with store.transaction() as db:
        conn = db.conn
        # 1. The list's counts per RT, birth date, marked category and latest outcome: the tallies.
        areas = conn.execute("SELECT kelurahan_kode, rw, rt, targets, elsewhere FROM target_area_tally"
                             " WHERE targets > 0").fetchall()
        born_sums = conn.execute(
            "SELECT coalesce(sum(targets * (tanggal_lahir != '' AND tanggal_lahir <= ?)), 0),"
            " coalesce(sum(elsewhere * (tanggal_lahir != '' AND tanggal_lahir <= ?)), 0),"
            " coalesce(sum(targets * (tanggal_lahir > ? AND tanggal_lahir <= ?)), 0),"
            " coalesce(sum(elsewhere * (tanggal_lahir > ? AND tanggal_lahir <= ?)), 0) FROM target_born_tally",
            (lansia, lansia, pel_after, pel_until, pel_after, pel_until)).fetchone()
        marks = conn.execute("SELECT kind, value, targets, elsewhere FROM target_mark_tally WHERE targets > 0"
                             ).fetchall()
        # 2. The NIKs recorded here (a small set), each probed on the list once: its RT, birth date,
        #    whether another team recorded it too (counted once, here), its outcome and categories.
        here_rows = conn.execute(
            f"WITH {_HERE} SELECT t.kelurahan_kode, t.rw, t.rt, h.acc, t.recorded_elsewhere, t.tanggal_lahir,"
            " (SELECT o.outcome FROM target_outcomes o WHERE o.nik = h.nik),"
            " (SELECT group_concat(c.category) FROM target_categories c WHERE c.nik = h.nik)"
            " FROM here h CROSS JOIN targets t ON t.nik = h.nik", _HERE_PARAMS).fetchall()
        # 3. Pelajar marked on a list and of pelajar age too (counted once): the marked ones (a small set).
        both_pelajar = conn.execute(
            "SELECT count(*), coalesce(sum(t.recorded_elsewhere), 0)"
            " FROM target_categories c CROSS JOIN targets t ON t.nik = c.nik"
            " WHERE c.category = ? AND t.tanggal_lahir > ? AND t.tanggal_lahir <= ?",
            (Category.PELAJAR.value, pel_after, pel_until)).fetchone()
        # 4. Work per local day and operator: recordings completed here (a corrected one once: its
        #    latest version) and outcomes set by hand.
        shift = f"{int(utc_offset_minutes):+d} minutes"
        recorded = conn.execute(
            f"SELECT date(r.created_at, ?), r.operator, count(*),"
            f" sum(r.nik != '' AND EXISTS (SELECT 1 FROM targets t WHERE t.nik = r.nik)), sum(r.status = ?)"
            f" FROM recordings r WHERE r.status IN ({_MARKS})"
            f" AND NOT EXISTS (SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid"
            f"     AND n.status IN ({_MARKS}))"
            f" GROUP BY 1, 2",
            (shift, ACCEPTED_STATUS, *RECORDED_STATUSES, *RECORDED_STATUSES),
        ).fetchall()
        visits = conn.execute(
            "SELECT date(visited_at, ?), operator, count(*) FROM visit_outcomes WHERE outcome != 'direkam'"
            " GROUP BY 1, 2", (shift,)).fetchall()

    # Plain lists while adding up (a city has tens of thousands of RTs).
    counts: dict[tuple[str, str, str], list[int]] = {
        (kel, rw, rt): [target, 0, 0, elsewhere] for kel, rw, rt, target, elsewhere in areas}
    # Per group of the NIKs recorded here: [here, accepted, also recorded elsewhere].
    lansia_here, pelajar_here, marked_pelajar_here = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    here_of: dict[tuple[str, str], list[int]] = {}
    for kel, rw, rt, acc, elsewhere, born, outcome, marked in here_rows:
        acc, elsewhere = int(acc or 0), int(elsewhere or 0)
        row = counts.setdefault((kel, rw, rt), [0, 0, 0, 0])
        row[1] += 1
        row[2] += acc
        row[3] -= elsewhere
        categories_here = marked.split(",") if marked else []
        groups = [here_of.setdefault(("category", c), [0, 0, 0]) for c in categories_here]
        if outcome:
            groups.append(here_of.setdefault(("outcome", outcome), [0, 0, 0]))
        if born and born <= lansia:
            groups.append(lansia_here)
        if born and pel_after < born <= pel_until:
            groups.append(pelajar_here)
            if Category.PELAJAR.value in categories_here:
                groups.append(marked_pelajar_here)
        for sums in groups:
            sums[0] += 1
            sums[1] += acc
            sums[2] += elsewhere
    l_target, l_elsewhere, p_target, p_elsewhere = born_sums
    lansia_t = Tally(l_target, lansia_here[0], lansia_here[1], l_elsewhere - lansia_here[2])
    pelajar_t = Tally(p_target, pelajar_here[0], pelajar_here[1], p_elsewhere - pelajar_here[2])
    tallies: dict[str, dict[str, Tally]] = {"category": {}, "outcome": {}}
    for kind, value, target, elsewhere in marks:
        here, acc, both = here_of.get((kind, value), (0, 0, 0))
        tallies[kind][value] = Tally(target, here, acc, elsewhere - both)
    categories = {Category.LANSIA.value: lansia_t}
    for category, tally in tallies["category"].items():
        if category == Category.PELAJAR.value:  # by age or on a list: each NIK once
            p_t, p_elsewhere_all = both_pelajar
            p_h, p_a, p_both = marked_pelajar_here
            tally = pelajar_t + tally + Tally(-int(p_t or 0), -p_h, -p_a, -(int(p_elsewhere_all or 0) - p_both))
        categories[category] = tally
    categories.setdefault(Category.PELAJAR.value, pelajar_t)
    result_outcomes = dict(tallies["outcome"])
    everyone = Tally(*(sum(values[k] for values in counts.values()) for k in range(4)))
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
        areas=tuple((*key, *values) for key, values in sorted(counts.items())),
        categories=categories,
        outcomes=result_outcomes,
        work=tuple(({"day": day, "operator": operator}, w) for (day, operator), w in sorted(work.items())),
    )

