"""Schedules and invitations (jadwal, undangan): recording slots per RT, who is invited to which, who is fetched.

A slot is one place, one day and one time window for one RT; its capacity is
the equipment sets times the window's minutes over the minutes one recording
takes. `plan_days` lays enough slots, day after day, for the RT's residents;
`assign` fills slots in their order with residents in list order or in a
random order that a seed reproduces (`order_by_seed`: the same seed gives the
same order on the laptop and on the server, whatever order the rows came in).
A resident whose slot passed unrecorded is offered the next slot with room
(`next_slot`), never one they were already invited to. `transport_reasons`
says who goes on the pick-up list: lansia and difabel residents, and everyone
of an RT marked farthest. Everything is decided on the values passed in: the
clock is never read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from app.core._text import format_date_id
from app.core.categories import Category
from app.core.messages import CodedError
from app.core.outcomes import Outcome

MAX_PLACE = 120
MAX_SETS = 50
MAX_MINUTES_PER_RECORDING = 240
MAX_DAYS = 62  # a plan longer than two months is a typo, not a plan
SUNDAY = 6
MAX_SEED = 999_999
NOT_INVITED = frozenset({Outcome.PINDAH, Outcome.MENINGGAL, Outcome.REKAM_DI_TEMPAT_LAIN})
"""Latest visit outcomes that take a resident off the invitations (moved, died, recorded elsewhere)."""


class AssignOrder(str, Enum):
    LIST = "urut"  # the target list's order (name, NIK)
    RANDOM = "acak"  # random, reproducible from a seed (Palembang)

    @classmethod
    def parse(cls, value: "AssignOrder | str") -> "AssignOrder":
        if isinstance(value, AssignOrder):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise CodedError("schedule.order_unknown") from None


class TransportReason(str, Enum):
    LANSIA = "lansia"
    DIFABEL = "difabel"
    FARTHEST_RT = "rt_terjauh"


TRANSPORT_LABELS = {TransportReason.LANSIA: "Lansia", TransportReason.DIFABEL: "Difabel",
                    TransportReason.FARTHEST_RT: "RT terjauh"}
"""How the printed pick-up list names each reason (Bahasa Indonesia: the paper's words are data)."""


@dataclass(frozen=True)
class RtKey:
    """One RT: kelurahan code, RW and RT as the target list writes them."""

    kelurahan_kode: str
    rw: str
    rt: str

    def label(self) -> str:
        return f"RT {self.rt or '-'}/RW {self.rw or '-'}"


@dataclass(frozen=True)
class Window:
    """A slot's fields as the office plans them (checked by `check_window`)."""

    place: str
    start: dt.time
    end: dt.time
    equipment_sets: int
    minutes_per_recording: int

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @property
    def capacity(self) -> int:
        """Recordings that fit: every set records one resident per `minutes_per_recording`."""
        return self.equipment_sets * (self.minutes // self.minutes_per_recording)


@dataclass(frozen=True)
class Slot:
    """One recording slot of one RT; `invited` is how many invitations it already holds."""

    id: str
    rt: RtKey
    day: dt.date
    window: Window
    invited: int = 0

    @property
    def capacity(self) -> int:
        return self.window.capacity

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.invited)

    def sort_key(self) -> tuple:
        return (self.day, self.window.start, self.id)


def _whole(value: object, low: int, high: int, code: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CodedError(code, {"low": low, "high": high})
    return value


def check_window(place: object, start: dt.time | None, end: dt.time | None, equipment_sets: object,
                 minutes_per_recording: object) -> Window:
    """The window if acceptable (place trimmed); raises `CodedError`. A window too short for one
    recording is refused: a slot nobody fits into invites nobody."""
    place = " ".join(str(place or "").split())
    if not place:
        raise CodedError("schedule.place_required")
    if len(place) > MAX_PLACE:
        raise CodedError("schedule.place_too_long", {"limit": MAX_PLACE})
    if start is None or end is None:
        raise CodedError("schedule.times_required")
    if end <= start:
        raise CodedError("schedule.end_before_start")
    sets = _whole(equipment_sets, 1, MAX_SETS, "schedule.sets_range")
    minutes = _whole(minutes_per_recording, 1, MAX_MINUTES_PER_RECORDING, "schedule.minutes_range")
    window = Window(place, start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0),
                    sets, minutes)
    if window.capacity < 1:
        raise CodedError("schedule.window_too_short")
    return window


def plan_days(first_day: dt.date, window: Window, needed: int, *, skip_weekdays: Iterable[int] = (SUNDAY,),
              already: int = 0) -> list[dt.date]:
    """The days, from `first_day` on (skipping `skip_weekdays`, Monday = 0), whose slots seat
    `needed` residents beyond the `already` free seats; empty when none are needed."""
    skip = frozenset(skip_weekdays)
    if len(skip) >= 7:
        raise CodedError("schedule.no_days")
    missing = max(0, needed - already)
    count = -(-missing // window.capacity)
    days: list[dt.date] = []
    day = first_day
    while len(days) < count:
        if day.weekday() not in skip:
            days.append(day)
        day += dt.timedelta(days=1)
    if days and (days[-1] - first_day).days >= MAX_DAYS:
        raise CodedError("schedule.too_many_days", {"days": len(days), "limit": MAX_DAYS})
    return days


def invitable(outcome: Outcome | None) -> bool:
    """Whether a resident not yet recorded is still invited, given their latest visit outcome."""
    return outcome not in NOT_INVITED


def check_seed(seed: object) -> int:
    """The seed of a random order: a whole number 0-`MAX_SEED` (short enough to write on the plan)."""
    return _whole(seed, 0, MAX_SEED, "schedule.seed_range")


def order_by_seed(niks: Iterable[str], seed: int) -> list[str]:
    """The NIKs in a random order fixed by `seed`: each sorted by SHA-256 of seed and NIK, so the
    order depends on neither the input order nor the Python version (laptop and server agree)."""
    return sorted(niks, key=lambda nik: (hashlib.sha256(f"{int(seed)}:{nik}".encode()).digest(), nik))


def ordered(niks: Sequence[str], order: AssignOrder | str, seed: int = 0) -> list[str]:
    """`niks` as given (the list's order) or shuffled by `seed`."""
    return list(niks) if AssignOrder.parse(order) is AssignOrder.LIST else order_by_seed(niks, seed)


@dataclass(frozen=True)
class Assignment:
    """Which slot each resident is invited to, and who found no room (more slots needed)."""

    invitations: tuple[tuple[str, str], ...]  # (nik, slot id), in the order they were given
    without_slot: tuple[str, ...]


def assign(niks: Sequence[str], slots: Iterable[Slot], *, not_before: dt.date | None = None) -> Assignment:
    """Fill the slots (earliest first, up to each one's free seats) with `niks` in the order given;
    slots before `not_before` take nobody (an invitation for a past day is no invitation)."""
    usable = sorted((s for s in slots if not_before is None or s.day >= not_before), key=Slot.sort_key)
    out: list[tuple[str, str]] = []
    queue = list(dict.fromkeys(niks))
    position = 0
    for slot in usable:
        take = queue[position:position + slot.free]
        out.extend((nik, slot.id) for nik in take)
        position += len(take)
    return Assignment(tuple(out), tuple(queue[position:]))


@dataclass(frozen=True)
class Invitation:
    """One resident invited to one slot, as the papers print it.

    Attributes:
        area_name: the kelurahan's name (its code when the master data has none).
        round: 1 for the first offer, 2 after one missed slot, and so on.
        reasons: why the resident is fetched (empty: comes on their own).
    """

    nik: str
    nama: str
    alamat: str
    rt: RtKey
    area_name: str
    slot: Slot
    round: int = 1
    reasons: tuple[TransportReason, ...] = ()


def missed(slot_day: dt.date, recorded: bool, today: dt.date) -> bool:
    """A resident missed their slot once its day has passed and they are still not recorded."""
    return not recorded and slot_day < today


def next_slot(missed_slot: Slot, slots: Iterable[Slot], invited_to: Iterable[str], today: dt.date) -> Slot | None:
    """The slot to offer after `missed_slot`: the earliest one of the same RT after it, from `today` on,
    with a free seat, that this resident was never invited to; None when there is none (plan more)."""
    seen = set(invited_to) | {missed_slot.id}
    later = [s for s in slots
             if s.rt == missed_slot.rt and s.id not in seen and s.free > 0 and s.day >= today
             and s.sort_key() > missed_slot.sort_key()]
    return min(later, key=Slot.sort_key, default=None)


@dataclass(frozen=True)
class Reinvitation:
    """The next offers after missed slots: (nik, slot id, round) each, and who found no slot."""

    offers: tuple[tuple[str, str, int], ...]
    without_slot: tuple[str, ...]


def reinvitations(history: Mapping[str, Iterable[tuple[str, int]]], slots: Iterable[Slot], still_open: Iterable[str],
                  today: dt.date) -> Reinvitation:
    """For each resident's offers so far ((slot id, round) in `history`), the next slot when their latest one
    passed while they stay open (`still_open`: not recorded, still invited); the seats taken count as
    the offers are made, so two residents never share the last one."""
    pool = {s.id: s for s in slots}
    waiting = set(still_open)
    offers: list[tuple[str, str, int]] = []
    without: list[str] = []
    for nik in sorted(history):
        past = list(history[nik])
        latest_id, latest_round = max(past, key=lambda o: (o[1], pool[o[0]].sort_key()))
        latest = pool[latest_id]
        if not missed(latest.day, nik not in waiting, today):
            continue
        found = next_slot(latest, pool.values(), (slot_id for slot_id, _ in past), today)
        if found is None:
            without.append(nik)
            continue
        pool[found.id] = Slot(found.id, found.rt, found.day, found.window, found.invited + 1)
        offers.append((nik, found.id, latest_round + 1))
    return Reinvitation(tuple(offers), tuple(without))


def transport_reasons(categories: Iterable[Category | str], *, farthest_rt: bool) -> tuple[TransportReason, ...]:
    """Why a resident is fetched: lansia, difabel (from `app.core.categories`) or a farthest RT; empty: not fetched."""
    found = {Category.parse(c) for c in categories}
    reasons = [reason for reason, category in ((TransportReason.LANSIA, Category.LANSIA),
                                               (TransportReason.DIFABEL, Category.DIFABEL)) if category in found]
    if farthest_rt:
        reasons.append(TransportReason.FARTHEST_RT)
    return tuple(reasons)


# What the printed papers say (Bahasa Indonesia: a document for residents, like `app.core.receipt`).
INVITATION_TITLE = "UNDANGAN PEREKAMAN KTP-EL"
REINVITATION_TITLE = "UNDANGAN ULANG PEREKAMAN KTP-EL"
RT_LIST_TITLE = "DAFTAR UNDANGAN PEREKAMAN KTP-EL"
PICKUP_TITLE = "DAFTAR PENJEMPUTAN WARGA"
WHAT_TO_BRING = (
    "Kartu Keluarga (KK) asli atau fotokopinya",
    "Surat pengantar dari RT/RW",
    "Surat undangan ini",
    "KTP lama, bila ada",
)
INVITATION_NOTE = ("Bila berhalangan pada jadwal ini, beri tahu ketua RT: Anda akan diundang ke jadwal "
                   "berikutnya. Perekaman tidak dipungut biaya.")
FETCHED_NOTE = "Anda akan dijemput petugas sebelum jadwal ini."
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def day_text(day: dt.date) -> str:
    """'Senin, 7 Desember 2026'."""
    return f"{_DAYS[day.weekday()]}, {format_date_id(day)}"


def window_text(start: dt.time, end: dt.time) -> str:
    """'08.00–10.00' (the Indonesian way of writing hours)."""
    return f"{start:%H.%M}\u2013{end:%H.%M}"
