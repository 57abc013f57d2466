"""Change sequence numbers of the server database (what the feeds' cursors count).

Every row of ``recordings`` carries ``seq``, taken from its device's
``devices.status_seq`` whenever the row changes (the status feed is per
device); every row of ``targets`` carries ``seq`` from the ``targets`` row of
``counters``. The feeds return rows with ``seq > cursor``. A writer takes the
counter rows it needs with ``SELECT ... FOR UPDATE`` (in device-id order) just
before writing and holds them until commit, so sequence numbers become visible
in commit order and a reader's cursor never skips a row; writers for different
devices never wait on each other.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.server.row_sql import one_of
from sync.server.tables import counters, devices


# Built once (SQLAlchemy then reuses the compiled form without rebuilding them).
_COUNTER_NAME = sa.bindparam("counter_name")
_LOCK_COUNTER = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME).with_for_update()
_COUNTER_VALUE = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME)
_ADD_TO_COUNTER = (sa.update(counters).where(counters.c.name == _COUNTER_NAME)
                   .values(value=counters.c.value + sa.bindparam("counter_add")))


_d = devices
_LOCK_DEVICE_SEQS = (sa.select(_d.c.id, _d.c.status_seq).where(one_of(_d.c.id, "b_ids"))
                     .order_by(_d.c.id).with_for_update())
_SET_DEVICE_SEQ = sa.update(_d).where(_d.c.id == sa.bindparam("b_id")).values(status_seq=sa.bindparam("b_seq"))
_ADD_DEVICE_SEQ = (sa.update(_d).where(_d.c.id == sa.bindparam("b_id"))
                   .values(status_seq=_d.c.status_seq + sa.bindparam("b_add")).returning(_d.c.status_seq))


def lock_devices(conn: Connection, device_ids: Iterable[int]) -> dict[int, int]:
    """Lock these devices' rows until commit (in id order, so two writers never
    deadlock); their current status sequence numbers."""
    ids = sorted(set(device_ids))
    return dict(conn.execute(_LOCK_DEVICE_SEQS, {"b_ids": ids}).all()) if ids else {}


def next_device_seqs(conn: Connection, device_ids: list[int], locked: dict[int, int] | None = None) -> list[int]:
    """One new status sequence number for each entry of `device_ids` (a device
    may appear several times: consecutive numbers of its own), in that order.

    Locks those devices' rows (in id order, so two writers never deadlock)
    until commit: each device's numbers become visible in commit order. Each
    device is one ``UPDATE ... RETURNING`` (the lock and the new top at once);
    `locked`: what `lock_devices` answered earlier in this transaction (those rows
    are held already, so their numbers are taken from it and written back)."""
    if not device_ids:
        return []
    wanted = Counter(device_ids)
    if locked is not None and wanted.keys() <= locked.keys():
        tops = {d: locked[d] + n for d, n in wanted.items()}
        conn.execute(_SET_DEVICE_SEQ, [{"b_id": d, "b_seq": tops[d]} for d in sorted(tops)])
        locked.update(tops)
    else:
        tops = {d: conn.execute(_ADD_DEVICE_SEQ, {"b_id": d, "b_add": wanted[d]}).scalar_one() for d in sorted(wanted)}
    first = {d: top - wanted[d] for d, top in tops.items()}
    seqs = []
    for device_id in device_ids:
        first[device_id] += 1
        seqs.append(first[device_id])
    return seqs


def lock_counter(conn: Connection, name: str) -> int:
    """Lock a counter row until commit (serialises writers of that table); its value."""
    return conn.execute(_LOCK_COUNTER, {"counter_name": name}).scalar_one()


def next_seqs(conn: Connection, name: str, count: int) -> list[int]:
    """Allocate `count` consecutive sequence numbers from counter `name`."""
    if count <= 0:
        return []
    conn.execute(_ADD_TO_COUNTER, {"counter_name": name, "counter_add": count})
    top = conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()
    return list(range(top - count + 1, top + 1))


def counter_value(conn: Connection, name: str) -> int:
    return conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()
