"""Daftar Warga's "Impor daftar target…": the same import as `jemput import-targets`, off the GUI thread,
with progress, Batal (nothing of the import stays, as with Ctrl+C), a summary, an owner-only report of the
refused lines beside the file, and a clear message for a file that is no target list."""

from __future__ import annotations

import csv
import datetime as dt
import random
import stat
import threading

import openpyxl
import pytest
from faker import Faker
from PySide6.QtCore import Qt, QTimer

from app.core.nik import build_nik
from app.ui.pages.targets import SHOW_ALL, TargetsPage
from app.ui.pages.targets_import import TargetImport
from support.people import GeneratedPeople

HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode", "status_ktp"]


@pytest.fixture
def residents(session) -> list[dict]:
    fake = Faker("id_ID")
    fake.seed_instance(9120)
    people = GeneratedPeople(session.regions, fake, random.Random(9120))
    return [people.resident_data(None, dt.date(2026, 3, 1)) for _ in range(40)]


def _cells(p: dict) -> list[str]:
    return [p[name] if name != "status_ktp" else "BELUM REKAM" for name in HEADER]


def _write_csv(path, rows: list[list]) -> str:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return str(path)


def _big_csv(path, residents: list[dict], rows: int) -> str:
    """`rows` distinct targets (the NIK serial varies), written quickly."""
    def lines():
        for i in range(rows):
            p = residents[i % len(residents)]
            nik = build_nik(p["nik"][:6], dt.date.fromisoformat(p["tanggal_lahir"]), p["jenis_kelamin"],
                            1 + i // len(residents))
            yield _cells(dict(p, nik=nik))
    return _write_csv(path, list(lines()))


@pytest.fixture
def page(qtbot, session):
    p = TargetsPage(session)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    qtbot.waitExposed(p)
    p.show_filter.setCurrentIndex(p.show_filter.findData(SHOW_ALL))
    return p


def _run(qtbot, page, path: str, timeout: int = 60_000):
    importer = page.import_file(path)
    assert importer.running and importer.dialog is not None and importer.dialog.isVisible()
    qtbot.waitUntil(lambda: not importer.running, timeout=timeout)
    return importer


def test_import_through_the_page_summarises_reports_refused_lines_and_refreshes(qtbot, page, session,
                                                                                 residents, tmp_path):
    good = [_cells(p) for p in residents[:10]]
    bad = [_cells(dict(residents[10], nik=residents[10]["nik"][:15])),  # line 12: 15-digit NIK
           _cells(dict(residents[11], nama=""))]                         # line 13: no name
    path = _write_csv(tmp_path / "target.csv", good + bad)

    importer = _run(qtbot, page, path)

    assert importer.progress_reports >= 1  # the reader's progress reached the window
    text = importer.result_box.text()
    assert text.startswith("Impor selesai: 10 baru, 0 diperbarui, 2 baris ditolak (dari 12 baris data).")
    report = tmp_path / "target.csv.laporan-impor.txt"
    assert str(report) in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines[1:]] == ["baris 12", "baris 13"]
    assert lines[1] == "baris 12: NIK harus tepat 16 angka (sekarang 15)" and "nama" in lines[2].lower()
    assert session.targets.count() == 10
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=10_000)  # the list refreshed
    assert {page.model.nik_at(r) for r in range(10)} == {p["nik"] for p in residents[:10]}


def test_xlsx_import_updates_known_targets_and_writes_no_report_when_all_lines_are_good(
        qtbot, page, session, residents, tmp_path):
    _run(qtbot, page, _write_csv(tmp_path / "awal.csv", [_cells(p) for p in residents[:5]]))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for p in residents[3:8]:
        sheet.append(_cells(p))
    book.save(tmp_path / "target.xlsx")

    importer = _run(qtbot, page, str(tmp_path / "target.xlsx"))

    assert importer.result_box.text() == "Impor selesai: 3 baru, 2 diperbarui, 0 baris ditolak (dari 5 baris data)."
    assert not (tmp_path / "target.xlsx.laporan-impor.txt").exists()
    assert session.targets.count() == 8


@pytest.mark.parametrize("kind", ["not-csv", "missing-columns"])
def test_a_file_that_is_no_target_list_says_why_and_changes_nothing(qtbot, page, session, residents,
                                                                    tmp_path, kind):
    _run(qtbot, page, _write_csv(tmp_path / "awal.csv", [_cells(p) for p in residents[:3]]))
    before = session.store.query("SELECT nik, nama, updated_at FROM targets ORDER BY nik")
    path = tmp_path / "daftar.csv"
    if kind == "not-csv":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["nik", "nama", "alamat"], [residents[5]["nik"], residents[5]["nama"], "x"]])

    importer = _run(qtbot, page, str(path))

    text = importer.result_box.text()
    assert text.startswith("Berkas ini tidak dapat diimpor: ") and text.endswith("Daftar target tidak diubah.")
    if kind == "missing-columns":
        assert "kolom wajib" in text
    assert session.store.query("SELECT nik, nama, updated_at FROM targets ORDER BY nik") == before
    assert not (tmp_path / "daftar.csv.laporan-impor.txt").exists()


def test_cancel_mid_import_keeps_nothing_of_it_and_the_window_keeps_ticking(qtbot, page, session, residents,
                                                                           tmp_path):
    _run(qtbot, page, _write_csv(tmp_path / "awal.csv", [_cells(p) for p in residents[:3]]))
    before = session.store.query("SELECT nik, nama, updated_at FROM targets ORDER BY nik")
    path = _big_csv(tmp_path / "besar.csv", residents, 50_000)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(session.importing))
    timer.start()
    batal_pressed = threading.Event()
    ticks_before_batal, waited = [], []

    def hold_worker(state):  # on the worker thread (direct connection): waits for Batal past 22,000 rows
        if state.rows >= 22_000:
            waited.append(batal_pressed.wait(30))

    def press_batal(state):  # on the GUI thread
        if state.rows >= 22_000 and importer.dialog.cancel_button.isEnabled():
            ticks_before_batal.append(sum(ticks))
            qtbot.mouseClick(importer.dialog.cancel_button, Qt.MouseButton.LeftButton)
            assert importer.dialog.label.text() == "Membatalkan…"
            batal_pressed.set()

    importer = TargetImport(session, page)
    importer._relay.progress.connect(press_batal)  # first: posted before the worker waits
    importer._relay.progress.connect(hold_worker, Qt.ConnectionType.DirectConnection)
    importer.start(path)
    qtbot.waitUntil(lambda: not importer.running, timeout=120_000)
    timer.stop()

    # Past 20,000 rows the first batch was written inside the import's transaction; Batal rolled it back.
    assert waited and all(waited)  # the worker went no further than 22,000 rows before Batal was pressed
    assert importer.result_box.text() == ("Impor dibatalkan. Tidak ada yang disimpan dari berkas ini: "
                                          "daftar target tetap seperti sebelum impor.")
    assert session.store.query("SELECT nik, nama, updated_at FROM targets ORDER BY nik") == before
    assert session.store.integrity_check() == "ok"
    assert ticks_before_batal[0] >= 3  # the GUI thread kept running its timers while the import ran
    # The search index is whole after the rollback: a name from the first import is found.
    name = residents[0]["nama"].split()[0]
    assert residents[0]["nik"] in {t["nik"] for t in session.list_targets(name, only_open=False, limit=50,
                                                                           offset=0)}
    assert not (tmp_path / "besar.csv.laporan-impor.txt").exists()


def test_the_button_opens_a_chooser_whose_choice_starts_the_import(qtbot, page, session, residents, tmp_path):
    path = _write_csv(tmp_path / "pilihan.csv", [_cells(p) for p in residents[:4]])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    chooser = page.chooser
    assert chooser.isVisible() and chooser.nameFilters()[0] == "Daftar target (*.csv *.xlsx *.xlsm)"
    chooser.selectFile(path)
    chooser.accept()
    qtbot.waitUntil(lambda: page.importer is not None and not page.importer.running, timeout=60_000)
    assert page.importer.result_box.text().startswith("Impor selesai: 4 baru, 0 diperbarui, 0 baris ditolak")
    assert session.targets.count() == 4
