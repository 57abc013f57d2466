"""A server database filled straight with rows, as after months of trips: devices, received
recordings with two files each (a photo, a signature) and targets. For the look-up plan test and
bench_server_lookups; generated values only (no person: the NIKs are a counter)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import sqlalchemy as sa

from sync.server import tables

NOW = dt.datetime(2026, 12, 3, 20, 0)
STEP = 50_000  # rows per INSERT: bounded memory at a city's size


def file_sha(i: int) -> str:
    """File `i`: recording r holds files 2r - 1 (its photo) and 2r (its signature)."""
    return hashlib.sha256(f"file {i}".encode()).hexdigest()


def nik(i: int) -> str:
    """Recording i's NIK; the targets' NIKs follow the recordings' ones."""
    return f"{1671010101000000 + i:016d}"


def recording_uuid(i: int) -> str:
    return f"00000000-0000-4000-8000-{i:012d}"


def fill_server(engine: sa.Engine, *, devices: int, recordings: int, targets: int,
                device_of: Callable[[int], int]) -> None:
    """Devices 1..`devices`; recordings 1..`recordings`, recording i `device_of(i)`'s; targets after them."""
    with engine.begin() as conn:
        conn.execute(tables.devices.insert(), [
            {"id": d, "name": f"Laptop {d}", "area_kode": "16.71", "area_digits": "1671", "created_at": NOW}
            for d in range(1, devices + 1)])
        for lo in range(1, recordings + 1, STEP):
            ids = range(lo, min(recordings, lo + STEP - 1) + 1)
            conn.execute(tables.recordings.insert(), [
                {"id": i, "uuid": recording_uuid(i), "device_id": device_of(i), "payload_sha256": file_sha(-i),
                 "payload": "{}", "nik": nik(i), "kelurahan_digits": "1671011001", "rt": f"{i % 20:03d}",
                 "status": "diterima", "outcome": "diterima", "reasons": "[]", "received_at": NOW,
                 "received_complete": True, "seq": i} for i in ids])
            conn.execute(tables.media_blobs.insert(), [{"sha256": file_sha(f), "size": 100, "complete": True}
                                                       for i in ids for f in (2 * i - 1, 2 * i)])
            conn.execute(tables.recording_media.insert(), [
                {"recording_id": i, "sha256": file_sha(f), "kind": kind, "mime": "image/jpeg", "size": 100}
                for i in ids for f, kind in ((2 * i - 1, "photo"), (2 * i, "signature"))])
        for lo in range(1, targets + 1, STEP):
            conn.execute(tables.targets.insert(), [
                {"nik": nik(recordings + i), "nama": "WARGA", "alamat": "JL. UJI", "rt": f"{i % 20:03d}",
                 "rw": "001", "kelurahan_kode": "16.71.01.1001", "kelurahan_digits": "1671011001", "seq": i,
                 "updated_at": NOW}
                for i in range(lo, min(targets, lo + STEP - 1) + 1)])
