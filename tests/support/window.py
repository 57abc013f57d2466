"""The real window in a test: sized as on the field laptop (1366×768), shown, exposed and active."""

from __future__ import annotations


def show_window(qtbot, win) -> None:
    """Show `win` (closed by qtbot at the end of the test) and wait until it takes the keyboard."""
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=10_000)
