"""Antrian & Sinkron: the queue, the sync state, and what the server sent back.

Shows the recordings per state (menunggu, terkirim, diterima, perlu ditinjau,
ditolak), a progress bar with records and bytes while a sync runs, the last
error in the operator's words with the next automatic try, and the
"Sinkron sekarang" button. Before the laptop is registered (or after its
token was revoked) a form takes the server address and the enrollment code.
"Kirim lewat flashdisk" (`HandCarryBox`) writes the unsent queue to a USB
stick for the office and reads the receipt it gives back. Below, the recordings that need a person: rejected ones with the server's
reasons and a "Perbaiki" button (a new version draft, opened by the window
through `fixRecording`), duplicate reviews, and parked entries ("Kirim ulang";
after a conflict also "Jadikan versi baru": the laptop's copy goes to the queue
as a new version that replaces the one the server holds). Rejected recordings
already fixed whose personal data the retention purge removed are left out.

The page reads the store in a few short queries (`app.store.queue_view.sync_overview`);
everything that talks to the network runs on the `SyncWorker`'s thread.
"""

from __future__ import annotations

import socket

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QThreadPool, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.queue_view import ProblemRecord, SyncOverview, sync_overview
from app.ui.pages.hand_carry_box import HandCarryBox
from app.ui.texts import code_text, error_text, server_reasons_text
from app.ui.sync_worker import SyncWorker
from app.ui.widgets.form_error import show_message
from app.ui.widgets.tables import list_table
from app.ui.workers import run_task
from sync.client import SyncError, SyncProgress, SyncReport, local_clock


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f}".replace(".", ",")


class ProblemModel(QAbstractTableModel):
    """Recordings that need a person (`ProblemRecord`s): status, name, NIK, the server's words."""

    COLUMNS = ("status", "nama", "nik", "message")
    UuidRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ProblemRecord] = []

    def set_rows(self, rows: list[ProblemRecord]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> ProblemRecord:
        return self.rows[index]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Status"), self.tr("Nama"), self.tr("NIK"), self.tr("Pesan server")][section]

    def _status_text(self, p: ProblemRecord) -> str:
        if p.parked:
            return self.tr("Ditahan (konflik)") if p.conflict else self.tr("Ditahan")
        if p.kind == RecordingStatus.REJECTED:
            return self.tr("Ditolak (sudah diperbaiki)") if p.fixed else self.tr("Ditolak")
        return self.tr("Perlu ditinjau")

    @staticmethod
    def _message(p: ProblemRecord) -> str:
        """Why it needs a person: a parked entry's code, else the server's reasons (or words)."""
        if p.parked:
            return code_text(p.code, p.params, p.message)
        return server_reasons_text(p.reasons, p.message)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == self.UuidRole:
            return p.uuid
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return self._message(p)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self._status_text(p), p.nama, p.nik, self._message(p)][index.column()]


class SyncPage(QWidget):
    """The Antrian & Sinkron page.

    Signals:
        fixRecording(str): the UUID of a new version draft (made from a rejected
            recording) for the window to open in the form.

    Args:
        session: the open `app.session.Session`.
        worker: a `SyncWorker` to use; by default the page makes and starts its
            own (then `worker` is that one; call `worker.stop()` before closing
            the session).
    """

    fixRecording = Signal(str)

    def __init__(self, session, parent=None, *, worker: SyncWorker | None = None):
        super().__init__(parent)
        self.session = session
        self.owns_worker = worker is None
        self.worker = worker or SyncWorker(session, self)
        self._overview: SyncOverview | None = None
        self._syncing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Antrian & Sinkron"), self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        self.paused = QLabel(self)
        self.paused.setObjectName("errorText")
        self.paused.setWordWrap(True)
        self.paused.hide()
        layout.addWidget(self.paused)

        # -- registration
        self.register_box = QGroupBox(self.tr("Daftarkan perangkat ke server"), self)
        form = QFormLayout(self.register_box)
        self.server_edit = QLineEdit(self.register_box)
        self.server_edit.setPlaceholderText("https://…")
        form.addRow(self.tr("Alamat server"), self.server_edit)
        self.code_edit = QLineEdit(self.register_box)
        self.code_edit.setPlaceholderText(self.tr("kode sekali pakai dari admin"))
        form.addRow(self.tr("Kode pendaftaran"), self.code_edit)
        self.name_edit = QLineEdit(socket.gethostname(), self.register_box)
        form.addRow(self.tr("Nama perangkat"), self.name_edit)
        row = QHBoxLayout()
        self.register_message = QLabel(self.register_box)
        self.register_message.setWordWrap(True)
        form.addRow(self.register_message)  # a row of its own: a long message wraps and is shown whole
        row.addStretch(1)
        self.register_button = QPushButton(self.tr("Daftarkan"), self.register_box)
        self.register_button.setObjectName("primary")
        self.register_button.clicked.connect(self._register)
        row.addWidget(self.register_button)
        form.addRow(row)
        layout.addWidget(self.register_box)

        # -- counts
        card = QFrame(self)
        card.setObjectName("card")
        grid = QGridLayout(card)
        self.counts: dict[str, QLabel] = {}
        for col, (key, text) in enumerate([
            ("approval", self.tr("Menunggu persetujuan")),
            ("waiting", self.tr("Menunggu kirim")),
            ("sent", self.tr("Terkirim")),
            ("accepted", self.tr("Diterima")),
            ("duplicate_review", self.tr("Perlu ditinjau")),
            ("rejected", self.tr("Ditolak")),
        ]):
            number = QLabel("0", card)
            number.setObjectName("bigNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(text, card)
            caption.setObjectName("hint")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, col)
            grid.addWidget(caption, 1, col)
            self.counts[key] = number
        layout.addWidget(card)

        # -- state and progress
        state = QFormLayout()
        self.server_label = QLabel(self)
        self.server_label.setWordWrap(True)
        state.addRow(self.tr("Server"), self.server_label)
        self.last_sync_label = QLabel(self)
        state.addRow(self.tr("Sinkron terakhir"), self.last_sync_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errorText")
        state.addRow(self.tr("Kesalahan terakhir"), self.error_label)
        self.next_label = QLabel(self)
        state.addRow(self.tr("Percobaan berikutnya"), self.next_label)
        layout.addLayout(state)

        bar_row = QHBoxLayout()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        bar_row.addWidget(self.progress_bar, 1)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("hint")
        bar_row.addWidget(self.progress_label)
        self.sync_button = QPushButton(self.tr("Sinkron sekarang"), self)
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self.sync_now)
        bar_row.addWidget(self.sync_button)
        layout.addLayout(bar_row)
        self.progress_bar.hide()
        self.progress_label.hide()

        # -- hand-carry: the queue on a USB stick, the office's receipt back
        self.hand_carry = HandCarryBox(session, self)
        self.hand_carry.changed.connect(self.refresh)
        layout.addWidget(self.hand_carry)

        # -- problems
        self.problems_title = QLabel(self.tr("Perlu perhatian"), self)
        self.problems_title.setObjectName("pageTitle")
        layout.addWidget(self.problems_title)
        self.model = ProblemModel(self)
        self.table = list_table(self.model, self, stretch=(3,))
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.fix_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.problem_message = QLabel(self)
        self.problem_message.setWordWrap(True)
        buttons.addWidget(self.problem_message, 1)
        self.retry_button = QPushButton(self.tr("Kirim ulang"), self)
        self.retry_button.clicked.connect(self.retry_selected)
        buttons.addWidget(self.retry_button)
        self.new_version_button = QPushButton(self.tr("Jadikan versi baru"), self)
        self.new_version_button.setToolTip(self.tr(
            "Kirim isi rekaman di laptop ini sebagai versi baru yang menggantikan salinan di server."))
        self.new_version_button.clicked.connect(self.new_version_selected)
        buttons.addWidget(self.new_version_button)
        self.fix_button = QPushButton(self.tr("Perbaiki"), self)
        self.fix_button.setObjectName("primary")
        self.fix_button.clicked.connect(self.fix_selected)
        buttons.addWidget(self.fix_button)
        layout.addLayout(buttons)
        layout.addStretch(1)  # keeps the page packed at the top while the problem list is hidden

        self.worker.syncStarted.connect(self._on_started)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.connectivityChanged.connect(lambda _online: self._show_server())
        self.refresh()
        if self.owns_worker:
            self.worker.start()

    # ----------------------------------------------------------------- reading

    def refresh(self) -> None:
        """Re-read the queue and the sync state (a few short queries)."""
        o = sync_overview(self.session.store)
        self._overview = o
        self.counts["approval"].setText(str(o.waiting_approval))
        self.counts["waiting"].setText(str(o.waiting))
        for key in ("sent", "accepted", "duplicate_review", "rejected"):
            self.counts[key].setText(str(o.status_counts.get(key, 0)))
        needs_registration = not o.registered or o.revoked
        self.register_box.setVisible(needs_registration)
        if needs_registration and not self.server_edit.text():
            self.server_edit.setText(o.server_url or "")
        if o.paused:
            self.paused.setText(code_text(o.paused_code, o.paused_params, o.paused_reason))
        self.paused.setVisible(o.paused)
        self._show_server()
        self.last_sync_label.setText(local_clock(o.last_sync_at) or self.tr("belum pernah"))
        self.error_label.setText(code_text(o.last_error_code, o.last_error_params, o.last_error) or "-")
        self.next_label.setText(local_clock(o.next_attempt_at) if o.next_attempt_at and not o.paused
                                else "-")
        self.model.set_rows(o.problems)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        visible = bool(o.problems)
        self.problems_title.setVisible(visible)
        self.table.setVisible(visible)
        for button in (self.retry_button, self.new_version_button, self.fix_button):
            button.setVisible(visible)  # they act on a row of that list
        self.hand_carry.refresh()
        self._update_buttons()

    def _show_server(self) -> None:
        o = self._overview
        if o is None or not o.registered:
            self.server_label.setText(self.tr("belum terdaftar (kerja offline)"))
            return
        online = self.worker.online
        state = (self.tr("terhubung") if online else self.tr("tidak terjangkau") if online is False
                 else self.tr("belum dicek"))
        name = f" — {o.device_name}" if o.device_name else ""
        self.server_label.setText(f"{o.server_url}{name} ({state})")

    def _update_buttons(self) -> None:
        o = self._overview
        can_sync = bool(o and o.registered and not o.revoked) and not self._syncing
        self.sync_button.setEnabled(can_sync)
        selected = self.selected()
        self.fix_button.setEnabled(bool(selected and selected.fixable))
        self.retry_button.setEnabled(bool(selected and selected.parked))
        self.new_version_button.setEnabled(bool(selected and selected.parked and selected.conflict))

    def selected(self) -> ProblemRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_uuid(self, uuid: str) -> bool:
        for i, p in enumerate(self.model.rows):
            if p.uuid == uuid:
                self.table.selectRow(i)
                return True
        return False

    # ----------------------------------------------------------------- actions

    def sync_now(self) -> None:
        self.error_label.setText("-")
        self.worker.sync_now()

    def fix_selected(self) -> None:
        p = self.selected()
        if p is None or p.kind != RecordingStatus.REJECTED or p.fixed:
            return
        try:  # a duplicate verdict is refused here with its reason (the button is off for it)
            draft = self.session.fix_rejected(p.uuid)
        except (ValueError, LookupError) as exc:
            self._problem_text(error_text(exc), error=True)
            return
        self.refresh()
        self.fixRecording.emit(draft.uuid)

    def retry_selected(self) -> None:
        p = self.selected()
        if p is None or not p.parked:
            return
        Outbox(self.session.store).unpark(p.uuid)
        self._problem_text(self.tr("Rekaman dimasukkan lagi ke antrian."), error=False)
        self.refresh()
        self.worker.sync_now()

    def new_version_selected(self) -> None:
        """A parked conflict: queue the laptop's copy as a new version replacing the server's."""
        p = self.selected()
        if p is None or not p.parked or not p.conflict:
            return
        try:
            self.session.resend_conflict_as_new_version(p.uuid)
        except (ValueError, LookupError) as exc:
            self._problem_text(error_text(exc), error=True)
            return
        self._problem_text(self.tr("Versi baru dibuat dan dimasukkan ke antrian; versi lama diganti saat "
                                   "sinkron berikutnya."), error=False)
        self.refresh()
        self.worker.sync_now()

    def _problem_text(self, text: str, *, error: bool) -> None:
        show_message(self.problem_message, text, "errorText" if error else "okText")

    def _register(self) -> None:
        url, code, name = self.server_edit.text().strip(), self.code_edit.text().strip(), self.name_edit.text().strip()
        if not url or not code:
            self._register_text(self.tr("Isi alamat server dan kode pendaftaran."), error=True)
            return
        self.register_button.setEnabled(False)
        self._register_text(self.tr("Menghubungi server…"), error=False)
        pump = self.worker.pump
        run_task(lambda: pump.register(url, code, name or None), self._registered, self._register_failed,
                 pool=QThreadPool.globalInstance())

    def _registered(self, info) -> None:  # noqa: ANN001 - EnrollmentResponse
        self.register_button.setEnabled(True)
        self.code_edit.clear()
        self._register_text(self.tr("Terdaftar sebagai %1 (wilayah %2).").replace("%1", info.name)
                            .replace("%2", info.area_kode), error=False)
        self.refresh()
        self.worker.sync_now()

    def _register_failed(self, exc: BaseException) -> None:
        self.register_button.setEnabled(True)
        if isinstance(exc, (SyncError, ValueError)):
            text = error_text(exc)
        else:
            text = self.tr("Pendaftaran gagal karena kesalahan tak terduga.")
        self._register_text(text, error=True)

    def _register_text(self, text: str, *, error: bool) -> None:
        show_message(self.register_message, text, "errorText" if error else "okText")

    # ----------------------------------------------------------------- worker signals

    def _on_started(self) -> None:
        self._syncing = True
        self.progress_bar.setRange(0, 0)  # busy until the first numbers arrive
        self.progress_bar.show()
        self.progress_label.show()
        self.progress_label.setText(self.tr("Menghubungi server…"))
        self._update_buttons()

    def _on_progress(self, p: SyncProgress) -> None:
        if p.records_total:
            self.progress_bar.setRange(0, p.records_total)
            self.progress_bar.setValue(p.records_done)
        self.progress_bar.setFormat(f"{p.records_done}/{p.records_total}")
        self.progress_label.setText(self.tr("%1/%2 rekaman · %3/%4 MB")
                                    .replace("%1", str(p.records_done)).replace("%2", str(p.records_total))
                                    .replace("%3", _mb(p.bytes_done)).replace("%4", _mb(p.bytes_total)))

    def _on_finished(self, report: SyncReport) -> None:
        self._syncing = False
        self.progress_bar.hide()
        self.progress_label.hide()
        self.refresh()

    def _on_failed(self, message: str) -> None:
        self.error_label.setText(message)  # the worker told it by code already
