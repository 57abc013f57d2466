"""Guessing enrollment codes, against a real server process: after the allowed
failed codes an address gets 429 with Retry-After, even for a correct code;
successes are not counted; other addresses are not affected. (The window passing
is tested on a hand-wound clock in test_server_ratelimit.py.) Each test speaks
from its own loopback address (127.0.0.x), so the tests do not share counters."""

from __future__ import annotations

import itertools

import pytest
import requests

from sync import protocol
from sync.protocol_problems import Problems

from serverkit import FromAddress, LiveServer, loopback_aliases_work
from support.server import prepare_server_data, start_server
from support.server import server_cli as run_cli

MAX_FAILURES = 3
WINDOW_S = 600.0  # long: no test here waits for it, and a slow machine cannot outlast it
_addresses = (f"127.0.0.{n}" for n in itertools.count(2))


pytestmark = pytest.mark.skipif(not loopback_aliases_work(),
                                reason="this system cannot use 127.0.0.2 as a source address")


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory, seed_regions_csv):
    data = tmp_path_factory.mktemp("limit-server")
    prepare_server_data(data, regions=seed_regions_csv)
    server = start_server(data, "--register-max-failures", str(MAX_FAILURES),
                          "--register-window", str(WINDOW_S), server_class=LiveServer)
    yield server
    server.stop()
    server.dispose()


class _Laptop:
    """Registration requests from one client address."""

    def __init__(self, server: LiveServer, address: str | None = None):
        self.server = server
        self.address = address or next(_addresses)
        self.http = requests.Session()
        self.http.mount("http://", FromAddress(self.address))

    def register(self, code: str) -> requests.Response:
        return self.http.post(self.server.url + protocol.Paths.REGISTER, json={"enrollment_code": code},
                              headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}, timeout=10)


def _wrong_code(n: int) -> str:
    return f"SALA-H{n:03d}-KODE"


def _assert_limited(r: requests.Response) -> int:
    assert r.status_code == 429, r.text
    wait = int(r.headers["Retry-After"])
    assert 1 <= wait <= WINDOW_S
    body = r.json()
    spec = Problems.ENROLLMENT_RATE_LIMITED
    assert body["code"] == spec.code == "429.1" and body["details"] == {"retry_after": wait}
    assert "Terlalu banyak percobaan kode pendaftaran" in body["message"] and f"{wait} detik" in body["message"]
    assert "Too many enrollment code attempts" in body["message_en"]
    return wait


def test_the_limit_kicks_in_at_the_threshold_for_that_address_only(limited_server):
    laptop = _Laptop(limited_server)
    for n in range(MAX_FAILURES):
        r = laptop.register(_wrong_code(n))
        assert r.status_code == 403 and r.json()["code"] == Problems.ENROLLMENT_INVALID.code
    _assert_limited(laptop.register(_wrong_code(99)))
    _assert_limited(laptop.register(_wrong_code(98)))  # still refused (refusals are not counted, nor checked)

    neighbour = _Laptop(limited_server)  # another address keeps its own allowance
    assert neighbour.register(_wrong_code(1)).status_code == 403
    assert neighbour.register(limited_server.enrollment_code("13.72")).status_code == 201

    log = limited_server.log.read_text(encoding="utf-8", errors="replace")
    assert f"pendaftaran dari {laptop.address} ditahan" in log
    assert _wrong_code(0) not in log and _wrong_code(99) not in log


def test_successful_registrations_are_not_counted(limited_server):
    laptop = _Laptop(limited_server)
    for _ in range(MAX_FAILURES + 2):  # more successes than the allowance of failures
        assert laptop.register(limited_server.enrollment_code("13.72")).status_code == 201
    for n in range(MAX_FAILURES):  # every failure is still allowed
        assert laptop.register(_wrong_code(n)).status_code == 403
    _assert_limited(laptop.register(_wrong_code(7)))


def test_limit_settings_are_checked(tmp_path):
    bad = run_cli("run", "--data", tmp_path, "--port", "0", "--register-max-failures", "0", check=False)
    assert bad.returncode == 2 and "--register-max-failures" in bad.stderr
    bad = run_cli("run", "--data", tmp_path, "--port", "0", "--register-window", "-5", check=False)
    assert bad.returncode == 2 and "--register-window" in bad.stderr
