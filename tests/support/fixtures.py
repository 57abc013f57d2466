"""Fixtures every test folder shares, registered once by tests/conftest.py (`pytest_plugins`).

A folder says what its template profile holds by overriding `profile_options`
in its conftest.py (the `build_profile` options); `template_profile` and
`profile_dir` then give that kind of profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.profiles import ProfileTemplates


@pytest.fixture(scope="session")
def profile_templates(tmp_path_factory) -> ProfileTemplates:
    """The template profiles of this test worker, each built on first use."""
    return ProfileTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def profile_options() -> dict:
    """What this folder's template profile holds (`build_profile` options): a bare store here."""
    return {}


@pytest.fixture(scope="session")
def template_profile(profile_templates, profile_options) -> Path:
    """This folder's template profile (read it, copy it; never change it)."""
    return profile_templates.template(**profile_options)


@pytest.fixture
def profile_dir(profile_templates, profile_options, tmp_path) -> Path:
    """A fresh copy of this folder's template profile (PASSPHRASE opens it)."""
    return profile_templates.copy(tmp_path / "profile", **profile_options)


@pytest.fixture(scope="session")
def moto_s3():
    """A local S3-compatible server (moto) of this test worker, on 127.0.0.1 (`support.s3`)."""
    from support.s3 import MotoS3

    server = MotoS3()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throw-away PostgreSQL cluster per test worker (skips, or fails under CI, without one)."""
    from support.postgres import PostgresCluster

    cluster = PostgresCluster()
    yield cluster
    cluster.stop()
