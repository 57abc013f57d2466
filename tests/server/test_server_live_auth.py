"""Registration and authentication against the real server process over HTTP."""

from __future__ import annotations

import hashlib

import requests
import sqlalchemy as sa

from sync import protocol
from sync.protocol_problems import Problems
from sync.server import admin, tables


def test_enrollment_code_gives_a_token_once(live_server):
    code = live_server.enrollment_code("13.72", name="Tim Lubuk Sikarah")
    first = live_server.register(code, device_label="laptop-01")
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["name"] == "Tim Lubuk Sikarah" and body["area_kode"] == "13.72"
    assert body["protocol_version"] == protocol.PROTOCOL_VERSION
    assert len(body["token"]) >= 43  # 32 random bytes, URL-safe base64

    again = live_server.register(code)
    assert again.status_code == 403
    assert again.json()["code"] == Problems.ENROLLMENT_INVALID.code

    # the token works
    me = requests.get(live_server.url + protocol.Paths.ME, timeout=10, headers={
        "Authorization": f"Bearer {body['token']}", protocol.PROTOCOL_HEADER: "1.0"})
    assert me.status_code == 200 and me.json()["device_id"] == body["device_id"]


def test_code_is_read_loosely_but_wrong_codes_fail(live_server):
    code = live_server.enrollment_code("14.72")
    assert live_server.register("ABCD-EFGH-JKLM").status_code == 403
    typed = code.lower().replace("-", " ")
    assert live_server.register(typed).status_code == 201


def test_tokens_are_stored_hashed(live_server):
    client = live_server.device("16.71")
    with live_server.engine.connect() as conn:
        row = conn.execute(sa.select(tables.devices).where(tables.devices.c.id == client.device_id)).mappings().one()
    assert row["token_sha256"] == hashlib.sha256(client.token.encode()).hexdigest()
    assert client.token not in {str(v) for v in row.values()}
    assert row["enroll_code_sha256"] is None  # spent


def _get(url, **headers):
    return requests.get(url + protocol.Paths.CAPABILITIES, timeout=10,
                        headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION, **headers})


def test_missing_forged_and_revoked_tokens_get_401(live_server, device):
    ok = _get(live_server.url, Authorization=f"Bearer {device.token}")
    assert ok.status_code == 200
    caps = ok.json()
    assert caps["protocol_version"] == protocol.PROTOCOL_VERSION
    assert caps["max_chunk_bytes"] == 64 * 1024 and caps["max_batch_items"] == 50

    missing = _get(live_server.url)
    forged = _get(live_server.url, Authorization="Bearer " + "A" * 43)
    wrong_scheme = _get(live_server.url, Authorization=f"Basic {device.token}")
    for response, code in ((missing, "401.1"), (forged, "401.2"), (wrong_scheme, "401.1")):
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        body = response.json()
        assert body["code"] == code and body["message"] and body["message_en"]

    admin.revoke_device(live_server.engine, str(device.device_id))
    revoked = _get(live_server.url, Authorization=f"Bearer {device.token}")
    assert revoked.status_code == 401 and revoked.json()["code"] == "401.3"
    # every device call is closed, not only capabilities
    r = device.post(protocol.Paths.BATCH, json={"items": []})
    assert r.status_code == 401


def test_protocol_header_is_required_and_major_version_checked(live_server, device):
    url = live_server.url + protocol.Paths.STATUS
    auth = {"Authorization": f"Bearer {device.token}"}
    none = requests.get(url, headers=auth, timeout=10)
    assert none.status_code == 400 and none.json()["code"] == "400.1"
    newer = requests.get(url, headers={**auth, protocol.PROTOCOL_HEADER: "2.0"}, timeout=10)
    assert newer.status_code == 426
    body = newer.json()
    assert body["code"] == "426.1" and "2.0" in body["message"] and "Perbarui" in body["message"]
    minor = requests.get(url, headers={**auth, protocol.PROTOCOL_HEADER: "1.9"}, timeout=10)
    assert minor.status_code == 200
    # the version check comes before authentication: an old app is told to update
    old = requests.get(url, headers={protocol.PROTOCOL_HEADER: "0.3"}, timeout=10)
    assert old.status_code == 426


def test_health_needs_nothing(live_server):
    r = requests.get(live_server.url + protocol.Paths.HEALTH, timeout=10)
    assert r.status_code == 200 and r.json() == {"status": "ok", "protocol_version": protocol.PROTOCOL_VERSION,
                                                 "demo": False}
    spec = requests.get(live_server.url + "/openapi.json", timeout=10).json()
    assert protocol.Paths.BATCH in spec["paths"] and "ProblemBody" in spec["components"]["schemas"]
