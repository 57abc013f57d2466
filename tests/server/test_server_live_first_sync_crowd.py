"""Many laptops syncing for the first time at once, more than a server process's database
pool holds (an evening's first sync after a training day). A request holds one pooled
connection from its token to its answer; the token's first use (``first_seen_at``) is
written on that same connection. When it took a second one, 50 devices at once on
SQLite (a pool of 15) left every request waiting for a connection its neighbours held,
until the laptops' read timeout: nothing was stored."""

from __future__ import annotations

import concurrent.futures

import sqlalchemy as sa

from sync import protocol
from sync.server import tables

from serverkit import make_recording

DEVICES = 40  # beyond SQLite's pool (5 + 10) and PostgreSQL's (10 + 10) of one process


def test_first_syncs_beyond_the_pool_are_all_answered(live_server, people):
    area = "13.72"
    devices = [live_server.device(area) for _ in range(DEVICES)]
    recordings = [make_recording(people.resident(area)) for _ in devices]

    def first_batch(pair):  # noqa: ANN001, ANN202
        device, rec = pair
        r = device.post(protocol.Paths.BATCH, json={"items": [rec.item]})
        return r.status_code, r.json()["results"][0]["status"] if r.status_code == 200 else r.text

    with concurrent.futures.ThreadPoolExecutor(DEVICES) as pool:
        answers = list(pool.map(first_batch, zip(devices, recordings)))

    assert [code for code, _ in answers] == [200] * DEVICES, answers
    ids = [d.device_id for d in devices]
    with live_server.engine.connect() as conn:
        seen = conn.execute(sa.select(sa.func.count()).select_from(tables.devices).where(
            tables.devices.c.id.in_(ids), tables.devices.c.first_seen_at.is_not(None))).scalar_one()
        stored = conn.execute(sa.select(sa.func.count()).select_from(tables.recordings).where(
            tables.recordings.c.uuid.in_([r.uuid for r in recordings]))).scalar_one()
    assert seen == DEVICES and stored == DEVICES
