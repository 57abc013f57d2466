"""Registration survives a lost reply (real server, fault-injecting proxy on 127.0.0.1):
the server registers the device, the answer is cut, the laptop asks again with the
same code and its nonce and gets the same device back; the admin sees which
devices never synced and can revoke them; a nonce never opens the door twice."""

from __future__ import annotations

import pytest
import requests

from app.core.lifecycle import RecordingStatus
from faultproxy import FaultProxy
from sync import protocol
from sync.client import Keys, RegistrationError, SyncError
from support.server import server_cli
from sync_support import make_pump, record


def _devices(server) -> dict[int, str]:  # noqa: ANN001
    out = server_cli("list-devices", *server.cli_args).stdout
    return {int(line.split("\t")[0]): line.split("\t")[3] for line in out.splitlines() if line.strip()}


def _cut_first_registration(fault: str = "cut_response"):  # noqa: ANN202
    cut: list[str] = []

    def decide(r):  # noqa: ANN001
        if r.path == protocol.Paths.REGISTER and not cut:
            cut.append(r.path)
            return fault
        return None

    return decide, cut


@pytest.mark.parametrize("fault", ["cut_response", "drop_after"])
def test_a_lost_reply_gives_the_same_device_back(session, people, module_server, fault):
    decide, cut = _cut_first_registration(fault)
    code = module_server.enrollment_code(name=f"Tim hilang {fault}")
    with FaultProxy(module_server.port, decide=decide) as proxy:
        pump = make_pump(session.store)
        info = pump.register(proxy.url, code, "laptop-uji")
        assert cut == [protocol.Paths.REGISTER]
        assert proxy.count("POST", protocol.Paths.REGISTER) == 2  # the lost one and its retry
        assert pump.registered and session.get_setting(Keys.DEVICE_ID) == info.device_id
        assert session.get_setting(Keys.ENROLL_NONCE) is None  # done with it
        registered = [i for i, s in _devices(module_server).items() if s != "menunggu pendaftaran"]
        assert info.device_id in registered
        assert _devices(module_server)[info.device_id] == "terdaftar, belum pernah sinkron"
        rec = record(session.store, people)
        report = pump.run_once()
    assert report.ok and report.acked == 1, report.error
    assert session.get_recording(rec.uuid).status is RecordingStatus.ACCEPTED
    assert _devices(module_server)[info.device_id] == "aktif"
    pump.close()


def test_a_retry_after_a_restart_repeats_the_stored_nonce(session, module_server):
    """Every try of the first pump is lost; a new pump on the same profile (the app
    restarted) succeeds with the nonce stored before the first try: one device."""
    code = module_server.enrollment_code(name="Tim restart")
    before = _devices(module_server)
    losing = {"on": True}

    def lose_all(r):  # noqa: ANN001
        return "drop_after" if losing["on"] and r.path == protocol.Paths.REGISTER else None

    with FaultProxy(module_server.port, decide=lose_all) as proxy:
        first = make_pump(session.store)
        with pytest.raises(SyncError):
            first.register(proxy.url, code, "laptop-uji")
        first.close()
        assert proxy.count("POST", protocol.Paths.REGISTER) == 3  # every try lost
        nonce = session.get_setting(Keys.ENROLL_NONCE)["nonce"]
        assert len(nonce) >= 16 and not first.registered
        losing["on"] = False
        again = make_pump(session.store)
        info = again.register(proxy.url, code, "laptop-uji")
        again.close()
    after = _devices(module_server)
    assert set(after) == set(before)  # no device was made twice...
    assert (before[info.device_id], after[info.device_id]) == (  # ...the code's own device came back
        "menunggu pendaftaran", "terdaftar, belum pernah sinkron")


def test_the_same_code_without_the_nonce_or_with_another_is_refused(module_server):
    code = module_server.enrollment_code(name="Tim nonce")
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}
    url = module_server.url + protocol.Paths.REGISTER
    first = requests.post(url, json={"enrollment_code": code, "nonce": "n" * 22}, headers=headers, timeout=10)
    assert first.status_code == 201
    for body in ({"enrollment_code": code}, {"enrollment_code": code, "nonce": "x" * 22}):
        r = requests.post(url, json=body, headers=headers, timeout=10)
        assert (r.status_code, r.json()["code"]) == (403, "403.1")
    again = requests.post(url, json={"enrollment_code": code, "nonce": "n" * 22}, headers=headers, timeout=10)
    assert again.status_code == 201 and again.json()["device_id"] == first.json()["device_id"]
    old, new = first.json()["token"], again.json()["token"]
    assert old != new  # the first answer's token (never received) stops working
    me = protocol.Paths.ME
    assert requests.get(module_server.url + me, headers={**headers, "Authorization": f"Bearer {old}"},
                        timeout=10).status_code == 401
    assert requests.get(module_server.url + me, headers={**headers, "Authorization": f"Bearer {new}"},
                        timeout=10).status_code == 200
    # once the token was used, the nonce opens nothing any more
    late = requests.post(url, json={"enrollment_code": code, "nonce": "n" * 22}, headers=headers, timeout=10)
    assert late.status_code == 403
    bad = requests.post(url, json={"enrollment_code": code, "nonce": "kurang"}, headers=headers, timeout=10)
    assert bad.status_code == 422  # too short to be a nonce


def test_a_device_that_never_synced_can_be_revoked(session, module_server):
    code = module_server.enrollment_code(name="Tim tak pernah")
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}
    r = requests.post(module_server.url + protocol.Paths.REGISTER,
                      json={"enrollment_code": code, "nonce": "q" * 30}, headers=headers, timeout=10)
    device_id = r.json()["device_id"]
    assert _devices(module_server)[device_id] == "terdaftar, belum pernah sinkron"
    server_cli("revoke-device", *module_server.cli_args, str(device_id))
    assert _devices(module_server)[device_id] == "dicabut"
    retry = requests.post(module_server.url + protocol.Paths.REGISTER,
                          json={"enrollment_code": code, "nonce": "q" * 30}, headers=headers, timeout=10)
    assert retry.status_code == 403  # a revoked device is not handed out again
    pump = make_pump(session.store)
    with pytest.raises(RegistrationError):
        pump.register(module_server.url, code, "laptop-uji")
    pump.close()
