"""School mode: reading a school's class list with the one target-list reader and storing it for a trip.

Qt-free. The file is read by `app.targetfile.open_targets` with
``kind="class_list"`` (the same columns, aliases, date and NIK rules as a
target list, without the address); the good rows are stored by
`app.store.school.School.import_class_list` in one transaction. Refused lines
come back as (line, reason) pairs, reasons in Indonesian without personal data.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from app.store.database import Store
from app.store.school import School
from app.targetfile import CLASS_LIST, open_targets


@dataclass
class ClassListResult:
    added: int = 0
    updated: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_class_list(store: Store, trip_id: str, path: str | os.PathLike, *, today: dt.date | None = None,
                      actor: str = "") -> ClassListResult:
    """Read `path` as a class list and store its good rows for the school trip `trip_id`.

    Raises `app.targetfile.ImportFileError` for a file that is no class list, `CodedError`
    for a trip that is unknown or not a school trip (nothing is stored then).
    """
    with open_targets(path, today=today, kind=CLASS_LIST, keep_problems=10**6) as listing:
        rows = list(listing)
    added, updated = School(store).import_class_list(trip_id, rows, actor=actor)
    return ClassListResult(added, updated, list(listing.problems), list(listing.notes))
