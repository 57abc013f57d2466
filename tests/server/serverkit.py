"""Helpers for the server tests: generated residents (faker id_ID, NIKs built to
match), recordings, a device client over real HTTP, and `LiveServer` (the real
`jemput-server run` process of `support.server` with devices and areas to hand out)."""

from __future__ import annotations

import datetime as dt
import os
import random
import socket
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from faker import Faker

from app.core.regions import RegionIndex
from support.people import GeneratedPeople
from support.server import ServerProcess
from sync import protocol
from support.images import image_bytes
from sync.protocol import MediaKind, RecordingPayload, build_item, media_descriptor

RECORDING_DATE = dt.datetime.now(dt.timezone.utc).date()  # the server's today: dates far from it go to review
LIVE_CHUNK = 64 * 1024
LIVE_MAX_MEDIA = 2 * 1024 * 1024


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
                   acknowledgements: list[dict] | None = None, with_media: bool = True,
                   recording_date: dt.date = RECORDING_DATE, trip: dict | None = None) -> Recording:
    media: dict[str, bytes] = {}
    descriptors = []
    if with_media:
        photo = image_bytes(photo_size, "jpeg")
        signature = image_bytes(1100)
        descriptors = [media_descriptor(MediaKind.PHOTO, photo, "image/jpeg"),
                       media_descriptor(MediaKind.SIGNATURE, signature, "image/png")]
        media = {descriptors[0].sha256: photo, descriptors[1].sha256: signature}
    payload = RecordingPayload.model_validate({
        "resident": resident,
        "recording_date": recording_date.isoformat(),
        "recorded_at": f"{recording_date.isoformat()}T09:30:00+07:00",
        "operator": "operator1",
        "acknowledgements": acknowledgements or [],
        "photo_exception": None if with_media else "tidak dapat difoto (sakit)",
        "signature_exception": None if with_media else "tidak dapat tanda tangan",
        "media": [d.model_dump(mode="json") for d in descriptors],
        "replaces": replaces,
        "trip": trip,
    })
    return Recording(str(uuidlib.uuid4()), payload, media)


# --------------------------------------------------------------------------- live server


class FromAddress(HTTPAdapter):
    """Connections made from a chosen local (loopback) address."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kw):  # noqa: ANN002, ANN003
        kw["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kw)


def loopback_aliases_work() -> bool:
    """Whether this system lets a socket use 127.0.0.2 (Linux: the whole 127/8)."""
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
        return True
    except OSError:
        return False


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
class LiveServer(ServerProcess):
    """The real server process, with registered devices and fresh areas to hand out."""

    areas: Any = field(default_factory=lambda: iter(()))

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


# --------------------------------------------------------------------------- in-process app
