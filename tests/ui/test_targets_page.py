"""Daftar Warga: residents another team recorded are marked, filtered and counted, and starting
a recording for one asks first (Batal by default) without blocking it."""

from __future__ import annotations

import datetime as dt

import pytest
from faker import Faker
from PySide6.QtCore import Qt

from app.core.lifecycle import RecordingStatus
from app.core.nik import build_nik
from app.core.resident import Resident
from app.store.recordings import Recording
from app.ui.pages.targets import SHOW_ALL, SHOW_ELSEWHERE, SHOW_OPEN, TargetsModel, TargetsPage

KEL = "16.71.01.1001"
STATUS = TargetsModel.COLUMNS.index("status")


@pytest.fixture
def people(session):
    """Three generated residents: still open, recorded by another team (as the sync pull stores
    it), recorded on this laptop."""
    fake = Faker("id_ID")
    fake.seed_instance(4471)
    rows = []
    for serial, sex in enumerate("LPL", start=1):
        born = dt.date(1990, 1, 1) + dt.timedelta(days=serial * 97)
        first = fake.first_name_male() if sex == "L" else fake.first_name_female()
        rows.append({
            "nik": build_nik("167101", born, sex, serial), "nama": f"{first} {fake.last_name()}",
            "tanggal_lahir": born, "jenis_kelamin": sex, "alamat": fake.street_address(),
            "rt": "001", "rw": "002", "kelurahan_kode": KEL, "status_ktp": "BELUM REKAM",
        })
    open_, elsewhere, here = rows
    session.targets.upsert_many([open_, here, dict(elsewhere, recorded_elsewhere=True)], source="server")
    resident = Resident(nik=here["nik"], nama=here["nama"].upper(), kelurahan_kode=KEL, rt="001", rw="002")
    session.recordings.save(Recording.new(resident, status=RecordingStatus.COMPLETE), enqueue=False)
    return {"open": open_["nik"], "elsewhere": elsewhere["nik"], "here": here["nik"]}


@pytest.fixture
def page(qtbot, session, people):
    p = TargetsPage(session)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    qtbot.waitExposed(p)
    p.refresh()
    return p


def _show(page, key: str) -> None:
    page.show_filter.setCurrentIndex(page.show_filter.findData(key))
    assert page.model.show == key


def _statuses(page) -> dict[str, str]:
    model = page.model
    return {model.nik_at(row): model.data(model.index(row, STATUS)) for row in range(model.rowCount())}


def _press_enter_on(qtbot, page, nik: str) -> None:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.nik_at(r) == nik)
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_list_marks_filters_and_counts_residents_recorded_elsewhere(qtbot, page, people):
    # Default view: only residents nobody recorded yet.
    assert page.show_filter.currentData() == SHOW_OPEN
    assert _statuses(page) == {people["open"]: "BELUM REKAM"}
    qtbot.waitUntil(lambda: page.summary.text() == "3 target, 2 sudah direkam (1 oleh tim lain), 1 belum.",
                    timeout=10_000)  # counted on the database worker

    _show(page, SHOW_ALL)
    assert _statuses(page) == {
        people["open"]: "BELUM REKAM",
        people["elsewhere"]: "Sudah direkam tim lain",
        people["here"]: "Sudah direkam",
    }
    _show(page, SHOW_ELSEWHERE)
    assert _statuses(page) == {people["elsewhere"]: "Sudah direkam tim lain"}
    assert page.show_filter.currentText() == "Sudah direkam tim lain"


def test_recording_a_resident_recorded_elsewhere_asks_first(qtbot, page, people):
    started: list[str] = []
    page.enrollTarget.connect(started.append)
    _show(page, SHOW_ALL)

    # An open resident: straight to Rekam Baru, no question.
    _press_enter_on(qtbot, page, people["open"])
    assert started == [people["open"]] and page.confirm is None

    # Recorded by another team: a warning first; Enter again picks Batal (the default).
    _press_enter_on(qtbot, page, people["elsewhere"])
    box = page.confirm
    qtbot.waitUntil(box.isVisible, timeout=3000)
    assert box.text() == "Warga ini sudah direkam oleh tim lain. Tetap rekam?"
    assert box.defaultButton() is box.cancel_button and box.record_button.text() == "Tetap rekam"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    assert started == [people["open"]]

    # Asked again, the operator records anyway: not blocked.
    _press_enter_on(qtbot, page, people["elsewhere"])
    box = page.confirm
    qtbot.waitUntil(box.isVisible, timeout=3000)
    with qtbot.waitSignal(page.enrollTarget, timeout=3000) as signal:
        qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    assert signal.args == [people["elsewhere"]]
    assert started == [people["open"], people["elsewhere"]]


def test_report_counts_residents_recorded_by_another_team_once(qtbot, session, people):
    from app.ui.pages.reports import ReportsPage

    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()  # per kelurahan, on the database worker
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Kelurahan/Desa", "Target", "Di sini", "Diterima", "Tim lain", "Belum", "Capaian %"]
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    # One recorded here, one by another team (the server says), one still open.
    assert row[1:] == ["3", "1", "0", "1", "1", "66,7"]
    assert not page.empty.isVisible()


def test_a_double_click_starts_one_recording(qtbot, page, people):
    # A double-click is also an activation: the row must open once, not twice.
    started: list[str] = []
    page.enrollTarget.connect(started.append)
    _show(page, SHOW_ALL)
    row = next(r for r in range(page.model.rowCount()) if page.model.nik_at(r) == people["open"])
    rect = page.table.visualRect(page.model.index(row, 0))
    # The view emits doubleClicked and activated from the same event.
    viewport, left, at = page.table.viewport(), Qt.MouseButton.LeftButton, rect.center()
    qtbot.mouseClick(viewport, left, pos=at)  # a real double-click: click, then the second press
    qtbot.mouseDClick(viewport, left, pos=at)
    qtbot.mouseRelease(viewport, left, pos=at)
    assert started == [people["open"]]


def test_a_double_click_in_beranda_opens_the_recording_once(qtbot, session, people):
    from app.ui.pages.home import HomePage

    home = HomePage(session)
    qtbot.addWidget(home)
    home.resize(1200, 600)
    home.show()
    qtbot.waitExposed(home)
    home.refresh()
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=5000)
    opened: list[str] = []
    home.openRecording.connect(opened.append)
    viewport, left = home.table.viewport(), Qt.MouseButton.LeftButton
    at = home.table.visualRect(home.model.index(0, 0)).center()
    qtbot.mouseClick(viewport, left, pos=at)
    qtbot.mouseDClick(viewport, left, pos=at)
    qtbot.mouseRelease(viewport, left, pos=at)
    assert opened == [home.model.uuid_at(0)]
