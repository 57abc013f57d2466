"""The batch's and the bundle's look-ups on the server's SQLite go by index, never a table scan.

The server's SQLite has no statistics (no ANALYZE): the planner judges by the schema and the
tables' sizes. Two of these look-ups once scanned whole tables — a list condition rendered
``key IN (...) = 1`` (measured at 100,000 recordings and 300,000 targets: 75–147 ms per
statement, a batch and a bundle each paying several), and the bundle's file look-up walked
all of the device's recordings. The database here is the server's own (migrated by the app),
filled with one device holding thousands of recordings, as after some months of trips."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from support.server_rows import file_sha, fill_server, nik, recording_uuid
from sync.server import intake, uploads

DEVICES = 4
RECORDINGS = 4000  # most of them the first device's
TARGETS = 6000


@pytest.fixture
def engine(app):
    fill_server(app.state.engine, devices=DEVICES, recordings=RECORDINGS, targets=TARGETS,
                device_of=lambda i: 1 if i % 10 else 3)
    return app.state.engine


STATEMENTS = {
    "batch: held recordings": intake._HELD,
    "batch: targets of the NIKs": intake._TARGET_NIKS,
    "batch: media files": intake._BLOBS,
    "batch: media of recordings": intake._MEDIA_OF,
    "bundle: one expected file": uploads._EXPECTED,
    "bundle: expected files": uploads._EXPECTED_MANY,
    "bundle: devices to lock": uploads._LOCK_LISTING_DEVICES,
    "bundle: recordings now complete": uploads._NOW_COMPLETE,
    "bundle: files complete": uploads._SET_COMPLETE_MANY,
}


def test_no_look_up_scans_a_table(engine):
    assert engine.dialect.name == "sqlite"
    recs = [1, 2, 3, 17, 1999] + list(range(100, 3000, 200))  # a bundle: 20 recordings' files
    params = {"b_uuids": [recording_uuid(i) for i in recs], "b_niks": [nik(i) for i in recs],
              "b_shas": [file_sha(2 * i) for i in recs], "b_ids": recs, "b_sha256": file_sha(4), "b_device_id": 1,
              "b_completed_at": dt.datetime(2026, 12, 3, 21, 0)}
    sent: list[tuple[str, object]] = []
    sa.event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, given, *a: sent.append((sql, given)))
    plans = {}
    with engine.connect() as conn:
        for name, stmt in STATEMENTS.items():
            conn.execute(stmt, params)
            sql, given = sent[-1]
            plans[name] = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, given)]
        conn.rollback()
    scans = {name: plan for name, plan in plans.items() if any(step.startswith("SCAN") for step in plan)}
    assert not scans, scans
    # the bundle's file look-ups start from the files, not from the device's thousands of recordings
    for name in ("bundle: one expected file", "bundle: expected files"):
        assert "recordings" not in plans[name][0] and "device" not in plans[name][0], plans[name]


def test_the_bundle_look_up_finds_only_the_devices_own_files(engine):
    """Its condition moved from a join to EXISTS: still only the device's recordings' files."""
    shas = [file_sha(i) for i in (1, 2, 19, 20, 21, 22)]  # recording 10's files (19, 20) are device 3's
    with engine.connect() as conn:
        mine = uploads.expected_many(conn, 1, shas)
        theirs = uploads.expected_many(conn, 3, shas)
        assert sorted(mine) == sorted([file_sha(1), file_sha(2), file_sha(21), file_sha(22)])
        assert sorted(theirs) == sorted([file_sha(19), file_sha(20)])
        assert {e.kind for e in mine.values()} == {"photo", "signature"}
        assert uploads.expected_on(conn, 3, file_sha(19)).size == 100
        assert uploads.expected_on(conn, 1, file_sha(19)) is None
        assert uploads.expected_many(conn, 1, []) == {}
        assert uploads.expected_many(conn, 1, ["0" * 64]) == {}
