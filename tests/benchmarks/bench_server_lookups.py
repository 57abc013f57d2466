"""Benchmark (issue 15): the batch's and the bundle's look-ups on a full server's SQLite.

The embedded server's SQLite keeps no statistics, so its planner judges by the schema and the
tables' sizes. Two faults made those look-ups scan whole tables, unseen in bench_server_scale
(whose server starts empty and holds no targets on SQLite): a list condition
(`sync.server.row_sql.one_of`) rendered ``key IN (...) = 1``, which no index answers, and the
bundle's file look-up joined the device's recordings, so the planner walked all of them.

Here a server's database (made by the app, migrated) is filled as after some months in a city:
``--recordings`` (default 100,000) of ``--devices`` 50 laptops with two files each, and
``--targets`` (default 1,200,000). Each look-up of one batch and one media bundle (10 recordings,
20 files) is timed as the server runs it now and, the baseline in the same run, as it was
(``IN (...) = 1`` and the join). Prints ms per statement and per batch + bundle; last line one
JSON object (``lookups_ms_per_batch_and_bundle``, ``before_ms_per_batch_and_bundle``, ``speedup``).
CI never runs benchmarks; try it small:
    python tests/benchmarks/bench_server_lookups.py --recordings 20000 --targets 100000
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # support

import sqlalchemy as sa  # noqa: E402

from support.server_rows import NOW, file_sha, fill_server, nik, recording_uuid  # noqa: E402
from sync.server import db_engine, intake, row_sql, tables, uploads  # noqa: E402
from sync.server.app import create_app  # noqa: E402
from sync.server.settings import Settings  # noqa: E402


def _device_of(devices: int):  # noqa: ANN202
    """Recording i is laptop 1 + i % `devices`'s."""
    return lambda i: 1 + i % devices


def _old_expected_many() -> sa.Select:
    """The bundle's file look-up as it was: joined to the device's recordings."""
    rm, r, mb = tables.recording_media, tables.recordings, tables.media_blobs
    return (sa.select(rm.c.sha256, mb.c.size, mb.c.complete, rm.c.kind)
            .select_from(rm.join(r, r.c.id == rm.c.recording_id).join(mb, mb.c.sha256 == rm.c.sha256))
            .where(row_sql.one_of(rm.c.sha256, "b_shas"), r.c.device_id == sa.bindparam("b_device_id")))


def time_lookups(engine: sa.Engine, recordings: int, devices: int, expected: sa.Select,
                 repeat: int) -> dict[str, float]:
    """Median ms of each look-up of one batch and one bundle of 10 recordings (20 files)."""
    recs = list(range(7, recordings, recordings // 10))[:10]
    device = _device_of(devices)(recs[0])
    params = {"b_uuids": [recording_uuid(i) for i in recs], "b_niks": [nik(i) for i in recs],
              "b_shas": [file_sha(f) for i in recs for f in (2 * i - 1, 2 * i)], "b_ids": recs, "b_device_id": device,
              "b_completed_at": NOW}
    statements = {
        "batch_held": intake._HELD, "batch_targets": intake._TARGET_NIKS, "batch_blobs": intake._BLOBS,
        "batch_media": intake._MEDIA_OF, "bundle_expected": expected,
        "bundle_lock": uploads._LOCK_LISTING_DEVICES, "bundle_now_complete": uploads._NOW_COMPLETE,
        "bundle_set_complete": uploads._SET_COMPLETE_MANY,
    }
    out = {}
    with engine.connect() as conn:
        for name, stmt in statements.items():
            took = []
            for _ in range(repeat + 1):
                t = time.perf_counter()
                conn.execute(stmt, params).fetchall() if stmt.is_select else conn.execute(stmt, params)
                took.append((time.perf_counter() - t) * 1000)
            out[name] = statistics.median(took[1:])  # the first one compiles the statement
        conn.rollback()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--recordings", type=int, default=100_000)
    parser.add_argument("--targets", type=int, default=1_200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-lookups-"))
    try:
        app = create_app(Settings(data_dir=folder / "server"))
        engine = app.state.engine
        t = time.perf_counter()
        fill_server(engine, devices=args.devices, recordings=args.recordings, targets=args.targets,
                    device_of=_device_of(args.devices))
        print(f"{args.recordings:,} recordings of {args.devices} devices, {2 * args.recordings:,} files, "
              f"{args.targets:,} targets (filled in {time.perf_counter() - t:.0f} s)", flush=True)
        url = str(engine.url)
        engine.dispose()
        now = time_lookups(db_engine.make_engine(url), args.recordings, args.devices, uploads._EXPECTED_MANY,
                           args.repeat)
        row_sql.OneOf._is_implicitly_boolean = False  # the baseline: "IN (...) = 1", on a fresh engine
        before = time_lookups(db_engine.make_engine(url), args.recordings, args.devices, _old_expected_many(),
                              args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'look-up':22s} {'now ms':>9s} {'before ms':>10s}")
    for name in now:
        print(f"{name:22s} {now[name]:9.2f} {before[name]:10.2f}")
    total_now, total_before = sum(now.values()), sum(before.values())
    print(f"{'one batch + one bundle':22s} {total_now:9.2f} {total_before:10.2f}")
    print(json.dumps({"recordings": args.recordings, "targets": args.targets,
                      "lookups_ms_per_batch_and_bundle": round(total_now, 2),
                      "before_ms_per_batch_and_bundle": round(total_before, 2),
                      "speedup": round(total_before / total_now, 1) if total_now else None,
                      "now_ms": {k: round(v, 3) for k, v in now.items()},
                      "before_ms": {k: round(v, 3) for k, v in before.items()}}))


if __name__ == "__main__":
    main()
