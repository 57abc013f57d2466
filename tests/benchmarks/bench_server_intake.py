"""Benchmark: central server intake, records per second (goal: >= 500/s).

Measures, on generated residents (faker id_ID, matching NIKs), with the seed
master data loaded:
  * baseline: `app.core` validation alone (what every record must pass anyway);
  * intake in-process: `Intake.process` (validation + one transaction per batch
    of 100 on SQLite in WAL with synchronous=FULL);
  * intake over HTTP: the same batches POSTed with `requests` to a real
    `jemput-server run` process on 127.0.0.1.
Prints medians of 3 runs and ratios against the baseline, then one JSON line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # support
sys.path.insert(0, str(ROOT / "tests" / "server"))

import random  # noqa: E402

from faker import Faker  # noqa: E402

from app.core.regions import RegionIndex  # noqa: E402
from sync import protocol  # noqa: E402
from sync.protocol import BatchItem  # noqa: E402
from sync.server import admin, db_engine, schema  # noqa: E402
from sync.server.deps import Device  # noqa: E402
from sync.server.intake import Intake, check_payload  # noqa: E402
from sync.server.media_folder import FolderMediaStore  # noqa: E402
from sync.server.regions_cache import RegionCache  # noqa: E402

from serverkit import People, make_recording  # noqa: E402
from support.server import prepare_server_data, start_server  # noqa: E402

RECORDS = 2000
BATCH = 100
RUNS = 3
SEED = ROOT / "resources" / "regions" / "seed_cities.csv"


def _items(people: People, n: int) -> list[dict]:
    return [make_recording(people.resident(), photo_size=2000).item for _ in range(n)]


def _fresh(items: list[dict]) -> list[dict]:
    """The same records under new UUIDs (and so new recordings, not replays)."""
    return [dict(item, uuid=str(uuid.uuid4())) for item in items]


def bench_validation(items: list[dict], regions: RegionIndex) -> float:
    models = [BatchItem.model_validate(i).payload for i in items]
    start = time.perf_counter()
    for payload in models:
        check_payload(payload, regions, protocol.DEFAULT_MAX_MEDIA_BYTES)
    return len(models) / (time.perf_counter() - start)


def bench_in_process(items: list[dict], tmp: Path, run: int) -> float:
    engine = schema.open_database(f"sqlite:///{tmp / f'inproc{run}.db'}")
    with open(SEED, encoding="utf-8") as fh:
        admin.import_regions(engine, fh)
    new = admin.add_device(engine, "bench", "13.72")
    device = Device(new.device_id, "bench", "13.72", "1372")
    intake = Intake(engine, RegionCache(engine), FolderMediaStore(tmp / f"m{run}", tmp / f"m{run}" / "p"),
                    protocol.DEFAULT_MAX_MEDIA_BYTES)
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    start = time.perf_counter()
    for raw in batches:
        models = protocol.BatchRequest.model_validate({"items": raw}).items
        results = intake.process(device, models, raw)
        assert all(r.outcome.value == "accepted" for r in results), {r.outcome for r in results}
    rate = len(items) / (time.perf_counter() - start)
    engine.dispose()
    return rate


def bench_http(items: list[dict], url: str, token: str) -> float:
    import requests

    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    start = time.perf_counter()
    for raw in batches:
        r = session.post(url + protocol.Paths.BATCH, json={"items": raw}, timeout=60)
        r.raise_for_status()
    return len(items) / (time.perf_counter() - start)


def main() -> int:
    regions = RegionIndex.from_csv(SEED.read_text(encoding="utf-8").splitlines())
    Faker.seed(7)
    people = People(regions, Faker("id_ID"), random.Random(7))
    items = _items(people, RECORDS)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        validation = [bench_validation(items, regions) for _ in range(RUNS)]
        in_process = [bench_in_process(_fresh(items), tmp, run) for run in range(RUNS)]
        data = tmp / "server"
        server = start_server(prepare_server_data(data, regions=SEED), "--no-access-log")
        url = server.url
        try:
            code = admin.add_device(db_engine.make_engine(f"sqlite:///{data / 'jemput-server.db'}"), "bench", "13.72")
            import requests

            token = requests.post(url + protocol.Paths.REGISTER, json={"enrollment_code": code.enrollment_code},
                                  headers={protocol.PROTOCOL_HEADER: "1.0"}, timeout=30).json()["token"]
            http = [bench_http(_fresh(items), url, token) for _ in range(RUNS)]
        finally:
            server.stop()
    figures["validation_only_per_s"] = round(statistics.median(validation), 1)
    figures["intake_in_process_per_s"] = round(statistics.median(in_process), 1)
    figures["intake_http_per_s"] = round(statistics.median(http), 1)
    figures["ratio_in_process_vs_validation"] = round(figures["intake_in_process_per_s"] / figures["validation_only_per_s"], 3)
    figures["ratio_http_vs_validation"] = round(figures["intake_http_per_s"] / figures["validation_only_per_s"], 3)
    figures["records"] = RECORDS
    figures["batch"] = BATCH
    print(f"records: {RECORDS} in batches of {BATCH}, median of {RUNS} runs")
    print(f"baseline validation only : {figures['validation_only_per_s']:>9.1f} records/s")
    print(f"intake in-process        : {figures['intake_in_process_per_s']:>9.1f} records/s "
          f"(x{figures['ratio_in_process_vs_validation']} of baseline)")
    print(f"intake over HTTP         : {figures['intake_http_per_s']:>9.1f} records/s "
          f"(x{figures['ratio_http_vs_validation']} of baseline)")
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
