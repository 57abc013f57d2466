"""app.core stays pure: no Qt, no SQLite, no file or network access."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import app.core

CORE_DIR = Path(app.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "sqlite3", "_sqlite3", "sqlcipher3", "sqlite_utils", "cv2")
FORBIDDEN_IMPORTS = FORBIDDEN + (
    "os", "pathlib", "io", "socket", "requests", "urllib", "http", "shutil", "subprocess", "time",
)

PROBE = """
import importlib, json, pkgutil, sys
import app.core
names = sorted(m.name for m in pkgutil.iter_modules(app.core.__path__, "app.core."))
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted(sys.modules)}))
"""


def test_importing_all_of_core_loads_no_qt_or_sqlite():
    # A fresh interpreter: this pytest process may already hold Qt (pytest-qt).
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
        cwd=CORE_DIR.parent.parent, timeout=60,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert "app.core.validation" in report["modules"] and "app.core.regions" in report["modules"]
    loaded = report["loaded"]
    bad = [m for m in loaded if m.split(".")[0] in FORBIDDEN]
    assert bad == []


def test_core_sources_import_nothing_impure_and_open_no_files():
    files = sorted(CORE_DIR.glob("*.py"))
    assert len(files) >= 11
    for path in files:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        if source.strip():  # the empty package __init__ is exempt
            assert ast.get_docstring(tree), f"{path.name} needs a module docstring"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                roots = [(node.module or "").split(".")[0]]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("open", "input", "print", "exec", "eval"), (
                    f"{path.name}:{node.lineno} calls {node.func.id}()"
                )
                continue
            else:
                continue
            for root in roots:
                assert root not in FORBIDDEN_IMPORTS, f"{path.name}:{node.lineno} imports {root}"
