"""A supervisor's approval of completed recordings (`app.core.approval`), kept in the profile.

With approval on (setting ``approval.required``, on unless switched off), the session saves a recording
the operator completes as ``complete`` without an outbox entry and marks it ``waiting`` here (`mark_waiting`,
in the caller's transaction). `approve` moves it to ``queued`` (its outbox entry is written then, so the sync
and the flashdisk bundle see it only now); `return_recording` moves it back to ``draft`` with the reason:
the operator fixes it and completes it again, and it waits for approval once more. Only a supervisor or an
admin decides (`app.core.roles.APPROVE`, checked here, not only by the window). Each decision is audited
with the recording's id and the reason's code, never the note or a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core import roles
from app.core.approval import (APPROVED, RETURNED, WAITING, WaitingRecording, approval_required,
                               biometric_exceptions, check_return, media_exceptions, return_words)
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.store._util import utc_now
from app.store.audit import AuditLog
from app.store.people import require
from app.store.recordings import RecordingRepo, move_status
from app.store.settings import Settings

if TYPE_CHECKING:
    from app.store.database import Store

REQUIRED_KEY = "approval.required"


def is_required(store: "Store") -> bool:
    """Whether completed recordings wait for a supervisor (the setting; on by default)."""
    return approval_required(Settings(store).get(REQUIRED_KEY))


def _upsert(store: "Store", uuid: str, state: str, **columns) -> None:
    names = ["state", "updated_at", *columns]
    values = [state, utc_now(), *columns.values()]
    with store.transaction() as db:
        db.conn.execute(
            f"INSERT INTO approvals (recording_uuid, {', '.join(names)}) VALUES (?, {', '.join('?' * len(names))})"
            f" ON CONFLICT (recording_uuid) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in names)}",
            (uuid, *values))


def mark_waiting(store: "Store", uuid: str, *, actor: str) -> None:
    """The operator completed `uuid` (saved ``complete``): it waits for a supervisor (an earlier return is kept)."""
    _upsert(store, uuid, WAITING)
    AuditLog(store).append("approval.waiting", actor=actor, recording_uuid=uuid)


def _waiting_row(store: "Store", uuid: str) -> RecordingStatus:
    rows = store.query("SELECT status FROM recordings WHERE uuid = ?", (uuid,))
    if not rows:
        raise CodedError("recording.not_found")
    status = RecordingStatus(rows[0][0])
    if status is not RecordingStatus.COMPLETE:
        raise CodedError("approval.not_waiting", {"status": status.label})
    return status


def approve(store: "Store", uuids: list[str], *, actor: str) -> int:
    """Approve waiting recordings into the sync queue (one transaction); returns how many."""
    require(store, roles.APPROVE)
    uuids = list(dict.fromkeys(uuids))
    with store.transaction():
        for uuid in uuids:
            _waiting_row(store, uuid)
            move_status(store, uuid, RecordingStatus.QUEUED, actor=actor)
            _upsert(store, uuid, APPROVED, decided_by=actor, decided_at=utc_now())
            AuditLog(store).append("approval.approved", actor=actor, recording_uuid=uuid)
        if uuids:
            AuditLog(store).append("approval.batch", actor=actor, detail={"approved": len(uuids)})
    return len(uuids)


def return_recording(store: "Store", uuid: str, reason: str, note: str = "", *, actor: str) -> None:
    """Send a waiting recording back to its operator as a draft, with a reason (it cannot sync meanwhile)."""
    require(store, roles.APPROVE)
    reason, note = check_return(reason, note)
    with store.transaction():
        _waiting_row(store, uuid)
        move_status(store, uuid, RecordingStatus.DRAFT, actor=actor)
        with store.transaction() as db:  # a savepoint inside the outer transaction
            db.conn.execute(
                "INSERT INTO approvals (recording_uuid, state, reason, note, decided_by, decided_at, returns,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (recording_uuid) DO UPDATE SET"
                " state = excluded.state, reason = excluded.reason, note = excluded.note,"
                " decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
                " returns = approvals.returns + 1, updated_at = excluded.updated_at",
                (uuid, RETURNED, reason, note, actor, utc_now(), utc_now()))
        AuditLog(store).append("approval.returned", actor=actor, recording_uuid=uuid, detail={"reason": reason})


def state_of(store: "Store", uuid: str) -> str | None:
    rows = store.query("SELECT state FROM approvals WHERE recording_uuid = ?", (uuid,))
    return rows[0][0] if rows else None


def returned_words(store: "Store", uuid: str) -> str:
    """Why the supervisor returned `uuid`, while it is returned ("" otherwise)."""
    rows = store.query("SELECT reason, note FROM approvals WHERE recording_uuid = ? AND state = ?", (uuid, RETURNED))
    return return_words(rows[0][0], rows[0][1] or "") if rows else ""


def waiting_count(store: "Store") -> int:
    [(n,)] = store.query("SELECT count(*) FROM recordings WHERE status = ?", (RecordingStatus.COMPLETE.value,))
    return n


def waiting(store: "Store", *, limit: int = 500) -> list[WaitingRecording]:
    """The recordings waiting for approval, oldest first, with every exception the supervisor must see."""
    repo = RecordingRepo(store)
    rows = store.query(
        "SELECT r.uuid, a.reason, a.note FROM recordings r LEFT JOIN approvals a ON a.recording_uuid = r.uuid"
        " WHERE r.status = ? ORDER BY r.created_at, r.uuid LIMIT ?", (RecordingStatus.COMPLETE.value, limit))
    out = []
    for uuid, reason, note in rows:
        rec = repo.get(uuid)
        exceptions = media_exceptions(PhotoFlag.from_dict(rec.photo_flag), SignatureFlag.from_dict(rec.signature_flag),
                                      rec.photo_exception, rec.signature_exception)
        # Hook: recordings carry `biometrics` (a BiometricSet) once issue 13's data path lands.
        exceptions += biometric_exceptions(getattr(rec, "biometrics", None))
        exceptions += [f"Peringatan dikonfirmasi ({a.code}): {a.reason}" for a in rec.acknowledgements]
        out.append(WaitingRecording(uuid, rec.created_at, rec.operator, rec.resident.nama, rec.resident.nik,
                                    tuple(exceptions), return_words(reason, note or "") if reason else ""))
    return out


def decisions_detail(store: "Store") -> dict[str, int]:
    """Counts per approval state (for `jemput doctor` and tests)."""
    return {state: n for state, n in store.query("SELECT state, count(*) FROM approvals GROUP BY state")}


