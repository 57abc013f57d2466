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
