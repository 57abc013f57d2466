"""Crash-test driver: the real window (offscreen) unlocks a profile, types into a new form and waits.

Run by tests/ui/test_drafts.py, which kills it with SIGKILL once the autosave is on disk:
    python tests/ui/draft_crash_driver.py PROFILE_DIR PASSPHRASE NIK NAMA
Prints "typed" after the last keystroke, then "autosaved UUID" when the form's draft is on disk
(nothing but the timer saves it: no key or button asks for a save).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parents[2])]

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.main_window import AppWindow  # noqa: E402

DEADLINE_S = 20


def _wait(app: QApplication, predicate) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("driver: timed out")
        app.processEvents()
        time.sleep(0.01)


def main(directory: str, passphrase: str, nik: str, nama: str) -> None:
    app = QApplication([])
    win = AppWindow(Path(directory))
    win.resize(1366, 740)
    win.show()
    win.activateWindow()
    _wait(app, win.isActiveWindow)
    QTest.keyClicks(win.unlock.passphrase, passphrase)
    QTest.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    _wait(app, lambda: win.main is not None)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = win.main.enroll.form
    _wait(app, lambda: QApplication.focusWidget() is form.nik)
    QTest.keyClicks(form.nik, nik)
    QTest.keyClicks(form.nama, nama)
    print("typed", flush=True)
    win.main.enroll.saved.connect(lambda uuid, _complete: print("autosaved", uuid, flush=True))
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:5])
