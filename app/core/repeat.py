"""One resident, once: a NIK that another recording on this laptop already holds.

A second recording of a NIK is allowed (the first may belong to someone else by
a typing slip, or be lost) but never silently. As soon as 16 digits are typed the
form shows the warning `REPEAT_CODE` on the NIK, and completion needs the
operator's reason like any other warning (`app.core.findings.verdict`); the
session checks it again before queueing. The reason travels as that warning's
acknowledgement in the payload, so the server's duplicate review reads why
(`repeat_reason`). A correction is not a second recording: it is a new version
naming the first (``replaces_uuid``), and the versions of one recording never
count against each other (only the latest version of each is an `Earlier`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.findings import Acknowledgement, Finding, Severity, finding
from app.core.lifecycle import RecordingStatus
from app.core.nik import normalize_nik_input
from app.core._text import is_ascii_digits

REPEAT_CODE = "nik.recorded_here"
NIK_DIGITS = 16


@dataclass(frozen=True)
class Earlier:
    """Another recording of the NIK on this laptop (the latest version of it).

    Attributes:
        uuid: the recording to open.
        status: where it is in its lifecycle.
        created_at: when it was first saved (ISO, as the store keeps it).
    """

    uuid: str
    status: RecordingStatus
    created_at: str


def lookup_nik(text: object) -> str | None:
    """The NIK to look up as typed: 16 digits once separators are removed, else None (still typing)."""
    nik = normalize_nik_input(text)
    return nik if len(nik) == NIK_DIGITS and is_ascii_digits(nik) else None


def created_on(created_at: str) -> str:
    """The local day of an ISO timestamp as DD-MM-YYYY ('' when it cannot be read)."""
    try:
        moment = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d-%m-%Y")


def repeat_finding(earlier: Sequence[Earlier]) -> Finding | None:
    """The warning for a NIK that `earlier` recordings (latest first) already hold; None when there are none."""
    if not earlier:
        return None
    latest = earlier[0]
    params = {"status": latest.status.label, "date": created_on(latest.created_at) or "-"}
    if len(earlier) > 1:
        params["more"] = str(len(earlier) - 1)
    return finding(REPEAT_CODE, "nik", Severity.WARNING, **params)


def repeat_reason(acknowledgements: Iterable[Acknowledgement | dict]) -> str | None:
    """The reason given for recording a NIK again (from a recording's or a payload's acknowledgements)."""
    for ack in acknowledgements:
        code, reason = (ack.get("code"), ack.get("reason")) if isinstance(ack, dict) else (ack.code, ack.reason)
        if code == REPEAT_CODE and isinstance(reason, str) and reason.strip():
            return reason.strip()
    return None
