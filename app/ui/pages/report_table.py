"""Laporan's rows as the operator reads them: one labelled table per grouping, and its Qt model.

`report_table` turns a grouping of an `app.core.progress.Snapshot` into a
`ReportTable` (headers, labelled rows, total) in the window's language; the
page's table, its chart and both exports (XLSX, PDF) show that same table, so
they cannot disagree. `ReportModel` shows it in a view: display text with
Indonesian number formatting, raw numbers under `SORT_ROLE` for sorting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from app.core.progress import NOT_VISITED, Grouping, Row, Snapshot, Tally, Work
from app.ui.pages.common import count_text
from app.ui.texts import message_text


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


_CONTEXT = "ReportTable"
_GROUPING_NAMES = {
    Grouping.KECAMATAN: QT_TRANSLATE_NOOP("ReportTable", "Kecamatan"),
    Grouping.KELURAHAN: QT_TRANSLATE_NOOP("ReportTable", "Kelurahan/Desa"),
    Grouping.RW: QT_TRANSLATE_NOOP("ReportTable", "RW"),
    Grouping.RT: QT_TRANSLATE_NOOP("ReportTable", "RT"),
    Grouping.CATEGORY: QT_TRANSLATE_NOOP("ReportTable", "Kategori"),
    Grouping.OUTCOME: QT_TRANSLATE_NOOP("ReportTable", "Hasil kunjungan"),
    Grouping.DAY: QT_TRANSLATE_NOOP("ReportTable", "Hari"),
    Grouping.OPERATOR: QT_TRANSLATE_NOOP("ReportTable", "Operator"),
}
_TARGET_HEADERS = (
    QT_TRANSLATE_NOOP("ReportTable", "Target"), QT_TRANSLATE_NOOP("ReportTable", "Di sini"),
    QT_TRANSLATE_NOOP("ReportTable", "Diterima"), QT_TRANSLATE_NOOP("ReportTable", "Tim lain"),
    QT_TRANSLATE_NOOP("ReportTable", "Belum"), QT_TRANSLATE_NOOP("ReportTable", "Capaian %"),
)
_TARGET_TIPS = (
    QT_TRANSLATE_NOOP("ReportTable", "Warga di daftar target"),
    QT_TRANSLATE_NOOP("ReportTable", "Sudah direkam di laptop ini (selesai, tidak ditolak)"),
    QT_TRANSLATE_NOOP("ReportTable", "Dari yang direkam di sini, yang sudah diterima server"),
    QT_TRANSLATE_NOOP("ReportTable", "Menurut server sudah direkam tim lain (dan tidak di sini)"),
    QT_TRANSLATE_NOOP("ReportTable", "Belum direkam di mana pun"),
    QT_TRANSLATE_NOOP("ReportTable", "Sudah direkam (di sini atau tim lain) dibagi target"),
)
_WORK_HEADERS = (
    QT_TRANSLATE_NOOP("ReportTable", "Direkam"), QT_TRANSLATE_NOOP("ReportTable", "Di daftar"),
    QT_TRANSLATE_NOOP("ReportTable", "Diterima"), QT_TRANSLATE_NOOP("ReportTable", "Kunjungan lain"),
)
_WORK_TIPS = (
    QT_TRANSLATE_NOOP("ReportTable", "Rekaman selesai di laptop ini (versi terakhir saja)"),
    QT_TRANSLATE_NOOP("ReportTable", "Dari rekaman itu, NIK yang ada di daftar target"),
    QT_TRANSLATE_NOOP("ReportTable", "Dari rekaman itu, yang sudah diterima server"),
    QT_TRANSLATE_NOOP("ReportTable", "Hasil kunjungan lain yang dicatat (tidak di rumah, menolak, ...)"),
)
_NOT_VISITED = QT_TRANSLATE_NOOP("ReportTable", "Belum dikunjungi")
_NO_REGION = QT_TRANSLATE_NOOP("ReportTable", "(tanpa wilayah)")
_NO_NAME = QT_TRANSLATE_NOOP("ReportTable", "(tanpa nama)")
_TOTAL = QT_TRANSLATE_NOOP("ReportTable", "Jumlah")
_TITLE = QT_TRANSLATE_NOOP("ReportTable", "Capaian per %1")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def grouping_names() -> dict[Grouping, str]:
    """The groupings as the chooser and the row headers name them."""
    return {grouping: _tr(name) for grouping, name in _GROUPING_NAMES.items()}


def target_headers() -> list[str]:
    return [_tr(h) for h in _TARGET_HEADERS]


def work_headers() -> list[str]:
    return [_tr(h) for h in _WORK_HEADERS]


def header_tips(kind: str) -> list[str]:
    """What each number column means (the headers' tooltips)."""
    return [_tr(t) for t in (_TARGET_TIPS if kind == "target" else _WORK_TIPS)]


def percent_text(value: float | None) -> str:
    """66,7 (one decimal, Indonesian comma); a dash without targets."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


@dataclass(frozen=True)
class ReportTable:
    """One grouping ready to show: `rows` and `total` are [label, numbers...] (percent: float or None)."""

    grouping: Grouping
    title: str
    headers: list[str]
    rows: list[list]
    total: list | None

    @property
    def kind(self) -> str:
        return self.grouping.kind


def _cells(figures: Tally | Work) -> list:
    if isinstance(figures, Tally):
        percent = None if figures.percent is None else round(figures.percent, 1)
        return [figures.target, figures.here, figures.accepted, figures.elsewhere, figures.open, percent]
    return [figures.recorded, figures.on_list, figures.accepted, figures.visits]


class Labeler:
    """Names for row keys: regions from the master data, categories and outcomes from the catalogue."""

    def __init__(self, regions) -> None:
        self.regions = regions

    def region(self, kode: str) -> str:
        region = self.regions.get(kode) if kode else None
        return region.nama if region else (kode or _tr(_NO_REGION))

    def label(self, grouping: Grouping, key: tuple[str, ...]) -> str:
        if grouping in (Grouping.KECAMATAN, Grouping.KELURAHAN):
            return self.region(key[0])
        if grouping is Grouping.RW:
            return f"RW {key[1]}, {self.region(key[0])}"  # as an address reads: the RW first
        if grouping is Grouping.RT:
            return f"RT {key[2]}/RW {key[1]}, {self.region(key[0])}"
        if grouping is Grouping.CATEGORY:
            return message_text(f"category.{key[0]}")
        if grouping is Grouping.OUTCOME:
            return _tr(_NOT_VISITED) if key[0] == NOT_VISITED else message_text(f"outcome.{key[0]}")
        if grouping is Grouping.DAY:
            return dt.date.fromisoformat(key[0]).strftime("%d-%m-%Y")
        return key[0] or _tr(_NO_NAME)


def report_table(snapshot: Snapshot, grouping: Grouping, labeler: Labeler) -> ReportTable:
    """The rows of `grouping` labelled, with their total (none for categories: they overlap)."""
    rows: list[Row] = snapshot.rows(grouping)
    body = [[labeler.label(grouping, row.key), *_cells(row.figures)] for row in rows]
    total = snapshot.total(grouping) if rows else None
    headers = [grouping_names()[grouping], *(target_headers() if grouping.kind == "target" else work_headers())]
    title = _tr(_TITLE).replace("%1", grouping_names()[grouping].lower())
    return ReportTable(grouping, title, headers, body,
                       [_tr(_TOTAL), *_cells(total)] if total is not None else None)


def cell_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) or value is None:
        return percent_text(value)
    return count_text(value)


class ReportModel(QAbstractTableModel):
    """A `ReportTable` in a view (the total is not a row: the page shows it below, so sorting leaves it be)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: ReportTable | None = None

    def set_table(self, table: ReportTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() or self.table is None else len(self.table.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return header_tips(self.table.kind)[section - 1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == SORT_ROLE:
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
