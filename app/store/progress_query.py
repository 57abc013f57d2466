"""Laporan's figures read from the store in one snapshot: facts per RT, category, outcome, day and operator.

The rules (what counts as recorded, the groupings, the roll-up) are
`app.core.progress`; here only the queries, all in one read transaction so the
figures agree. Built for a city's list (1.2 million targets): the targets are
read once, on the area index (it holds the birth date, so the derived
categories come from the same pass), each probed in the small set of NIKs
recorded here; the targets another team recorded come from their small partial
index; marked categories and outcomes from their own small tables, each NIK
checked against the NIK index and the set of NIKs recorded elsewhere, never
by reading target rows.
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
_ELSEWHERE = "elsewhere AS MATERIALIZED (SELECT nik FROM targets WHERE recorded_elsewhere = 1)"
_HERE_PARAMS = (ACCEPTED_STATUS, *RECORDED_STATUSES)


def _date_range(on: dt.date, category: Category, months: int) -> tuple[str, str]:
    after, until = birth_range(category, on, months)
    return (after.isoformat() if after else ""), until.isoformat()


def _tally(target: Any, here: Any, acc: Any, elsewhere: Any) -> Tally:
    return Tally(int(target or 0), int(here or 0), int(acc or 0), int(elsewhere or 0))


def snapshot(store: "Store", *, on: dt.date, utc_offset_minutes: int = 0,
             pelajar_months: int = DEFAULT_PELAJAR_MONTHS) -> Snapshot:
    """Everything Laporan shows (`app.core.progress.Snapshot`); derived categories on day `on`, days
    counted at `utc_offset_minutes` east of UTC (the laptop's time zone)."""
    lansia = _date_range(on, Category.LANSIA, pelajar_months)[1]
    pel_after, pel_until = _date_range(on, Category.PELAJAR, pelajar_months)
    with store.transaction() as db:
        conn = db.conn
        # 1. Every target on the area index, probed in the NIKs recorded here (per RT), with the
        #    derived categories from the birth date in the same index.
        per_rt = _per_rt(conn, lansia, pel_after, pel_until)
        # 2. Those another team recorded (their partial index), not recorded here; with the birth
        #    date for the derived categories.
        other = conn.execute(
            f"WITH {_HERE} SELECT t.kelurahan_kode, t.rw, t.rt, count(*),"
            " sum(t.tanggal_lahir <= ?), sum(t.tanggal_lahir > ? AND t.tanggal_lahir <= ?)"
            " FROM targets t INDEXED BY targets_recorded_elsewhere"
            " WHERE t.recorded_elsewhere = 1 AND t.nik NOT IN (SELECT nik FROM here)"
            " GROUP BY t.kelurahan_kode, t.rw, t.rt",
            (*_HERE_PARAMS, lansia, pel_after, pel_until),
        ).fetchall()
        # 3. Marked categories and latest outcomes: their NIKs on the list, recorded here or elsewhere
        #    (one statement: the set of NIKs recorded elsewhere is gathered once).
        small_sets = conn.execute(
            f"WITH {_HERE}, {_ELSEWHERE}, pelajar AS MATERIALIZED"
            " (SELECT nik FROM targets WHERE tanggal_lahir > ? AND tanggal_lahir <= ?)"
            " SELECT 'c', c.category, count(*), count(h.nik), coalesce(sum(h.acc), 0),"
            " sum(h.nik IS NULL AND c.nik IN (SELECT nik FROM elsewhere)),"
            " sum(c.category = 'pelajar' AND c.nik IN (SELECT nik FROM pelajar)),"
            " sum(c.category = 'pelajar' AND h.nik IS NOT NULL AND c.nik IN (SELECT nik FROM pelajar)),"
            " sum(c.category = 'pelajar' AND h.acc AND c.nik IN (SELECT nik FROM pelajar)),"
            " sum(c.category = 'pelajar' AND h.nik IS NULL AND c.nik IN (SELECT nik FROM elsewhere)"
            "     AND c.nik IN (SELECT nik FROM pelajar))"
            " FROM target_categories c LEFT JOIN here h ON h.nik = c.nik"
            " WHERE EXISTS (SELECT 1 FROM targets t WHERE t.nik = c.nik) GROUP BY c.category"
            " UNION ALL"
            " SELECT 'o', o.outcome, count(*), count(h.nik), coalesce(sum(h.acc), 0),"
            " sum(h.nik IS NULL AND o.nik IN (SELECT nik FROM elsewhere)), 0, 0, 0, 0"
            " FROM target_outcomes o LEFT JOIN here h ON h.nik = o.nik"
            " WHERE EXISTS (SELECT 1 FROM targets t WHERE t.nik = o.nik) GROUP BY o.outcome",
            (*_HERE_PARAMS, pel_after, pel_until),
        ).fetchall()
        marked = [row[1:] for row in small_sets if row[0] == "c"]
        outcomes = [row[1:6] for row in small_sets if row[0] == "o"]
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
    counts: dict[tuple[str, str, str], list[int]] = {}
    lansia_sum, pelajar_sum = [0, 0, 0, 0], [0, 0, 0, 0]
    for kel, rw, rt, target, here, acc, l_t, l_h, l_a, p_t, p_h, p_a in per_rt:
        counts[(kel, rw, rt)] = [target, here, acc, 0]
        lansia_sum[0] += l_t or 0
        lansia_sum[1] += l_h or 0
        lansia_sum[2] += l_a or 0
        pelajar_sum[0] += p_t or 0
        pelajar_sum[1] += p_h or 0
        pelajar_sum[2] += p_a or 0
    for kel, rw, rt, count, l_e, p_e in other:
        counts.setdefault((kel, rw, rt), [0, 0, 0, 0])[3] += count
        lansia_sum[3] += l_e or 0
        pelajar_sum[3] += p_e or 0
    lansia_t, pelajar_t = Tally(*lansia_sum), Tally(*pelajar_sum)
    categories = {Category.LANSIA.value: lansia_t}
    for category, target, here, acc, elsewhere, p_t, p_h, p_a, p_e in marked:
        tally = _tally(target, here, acc, elsewhere)
        if category == Category.PELAJAR.value:  # by age or on a list: each NIK once
            tally = pelajar_t + tally + Tally(-int(p_t or 0), -int(p_h or 0), -int(p_a or 0), -int(p_e or 0))
        categories[category] = tally
    categories.setdefault(Category.PELAJAR.value, pelajar_t)
    result_outcomes = {o: _tally(target, here, acc, e) for o, target, here, acc, e in outcomes}
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


def _per_rt(conn: Any, lansia: str, pel_after: str, pel_until: str) -> list[tuple]:
    return conn.execute(
        f"WITH {_HERE} SELECT t.kelurahan_kode, t.rw, t.rt, count(*), count(h.nik), coalesce(sum(h.acc), 0),"
        " sum(t.tanggal_lahir <= ?), sum(h.nik IS NOT NULL AND t.tanggal_lahir <= ?),"
        " coalesce(sum(h.acc AND t.tanggal_lahir <= ?), 0),"
        " sum(t.tanggal_lahir > ? AND t.tanggal_lahir <= ?),"
        " sum(h.nik IS NOT NULL AND t.tanggal_lahir > ? AND t.tanggal_lahir <= ?),"
        " coalesce(sum(h.acc AND t.tanggal_lahir > ? AND t.tanggal_lahir <= ?), 0)"
        " FROM targets t LEFT JOIN here h ON h.nik = t.nik GROUP BY t.kelurahan_kode, t.rw, t.rt",
        (*_HERE_PARAMS, lansia, lansia, lansia, pel_after, pel_until, pel_after, pel_until, pel_after, pel_until),
    ).fetchall()
