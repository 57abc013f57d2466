"""Trips (kunjungan): what a jemput-bola trip is, the checks on one, and which trip is active.

A trip has a name, a type (`TripType`), a place, a first and a last day and a
team (at least one name). Date rules: the last day is not before the first;
``perbatasan`` trips stay several nights (the last day after the first); no
trip is longer than `MAX_TRIP_DAYS`. Active: the operator activates one trip
at a time; it counts as active only on the days it covers (``start <= today
<= end``), so an activated trip whose last day has passed no longer attaches
recordings. Everything is decided on the day passed in; the clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from app.core.messages import CodedError
from app.core.worded import Worded

MAX_NAME = 100
MAX_PLACE = 120
MAX_MEMBER = 60
MAX_TEAM = 20
MAX_TRIP_DAYS = 31


class TripType(Worded, str, Enum, group="trip_type"):
    RUMAH = "rumah"  # home visits (lansia, difabel)
    SEKOLAH = "sekolah"
    LAPAS = "lapas"  # lapas / rutan
    PERUSAHAAN = "perusahaan"
    PERBATASAN = "perbatasan"  # border / remote villages, several nights

    @property
    def overnight(self) -> bool:
        """The trip stays several nights (its last day must be after its first)."""
        return self is TripType.PERBATASAN

    @classmethod
    def parse(cls, value: "TripType | str") -> "TripType":
        if isinstance(value, TripType):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise CodedError("trip.type_unknown") from None


@dataclass(frozen=True)
class Trip:
    """One trip as the rules see it (the store adds its id and times)."""

    name: str
    type: TripType
    place: str
    start: dt.date
    end: dt.date
    team: tuple[str, ...] = field(default_factory=tuple)
    id: str = ""

    @property
    def nights(self) -> int:
        return (self.end - self.start).days

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def ref(self) -> dict[str, str]:
        """What travels with a recording or an outcome: id, name and type."""
        return {"id": self.id, "name": self.name, "type": self.type.value}


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())


def check_trip(name: object, trip_type: TripType | str, place: object, start: dt.date | None,
               end: dt.date | None, team: Iterable[object], *, trip_id: str = "") -> Trip:
    """The trip if its fields are acceptable (names trimmed, team de-duplicated); raises `CodedError`."""
    name, place = _clean(name), _clean(place)
    if not name:
        raise CodedError("trip.name_required")
    if len(name) > MAX_NAME:
        raise CodedError("trip.name_too_long", {"limit": MAX_NAME})
    kind = TripType.parse(trip_type)
    if not place:
        raise CodedError("trip.place_required")
    if len(place) > MAX_PLACE:
        raise CodedError("trip.place_too_long", {"limit": MAX_PLACE})
    if start is None or end is None:
        raise CodedError("trip.dates_required")
    if end < start:
        raise CodedError("trip.end_before_start")
    if kind.overnight and end == start:
        raise CodedError("trip.overnight_needs_nights")
    if (end - start).days + 1 > MAX_TRIP_DAYS:
        raise CodedError("trip.too_long", {"limit": MAX_TRIP_DAYS})
    members: list[str] = []
    for member in team:
        member = _clean(member)
        if not member or member.casefold() in (m.casefold() for m in members):
            continue
        if len(member) > MAX_MEMBER:
            raise CodedError("trip.member_too_long", {"limit": MAX_MEMBER})
        members.append(member)
    if not members:
        raise CodedError("trip.team_required")
    if len(members) > MAX_TEAM:
        raise CodedError("trip.team_too_big", {"limit": MAX_TEAM})
    return Trip(name, kind, place, start, end, tuple(members), trip_id)


def check_activation(trip: Trip, today: dt.date) -> None:
    """A trip may be activated only on a day it covers; raises `CodedError` otherwise."""
    if today < trip.start:
        raise CodedError("trip.not_started")
    if today > trip.end:
        raise CodedError("trip.ended")


def active_trip(activated: Trip | None, today: dt.date) -> Trip | None:
    """The trip recordings attach to on `today`: the activated one, while it covers `today`."""
    if activated is None or not activated.covers(today):
        return None
    return activated


def parse_team(text: str) -> list[str]:
    """A team typed as one line ("Ani, Budi; Citra") as its names."""
    return [p for p in (_clean(x) for x in text.replace(";", ",").replace("\n", ",").split(",")) if p]
