"""The laptops' audit trails on the server: keep every entry received, flag a device whose chain was rewritten.

A laptop sends its trail in id order (`sync.protocol_audit.AuditPush`), starting at
or before the last entry the server holds. Each entry's hash is recomputed
(`app.core.audit_chain`, the same code the laptop chains with). An entry the
server already holds must come back with the same hash; a new one must name
the held entry before it as its previous. Otherwise the laptop's chain no
longer continues the server's copy (whoever holds the key rewrote it, even
consistently): the server keeps its copy, stores nothing after that point and
flags the device (`audit_flags`, shown by ``jemput-server list-devices`` and
the dashboard, and answered to the laptop in every later push).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.core.audit_chain import GENESIS, ChainEntry
from sync.protocol_audit import AuditEntryItem, AuditPushResponse
from sync.server import clock, sequences, tables
from sync.server.row_sql import chunks

__all__ = ["receive", "flagged_devices", "held_through"]

_e, _f = tables.audit_entries, tables.audit_flags


def held_through(conn: Connection, device_id: int) -> int:
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(_e.c.seq), 0))
                            .where(_e.c.device_id == device_id)).scalar_one())


def first_flag(conn: Connection, device_id: int) -> int | None:
    return conn.execute(sa.select(sa.func.min(_f.c.seq)).where(_f.c.device_id == device_id)).scalar_one()


def flagged_devices(conn: Connection) -> dict[int, int]:
    """{device id: the first entry where its trail stopped continuing the server's copy}."""
    rows = conn.execute(sa.select(_f.c.device_id, sa.func.min(_f.c.seq)).group_by(_f.c.device_id)).all()
    return {int(d): int(s) for d, s in rows}


def _flag(conn: Connection, device_id: int, seq: int, kind: str, held: str | None, received: str) -> None:
    exists = conn.execute(sa.select(_f.c.id).where(
        _f.c.device_id == device_id, _f.c.seq == seq, _f.c.kind == kind, _f.c.received_hash == received)).first()
    if exists is None:
        conn.execute(sa.insert(_f).values(device_id=device_id, seq=seq, kind=kind, held_hash=held,
                                          received_hash=received, flagged_at=clock.utcnow()))


def receive(conn: Connection, device_id: int, entries: list[AuditEntryItem]) -> AuditPushResponse:
    """Store what continues the held chain; flag the device at the first entry that does not."""
    sequences.lock_devices(conn, [device_id])  # one push per device at a time
    entries = sorted(entries, key=lambda e: e.id)
    ids = [e.id for e in entries]
    wanted = list({i for i in ids} | {i - 1 for i in ids if i > 1})
    held: dict[int, str] = {}
    for part in chunks(wanted):
        held.update((int(s), h) for s, h in conn.execute(
            sa.select(_e.c.seq, _e.c.hash).where(_e.c.device_id == device_id, _e.c.seq.in_(part))))
    now = clock.utcnow()
    for e in entries:
        chain = ChainEntry(id=e.id, ts=e.ts, actor=e.actor, action=e.action, recording_uuid=e.recording_uuid,
                           detail=e.detail, prev_hash=e.prev_hash, hash=e.hash)
        if e.id in held:
            if held[e.id] != e.hash:
                _flag(conn, device_id, e.id, "rewritten", held[e.id], e.hash)
                break
            continue
        if chain.computed_hash() != e.hash:
            _flag(conn, device_id, e.id, "bad_hash", None, e.hash)
            break
        previous = GENESIS if e.id == 1 else held.get(e.id - 1)
        if previous is None:
            break  # not contiguous with what the server holds: the laptop resends from held_through
        if e.prev_hash != previous:
            _flag(conn, device_id, e.id, "broken_link", previous, e.hash)
            break
        conn.execute(sa.insert(_e).values(
            device_id=device_id, seq=e.id, ts=e.ts, actor=e.actor, action=e.action,
            recording_uuid=e.recording_uuid, detail=json.dumps(e.detail, sort_keys=True, ensure_ascii=False),
            prev_hash=e.prev_hash, hash=e.hash, received_at=now))
        held[e.id] = e.hash
    return AuditPushResponse(held_through=held_through(conn, device_id),
                             flagged_at_entry=first_flag(conn, device_id))
