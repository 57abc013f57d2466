"""Laporan: progress per RT, RW, kelurahan, kecamatan, category, visit outcome, day and operator,
as a table and a chart, exported to XLSX and PDF.

The figures are one `app.core.progress.Snapshot` computed on the database
worker (`Session.progress_snapshot`); choosing another grouping only relabels
it. The table sorts by any column (click its header); the chart shows the
table's first rows in that order. Exports run on a worker: the XLSX holds
every grouping, the PDF the one shown with its chart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.progress import Grouping, Snapshot
from app.ui.pages.common import count_text, page_title
from app.ui.pages.report_table import SORT_ROLE, Labeler, ReportModel, ReportTable, grouping_names, percent_text
from app.ui.pages.report_table import cell_text, report_table
from app.ui.texts import error_text
from app.ui.widgets.progress_chart import MAX_BARS, ProgressChart
from app.ui.workers import run_task

GROUPINGS = (Grouping.KECAMATAN, Grouping.KELURAHAN, Grouping.RW, Grouping.RT, Grouping.CATEGORY,
             Grouping.OUTCOME, Grouping.DAY, Grouping.OPERATOR)


class ReportsPage(QWidget):
    """Signals:
        exported(str): an export was written (its path).
        exportFailed(str): an export failed (the words shown).
    """

    exported = Signal(str)
    exportFailed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.snapshot: Snapshot | None = None
        self.table_data: ReportTable | None = None
        self.loaded = False  # True once the first figures are shown
        self._asked = 0
        self.file_dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Laporan capaian"), self))
        top = QHBoxLayout()
        per = QLabel(self.tr("&Per:"), self)
        top.addWidget(per)
        self.grouping = QComboBox(self)
        names = grouping_names()
        for grouping in GROUPINGS:
            self.grouping.addItem(names[grouping], grouping.value)
        self.grouping.setCurrentIndex(GROUPINGS.index(Grouping.KELURAHAN))
        self.grouping.currentIndexChanged.connect(lambda _i: self._show_grouping())
        per.setBuddy(self.grouping)
        top.addWidget(self.grouping)
        self.summary = QLabel("", self)
        self.summary.setObjectName("hint")
        top.addWidget(self.summary, 1)
        self.xlsx_button = QPushButton(self.tr("Ekspor &XLSX…"), self)
        self.xlsx_button.clicked.connect(lambda: self._ask_path("xlsx"))
        self.pdf_button = QPushButton(self.tr("Ekspor P&DF…"), self)
        self.pdf_button.clicked.connect(lambda: self._ask_path("pdf"))
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(False)
            top.addWidget(button)
        layout.addLayout(top)

        self.model = ReportModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.proxy.layoutChanged.connect(self._update_chart)
        self.total = QLabel("", self)
        self.total.setObjectName("reportTotal")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.total)
        self.chart = ProgressChart(self)
        self.chart_note = QLabel("", self)
        self.chart_note.setObjectName("hint")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.chart_note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self._sized = False
        self.empty = QLabel(self.tr("Belum ada daftar target. Impor daftar target untuk melihat capaian."), self)
        self.empty.setObjectName("hint")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:  # the table gets two thirds of the width at first; the splitter moves it
            self._sized = True
            width = max(600, self.splitter.width())
            self.splitter.setSizes([width * 2 // 3, width - width * 2 // 3])

    # ------------------------------------------------------------------ figures
    def current_grouping(self) -> Grouping:
        return Grouping(self.grouping.currentData())

    def refresh(self) -> None:
        """Recompute every grouping on the database worker (a city's list takes a moment)."""
        self._asked += 1
        asked = self._asked
        run_task(self.session.progress_snapshot, lambda snap: self._show(snap, asked))

    def _show(self, snapshot: Snapshot, asked: int) -> None:
        if asked != self._asked:
            return  # an older answer
        self.snapshot = snapshot
        overall = snapshot.overall
        self.empty.setVisible(overall.target == 0)
        self.summary.setText(
            self.tr("Target %1 · direkam %2 (%3%) · di sini %4 · tim lain %5 · belum %6")
            .replace("%1", count_text(overall.target)).replace("%2", count_text(overall.recorded))
            .replace("%3", percent_text(overall.percent)).replace("%4", count_text(overall.here))
            .replace("%5", count_text(overall.elsewhere)).replace("%6", count_text(overall.open)))
        self._show_grouping()
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(True)
        self.loaded = True

    def _show_grouping(self) -> None:
        if self.snapshot is None:
            return
        self.table_data = report_table(self.snapshot, self.current_grouping(), Labeler(self.session.regions))
        self.model.set_table(self.table_data)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        total = self.table_data.total
        if total is None:
            self.total.setText(self.tr("Tanpa jumlah: satu warga dapat masuk beberapa kategori."))
        else:
            self.total.setText(" · ".join(f"{h}: {cell_text(v)}" for h, v in zip(self.table_data.headers[1:],
                                                                                  total[1:])))
        self._update_chart()

    def shown_rows(self) -> list[list]:
        """The table's rows in the order the view shows them (its sort)."""
        if self.table_data is None:
            return []
        return [self.table_data.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def _update_chart(self) -> None:
        if self.table_data is None:
            return
        rows = self.shown_rows()
        self.chart.set_rows(self.table_data.kind, rows)
        self.chart_note.setText(
            self.tr("Grafik: %1 baris pertama dari %2, dalam urutan tabel (klik judul kolom untuk mengurutkan).")
            .replace("%1", count_text(min(MAX_BARS, len(rows)))).replace("%2", count_text(len(rows)))
            if len(rows) > MAX_BARS else "")

    # ------------------------------------------------------------------ exports
    def subtitle(self) -> str:
        on = self.snapshot.on if self.snapshot else dt.date.today()
        return self.tr("Dibuat %1 oleh %2 · kategori turunan per %3").replace(
            "%1", dt.datetime.now().strftime("%d-%m-%Y %H:%M")).replace(
            "%2", self.session.operator_name or "-").replace("%3", on.strftime("%d-%m-%Y"))

    def _ask_path(self, kind: str) -> None:
        dialog = QFileDialog(self, self.tr("Simpan laporan"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(self.tr("Buku kerja Excel (*.xlsx)") if kind == "xlsx"
                             else self.tr("Dokumen PDF (*.pdf)"))
        dialog.selectFile(f"laporan-capaian-{dt.date.today():%Y%m%d}.{kind}")
        dialog.fileSelected.connect(lambda path: self.export_xlsx(path) if kind == "xlsx" else self.export_pdf(path))
        self.file_dialog = dialog
        dialog.open()

    def export_xlsx(self, path: str) -> None:
        """Every grouping, one sheet each, written on a worker."""
        from app.ui.report_export import write_xlsx

        if self.snapshot is None:
            return
        labeler, snapshot, subtitle = Labeler(self.session.regions), self.snapshot, self.subtitle()
        # Labelling every grouping (a city's RTs) is work too: on the worker, with the writing.
        self._run_export(lambda: write_xlsx(path, [report_table(snapshot, g, labeler) for g in GROUPINGS], subtitle))

    def export_pdf(self, path: str) -> None:
        """The grouping shown, its rows in the table's order, with the chart as drawn, written on a worker."""
        from app.ui.report_export import write_pdf

        if self.table_data is None:
            return
        shown = self.table_data
        table = ReportTable(shown.grouping, shown.title, shown.headers, self.shown_rows(), shown.total)
        image = self.chart.grab().toImage()
        subtitle = self.subtitle()
        self._run_export(lambda: write_pdf(path, table, subtitle, image))

    def _run_export(self, work) -> None:
        self.message.setText(self.tr("Menyimpan laporan…"))
        run_task(work, self._exported, self._export_failed, pool=QThreadPool.globalInstance())

    def _exported(self, path: Path) -> None:
        self.message.setText(self.tr("Laporan disimpan di %1.").replace("%1", str(path)))
        self.exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            text = self.tr("Laporan tidak dapat disimpan di sana (folder tidak ada, penuh, atau tidak boleh ditulisi).")
        else:
            text = self.tr("Laporan tidak dapat disimpan: %1").replace("%1", error_text(exc))
        self.message.setText(text)
        self.exportFailed.emit(text)
