"""The idle lock on the real window: it fires after a short quiet period, hides the work area and
every other window, counts wrong passphrases in the profile, and opens for any active person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from app.core import roles
from app.store import people
from app.store.profile import read_profile
from support.profiles import PASSPHRASE
from support.window import unlocked_window

ANI = "jeruk-nipis-sepeda-41"


@pytest.fixture
def window(qtbot, profile_dir):
    win = unlocked_window(qtbot, profile_dir, PASSPHRASE)
    yield win
    win.close()


def _unlock(qtbot, win, passphrase: str) -> None:
    win.lock_page.passphrase.setText(passphrase)
    qtbot.keyClick(win.lock_page.passphrase, Qt.Key.Key_Return)


def test_idle_lock_fires_hides_data_and_opens_again(qtbot, window):
    assert window.idle is not None and window.idle.interval_ms == 5 * 60_000  # the default: 5 minutes
    dialog = QDialog(window)  # stands for the review dialog: a window of its own with a resident in it
    QVBoxLayout(dialog).addWidget(QLabel("SITI AMINAH 3171014509800001", dialog))
    dialog.open()
    qtbot.waitExposed(dialog)

    window.start_idle_lock(150)  # a short quiet period for the test
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert window.stack.currentWidget() is window.lock_page
    assert not window.main.isVisible() and not dialog.isVisible()
    visible_text = " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())
    assert "SITI AMINAH" not in visible_text
    window.start_idle_lock(60_000)  # or the window locks again 0.15 s after the unlock below, before the check

    _unlock(qtbot, window, "bukan-sandi-ini-ya")
    qtbot.waitUntil(lambda: window.lock_page.failures == 1, timeout=10_000)
    assert window.locked and not window.main.isVisible()
    assert "salah" in window.lock_page.message.text().lower()
    assert read_profile(window.data_dir).unlock["failures"] == 1  # counted where a restart keeps it

    _unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.main.isVisible() and dialog.isVisible()
    assert read_profile(window.data_dir).unlock == {}


def test_input_keeps_the_window_open(qtbot, window):
    window.start_idle_lock(60_000)
    qtbot.wait(300)
    before = window.idle.timer.remainingTime()
    assert window.main.nav.currentRow() == 0  # Up stays on Beranda: no page to build meanwhile
    qtbot.keyClick(window.main.nav, Qt.Key.Key_Up)  # any key or mouse input starts the period again
    assert window.idle.timer.remainingTime() > before
    assert not window.locked
    window.start_idle_lock(100)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)


def test_another_person_unlocks_and_works_under_their_name(qtbot, window):
    people.add_person(window.session.store, "Ani", roles.OPERATOR, ANI)
    window.start_idle_lock(100)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    window.start_idle_lock(60_000)  # or the window locks again 0.1 s after the unlock, before the check sees it
    _unlock(qtbot, window, ANI)
    qtbot.waitUntil(lambda: not window.locked, timeout=30_000)  # the pages are rebuilt: slow on a busy machine
    assert window.session.operator_name == "Ani"
    assert window.session.role == roles.OPERATOR
    labels = [w.text() for w in window.main.findChildren(QLabel)]
    assert "Operator: Ani" in labels  # the pages were built again for her
    assert not window.session.can(roles.SETTINGS)


def test_an_operator_sees_but_cannot_change_the_team_settings(qtbot, profile_dir):
    from app.core.messages import CodedError
    from app.session import Session
    from app.ui.pages.settings import SettingsPage

    admin = Session.open(profile_dir, PASSPHRASE)
    try:
        people.add_person(admin.store, "Ani", roles.OPERATOR, ANI)
        admin.set_setting("min_recording_age", 17)  # the admin may
    finally:
        admin.close()
    session = Session.open(profile_dir, ANI)
    try:
        for change in (lambda: session.set_setting("min_recording_age", 15),
                       lambda: session.set_photo_thresholds({"min_sharpness": 5000.0}),
                       lambda: session.set_setting("idle_lock_minutes", 0)):
            with pytest.raises(CodedError) as info:
                change()
            assert info.value.code == "role.forbidden" and "mengubah pengaturan" in info.value.message
        session.set_setting("camera_source", "1")  # her own camera choice is hers
        assert session.get_setting("min_recording_age") == 17
        page = SettingsPage(session)
        qtbot.addWidget(page)
        assert not page.min_age.isEnabled() and not page.idle_minutes.isEnabled()
        assert not page.thresholds["min_sharpness"].isEnabled()
        page._save()  # saves her own choices only, refuses nothing
        assert session.get_setting("min_recording_age") == 17
    finally:
        session.close()
