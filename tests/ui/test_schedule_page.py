"""Jadwal page on real widgets offscreen over a real profile: an RT is chosen, slots planned (capacity shown),
residents invited in a seeded random order, the farthest RT marked, and the three papers saved as PDFs read back
with pdftotext; a bad window is refused with the rule's words. Also renders the page at 1366×768 to a PNG
(``JEMPUT_SHOTS`` or the test's tmp dir) for a human look."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTime

from app.ui.pages.schedule import SchedulePage
from app.ui.workers import db_pool
from support.schedule_data import add_rt_targets, rt_keys

MONDAY = dt.date(2026, 12, 7)


@pytest.fixture
def page(qtbot, session):
    rows = add_rt_targets(session.store, rt_keys(2), 60)
    p = SchedulePage(session, today=MONDAY)
    p.rows = rows
    qtbot.addWidget(p)
    p.resize(1176, 740)
    p.show()
    qtbot.waitExposed(p)
    p.refresh()
    qtbot.waitUntil(lambda: p.rt_box.count() == 2, timeout=10_000)
    yield p
    db_pool().waitForDone(10_000)


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    db_pool().waitForDone(10_000)
    qtbot.wait(50)


def test_plan_invite_and_print(qtbot, page, tmp_path):
    assert "RT 001/RW 003" in page.rt_box.itemText(0) and "60 target" in page.rt_box.itemText(0)
    assert not page.assign_button.isEnabled()  # no slots yet
    page.place.setText("Balai RW 03")
    page.start.setTime(QTime(8, 0))
    page.end.setTime(QTime(10, 0))
    page.sets.setValue(2)
    page.minutes.setValue(6)
    assert page.capacity.text() == "40 warga per jadwal"
    page.plan_button.click()
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    assert "2 jadwal baru" in page.message.text()
    assert page.table.item(0, 1).text() == "08.00\u201310.00" and page.table.item(0, 3).text() == "40"

    page.at_random.setChecked(True)
    page.seed.setValue(2026)
    page.assign_button.click()
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.table.item(1, 4) is not None and page.table.item(1, 4).text() == "20", timeout=10_000)
    assert page.message.text() == "60 warga diundang."
    assert "60 diundang" in page.rt_box.itemText(0)

    page.farthest.click()
    _idle(qtbot, page)
    assert "terjauh" in page.message.text()

    shots = Path(os.environ.get("JEMPUT_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(shots / "jadwal.png"))

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext missing: install Debian's poppler-utils (.ci/run does)")
    names = {r["nama"].upper() for r in page.rows if r["rt"] == "001"}
    for action, stem, expected in ((page.print_invitations, "undangan", "UNDANGAN PEREKAMAN KTP-EL"),
                                   (page.print_rt_list, "daftar-rt", "Jumlah: 60 warga"),
                                   (page.print_pickups, "jemputan", "Jumlah: 60 warga")):
        path = tmp_path / f"{stem}.pdf"
        action(str(path))
        qtbot.waitUntil(lambda p=path: page.message.text().startswith("PDF disimpan") and p.exists(), timeout=20_000)
        _idle(qtbot, page)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert expected in text
        assert sum(1 for n in names if n[:20] in text) == 60
    printed = page.session.store.query("SELECT count(*) FROM schedule_invitations WHERE printed_at IS NOT NULL")
    assert printed[0][0] == 60


def test_bad_window_is_refused_in_words(qtbot, page):
    page.place.setText("")
    page.plan_button.click()
    assert page.message.text() == "Tempat perekaman wajib diisi."
    page.place.setText("Balai")
    page.start.setTime(QTime(10, 0))
    page.end.setTime(QTime(9, 0))
    assert page.capacity.text() == "Jam selesai harus sesudah jam mulai."
    page.plan_button.click()
    assert page.message.text() == "Jam selesai harus sesudah jam mulai."
    _idle(qtbot, page)
    assert page.table.rowCount() == 0


def test_invitations_print_once_unless_asked_again(qtbot, page, tmp_path):
    page.place.setText("Balai RW 03")
    page.plan_button.click()
    _idle(qtbot, page)
    page.assign_button.click()
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() == "60 warga diundang.", timeout=10_000)
    first = tmp_path / "pertama.pdf"
    page.print_invitations(str(first))
    qtbot.waitUntil(lambda: page.message.text().startswith("PDF disimpan"), timeout=20_000)
    _idle(qtbot, page)
    page.print_invitations(str(tmp_path / "kedua.pdf"))
    qtbot.waitUntil(lambda: page.message.text().startswith("Tidak ada undangan untuk dicetak"), timeout=10_000)
    _idle(qtbot, page)
    assert not (tmp_path / "kedua.pdf").exists()
    page.only_new.setChecked(False)
    page.print_invitations(str(tmp_path / "ulang.pdf"))
    qtbot.waitUntil(lambda: (tmp_path / "ulang.pdf").exists() and page.message.text().startswith("PDF disimpan"),
                    timeout=20_000)
    assert (tmp_path / "ulang.pdf").stat().st_size > 0


def test_deleting_a_slot_frees_its_residents(qtbot, page):
    page.place.setText("Balai RW 03")
    page.plan_button.click()
    _idle(qtbot, page)
    page.assign_button.click()
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() == "60 warga diundang.", timeout=10_000)
    rows = page.table.rowCount()
    page.table.selectRow(0)
    page.delete_slot(confirmed=True)  # the question box is answered: yes
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.table.rowCount() == rows - 1, timeout=10_000)
    assert page.message.text() == "Jadwal dihapus; warganya dapat diundang lagi."
    assert "60 target" in page.rt_box.itemText(0) and "60 diundang" not in page.rt_box.itemText(0)
