"""Fixtures for the core tests: the seed master data as a RegionIndex."""

from __future__ import annotations

import pytest

from app.core.regions import RegionIndex


@pytest.fixture(scope="session")
def seed_index(seed_regions_csv) -> RegionIndex:
    with open(seed_regions_csv, encoding="utf-8", newline="") as f:
        return RegionIndex.from_csv(f)
