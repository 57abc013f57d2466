"""The Antrian & Sinkron page's read model: the queue, its problems and the sync state, in a few short queries."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.core.findings import Finding
from app.core.lifecycle import OutboxState, RecordingStatus, fixable_rejection
from app.store.outbox import CONFLICT_CODE, STATES
from app.store.recordings import reasons_from_json
from app.store.settings import Settings
from app.store.sync_keys import REVOKED, SyncKeys

__all__ = ["ProblemRecord", "SyncOverview", "sync_overview"]

PARKED = OutboxState.PARKED.value


@dataclass(frozen=True)
class ProblemRecord:
    """A recording that needs a person: rejected, in duplicate review, or parked.

    ``fixed``: a corrected version of this rejected recording already exists.
    ``conflict``: parked because the server holds this UUID with other content
    (`app.session.Session.resend_conflict_as_new_version` is the way out).
    ``code``, ``params``: why a parked entry is parked (stable; ``message`` are
    the words stored with it).
    """

    uuid: str
    kind: str  # rejected | duplicate_review | parked
    nama: str
    nik: str
    message: str
    fixed: bool = False
    conflict: bool = False
    reasons: tuple[Finding, ...] = ()  # the server's reasons, structured (empty: only `message`)
    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def parked(self) -> bool:
        """Parked in the outbox (rather than a verdict of the server's)."""
        return self.kind == PARKED

    @property
    def fixable(self) -> bool:
        """A rejection the operator may fix and resend (`app.core.lifecycle.fixable_rejection`)."""
        return (self.kind == RecordingStatus.REJECTED and not self.fixed
                and fixable_rejection(r.code for r in self.reasons))


@dataclass(frozen=True)
class SyncOverview:
    """Everything the Antrian & Sinkron screen shows, read in a few short queries.

    ``paused_reason`` and ``last_error`` are the stored words; ``paused_code``/``last_error_code``
    with their params say the same by code (the window shows the code, the words are the fallback).
    """

    registered: bool
    server_url: str | None
    device_name: str | None
    paused_reason: str | None
    revoked: bool
    last_error: str | None
    last_error_at: str | None
    next_attempt_at: str | None
    last_sync_at: str | None
    status_counts: dict[str, int] = field(default_factory=dict)
    outbox_counts: dict[str, int] = field(default_factory=dict)
    problems: list[ProblemRecord] = field(default_factory=list)
    last_error_code: str | None = None
    paused_code: str | None = None
    last_error_params: dict[str, Any] = field(default_factory=dict)
    paused_params: dict[str, Any] = field(default_factory=dict)

    @property
    def paused(self) -> bool:
        """The queue is paused (by its code; a profile paused before codes were kept: by its words)."""
        return bool(self.paused_code or self.paused_reason)

    @property
    def waiting(self) -> int:
        """Recordings in the queue (to send)."""
        return self.status_counts.get(RecordingStatus.QUEUED.value, 0)

    @property
    def waiting_approval(self) -> int:
        """Completed recordings a supervisor has not approved yet (no sync carries them)."""
        return self.status_counts.get(RecordingStatus.COMPLETE.value, 0)


def _parked(store, limit: int) -> list[ProblemRecord]:  # noqa: ANN001
    """Parked entries, oldest first; whether one is a conflict is read from its code."""
    rows = store.query(
        "SELECT r.uuid, r.nama, r.nik, o.last_error, o.last_error_code, o.last_error_params"
        " FROM outbox o JOIN recordings r ON r.uuid = o.recording_uuid"
        " WHERE o.state = ? ORDER BY o.enqueued_at LIMIT ?", (PARKED, limit))
    out = []
    for uuid, nama, nik, message, code, params in rows:
        values = json.loads(params) if params else {}
        out.append(ProblemRecord(uuid, PARKED, nama or "", nik or "", message or "",
                                 conflict=code == CONFLICT_CODE, code=code,
                                 params=values if isinstance(values, dict) else {}))
    return out


def _verdicts(store, limit: int) -> list[ProblemRecord]:  # noqa: ANN001
    """Rejected and in-review recordings, newest first. A rejected recording purged by the
    retention purge was fixed and its new version accepted (that is what made it
    purgeable): no longer a problem, and nameless anyway."""
    fixed = {row[0] for row in store.query(
        "SELECT DISTINCT replaces_uuid FROM recordings WHERE replaces_uuid IS NOT NULL")}
    rejected, review = RecordingStatus.REJECTED.value, RecordingStatus.DUPLICATE_REVIEW.value
    rows = store.query(
        "SELECT uuid, status, nama, nik, server_message, server_reasons FROM recordings r"
        " WHERE status IN (?, ?) AND NOT (status = ? AND purged_at IS NOT NULL AND EXISTS ("
        "SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid)) ORDER BY updated_at DESC LIMIT ?",
        (rejected, review, rejected, limit))
    return [ProblemRecord(uuid, status, nama or "", nik or "", message or "", uuid in fixed,
                          reasons=reasons_from_json(reasons))
            for uuid, status, nama, nik, message, reasons in rows]


def sync_overview(store, *, problem_limit: int = 500) -> SyncOverview:  # noqa: ANN001
    """The queue and the sync state (no network; quick enough for the GUI thread)."""
    settings = Settings(store).all()
    counts = {s.value: 0 for s in RecordingStatus}
    counts.update(dict(store.query("SELECT status, count(*) FROM recordings GROUP BY status")))
    outbox = dict.fromkeys(STATES, 0)
    outbox.update(dict(store.query("SELECT state, count(*) FROM outbox GROUP BY state")))
    return SyncOverview(
        registered=bool(settings.get(SyncKeys.SERVER_URL)) and bool(settings.get(SyncKeys.TOKEN)),
        server_url=settings.get(SyncKeys.SERVER_URL),
        device_name=settings.get(SyncKeys.DEVICE_NAME),
        paused_reason=settings.get(SyncKeys.PAUSED),
        revoked=settings.get(SyncKeys.PAUSED_KIND) == REVOKED,
        last_error=settings.get(SyncKeys.LAST_ERROR),
        last_error_at=settings.get(SyncKeys.LAST_ERROR_AT),
        next_attempt_at=settings.get(SyncKeys.NEXT_ATTEMPT),
        last_sync_at=settings.get(SyncKeys.LAST_SYNC),
        status_counts=counts,
        outbox_counts=outbox,
        problems=_parked(store, problem_limit) + _verdicts(store, problem_limit),
        last_error_code=settings.get(SyncKeys.LAST_ERROR_CODE),
        paused_code=settings.get(SyncKeys.PAUSED_CODE),
        last_error_params=_params(settings.get(SyncKeys.LAST_ERROR_PARAMS)),
        paused_params=_params(settings.get(SyncKeys.PAUSED_PARAMS)),
    )


def _params(value: Any) -> dict[str, Any]:
    """A stored params setting as a dict (absent or malformed: none)."""
    return value if isinstance(value, dict) else {}
