"""Benchmark of `app.store.backup`: time and size of a verified backup, against a plain file copy.

Run: ``.venv/bin/python tests/benchmarks/bench_backup.py``.
Sizes via environment: JEMPUT_BENCH_RECORDINGS (500), JEMPUT_BENCH_PHOTO_KB (60),
JEMPUT_BENCH_RUNS (5), JEMPUT_BENCH_DIR (a temporary folder by default, removed after).

Two profiles: the demo profile (`app.demo.profile`, 300 generated targets and its
handful of recordings) and one with JEMPUT_BENCH_RECORDINGS complete recordings,
each with a 60 KB photo and a 4 KB signature. The baseline, measured in the same
run, is copying the checkpointed ``jemput.db`` with `shutil.copyfile` plus fsync
(no snapshot, no verification: what "just copy the file" would cost). Also the
save p95 of another thread while backups run, against the same saves with none.
Prints medians and ratios; the last line is one JSON object of the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from app.core.lifecycle import RecordingStatus  # noqa: E402
from app.demo import demo_residents  # noqa: E402
from app.demo.profile import create_demo_profile  # noqa: E402
from app.store.backup import backup_profile  # noqa: E402
from app.store.database import create_profile  # noqa: E402
from app.store.keys import KdfParams  # noqa: E402
from app.store.media import MediaItem  # noqa: E402
from app.store.recordings import Recording, RecordingRepo  # noqa: E402

RECORDINGS = int(os.environ.get("JEMPUT_BENCH_RECORDINGS", "500"))
PHOTO_KB = int(os.environ.get("JEMPUT_BENCH_PHOTO_KB", "60"))
RUNS = int(os.environ.get("JEMPUT_BENCH_RUNS", "5"))
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)  # unlock speed is not measured here


def media() -> list[MediaItem]:
    return [MediaItem("photo", "image/jpeg", os.urandom(PHOTO_KB * 1024), {"approved": True}),
            MediaItem("signature", "image/png", os.urandom(4096), {"strokes": 3})]


def plain_copy(store, dest: Path) -> float:
    started = time.perf_counter()
    store.checkpoint()
    target = dest / f"copy-{time.perf_counter_ns()}.db"
    shutil.copyfile(store.path, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    return time.perf_counter() - started


def measure(label: str, store, dest: Path) -> dict:
    times, baseline, sizes = [], [], []
    for run in range(RUNS):
        usb = dest / f"{label}-{run}"
        usb.mkdir()
        result = backup_profile(store, usb)
        times.append(result.seconds)
        sizes.append(result.total_bytes)
        baseline.append(plain_copy(store, usb))
    med, base = statistics.median(times), statistics.median(baseline)
    print(f"{label}: backup median {med:.3f} s (min {min(times):.3f}), {sizes[-1] / 1e6:.1f} MB, "
          f"{result.recordings} recordings | plain file copy {base:.3f} s | ratio {med / base:.2f}")
    return {f"{label}_backup_s": round(med, 3), f"{label}_plain_copy_s": round(base, 3),
            f"{label}_ratio": round(med / base, 2), f"{label}_mb": round(sizes[-1] / 1e6, 1),
            f"{label}_recordings": result.recordings}


def saves_p95(store, residents, seconds: float, during_backup: Path | None) -> tuple[float, int]:
    """p95 of save() in ms over `seconds` with (or without) backups running beside it."""
    repo = RecordingRepo(store)
    stop = threading.Event()
    backups = [0]

    def backer() -> None:
        while not stop.is_set():
            usb = during_backup / f"run-{backups[0]}"
            usb.mkdir()
            backup_profile(store, usb)
            shutil.rmtree(usb)
            backups[0] += 1

    thread = threading.Thread(target=backer) if during_backup else None
    if thread:
        thread.start()
    lat, i = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        rec = Recording.new(residents[i % len(residents)], operator="bench", status=RecordingStatus.COMPLETE)
        t = time.perf_counter()
        repo.save(rec, media(), enqueue=True)
        lat.append((time.perf_counter() - t) * 1000)
        i += 1
    stop.set()
    if thread:
        thread.join()
    lat.sort()
    return lat[int(0.95 * (len(lat) - 1))], backups[0]


def main() -> None:
    base_env = os.environ.get("JEMPUT_BENCH_DIR")
    base = Path(base_env) if base_env else Path(tempfile.mkdtemp(prefix="jemput-bench-backup-"))
    figures: dict = {"recordings": RECORDINGS, "photo_kb": PHOTO_KB, "runs": RUNS}
    try:
        demo = create_demo_profile(base / "demo")
        with demo:
            figures.update(measure("demo", demo, base))
        residents = demo_residents(RECORDINGS, seed=5)
        with create_profile(base / "full", "bench-kata-sandi-panjang", kdf_params=FAST_KDF) as store:
            repo = RecordingRepo(store)
            for person in residents:
                rec = Recording.new(person, operator="bench", status=RecordingStatus.COMPLETE)
                repo.save(rec, media(), enqueue=True)
            figures.update(measure("full", store, base))
            idle, _ = saves_p95(store, residents, 3.0, None)
            busy, runs = saves_p95(store, residents, 3.0, base)
            figures.update(save_p95_idle_ms=round(idle, 2), save_p95_during_backup_ms=round(busy, 2),
                           backups_during_saves=runs)
            print(f"save p95 with no backup {idle:.2f} ms | while {runs} backups ran beside it {busy:.2f} ms "
                  f"| ratio {busy / idle:.2f}")
    finally:
        if not base_env:
            shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
