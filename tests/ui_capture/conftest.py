"""Fixtures for the capture UI tests: real MJPG videos from the test photos, widgets torn down cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.capture import capture_cases as _load_cases

pytest.importorskip("PySide6")

capture_cases = _load_cases()


@pytest.fixture(scope="session")
def cases():
    missing = [n for n in ("obama", "biden")
               if not (capture_cases.FACES_DIR / f"{n}.jpg").exists()]
    if missing:
        pytest.skip(f"test photos missing in {capture_cases.FACES_DIR}: {missing}")
    return capture_cases


@pytest.fixture
def make_video(tmp_path, cases):
    """make_video(frames, name, repeat, fps) -> path of a real MJPG .avi."""
    def make(frames, name="cam.avi", repeat=20, fps=15.0):
        return cases.write_video(tmp_path / name, list(frames), fps=fps, repeat=repeat)
    return make


@pytest.fixture
def clean_video(make_video, cases):
    return make_video([cases.clean()], "clean.avi", repeat=20)


@pytest.fixture(autouse=True)
def _no_threads_left(qapp):
    """Every test leaves no camera thread and no background task running."""
    yield
    from PySide6.QtCore import QThreadPool

    from app.ui.camera_worker import wait_parked

    QThreadPool.globalInstance().waitForDone(10_000)
    assert wait_parked(5000), "a camera thread did not end"
    qapp.processEvents()


@pytest.fixture
def photo_step(qtbot, qapp):
    from app.ui.widgets.photo_step import PhotoStep

    qss = Path(__file__).resolve().parents[2] / "resources" / "style.qss"
    if qss.exists() and not qapp.styleSheet():
        qapp.setStyleSheet(qss.read_text(encoding="utf-8"))
    step = PhotoStep()
    qtbot.addWidget(step)
    step.resize(900, 560)
    step.show()
    qtbot.waitExposed(step)
    yield step
    step.stop_camera()


@pytest.fixture
def signature_step(qtbot):
    """The signature step shown at 900×560, its clock fixed (2025-03-04 05:06:07 UTC)."""
    from datetime import datetime, timezone

    from app.ui.widgets.signature_step import SignatureStep

    fixed = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    s = SignatureStep(clock=lambda: fixed)
    qtbot.addWidget(s)
    s.resize(900, 560)
    s.show()
    qtbot.waitExposed(s)
    return s
