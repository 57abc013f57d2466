"""Shared pytest set-up: the `support` fixtures, offscreen Qt, the `gui` mark, paths to test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["support.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESOURCES = ROOT / "resources"
QT_FIXTURES = frozenset({"qapp", "qtbot"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `gui` every test that needs a QApplication, so `pytest -m "not gui"` runs headless."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def seed_regions_csv() -> Path:
    return RESOURCES / "regions" / "seed_cities.csv"


@pytest.fixture(scope="session")
def national_regions_csv() -> Path:
    path = SHARED / "testdata" / "regions" / "wilayah_kemendagri_2025.csv"
    if not path.exists():
        pytest.skip(f"national master data not present at {path} (../shared is absent here)")
    return path
