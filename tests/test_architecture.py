"""The design's arrows, executable: the import-linter contracts in pyproject.toml hold for app/ and sync/.

The contracts say what DESIGN.md draws: `app.core` imports nothing of ours and no
Qt, SQLite, OpenCV, network or file access; only `app.ui` imports PySide6 (the
rest imports without it, even through what it imports); `sync.protocol` imports
nothing from `app`; `sync.server` imports no `app.store`; `app.store`,
`sync.client`, `app.capture` and `app.targetfile` build only on what is below
them; and the layers ui > session > sync.client > store > core. The second test
shows the same contracts catch a breach, on a copy of the tree with one bad import.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LINT = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess:
    """lint-imports over the app/ and sync/ found in `tree` (a child process: grimp reads sys.path)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([str(LINT), str(PYPROJECT), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_contracts_cover_the_designs_arrows():
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    assert {c["id"] for c in contracts} >= {
        "core-pure", "qt-only-in-ui", "protocol-standalone", "server-no-store", "store-on-core",
        "sync-client-deps", "leaf-packages", "layers"}


def test_the_code_keeps_every_contract():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_breach_is_caught(tmp_path):
    for package in ("app", "sync"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    nik = tmp_path / "app" / "core" / "nik.py"
    nik.write_text(nik.read_text(encoding="utf-8") + "\nfrom app.store import database  # noqa\n",
                   encoding="utf-8")
    protocol = tmp_path / "sync" / "protocol.py"
    protocol.write_text(protocol.read_text(encoding="utf-8") + "\nimport PySide6  # noqa\n",
                        encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "app.core.nik -> app.store.database" in out
    assert "sync.protocol -> PySide6" in out
    # core-pure, layers, and through app.core every package that may use it (the server,
    # capture/targetfile); Qt in the shared protocol breaks the headless and the protocol contracts.
    assert "Contracts: 2 kept, 6 broken." in out
