"""Store fixtures: one encrypted profile built per session, copied per test.

The real KDF is slow on purpose; the template profile uses cheap argon2id
parameters (`FAST_KDF`), and one test checks the defaults separately.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from faker import Faker

from app.store.database import Store, create_profile, open_profile
from store_support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("template") / "profile"
    create_profile(directory, PASSPHRASE, kdf_params=FAST_KDF).close()
    return directory


@pytest.fixture
def profile_dir(template_profile, tmp_path) -> Path:
    directory = tmp_path / "profile"
    shutil.copytree(template_profile, directory)
    return directory


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
