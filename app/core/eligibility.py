"""Who may be recorded on a given day: wajib KTP, pre-recording, or too young.

UU 24/2013 Pasal 63: wajib KTP from the 17th birthday, or at any age once
married (or ever married). Some regencies record students earlier, from a
minimum age setting (default 16, sometimes 15), and hold the card until the
17th birthday. Everything is decided on the recording date passed in; the
clock is never read.

29 February: in a year without one, the birthday is taken as 1 March (the
day after 28 February), so a child born 29 Feb 2008 turns 17 on 1 Mar 2025.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from app.core._text import format_date_id
from app.core.findings import Finding, Severity, finding
from app.core.values import StatusPerkawinan

FIELD = "tanggal_lahir"
WAJIB_KTP_AGE = 17
DEFAULT_MIN_RECORDING_AGE = 16
LOWEST_MIN_RECORDING_AGE = 1


class EligibilityStatus(str, Enum):
    WAJIB = "wajib"  # 17 or older, or (ever) married
    PRE_RECORD = "pre_record"  # may be recorded now; the card is held until 17
    TOO_YOUNG = "too_young"  # may not be recorded yet

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    EligibilityStatus.WAJIB: "Wajib KTP",
    EligibilityStatus.PRE_RECORD: "Rekam awal (kartu ditahan sampai usia 17)",
    EligibilityStatus.TOO_YOUNG: "Belum dapat direkam",
}


@dataclass(frozen=True)
class Eligibility:
    """The verdict for one resident on one recording date.

    Attributes:
        status: wajib, pre-record or too young.
        age_years: completed years on the recording date.
        eligible_from: when too young, the first day recording is allowed; else None.
        card_held_until: when pre-recorded, the 17th birthday (the card is handed over then).
        findings: ``eligibility.too_young`` (error) or ``eligibility.pre_record`` (warning).
    """

    status: EligibilityStatus
    age_years: int
    eligible_from: dt.date | None = None
    card_held_until: dt.date | None = None
    findings: list[Finding] = field(default_factory=list)


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The day someone born on `birth_date` turns `age` (29 Feb -> 1 Mar in common years).

    A birthday past year 9999 is beyond any recording date: `date.max` stands for it.
    """
    year = birth_date.year + age
    if year > dt.MAXYEAR:
        return dt.date.max
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 3, 1)


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years on day `on` (negative before birth)."""
    years = on.year - birth_date.year
    return years if on >= birthday(birth_date, years) else years - 1


def assess_eligibility(
    birth_date: dt.date,
    status_perkawinan: StatusPerkawinan | int | str | None,
    recording_date: dt.date,
    *,
    min_recording_age: int = DEFAULT_MIN_RECORDING_AGE,
) -> Eligibility:
    """Decide whether a resident may be recorded on `recording_date`.

    Raises ValueError when `min_recording_age` is outside 1-17 or the birth
    date is after the recording date (report that as a form error first).
    """
    if isinstance(min_recording_age, bool) or not isinstance(min_recording_age, int):
        raise ValueError("usia minimal perekaman harus bilangan bulat")
    if not LOWEST_MIN_RECORDING_AGE <= min_recording_age <= WAJIB_KTP_AGE:
        raise ValueError(f"usia minimal perekaman harus {LOWEST_MIN_RECORDING_AGE}-17 tahun")
    birth_date, recording_date = _as_date(birth_date), _as_date(recording_date)
    if birth_date > recording_date:
        raise ValueError("tanggal lahir sesudah tanggal perekaman")
    married = (
        status_perkawinan is not None
        and StatusPerkawinan.parse(status_perkawinan).ever_married
    )
    age = age_on(birth_date, recording_date)
    seventeen = birthday(birth_date, WAJIB_KTP_AGE)
    if age >= WAJIB_KTP_AGE or married:
        return Eligibility(EligibilityStatus.WAJIB, age)
    if age >= min_recording_age:
        return Eligibility(
            EligibilityStatus.PRE_RECORD,
            age,
            card_held_until=seventeen,
            findings=[finding("eligibility.pre_record", FIELD, Severity.WARNING,
                              age=age, card_held_until=format_date_id(seventeen))],
        )
    eligible = birthday(birth_date, min_recording_age)
    params = {"age": age, "eligible_from": format_date_id(eligible)}
    if min_recording_age < WAJIB_KTP_AGE:
        params.update(min_age=min_recording_age, card_held_until=format_date_id(seventeen))
    return Eligibility(
        EligibilityStatus.TOO_YOUNG,
        age,
        eligible_from=eligible,
        findings=[finding("eligibility.too_young", FIELD, Severity.ERROR, **params)],
    )


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
