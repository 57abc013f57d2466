"""Media uploads against the database: which files a device may send, and what
happens when one is complete (its recordings may now be received in full)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sync.server import clock, sequences, tables, transactions
from sync.server.media_store import Held, MediaStore
from sync.server.row_sql import chunks, one_of, update_rows


@dataclass(frozen=True)
class Expected:
    sha256: str
    size: int
    kind: str
    complete_in_db: bool


_rm, _r, _mb = tables.recording_media, tables.recordings, tables.media_blobs
_SHA = sa.bindparam("b_sha256")
# Statements built once: SQLAlchemy memoises their cache keys and reuses the
# compiled SQL, so a media request does not rebuild and re-key them each time.
_OF_THE_DEVICE = sa.exists().where(_r.c.id == _rm.c.recording_id, _r.c.device_id == sa.bindparam("b_device_id"))
"""The listing row belongs to one of the device's recordings. A condition, not a join: joined,
SQLite's planner (no statistics) walked all of the device's recordings (thousands, on a
server some months old) and probed each for the files, instead of going from the files."""
_EXPECTED = (
    sa.select(_mb.c.size, _mb.c.complete, _rm.c.kind)
    .select_from(_rm.join(_mb, _mb.c.sha256 == _rm.c.sha256))
    .where(_rm.c.sha256 == _SHA, _OF_THE_DEVICE)
    .limit(1)
)
_SET_COMPLETE_MANY = (sa.update(_mb).where(one_of(_mb.c.sha256, "b_shas"), _mb.c.complete == sa.false())
                      .values(complete=True, completed_at=sa.bindparam("b_completed_at")))
_rm2, _mb2 = _rm.alias("rm2"), _mb.alias("mb2")
_NOW_COMPLETE = (
    sa.select(_r.c.id, _r.c.device_id)
    .where(_r.c.id.in_(sa.select(_rm.c.recording_id).where(one_of(_rm.c.sha256, "b_shas"))),
           _r.c.received_complete == sa.false(),
           ~sa.exists(sa.select(sa.literal(1))
                      .select_from(_rm2.join(_mb2, _mb2.c.sha256 == _rm2.c.sha256))
                      .where(_rm2.c.recording_id == _r.c.id, _mb2.c.complete == sa.false())))
    .order_by(_r.c.id)
)
_d = tables.devices
_LOCK_LISTING_DEVICES = (
    sa.select(_d.c.id, _d.c.status_seq)
    .where(_d.c.id.in_(sa.select(_r.c.device_id)
                       .where(_r.c.id.in_(sa.select(_rm.c.recording_id).where(one_of(_rm.c.sha256, "b_shas"))))))
    .order_by(_d.c.id).with_for_update()
)


def expected_on(conn: Connection, device_id: int, sha256: str) -> Expected | None:
    """The media file if one of this device's stored recordings lists it, else None."""
    row = conn.execute(_EXPECTED, {"b_sha256": sha256, "b_device_id": device_id}).first()
    if row is None:
        return None
    return Expected(sha256, int(row.size), row.kind, bool(row.complete))


_EXPECTED_MANY = (
    sa.select(_rm.c.sha256, _mb.c.size, _mb.c.complete, _rm.c.kind)
    .select_from(_rm.join(_mb, _mb.c.sha256 == _rm.c.sha256))
    .where(one_of(_rm.c.sha256, "b_shas"), _OF_THE_DEVICE)
)


def expected_many(conn: Connection, device_id: int, shas: list[str]) -> dict[str, Expected]:
    """`expected_on` for several files in one query per `row_sql.IN_CHUNK` (a media bundle):
    the files one of this device's stored recordings lists, by SHA-256."""
    out: dict[str, Expected] = {}
    for part in chunks(sorted(set(shas))):
        for row in conn.execute(_EXPECTED_MANY, {"b_shas": part, "b_device_id": device_id}):
            out.setdefault(row.sha256, Expected(row.sha256, int(row.size), row.kind, bool(row.complete)))
    return out


def expected_media(engine: Engine, device_id: int, sha256: str) -> Expected | None:
    """`expected_on` with a connection of its own."""
    with engine.connect() as conn:
        return expected_on(conn, device_id, sha256)


def mark_complete(bind: Engine | Connection, sha256: str) -> int:
    """Record that a file is complete; recordings whose media are now all held
    become ``received_complete`` (with a new status sequence number). Returns how many.
    `bind`: an engine (a transaction on a connection of its own) or the request's
    connection (the transaction on it: `transactions.write_on`)."""
    return mark_complete_many(bind, [sha256])


def mark_complete_many(bind: Engine | Connection, shas: list[str]) -> int:
    """`mark_complete` for several files in one transaction (a media bundle)."""
    if not shas:
        return 0

    def work(conn: Connection) -> int:
        # The file's key (a batch listing it waits), then the devices of the recordings
        # listing it (two files of one recording completing at once see each other);
        # their status numbers are taken from that lock, not asked again.
        transactions.lock_keys(conn, [(transactions.MEDIA_KEY, sha) for sha in shas])
        locked = dict(conn.execute(_LOCK_LISTING_DEVICES, {"b_shas": list(shas)}).all())
        conn.execute(_SET_COMPLETE_MANY, {"b_shas": list(shas), "b_completed_at": clock.utcnow()})
        rows = conn.execute(_NOW_COMPLETE, {"b_shas": list(shas)}).all()
        if not rows:
            return 0
        seqs = sequences.next_device_seqs(conn, [row.device_id for row in rows], locked)
        update_rows(conn, _r, "id", [{"id": row.id, "received_complete": True, "seq": s}
                                        for row, s in zip(rows, seqs)])
        return len(rows)

    return transactions.run_write(bind, work)


def reconcile(conn: Connection, store: MediaStore, expected: Expected) -> Held:
    """What is held of `expected`; if the file is complete on disk but not yet in
    the database (a crash between rename and commit), finish the bookkeeping on
    `conn` (the request's connection)."""
    held = store.held(expected.sha256)
    if held.complete and not expected.complete_in_db:
        mark_complete(conn, expected.sha256)
    return held
