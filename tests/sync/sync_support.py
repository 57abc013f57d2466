"""Helpers for the sync tests and the sync benchmark: generated people (faker id_ID,
NIKs built to match), real JPEG photos and PNG signatures (OpenCV), recordings in
the outbox, and sync pumps with fast retries. The server process is `support.server`."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from faker import Faker

from app.core.lifecycle import RecordingStatus
from app.core.regions import RegionIndex
from app.core.resident import Resident
from app.store.media import MediaItem
from app.store.recordings import Recording, RecordingRepo
from support.people import GeneratedPeople
from support.profiles import ROOT, SEED_REGIONS
from support.server import DEFAULT_AREA
from sync.client import RetryPolicy, SyncPump, Timeouts

FACES = sorted((ROOT / "tests" / "data" / "faces").glob("*.jpg"))
AREA = DEFAULT_AREA  # Kota Palembang (seed master data)

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


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
