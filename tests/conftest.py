"""Shared pytest fixtures: paths to test data, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESOURCES = ROOT / "resources"


@pytest.fixture(scope="session")
def seed_regions_csv() -> Path:
    return RESOURCES / "regions" / "seed_cities.csv"


@pytest.fixture(scope="session")
def national_regions_csv() -> Path:
    path = SHARED / "testdata" / "regions" / "wilayah_kemendagri_2025.csv"
    if not path.exists():
        pytest.skip(f"national master data not present at {path} (../shared is absent here)")
    return path
