"""Helpers for the sync tests and the sync benchmark: cheap-KDF profiles, generated
people (faker id_ID, NIKs built to match), real JPEG photos and PNG signatures
(OpenCV), and the real ``jemput-server`` process (start on a free or given
port, stop, SIGKILL, admin commands, ``status --json``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from faker import Faker

from app.core.lifecycle import RecordingStatus
from app.core.regions import RegionIndex
from app.core.resident import Resident
from app.store.keys import KdfParams
from app.store.media import MediaItem
from app.store.recordings import Recording, RecordingRepo
from people_support import GeneratedPeople
from sync.client import RetryPolicy, SyncPump, Timeouts

ROOT = Path(__file__).resolve().parents[2]
SEED_REGIONS = ROOT / "resources" / "regions" / "seed_cities.csv"
FACES = sorted((ROOT / "tests" / "data" / "faces").glob("*.jpg"))
BIN = Path(sys.executable).parent
SERVER_CMD = [str(BIN / "jemput-server")] if (BIN / "jemput-server").exists() else [
    sys.executable, "-m", "sync.server.cli"]

PASSPHRASE = "kopi-susu-panas-2024"
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)
AREA = "16.71"  # Kota Palembang (seed master data)

FAST_POLICY = RetryPolicy(attempts=3, initial_wait=0.02, max_wait=0.1, backoff_base=0.2, backoff_cap=1.0)
FAST_TIMEOUTS = Timeouts(probe=2.0, connect=2.0, read=15.0)


def make_pump(store, **kw: Any) -> SyncPump:
    kw.setdefault("policy", FAST_POLICY)
    kw.setdefault("timeouts", FAST_TIMEOUTS)
    return SyncPump(store, **kw)


# --------------------------------------------------------------------------- people and media


@dataclass
class People(GeneratedPeople):
    """Generated residents of an area whose NIK matches birth date, sex and kecamatan."""

    area: str = AREA

    @classmethod
    def create(cls, seed: int, area: str = AREA) -> "People":
        regions = RegionIndex.from_csv(SEED_REGIONS.read_text(encoding="utf-8").splitlines())
        fake = Faker("id_ID")
        fake.seed_instance(seed)
        return cls(regions, fake, random.Random(seed), area=area)

    def resident(self, **changes: Any) -> Resident:
        """A complete resident, valid today (eligible, NIK consistent, regions known)."""
        return Resident.from_dict(self.resident_data(self.area, dt.date.today(), **changes))


_face_cache: list[np.ndarray] = []


def _faces() -> list[np.ndarray]:
    if not _face_cache:
        for path in FACES:
            image = cv2.imread(str(path))
            if image is not None:
                _face_cache.append(image)
        if not _face_cache:  # pragma: no cover - tests/data always has faces
            _face_cache.append(np.full((480, 360, 3), 128, np.uint8))
    return _face_cache


def photo_jpeg(rng: random.Random, target_kb: int | None = None) -> bytes:
    """A real JPEG: a test face, cropped and resized at random, a little noise, quality 55-95.

    With `target_kb` the quality/size are searched so the file lands near that size.
    """
    face = rng.choice(_faces())
    h, w = face.shape[:2]
    ch, cw = int(h * rng.uniform(0.6, 1.0)), int(w * rng.uniform(0.6, 1.0))
    y, x = rng.randint(0, h - ch), rng.randint(0, w - cw)
    width = rng.randint(240, 360) if target_kb is None else 360
    crop = cv2.resize(face[y:y + ch, x:x + cw], (width, width * 4 // 3))
    noise = np.random.default_rng(rng.getrandbits(32)).integers(-6, 7, crop.shape, dtype=np.int16)
    image = np.clip(crop.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    if target_kb is None:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(55, 95)])
        assert ok
        return buf.tobytes()
    best = b""
    for quality in range(98, 20, -4):
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
        best = buf.tobytes()
        if len(best) <= target_kb * 1024:
            break
    return best


def signature_png(rng: random.Random) -> bytes:
    """A real PNG: random pen strokes on white."""
    canvas = np.full((120, 360), 255, np.uint8)
    for _ in range(rng.randint(2, 5)):
        points = np.array([[rng.randint(10, 350), rng.randint(10, 110)] for _ in range(rng.randint(4, 9))],
                          np.int32)
        cv2.polylines(canvas, [points], False, 0, rng.randint(1, 3), cv2.LINE_AA)
    ok, buf = cv2.imencode(".png", canvas)
    assert ok
    return buf.tobytes()


def media_for(rng: random.Random, *, photo: bytes | None = None, target_kb: int | None = None) -> list[MediaItem]:
    return [
        MediaItem("photo", "image/jpeg", photo if photo is not None else photo_jpeg(rng, target_kb),
                  {"approved": True}),
        MediaItem("signature", "image/png", signature_png(rng), {"strokes": 3}),
    ]


def record(store, people: People, *, media: list[MediaItem] | None = None, resident: Resident | None = None,
           operator: str = "operator-uji", **changes: Any) -> Recording:
    """Save one completed recording in the outbox (one transaction) and return it."""
    rec = Recording.new(resident or people.resident(), operator=operator, status=RecordingStatus.COMPLETE,
                        **changes)
    RecordingRepo(store).save(rec, media if media is not None else media_for(people.rng), enqueue=True)
    return RecordingRepo(store).get(rec.uuid)


# --------------------------------------------------------------------------- the server


@dataclass
class Server:
    """A running ``jemput-server run`` process."""

    data: Path
    proc: subprocess.Popen
    url: str
    port: int
    log: Path

    @property
    def engine(self):
        from sync.server import db

        if getattr(self, "_engine", None) is None:
            self._engine = db.make_engine(f"sqlite:///{self.data / 'jemput-server.db'}")
        return self._engine

    def enrollment_code(self, name: str = "Tim uji", area: str = AREA) -> str:
        from sync.server import admin

        return admin.add_device(self.engine, name, area).enrollment_code

    def status(self) -> dict[str, int]:
        """``jemput-server status --json`` (the admin's view of the counts)."""
        return json.loads(server_cli("status", "--data", self.data, "--json").stdout)

    def access_lines(self, needle: str) -> int:
        """How many access-log lines contain `needle` (e.g. '"POST /recordings/batch')."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return sum(1 for line in text.splitlines() if needle in line)

    def media_files(self) -> dict[str, bytes]:
        folder = self.data / "media"
        return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def stop(self) -> None:
        stop_server(self.proc)

    def kill(self) -> None:
        """SIGKILL: no goodbye, no flush."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def restart(self, *extra: str) -> "Server":
        """Start again on the same data folder and port (after stop or kill)."""
        new = start_server(self.data, *extra, port=self.port)
        new._engine = getattr(self, "_engine", None)
        return new

    def dispose(self) -> None:
        if getattr(self, "_engine", None) is not None:
            self._engine.dispose()
            self._engine = None


def server_cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*SERVER_CMD, *map(str, args)], capture_output=True, text=True, timeout=60)
    if check and proc.returncode != 0:
        raise AssertionError(f"jemput-server {args[0]} gagal ({proc.returncode}): {proc.stderr}")
    return proc


def prepare_server_data(data: Path) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    server_cli("import-regions", "--data", data, SEED_REGIONS)
    return data


def start_server(data: Path, *extra: str, port: int = 0, timeout: float = 30) -> Server:
    """``jemput-server run`` on 127.0.0.1 (`port` 0: a free one); waits for its ready line.

    With a fixed `port` (a restart) a refused bind is retried while the old socket is released.
    """
    deadline = time.monotonic() + timeout
    while True:
        log_path = data / f"server-{time.monotonic_ns()}.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [*SERVER_CMD, "run", "--data", str(data), "--host", "127.0.0.1", "--port", str(port), *extra],
                stdout=log, stderr=subprocess.STDOUT)
        while time.monotonic() < deadline:
            text = log_path.read_text(encoding="utf-8", errors="replace")
            for line in text.splitlines():
                if line.startswith("jemput-server siap di "):
                    url = line.split()[-1]
                    return Server(data, proc, url, int(url.rsplit(":", 1)[1]), log_path)
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        else:
            proc.kill()
            proc.wait(timeout=5)
            raise AssertionError("server tidak siap dalam waktu")
        if not (port and "tidak dapat memakai" in text and time.monotonic() < deadline):
            raise AssertionError(f"server berhenti saat mulai:\n{text}")
        time.sleep(0.2)


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def big_jpeg(rng: random.Random, min_bytes: int) -> bytes:
    """A real JPEG of at least `min_bytes` (a noisy face, large and at high quality)."""
    face = rng.choice(_faces())
    side = 600
    while True:
        image = cv2.resize(face, (side, side * 4 // 3))
        noise = np.random.default_rng(rng.getrandbits(32)).integers(-40, 41, image.shape, dtype=np.int16)
        image = np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8)
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 95])
        assert ok
        if buf.size >= min_bytes:
            return buf.tobytes()
        side = int(side * 1.4)
