"""Benchmark (issue 15): the central server under an evening's load, and the first target pull.

Leg 1, intake: N devices (``--devices``, default 50) each sync a 3-day trip
(``--recordings`` 40, each a ``--photo-kb`` 60 KB photo and a signature) at the
same time, in batches of ``--batch`` recordings, each batch followed by one media
bundle with its files. Run against ``jemput-server run --workers 1`` on SQLite
and ``--workers 4`` on a throw-away PostgreSQL (fsync off, as in the tests) in
the same run. The requests (JSON batches and media bundles) are encoded before the clock
starts and each device reuses one keep-alive connection, so the load generator, which shares
the 2 cores, only sends and reads the answers. As the issue asks, the PostgreSQL leg keeps its media in object storage (a bucket of
moto's S3-compatible server on 127.0.0.1; moto's CPU is not counted as the server's, the
boto3 client's is) and the SQLite leg in the data folder; a third leg runs PostgreSQL with
the data folder, for comparison (``pg_local_*``; ``--no-local-leg`` skips it, ``--media local``
puts the main PostgreSQL leg there). Bounded: at most ``--max-seconds`` of sending per leg.

Prints per backend recordings/s, p50/p95 batch latency (batch + its media),
errors (non-2xx answers, exceptions, tracebacks or 5xx in the server log),
duplicates and lost recordings (counted in the database at the end) and the
server's CPU per recording: user+system time of the server process tree and
of the PostgreSQL cluster's processes, from /proc (the load generator runs on
the same cores, so the wall-clock figures are pessimistic).

Leg 2, feeds: ``--targets`` (default 1.2 million) generated targets of Kota
Palembang inserted straight into the PostgreSQL database (spread over the seed's
kelurahan), then the first pull of one kelurahan and of the whole city, as the
client asks for it (compact form, gzip, pages of 5000): seconds and MB on the
wire. The kelurahan pull is also measured in the old full form, with and
without gzip, for bytes per row before and after.

Last line: one JSON object (pg_records_per_s, sqlite_records_per_s, pg_over_sqlite,
errors, duplicates, server_cpu_ms_per_record, feed_kelurahan_s, feed_city_mb, ...).
CI never runs benchmarks; try it small:
    python tests/benchmarks/bench_server_scale.py --devices 6 --recordings 20 --targets 50000
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import gzip
import itertools
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # support
sys.path.insert(0, str(ROOT / "tests" / "server"))

import requests  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from faker import Faker  # noqa: E402

from app.core.regions import RegionIndex, RegionLevel, to_digits  # noqa: E402
from sync import protocol  # noqa: E402
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle  # noqa: E402

from serverkit import LiveServer, People, make_recording  # noqa: E402
from support.postgres import PostgresCluster  # noqa: E402
from support.server import prepare_server_data, server_cli, start_server  # noqa: E402

SEED = ROOT / "resources" / "regions" / "seed_cities.csv"
CITY = "16.71"  # Kota Palembang
TICK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- CPU from /proc


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, utime+stime+cutime+cstime in ticks) of a live process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), sum(int(x) for x in fields[11:15])


def tree_cpu_s(roots: list[int]) -> float:
    """CPU seconds of `roots` and all their live descendants (exited children are in
    their parents' cutime/cstime, so nothing is counted twice)."""
    stats = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (s := _stat(int(name))) is not None:
            stats[int(name)] = s
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo, seen = 0, list(roots), set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in stats:
            continue
        seen.add(pid)
        total += stats[pid][1]
        todo += children.get(pid, [])
    return total / TICK


def postmaster_pid(cluster: PostgresCluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


# --------------------------------------------------------------------------- intake leg


def media_args(kind: str) -> tuple[list[str], object | None]:
    """Server arguments for the media store, and the object store started for them: 'local' (the
    data folder; none) or 's3' (a fresh bucket on moto's S3-compatible server on 127.0.0.1, the
    `support.s3.MotoS3` the tests use; the caller stops it). moto's own CPU is not counted as the
    server's: it stands in for the object storage."""
    if kind == "local":
        return [], None
    from support.s3 import MotoS3

    moto = MotoS3()
    return moto.media_args(moto.new_bucket()), moto


def make_trips(people: People, devices: int, recordings: int, photo_kb: int) -> list[list]:
    return [[make_recording(people.resident(CITY), photo_size=photo_kb * 1024) for _ in range(recordings)]
            for _ in range(devices)]


def wait_for_workers(server: LiveServer, workers: int, timeout: float = 600) -> None:
    """Until every worker has started (on a loaded machine importing the app takes a while)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.log.read_text(encoding="utf-8", errors="replace").count("Application startup complete") >= workers:
            return
        time.sleep(0.5)
    raise SystemExit(f"bench_server_scale: {workers} workers not started in {timeout:.0f} s")


def prebuilt_requests(trips: list[list], batch: int) -> list[list[tuple[int, bytes, bytes]]]:
    """Per device, its batches as (recordings, batch body, media bundle body), encoded before
    the clock starts: the load generator shares the server's 2 cores, so it only sends."""
    return [[(len(part), json.dumps({"items": [rec.item for rec in part]}).encode(),
              encode_bundle([(sha, data) for rec in part for sha, data in rec.media.items()]))
             for part in (trip[i:i + batch] for i in range(0, len(trip), batch))]
            for trip in trips]


_JSON = {"Content-Type": "application/json"}
_BUNDLE = {"Content-Type": BUNDLE_CONTENT_TYPE}


def intake_leg(label: str, server: LiveServer, trips: list[list], batch: int, max_seconds: float,
               cpu_roots: list[int]) -> dict:
    devices = [server.device(CITY) for _ in trips]
    requests_of = prebuilt_requests(trips, batch)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds

    def sync(device, parts) -> int:  # noqa: ANN001
        sent = 0
        for count, batch_body, bundle_body in parts:
            if time.monotonic() > deadline:
                with lock:
                    errors.append("unfinished (time bound)")
                return sent
            start = time.monotonic()
            try:  # one keep-alive connection per device (its requests.Session), as the client does
                r = device.post(protocol.Paths.BATCH, data=batch_body, headers=_JSON)
                ok = r.status_code == 200 and all(x["outcome"] in ("accepted", "already_have")
                                                  for x in r.json()["results"])
                m = device.post(protocol.Paths.MEDIA_BUNDLE, data=bundle_body, headers=_BUNDLE)
                ok = ok and m.status_code == 200 and all(x["complete"] for x in m.json()["results"])
            except requests.RequestException as exc:
                ok, r = False, exc
            took = time.monotonic() - start
            with lock:
                latencies.append(took)
                if not ok:
                    errors.append(f"{getattr(r, 'status_code', r)}")
            sent += count
        return sent

    cpu_before = [tree_cpu_s([root]) for root in cpu_roots]
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(devices)) as pool:
        sent = sum(pool.map(sync, devices, requests_of))
    took = time.monotonic() - start
    cpu_each = [tree_cpu_s([root]) - before for root, before in zip(cpu_roots, cpu_before)]
    cpu = sum(cpu_each)

    expected = {rec.nik for trip in trips for rec in trip}
    with server.engine.connect() as conn:
        rows = conn.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(sa.text("nik"))))
                            .select_from(sa.table("recordings"))).one()
        complete = conn.execute(sa.text("SELECT count(*) FROM recordings WHERE received_complete")).scalar_one()
    log = server.log.read_text(encoding="utf-8", errors="replace")
    log_errors = sum(1 for line in log.splitlines() if "Traceback" in line or '" 50' in line)
    duplicates = rows[0] - rows[1]
    lost = len(expected) - rows[1]
    lat = sorted(latencies) or [0.0]
    out = {"records": sent, "seconds": took, "records_per_s": sent / took if took else 0.0,
           "p50_s": statistics.median(lat), "p95_s": lat[min(len(lat) - 1, int(0.95 * len(lat)))],
           "errors": len(errors) + log_errors + max(0, lost), "duplicates": duplicates, "lost": lost,
           "complete": complete, "cpu_ms_per_record": 1000 * cpu / max(1, sent),
           "cpu_split_ms": [round(1000 * c / max(1, sent), 2) for c in cpu_each]}
    print(f"[{label}] {sent} recordings from {len(devices)} devices in {took:.1f} s: "
          f"{out['records_per_s']:.1f} recordings/s; batch latency p50 {out['p50_s'] * 1000:.0f} ms, "
          f"p95 {out['p95_s'] * 1000:.0f} ms; errors {out['errors']} ({', '.join(sorted(set(errors))[:3])}); "
          f"duplicates {duplicates}, lost {lost}, received_complete {complete}; "
          f"server CPU {out['cpu_ms_per_record']:.2f} ms/recording "
          f"({' + '.join(f'{c:.2f}' for c in out['cpu_split_ms'])}: server{', database' if len(cpu_roots) > 1 else ''})",
          flush=True)
    return out


# --------------------------------------------------------------------------- feed leg


def fill_targets(url: str, regions: RegionIndex, count: int, seed: int = 15) -> dict[str, int]:
    """`count` generated targets of the city straight into the database; per kelurahan digits, how many."""
    rng = random.Random(seed)
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    kelurahan = [r for r in regions if r.level is RegionLevel.KELURAHAN and r.kode.startswith(CITY + ".")]
    names = [f"{fake.first_name()} {fake.last_name()}".upper() for _ in range(3000)]
    streets = [fake.street_name().upper() for _ in range(1500)]
    places = ["PALEMBANG", "LAHAT", "BATURAJA", "PRABUMULIH", "JAKARTA", "LUBUKLINGGAU", "MUARA ENIM"]
    per: dict[str, int] = {}
    serials: dict[str, itertools.count] = {}  # a NIK's last 4 digits: unique per region and birth date
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    engine = sa.create_engine(url)
    t = sa.table("targets", *(sa.column(c) for c in (
        "nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
        "kelurahan_digits", "no_kk", "tempat_lahir", "seq", "updated_at")))
    with engine.begin() as conn:
        start = conn.execute(sa.text("SELECT value FROM counters WHERE name = 'targets'")).scalar_one()
    seq = start
    for base in range(0, count, 20000):
        rows = []
        for i in range(base, min(count, base + 20000)):
            kel = kelurahan[i % len(kelurahan)]
            digits = to_digits(kel.kode)
            born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20000))
            sex = rng.choice("LP")
            day = born.day + (40 if sex == "P" else 0)
            stem = f"{digits[:6]}{day:02d}{born:%m%y}"
            seq += 1
            per[digits] = per.get(digits, 0) + 1
            rows.append({
                "nik": f"{stem}{serials.setdefault(stem, itertools.count(1)).__next__():04d}",
                "nama": rng.choice(names), "tanggal_lahir": born, "jenis_kelamin": sex,
                "alamat": f"{rng.choice(streets)} NO. {rng.randint(1, 200)}",
                "rt": f"{rng.randint(1, 30):03d}", "rw": f"{rng.randint(1, 12):03d}",
                "kelurahan_kode": kel.kode, "kelurahan_digits": digits,
                "no_kk": f"{digits[:6]}{rng.randrange(10**10):010d}", "tempat_lahir": rng.choice(places),
                "seq": seq, "updated_at": now,
            })
        with engine.begin() as conn:
            conn.execute(sa.insert(t), rows)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE counters SET value = :v WHERE name = 'targets'"), {"v": seq})
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE targets"))
    engine.dispose()
    return per


def pull(server: LiveServer, device, *, form: str = "compact", gzip_ok: bool = True, limit: int = 5000) -> dict:
    """The first pull of a device, as the client makes it: seconds, bytes on the wire and decoded, rows."""
    session = requests.Session()
    session.headers.update(device.http.headers)
    session.headers["Accept-Encoding"] = "gzip" if gzip_ok else "identity"
    cursor, rows, wire, body_bytes = 0, 0, 0, 0
    start = time.monotonic()
    while True:
        r = session.get(server.url + protocol.Paths.TARGETS, params={"since": cursor, "form": form, "limit": limit},
                        stream=True, timeout=300)
        raw = r.raw.read()
        assert r.status_code == 200, raw[:300]
        body = gzip.decompress(raw) if r.headers.get("Content-Encoding") == "gzip" else raw
        page = json.loads(body)
        wire += len(raw)
        body_bytes += len(body)
        rows += len(page["rows"] if form == "compact" else page["items"])
        cursor = page["next_cursor"]
        if not page["more"]:
            break
    return {"s": time.monotonic() - start, "wire": wire, "body": body_bytes, "rows": rows}


def feed_leg(server: LiveServer, url: str, regions: RegionIndex, count: int) -> dict:
    start = time.monotonic()
    per = fill_targets(url, regions, count)
    print(f"[feeds] {count} targets over {len(per)} kelurahan inserted in {time.monotonic() - start:.0f} s",
          flush=True)
    kel_digits = max(per, key=per.get)
    kel_code = next(r.kode for r in regions if r.level is RegionLevel.KELURAHAN and to_digits(r.kode) == kel_digits)
    kel_device, city_device = server.device(kel_code), server.device(CITY)
    kel = pull(server, kel_device)
    forms = {"full": pull(server, kel_device, form="full", gzip_ok=False, limit=1000),
             "full+gzip": pull(server, kel_device, form="full", limit=1000),
             "compact": pull(server, kel_device, gzip_ok=False),
             "compact+gzip": kel}
    for name, f in forms.items():
        print(f"[feeds] kelurahan {kel_code}, {name:12s}: {f['rows']} rows, {f['wire'] / max(1, f['rows']):.1f} "
              f"bytes/row on the wire ({f['body'] / max(1, f['rows']):.1f} decoded), {f['s']:.2f} s", flush=True)
    city = pull(server, city_device)
    assert city["rows"] == count, (city["rows"], count)
    full_per_row = forms["full"]["wire"] / max(1, forms["full"]["rows"])
    print(f"[feeds] whole city: {city['rows']} rows in {city['s']:.1f} s, {city['wire'] / 1e6:.1f} MB on the wire "
          f"({city['wire'] / city['rows']:.1f} bytes/row; the old full uncompressed form: about "
          f"{full_per_row * city['rows'] / 1e6:.0f} MB)", flush=True)
    return {"feed_kelurahan_s": kel["s"], "feed_kelurahan_rows": kel["rows"],
            "feed_city_s": city["s"], "feed_city_mb": city["wire"] / 1e6, "feed_city_rows": city["rows"],
            "bytes_per_row_before": full_per_row,
            "bytes_per_row_after": forms["compact+gzip"]["wire"] / max(1, forms["compact+gzip"]["rows"])}


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--recordings", type=int, default=40, help="per device (a 3-day trip)")
    parser.add_argument("--photo-kb", type=int, default=60)
    parser.add_argument("--batch", type=int, default=10, help="recordings per batch (and media bundle)")
    parser.add_argument("--targets", type=int, default=1_200_000, help="targets of the city for the feed leg")
    parser.add_argument("--max-seconds", type=float, default=900, help="bound on each intake leg's sending")
    parser.add_argument("--media", choices=("local", "s3"), default="s3",
                        help="media store of the PostgreSQL leg (s3, as the issue asks: a bucket on moto's "
                             "server on 127.0.0.1)")
    parser.add_argument("--no-local-leg", action="store_true",
                        help="skip the extra PostgreSQL leg with local media (a comparison, not a goal)")
    args = parser.parse_args()
    pg_media, moto = media_args(args.media)

    regions = RegionIndex.from_csv(SEED.read_text(encoding="utf-8").splitlines())
    people = People(regions, Faker("id_ID"), random.Random(15))
    print(f"generating {args.devices} x {args.recordings} recordings ...", flush=True)
    trips_sqlite = make_trips(people, args.devices, args.recordings, args.photo_kb)
    trips_pg = make_trips(people, args.devices, args.recordings, args.photo_kb)
    local_leg = args.media == "s3" and not args.no_local_leg
    trips_local = make_trips(people, args.devices, args.recordings, args.photo_kb) if local_leg else []

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    cluster = None
    servers: list[LiveServer] = []
    try:
        data = folder / "sqlite"
        prepare_server_data(data, regions=SEED)
        server = start_server(data, "--workers", "1", "--no-access-log", server_class=LiveServer, timeout=120)
        servers.append(server)
        wait_for_workers(server, 1)
        sqlite = intake_leg("sqlite, 1 worker, local media", server, trips_sqlite, args.batch, args.max_seconds,
                            [server.proc.pid])
        server.stop()

        cluster = PostgresCluster()
        url = cluster.new_database()
        data = folder / "pg"
        server_cli("migrate", "--data", data, "--database-url", url)
        prepare_server_data(data, "--database-url", url, regions=SEED)
        server = start_server(data, "--workers", "4", "--no-access-log", *pg_media, database_url=url,
                              server_class=LiveServer, timeout=120)
        servers.append(server)
        wait_for_workers(server, 4)
        pg = intake_leg(f"postgresql, 4 workers, {args.media} media", server, trips_pg, args.batch,
                        args.max_seconds, [server.proc.pid, postmaster_pid(cluster)])
        feeds = feed_leg(server, url, regions, args.targets)
        pg_local = None
        if local_leg:  # the same with media in the data folder: what object storage costs
            server.stop()
            url = cluster.new_database()
            data = folder / "pg-local"
            server_cli("migrate", "--data", data, "--database-url", url)
            prepare_server_data(data, "--database-url", url, regions=SEED)
            server = start_server(data, "--workers", "4", "--no-access-log", database_url=url,
                                  server_class=LiveServer, timeout=120)
            servers.append(server)
            wait_for_workers(server, 4)
            pg_local = intake_leg("postgresql, 4 workers, local media", server, trips_local, args.batch,
                                  args.max_seconds, [server.proc.pid, postmaster_pid(cluster)])
    finally:
        for s in servers:
            s.stop()
            s.dispose()
        if cluster is not None:
            cluster.stop()
        if moto is not None:
            moto.stop()
        shutil.rmtree(folder, ignore_errors=True)

    result = {
        "devices": args.devices, "recordings_per_device": args.recordings, "targets": args.targets,
        "pg_records_per_s": round(pg["records_per_s"], 1), "sqlite_records_per_s": round(sqlite["records_per_s"], 1),
        "pg_over_sqlite": round(pg["records_per_s"] / sqlite["records_per_s"], 2) if sqlite["records_per_s"] else None,
        "pg_p50_ms": round(pg["p50_s"] * 1000), "pg_p95_ms": round(pg["p95_s"] * 1000),
        "sqlite_p50_ms": round(sqlite["p50_s"] * 1000), "sqlite_p95_ms": round(sqlite["p95_s"] * 1000),
        "errors": pg["errors"] + sqlite["errors"], "duplicates": pg["duplicates"] + sqlite["duplicates"],
        "pg_cpu_ms_per_record": round(pg["cpu_ms_per_record"], 2),
        "sqlite_cpu_ms_per_record": round(sqlite["cpu_ms_per_record"], 2),
        "pg_cpu_ms_split_server_database": pg["cpu_split_ms"],
        "server_cpu_ms_per_record": round(max(pg["cpu_ms_per_record"], sqlite["cpu_ms_per_record"]), 2),
        "feed_kelurahan_s": round(feeds["feed_kelurahan_s"], 3), "feed_kelurahan_rows": feeds["feed_kelurahan_rows"],
        "feed_city_s": round(feeds["feed_city_s"], 1), "feed_city_mb": round(feeds["feed_city_mb"], 2),
        "bytes_per_row_before": round(feeds["bytes_per_row_before"], 1),
        "bytes_per_row_after": round(feeds["bytes_per_row_after"], 1),
        "pg_media": args.media,
    }
    if pg_local is not None:
        result.update({
            "pg_local_records_per_s": round(pg_local["records_per_s"], 1),
            "pg_local_over_sqlite": round(pg_local["records_per_s"] / sqlite["records_per_s"], 2)
            if sqlite["records_per_s"] else None,
            "pg_local_cpu_ms_per_record": round(pg_local["cpu_ms_per_record"], 2),
            "pg_local_cpu_ms_split_server_database": pg_local["cpu_split_ms"],
            "pg_local_errors": pg_local["errors"], "pg_local_duplicates": pg_local["duplicates"],
        })
    print(json.dumps(result))


if __name__ == "__main__":
    main()
