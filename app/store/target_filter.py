"""Daftar Warga's filters and sort orders as SQL on the target list (alias ``t``).

A `TargetFilter` narrows by area (kelurahan, RW, RT), one category and one
latest visit outcome, and says how to sort. Derived categories (lansia,
pelajar) are birth-date ranges on the day given (`app.core.categories`), read
on the ``targets_born`` index; marked ones and outcomes are NIK sets from
their own small tables (``target_categories``, ``target_outcomes``). The
revisit list is the outcome ``kunjungan_ulang`` sorted by its date, then RW/RT.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.core.categories import DEFAULT_PELAJAR_MONTHS, Category, birth_range, check_pelajar_months
from app.core.outcomes import Outcome

NO_OUTCOME = "belum"
"""The outcome filter for targets nobody has visited yet."""

SORTS = {
    "area": "t.kelurahan_kode {d}, t.rw {d}, t.rt {d}, t.nama {d}, t.nik {d}",
    "nama": "t.nama {d}, t.nik {d}",
    "nik": "t.nik {d}",
    "tanggal_lahir": "t.tanggal_lahir {d}, t.nik {d}",  # the order of the targets_born index
    # ``o``: the target's latest outcome (`source`, and the page's own join of target_outcomes).
    "revisit": "o.revisit_date {d}, t.kelurahan_kode {d}, t.rw {d}, t.rt {d}, t.nama {d}, t.nik {d}",
}
# INDEXED BY: with stale statistics (outcomes recorded since the last `PRAGMA optimize`) SQLite
# scanned all of target_outcomes and sorted it (230-360 ms at 1.2 million targets, 60,000 outcomes).
_REVISIT_SOURCE = "target_outcomes o INDEXED BY target_outcomes_revisit CROSS JOIN targets t ON t.nik = o.nik"
# Rough shares of a city's wajib KTP list (for `TargetFilter.scan_in_order` only).
_DERIVED_SHARE = {Category.LANSIA: 0.2}  # pelajar's size is counted (`set_sizes_sql`)
_AREA_SHARE = {"kelurahan": 0.01, "rw": 0.1, "rt": 0.1}
# What reading one target row by NIK costs, in index entries read in order: measured on a cold
# page cache at 1.2 million targets (SQLCipher decrypts each page it reads), about 30 us a row
# (NIK index, then the row, both at random) against about 1 us an entry read in order.
_ROW_COST = 25


def normalize_rt_rw(value: str | None) -> str | None:
    """An RT or RW as stored ("7" -> "007"); None or blank: no filter."""
    text = (value or "").strip()
    if not text:
        return None
    return text.zfill(3) if text.isdigit() and len(text) <= 3 else text


@dataclass(frozen=True)
class TargetFilter:
    """What Daftar Warga shows.

    Attributes:
        kelurahan_kode, rw, rt: the area (None: any); RT/RW as typed ("7" = "007").
        category: one `Category` (None: any).
        outcome: the latest visit outcome (an `Outcome`), `NO_OUTCOME`, or None (any).
        on: the day the derived categories are computed for (the caller's today).
        pelajar_months: "turns 17 within N months".
        sort: a key of `SORTS`; descending: reverse it.
    """

    kelurahan_kode: str | None = None
    rw: str | None = None
    rt: str | None = None
    category: Category | None = None
    outcome: Outcome | str | None = None
    on: dt.date | None = None
    pelajar_months: int = DEFAULT_PELAJAR_MONTHS
    sort: str = "area"
    descending: bool = False

    @classmethod
    def revisits(cls, **changes: Any) -> "TargetFilter":
        """The revisit list: targets asking for another visit (latest outcome kunjungan_ulang), by the
        revisit date, then kelurahan, RW and RT."""
        return cls(outcome=Outcome.KUNJUNGAN_ULANG, sort="revisit", **changes)

    def source(self) -> str:
        """The FROM clause: the targets (``t``); the revisit list starts from the revisit dates
        (their index, in order) and joins the targets."""
        return _REVISIT_SOURCE if self.sort == "revisit" else "targets t"

    def order_by(self) -> str:
        if self.sort not in SORTS:
            raise ValueError(f"urutan tidak dikenal: {self.sort!r}")
        return SORTS[self.sort].format(d="DESC" if self.descending else "ASC")

    def set_sizes_sql(self) -> list[tuple[str, list[Any]]]:
        """Queries counting the NIK sets that narrow this filter (a marked category, pelajar: its
        birth-date range and its school lists, an outcome), for `scan_in_order`."""
        out = []
        category = Category.parse(self.category) if self.category is not None else None
        if category is not None and not category.derived:
            out.append(("SELECT count(*) FROM target_categories WHERE category = ?", [category.value]))
        elif category is not None and category.markable:  # pelajar: a narrow stretch of targets_born
            after, until = self._birth_range(category)
            out.append(("SELECT (SELECT count(*) FROM targets WHERE tanggal_lahir > ? AND tanggal_lahir <= ?)"
                        " + (SELECT count(*) FROM target_categories WHERE category = ?)",
                        [after.isoformat() if after else "", until.isoformat(), category.value]))
        if self.outcome not in (None, NO_OUTCOME) and self.sort != "revisit":
            out.append(("SELECT count(*) FROM target_outcomes WHERE outcome = ?", [Outcome.parse(self.outcome).value]))
        return out

    def scan_in_order(self, set_sizes: list[int], total: int, limit: int) -> bool:
        """Whether a page is best read in its sort order, each NIK looked up in the sets, rather than
        led by the smallest set (its rows read and sorted).

        A rough cost model: reading in order takes about ``limit / selectivity`` index entries
        (at most the whole list), each a row read when the sort's index lacks a filtered
        column (the area index holds area and birth date, the birth-date index birth date);
        a kelurahan (RW, RT) narrows that to its range of the area index, read whole when the
        page is sorted otherwise.
        Leading takes the smallest set's rows, each a row read by NIK (``_ROW_COST`` entries).
        """
        if not set_sizes or total <= 0:
            return False
        selectivity = 1.0
        for size in set_sizes:
            selectivity *= min(1.0, size / total)
        category = Category.parse(self.category) if self.category is not None else None
        if category in _DERIVED_SHARE:
            selectivity *= _DERIVED_SHARE[category]
        wanted = limit / selectivity if selectivity else total
        if self.kelurahan_kode:
            area = total * _AREA_SHARE["kelurahan"]
            area *= _AREA_SHARE["rw"] if self.rw else 1
            area *= _AREA_SHARE["rt"] if self.rt else 1
            read_in_order = min(area, wanted) if self.sort == "area" else area
        else:
            # The area index holds area and birth date; the birth-date index holds the birth date.
            covered = self.sort == "area" or not (self.rw or self.rt) and (
                self.sort == "tanggal_lahir" or not (category and category.derived))
            entry = 1 if covered else _ROW_COST
            read_in_order = entry * min(total, wanted)
        return read_in_order < _ROW_COST * min(set_sizes)

    def conditions(self, *, scan: bool = False, ordered: bool = True) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``t`` and their parameters (empty: everything).

        `scan`: the NIK sets are large, so the list is read in its sort order (on an index
        holding the NIK) and each NIK looked up in the set; otherwise the (small) set leads
        and its rows are sorted. The unary ``+`` keeps SQLite from leading with the set.
        `ordered`: for a page (sorted); a count (False) leaves the plan to SQLite.
        """
        nik = "+t.nik" if scan and ordered else "t.nik"
        where: list[str] = []
        params: list[Any] = []
        if self.kelurahan_kode:
            where.append("t.kelurahan_kode = ?")
            params.append(self.kelurahan_kode)
        for column, value in (("rw", self.rw), ("rt", self.rt)):
            value = normalize_rt_rw(value)
            if value is not None:
                where.append(f"t.{column} = ?")
                params.append(value)
        together = None if scan and ordered else self._together()
        if together is not None:
            clause, clause_params = together
            where.append(f"t.nik IN ({clause})")
            params.extend(clause_params)
        elif self.category is not None:
            clause, clause_params = self._category_condition(Category.parse(self.category), nik, ordered)
            where.append(clause)
            params.extend(clause_params)
        if self.sort == "revisit":  # only the latest kunjungan_ulang carries a revisit date
            where.append("o.revisit_date IS NOT NULL")
        elif together is not None:  # the outcome is in it
            pass
        elif self.outcome == NO_OUTCOME:
            where.append(f"{nik} NOT IN (SELECT nik FROM target_outcomes)")
        elif self.outcome is not None:
            where.append(f"{nik} IN (SELECT nik FROM target_outcomes WHERE outcome = ?)")
            params.append(Outcome.parse(self.outcome).value)
        return where, params

    def _together(self) -> tuple[str, list[Any]] | None:
        """One NIK set for a category and an outcome together, or None (not both, or lansia).

        The outcome's NIKs (a small table) are checked against the category's NIKs (a marked
        list; pelajar: also the birth-date range, a narrow stretch of the ``targets_born`` index)
        before any target row is read, so only the NIKs in both lead the page, not every NIK of
        the outcome looked up in the list one by one. Lansia's range is most of the list: it
        stays a check on the row.
        """
        if self.category is None or self.outcome in (None, NO_OUTCOME) or self.sort == "revisit":
            return None
        category = Category.parse(self.category)
        if category.derived and not category.markable:
            return None
        sql = "SELECT nik FROM target_outcomes WHERE outcome = ? AND nik IN ({})"
        params: list[Any] = [Outcome.parse(self.outcome).value]
        marked = "SELECT nik FROM target_categories WHERE category = ?"
        if not category.derived:
            return sql.format(marked), [*params, category.value]
        after, until = self._birth_range(category)
        if after is None:  # pragma: no cover - a markable derived category is a narrow range (pelajar)
            return None
        born = "SELECT nik FROM targets WHERE tanggal_lahir > ? AND tanggal_lahir <= ?"
        return (sql.format(f"{born} UNION ALL {marked}"),
                [*params, after.isoformat(), until.isoformat(), category.value])

    def _birth_range(self, category: Category) -> tuple[dt.date | None, dt.date]:
        if self.on is None:
            raise ValueError("kategori turunan perlu tanggal acuan")
        return birth_range(category, self.on, check_pelajar_months(self.pelajar_months))

    def _category_condition(self, category: Category, nik: str, ordered: bool) -> tuple[str, list[Any]]:
        marked = f"{nik} IN (SELECT nik FROM target_categories WHERE category = ?)"
        if not category.derived:
            return marked, [category.value]
        after, until = self._birth_range(category)
        # In area order the area index holds the birth date: read it in order rather than lead
        # with the birth-date range (a city's lansia or pelajar would all be read and sorted).
        column = "+t.tanggal_lahir" if self.sort == "area" and ordered else "t.tanggal_lahir"
        born = f"{column} <= ?" if after is None else f"({column} > ? AND {column} <= ?)"
        born_params = [until.isoformat()] if after is None else [after.isoformat(), until.isoformat()]
        if category.markable:  # pelajar: by age, or on a school list
            return f"({born} OR {marked})", [*born_params, category.value]
        return born, born_params
