"""Store fixtures: the bare profile of `support` (cheap KDF, copied per test) opened as a Store.

The real KDF is slow on purpose; one test checks the defaults separately.
"""

from __future__ import annotations

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
