"""Table model of recordings: ids and light rows, fetched page by page.

Model/view, never a widget per row: the model asks the session for 200 rows
at a time (`canFetchMore`/`fetchMore`), so a profile with thousands of
recordings opens at once. Filters (status, date range, name/NIK text) reset
the model and fetch again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from app.core.lifecycle import RecordingStatus
from app.ui.texts import server_reasons_text
from app.ui.labels import status_label
from app.ui.paged_model import PagedTableModel


@dataclass
class RecordingFilter:
    status: RecordingStatus | None = None
    search: str = ""
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None


class RecordingsModel(PagedTableModel):
    UUID_ROLE = Qt.ItemDataRole.UserRole + 1
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

    COLUMNS = ("nama", "nik", "status", "updated_at", "server")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = RecordingFilter()

    def header_titles(self) -> list[str]:
        return [self.tr("Nama"), self.tr("NIK"), self.tr("Status"), self.tr("Diubah"),
                self.tr("Keterangan server")]

    def fetch_page(self, offset: int, limit: int) -> list[dict]:
        return self.session.list_recordings(self.filter, limit=limit, offset=offset)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return status_label(row["status"])
            if column == "updated_at":
                return (row.get("updated_at") or "")[:16].replace("T", " ")
            if column == "server":
                return server_reasons_text(row.get("server_reasons") or (), row.get("server_message"))
            if column == "nama" and row.get("purged"):
                return self.tr("(data pribadi sudah dihapus)")
            return row.get(column) or ""
        if role == self.UUID_ROLE:
            return row["uuid"]
        if role == self.STATUS_ROLE:
            return row["status"]
        return None

    def set_filter(self, flt: RecordingFilter) -> None:
        self.filter = flt
        self.reload()

    def uuid_at(self, row: int) -> str | None:
        return self.row_value(row, "uuid")
