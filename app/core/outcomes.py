"""Visit outcomes: what a team found at a target's door, and the rules for setting one.

``direkam`` is never chosen by hand: it is set when a recording of the NIK is
completed (linked to that recording). ``kunjungan_ulang`` (sakit / minta
kunjungan ulang) needs the day to come back, on or after the visit; no other
outcome carries one. Once a target is ``direkam`` no other outcome replaces it.
Every decision is made on the visit day passed in; the clock is never read.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from app.core.messages import CodedError
from app.core.worded import Worded

MAX_NOTE = 500


class Outcome(Worded, str, Enum, group="outcome"):
    DIREKAM = "direkam"
    TIDAK_DI_RUMAH = "tidak_di_rumah"
    MENOLAK = "menolak"
    PINDAH = "pindah"
    MENINGGAL = "meninggal"
    KUNJUNGAN_ULANG = "kunjungan_ulang"
    REKAM_DI_TEMPAT_LAIN = "rekam_di_tempat_lain"

    @property
    def needs_revisit(self) -> bool:
        return self is Outcome.KUNJUNGAN_ULANG

    @classmethod
    def parse(cls, value: "Outcome | str") -> "Outcome":
        if isinstance(value, Outcome):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise CodedError("outcome.unknown") from None


MANUAL = tuple(o for o in Outcome if o is not Outcome.DIREKAM)
"""The outcomes an operator may choose (direkam comes from a recording)."""


def check_outcome(outcome: Outcome | str, visit_day: dt.date, *, revisit_date: dt.date | None = None,
                  note: str = "", recording_uuid: str | None = None,
                  previous: Outcome | str | None = None) -> Outcome:
    """The outcome if it may be set on `visit_day`; raises `CodedError` saying why not.

    `previous` is the target's latest outcome (None: none yet).
    """
    outcome = Outcome.parse(outcome)
    if previous is not None and Outcome.parse(previous) is Outcome.DIREKAM and outcome is not Outcome.DIREKAM:
        raise CodedError("outcome.after_direkam")
    if outcome is Outcome.DIREKAM and not recording_uuid:
        raise CodedError("outcome.direkam_needs_recording")
    if outcome.needs_revisit:
        if revisit_date is None:
            raise CodedError("outcome.revisit_required")
        if revisit_date < visit_day:
            raise CodedError("outcome.revisit_past")
    elif revisit_date is not None:
        raise CodedError("outcome.revisit_not_allowed")
    if len(note or "") > MAX_NOTE:
        raise CodedError("outcome.note_too_long", {"limit": MAX_NOTE})
    return outcome
