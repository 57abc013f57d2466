"""Fixtures for the capture tests: the hard-case module and small real video files."""

from __future__ import annotations

import pytest

from support.capture import capture_cases as _load_cases

capture_cases = _load_cases()


@pytest.fixture(scope="session")
def cases():
    missing = [n for n in ("obama", "biden", "obama-480p")
               if not (capture_cases.FACES_DIR / f"{n}.jpg").exists()]
    if missing:
        pytest.skip(f"test photos missing in {capture_cases.FACES_DIR}: {missing}")
    return capture_cases
