"""Fixtures for the capture tests: the hard-case module and small real video files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# Load cases.py under a unique module name (tests/ has no packages; avoid clashes).
_spec = importlib.util.spec_from_file_location("capture_cases", Path(__file__).with_name("cases.py"))
assert _spec is not None and _spec.loader is not None
capture_cases = importlib.util.module_from_spec(_spec)
sys.modules["capture_cases"] = capture_cases
_spec.loader.exec_module(capture_cases)


@pytest.fixture(scope="session")
def cases():
    missing = [n for n in ("obama", "biden", "obama-480p")
               if not (capture_cases.FACES_DIR / f"{n}.jpg").exists()]
    if missing:
        pytest.skip(f"test photos missing in {capture_cases.FACES_DIR}: {missing}")
    return capture_cases
