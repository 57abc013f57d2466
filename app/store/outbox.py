"""The outbox: recordings waiting to reach the server, with retry bookkeeping.

An entry is written in the same transaction as the recording it sends
(`app.store.recordings`), so a queued recording always has one. States:
``pending`` (to send; `next_attempt_at` holds the back-off), ``acked`` (the
server said it holds this exact payload), ``parked`` (the server refused it
for good; needs a person). Entries are keyed on the recording's client UUID,
so a replay is harmless.

A pending entry whose record the server has already stored (its photo or
signature still on the way) carries the server's status in ``server_status``
(`mark_delivered`): from then on the recording may not be edited, since the
server keeps the first version of a UUID (an edit would be a conflict).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from app.core.lifecycle import RecordingStatus
from app.store._util import to_utc_iso, utc_now
from app.store.errors import NotFound

if TYPE_CHECKING:
    from app.store.database import Store

STATES = ("pending", "acked", "parked")
MAX_ERROR_LENGTH = 500

# Server verdicts that are also recording statuses; any other acknowledgement means "sent".
_VERDICTS = {
    RecordingStatus.ACCEPTED.value: RecordingStatus.ACCEPTED,
    RecordingStatus.DUPLICATE_REVIEW.value: RecordingStatus.DUPLICATE_REVIEW,
    RecordingStatus.REJECTED.value: RecordingStatus.REJECTED,
}


@dataclass(frozen=True)
class OutboxEntry:
    recording_uuid: str
    payload_sha256: str
    state: str
    attempts: int
    enqueued_at: str
    next_attempt_at: str | None
    last_error: str | None
    acked_at: str | None
    server_status: str | None


@dataclass(frozen=True)
class OutboxSummary:
    """What the status bar shows: queue size, parked entries, last error and next try."""

    pending: int
    parked: int
    acked: int
    last_error: str | None
    next_attempt_at: str | None


_COLUMNS = (
    "recording_uuid, payload_sha256, state, attempts, enqueued_at, next_attempt_at, "
    "last_error, acked_at, server_status"
)


def enqueue(db: sqlite_utils.Database, recording_uuid: str, payload_sha256: str) -> None:
    """Put (or put back) a recording in the queue as pending (caller holds the transaction)."""
    db.conn.execute(
        """
        INSERT INTO outbox (recording_uuid, payload_sha256, state, attempts, enqueued_at)
        VALUES (?, ?, 'pending', 0, ?)
        ON CONFLICT (recording_uuid) DO UPDATE SET
            payload_sha256 = excluded.payload_sha256, state = 'pending', attempts = 0,
            enqueued_at = excluded.enqueued_at, next_attempt_at = NULL, last_error = NULL,
            acked_at = NULL, server_status = NULL
        """,
        (recording_uuid, payload_sha256, utc_now()),
    )


def on_server(db: sqlite_utils.Database, recording_uuid: str) -> bool:
    """Whether the server already stored this recording (acked, or pending with its media on the way)."""
    row = db.conn.execute(
        "SELECT 1 FROM outbox WHERE recording_uuid = ? AND (state = 'acked' OR server_status IS NOT NULL)",
        (recording_uuid,),
    ).fetchone()
    return row is not None


def withdraw(db: sqlite_utils.Database, recording_uuid: str) -> None:
    """Take a recording out of the queue (it went back to draft or complete)."""
    db.conn.execute("DELETE FROM outbox WHERE recording_uuid = ? AND state != 'acked'", (recording_uuid,))


def _iso(moment: dt.datetime | str | None) -> str | None:
    if moment is None or isinstance(moment, str):
        return moment
    return to_utc_iso(moment)


class Outbox:
    """Queue operations for the sync pump."""

    def __init__(self, store: "Store"):
        self.store = store

    def pending(self, limit: int = 50, *, now: dt.datetime | str | None = None) -> list[OutboxEntry]:
        """Pending entries whose back-off has passed, oldest first."""
        rows = self.store.query(
            f"""
            SELECT {_COLUMNS} FROM outbox
            WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            ORDER BY enqueued_at, rowid LIMIT ?
            """,
            (_iso(now) or utc_now(), limit),
        )
        return [OutboxEntry(*r) for r in rows]

    def get(self, recording_uuid: str) -> OutboxEntry | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM outbox WHERE recording_uuid = ?", (recording_uuid,))
        return OutboxEntry(*rows[0]) if rows else None

    def mark_acked(
        self,
        recording_uuid: str,
        server_status: str,
        *,
        payload_sha256: str | None = None,
        server_message: str | None = None,
        server_reasons: str | None = None,
    ) -> bool:
        """The server holds the recording: ack the entry and move the recording on.

        `server_status` ``accepted``/``duplicate_review``/``rejected`` becomes the
        recording's status; anything else (``received``...) makes it ``sent``.
        Pass the `payload_sha256` that was sent: if the recording changed and
        was re-queued meanwhile, nothing is acked and False is returned (the
        new version still has to go). Returns True when the entry was acked.
        """
        from app.store.recordings import move_status

        with self.store.transaction() as db:
            row = db.conn.execute(
                "SELECT state, payload_sha256 FROM outbox WHERE recording_uuid = ?", (recording_uuid,)
            ).fetchone()
            if row is None or row[0] == "acked":
                return False
            if payload_sha256 is not None and payload_sha256 != row[1]:
                return False
            db.conn.execute(
                "UPDATE outbox SET state = 'acked', acked_at = ?, server_status = ?, last_error = NULL,"
                " next_attempt_at = NULL WHERE recording_uuid = ?",
                (utc_now(), server_status, recording_uuid),
            )
            new_status = _VERDICTS.get(server_status, RecordingStatus.SENT)
            move_status(
                self.store, recording_uuid, new_status,
                server_status=server_status, server_message=server_message,
                server_reasons=server_reasons, actor="sync",
            )
        return True

    def mark_delivered(self, delivered: list[tuple[str, str, str]]) -> int:
        """Note that the server stored these records: (uuid, server status, payload
        SHA-256 sent). Entries changed since (another payload) are left alone.
        One short transaction; returns how many entries were marked."""
        if not delivered:
            return 0
        with self.store.transaction() as db:
            cur = db.conn.executemany(
                "UPDATE outbox SET server_status = ? WHERE recording_uuid = ? AND state = 'pending'"
                " AND payload_sha256 = ? AND server_status IS NULL",
                [(status, uuid, sha) for uuid, status, sha in delivered],
            )
            return cur.rowcount

    def park(self, recording_uuid: str, message: str) -> None:
        """Stop retrying an entry the server refused for good (a person must look)."""
        self._update(
            recording_uuid, "state = 'parked', last_error = ?, next_attempt_at = NULL", (message[:MAX_ERROR_LENGTH],)
        )

    def unpark(self, recording_uuid: str) -> None:
        self._update(recording_uuid, "state = 'pending', attempts = 0, next_attempt_at = NULL", ())

    def record_failure(self, recording_uuid: str, error: str, next_attempt_at: dt.datetime | str) -> None:
        """Count a failed attempt and set when to try again."""
        self._update(
            recording_uuid,
            "attempts = attempts + 1, last_error = ?, next_attempt_at = ?",
            (error[:MAX_ERROR_LENGTH], _iso(next_attempt_at)),
        )

    def counts(self) -> dict[str, int]:
        """Entries per state (every state present, zero if none)."""
        out = dict.fromkeys(STATES, 0)
        out.update(dict(self.store.query("SELECT state, count(*) FROM outbox GROUP BY state")))
        return out

    def summary(self) -> OutboxSummary:
        counts = self.counts()
        last = self.store.query(
            "SELECT last_error FROM outbox WHERE state != 'acked' AND last_error IS NOT NULL"
            " ORDER BY next_attempt_at DESC LIMIT 1"
        )
        nxt = self.store.query(
            "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND next_attempt_at IS NOT NULL"
        )
        return OutboxSummary(
            pending=counts["pending"], parked=counts["parked"], acked=counts["acked"],
            last_error=last[0][0] if last else None, next_attempt_at=nxt[0][0] if nxt else None,
        )

    def _update(self, recording_uuid: str, assignments: str, params: tuple) -> None:
        with self.store.transaction() as db:
            cur = db.conn.execute(
                f"UPDATE outbox SET {assignments} WHERE recording_uuid = ? AND state != 'acked'",
                (*params, recording_uuid),
            )
            if cur.rowcount == 0:
                raise NotFound("Antrean kirim untuk rekaman ini tidak ditemukan.")
