"""Constants shared by the UI tests and their fixtures."""

from app.store.keys import KdfParams

PASSPHRASE = "sandi-uji-jemput"
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)


def capture_cases():
    """tests/capture/cases.py (generated fault cases and video writer), loaded once."""
    import importlib.util
    import sys

    if "capture_cases" in sys.modules:
        return sys.modules["capture_cases"]
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "capture" / "cases.py"
    spec = importlib.util.spec_from_file_location("capture_cases", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["capture_cases"] = module
    spec.loader.exec_module(module)
    return module
