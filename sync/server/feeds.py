"""Cursor feeds: a device's recording statuses and its area's target list.

A cursor is the highest change sequence number (``seq``) the device has seen;
each call returns rows with ``seq > cursor`` in order, at most a page, and the
cursor to send next. Timestamps are never used (laptop clocks lie).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sync.protocol import Reason
from sync.protocol_feeds import FORM_COMPACT, TARGET_COLUMNS, StatusEntry
from sync.protocol_registration import IssuedNumbers, StatusFeedWithRegistrations
from sync.server import areas, registrations, tables
from sync.server.deps import Device
from sync.server.row_sql import chunks


def status_feed(engine: Engine, device: Device, since: int, limit: int) -> StatusFeedWithRegistrations:
    """The device's recording verdicts and (registrations) the numbers issued for its families,
    on one cursor: both take their ``seq`` from the device's status sequence."""
    r = tables.recordings
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


_TARGET_COLUMNS = tuple(tables.targets.c[name] for name in TARGET_COLUMNS if name != "recorded_by")


def _area_condition(digits: tuple[str, ...]) -> sa.ColumnElement:
    """The targets of an area. A kab/kota (or wider) covers most rows, so it is a filter
    on the seq-ordered scan (substr keeps the kelurahan index out of the plan, which
    would sort the whole city on every page); a kecamatan or kelurahan is an index range."""
    t = tables.targets
    wide = [p for p in digits if len(p) <= 4]
    narrow = tuple(p for p in digits if len(p) > 4)
    parts = [sa.func.substr(t.c.kelurahan_digits, 1, len(p)) == p for p in wide]
    if narrow:
        parts.append(areas.in_area_clause(t.c.kelurahan_digits, narrow))
    return sa.or_(*parts)


def target_page(engine: Engine, device: Device, since: int, limit: int, *, compact: bool = False) -> dict:
    """One page of a device's target feed as the JSON object to send: a `TargetFeed`,
    or with `compact` a `sync.protocol_feeds.CompactTargetFeed`. Rows with ``seq`` past
    the cursor's, in the device's area; a cursor from before the admin's last area
    change restarts at the beginning, with ``area_reset`` (`sync.server.areas`)."""
    t, r = tables.targets, tables.recordings
    with engine.connect() as conn:
        area = areas.area_of(conn, device.id, device.area_digits)
        epoch, after = areas.split_cursor(since)
        reset = epoch != area.epoch
        if reset:
            after = 0
        rows = conn.execute(
            sa.select(*_TARGET_COLUMNS, t.c.seq)
            .where(_area_condition(area.digits), t.c.seq > after)
            .order_by(t.c.seq)
            .limit(limit + 1)
        ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        recorded: dict[str, str] = {}
        for part in chunks([row.nik for row in rows]):
            for nik, device_id in conn.execute(
                sa.select(r.c.nik, r.c.device_id)
                .where(r.c.nik.in_(part), r.c.status.in_(tables.ACTIVE_STATUSES))
            ):
                if device_id == device.id:
                    recorded[nik] = "this_device"
                else:
                    recorded.setdefault(nik, "other_device")
    next_cursor = areas.cursor_of(area.epoch, rows[-1].seq if rows else after)
    if compact:
        page: dict = {"form": FORM_COMPACT, "columns": TARGET_COLUMNS,
                      "rows": [(*row[:-1], recorded.get(row[0], "none")) for row in rows]}
    else:
        page = {"items": [dict(zip(TARGET_COLUMNS, (*row[:-1], recorded.get(row[0], "none"))), seq=row[-1])
                          for row in rows]}
    page.update(next_cursor=next_cursor, more=more)
    if reset:
        page["area_reset"] = area.codes
    return page
