"""Cursor feeds: a device's recording statuses and its area's target list.

A cursor is the highest change sequence number (``seq``) the device has seen;
each call returns rows with ``seq > cursor`` in order, at most a page, and the
cursor to send next. Timestamps are never used (laptop clocks lie).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sync.protocol import Reason, StatusEntry, TargetEntry, TargetFeed
from sync.protocol_registration import IssuedNumbers, StatusFeedWithRegistrations
from sync.server import db, registrations
from sync.server.db import chunks
from sync.server.deps import Device


def status_feed(engine: Engine, device: Device, since: int, limit: int) -> StatusFeedWithRegistrations:
    """The device's recording verdicts and (registrations) the numbers issued for its families,
    on one cursor: both take their ``seq`` from the device's status sequence."""
    r = db.recordings
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(r.c.uuid, r.c.status, r.c.reasons, r.c.received_complete,
                      r.c.replaced_by_uuid, r.c.seq)
            .where(r.c.device_id == device.id, r.c.seq > since)
            .order_by(r.c.seq)
            .limit(limit + 1)
        ).all()
        issued = registrations.issued_since(conn, device.id, since, limit)
    merged = sorted([(row.seq, row) for row in rows] + [(i.seq, i) for i in issued], key=lambda pair: pair[0])
    more = len(merged) > limit
    merged = merged[:limit]
    items = [
        StatusEntry(
            uuid=row.uuid, status=row.status,
            reasons=[Reason.model_validate(x) for x in json.loads(row.reasons)],
            received_complete=bool(row.received_complete), replaced_by=row.replaced_by_uuid,
            seq=row.seq,
        )
        for _seq, row in merged if not isinstance(row, IssuedNumbers)
    ]
    return StatusFeedWithRegistrations(items=items, next_cursor=merged[-1][0] if merged else since, more=more,
                                       registrations=[i for _seq, i in merged if isinstance(i, IssuedNumbers)])


def target_feed(engine: Engine, device: Device, since: int, limit: int) -> TargetFeed:
    t, r = db.targets, db.recordings
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.c.nik, t.c.nama, t.c.tanggal_lahir, t.c.jenis_kelamin, t.c.alamat,
                      t.c.rt, t.c.rw, t.c.kelurahan_kode, t.c.no_kk, t.c.tempat_lahir, t.c.seq)
            .where(t.c.kelurahan_digits.startswith(device.area_digits, autoescape=True),
                   t.c.seq > since)
            .order_by(t.c.seq)
            .limit(limit + 1)
        ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        recorded: dict[str, str] = {}
        for part in chunks([row.nik for row in rows]):
            for nik, device_id in conn.execute(
                sa.select(r.c.nik, r.c.device_id)
                .where(r.c.nik.in_(part), r.c.status.in_(db.ACTIVE_STATUSES))
            ):
                if device_id == device.id:
                    recorded[nik] = "this_device"
                else:
                    recorded.setdefault(nik, "other_device")
    items = [
        TargetEntry(
            nik=row.nik, nama=row.nama, tanggal_lahir=row.tanggal_lahir,
            jenis_kelamin=row.jenis_kelamin, alamat=row.alamat, rt=row.rt, rw=row.rw,
            kelurahan_kode=row.kelurahan_kode, no_kk=row.no_kk, tempat_lahir=row.tempat_lahir,
            recorded_by=recorded.get(row.nik, "none"),
            seq=row.seq,
        )
        for row in rows
    ]
    return TargetFeed(items=items, next_cursor=rows[-1].seq if rows else since, more=more)
