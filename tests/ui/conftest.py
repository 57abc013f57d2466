"""UI fixtures: a real encrypted profile (cheap KDF) opened as a Session, real widgets offscreen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.session import Session
from ui_support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="session")
def template_ui_profile(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("ui-template") / "profile"
    Session.create(directory, PASSPHRASE, operator="Operator Uji", kdf_params=FAST_KDF).close()
    return directory


@pytest.fixture
def profile_dir(template_ui_profile, tmp_path) -> Path:
    directory = tmp_path / "profile"
    shutil.copytree(template_ui_profile, directory)
    return directory


@pytest.fixture
def session(profile_dir):
    s = Session.open(profile_dir, PASSPHRASE)
    yield s
    s.close()


def _capture_cases():
    """tests/capture/cases.py (generated fault cases and video writer), loaded once."""
    import importlib.util
    import sys

    if "capture_cases" in sys.modules:
        return sys.modules["capture_cases"]
    path = Path(__file__).resolve().parent.parent / "capture" / "cases.py"
    spec = importlib.util.spec_from_file_location("capture_cases", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["capture_cases"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def camera_video(tmp_path) -> Path:
    """A real MJPG video of a clean portrait, used as the camera."""
    cases = _capture_cases()
    return cases.write_video(tmp_path / "camera.avi", [cases.clean()], fps=15.0, repeat=20)


@pytest.fixture(autouse=True)
def _no_camera_threads_left(qapp):
    yield
    from PySide6.QtCore import QThreadPool

    from app.ui.camera_worker import wait_parked

    QThreadPool.globalInstance().waitForDone(10_000)
    assert wait_parked(5000), "a camera thread did not end"
