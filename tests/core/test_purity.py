"""app.core stays pure where imports cannot show it: no file, console or eval calls, a docstring per module.

What app.core may import (nothing of ours, no Qt, SQLite, OpenCV, network, files or
clock) is an import-linter contract in pyproject.toml, checked by tests/test_architecture.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import app.core

CORE_DIR = Path(app.core.__file__).parent
FORBIDDEN_CALLS = ("open", "input", "print", "exec", "eval")


def test_core_sources_call_no_io_and_say_what_they_hold():
    files = sorted(CORE_DIR.glob("*.py"))
    assert len(files) >= 11
    for path in files:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        if source.strip():  # the empty package __init__ is exempt
            assert ast.get_docstring(tree), f"{path.name} needs a module docstring"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}()"
