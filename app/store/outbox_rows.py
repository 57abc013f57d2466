"""SQL on the outbox table inside a caller's transaction: the steps the recording's own moves take.

`app.store.recordings` (save, status moves) and `app.store.outbox` (the queue's
transitions) both write through these, so each write is stated once: above
all `acknowledge`, the one place an entry becomes ``acked``.
"""

from __future__ import annotations

import sqlite_utils

from app.core.lifecycle import OutboxState
from app.store._util import utc_now

PENDING, ACKED, PARKED = (s.value for s in (OutboxState.PENDING, OutboxState.ACKED, OutboxState.PARKED))


def enqueue(db: sqlite_utils.Database, recording_uuid: str, content_sha256: str) -> None:
    """Put (or put back) a recording in the queue as pending, with the hash of its content."""
    db.conn.execute(
        """
        INSERT INTO outbox (recording_uuid, content_sha256, state, attempts, enqueued_at)
        VALUES (?, ?, ?, 0, ?)
        ON CONFLICT (recording_uuid) DO UPDATE SET
            content_sha256 = excluded.content_sha256, state = excluded.state, attempts = 0,
            enqueued_at = excluded.enqueued_at, next_attempt_at = NULL, last_error = NULL,
            last_error_code = NULL, last_error_params = NULL, acked_at = NULL, server_status = NULL
        """,
        (recording_uuid, content_sha256, PENDING, utc_now()),
    )


def on_server(db: sqlite_utils.Database, recording_uuid: str) -> bool:
    """Whether the server already stored this recording (acked, or pending with its media on the way)."""
    row = db.conn.execute(
        "SELECT 1 FROM outbox WHERE recording_uuid = ? AND (state = ? OR server_status IS NOT NULL)",
        (recording_uuid, ACKED),
    ).fetchone()
    return row is not None


def withdraw(db: sqlite_utils.Database, recording_uuid: str) -> None:
    """Take a recording out of the queue (it went back to draft or complete)."""
    db.conn.execute("DELETE FROM outbox WHERE recording_uuid = ? AND state != ?", (recording_uuid, ACKED))


def acknowledge(db: sqlite_utils.Database, recording_uuid: str, server_status: str | None) -> bool:
    """Settle an entry: the server holds the recording (the only write of ``acked``).

    The server's status is kept when none is given; the error and the back-off
    are cleared. Returns False when there was no open entry.
    """
    cur = db.conn.execute(
        "UPDATE outbox SET state = ?, acked_at = ?, server_status = coalesce(?, server_status),"
        " last_error = NULL, last_error_code = NULL, last_error_params = NULL, next_attempt_at = NULL"
        " WHERE recording_uuid = ? AND state != ?",
        (ACKED, utc_now(), server_status, recording_uuid, ACKED),
    )
    return cur.rowcount > 0


def state_and_hash(db: sqlite_utils.Database, recording_uuid: str) -> tuple[OutboxState, str] | None:
    """The entry's state and content hash (None: no entry)."""
    row = db.conn.execute(
        "SELECT state, content_sha256 FROM outbox WHERE recording_uuid = ?", (recording_uuid,)
    ).fetchone()
    return (OutboxState(row[0]), row[1]) if row else None
