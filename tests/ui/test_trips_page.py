"""Kunjungan page, driven by the keyboard on real widgets offscreen: a trip is created, refused with the
rule's words, activated (the page says so), a school's class list is imported and split by the day, and a
card's delivery is recorded; the window's status bar shows the active trip. Also renders the page at
1366×768 to a PNG (``JEMPUT_SHOTS`` or the test's tmp dir) for a human look."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.nik import build_nik
from app.ui.pages.trip_dialogs import CardDialog, TripDialog
from app.ui.pages.trips import TripsPage
from app.ui.workers import db_pool

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, session):
    p = TripsPage(session)
    qtbot.addWidget(p)
    p.resize(1176, 740)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    yield p
    db_pool().waitForDone(10_000)


def _alt(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def _back(qtbot, page) -> None:
    """The offscreen platform activates no window after a dialog closes (a desktop returns to the parent)."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)


def _dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _new_trip(qtbot, page, name, kind_index, place, team, end_days=0):
    _alt(qtbot, page, Qt.Key.Key_B)
    dialog = _dialog(qtbot, page, TripDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=5000)
    qtbot.keyClicks(dialog.name, name)
    dialog.type.setFocus()
    for _ in range(kind_index):
        qtbot.keyClick(dialog.type, Qt.Key.Key_Down)
    _type(qtbot, dialog.place, place)
    if end_days:
        _type(qtbot, dialog.end.edit if hasattr(dialog.end, "edit") else dialog.end,
              (TODAY + dt.timedelta(days=end_days)).strftime("%d%m%Y"))
    _type(qtbot, dialog.team, team)
    qtbot.keyClick(dialog.team, Qt.Key.Key_Return)
    return dialog


def test_create_refuse_activate_by_keyboard(qtbot, page, session):
    assert page.active_label.text() == "Tidak ada kunjungan aktif"
    dialog = _new_trip(qtbot, page, "Perbatasan Sungai Abu", 4, "Desa Sungai Abu", "Ani, Budi")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)  # a border trip of one day: refused
    assert "menginap" in dialog.error.text() and dialog.isVisible()
    assert session.trips.list() == []
    qtbot.keyClick(dialog.team, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    _back(qtbot, page)

    dialog = _new_trip(qtbot, page, "Jemput Bola RW 03", 0, "Kel. Tanah Garam", "Ani, Budi")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    _back(qtbot, page)
    (trip,) = session.trips.list()
    assert (trip.name, trip.type.value, trip.team) == ("Jemput Bola RW 03", "rumah", ("Ani", "Budi"))
    assert page.trips.rowCount() == 1 and page.trips.item(0, 1).text() == "Rumah (lansia/difabel)"
    assert "Tekan Aktifkan (Alt+A)" in page.message.text()  # saved is not active: the page says how

    _alt(qtbot, page, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: session.trips.active(TODAY) is not None, timeout=5000)
    assert page.active_label.text() == "Kunjungan aktif: Jemput Bola RW 03 (Rumah (lansia/difabel))"
    assert page.trips.item(0, 5).text() == "Aktif"
    _alt(qtbot, page, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: session.trips.activated() is None, timeout=5000)
    assert page.active_label.text() == "Tidak ada kunjungan aktif"


def _class_file(tmp_path: Path) -> tuple[Path, list[str]]:
    ages = [(15, 0), (16, 40), (17, 5), (14, 0)]
    lines, niks = ["NIK;Nama Siswa;Tgl Lahir;JK;Kelas"], []
    for i, (years, days) in enumerate(ages):
        born = TODAY.replace(year=TODAY.year - years) - dt.timedelta(days=days) \
            if not (TODAY.month == 2 and TODAY.day == 29) else dt.date(TODAY.year - years, 2, 28)
        nik = build_nik("137201", born, "P", i + 1)
        niks.append(nik)
        lines.append(f"{nik};Siswi {'ABCD'[i]};{born.strftime('%d/%m/%Y')};P;X-{i % 2 + 1}")
    path = tmp_path / "kelas X.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, niks


def test_school_class_list_split_and_card_delivery(qtbot, page, session, tmp_path):
    trip = session.trips.create("SMAN 1 Solok kelas X", "sekolah", "SMAN 1 Solok", TODAY, TODAY, ["Ani"])
    page.refresh()
    page.trips.selectRow(0)
    path, niks = _class_file(tmp_path)
    page.import_class_list(str(path))  # what the file chooser hands over
    qtbot.waitUntil(lambda: page.class_list.rowCount() == 4, timeout=10_000)
    assert "4 siswa baru" in page.message.text()
    assert page.split_label.text() == ("4 siswa: 2 belum dapat direkam · 1 rekam awal (kartu ditahan sampai 17)"
                                       " · 1 dapat direkam")
    statuses = {page.class_list.item(r, 0).text(): page.class_list.item(r, 3).text() for r in range(4)}
    assert statuses["SISWI A"].startswith("Belum dapat direkam — mulai ")
    assert statuses["SISWI B"].startswith("Rekam awal: kartu ditahan sampai 17 (")
    assert statuses["SISWI C"] == "Dapat direkam"
    assert len(session.trips.planned(trip.id)) == 4

    page.tabs.setCurrentIndex(1)
    page.class_list.setFocus()
    row = next(r for r in range(4) if page.class_list.item(r, 0).text() == "SISWI B")
    qtbot.keyClick(page.class_list, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(page.class_list, Qt.Key.Key_Down)
    _alt(qtbot, page, Qt.Key.Key_K)
    dialog = _dialog(qtbot, page, CardDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.receiver, timeout=5000)
    qtbot.keyClicks(dialog.receiver, "Bu Rina (TU)")
    qtbot.keyClick(dialog.receiver, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    got = {s.nama: s for s in session.school.students(trip.id)}["SISWI B"]
    assert (got.card_received_by, got.card_received_on) == ("Bu Rina (TU)", TODAY)
    row = next(r for r in range(4) if page.class_list.item(r, 0).text() == "SISWI B")
    assert page.class_list.item(row, 4).text().startswith("Bu Rina (TU), ")

    session.trips.activate(trip.id, TODAY)
    page.refresh()
    shots = Path(os.environ.get("JEMPUT_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.resize(1176, 740)
    assert page.grab().save(str(shots / "kunjungan.png"))


def test_the_window_status_bar_shows_the_active_trip(qtbot, tmp_path, profile_dir):
    from app.session import Session
    from app.ui.main_window import AppWindow
    from support.profiles import PASSPHRASE
    from support.window import show_window

    session = Session.open(profile_dir, PASSPHRASE)
    trip = session.trips.create("Lapas Kelas IIB Solok", "lapas", "Lapas Solok", TODAY, TODAY, ["Ani"])
    session.trips.activate(trip.id, TODAY)
    session.close()
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    try:
        win.try_unlock(PASSPHRASE)
        qtbot.waitUntil(lambda: win.main is not None, timeout=20_000)
        qtbot.waitUntil(lambda: win.trip_label.isVisible(), timeout=10_000)
        assert win.trip_label.text() == "Kunjungan aktif: Lapas Kelas IIB Solok (Lapas/rutan)"
        qtbot.keyClick(win.main.nav, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
        assert win.main.stack.currentWidget() is win.main.trips
        shots = Path(os.environ.get("JEMPUT_SHOTS") or tmp_path)
        win.resize(1366, 768)
        assert win.grab().save(str(shots / "kunjungan_window.png"))
        assert win.statusBar().grab().save(str(shots / "kunjungan_status.png"))
        _alt(qtbot, win.main.trips, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: not win.trip_label.isVisible(), timeout=5000)
    finally:
        win.close()


def test_plan_targets_from_a_nik_file_and_a_bad_class_list(qtbot, page, session, tmp_path):
    trip = session.trips.create("Lapas Kelas IIB Solok", "lapas", "Lapas Solok", TODAY, TODAY, ["Ani"])
    page.refresh()
    page.trips.selectRow(0)
    born = dt.date(1990, 5, 17)
    niks = [build_nik("137201", born, "L", i + 1) for i in range(3)]
    path = tmp_path / "warga binaan.csv"
    path.write_text("NIK;NAMA\n" + "\n".join(f"{n[:4]} {n[4:]};WARGA" for n in niks) + "\n", encoding="utf-8")
    page.plan_from_file(str(path))
    assert page.message.text() == "3 NIK direncanakan (3 baru); 1 baris tanpa NIK dilewati."
    assert page.planned.rowCount() == 3 and page.planned.item(0, 4).text() == "belum dikunjungi"
    assert sorted(p.nik for p in session.trips.planned(trip.id)) == sorted(niks)
    assert not page.tabs.isTabEnabled(1)  # no class list for a prison trip

    school = session.trips.create("SMP 1", "sekolah", "SMPN 1 Solok", TODAY, TODAY, ["Ani"])
    page.refresh()
    page._select(school.id)
    bad = tmp_path / "kelas.csv"
    bad.write_text("NIK,Nama,Kelas\n" + niks[0] + ",Siswa,IX\n", encoding="utf-8")
    page.import_class_list(str(bad))
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=10_000)
    assert page.message.text().startswith("kolom tidak ada di baris judul: tanggal_lahir, jenis_kelamin")
    assert session.school.students(school.id) == []
