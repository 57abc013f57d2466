"""app.capture must import without Qt (only app.ui imports PySide6)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CAPTURE = Path(__file__).resolve().parents[2] / "app" / "capture"


def test_capture_imports_without_pyside6():
    code = (
        "import sys\n"
        "import app.capture.camera, app.capture.face, app.capture.quality, app.capture.background\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=CAPTURE.parents[1], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_pyside6_import_in_capture_sources():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    sources = list(CAPTURE.glob("*.py"))
    assert len(sources) >= 5
    for path in sources:
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name
