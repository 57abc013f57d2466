"""The translation tool (`resources/i18n/update.py`, not a package) loaded for tests, and its Qt tools."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def update_module():
    """`resources/i18n/update.py` as a module (`make translations` runs it as a script)."""
    spec = importlib.util.spec_from_file_location("jemput_i18n_update", ROOT / "resources" / "i18n" / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def qt_tool(update, name: str) -> str:
    """Path of Qt's `name` (lupdate/lrelease) from the PySide6 wheel; skips when PySide6 ships none."""
    try:
        return update.qt_tool(name)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
