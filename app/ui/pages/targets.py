"""Daftar Warga: the target list (wajib KTP not yet recorded), searchable.

A lazily fetched table model over the session's target search; Enter or a
double-click on a resident opens Rekam Baru pre-filled from the target, or the
recording this laptop already holds of them; "Cetak bukti" (Ctrl+P) prints the
receipt of one recorded here again. A resident the server says another team
already recorded is marked so (and counts as recorded); starting a recording
for one asks first. "Impor daftar target…" imports a CSV/XLSX list
(`app.ui.pages.targets_import`). The filter bar
(`app.ui.pages.target_filter_bar`) narrows by kelurahan, RT/RW, category and
visit outcome, or shows the revisit list; a click on a column header sorts;
the count of what is shown is read on the database worker. "Hasil kunjungan…"
(button or the row's context menu) records a visit outcome
(`app.ui.pages.outcome_dialog`). "Warga belum ber-NIK…" lists the families
with no NIK/KK yet registered here and registers a new one
(`app.ui.pages.registrations_list`). "Tambahkan ke kunjungan…" plans the
residents chosen in the list (several rows: Ctrl/Shift) for a trip
(`app.ui.pages.trip_assign_dialog`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import shiboken6
from PySide6.QtCore import QDir, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.categories import Category
from app.core.messages import CodedError
from app.store.target_filter import TargetFilter
from app.ui.paged_model import PagedTableModel
from app.ui.pages.outcome_dialog import OutcomeDialog
from app.ui.pages.target_filter_bar import TargetFilterBar
from app.ui.pages.registrations_list import RegistrationsDialog
from app.ui.pages.targets_import import TargetImport
from app.ui.pages.trip_assign_dialog import TripAssignDialog
from app.ui.receipt_output import PrintReceiptBar
from app.ui.texts import error_text, message_text
from app.ui.workers import run_task
from app.ui.widgets.tables import list_table


# Which residents the list shows (the page's "Tampilkan" choices).
SHOW_OPEN, SHOW_ELSEWHERE, SHOW_ALL = "open", "elsewhere", "all"


class TargetsModel(PagedTableModel):
    """Attributes:
        show: SHOW_OPEN (not recorded here nor by another team), SHOW_ELSEWHERE or SHOW_ALL.
        where: the filter bar's `TargetFilter` (None: everything, by area).
    """

    COLUMNS = ("nama", "nik", "tanggal_lahir", "rt_rw", "kelurahan", "status", "outcome")
    # The store's sort of each column (status and outcome: by area).
    SORTS = {"nama": "nama", "nik": "nik", "tanggal_lahir": "tanggal_lahir"}

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = ""
        self.show = SHOW_OPEN
        self.where: TargetFilter | None = None
        self.sort_key, self.descending = "area", False

    def header_titles(self) -> list[str]:
        return [self.tr("Nama"), self.tr("NIK"), self.tr("Tgl lahir"), self.tr("RT/RW"),
                self.tr("Kel./Desa"), self.tr("Status"), self.tr("Hasil kunjungan")]

    def fetch_page(self, offset: int, limit: int) -> list[dict]:
        return self.session.list_targets(self.search, only_open=self.show == SHOW_OPEN,
                                         only_elsewhere=self.show == SHOW_ELSEWHERE, limit=limit, offset=offset,
                                         where=self.where)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003 - Qt's name
        """A header click: the store sorts (all pages), the model reloads."""
        self.sort_key = self.SORTS.get(self.COLUMNS[column], "area")
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.where is not None and self.where.sort != "revisit":
            self.where = dataclasses.replace(self.where, sort=self.sort_key, descending=self.descending)
        self.reload()

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
            if row.get("recorded"):
                return self.tr("Sudah direkam")
            if row.get("recorded_elsewhere"):
                return self.tr("Sudah direkam tim lain")
            return row.get("status_ktp") or ""
        if column == "kelurahan":
            return row.get("kelurahan_nama") or row.get("kelurahan_kode") or ""
        if column == "outcome":
            return self._outcome_text(row)
        return row.get(column) or ""

    @staticmethod
    def _outcome_text(row: dict) -> str:
        if not row.get("outcome"):
            return ""
        text = message_text(f"outcome.{row['outcome']}")
        revisit = row.get("revisit_date") or ""
        return f"{text} ({'-'.join(reversed(revisit.split('-')))})" if revisit else text

    def nik_at(self, row: int) -> str | None:
        return self.row_value(row, "nik")

    def name_at(self, row: int) -> str:
        return self.row_value(row, "nama") or ""

    def recorded_elsewhere_at(self, row: int) -> bool:
        return bool(self.row_value(row, "recorded_elsewhere"))


class RecordedElsewhereBox(QMessageBox):
    """"Already recorded by another team. Record anyway?" (window-modal; Batal is the default).

    Signals:
        recordAnyway(): the operator chose to record all the same.
    """

    recordAnyway = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Sudah direkam tim lain"))
        self.setText(self.tr("Warga ini sudah direkam oleh tim lain. Tetap rekam?"))
        self.record_button = self.addButton(self.tr("Tetap rekam"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)  # Enter pressed twice must not start a second recording
        self.setEscapeButton(self.cancel_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button == self.record_button:
            self.recordAnyway.emit()


class TargetsPage(QWidget):
    """Signals:
        enrollTarget(str): the NIK of the target to record.
        enrollResident(object): a `Resident` to record (a registered family's member, NIK issued).

    Attributes:
        confirm: the open "already recorded by another team" question, if any.
        outcome_dialog, menu: the open "Hasil kunjungan" dialog and the row's context menu, if any.
        chooser: the open file chooser of "Impor daftar target…", if any.
        importer: the latest import from the window (`TargetImport`), if any.
        registrations: the open "Warga belum ber-NIK" dialog (`RegistrationsDialog`), if any.
        trip_dialog: the open "Tambahkan ke kunjungan" chooser (`TripAssignDialog`), if any.
    """

    enrollTarget = Signal(str)
    enrollResident = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._asked = 0  # refreshes asked for; only the newest answer is shown
        title = QLabel(self.tr("Daftar Warga (target wajib KTP)"), self)
        title.setObjectName("pageTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cari nama atau awal NIK…"))
        self.search.setClearButtonEnabled(True)
        self.show_filter = QComboBox(self)
        for text, key in ((self.tr("Belum direkam"), SHOW_OPEN),
                          (self.tr("Sudah direkam tim lain"), SHOW_ELSEWHERE),
                          (self.tr("Semua warga"), SHOW_ALL)):
            self.show_filter.addItem(text, key)
        show_label = QLabel(self.tr("Tampilkan:"), self)
        show_label.setBuddy(self.show_filter)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(show_label)
        top.addWidget(self.show_filter)
        self.import_button = QPushButton(self.tr("Impor daftar target…"), self)
        self.import_button.clicked.connect(self.choose_file)
        top.addWidget(self.import_button)
        self.registration_button = QPushButton(self.tr("Warga belum ber-&NIK…"), self)
        self.registration_button.setToolTip(self.tr("Registrasi keluarga yang belum memiliki NIK dan KK"))
        self.registration_button.clicked.connect(self.open_registrations)
        top.addWidget(self.registration_button)
        self.filters = TargetFilterBar(self)
        self.outcome_button = QPushButton(self.tr("Hasil kunjungan…"), self)
        self.outcome_button.setToolTip(self.tr("Catat hasil kunjungan warga yang dipilih"))
        self.outcome_button.clicked.connect(self.ask_outcome)
        self.shown = QLabel(self)
        self.shown.setObjectName("hint")
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filters, 1)
        filter_row.addWidget(self.shown)
        self.assign_button = QPushButton(self.tr("Tambahkan ke &kunjungan…"), self)
        self.assign_button.setToolTip(self.tr("Rencanakan warga yang dipilih (Ctrl/Shift+klik, Shift+panah) "
                                              "untuk sebuah kunjungan"))
        self.assign_button.clicked.connect(self.ask_trip)
        self.model = TargetsModel(session, self)
        self.table = list_table(self.model, self, fit=range(1, len(TargetsModel.COLUMNS)))
        self.table.horizontalHeader().setSortIndicator(TargetsModel.COLUMNS.index("rt_rw"),
                                                       Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several for a trip
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.outcome_dialog: OutcomeDialog | None = None
        self.menu: QMenu | None = None
        # activated covers Enter and the platform's click or double-click: one start per gesture.
        self.table.activated.connect(lambda idx: self._enroll(idx.row()))
        hint = QLabel(self.tr("Enter atau klik dua kali untuk merekam warga yang dipilih."), self)
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        self.receipt_bar = PrintReceiptBar(session, self, self._selected_receipt)
        bottom = QHBoxLayout()  # the actions on the chosen rows, under the table (1366 px leave no room above)
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.outcome_button)
        bottom.addWidget(self.assign_button)
        bottom.addWidget(self.receipt_bar)
        layout.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.receipt_bar.refresh())
        self.model.modelReset.connect(self.receipt_bar.refresh)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filters.changed.connect(self.refresh)
        self.confirm: QMessageBox | None = None
        self.chooser: QFileDialog | None = None
        self.importer: TargetImport | None = None
        self.registrations: RegistrationsDialog | None = None
        self.trip_dialog: TripAssignDialog | None = None
        self.search.returnPressed.connect(self.table.setFocus)

    # -- planning a trip --------------------------------------------------------------

    def selected_niks(self) -> list[str]:
        """The NIKs of the rows chosen in the list, in list order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [nik for nik in (self.model.nik_at(r) for r in rows) if nik]

    def ask_trip(self) -> TripAssignDialog | None:
        """Open the trip chooser for the chosen residents (none chosen: nothing)."""
        niks = self.selected_niks()
        if not niks:
            self.shown.setText(self.tr("Pilih dulu warganya di daftar."))
            return None
        if self.trip_dialog is not None:
            self.trip_dialog.deleteLater()
        trips = self.session.trips
        self.trip_dialog = TripAssignDialog(trips.list(), trips.activated(), len(niks), self)
        self.trip_dialog.chosen.connect(lambda trip_id: self._assign(trip_id, niks))
        self.trip_dialog.open()
        return self.trip_dialog

    def _assign(self, trip_id: str, niks: list[str]) -> None:
        try:
            added = self.session.trips.assign(trip_id, niks)
            name = self.session.trips.get(trip_id).name
        except CodedError as exc:
            self.trip_dialog.error.setText(error_text(exc))
            self.trip_dialog.error.show()
            return
        self.trip_dialog.accept()
        text = self.tr("%1 warga ditambahkan ke kunjungan %2 (%3 sudah direncanakan).")
        for mark, value in (("%1", str(added)), ("%2", name), ("%3", str(len(niks) - added))):
            text = text.replace(mark, value)
        self.shown.setText(text)

    def open_registrations(self) -> RegistrationsDialog:
        """The families with no NIK/KK yet registered here (and a new one)."""
        if self.registrations is not None:
            self.registrations.deleteLater()
        self.registrations = RegistrationsDialog(self.session, self)
        self.registrations.enrollMember.connect(self.enrollResident)
        self.registrations.open()
        return self.registrations

    def _enroll(self, row: int) -> None:
        nik = self.model.nik_at(row)
        if not nik:
            return
        if self.model.recorded_elsewhere_at(row) and not self.model.row_value(row, "recorded"):
            self._ask_before_enrolling(nik)
        else:
            self.enrollTarget.emit(nik)

    def _selected_receipt(self):
        """Reads the receipt of the selected resident's recording here; None when not recorded here."""
        row = self.table.currentIndex().row()
        nik = self.model.nik_at(row) if row >= 0 else None
        if not nik or not self.model.row_value(row, "recorded"):
            return None
        session = self.session
        return lambda: session.receipt_for_target(nik)

    def _ask_before_enrolling(self, nik: str) -> None:
        """Warn, not block: the operator may still record (e.g. the other recording was wrong)."""
        if self.confirm is not None:
            self.confirm.deleteLater()
        self.confirm = RecordedElsewhereBox(self)
        self.confirm.recordAnyway.connect(lambda: self.enrollTarget.emit(nik))
        self.confirm.open()

    def choose_file(self) -> None:
        """Open (never exec) a chooser for a CSV/XLSX target list; picking one starts the import."""
        if self.chooser is not None:
            self.chooser.deleteLater()
        self.chooser = QFileDialog(self, self.tr("Pilih daftar target"))
        self.chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.chooser.setDirectory(QDir.homePath())
        self.chooser.setNameFilters([self.tr("Daftar target (*.csv *.xlsx *.xlsm)"), self.tr("Semua berkas (*)")])
        self.chooser.setWindowModality(Qt.WindowModality.WindowModal)
        self.chooser.fileSelected.connect(self.import_file)
        self.chooser.open()

    def import_file(self, path: str) -> TargetImport:
        """Import the target list at `path` on the database worker (progress, Batal), then refresh."""
        if self.importer is not None and self.importer.running:
            return self.importer
        self.importer = TargetImport(self.session, self)
        self.importer.imported.connect(self.refresh)
        self.importer.start(path)
        return self.importer

    def refresh(self) -> None:
        self.model.search = self.search.text().strip()
        self.model.show = self.show_filter.currentData()
        self.model.where = self.filters.target_filter(dt.date.today(), sort=self.model.sort_key,
                                                      descending=self.model.descending)
        self.model.reload()
        self._asked += 1
        asked = self._asked
        # The counts read the whole list (a moment on a big one): on the database worker.
        run_task(self.session.target_totals, self._while_shown(lambda totals: self._show_totals(totals, asked)))
        search, show, where = self.model.search, self.model.show, self.model.where
        run_task(lambda: self.session.count_targets(search, only_open=show == SHOW_OPEN,
                                                    only_elsewhere=show == SHOW_ELSEWHERE, where=where),
                 self._while_shown(lambda n: self._show_count(n, asked)))
        run_task(self.session.target_kelurahan, self._while_shown(self.filters.set_kelurahan))

    def _while_shown(self, callback):
        """`callback` for a background result, skipped once the page is gone (it came too late)."""
        return lambda value: callback(value) if shiboken6.isValid(self) else None

    def _show_count(self, number: int, asked: int) -> None:
        if asked == self._asked:
            self.shown.setText(self.tr("Ditampilkan: %1 warga").replace("%1", f"{number:,}".replace(",", ".")))

    # -- visit outcomes ------------------------------------------------------------

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        self.menu = QMenu(self)
        self.menu.addAction(self.tr("Catat hasil kunjungan…"), self.ask_outcome)
        nik = self.model.nik_at(index.row())
        marks = self.menu.addMenu(self.tr("Tandai kategori"))
        marked = self.session.target_marks(nik)
        for category in Category:
            if not category.markable:
                continue
            action = marks.addAction(message_text(category.code))
            action.setCheckable(True)
            action.setChecked(category.value in marked)
            action.toggled.connect(lambda on, c=category.value: self._mark(nik, c, on))
        self.menu.popup(self.table.viewport().mapToGlobal(pos))

    def _mark(self, nik: str, category: str, on: bool) -> None:
        self.session.mark_target(nik, category, on)
        self.refresh()

    def ask_outcome(self) -> OutcomeDialog | None:
        """Open the outcome dialog for the selected resident (none selected: nothing)."""
        row = self.table.currentIndex().row()
        nik = self.model.nik_at(row)
        if not nik:
            return None
        if self.outcome_dialog is not None:
            self.outcome_dialog.deleteLater()
        self.outcome_dialog = OutcomeDialog(self.model.name_at(row), self)
        self.outcome_dialog.chosen.connect(lambda value, revisit, note: self._save_outcome(nik, value, revisit, note))
        self.outcome_dialog.open()
        return self.outcome_dialog

    def _save_outcome(self, nik: str, value: str, revisit, note: str) -> None:
        try:
            self.session.set_target_outcome(nik, value, revisit_date=revisit, note=note)
        except CodedError as exc:
            self.outcome_dialog.show_error(error_text(exc))
            return
        self.outcome_dialog.done_ok()
        self.refresh()

    def _show_totals(self, totals: tuple[int, int, int], asked: int) -> None:
        if asked != self._asked:
            return  # an older answer
        total, recorded, elsewhere = totals
        if elsewhere:
            text = self.tr("%1 target, %2 sudah direkam (%4 oleh tim lain), %3 belum.")
        else:
            text = self.tr("%1 target, %2 sudah direkam, %3 belum.")
        for mark, number in (("%1", total), ("%2", recorded), ("%3", total - recorded), ("%4", elsewhere)):
            text = text.replace(mark, f"{number:,}".replace(",", "."))
        self.summary.setText(text)
