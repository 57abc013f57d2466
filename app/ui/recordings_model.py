"""Table model of recordings: ids and light rows, fetched page by page.

Model/view, never a widget per row: the model asks the session for 200 rows
at a time (`canFetchMore`/`fetchMore`), so a profile with thousands of
recordings opens at once. Filters (status, date range, name/NIK text) reset
the model and fetch again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.core.lifecycle import RecordingStatus

PAGE = 200


@dataclass
class RecordingFilter:
    status: RecordingStatus | None = None
    search: str = ""
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None


class RecordingsModel(QAbstractTableModel):
    UUID_ROLE = Qt.ItemDataRole.UserRole + 1
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

    COLUMNS = ("nama", "nik", "status", "updated_at", "server")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = RecordingFilter()
        self._rows: list[dict] = []
        self._exhausted = True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Nama"), self.tr("NIK"), self.tr("Status"), self.tr("Diubah"),
                  self.tr("Keterangan server")]
        return titles[section]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return RecordingStatus(row["status"]).label
            if column == "updated_at":
                return (row.get("updated_at") or "")[:16].replace("T", " ")
            if column == "server":
                return row.get("server_message") or ""
            return row.get(column) or ""
        if role == self.UUID_ROLE:
            return row["uuid"]
        if role == self.STATUS_ROLE:
            return row["status"]
        return None

    def set_filter(self, flt: RecordingFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        page = self.session.list_recordings(self.filter, limit=PAGE, offset=len(self._rows))
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def uuid_at(self, row: int) -> str | None:
        return self._rows[row]["uuid"] if 0 <= row < len(self._rows) else None
