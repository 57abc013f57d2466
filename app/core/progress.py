"""Progress against the target list: what counts as recorded, the groupings and their roll-up (pure).

Two kinds of row. A *target* row (per RT, RW, kelurahan, kecamatan, category,
latest visit outcome) counts residents on the list: ``here`` those with a
completed recording on this laptop (`RECORDED_STATUSES`: not a draft, not
rejected), ``accepted`` of those, the ones the server accepted, ``elsewhere``
those the server says another team recorded and this laptop did not (a NIK
recorded by both counts once, as here), the rest still ``open``; the percent is
recorded / target. A *work* row (per day, operator) counts what this laptop
did: recordings completed, of them on the list, accepted by the server, and
visit outcomes set by hand (everything but ``direkam``).

The store hands over facts at the finest grain: per RT as plain rows (a city
has tens of thousands), per day and operator as (keys mapping, figures);
`roll_up` groups facts by any grouping's fields. Adding a key (e.g. a trip:
``trip`` in the work facts' keys, the store grouping by it too) is one more
field in the facts and one more `Grouping`. Area and work groupings add up, so they have a total; categories
overlap (a lansia can be difabel), so theirs has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from app.core.categories import Category
from app.core.lifecycle import RecordingStatus
from app.core.outcomes import Outcome

RECORDED_STATUSES: tuple[str, ...] = tuple(
    s.value for s in RecordingStatus if s not in (RecordingStatus.DRAFT, RecordingStatus.REJECTED)
)
"""A resident counts as recorded here once the operator completed the recording (and it was not rejected)."""
ACCEPTED_STATUS = RecordingStatus.ACCEPTED.value
NOT_VISITED = ""
"""The outcome key of targets nobody has visited yet."""


@dataclass(frozen=True)
class Tally:
    """Figures of one target row (see the module docstring)."""

    target: int = 0
    here: int = 0
    accepted: int = 0
    elsewhere: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.target + other.target, self.here + other.here, self.accepted + other.accepted,
                     self.elsewhere + other.elsewhere)

    @property
    def recorded(self) -> int:
        return self.here + self.elsewhere

    @property
    def open(self) -> int:
        return max(0, self.target - self.recorded)

    @property
    def percent(self) -> float | None:
        """Recorded / target in percent (None without targets)."""
        return 100.0 * self.recorded / self.target if self.target else None


@dataclass(frozen=True)
class Work:
    """Figures of one work row: recordings completed here, of them on the list and accepted, visits set."""

    recorded: int = 0
    on_list: int = 0
    accepted: int = 0
    visits: int = 0

    def __add__(self, other: "Work") -> "Work":
        return Work(self.recorded + other.recorded, self.on_list + other.on_list, self.accepted + other.accepted,
                    self.visits + other.visits)


class Grouping(str, Enum):
    """How Laporan groups: the fields of a fact that make a row's key, in order."""

    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    RW = "rw"
    RT = "rt"
    CATEGORY = "kategori"
    OUTCOME = "hasil"
    DAY = "hari"
    OPERATOR = "operator"

    @property
    def keys(self) -> tuple[str, ...]:
        return _KEYS[self]

    @property
    def kind(self) -> str:
        """``target`` (residents on the list) or ``work`` (what this laptop did)."""
        return "work" if self in (Grouping.DAY, Grouping.OPERATOR) else "target"

    @property
    def additive(self) -> bool:
        """Whether the rows add up to a total (categories overlap)."""
        return self is not Grouping.CATEGORY


_KEYS = {
    Grouping.KECAMATAN: ("kecamatan",),
    Grouping.KELURAHAN: ("kelurahan",),
    Grouping.RW: ("kelurahan", "rw"),
    Grouping.RT: ("kelurahan", "rw", "rt"),
    Grouping.CATEGORY: ("category",),
    Grouping.OUTCOME: ("outcome",),
    Grouping.DAY: ("day",),
    Grouping.OPERATOR: ("operator",),
}
AREA_GROUPINGS = (Grouping.KECAMATAN, Grouping.KELURAHAN, Grouping.RW, Grouping.RT)


def kecamatan_of(kelurahan_kode: str) -> str:
    """The kecamatan of a dotted kelurahan code ('16.71.01.1001' -> '16.71.01'); others as given."""
    return kelurahan_kode[:8] if len(kelurahan_kode) == 13 and kelurahan_kode[8] == "." else kelurahan_kode


def area_keys(kelurahan: str, rw: str, rt: str) -> dict[str, str]:
    """The keys of an RT's fact (its kecamatan included)."""
    return {"kecamatan": kecamatan_of(kelurahan), "kelurahan": kelurahan, "rw": rw, "rt": rt}


def local_day(utc_iso: str, offset_minutes: int) -> str:
    """The local calendar day (ISO) of a stored UTC timestamp, at `offset_minutes` east of UTC (WIB: 420)."""
    moment = dt.datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return (moment.astimezone(dt.timezone.utc) + dt.timedelta(minutes=offset_minutes)).date().isoformat()


@dataclass(frozen=True)
class Row:
    """One row of a grouping: its key (values of the grouping's fields) and its figures."""

    key: tuple[str, ...]
    figures: Tally | Work


def roll_up(facts: Iterable[tuple[Mapping[str, str], Tally | Work]], grouping: Grouping) -> list[Row]:
    """The facts grouped by `grouping`'s fields, rows in key order."""
    sums: dict[tuple[str, ...], Tally | Work] = {}
    names = grouping.keys
    for keys, figures in facts:
        key = tuple(keys[name] for name in names)
        sums[key] = sums[key] + figures if key in sums else figures
    return [Row(key, sums[key]) for key in sorted(sums)]


_AREA_KEY = {
    Grouping.KECAMATAN: lambda r: (kecamatan_of(r[0]),),
    Grouping.KELURAHAN: lambda r: (r[0],),
    Grouping.RW: lambda r: (r[0], r[1]),
    Grouping.RT: lambda r: (r[0], r[1], r[2]),
}


def _roll_up_areas(areas: Iterable[tuple], grouping: Grouping) -> list[Row]:
    """`roll_up` for the plain RT rows of `Snapshot.areas`, summed as plain numbers."""
    key_of = _AREA_KEY[grouping]
    sums: dict[tuple[str, ...], list[int]] = {}
    for row in areas:
        key = key_of(row)
        found = sums.get(key)
        if found is None:
            sums[key] = list(row[3:7])
        else:
            for k in range(4):
                found[k] += row[3 + k]
    return [Row(key, Tally(*sums[key])) for key in sorted(sums)]


def total(rows: Iterable[Row]) -> Tally | Work | None:
    """The sum of the rows (None for none)."""
    out = None
    for row in rows:
        out = row.figures if out is None else out + row.figures
    return out


@dataclass(frozen=True)
class Snapshot:
    """Everything Laporan shows, computed at once (`app.store.progress_query.snapshot`).

    Attributes:
        on: the day the derived categories were computed for.
        areas: one row per RT: (kelurahan, rw, rt, target, here, accepted, elsewhere), plain values
            (a city has tens of thousands of RTs: objects are made only for the grouping shown).
        categories: one `Tally` per category value (a resident may be in several).
        outcomes: one `Tally` per latest outcome value (`NOT_VISITED`: none yet).
        work: facts per day and operator (keys ``day``, ``operator``).
    """

    on: dt.date
    areas: tuple[tuple[str, str, str, int, int, int, int], ...] = ()
    categories: Mapping[str, Tally] = field(default_factory=dict)
    outcomes: Mapping[str, Tally] = field(default_factory=dict)
    work: tuple[tuple[Mapping[str, str], Work], ...] = ()

    def rows(self, grouping: Grouping) -> list[Row]:
        """The rows of one grouping: areas and work in key order; categories and outcomes in their
        enums' order (outcomes after "not visited"), each shown even when empty."""
        if grouping is Grouping.CATEGORY:
            return [Row((c.value,), self.categories.get(c.value, Tally())) for c in Category]
        if grouping is Grouping.OUTCOME:
            order = [NOT_VISITED, *(o.value for o in Outcome)]
            return [Row((o,), self.outcomes.get(o, Tally())) for o in order]
        if grouping.kind == "work":
            return roll_up(self.work, grouping)
        return _roll_up_areas(self.areas, grouping)

    def total(self, grouping: Grouping) -> Tally | Work | None:
        """The total row of an additive grouping (None for categories, or nothing to add)."""
        return total(self.rows(grouping)) if grouping.additive else None

    @property
    def overall(self) -> Tally:
        """The whole list."""
        return Tally(*(sum(row[k] for row in self.areas) for k in range(3, 7)))
