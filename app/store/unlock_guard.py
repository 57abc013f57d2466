"""Failed unlocks, counted where a restart cannot forget them: ``profile.json``'s ``unlock`` entry.

`check` refuses an attempt while the wait of `app.core.unlock_delay` runs
(StoreError ``unlock.wait``: the window and the command line say how long);
`record_failure` counts a wrong passphrase and its time; `succeeded` clears
the count after an unlock and writes the failures to the audit log (it
cannot be written while the database is locked). The state is outside the
encrypted database on purpose, and a broken entry reads as the longest wait.
Deleting ``profile.json`` to reset it deletes the wrapped keys with it.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

from app.core.unlock_delay import wait_left
from app.store.errors import StoreError
from app.store.profile import ProfileInfo, read_profile, write_profile

if TYPE_CHECKING:
    from app.store.database import Store

AUDIT_FAILED = "unlock.failed"


def _state(info: ProfileInfo, now: float) -> tuple[int, float]:
    """(failures, time of the last one); anything unreadable counts as the worst case."""
    raw = info.unlock or {}
    try:
        failures = int(raw.get("failures", 0))
    except (TypeError, ValueError):
        failures = -1
    try:
        last = float(raw.get("last_failure", 0.0))
        if not math.isfinite(last):
            raise ValueError
    except (TypeError, ValueError):
        last = math.inf  # "in the future": the whole wait from now
    return failures, (now + 1.0 if last == math.inf else last)


def seconds_left(info: ProfileInfo, now: float) -> float:
    failures, last = _state(info, now)
    return wait_left(failures, last, now)


def check(info: ProfileInfo, now: float) -> None:
    """Raise StoreError ``unlock.wait`` while an attempt must wait."""
    left = seconds_left(info, now)
    if left > 0:
        raise StoreError(kind="throttled", code="unlock.wait", params={"seconds": math.ceil(left)})


def record_failure(directory: str | os.PathLike, now: float) -> float:
    """Count one wrong passphrase at `now`; returns the wait it starts (seconds)."""
    info = read_profile(directory)
    failures, _last = _state(info, now)
    failures = failures + 1 if failures >= 0 else 1_000
    raw = dict(info.unlock or {})
    raw.update(failures=failures, last_failure=now, first_failure=raw.get("first_failure") or now)
    info = info.with_unlock(raw)
    write_profile(directory, info)
    return seconds_left(info, now)


def succeeded(store: "Store") -> None:
    """After an unlock: audit the failures before it, clear the count, remember the slot."""
    from app.store.audit import AuditLog

    info = read_profile(store.dir)
    raw = info.unlock or {}
    changed = False
    if raw:
        failures, _last = _state(info, 0.0)
        AuditLog(store).append(AUDIT_FAILED, actor="system", detail={
            "failures": failures, "first_failure": raw.get("first_failure"),
            "last_failure": raw.get("last_failure"),
        })
        info = info.with_unlock({})
        changed = True
    if store.slot_id and info.last_slot != store.slot_id:
        from dataclasses import replace

        info = replace(info, last_slot=store.slot_id)
        changed = True
    if changed:
        write_profile(store.dir, info)
        store.profile = info.with_schema_version(store.profile.schema_version)
