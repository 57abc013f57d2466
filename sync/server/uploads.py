"""Media uploads against the database: which files a device may send, and what
happens when one is complete (its recordings may now be received in full)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sync.server import db
from sync.server.media_store import Held, MediaStore


@dataclass(frozen=True)
class Expected:
    sha256: str
    size: int
    kind: str
    complete_in_db: bool


def expected_media(engine: Engine, device_id: int, sha256: str) -> Expected | None:
    """The media file if one of this device's stored recordings lists it, else None."""
    rm, r, mb = db.recording_media, db.recordings, db.media_blobs
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(mb.c.size, mb.c.complete, rm.c.kind)
            .select_from(rm.join(r, r.c.id == rm.c.recording_id).join(mb, mb.c.sha256 == rm.c.sha256))
            .where(rm.c.sha256 == sha256, r.c.device_id == device_id)
            .limit(1)
        ).first()
    if row is None:
        return None
    return Expected(sha256, int(row.size), row.kind, bool(row.complete))


def mark_complete(engine: Engine, sha256: str) -> int:
    """Record that a file is complete; recordings whose media are now all held
    become ``received_complete`` (with a new status sequence number). Returns how many."""
    r, rm, mb = db.recordings, db.recording_media, db.media_blobs
    with db.write_transaction(engine) as conn:
        db.lock_counter(conn, db.RECORDINGS_SEQ)
        conn.execute(sa.update(mb).where(mb.c.sha256 == sha256, mb.c.complete == sa.false())
                     .values(complete=True, completed_at=db.utcnow()))
        waiting = sa.select(rm.c.recording_id).where(rm.c.sha256 == sha256)
        incomplete_media = (
            sa.select(rm.c.recording_id)
            .select_from(rm.join(mb, mb.c.sha256 == rm.c.sha256))
            .where(mb.c.complete == sa.false())
        )
        ids = [row[0] for row in conn.execute(
            sa.select(r.c.id).where(r.c.id.in_(waiting), r.c.received_complete == sa.false(),
                                    r.c.id.not_in(incomplete_media)).order_by(r.c.id))]
        if not ids:
            return 0
        seqs = db.next_seqs(conn, db.RECORDINGS_SEQ, len(ids))
        conn.execute(
            sa.update(r).where(r.c.id == sa.bindparam("b_id"))
            .values(received_complete=True, seq=sa.bindparam("b_seq")),
            [{"b_id": i, "b_seq": s} for i, s in zip(ids, seqs)],
        )
        return len(ids)


def reconcile(engine: Engine, store: MediaStore, expected: Expected) -> Held:
    """What is held of `expected`; if the file is complete on disk but not yet in
    the database (a crash between rename and commit), finish the bookkeeping."""
    held = store.held(expected.sha256)
    if held.complete and not expected.complete_in_db:
        mark_complete(engine, expected.sha256)
    return held
