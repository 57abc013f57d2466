"""CLI fixtures: one encrypted profile per worker (cheap KDF), copied per test; file builders.

The real KDF is slow on purpose; the template is created with cheap argon2id
parameters through the store API (the parameters live in profile.json, so the
CLI opens the copies quickly). `init` and `demo` tests use the real KDF.
People in the files are generated (`app.demo`, faker id_ID), never real.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.store.database import create_profile
from app.store.operators import OperatorRepo
from app.store.regions_store import import_regions_csv
from app.store.settings import Settings
from cli_support import FAST_KDF, PASSPHRASE, SEED_REGIONS, TODAY


@pytest.fixture(scope="session")
def people() -> list[dict]:
    """40 generated residents as target rows (all valid)."""
    from app.demo import demo_residents, target_row

    return [target_row(r) for r in demo_residents(40, seed=23, today=TODAY)]


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("cli-template") / "profile"
    with create_profile(directory, PASSPHRASE, kdf_params=FAST_KDF) as store:
        with SEED_REGIONS.open(encoding="utf-8") as fh:
            import_regions_csv(store, fh)
        OperatorRepo(store).create("Operator Uji")
        Settings(store).set("min_recording_age", 16)
    return directory


@pytest.fixture
def profile_dir(template_profile, tmp_path) -> Path:
    directory = tmp_path / "profile"
    shutil.copytree(template_profile, directory)
    return directory


@pytest.fixture
def cli_env(monkeypatch):
    """The passphrase in the environment; no JEMPUT_HOME leaking in from outside."""
    monkeypatch.setenv("JEMPUT_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("JEMPUT_HOME", raising=False)


@pytest.fixture
def cli(cli_env, capsys):
    """Run `main(argv)` in-process; returns (exit code, stdout, stderr)."""
    from app.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
