"""Laporan driven by keyboard on a real profile: groupings, sorting, the chart, and both exports read back
(openpyxl for the XLSX, pdftotext for the PDF) with the same figures as a hand count."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.core.progress import Grouping
from app.ui.pages.report_table import cell_text, grouping_names
from app.ui.pages.reports import GROUPINGS, ReportsPage
from support.progress_data import ON, fill, hand_count


@pytest.fixture
def filled(session, monkeypatch):
    # The laptop's clock in WIB (the generated work counts its days there).
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    plan = fill(session.store)
    # Figures as of the generated data's day (the derived categories depend on it).
    session.progress_snapshot = lambda today=None, _real=session.progress_snapshot: _real(ON)
    yield session, plan
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def page(qtbot, filled):
    session, _plan = filled
    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def _numbers(cells: list) -> tuple:
    return tuple(cells[1:5])


def _expected(plan, grouping: Grouping, labels: dict) -> dict:
    """The hand count keyed by the row label the page shows."""
    return {labels[key]: figures for key, figures in hand_count(plan)[grouping.value].items()}


def _choose(qtbot, page, grouping: Grouping) -> None:
    page.grouping.setFocus()
    qtbot.waitUntil(page.grouping.hasFocus, timeout=3000)
    while page.current_grouping() is not grouping:
        qtbot.keyClick(page.grouping, Qt.Key.Key_Down)


def test_every_grouping_by_keyboard_shows_the_hand_count(qtbot, page, filled):
    _session, plan = filled
    # Alt+P (the "Per:" label's mnemonic) puts the focus on the chooser.
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.grouping.hasFocus, timeout=3000)
    qtbot.keyClick(page.grouping, Qt.Key.Key_Home)
    assert page.current_grouping() is GROUPINGS[0]
    seen = []
    for grouping in GROUPINGS:
        _choose(qtbot, page, grouping)
        seen.append(grouping)
        table = page.table_data
        assert table.grouping is grouping and page.model.rowCount() == len(table.rows)
        snap_rows = page.snapshot.rows(grouping)
        labels = {row.key: cells[0] for row, cells in zip(snap_rows, table.rows)}
        got = {cells[0]: _numbers(cells) for cells in table.rows if any(_numbers(cells))}
        assert got == _expected(plan, grouping, labels)
        # The chart draws the first rows of the table in its order.
        assert [label for label, _ in page.chart.shown] == [r[0] for r in page.shown_rows()[:len(page.chart.shown)]]
    assert seen == list(GROUPINGS)
    assert "Target 150" in page.summary.text()


def test_sorting_the_table_reorders_the_chart(qtbot, page):
    _choose(qtbot, page, Grouping.RT)
    percent_column = len(page.table_data.headers) - 1
    page.table.sortByColumn(percent_column, Qt.SortOrder.AscendingOrder)
    rows = page.shown_rows()
    percents = [r[-1] for r in rows]
    assert percents == sorted(percents, key=lambda p: -1 if p is None else p)
    assert [label for label, _ in page.chart.shown] == [r[0] for r in rows[:len(page.chart.shown)]]
    # The chart's segments are the row's own figures (here, elsewhere, open).
    label, segments = page.chart.shown[0]
    first = rows[0]
    assert label == first[0] and segments == [first[2], first[4], first[5]]


def _save_through_dialog(qtbot, page, button, path) -> str:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert dialog.selectedFiles()[0].endswith(path.suffix)  # a name is offered
    dialog.setDirectory(str(path.parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.selectAll()
    with qtbot.waitSignal(page.exported, timeout=30_000) as done:
        qtbot.keyClicks(name, path.name)
        qtbot.keyClick(name, Qt.Key.Key_Return)
    return done.args[0]


def test_xlsx_export_by_keyboard_has_every_grouping_with_the_same_figures(qtbot, page, filled, tmp_path):
    from openpyxl import load_workbook

    _session, plan = filled
    saved = _save_through_dialog(qtbot, page, page.xlsx_button, tmp_path / "laporan.xlsx")
    assert saved == str(tmp_path / "laporan.xlsx")
    book = load_workbook(saved, read_only=True)
    assert len(book.sheetnames) == len(GROUPINGS)
    for grouping, name in zip(GROUPINGS, book.sheetnames):
        rows = [list(r) for r in book[name].iter_rows(values_only=True)]
        assert rows[2][0] == grouping_names()[grouping]
        body = rows[3:]
        total = None
        if grouping.additive:
            total, body = body[-1], body[:-1]
        snap_rows = page.snapshot.rows(grouping)
        labels = {row.key: cells[0] for row, cells in zip(snap_rows, body)}
        got = {cells[0]: tuple(cells[1:5]) for cells in body if any(cells[1:5])}
        assert got == _expected(plan, grouping, labels)
        if total is not None:
            assert list(total[1:5]) == [sum(c[k] for c in body) for k in range(1, 5)]
    sheet = book[book.sheetnames[GROUPINGS.index(Grouping.KECAMATAN)]]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    overall = page.snapshot.overall
    assert values[-1][1:] == [overall.target, overall.here, overall.accepted, overall.elsewhere, overall.open,
                              round(overall.percent, 1)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_export_by_keyboard_carries_the_figures_shown(qtbot, page, tmp_path):
    _choose(qtbot, page, Grouping.KELURAHAN)
    saved = _save_through_dialog(qtbot, page, page.pdf_button, tmp_path / "laporan.pdf")
    text = subprocess.run(["pdftotext", "-layout", saved, "-"], capture_output=True, text=True, check=True).stdout
    assert page.table_data.title in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for cells in page.shown_rows() + [page.table_data.total]:
        expected = " ".join([cells[0], *(cell_text(v) for v in cells[1:])])
        assert expected in lines, expected


def test_an_export_to_a_missing_folder_says_so_and_leaves_nothing(qtbot, page, tmp_path):
    target = tmp_path / "tidak-ada" / "laporan.xlsx"
    with qtbot.waitSignal(page.exportFailed, timeout=20_000) as failed:
        page.export_xlsx(str(target))
    assert "tidak dapat disimpan" in failed.args[0]
    assert not target.parent.exists()
