"""Daftar Warga → "Warga belum ber-NIK…", driven by the keyboard on real widgets offscreen: a family with
no NIK/KK is registered (address, head of family, wife), an incomplete one is refused in the dialog with
the member named, the saved one is listed as waiting, and once the issued KK and NIKs are in the store
(as the status feed brings them) the list shows them and a member can be recorded with them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.nik import build_nik
from app.core.registration import Issued
from app.ui.pages.registration_dialog import RegistrationDialog
from app.ui.pages.registrations_list import RegistrationsDialog
from app.ui.pages.targets import TargetsPage
from app.ui.workers import db_pool


@pytest.fixture
def page(qtbot, session):
    p = TargetsPage(session)
    qtbot.addWidget(p)
    p.resize(1176, 740)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    yield p
    db_pool().waitForDone(10_000)


def _active(qtbot, window) -> None:
    """The offscreen platform does not always activate a dialog it opens (a desktop does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _focused(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)


def _type_and_tab(qtbot, text: str) -> None:
    """Type into the field that has the keyboard, then Tab to the next one."""
    widget = QApplication.focusWidget()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _member(qtbot, form: RegistrationDialog, values: list[str]) -> None:
    """Nama .. nama ibu in the form's Tab order, then Alt+T adds the member."""
    _focused(qtbot, form.nama)
    for value in values:
        widget = QApplication.focusWidget()
        if hasattr(widget, "selectAll"):
            widget.selectAll()
        _type_and_tab(qtbot, value)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)


def test_a_family_with_no_nik_is_registered_by_keyboard_and_its_issued_numbers_show(qtbot, page, session):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(page.registrations, RegistrationsDialog)
                    and page.registrations.isVisible(), timeout=5000)
    listing = page.registrations
    assert listing.table.rowCount() == 0
    _active(qtbot, listing)
    qtbot.keyClick(listing, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: listing.form is not None and listing.form.isVisible(), timeout=5000)
    form = listing.form
    _active(qtbot, form)
    _focused(qtbot, form.alamat)
    for value in ("Jorong Lubuk Sikarah", "7", "2", "Sumatera Barat", "Kota Solok", "Lubuk Sikarah", "Tanah Garam"):
        _type_and_tab(qtbot, value)
    assert form.regions.codes()["kelurahan"][0] == "13.72.01.1001"

    # Saving with no member: refused in the dialog, which stays open.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(form.error.isVisible, timeout=5000)
    assert "paling sedikit satu anggota" in form.error.text() and form.isVisible()

    form.nama.setFocus()
    _member(qtbot, form, ["Rahmat Hidayat", "Laki-laki", "Solok", "01021980", "Kepala Keluarga", "Islam",
                          "Kawin", "SLTA/Sederajat", "Petani/Pekebun", "Syafri", "Nurhayati"])
    assert len(form.members) == 1 and form.member_box.title().endswith("2")
    # The wife, typed as a man by mistake: refused with the member named.
    _member(qtbot, form, ["Siti Aminah", "Laki-laki", "Solok", "12031983", "Istri", "Islam", "Kawin",
                          "SLTP/Sederajat", "Mengurus Rumah Tangga", "", ""])
    assert [m.nama for m in form.members] == ["Rahmat Hidayat", "Siti Aminah"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Anggota ke-2" in form.error.text(), timeout=5000)
    assert "Istri" in form.error.text() and session.registrations.list() == []

    # Delete on the list removes her; she is added again, rightly.
    form.list.setFocus()
    form.list.setCurrentRow(1)
    qtbot.keyClick(form.list, Qt.Key.Key_Delete)
    assert [m.nama for m in form.members] == ["Rahmat Hidayat"]
    form.nama.setFocus()
    _member(qtbot, form, ["Siti Aminah", "Perempuan", "Solok", "12031983", "Istri", "Islam", "Kawin",
                          "SLTP/Sederajat", "Mengurus Rumah Tangga", "", ""])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)

    [held] = session.registrations.list()
    reg = held.registration
    assert [m.nama for m in reg.members] == ["RAHMAT HIDAYAT", "SITI AMINAH"]
    assert reg.address.rt == "007" and reg.address.kelurahan_kode == "13.72.01.1001"
    assert reg.members[0].tanggal_lahir == dt.date(1980, 2, 1) and reg.members[1].jenis_kelamin.value == "P"
    assert listing.table.rowCount() == 1 and listing.table.item(0, 3).text() == "Belum terkirim"
    assert not listing.enroll_button.isEnabled()  # no NIK yet: nothing to record

    # The office's numbers arrive (as the status feed brings them): the list shows them.
    niks = (build_nik("137201", dt.date(1980, 2, 1), "L", 31), build_nik("137201", dt.date(1983, 3, 12), "P", 32))
    kk = "1372010101260001"
    assert session.registrations.apply_issued([(held.uuid, Issued(kk, niks))]) == 1
    listing.refresh()
    assert listing.table.item(0, 3).text() == "NIK/KK sudah terbit" and listing.table.item(0, 4).text() == kk
    shown = [listing.members.item(i).text() for i in range(listing.members.count())]
    assert niks[0] in shown[0] and niks[1] in shown[1]

    # Alt+R records the chosen member: a resident pre-filled with the issued numbers and the address.
    got = []
    page.enrollResident.connect(got.append)
    _active(qtbot, listing)
    listing.members.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    [wife] = got
    assert (wife.nik, wife.no_kk, wife.nama, wife.kelurahan_kode, wife.rt) == (
        niks[1], kk, "SITI AMINAH", "13.72.01.1001", "007")
