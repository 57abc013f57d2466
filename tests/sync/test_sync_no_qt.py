"""The sync client and its command line work without Qt (``jemput sync`` on a headless box)."""

from __future__ import annotations

import subprocess
import sys


def test_sync_client_and_cli_import_without_qt():
    code = ("import sys, sync.client, app.cli.sync; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
