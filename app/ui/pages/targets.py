"""Daftar Warga: the target list (wajib KTP not yet recorded), searchable.

A lazily fetched table model over the session's target search; Enter or a
double-click on a resident opens Rekam Baru pre-filled from the target.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.paged_model import PagedTableModel
from app.ui.widgets.tables import list_table


class TargetsModel(PagedTableModel):
    COLUMNS = ("nama", "nik", "tanggal_lahir", "rt_rw", "kelurahan", "status")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = ""
        self.only_open = True

    def header_titles(self) -> list[str]:
        return [self.tr("Nama"), self.tr("NIK"), self.tr("Tgl lahir"), self.tr("RT/RW"),
                self.tr("Kel./Desa"), self.tr("Status")]

    def fetch_page(self, offset: int, limit: int) -> list[dict]:
        return self.session.list_targets(self.search, only_open=self.only_open, limit=limit, offset=offset)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "rt_rw":
            return f"{row.get('rt') or '-'}/{row.get('rw') or '-'}"
        if column == "tanggal_lahir":
            value = row.get("tanggal_lahir") or ""
            return "-".join(reversed(value.split("-"))) if value else ""
        if column == "status":
            return self.tr("Sudah direkam") if row.get("recorded") else (row.get("status_ktp") or "")
        if column == "kelurahan":
            return row.get("kelurahan_nama") or row.get("kelurahan_kode") or ""
        return row.get(column) or ""

    def nik_at(self, row: int) -> str | None:
        return self.row_value(row, "nik")


class TargetsPage(QWidget):
    """Signals:
        enrollTarget(str): the NIK of the target to record.
    """

    enrollTarget = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Daftar Warga (target wajib KTP)"), self)
        title.setObjectName("pageTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cari nama atau awal NIK…"))
        self.search.setClearButtonEnabled(True)
        self.only_open = QCheckBox(self.tr("Hanya yang belum direkam"), self)
        self.only_open.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_open)
        self.model = TargetsModel(session, self)
        self.table = list_table(self.model, self, fit=range(1, len(TargetsModel.COLUMNS)))
        self.table.activated.connect(lambda idx: self._enroll(idx.row()))
        self.table.doubleClicked.connect(lambda idx: self._enroll(idx.row()))
        hint = QLabel(self.tr("Enter atau klik dua kali untuk merekam warga yang dipilih. "
                              "Impor daftar target: jemput import-targets BERKAS.xlsx"), self)
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.only_open.toggled.connect(lambda _b: self.refresh())
        self.search.returnPressed.connect(self.table.setFocus)

    def _enroll(self, row: int) -> None:
        nik = self.model.nik_at(row)
        if nik:
            self.enrollTarget.emit(nik)

    def refresh(self) -> None:
        self.model.search = self.search.text().strip()
        self.model.only_open = self.only_open.isChecked()
        self.model.reload()
        total, recorded = self.session.target_totals()
        self.summary.setText(self.tr("%1 target, %2 sudah direkam, %3 belum.")
                             .replace("%1", f"{total:,}".replace(",", "."))
                             .replace("%2", f"{recorded:,}".replace(",", "."))
                             .replace("%3", f"{total - recorded:,}".replace(",", ".")))
