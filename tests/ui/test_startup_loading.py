"""What loads when: the unlock screen without the heavy modules; the store on a background thread behind it,
then the work area with its landing page (Beranda) only; the sync client and the other pages once Beranda shows
(tests/ui/test_lazy_pages.py).

Each check runs in a fresh interpreter (this test process has everything loaded already).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("cv2", "numpy", "sqlite_utils", "sync.client", "pydantic", "requests", "importlib.metadata",
         "app.session", "app.ui.main_area", "app.ui.pages.home", "app.ui.pages.enroll", "PySide6.QtCharts",
         "openpyxl", "zxcvbn", "app.biometrics.client")

SCRIPT = r"""
import sys, time
from pathlib import Path
from app.cli.parser import build_parser
build_parser()
from app.ui.app import make_app
from app.ui.main_window import AppWindow
app = make_app()
window = AppWindow(Path(sys.argv[1]))
window.show()
before = sorted(m for m in {heavy!r} if m in sys.modules)
app.processEvents()  # the first event loop turn: the background preload starts
window._preloader.join(120)
after_thread = sorted(m for m in {heavy!r} if m in sys.modules)
window._preload(wait=True)
after_all = sorted(m for m in {heavy!r} if m in sys.modules)
print("BEFORE", ",".join(before))
print("THREAD", ",".join(after_thread), window._preloader.name)
print("ALL", ",".join(after_all))
window.close()
"""


def _run(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT.replace("{heavy!r}", repr(HEAVY)), str(tmp_path / "profil")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    return lines


def test_the_first_screen_loads_none_of_the_heavy_modules_and_a_thread_loads_the_store_behind_it(tmp_path):
    lines = _run(tmp_path)
    assert lines["BEFORE"] == ""  # not cv2, numpy, the store's sqlite_utils, the sync client...
    thread_part, name = lines["THREAD"].rsplit(" ", 1)
    # The GUI thread has not imported the pages yet; the background thread brought the store.
    assert name == "jemput-preload"
    loaded = set(thread_part.split(","))
    assert {"app.session", "sqlite_utils"} <= loaded
    assert "app.ui.main_area" not in loaded
    after_all = set(lines["ALL"].split(","))
    assert {"app.ui.main_area", "app.ui.pages.home"} <= after_all
    # What only the other pages or the sync need waits until Beranda shows (or the page opens).
    assert not after_all & {"cv2", "sync.client", "pydantic", "requests", "app.ui.pages.enroll",
                            "PySide6.QtCharts", "openpyxl", "zxcvbn", "app.biometrics.client"}


def test_version_is_looked_up_only_when_asked():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("jemput ") and out.stdout.strip() != "jemput"
