"""UI fixtures: the `support` template profile with an operator (cheap KDF) opened as a Session, real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.session import Session
from support.capture import capture_cases
from support.profiles import PASSPHRASE


@pytest.fixture(scope="session")
def profile_options() -> dict:
    return {"operator": "Operator Uji"}


@pytest.fixture
def session(profile_dir):
    s = Session.open(profile_dir, PASSPHRASE)
    yield s
    s.close()


@pytest.fixture
def simulator():
    """A simulated SBI device service (finger slap scanner, iris camera) on a free port of 4501-4600."""
    from app.biometrics.simulator import Simulator

    sim = Simulator(hang_seconds=5).start()
    yield sim
    sim.stop()


@pytest.fixture
def camera_video(tmp_path) -> Path:
    """A real MJPG video of a clean portrait, used as the camera."""
    cases = capture_cases()
    return cases.write_video(tmp_path / "camera.avi", [cases.clean()], fps=15.0, repeat=20)


@pytest.fixture(autouse=True)
def _no_camera_threads_left(qapp):
    yield
    from PySide6.QtCore import QThreadPool

    from app.ui.camera_worker import wait_parked

    QThreadPool.globalInstance().waitForDone(10_000)
    assert wait_parked(5000), "a camera thread did not end"
