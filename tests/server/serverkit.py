"""Helpers for the server tests: generated residents (faker id_ID, NIKs built to
match), recordings, a device client over real HTTP, starting/stopping the real
`jemput-server run` process and running its admin commands."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from faker import Faker

from app.core.regions import RegionIndex
from people_support import GeneratedPeople
from sync import protocol
from sync.protocol import MediaKind, RecordingPayload, build_item, media_descriptor

BIN = Path(sys.executable).parent
SERVER_CMD = [str(BIN / "jemput-server")] if (BIN / "jemput-server").exists() else [
    sys.executable, "-m", "sync.server.cli"]
RECORDING_DATE = dt.date(2025, 11, 20)
LIVE_CHUNK = 64 * 1024
LIVE_MAX_MEDIA = 2 * 1024 * 1024


def run_cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``jemput-server ARGS`` and return the finished process (text output)."""
    proc = subprocess.run([*SERVER_CMD, *map(str, args)], capture_output=True, text=True, timeout=60)
    if check and proc.returncode != 0:
        raise AssertionError(f"jemput-server {args[0]} gagal ({proc.returncode}): {proc.stderr}")
    return proc


# --------------------------------------------------------------------------- people


class People(GeneratedPeople):
    """Generated residents whose NIK matches their birth date, sex and kecamatan."""

    def resident(self, area: str | None = None, **changes: Any) -> dict[str, Any]:
        """A resident as `Resident.to_dict` gives it, valid on `RECORDING_DATE`."""
        return self.resident_data(area, RECORDING_DATE, **changes)


@dataclass
class Recording:
    """A recording ready to send: its UUID, payload and media bytes."""

    uuid: str
    payload: RecordingPayload
    media: dict[str, bytes]  # sha256 -> bytes

    @property
    def item(self) -> dict[str, Any]:
        return build_item(self.uuid, self.payload)

    @property
    def nik(self) -> str:
        return self.payload.resident.nik


def make_recording(resident: dict[str, Any], *, photo_size: int = 3000, replaces: str | None = None,
                   acknowledgements: list[dict] | None = None, with_media: bool = True) -> Recording:
    media: dict[str, bytes] = {}
    descriptors = []
    if with_media:
        photo = os.urandom(photo_size)
        signature = os.urandom(500)
        descriptors = [media_descriptor(MediaKind.PHOTO, photo, "image/jpeg"),
                       media_descriptor(MediaKind.SIGNATURE, signature, "image/png")]
        media = {descriptors[0].sha256: photo, descriptors[1].sha256: signature}
    payload = RecordingPayload.model_validate({
        "resident": resident,
        "recording_date": RECORDING_DATE.isoformat(),
        "recorded_at": f"{RECORDING_DATE.isoformat()}T09:30:00+07:00",
        "operator": "operator1",
        "acknowledgements": acknowledgements or [],
        "photo_exception": None if with_media else "tidak dapat difoto (sakit)",
        "signature_exception": None if with_media else "tidak dapat tanda tangan",
        "media": [d.model_dump(mode="json") for d in descriptors],
        "replaces": replaces,
    })
    return Recording(str(uuidlib.uuid4()), payload, media)


# --------------------------------------------------------------------------- live server


class DeviceClient:
    """A registered device talking to the live server over real HTTP."""

    def __init__(self, base: str, token: str, device_id: int, area: str):
        self.base = base
        self.token = token
        self.device_id = device_id
        self.area = area
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {token}",
                                  protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.http.get(self.base + path, timeout=20, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.http.post(self.base + path, timeout=20, **kw)

    def send(self, *recordings: Recording) -> list[dict]:
        r = self.post(protocol.Paths.BATCH, json={"items": [rec.item for rec in recordings]})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def put_chunk(self, sha: str, offset: int, data: bytes, method: str = "PUT") -> requests.Response:
        return self.http.request(method, self.base + protocol.Paths.media(sha), data=data,
                                 headers={protocol.OFFSET_HEADER: str(offset),
                                          "Content-Type": "application/octet-stream"}, timeout=20)

    def upload(self, sha: str, data: bytes, chunk: int = LIVE_CHUNK) -> requests.Response:
        head = self.http.head(self.base + protocol.Paths.media(sha), timeout=20)
        assert head.status_code == 200, head.text
        offset = int(head.headers[protocol.OFFSET_HEADER])
        r = None
        while offset < len(data):
            r = self.put_chunk(sha, offset, data[offset:offset + chunk])
            assert r.status_code == 200, r.text
            offset = r.json()["offset"]
        return r

    def upload_all(self, rec: Recording) -> None:
        for sha, data in rec.media.items():
            self.upload(sha, data)

    def status(self, since: int = 0, **params: Any) -> dict:
        r = self.get(protocol.Paths.STATUS, params={"since": since, **params})
        assert r.status_code == 200, r.text
        return r.json()

    def targets(self, since: int = 0, **params: Any) -> dict:
        r = self.get(protocol.Paths.TARGETS, params={"since": since, **params})
        assert r.status_code == 200, r.text
        return r.json()


@dataclass
class LiveServer:
    url: str
    data: Path
    log: Path
    proc: subprocess.Popen
    areas: Any
    database_url: str | None = None

    @property
    def engine(self):
        from sync.server import db

        if not hasattr(self, "_engine"):
            self._engine = db.make_engine(self.database_url or f"sqlite:///{self.data / 'jemput-server.db'}")
        return self._engine

    @property
    def cli_args(self) -> list[str]:
        """``--data`` (and ``--database-url``) for admin commands on this server."""
        args = ["--data", str(self.data)]
        return args + ["--database-url", self.database_url] if self.database_url else args

    def enrollment_code(self, area: str, name: str = "Tim uji") -> str:
        from sync.server import admin

        return admin.add_device(self.engine, name, area).enrollment_code

    def register(self, code: str, **extra: Any) -> requests.Response:
        return requests.post(self.url + protocol.Paths.REGISTER,
                             json={"enrollment_code": code, **extra},
                             headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}, timeout=20)

    def device(self, area: str = "13.72") -> DeviceClient:
        r = self.register(self.enrollment_code(area))
        assert r.status_code == 201, r.text
        body = r.json()
        return DeviceClient(self.url, body["token"], body["device_id"], area)

    def fresh_area(self) -> str:
        """A kecamatan no other test of this worker uses."""
        return next(self.areas)


def start_server(data: Path, *extra: str, timeout: float = 30) -> tuple[subprocess.Popen, str, Path]:
    """Start ``jemput-server run`` on a free port; return (process, base URL, log path)."""
    log_path = data / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [*SERVER_CMD, "run", "--data", str(data), "--host", "127.0.0.1", "--port", "0", *extra],
        stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if line.startswith("jemput-server siap di "):
                return proc, line.split()[-1], log_path
        if proc.poll() is not None:
            raise AssertionError(f"server berhenti saat mulai:\n{text}")
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("server tidak siap dalam waktu")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


# --------------------------------------------------------------------------- in-process app
