"""Pengaturan → "Ganti kata sandi": the dialog, its messages, and the session working on afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.session import Session
from app.store.errors import StoreError, WrongPassphrase
from app.ui.pages.settings import SettingsPage

from support.profiles import PASSPHRASE

NEW = "sandi-baru-jemput-2"


@pytest.fixture
def page(qtbot, session):
    p = SettingsPage(session)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    return p


def _open_dialog(qtbot, page):
    qtbot.mouseClick(page.change_passphrase, Qt.MouseButton.LeftButton)
    dialog = page.passphrase_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def _fill(qtbot, dialog, old: str, new: str, again: str) -> None:
    for field, text in ((dialog.old, old), (dialog.new, new), (dialog.again, again)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_change_passphrase_from_pengaturan(qtbot, page, session, profile_dir):
    dialog = _open_dialog(qtbot, page)
    assert all(f.echoMode() == f.EchoMode.Password for f in (dialog.old, dialog.new, dialog.again))

    # Mistakes the dialog catches itself: nothing is attempted.
    _fill(qtbot, dialog, PASSPHRASE, "pendek", "pendek")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "minimal 8 karakter" in dialog.message.text()
    _fill(qtbot, dialog, PASSPHRASE, NEW, NEW + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "tidak sama" in dialog.message.text()
    _fill(qtbot, dialog, PASSPHRASE, PASSPHRASE, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "berbeda" in dialog.message.text()

    # A wrong old passphrase is found by the worker; the dialog stays open.
    _fill(qtbot, dialog, "bukan-sandinya", NEW, NEW)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Kata sandi lama salah" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.old.hasFocus()

    # The right one: Enter in the last field submits.
    _fill(qtbot, dialog, PASSPHRASE, NEW, NEW)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert "Kata sandi diganti" in page.message.text()
    assert dialog.old.text() == dialog.new.text() == dialog.again.text() == ""

    # The window's session keeps working on the re-keyed profile.
    session.set_setting("server_url", "https://contoh.example")
    assert session.get_setting("server_url") == "https://contoh.example"
    assert session.store.integrity_check() == "ok"
    session.close()
    with pytest.raises(WrongPassphrase):
        Session.open(profile_dir, PASSPHRASE)
    again = Session.open(profile_dir, NEW)
    try:
        assert again.get_setting("server_url") == "https://contoh.example"
    finally:
        again.close()


def test_escape_closes_the_dialog_and_changes_nothing(qtbot, page, profile_dir, session):
    dialog = _open_dialog(qtbot, page)
    _fill(qtbot, dialog, PASSPHRASE, NEW, NEW)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert page.message.text() == ""
    session.close()
    Session.open(profile_dir, PASSPHRASE).close()


def test_demo_profile_passphrase_cannot_be_changed(qtbot, session):
    session.is_demo = True
    page = SettingsPage(session)
    qtbot.addWidget(page)
    assert not page.change_passphrase.isEnabled()
    assert "demo" in page.passphrase_hint.text()
    with pytest.raises(StoreError) as info:
        session.change_passphrase(PASSPHRASE, NEW)
    assert info.value.kind == "invalid"
