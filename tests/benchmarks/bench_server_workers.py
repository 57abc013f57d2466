"""Benchmark: ``jemput-server run --workers 4`` on a throw-away PostgreSQL, 8 devices at once.

Each device sends 6 batches of 20 generated recordings, each followed by one
media bundle with their 40 files, all devices in parallel, while
``pg_stat_activity`` is sampled every few milliseconds. Prints records per
second, how many samples of active sessions were waiting on a lock (and on
which kind), that every recording ended ``received_complete``, and that the
server answered no 5xx; then one JSON line. The issue that led here measured
188 of 230 samples waiting on the one ``counters`` row.
"""

from __future__ import annotations

import collections
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # support
sys.path.insert(0, str(ROOT / "tests" / "server"))

import sqlalchemy as sa  # noqa: E402
from faker import Faker  # noqa: E402

from app.core.regions import RegionIndex  # noqa: E402
from sync import protocol  # noqa: E402
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle  # noqa: E402

from serverkit import LiveServer, People, make_recording  # noqa: E402
from support.postgres import PostgresCluster  # noqa: E402
from support.server import prepare_server_data, server_cli, start_server  # noqa: E402

SEED = ROOT / "resources" / "regions" / "seed_cities.csv"
DEVICES, BATCHES, PER_BATCH = 8, 6, 20


def main() -> None:
    cluster = PostgresCluster()
    folder = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    server = None
    try:
        url = cluster.new_database()
        server_cli("migrate", "--data", folder, "--database-url", url)
        prepare_server_data(folder, "--database-url", url, regions=SEED)
        server = start_server(folder, "--workers", "4", "--no-access-log", database_url=url,
                              server_class=LiveServer, timeout=120)
        people = People(RegionIndex.from_csv(SEED.read_text(encoding="utf-8").splitlines()),
                        Faker("id_ID"), random.Random(1))
        devices = [server.device() for _ in range(DEVICES)]
        work = {d.device_id: [[make_recording(people.resident()) for _ in range(PER_BATCH)]
                              for _ in range(BATCHES)] for d in devices}
        waits: collections.Counter = collections.Counter()
        samples = [0]
        done = threading.Event()
        engine = sa.create_engine(url)

        def sample() -> None:
            with engine.connect() as conn:
                while not done.is_set():
                    for kind, event in conn.exec_driver_sql(
                            "SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE state = 'active' "
                            "AND pid <> pg_backend_pid() AND datname = current_database()"):
                        samples[0] += 1
                        waits[f"{kind}:{event}"] += 1
                    conn.commit()  # a fresh pg_stat_activity snapshot each time
                    time.sleep(0.005)

        def sync(device) -> None:  # noqa: ANN001
            for batch in work[device.device_id]:
                device.send(*batch)
                files = [(sha, data) for rec in batch for sha, data in rec.media.items()]
                r = device.post(protocol.Paths.MEDIA_BUNDLE, data=encode_bundle(files),
                                headers={"Content-Type": BUNDLE_CONTENT_TYPE})
                assert r.status_code == 200, r.text

        sampler = threading.Thread(target=sample)
        threads = [threading.Thread(target=sync, args=(d,)) for d in devices]
        start = time.monotonic()
        sampler.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - start
        done.set()
        sampler.join()
        with engine.connect() as conn:
            complete = dict(conn.exec_driver_sql(
                "SELECT received_complete, count(*) FROM recordings GROUP BY 1").all())
        engine.dispose()
        log = server.log.read_text(encoding="utf-8", errors="replace")
        errors = sum(1 for line in log.splitlines() if "Traceback" in line or '" 50' in line)
        records = DEVICES * BATCHES * PER_BATCH
        lock_waits = sum(v for k, v in waits.items() if k.startswith("Lock:"))
        print(f"{records} recordings and {2 * records} files from {DEVICES} devices in {took:.1f} s "
              f"({records / took:.0f} recordings/s)")
        print(f"active-session samples: {samples[0]}, waiting on a lock: {lock_waits}")
        for key, count in waits.most_common(6):
            print(f"  {key}: {count}")
        print(f"received_complete: {complete.get(True, 0)} of {records}; 5xx or tracebacks: {errors}")
        print(json.dumps({"recordings_per_s": round(records / took), "samples": samples[0],
                          "lock_waits": lock_waits, "complete": complete.get(True, 0), "errors": errors}))
    finally:
        if server is not None:
            server.stop()
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
