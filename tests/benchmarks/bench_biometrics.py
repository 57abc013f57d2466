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

Not measured here (they need the store, which is not this slice): the save of a
full recording and its raw sqlcipher3 baseline, and the size of a full recording
(form, photo, signature, fingers, irises): printed as null.

Usage: .venv/bin/python tests/benchmarks/bench_biometrics.py [--rounds N]
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15, help="full recordings (5 RCAPTUREs each)")
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
        "save_full_p95_ms": None,  # needs the store (not this slice)
        "raw_save_full_p95_ms": None,  # needs the store (not this slice)
        "record_kb_median": None,  # a full recording with form, photo and signature: needs the store
    }
    print(f"RCAPTURE (4-4-2 slaps + both irises), {len(overheads)} answers:")
    print(f"  bare HTTP round trip p95 {figures['bare_http_roundtrip_p95_ms']} ms (baseline, holds the simulator)")
    print(f"  client's own work    p95 {figures['rcapture_overhead_p95_ms']} ms per answer, "
          f"{figures['rcapture_overhead_per_biometric_p95_ms']} ms per biometric (goal <= 50 ms)")
    print(f"  of which the {figures['image_kind']} decode alone p95 {figures['image_decode_alone_p95_ms']} ms "
          "per biometric")
    print(f"  rcapture end to end  p95 {figures['rcapture_total_p95_ms']} ms "
          f"(load average {figures['load_average_1min']} on {os.cpu_count()} cores)")
    print(f"  ten fingers + two irises: {figures['biometric_kb_median']} KB of ISO records")
    print("  save_full / raw_save_full / record_kb: null (need the store: not measured in this slice)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
