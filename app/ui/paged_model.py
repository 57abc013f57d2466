"""A table model that fetches its rows page by page from a service call.

Model/view for long lists (thousands of recordings, a city's targets): the
model keeps light row dicts and asks `fetch_page(offset, limit)` for more only
when the view scrolls near the end (`canFetchMore`/`fetchMore`).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

PAGE = 200


class PagedTableModel(QAbstractTableModel):
    """Subclasses set `COLUMNS`, implement `fetch_page`, `header_titles` and `data`."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._exhausted = True

    def fetch_page(self, offset: int, limit: int) -> list[dict]:
        raise NotImplementedError

    def header_titles(self) -> list[str]:
        raise NotImplementedError

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.header_titles()[section]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        page = self.fetch_page(len(self._rows), PAGE)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_value(self, row: int, key: str):
        return self._rows[row][key] if 0 <= row < len(self._rows) else None
