"""Store fixtures: the bare profile of `support` (cheap KDF, copied per test) opened as a Store.

The real KDF is slow on purpose; one test checks the defaults separately.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from faker import Faker

from app.store.database import Store, open_profile
from support.profiles import PASSPHRASE


@pytest.fixture
def store(profile_dir) -> Store:
    s = open_profile(profile_dir, PASSPHRASE)
    yield s
    s.close()


@pytest.fixture
def fake() -> Faker:
    f = Faker("id_ID")
    f.seed_instance(20240117)
    return f


LEGACY_PROFILE = Path(__file__).resolve().parents[1] / "data" / "legacy-profile"


@pytest.fixture
def legacy_dir(tmp_path) -> Path:
    """A one-passphrase (format 1) profile made by the code before key slots, with 5 recordings
    (tests/data/legacy-profile/made_by.py; PASSPHRASE opens it)."""
    directory = tmp_path / "satu-sandi"
    directory.mkdir(mode=0o700)
    for name in ("jemput.db", "profile.json"):
        shutil.copy(LEGACY_PROFILE / name, directory / name)
    return directory

