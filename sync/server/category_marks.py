"""Changes of marked target categories from the laptops (sync/protocol_marks.py): kept once per UUID.

The latest change held per NIK and category (by ``changed_at``, then by
arrival) says whether the NIK is marked: `marked_niks` gives that set as a
query the dashboard joins with the target list. Counts only reach the log.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sync.protocol_marks import CategoryMarkItem, CategoryMarkResult
from sync.server import clock, tables
from sync.server.deps import Device
from sync.server.keep_once import store_once

log = logging.getLogger("jemput.server.category_marks")


def store_items(engine: Engine, device: Device, items: list[CategoryMarkItem]) -> list[CategoryMarkResult]:
    """Store the changes, one row per UUID (`store_once`); one answer per item, in order."""
    if not items:
        return []
    now = clock.utcnow()
    answers = store_once(engine, tables.category_marks, "uuid", lambda: (
        (item.uuid, item.content_sha256(),
         {"nik": item.nik, "category": item.category, "marked": item.marked,
          "changed_at": clock.as_stored(item.changed_at), "source": item.source, "device_id": device.id,
          "received_at": now})
        for item in items), log, "tanda kategori", device.id)
    return [CategoryMarkResult(uuid=item.uuid, outcome=a) for item, a in zip(items, answers)]


def marked_niks(category: str) -> sa.Select:
    """The NIKs whose latest held change of `category` marks them (a SELECT of one column, ``nik``)."""
    m = tables.category_marks
    later = sa.alias(m, "later")
    newer = (sa.select(later.c.id)
             .where(later.c.nik == m.c.nik, later.c.category == m.c.category,
                    sa.or_(later.c.changed_at > m.c.changed_at,
                           sa.and_(later.c.changed_at == m.c.changed_at, later.c.id > m.c.id)))
             .exists())
    return sa.select(m.c.nik).where(m.c.category == category, m.c.marked.is_(True), ~newer)
