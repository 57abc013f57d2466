"""Laporan: progress against the target list per RT, kelurahan and kecamatan (counts on the database worker)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.ui.pages.common import count_text, page_title
from app.ui.workers import run_task


class ProgressModel(QAbstractTableModel):
    """Rows of per-area counts (label, target, recorded, elsewhere) as the six report columns."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Wilayah"), self.tr("Target"), self.tr("Sudah direkam"),
                self.tr("oleh tim lain"), self.tr("Belum"), self.tr("Capaian")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        target, done = row["target"], row["recorded"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        pct = (100.0 * done / target) if target else 0.0
        return [row["label"], count_text(target), count_text(done), count_text(row.get("elsewhere", 0)),
                count_text(max(0, target - done)), f"{pct:.1f}%".replace(".", ",")][index.column()]


class ReportsPage(QWidget):
    LEVELS = ("rt", "kelurahan", "kecamatan")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Laporan capaian"), self))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Per:"), self))
        self.level = QComboBox(self)
        self.level.addItem(self.tr("RT"), "rt")
        self.level.addItem(self.tr("Kelurahan/Desa"), "kelurahan")
        self.level.addItem(self.tr("Kecamatan"), "kecamatan")
        self.level.setCurrentIndex(1)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.level)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = ProgressModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Belum ada daftar target. Impor daftar target untuk melihat capaian."), self)
        self.empty.setObjectName("hint")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.loaded = False  # True once the first counts are shown
        self._asked = 0

    def refresh(self) -> None:
        """Counts per area on the database worker (a big target list takes a moment)."""
        level = self.level.currentData()
        self._asked += 1
        asked = self._asked
        run_task(lambda: self.session.progress(level), lambda rows: self._show(rows, asked))

    def _show(self, rows: list[dict], asked: int) -> None:
        if asked != self._asked:
            return  # an older answer (the level changed meanwhile)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.loaded = True
