"""Beranda: today's counts, and the list of recordings with its filters.

The list is a `RecordingsModel` in a table view: filter by status and date,
search by name or NIK, Enter or double-click opens a recording (editable only
before it is sent, read-only after). "Cetak bukti" (Ctrl+P) prints the selected
completed recording's receipt again, or saves it as PDF without a printer. A supervisor (or admin) also
finds here "Tinjau rekaman" (Ctrl+R: approve or return what waits) and the day-end report (`SupervisorBar`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.lifecycle import RecordingStatus
from app.core.receipt import has_receipt
from app.ui.labels import status_label
from app.ui.pages.supervisor_bar import SupervisorBar
from app.ui.receipt_output import PrintReceiptBar
from app.ui.widgets.tables import list_table
from app.ui.recordings_model import RecordingFilter, RecordingsModel


class _Count(QFrame):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.number = QLabel("0", self)
        self.number.setObjectName("bigNumber")
        caption = QLabel(title, self)
        caption.setObjectName("hint")
        layout.addWidget(self.number)
        layout.addWidget(caption)

    def set(self, value: int) -> None:
        self.number.setText(f"{value:,}".replace(",", "."))


class HomePage(QWidget):
    """Signals:
        openRecording(str): the uuid the operator opened.
    """

    openRecording = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Beranda"), self)
        title.setObjectName("pageTitle")

        self.today = _Count(self.tr("direkam hari ini"), self)
        self.drafts = _Count(self.tr("draf belum selesai"), self)
        self.waiting = _Count(self.tr("menunggu persetujuan"), self)
        self.queued = _Count(self.tr("menunggu dikirim"), self)
        self.accepted = _Count(self.tr("diterima server"), self)
        self.attention = _Count(self.tr("perlu ditinjau / ditolak"), self)
        counts = QGridLayout()
        for i, card in enumerate([self.today, self.drafts, self.waiting, self.queued, self.accepted, self.attention]):
            counts.addWidget(card, 0, i)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cari nama atau NIK…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Semua status"), None)
        for s in RecordingStatus:
            self.status.addItem(status_label(s), s)
        self.use_dates = QCheckBox(self.tr("Tanggal:"), self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7), self)
        self.date_to = QDateEdit(today, self)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("dd-MM-yyyy")
            d.setCalendarPopup(True)
            d.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)

        self.model = RecordingsModel(session, self)
        self.table = list_table(self.model, self, stretch=(0, 4), fit=(1, 2, 3))
        # activated covers Enter and the platform's click or double-click: one open per gesture.
        self.table.activated.connect(lambda idx: self._open(idx.row()))
        self.empty = QLabel(self.tr("Belum ada rekaman. Tekan Ctrl+N untuk merekam warga baru."), self)
        self.empty.setObjectName("hint")
        self.receipt_bar = PrintReceiptBar(session, self, self._selected_receipt)
        self.supervisor_bar = SupervisorBar(session, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addLayout(counts)
        layout.addWidget(self.supervisor_bar)
        layout.addSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.receipt_bar)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.use_dates.toggled.connect(lambda _b: self.apply_filter())
        self.date_from.dateChanged.connect(lambda _d: self.apply_filter())
        self.date_to.dateChanged.connect(lambda _d: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.receipt_bar.refresh())
        self.model.modelReset.connect(self.receipt_bar.refresh)

    def _open(self, row: int) -> None:
        uuid = self.model.uuid_at(row)
        if uuid:
            self.openRecording.emit(uuid)

    def _selected_receipt(self):
        """Reads the selected recording's receipt; None when it has none (draft, rejected, purged)."""
        row = self.table.currentIndex().row()
        status = self.model.row_value(row, "status") if row >= 0 else None
        if not status or not has_receipt(status, purged=bool(self.model.row_value(row, "purged"))):
            return None
        uuid, session = self.model.uuid_at(row), self.session
        return lambda: session.receipt(uuid)

    def apply_filter(self) -> None:
        flt = RecordingFilter(status=self.status.currentData(), search=self.search.text().strip())
        if self.use_dates.isChecked():
            flt.date_from = self.date_from.date().toString("yyyy-MM-dd")
            flt.date_to = self.date_to.date().toString("yyyy-MM-dd")
        self.model.set_filter(flt)
        self.empty.setVisible(self.model.rowCount() == 0)

    def refresh(self) -> None:
        counts = self.session.status_counts()
        self.today.set(self.session.recorded_on(dt.date.today()))
        self.drafts.set(counts.get(RecordingStatus.DRAFT.value, 0))
        self.waiting.set(counts.get(RecordingStatus.COMPLETE.value, 0))
        self.queued.set(counts.get(RecordingStatus.QUEUED.value, 0))
        self.supervisor_bar.refresh(counts.get(RecordingStatus.COMPLETE.value, 0))
        self.accepted.set(counts.get(RecordingStatus.ACCEPTED.value, 0))
        self.attention.set(counts.get(RecordingStatus.DUPLICATE_REVIEW.value, 0)
                           + counts.get(RecordingStatus.REJECTED.value, 0))
        self.apply_filter()
        if self.model.rowCount() == 0 and not any(counts.values()):
            self.empty.setText(self.tr("Belum ada rekaman. Tekan Ctrl+N untuk merekam warga baru."))
        elif self.model.rowCount() == 0:
            self.empty.setText(self.tr("Tidak ada rekaman yang cocok dengan saringan."))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
