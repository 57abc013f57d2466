"""A simulated SBI device service on a free port of 4501-4600, and a client for it."""

from __future__ import annotations

import pytest

from app.biometrics.client import SbiClient
from app.biometrics.simulator import Simulator
from app.biometrics.stream import decode_view


@pytest.fixture
def simulator():
    sim = Simulator(hang_seconds=5).start()
    yield sim
    sim.stop()


@pytest.fixture
def client() -> SbiClient:
    return SbiClient(decode=decode_view, grace=1.0)


@pytest.fixture
def devices(simulator, client):
    """(finger slap scanner, iris camera) as the service's device info tells them."""
    found = {d.device_type: d for d in client.device_info(simulator.port)}
    return found["Finger"], found["Iris"]
