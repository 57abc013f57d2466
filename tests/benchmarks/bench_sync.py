"""Benchmark: the sync pump against a real `jemput-server` on 127.0.0.1.

Each recording carries a real JPEG photo of about 60 KB and a PNG signature.
Measured in one run:

* loopback: 500 recordings synced by `SyncPump.run_once` straight to the
  server (records/s; median of 3 runs, each on a fresh laptop profile);
* wire: 500 more through a counting proxy: all bytes that crossed the TCP
  connections (HTTP heads and bodies, both directions, probe and feeds
  included) divided by the payload (the photo and signature bytes plus each
  record's JSON as sent);
* throttled: 50 recordings through a link modelled at 1 Mbit/s each way with
  300 ms added round-trip time (150 ms each way), shared by all connections;
  time divided by payload / bandwidth (the physical limit is 1.0);
* border: 300 recordings (a 3-day trip) through 256 kbit/s each way with
  600 ms added round-trip time, the same way (``--border-records N`` shrinks it
  for a quick try, 0 skips it; ``--links-only`` runs just these two);
* naive baseline, same server and same kind of data: one recording at a time,
  a batch of one (JSON as `requests` sends it) then each file in one PUT, no
  pipelining and no store work (it only replays prepared requests);
* server intake alone (`bench_server_intake.bench_http`: batches of 100
  small records, no media);
* capture during sync: while the loopback runs go, another thread saves a
  recording (photo and signature) every 50 ms on the same store, as the
  operator would; its save times (median, max) show the pump's transactions
  stay short.

Goals: loopback >= 200 records/s, wire/payload <= 1.05, throttled and border
<= 1.05 x the limit, server intake >= 500 records/s. The last line is one JSON
object (with ``load_avg_1m``: the machine's load when it ended).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid as uuidlib
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests"))  # support
sys.path.insert(0, str(ROOT / "tests" / "server"))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import requests  # noqa: E402

from app.core.lifecycle import RecordingStatus  # noqa: E402
from app.session import Session  # noqa: E402
from app.store.media import MediaItem  # noqa: E402
from app.store.recordings import Recording, RecordingRepo  # noqa: E402
from faultproxy import ThrottleProxy  # noqa: E402
from sync import protocol  # noqa: E402
from sync.client import SyncPump, build_payload  # noqa: E402
from sync.protocol import build_item  # noqa: E402
from support.profiles import FAST_KDF, PASSPHRASE  # noqa: E402
from support.server import prepare_server_data, start_server  # noqa: E402
from sync_support import People, photo_jpeg, signature_png  # noqa: E402

LOOPBACK_RECORDS = 500
THROTTLED_RECORDS = 50
NAIVE_RECORDS = 200
NAIVE_THROTTLED_RECORDS = 10
RUNS = 3
RATE_BPS = 1_000_000
RTT_S = 0.300
BORDER_RECORDS = 300  # a 3-day trip
BORDER_RATE_BPS = 256_000
BORDER_RTT_S = 0.600
PHOTO_KB = 60


class Data:
    """Unique media per recording, cheaply: 40 base JPEGs (~60 KB) made unique with a
    JPEG comment segment (still a valid JPEG), signatures drawn per recording."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.people = People.create(seed)
        self.bases = [photo_jpeg(self.rng, PHOTO_KB) for _ in range(40)]
        self.signatures = [signature_png(self.rng) for _ in range(40)]
        self.n = 0

    def media(self) -> list[MediaItem]:
        self.n += 1
        tag = f"jemput-bench {self.n} {uuidlib.uuid4()}".encode()
        base = self.rng.choice(self.bases)
        photo = base[:2] + b"\xff\xfe" + (len(tag) + 2).to_bytes(2, "big") + tag + base[2:]  # SOI, COM, rest
        sig = self.rng.choice(self.signatures)
        text = b"Comment\x00" + tag
        chunk = len(text).to_bytes(4, "big") + b"tEXt" + text + zlib.crc32(b"tEXt" + text).to_bytes(4, "big")
        sig = sig[:-12] + chunk + sig[-12:]  # a tEXt chunk just before IEND
        return [MediaItem("photo", "image/jpeg", photo, {}), MediaItem("signature", "image/png", sig, {})]


def new_profile(tmp: Path, name: str, data: Data, n: int) -> tuple[Session, int]:
    """A laptop with `n` completed recordings in its outbox; returns it and the payload bytes."""
    session = Session.create(tmp / name, PASSPHRASE, operator="Operator Bench", kdf_params=FAST_KDF)
    repo = RecordingRepo(session.store)
    payload = 0
    for _ in range(n):
        rec = Recording.new(data.people.resident(), operator="operator-bench", status=RecordingStatus.COMPLETE)
        media = data.media()
        repo.save(rec, media, enqueue=True)
        meta = [(m.kind, m.sha256, m.mime, m.size) for m in media]
        item = build_item(rec.uuid, build_payload(repo.get(rec.uuid), meta))
        payload += sum(m.size for m in media) + len(json.dumps(item, separators=(",", ":"), ensure_ascii=False)
                                                    .encode())
    return session, payload


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) used so far by process `pid` (Linux; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Capture(threading.Thread):
    """The operator saving a recording (with photo and signature) every 50 ms during a sync:
    how long each save takes while the pump shares the store."""

    def __init__(self, session: Session, data: Data):
        super().__init__(daemon=True)
        self.repo = RecordingRepo(session.store)
        self.people = People.create(77)
        self.media = [data.media() for _ in range(20)]
        self.latencies_ms: list[float] = []
        self.halt = threading.Event()

    def run(self) -> None:
        i = 0
        while not self.halt.wait(0.05):
            rec = Recording.new(self.people.resident(), operator="operator-bench", status=RecordingStatus.COMPLETE)
            start = time.perf_counter()
            self.repo.save(rec, self.media[i % len(self.media)], enqueue=False)  # saved, not queued
            self.latencies_ms.append((time.perf_counter() - start) * 1000)
            i += 1

    def stop(self) -> None:
        self.halt.set()
        self.join()


def naive_items(data: Data, n: int) -> list[tuple[dict, list[tuple[str, bytes]]]]:
    out = []
    for _ in range(n):
        rec = Recording.new(data.people.resident(), operator="operator-bench", status=RecordingStatus.COMPLETE)
        media = data.media()
        meta = [(m.kind, m.sha256, m.mime, m.size) for m in media]
        out.append((build_item(rec.uuid, build_payload(rec, meta)), [(m.sha256, m.data) for m in media]))
    return out


def naive_sync(url: str, token: str, items) -> float:  # noqa: ANN001
    """One recording at a time: POST a batch of one, then PUT each file whole. Returns seconds."""
    http = requests.Session()
    http.headers.update({"Authorization": f"Bearer {token}", protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})
    start = time.perf_counter()
    for item, files in items:
        r = http.post(url + protocol.Paths.BATCH, json={"items": [item]}, timeout=120)
        r.raise_for_status()
        for sha, blob in files:
            r = http.put(url + protocol.Paths.media(sha), data=blob, timeout=120,
                         headers={protocol.OFFSET_HEADER: "0", "Content-Type": "application/octet-stream"})
            r.raise_for_status()
            assert r.json()["complete"]
    return time.perf_counter() - start


def register(server, url: str, session: Session | None = None) -> tuple[SyncPump | None, str]:
    code = server.enrollment_code(name=f"bench-{uuidlib.uuid4().hex[:6]}")
    if session is None:
        r = requests.post(url + protocol.Paths.REGISTER, json={"enrollment_code": code},
                          headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}, timeout=30)
        r.raise_for_status()
        return None, r.json()["token"]
    pump = SyncPump(session.store)
    info = pump.register(url, code, "bench")
    return pump, info.token


def timed_run(pump: SyncPump, expect: int) -> tuple[float, object]:
    start = time.perf_counter()
    report = pump.run_once()
    elapsed = time.perf_counter() - start
    assert report.ok and report.acked == expect, report
    return elapsed, report


def server_intake(url: str, token: str) -> float:
    from bench_server_intake import _fresh, _items, bench_http
    from serverkit import People as ServerPeople

    from app.core.regions import RegionIndex
    from faker import Faker

    regions = RegionIndex.from_csv((ROOT / "resources" / "regions" / "seed_cities.csv")
                                   .read_text(encoding="utf-8").splitlines())
    Faker.seed(11)
    items = _items(ServerPeople(regions, Faker("id_ID"), random.Random(11)), 1000)
    return statistics.median(bench_http(_fresh(items), url, token) for _ in range(RUNS))


def throttled(server, tmp: Path, data: Data, name: str, n: int, rate_bps: float, rtt: float) -> dict:  # noqa: ANN001
    """`n` recordings synced by one `run_once` through a `ThrottleProxy` link: seconds, the physical
    limit (payload / rate), their ratio, upload bytes over payload and the requests made."""
    session, payload = new_profile(tmp, name, data, n)
    with ThrottleProxy(server.port, rate_bps=rate_bps, rtt=rtt) as proxy:
        pump, _ = register(server, proxy.url, session)
        proxy.reset_counts()
        elapsed, report = timed_run(pump, n)
        up = proxy.bytes_up
        pump.close()
    session.close()
    limit = payload * 8 / rate_bps
    return {"seconds": round(elapsed, 2), "limit_seconds": round(limit, 2), "over_limit": round(elapsed / limit, 3),
            "upload_over_payload": round(up / payload, 4), "requests": report.requests}


def link_figures(server, tmp: Path, data: Data, border_records: int) -> dict:  # noqa: ANN001
    """The throttled run (1 Mbit/s, +300 ms) and the border run (256 kbit/s, +600 ms; skipped at 0 records)."""
    runs = [("throttled", "slow", THROTTLED_RECORDS, RATE_BPS, RTT_S)]
    if border_records:
        runs.append(("border", "border", border_records, BORDER_RATE_BPS, BORDER_RTT_S))
    figures: dict = {}
    for key, name, n, rate, rtt in runs:
        link = throttled(server, tmp, data, name, n, rate, rtt)
        figures.update({f"{key}_{figure}": value for figure, value in link.items()})
    figures["border_records"] = border_records
    return figures


def options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--border-records", type=int, default=int(os.environ.get("JEMPUT_BENCH_BORDER", BORDER_RECORDS)),
                        help=f"recordings of the border run (default {BORDER_RECORDS}, about 10 minutes of link "
                             "time; 0 skips it; env JEMPUT_BENCH_BORDER)")
    parser.add_argument("--links-only", action="store_true",
                        help="only the two throttled runs (quick tries; the JSON line then has their figures only)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = options(sys.argv[1:] if argv is None else argv)
    figures = run_all(args.border_records, args.links_only)
    figures["load_avg_1m"] = round(os.getloadavg()[0], 2)
    if args.links_only:
        print(f"throttled 1 Mbit/s +300ms: x{figures['throttled_over_limit']} ({figures['throttled_seconds']} s, "
              f"limit {figures['throttled_limit_seconds']} s, {figures['throttled_requests']} requests)")
        if args.border_records:
            print(f"border 256 kbit/s +600ms : x{figures['border_over_limit']} ({figures['border_seconds']} s, "
                  f"limit {figures['border_limit_seconds']} s, {args.border_records} records, "
                  f"{figures['border_requests']} requests)")
        print(json.dumps(figures, sort_keys=True))
        return 0
    report(figures)
    return 0


def run_all(border_records: int, only_links: bool) -> dict:
    figures: dict[str, float] = {}
    data = Data(20251125)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        server = start_server(prepare_server_data(tmp / "server"), "--no-access-log")
        try:
            if only_links:
                return link_figures(server, tmp, data, border_records)
            # -- loopback, median of RUNS; meanwhile the operator keeps saving recordings
            rates, save_ms, server_cpu_ms, server_busy, client_cpu_ms = [], [], [], [], []
            for run in range(RUNS):
                session, _payload = new_profile(tmp, f"loop{run}", data, LOOPBACK_RECORDS)
                pump, _ = register(server, server.url, session)
                capture = Capture(session, data)
                capture.start()
                server_cpu, client_cpu = process_cpu(server.proc.pid), time.process_time()
                try:
                    elapsed, _report = timed_run(pump, LOOPBACK_RECORDS)
                finally:
                    capture.stop()
                if server_cpu is not None:
                    server_cpu_ms.append((process_cpu(server.proc.pid) - server_cpu) * 1000 / LOOPBACK_RECORDS)
                    server_busy.append((process_cpu(server.proc.pid) - server_cpu) / elapsed)
                client_cpu_ms.append((time.process_time() - client_cpu) * 1000 / LOOPBACK_RECORDS)
                save_ms += capture.latencies_ms
                rates.append(LOOPBACK_RECORDS / elapsed)
                pump.close()
                session.close()
            figures["loopback_records_per_s"] = round(statistics.median(rates), 1)
            if server_cpu_ms:
                figures["server_cpu_ms_per_record"] = round(statistics.median(server_cpu_ms), 2)
                figures["server_cpu_busy_fraction"] = round(statistics.median(server_busy), 2)
            figures["client_cpu_ms_per_record"] = round(statistics.median(client_cpu_ms), 2)
            figures["capture_save_ms_median_during_sync"] = round(statistics.median(save_ms), 1)
            figures["capture_save_ms_max_during_sync"] = round(max(save_ms), 1)

            # -- bytes on the wire, through a counting proxy (no throttling)
            session, payload = new_profile(tmp, "wire", data, LOOPBACK_RECORDS)
            with ThrottleProxy(server.port) as proxy:
                pump, _ = register(server, proxy.url, session)
                proxy.reset_counts()
                timed_run(pump, LOOPBACK_RECORDS)
                wire = proxy.bytes_up + proxy.bytes_down
                pump.close()
            session.close()
            figures["wire_over_payload"] = round(wire / payload, 4)
            figures["wire_bytes"] = wire
            figures["payload_bytes"] = payload

            figures.update(link_figures(server, tmp, data, border_records))

            # -- naive baseline (loopback, and a few records throttled)
            _pump, token = register(server, server.url)
            naive_rates = [NAIVE_RECORDS / naive_sync(server.url, token, naive_items(data, NAIVE_RECORDS))
                           for _ in range(RUNS)]
            figures["naive_loopback_records_per_s"] = round(statistics.median(naive_rates), 1)
            items = naive_items(data, NAIVE_THROTTLED_RECORDS)
            naive_payload = sum(len(json.dumps(i, separators=(",", ":")).encode()) + sum(len(b) for _s, b in f)
                                for i, f in items)
            with ThrottleProxy(server.port, rate_bps=RATE_BPS, rtt=RTT_S) as proxy:
                naive_t = naive_sync(proxy.url, token, items)
            figures["naive_throttled_over_limit"] = round(naive_t / (naive_payload * 8 / RATE_BPS), 3)

            # -- server intake alone
            figures["server_intake_records_per_s"] = round(server_intake(server.url, token), 1)
        finally:
            server.stop()
            server.dispose()

    return figures


def report(figures: dict) -> None:
    figures["loopback_vs_naive"] = round(figures["loopback_records_per_s"] / figures["naive_loopback_records_per_s"], 2)
    figures["throttled_vs_naive"] = round(figures["naive_throttled_over_limit"] / figures["throttled_over_limit"], 2)
    figures["records"] = LOOPBACK_RECORDS
    figures["throttled_records"] = THROTTLED_RECORDS
    figures["photo_kb"] = PHOTO_KB

    print(f"{LOOPBACK_RECORDS} recordings (~{PHOTO_KB} KB JPEG + PNG signature), median of {RUNS} runs")
    print(f"loopback, pump           : {figures['loopback_records_per_s']:>8.1f} records/s "
          f"(x{figures['loopback_vs_naive']} of naive; goal >= 200)")
    print(f"loopback, naive baseline : {figures['naive_loopback_records_per_s']:>8.1f} records/s")
    if "server_cpu_ms_per_record" in figures:
        print(f"  where the time goes    : server {figures['server_cpu_ms_per_record']} ms CPU/record "
              f"(busy {figures['server_cpu_busy_fraction']:.0%} of one core), "
              f"client {figures['client_cpu_ms_per_record']} ms CPU/record")
    print(f"wire / payload           : {figures['wire_over_payload']:>8.4f} (goal <= 1.05)")
    print(f"throttled 1 Mbit/s +300ms: {figures['throttled_seconds']:>8.2f} s for {THROTTLED_RECORDS} records, "
          f"limit {figures['throttled_limit_seconds']:.2f} s -> x{figures['throttled_over_limit']} (goal <= 1.05); "
          f"naive x{figures['naive_throttled_over_limit']}")
    if figures["border_records"]:
        print(f"border 256 kbit/s +600ms : {figures['border_seconds']:>8.2f} s for {figures['border_records']} "
              f"records, limit {figures['border_limit_seconds']:.2f} s -> x{figures['border_over_limit']} "
              f"(goal <= 1.05)")
    print(f"server intake alone      : {figures['server_intake_records_per_s']:>8.1f} records/s (goal >= 500)")
    print(f"capture save during sync : median {figures['capture_save_ms_median_during_sync']} ms, "
          f"max {figures['capture_save_ms_max_during_sync']} ms")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
