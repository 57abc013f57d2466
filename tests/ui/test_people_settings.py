"""Pengaturan → Pengguna on real widgets: an admin adds and removes people; an operator does not see it."""

from __future__ import annotations

from app.session import Session
from app.store.database import open_profile
from app.store.errors import WrongPassphrase
from app.ui.pages.settings import SettingsPage
from support.profiles import PASSPHRASE

ANI = "jeruk-nipis-sepeda-41"


def _names(box) -> list[str]:
    return [box.people.item(i).text() for i in range(box.people.count())]


def test_an_admin_adds_and_removes_a_person(qtbot, session, profile_dir):
    page = SettingsPage(session)
    qtbot.addWidget(page)
    box = page.people_box
    assert box is not None and _names(box) == ["Operator Uji — admin"]

    box.name.setText("Ani")
    box.passphrase.setText("12345678")
    box.add_button.click()
    qtbot.waitUntil(lambda: box.add_button.isEnabled() and bool(box.message.text()), timeout=10_000)
    assert "terlalu mudah ditebak" in box.message.text() and len(_names(box)) == 1

    box.passphrase.setText(ANI)
    box.add_button.click()
    qtbot.waitUntil(lambda: len(_names(box)) == 2, timeout=10_000)
    assert "Ani — operator" in _names(box)
    open_profile(profile_dir, ANI).close()  # her own passphrase opens the profile

    box.people.setCurrentRow(1)
    box.remove_button.click()
    qtbot.waitUntil(lambda: len(_names(box)) == 1, timeout=10_000)
    assert "dihapus" in box.message.text()
    try:
        open_profile(profile_dir, ANI).close()
        raise AssertionError("a removed person's passphrase must open nothing")
    except WrongPassphrase:
        pass


def test_an_operator_has_no_people_section(qtbot, session, profile_dir):
    from app.core import roles
    from app.store import people

    people.add_person(session.store, "Ani", roles.OPERATOR, ANI)
    operator = Session.open(profile_dir, ANI)
    try:
        page = SettingsPage(operator)
        qtbot.addWidget(page)
        assert page.people_box is None
    finally:
        operator.close()
    assert Session.open(profile_dir, PASSPHRASE).close() is None
