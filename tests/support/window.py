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


def unlocked_window(qtbot, data_dir, passphrase: str):
    """The real window on `data_dir`, shown and unlocked with `passphrase` (the work area built)."""
    from PySide6.QtCore import Qt

    from app.ui.main_window import AppWindow

    win = AppWindow(data_dir)
    show_window(qtbot, win)
    win.unlock.passphrase.setText(passphrase)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)
    return win
