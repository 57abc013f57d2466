"""Target categories for jemput bola: who the teams go to, derived from the birth date or marked by hand.

Derived on a given day (the clock is never read): ``lansia`` (60 or older) and
``pelajar`` (not yet 17, turning 17 within N months). Marked: ``difabel``,
``tahanan`` (lapas/rutan), ``pekerja`` (a company visit), ``perbatasan``
(border or remote area) and ``pelajar`` from a school list. Birthdays follow
`app.core.eligibility.birthday` (29 February -> 1 March in common years).

The derived ones are birth-date ranges (`birth_range`), so a store can filter
a city's list on an index of birth dates instead of computing ages row by row.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum

from app.core.eligibility import WAJIB_KTP_AGE, age_on
from app.core.worded import Worded

LANSIA_AGE = 60
DEFAULT_PELAJAR_MONTHS = 6
MAX_PELAJAR_MONTHS = 60


class Category(Worded, str, Enum, group="category"):
    LANSIA = "lansia"
    DIFABEL = "difabel"
    PELAJAR = "pelajar"
    TAHANAN = "tahanan"
    PEKERJA = "pekerja"
    PERBATASAN = "perbatasan"

    @property
    def derived(self) -> bool:
        """Whether the birth date decides it (pelajar may also be marked from a school list)."""
        return self in (Category.LANSIA, Category.PELAJAR)

    @property
    def markable(self) -> bool:
        """Whether it may be marked by hand or from a list (every category but lansia)."""
        return self is not Category.LANSIA

    @classmethod
    def parse(cls, value: "Category | str") -> "Category":
        """A category from its value (any case, spaces around); ValueError for anything else."""
        if isinstance(value, Category):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError("kategori tidak dikenal") from None


def years_before(day: dt.date, years: int) -> dt.date:
    """The latest birth date of someone at least `years` old on `day`."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February, and that year has none: born 28 Feb at the latest
        return dt.date(day.year - years, 2, 28)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months` calendar months (the day clamped to the month's last: 31 Aug + 6 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def check_pelajar_months(months: int) -> int:
    if isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= MAX_PELAJAR_MONTHS:
        raise ValueError(f"jangka pelajar harus 0-{MAX_PELAJAR_MONTHS} bulan")
    return months


def birth_range(category: Category, on: dt.date,
                pelajar_months: int = DEFAULT_PELAJAR_MONTHS) -> tuple[dt.date | None, dt.date]:
    """The birth dates of a derived category on day `on`: (after, until), `after` exclusive
    (None: no lower bound), `until` inclusive. ValueError for a category that is not derived."""
    if category is Category.LANSIA:
        return None, years_before(on, LANSIA_AGE)
    if category is Category.PELAJAR:
        until = add_months(on, check_pelajar_months(pelajar_months))
        return years_before(on, WAJIB_KTP_AGE), years_before(until, WAJIB_KTP_AGE)
    raise ValueError("kategori ini tidak diturunkan dari tanggal lahir")


def derived_categories(birth_date: dt.date | None, on: dt.date,
                       pelajar_months: int = DEFAULT_PELAJAR_MONTHS) -> set[Category]:
    """The categories the birth date gives on day `on` (none without a birth date)."""
    if birth_date is None or birth_date > on:
        return set()
    found: set[Category] = set()
    if age_on(birth_date, on) >= LANSIA_AGE:
        found.add(Category.LANSIA)
    until = add_months(on, check_pelajar_months(pelajar_months))
    if age_on(birth_date, on) < WAJIB_KTP_AGE <= age_on(birth_date, until):
        found.add(Category.PELAJAR)
    return found
