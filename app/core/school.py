"""School mode: a class list split by who may be recorded on a given day.

Each student is, on the day passed in (`app.core.eligibility.assess_eligibility`
decides): ``belum`` (under the minimum recording age: shown with the day they
become eligible), ``rekam_awal`` (may be pre-recorded; the card is held until
the 17th birthday: "kartu ditahan sampai 17") or ``wajib`` (17 or older, may
be recorded and receive the card). Students are not married as far as a class
list knows. The clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from app.core.eligibility import DEFAULT_MIN_RECORDING_AGE, EligibilityStatus, assess_eligibility
from app.core.worded import Worded


class StudentStatus(Worded, str, Enum, group="student"):
    BELUM = "belum"  # not yet eligible
    REKAM_AWAL = "rekam_awal"  # pre-record; kartu ditahan sampai 17
    WAJIB = "wajib"  # eligible


_BY_ELIGIBILITY = {
    EligibilityStatus.TOO_YOUNG: StudentStatus.BELUM,
    EligibilityStatus.PRE_RECORD: StudentStatus.REKAM_AWAL,
    EligibilityStatus.WAJIB: StudentStatus.WAJIB,
}


@dataclass(frozen=True)
class StudentVerdict:
    """One student on one day.

    Attributes:
        status: belum / rekam_awal / wajib.
        age: completed years on the day.
        eligible_from: for ``belum``, the first day they may be recorded.
        card_held_until: for ``rekam_awal``, the 17th birthday (the card is held until then).
    """

    status: StudentStatus
    age: int
    eligible_from: dt.date | None = None
    card_held_until: dt.date | None = None

    @property
    def card_held(self) -> bool:
        return self.status is StudentStatus.REKAM_AWAL


def assess_student(birth_date: dt.date, on: dt.date, *,
                   min_recording_age: int = DEFAULT_MIN_RECORDING_AGE) -> StudentVerdict:
    """The verdict for a student born on `birth_date`, on day `on` (a birth date after `on` is ``belum``)."""
    if birth_date > on:
        return StudentVerdict(StudentStatus.BELUM, -1,
                              eligible_from=assess_eligibility(birth_date, None, birth_date,
                                                               min_recording_age=min_recording_age).eligible_from)
    found = assess_eligibility(birth_date, None, on, min_recording_age=min_recording_age)
    return StudentVerdict(_BY_ELIGIBILITY[found.status], found.age_years, found.eligible_from,
                          found.card_held_until)


def split_class(birth_dates: Iterable[tuple[str, dt.date]], on: dt.date, *,
                min_recording_age: int = DEFAULT_MIN_RECORDING_AGE) -> dict[StudentStatus, list[str]]:
    """The keys (e.g. NIKs) of a class list by status on day `on`, in the order given."""
    groups: dict[StudentStatus, list[str]] = {s: [] for s in StudentStatus}
    for key, born in birth_dates:
        groups[assess_student(born, on, min_recording_age=min_recording_age).status].append(key)
    return groups
