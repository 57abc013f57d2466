"""A lost registration reply against the real server (SQLite, or PostgreSQL with
JEMPUT_TEST_POSTGRES_URL): the same code with the same nonce gives the same device
back while its token was never used; concurrent retries give one device, no 500."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests

from sync import protocol
from sync.server import admin

HEADERS = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}


def _register(live_server, body: dict) -> requests.Response:
    return requests.post(live_server.url + protocol.Paths.REGISTER, json=body, headers=HEADERS, timeout=20)


def test_retries_with_the_nonce_give_the_same_device(live_server):
    code = live_server.enrollment_code(name="Tim ulang server")
    body = {"enrollment_code": code, "nonce": "Nonce_" + "7" * 20}
    first = _register(live_server, body)
    assert first.status_code == 201
    with ThreadPoolExecutor(4) as pool:
        again = list(pool.map(lambda _i: _register(live_server, body), range(4)))
    assert [r.status_code for r in again] == [201] * 4
    assert {r.json()["device_id"] for r in again} == {first.json()["device_id"]}
    tokens = [r.json()["token"] for r in again]
    working = [t for t in tokens if requests.get(live_server.url + protocol.Paths.ME, timeout=20,
                                                 headers={**HEADERS, "Authorization": f"Bearer {t}"}).status_code == 200]
    assert len(working) == 1  # the last one handed out; the others were never received by anyone
    states = {d["id"]: d["state"] for d in admin.list_devices(live_server.engine)}
    assert states[first.json()["device_id"]] == "aktif"
    assert _register(live_server, body).status_code == 403  # used: the nonce opens nothing any more
