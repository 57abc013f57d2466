"""tests/capture/cases.py (generated camera fault cases, the video writer) as the module `capture_cases`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CASES = Path(__file__).resolve().parents[1] / "capture" / "cases.py"


def capture_cases() -> ModuleType:
    """The cases module, loaded once (tests/ has no packages, hence the unique module name)."""
    if "capture_cases" in sys.modules:
        return sys.modules["capture_cases"]
    spec = importlib.util.spec_from_file_location("capture_cases", CASES)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["capture_cases"] = module
    spec.loader.exec_module(module)
    return module
