"""Daftar Warga's filter bar, sortable columns, count, the revisit list, and recording a visit outcome
through its dialog (real widgets offscreen, a real profile)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.core.categories import Category
from app.core.nik import build_nik
from app.core.outcomes import Outcome
from app.store.visits import VisitOutcomes
from app.ui.pages.targets import SHOW_ALL, TargetsModel, TargetsPage
from app.ui.workers import db_pool

KEL_A, KEL_B = "16.71.01.1001", "16.71.01.1002"
TODAY = dt.date.today()


def _born(years: int, days: int = 0) -> dt.date:
    try:
        day = TODAY.replace(year=TODAY.year - years)
    except ValueError:
        day = TODAY.replace(year=TODAY.year - years, day=28)
    return day + dt.timedelta(days=days)


@pytest.fixture
def people(session):
    """Eight residents: two kelurahan, RT 001-002, a lansia (60 today), a future pelajar, adults."""
    plan = [  # (kelurahan, rt, birth date, name)
        (KEL_A, "001", _born(60), "ADI LANSIA"),
        (KEL_A, "001", _born(17, 30), "BUDI PELAJAR"),
        (KEL_A, "002", _born(30), "CITRA"),
        (KEL_A, "002", _born(41), "DEDI"),
        (KEL_B, "001", _born(25), "EKA"),
        (KEL_B, "001", _born(70), "FAJAR LANSIA"),
        (KEL_B, "002", _born(35), "GITA"),
        (KEL_B, "002", _born(45), "HADI"),
    ]
    rows = []
    for serial, (kel, rt, born, name) in enumerate(plan, start=1):
        rows.append({"nik": build_nik("167101", born, "L", serial), "nama": name, "tanggal_lahir": born,
                     "jenis_kelamin": "L", "rt": rt, "rw": "001", "kelurahan_kode": kel})
    session.targets.upsert_many(rows)
    return {r["nama"]: r["nik"] for r in rows}


@pytest.fixture
def page(qtbot, session, people):
    p = TargetsPage(session)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    p.show_filter.setCurrentIndex(p.show_filter.findData(SHOW_ALL))
    qtbot.waitUntil(lambda: p.filters.kelurahan.count() == 3, timeout=10_000)
    yield p
    # Nothing may reach the store once the test's session closes: no pending typing pause, no task.
    p.filters._typing.stop()
    p._debounce.stop()
    db_pool().waitForDone(10_000)
    qtbot.wait(50)


def _names(page) -> list[str]:
    model = page.model
    return [model.name_at(r) for r in range(model.rowCount())]


def _shown(qtbot, page, number: int) -> None:
    qtbot.waitUntil(lambda: page.shown.text() == f"Ditampilkan: {number} warga", timeout=10_000)


def _choose(combo, data) -> None:
    index = combo.findData(getattr(data, "value", data))
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filters_narrow_the_list_and_the_count_follows(qtbot, page, people):
    _shown(qtbot, page, 8)
    _choose(page.filters.kelurahan, KEL_A)
    assert sorted(_names(page)) == ["ADI LANSIA", "BUDI PELAJAR", "CITRA", "DEDI"]
    _shown(qtbot, page, 4)
    qtbot.keyClicks(page.filters.rt, "2")  # typed without zeros: RT 002
    qtbot.waitUntil(lambda: sorted(_names(page)) == ["CITRA", "DEDI"], timeout=5000)
    _shown(qtbot, page, 2)
    page.filters.rt.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 4, timeout=5000)  # the typing pause passed: RT cleared
    _choose(page.filters.kelurahan, None)
    _choose(page.filters.category, Category.LANSIA)
    qtbot.waitUntil(lambda: sorted(_names(page)) == ["ADI LANSIA", "FAJAR LANSIA"], timeout=5000)
    _choose(page.filters.category, Category.PELAJAR)
    assert _names(page) == ["BUDI PELAJAR"]
    _shown(qtbot, page, 1)
    VisitOutcomes(page.session.store).mark([people["GITA"]], Category.DIFABEL)
    _choose(page.filters.category, Category.DIFABEL)
    assert _names(page) == ["GITA"]
    assert page.filters.category.currentText() == "Difabel"


def test_header_clicks_sort_all_pages(qtbot, page, people):
    header = page.table.horizontalHeader()
    column = TargetsModel.COLUMNS.index("nama")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert _names(page) == sorted(_names(page), reverse=True) and len(_names(page)) == 8
    page.table.sortByColumn(TargetsModel.COLUMNS.index("tanggal_lahir"), Qt.SortOrder.AscendingOrder)
    model = page.model
    births = [model.row_value(r, "tanggal_lahir") for r in range(model.rowCount())]
    assert births == sorted(births) and _names(page)[0] == "FAJAR LANSIA"
    assert header.sortIndicatorSection() == TargetsModel.COLUMNS.index("tanggal_lahir")


def test_recording_an_outcome_and_the_revisit_list(qtbot, page, people):
    model = page.model

    def select(name: str) -> None:
        row = _names(page).index(name)
        page.table.setCurrentIndex(model.index(row, 0))

    select("CITRA")
    dialog = page.ask_outcome()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert not dialog.revisit.isVisible()  # only for a revisit
    _choose(dialog.outcome, Outcome.KUNJUNGAN_ULANG)
    assert dialog.revisit.isVisible()
    assert [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())][-2:] == [
        "Sakit / minta kunjungan ulang", "Sudah rekam di tempat lain"]
    dialog.revisit.set_date(TODAY - dt.timedelta(days=1))  # in the past: refused, the dialog stays
    dialog._save()
    assert dialog.isVisible() and dialog.error.text() == "Tanggal kunjungan ulang tidak boleh sebelum hari kunjungan."
    dialog.revisit.set_date(TODAY + dt.timedelta(days=5))
    dialog.note.setText("demam")
    dialog._save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    for name, days in (("HADI", 2), ("EKA", 5)):
        select(name)
        d = page.ask_outcome()
        _choose(d.outcome, Outcome.KUNJUNGAN_ULANG)
        d.revisit.set_date(TODAY + dt.timedelta(days=days))
        d._save()
        qtbot.waitUntil(lambda d=d: not d.isVisible(), timeout=3000)
    select("DEDI")
    d = page.ask_outcome()
    _choose(d.outcome, Outcome.MENOLAK)
    d._save()
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=3000)

    row = _names(page).index("CITRA")
    text = model.data(model.index(row, TargetsModel.COLUMNS.index("outcome")))
    assert text == f"Sakit / minta kunjungan ulang ({(TODAY + dt.timedelta(days=5)).strftime('%d-%m-%Y')})"
    # Revisit list: by date, then kelurahan/RW/RT (EKA in KEL_B RT 001 after CITRA in KEL_A RT 002, same day).
    page.filters.revisits.setChecked(True)
    assert _names(page) == ["HADI", "CITRA", "EKA"]
    assert not page.filters.outcome.isEnabled()
    _shown(qtbot, page, 3)
    page.filters.revisits.setChecked(False)
    _choose(page.filters.outcome, Outcome.MENOLAK)
    assert _names(page) == ["DEDI"]
    _choose(page.filters.outcome, "belum")
    assert "CITRA" not in _names(page) and len(_names(page)) == 4
    [stored] = VisitOutcomes(page.session.store).history(people["DEDI"])
    assert stored.operator == "Operator Uji" and stored.sync_state == "pending"


def test_no_selection_opens_no_dialog_and_the_context_menu_offers_the_outcome(qtbot, page):
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    assert page.ask_outcome() is None
    rect = page.table.visualRect(page.model.index(1, 0))
    page._context_menu(rect.center())
    assert page.table.currentIndex().row() == 1
    nik = page.model.nik_at(1)
    actions = page.menu.actions()
    assert actions[0].text() == "Catat hasil kunjungan…"
    marks = {a.text(): a for a in actions[1].menu().actions()}
    assert list(marks) == ["Difabel", "Pelajar", "Tahanan (lapas/rutan)", "Pekerja (kunjungan perusahaan)",
                           "Perbatasan/terpencil"]  # lansia comes from the birth date only
    marks["Tahanan (lapas/rutan)"].setChecked(True)
    assert page.session.target_marks(nik) == {"tahanan"}
    page.menu.close()
    _choose(page.filters.category, Category.TAHANAN)
    assert [page.model.nik_at(r) for r in range(page.model.rowCount())] == [nik]
    page._context_menu(page.table.visualRect(page.model.index(0, 0)).center())
    [tahanan] = [a for a in page.menu.actions()[1].menu().actions() if a.isChecked()]
    tahanan.setChecked(False)
    assert page.session.target_marks(nik) == set() and page.model.rowCount() == 0
    page.menu.close()
