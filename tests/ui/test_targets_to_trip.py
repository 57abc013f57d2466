"""Daftar Warga → "Tambahkan ke kunjungan…" by keyboard on real widgets: rows chosen with Shift+Down are
planned for the activated trip through the trips store, a repeat adds nothing new and says so, and an
ended trip is not offered."""

from __future__ import annotations

import datetime as dt

import pytest
from faker import Faker
from PySide6.QtCore import Qt

from app.core.nik import build_nik
from app.ui.pages.targets import SHOW_ALL, TargetsPage
from app.ui.pages.trip_assign_dialog import TripAssignDialog
from app.ui.workers import db_pool

TODAY = dt.date.today()
KEL = "16.71.01.1001"


@pytest.fixture
def niks(session) -> list[str]:
    fake = Faker("id_ID")
    fake.seed_instance(812)
    rows = []
    for serial in range(1, 6):
        born = dt.date(1950, 3, 1) + dt.timedelta(days=serial * 400)
        rows.append({"nik": build_nik("167101", born, "L", serial), "nama": f"{fake.first_name_male()} {serial}",
                     "tanggal_lahir": born, "jenis_kelamin": "L", "alamat": "JL. UJI", "rt": "001", "rw": "001",
                     "kelurahan_kode": KEL})
    session.targets.upsert_many(rows)
    return sorted(r["nik"] for r in rows)


@pytest.fixture
def page(qtbot, session, niks):
    p = TargetsPage(session)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    qtbot.waitExposed(p)
    p.show_filter.setCurrentIndex(p.show_filter.findData(SHOW_ALL))
    p.refresh()
    qtbot.waitUntil(lambda: p.model.rowCount() == 5, timeout=10_000)
    yield p
    db_pool().waitForDone(10_000)


def _choose_first_rows(qtbot, page, count: int) -> list[str]:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.selectRow(0)
    for _ in range(count - 1):
        qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    return [page.model.nik_at(r) for r in range(count)]


def _assign_by_keyboard(qtbot, page) -> TripAssignDialog:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.trip_dialog is not None and page.trip_dialog.isVisible(), timeout=5000)
    return page.trip_dialog


def test_chosen_rows_are_planned_for_the_active_trip(qtbot, page, session):
    trips = session.trips
    old = trips.create("Sudah lewat", "rumah", "Kel. Lama", TODAY - dt.timedelta(days=9),
                       TODAY - dt.timedelta(days=8), ["Ani"])
    other = trips.create("Sekolah", "sekolah", "SMA 1", TODAY, TODAY + dt.timedelta(days=3), ["Budi"])
    friday = trips.create("Jumat lansia", "rumah", "RW 001", TODAY, TODAY, ["Ani", "Citra"])
    trips.activate(friday.id, TODAY)

    chosen = _choose_first_rows(qtbot, page, 3)
    assert page.selected_niks() == chosen
    dialog = _assign_by_keyboard(qtbot, page)
    offered = [dialog.trip.itemData(i) for i in range(dialog.trip.count())]
    assert offered == [friday.id, other.id] and old.id not in offered  # the active one first; no ended trip
    qtbot.keyClick(dialog.trip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert sorted(p.nik for p in trips.planned(friday.id)) == sorted(chosen)
    assert page.shown.text().startswith("3 warga ditambahkan ke kunjungan Jumat lansia")

    # Again with one more row: only that one is new.
    chosen = _choose_first_rows(qtbot, page, 4)
    dialog = _assign_by_keyboard(qtbot, page)
    qtbot.keyClick(dialog.trip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert len(trips.planned(friday.id)) == 4 and trips.planned(other.id) == []
    assert page.shown.text().startswith("1 warga ditambahkan") and "(3 sudah direncanakan)" in page.shown.text()


def test_without_an_open_trip_nothing_can_be_added(qtbot, page, session):
    _choose_first_rows(qtbot, page, 2)
    dialog = _assign_by_keyboard(qtbot, page)
    assert not dialog.ok_button.isEnabled() and "Belum ada kunjungan" in dialog.error.text()
    qtbot.keyClick(dialog.trip, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
