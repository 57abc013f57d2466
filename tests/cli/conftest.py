"""CLI fixtures: the `support` template profile with an operator and the seed master
data (cheap KDF, copied per test), the passphrase in the environment, `main` in-process.

`init` and `demo` tests use the real KDF.
People in the files are generated (`app.demo`, faker id_ID), never real.
"""

from __future__ import annotations

import pytest

from cli_support import SEED_REGIONS, TODAY
from support.profiles import PASSPHRASE


@pytest.fixture(scope="session")
def people() -> list[dict]:
    """40 generated residents as target rows (all valid)."""
    from app.demo import demo_residents, target_row

    return [target_row(r) for r in demo_residents(40, seed=23, today=TODAY)]


@pytest.fixture(scope="session")
def profile_options() -> dict:
    return {"operator": "Operator Uji", "regions": SEED_REGIONS}


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
