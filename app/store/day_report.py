"""Read one day of the profile for the day-end report (`app.core.day_report`): recordings created that day
(not drafts, but those a supervisor returned, as "returned") with their exceptions, and the day's visit
outcomes, per operator."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from app.core.approval import media_exceptions
from app.core.day_report import DayReport, build_day_report
from app.core.biometric_requirement import exception_lines
from app.core.exceptions import PhotoFlag, SignatureFlag

if TYPE_CHECKING:
    from app.store.database import Store


def _local(iso: str, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).astimezone(tz)


def read_day_report(store: "Store", day: dt.date, *, team: str = "", tz: dt.tzinfo | None = None) -> DayReport:
    """The day-end report of `day` in the local time zone `tz` (default: the machine's)."""
    tz = tz or dt.datetime.now().astimezone().tzinfo
    start = dt.datetime.combine(day, dt.time(), tz).astimezone(dt.timezone.utc)
    end = start + dt.timedelta(days=1)
    bounds = (start.isoformat(timespec="milliseconds"), end.isoformat(timespec="milliseconds"))
    rows = store.query(
        "SELECT r.created_at, r.operator, r.nama, r.nik,"
        " CASE WHEN r.status = 'draft' THEN 'returned' ELSE r.status END, r.photo_flag, r.signature_flag,"
        " r.photo_exception, r.signature_exception, r.biometrics FROM recordings r"
        " LEFT JOIN approvals a ON a.recording_uuid = r.uuid AND a.state = 'returned'"
        " WHERE r.created_at >= ? AND r.created_at < ? AND (r.status != 'draft' OR a.recording_uuid IS NOT NULL)",
        bounds)
    recordings = []
    for created, operator, nama, nik, status, photo, signature, photo_exc, signature_exc, biometrics in rows:
        exceptions = media_exceptions(PhotoFlag.from_dict(json.loads(photo)) if photo else None,
                                      SignatureFlag.from_dict(json.loads(signature)) if signature else None,
                                      photo_exc, signature_exc)
        if biometrics:
            exceptions += exception_lines(json.loads(biometrics))
        recordings.append({"operator": operator, "time": _local(created, tz).strftime("%H:%M"), "nama": nama,
                           "nik": nik, "status": status, "exceptions": exceptions})
    outcomes = [(op, code) for op, code, visited in store.query(
        "SELECT operator, outcome, visited_at FROM visit_outcomes WHERE visited_at >= ? AND visited_at < ?",
        bounds)]
    return build_day_report(day, team, recordings, outcomes)
