"""Discovery over 127.0.0.1:4501-4600 finds the simulated service among empty and silent ports; the CLI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.biometrics.discovery import PORTS, callback_port, discover, discover_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def silent_port(simulator):
    """A port of the range that accepts connections and never answers (another program's socket)."""
    for port in PORTS:
        if port == simulator.port:
            continue
        sock = socket.socket()
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        sock.listen(16)
        yield port
        sock.close()
        return
    pytest.skip("no free port in 4501-4600")


def test_discovery_finds_the_service_among_empty_and_silent_ports(simulator, silent_port):
    found = discover(per_port=0.5, deadline=5.0)
    mine = [d for d in found if d.port == simulator.port]
    assert {(d.device_id, d.device_type, d.status) for d in mine} == {("1", "Finger", "Ready"), ("2", "Iris", "Ready")}
    assert all(d.port != silent_port for d in found)
    assert mine[0].callback_id == f"http://127.0.0.1:{simulator.port}/"
    assert mine[0].digital_id["serialNo"] == mine[0].device_code and not mine[0].signed
    assert mine[0].spec_versions[0] == "0.9.5" and mine[0].purpose == "Registration"


def test_discovery_asks_for_a_type(simulator):
    assert [d.device_type for d in discover_port(simulator.port, "Iris")] == ["Iris"]
    assert [d.device_type for d in discover_port(simulator.port, "Finger")] == ["Finger"]
    assert discover_port(simulator.port, "Face") == []


def test_the_simulator_runs_as_a_program_with_a_fault():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "app.biometrics.simulator", "--port", "0",  # any free port
                             "--fault", "busy"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        ready = proc.stdout.readline().strip()
        assert ready.startswith("SBI simulator ready on 127.0.0.1:")
        port = int(ready.rpartition(":")[2])
        found = discover_port(port)
        assert {d.status for d in found} == {"Busy"} and len(found) == 2
    finally:
        proc.terminate()
        proc.wait(timeout=10)



def test_the_callback_url_is_followed_only_on_127_0_0_1_in_the_range():
    assert callback_port("http://127.0.0.1:4555/", 4501) == 4555
    assert callback_port("http://localhost:4555/", 4501) == 4501
    assert callback_port("http://10.0.0.5:4555/", 4501) == 4501
    assert callback_port("http://127.0.0.1:8080/", 4501) == 4501
    assert callback_port("io.vendor.app", 4501) == 4501 and callback_port(None, 4502) == 4502
