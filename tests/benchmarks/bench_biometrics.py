"""Benchmark of the SBI client's own work per registration capture (standalone script, not a test).

Measures, in one run on this machine, against the simulated device service
(app/biometrics/simulator) over real HTTP on 127.0.0.1, for each capture of a
full recording (left slap, right slap, two thumbs, both irises):

  * bare_http_roundtrip_p95_ms: the baseline: the RCAPTURE request sent with
    ``http.client`` and its answer read as bytes, nothing else (this holds the
    simulator's own time);
  * rcapture_overhead_p95_ms: the client's own time on that same answer, beyond
    the round trip: JSON, every signed block read and its RS256 signature
    verified against the x5c certificate (data and digitalId), the hash chain,
    the ISO 19794 record parsed, its JPEG 2000 image decoded and scaled for the
    screen, the capture held (`SbiClient.check_answer`); per slap/iris answer and
    per biometric (``…_per_biometric_…``);
  * image_decode_alone_p95_ms: cv2.imdecode of one record's image, alone (most of the above);
  * rcapture_total_p95_ms: `SbiClient.rcapture` end to end, for reference;
  * biometric_kb_median: the ISO records of ten fingers and two irises together.

and, in the same run, the laptop store (a real SQLCipher profile):

  * save_full_p95_ms: `RecordingRepo.save` of a full recording (the form, a
    60 KB photo, a signature, ten finger and two iris ISO records from the
    simulator, queued: row, media with SHA-256, outbox, audit in one transaction);
  * raw_save_full_p95_ms: the baseline: one raw sqlcipher3 transaction on a
    file of its own with the same key and pragmas, writing the same bytes (the
    payload JSON and the fourteen blobs) into two plain tables;
  * record_kb_median: a full recording's bytes (payload JSON + every media item).

Goals (issue 13): rcapture overhead p95 <= 50 ms per capture; save p95 <= 2x raw.

Usage: .venv/bin/python tests/benchmarks/bench_biometrics.py [--rounds N] [--saves N]
(environment: JEMPUT_BENCH_SAVES, default 200). The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from app.biometrics.client import SbiClient, capture_request  # noqa: E402
from app.biometrics.simulator import Simulator  # noqa: E402
from app.biometrics.stream import decode_view  # noqa: E402
from app.core.biometric_positions import SEGMENTS, Modality  # noqa: E402
from app.core.sbi_codes import FIRST_PREVIOUS_HASH  # noqa: E402
from app.store._util import canonical_json  # noqa: E402
from app.store.database import connect, create_profile, open_profile  # noqa: E402
from app.store.media import MediaItem  # noqa: E402
from app.store.recordings import Recording, RecordingRepo  # noqa: E402

PASSPHRASE = "bench-kata-sandi-panjang"
SAVES = int(os.environ.get("JEMPUT_BENCH_SAVES", "200"))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bare_round_trip(port: int, body: dict) -> bytes:
    """RCAPTURE with http.client: send, read the answer's bytes, nothing more."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("RCAPTURE", "/capture", body=json.dumps(body).encode("utf-8"),
                     headers={"Content-Type": "application/json", "Connection": "close"})
        return conn.getresponse().read()
    finally:
        conn.close()


def plan(finger, iris) -> list[tuple]:
    """The captures of one full recording: (device, modality, subtypes, sub id, requested score)."""
    steps = [(finger, Modality.FINGER, s.fingers, s.device_sub_id, 40) for s in SEGMENTS]
    return steps + [(iris, Modality.IRIS, ("Left", "Right"), 3, 60)]


def full_media(records: dict[str, bytes]) -> list[MediaItem]:
    """Photo (60 KB), signature (5 KB) and the twelve ISO records (new bytes each time: no dedup)."""
    from app.store.media import biometric_items

    return [MediaItem("photo", "image/jpeg", os.urandom(60 * 1024), {"approved": True}),
            MediaItem("signature", "image/png", os.urandom(5 * 1024), {"strokes": 3}),
            *biometric_items(records)]


def full_recording(records: dict[str, bytes]) -> tuple[Recording, list[MediaItem]]:
    from app.core.biometric_content import to_content
    from app.core.biometric_set import BiometricSet, Captured
    from app.core.lifecycle import RecordingStatus
    from app.core.resident import Resident

    bset = BiometricSet()
    for slot in records:
        bset = bset.with_slot(slot, Captured(80.0))
    resident = Resident(nik="1671014501900001", nama="WARGA UJI BENCH", alamat="JL. UJI NO. 1", rt="001",
                        rw="002", kelurahan_kode="16.71.01.1001")
    rec = Recording.new(resident, operator="bench", status=RecordingStatus.COMPLETE, biometrics=to_content(bset))
    return rec, full_media(records)


def bench_saves(records: dict[str, bytes], saves: int) -> dict:
    """save_full vs a raw sqlcipher3 transaction of the same bytes, alternating, in one folder."""
    base = Path(tempfile.mkdtemp(prefix="jemput-bench-bio-"))
    try:
        create_profile(base / "enc", PASSPHRASE).close()
        store = open_profile(base / "enc", PASSPHRASE)
        raw = connect(base / "raw.db", store.key)
        raw.execute("CREATE TABLE rows (uuid TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        raw.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, kind TEXT NOT NULL, "
                    "data BLOB NOT NULL)")
        raw.commit()
        repo, ours, theirs, sizes = RecordingRepo(store), [], [], []
        for _ in range(saves):
            rec, media = full_recording(records)
            payload = canonical_json(rec.content({m.kind: m.sha256 for m in media}))
            sizes.append((len(payload.encode()) + sum(m.size for m in media)) / 1024)
            started = time.perf_counter()
            repo.save(rec, media, enqueue=True)
            ours.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute("INSERT INTO rows VALUES (?, ?)", (rec.uuid, payload))
            raw.executemany("INSERT INTO blobs (uuid, kind, data) VALUES (?, ?, ?)",
                            [(rec.uuid, m.kind, bytes(m.data)) for m in media])
            raw.execute("COMMIT")
            theirs.append((time.perf_counter() - started) * 1000)
        raw.close()
        store.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return {"save_full_p95_ms": round(p95(ours), 2), "save_full_median_ms": round(statistics.median(ours), 2),
            "raw_save_full_p95_ms": round(p95(theirs), 2),
            "raw_save_full_median_ms": round(statistics.median(theirs), 2),
            "save_vs_raw_p95": round(p95(ours) / p95(theirs), 2), "saves": saves,
            "record_kb_median": round(statistics.median(sizes), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15, help="full recordings (5 RCAPTUREs each)")
    parser.add_argument("--saves", type=int, default=SAVES, help="full recordings saved (and raw transactions)")
    args = parser.parse_args()
    client = SbiClient(decode=decode_view)
    round_trips, overheads, per_biometric, totals, sizes, decodes = [], [], [], [], [], []
    with Simulator() as sim:
        devices = {d.device_type: d for d in client.device_info(sim.port)}
        steps = plan(devices["Finger"], devices["Iris"])
        for device, modality, subtypes, sub_id, score in steps:  # warm-up: the simulator's image cache
            client.rcapture(device, modality, subtypes, sub_id=sub_id, requested_score=score)
        for _ in range(args.rounds):
            previous, held, recording_bytes = FIRST_PREVIOUS_HASH, [], 0
            for device, modality, subtypes, sub_id, score in steps:
                body = capture_request(device, modality, subtypes, sub_id=sub_id, requested_score=score,
                                       previous_hash=previous)
                started = time.perf_counter()
                raw = bare_round_trip(sim.port, body)
                received = time.perf_counter()
                result = client.check_answer(json.loads(raw), body, device)
                held.append(result)
                done = time.perf_counter()
                round_trips.append((received - started) * 1000)
                overheads.append((done - received) * 1000)
                per_biometric.append((done - received) * 1000 / len(result.captures))
                previous = result.last_hash
                recording_bytes += sum(len(c.iso_record) for c in result.captures)
            sizes.append(recording_bytes / 1024)
            for result in held:  # the image decode alone, for comparison: most of the client's own time
                for capture in result.captures:
                    started = time.perf_counter()
                    cv2.imdecode(np.frombuffer(capture.view.image, np.uint8), cv2.IMREAD_GRAYSCALE)
                    decodes.append((time.perf_counter() - started) * 1000)
            for device, modality, subtypes, sub_id, score in steps:
                started = time.perf_counter()
                client.rcapture(device, modality, subtypes, sub_id=sub_id, requested_score=score)
                totals.append((time.perf_counter() - started) * 1000)

    figures = {
        "rcapture_overhead_p95_ms": round(p95(overheads), 2),
        "rcapture_overhead_median_ms": round(statistics.median(overheads), 2),
        "rcapture_overhead_per_biometric_p95_ms": round(p95(per_biometric), 2),
        "bare_http_roundtrip_p95_ms": round(p95(round_trips), 2),
        "bare_http_roundtrip_median_ms": round(statistics.median(round_trips), 2),
        "rcapture_total_p95_ms": round(p95(totals), 2),
        "image_decode_alone_p95_ms": round(p95(decodes), 2),
        "image_kind": held[0].captures[0].view.image_kind,
        "rcaptures": len(overheads),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "biometric_kb_median": round(statistics.median(sizes), 1),
    }
    records = {c.bio_subtype: c.iso_record for r in held for c in r.captures}
    figures |= bench_saves(records, args.saves)
    print(f"RCAPTURE (4-4-2 slaps + both irises), {len(overheads)} answers:")
    print(f"  bare HTTP round trip p95 {figures['bare_http_roundtrip_p95_ms']} ms (baseline, holds the simulator)")
    print(f"  client's own work    p95 {figures['rcapture_overhead_p95_ms']} ms per answer, "
          f"{figures['rcapture_overhead_per_biometric_p95_ms']} ms per biometric (goal <= 50 ms)")
    print(f"  of which the {figures['image_kind']} decode alone p95 {figures['image_decode_alone_p95_ms']} ms "
          "per biometric")
    print(f"  rcapture end to end  p95 {figures['rcapture_total_p95_ms']} ms "
          f"(load average {figures['load_average_1min']} on {os.cpu_count()} cores)")
    print(f"  ten fingers + two irises: {figures['biometric_kb_median']} KB of ISO records")
    print(f"Save of a full recording ({figures['saves']}x, {figures['record_kb_median']} KB median): "
          f"p95 {figures['save_full_p95_ms']} ms; raw sqlcipher3 transaction of the same bytes "
          f"p95 {figures['raw_save_full_p95_ms']} ms ({figures['save_vs_raw_p95']}x; goal <= 2x)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
