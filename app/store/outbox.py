"""The outbox: recordings waiting to reach the server, with retry bookkeeping.

An entry is written in the same transaction as the recording it sends
(`app.store.recordings`), so a queued recording always has one. States
(`app.core.lifecycle.OutboxState`): ``pending`` (to send; `next_attempt_at`
holds the back-off), ``acked`` (the server said it holds this exact content),
``parked`` (the server refused it for good; needs a person). Entries are keyed
on the recording's client UUID, so a replay is harmless. Why an entry is
parked or failed is stored as a stable code with its parameters
(``last_error_code``, ``last_error_params``); the words beside it
(``last_error``) are for display only.

A pending entry whose record the server has already stored (its photo or
signature still on the way) carries the server's status in ``server_status``
(`mark_delivered`): from then on the recording may not be edited, since the
server keeps the first version of a UUID (an edit would be a conflict).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.core.lifecycle import OutboxState, RecordingStatus
from app.store import outbox_rows
from app.store._util import canonical_json, to_utc_iso, utc_now
from app.store.errors import NotFound
from app.store.outbox_rows import ACKED, PARKED, PENDING, enqueue, on_server, withdraw
from app.store.recordings import move_status

if TYPE_CHECKING:
    from app.store.database import Store

__all__ = ["Outbox", "OutboxEntry", "OutboxSummary", "STATES", "UNCLASSIFIED", "CONFLICT_CODE", "enqueue", "on_server", "withdraw"]

STATES = tuple(s.value for s in OutboxState)
MAX_ERROR_LENGTH = 500
UNCLASSIFIED = "sync.unclassified"  # a parked/failed entry whose cause is known only by its words
CONFLICT_CODE = "sync.conflict"
"""The code of an entry parked because the server holds its UUID with other content:
the one parked state the operator may resend as a new version."""

# Server verdicts that are also recording statuses; any other acknowledgement means "sent".
_VERDICTS = {
    RecordingStatus.ACCEPTED.value: RecordingStatus.ACCEPTED,
    RecordingStatus.DUPLICATE_REVIEW.value: RecordingStatus.DUPLICATE_REVIEW,
    RecordingStatus.REJECTED.value: RecordingStatus.REJECTED,
}


@dataclass(frozen=True)
class OutboxEntry:
    """One queued recording.

    Attributes:
        content_sha256: the hash of the recording's content when it was queued
            (`Recording.content_sha256`); an ack for another hash is ignored.
        last_error, last_error_code, last_error_params: why it is parked or
            failed: the words shown, and the stable code and parameters that
            decisions use.
    """

    recording_uuid: str
    content_sha256: str
    state: OutboxState
    attempts: int
    enqueued_at: str
    next_attempt_at: str | None
    last_error: str | None
    acked_at: str | None
    server_status: str | None
    last_error_code: str | None = None
    last_error_params: dict[str, Any] = field(default_factory=dict)

    @property
    def conflict(self) -> bool:
        """Parked because the server holds this UUID with other content (it may become a new version)."""
        return self.state is OutboxState.PARKED and self.last_error_code == CONFLICT_CODE


@dataclass(frozen=True)
class OutboxSummary:
    """What the status bar shows: queue size, parked entries, last error and next try."""

    pending: int
    parked: int
    acked: int
    last_error: str | None
    next_attempt_at: str | None


_COLUMNS = (
    "recording_uuid, content_sha256, state, attempts, enqueued_at, next_attempt_at, "
    "last_error, acked_at, server_status, last_error_code, last_error_params"
)


def _entry(row: tuple) -> OutboxEntry:
    params = json.loads(row[10]) if row[10] else {}
    return OutboxEntry(*row[:2], OutboxState(row[2]), *row[3:10], params if isinstance(params, dict) else {})


def _iso(moment: dt.datetime | str | None) -> str | None:
    if moment is None or isinstance(moment, str):
        return moment
    return to_utc_iso(moment)


def _params_json(params: dict[str, Any] | None) -> str:
    return canonical_json(params or {})


class Outbox:
    """The queue's transitions and reads, for the sync pump and the queue page."""

    def __init__(self, store: "Store"):
        self.store = store

    # -- reading ---------------------------------------------------------------

    def pending(self, limit: int = 50, *, now: dt.datetime | str | None = None) -> list[OutboxEntry]:
        """Pending entries whose back-off has passed, oldest first."""
        rows = self.store.query(
            f"""
            SELECT {_COLUMNS} FROM outbox
            WHERE state = ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            ORDER BY enqueued_at, rowid LIMIT ?
            """,
            (PENDING, _iso(now) or utc_now(), limit),
        )
        return [_entry(r) for r in rows]

    def get(self, recording_uuid: str) -> OutboxEntry | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM outbox WHERE recording_uuid = ?", (recording_uuid,))
        return _entry(rows[0]) if rows else None

    def due_totals(self, now: dt.datetime | str | None = None) -> tuple[int, int]:
        """How many pending entries are due at `now`, and the bytes of their media."""
        rows = self.store.query(
            "SELECT count(*), coalesce(sum((SELECT coalesce(sum(m.size), 0) FROM media m"
            " WHERE m.recording_uuid = o.recording_uuid)), 0)"
            " FROM outbox o WHERE o.state = ? AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)",
            (PENDING, _iso(now) or utc_now()))
        return int(rows[0][0]), int(rows[0][1])

    def counts(self) -> dict[str, int]:
        """Entries per state (every state present, zero if none)."""
        out = dict.fromkeys(STATES, 0)
        out.update(dict(self.store.query("SELECT state, count(*) FROM outbox GROUP BY state")))
        return out

    def summary(self) -> OutboxSummary:
        counts = self.counts()
        last = self.store.query(
            "SELECT last_error FROM outbox WHERE state != ? AND last_error IS NOT NULL"
            " ORDER BY next_attempt_at DESC LIMIT 1", (ACKED,)
        )
        nxt = self.store.query(
            "SELECT min(next_attempt_at) FROM outbox WHERE state = ? AND next_attempt_at IS NOT NULL", (PENDING,)
        )
        return OutboxSummary(
            pending=counts[PENDING], parked=counts[PARKED], acked=counts[ACKED],
            last_error=last[0][0] if last else None, next_attempt_at=nxt[0][0] if nxt else None,
        )

    # -- transitions -------------------------------------------------------------

    def mark_acked(
        self,
        recording_uuid: str,
        server_status: str,
        *,
        content_sha256: str | None = None,
        server_message: str | None = None,
        server_reasons: str | None = None,
    ) -> bool:
        """The server holds the recording: ack the entry and move the recording on.

        `server_status` ``accepted``/``duplicate_review``/``rejected`` becomes the
        recording's status; anything else (``received``...) makes it ``sent``.
        Pass the `content_sha256` that was sent: if the recording changed and was
        re-queued meanwhile, nothing is acked and False is returned (the new
        version still has to go). Returns True when the entry was acked.
        """
        with self.store.transaction() as db:
            found = outbox_rows.state_and_hash(db, recording_uuid)
            if found is None or found[0] is OutboxState.ACKED:
                return False
            if content_sha256 is not None and content_sha256 != found[1]:
                return False
            move_status(
                self.store, recording_uuid, _VERDICTS.get(server_status, RecordingStatus.SENT),
                server_status=server_status, server_message=server_message,
                server_reasons=server_reasons, actor="sync",
            )
        return True

    def mark_delivered(self, delivered: list[tuple[str, str, str]]) -> int:
        """Note that the server stored these records: (uuid, server status, content
        SHA-256 sent). Entries changed since (another content) are left alone.
        One short transaction; returns how many entries were marked."""
        if not delivered:
            return 0
        with self.store.transaction() as db:
            cur = db.conn.executemany(
                "UPDATE outbox SET server_status = ? WHERE recording_uuid = ? AND state = ?"
                " AND content_sha256 = ? AND server_status IS NULL",
                [(status, uuid, PENDING, sha) for uuid, status, sha in delivered],
            )
            return cur.rowcount

    def park(self, recording_uuid: str, message: str, code: str = UNCLASSIFIED,
             params: dict[str, Any] | None = None) -> None:
        """Stop retrying an entry the server refused for good (a person must look).

        `code` and `params` say why (decisions read them); `message` is the words shown.
        """
        self._update(
            recording_uuid,
            "state = ?, last_error = ?, last_error_code = ?, last_error_params = ?, next_attempt_at = NULL",
            (PARKED, message[:MAX_ERROR_LENGTH], code, _params_json(params)),
        )

    def unpark(self, recording_uuid: str) -> None:
        """Put a parked entry back in the queue (the operator asked to try again)."""
        self._update(recording_uuid, "state = ?, attempts = 0, next_attempt_at = NULL", (PENDING,))

    def record_failure(self, recording_uuid: str, error: str, next_attempt_at: dt.datetime | str,
                       code: str = UNCLASSIFIED, params: dict[str, Any] | None = None) -> None:
        """Count a failed attempt, say why (`code`, `params`, the words `error`) and set when to try again."""
        self._update(
            recording_uuid,
            "attempts = attempts + 1, last_error = ?, last_error_code = ?, last_error_params = ?,"
            " next_attempt_at = ?",
            (error[:MAX_ERROR_LENGTH], code, _params_json(params), _iso(next_attempt_at)),
        )

    def _update(self, recording_uuid: str, assignments: str, params: tuple) -> None:
        with self.store.transaction() as db:
            cur = db.conn.execute(
                f"UPDATE outbox SET {assignments} WHERE recording_uuid = ? AND state != ?",
                (*params, recording_uuid, ACKED),
            )
            if cur.rowcount == 0:
                raise NotFound(code="outbox.not_found")
