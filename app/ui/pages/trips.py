"""Kunjungan: the trips (create, edit, activate), the active trip's planned targets, and a school
trip's class list (who may be recorded when, cards held until 17, cards handed to the school).

The rules are `app.core.trips` and `app.core.school`; the rows `app.store.trips` and
`app.store.school` (through the session). Reading a class list runs on the database
worker; the page lists what is stored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core._text import format_date_id
from app.core.school import StudentStatus
from app.ui.pages.common import count_text, fill_placeholders, page_title
from app.ui.pages.trip_dialogs import CardDialog, TripDialog
from app.ui.texts import error_text, message_text
from app.ui.workers import run_task


def _table(parent: QWidget, headers: list[str], stretch: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[str]) -> None:
    current = table.currentRow()
    table.setRowCount(len(rows))
    for r, (cells, key) in enumerate(zip(rows, keys)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    if rows:
        table.selectRow(min(max(current, 0), len(rows) - 1))


def _key(table: QTableWidget) -> str | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class TripsPage(QWidget):
    """Signals:
        activeChanged(): a trip was activated or deactivated (the window's status bar shows it).
    """

    activeChanged = Signal()

    def __init__(self, session, parent=None, *, today=None):
        super().__init__(parent)
        self.session = session
        self._today = today  # a fixed day for tests and screenshots; None: the calendar's
        self.dialog = None
        self.students = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Kunjungan"), self))
        self.active_label = QLabel(self)
        self.active_label.setObjectName("tripActive")
        layout.addWidget(self.active_label)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Kunjungan &baru"), self)
        self.edit_button = QPushButton(self.tr("&Ubah"), self)
        self.activate_button = QPushButton(self.tr("&Aktifkan"), self)
        self.deactivate_button = QPushButton(self.tr("&Nonaktifkan"), self)
        for button in (self.new_button, self.edit_button, self.activate_button, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.trips = _table(self, [self.tr("Nama kunjungan"), self.tr("Jenis"), self.tr("Tempat"),
                                   self.tr("Tanggal"), self.tr("Tim"), self.tr("Status")])
        self.trips.setMaximumHeight(190)
        layout.addWidget(self.trips)
        self.counts = QLabel(self)
        layout.addWidget(self.counts)

        self.tabs = QTabWidget(self)
        plan = QWidget(self)
        plan_layout = QVBoxLayout(plan)
        plan_layout.setContentsMargins(0, 6, 0, 0)
        plan_buttons = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("&Tambah target dari berkas NIK…"), plan)
        plan_buttons.addWidget(self.plan_button)
        plan_buttons.addStretch(1)
        plan_layout.addLayout(plan_buttons)
        self.planned = _table(plan, [self.tr("Nama"), self.tr("NIK"), self.tr("RT/RW"), self.tr("Kelurahan"),
                                     self.tr("Hasil kunjungan")])
        plan_layout.addWidget(self.planned)
        self.tabs.addTab(plan, self.tr("Target rencana"))
        school = QWidget(self)
        school_layout = QVBoxLayout(school)
        school_layout.setContentsMargins(0, 6, 0, 0)
        school_buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Impor daftar kelas…"), school)
        self.card_button = QPushButton(self.tr("Catat &kartu diterima…"), school)
        school_buttons.addWidget(self.import_button)
        school_buttons.addWidget(self.card_button)
        school_buttons.addStretch(1)
        self.split_label = QLabel(school)
        school_layout.addLayout(school_buttons)
        school_layout.addWidget(self.split_label)
        self.class_list = _table(school, [self.tr("Nama"), self.tr("Kelas"), self.tr("Tanggal lahir"),
                                          self.tr("Status perekaman"), self.tr("Kartu diterima sekolah")], stretch=3)
        school_layout.addWidget(self.class_list)
        self.tabs.addTab(school, self.tr("Daftar kelas"))
        layout.addWidget(self.tabs, 1)

        self.new_button.clicked.connect(self.new_trip)
        self.edit_button.clicked.connect(self.edit_trip)
        self.activate_button.clicked.connect(self.activate)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.import_button.clicked.connect(self.choose_class_list)
        self.plan_button.clicked.connect(self.choose_nik_list)
        self.card_button.clicked.connect(self.record_card)
        self.trips.itemSelectionChanged.connect(self._show_selected)
        self.trips.itemActivated.connect(lambda _item: self.edit_trip())
        self.refresh()

    # ----------------------------------------------------------------- reading
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def selected_id(self) -> str | None:
        return _key(self.trips)

    def refresh(self) -> None:
        today = self.today()
        trips = self.session.trips.list()
        activated = self.session.trips.activated()
        active = self.session.trips.active(today)
        if active is not None:
            self.active_label.setText(message_text("trip.active", {"name": active.name,
                                                                   "type": message_text(active.type.code)}))
        else:
            self.active_label.setText(message_text("trip.none_active"))
        rows = []
        for trip in trips:
            dates = format_date_id(trip.start) if trip.start == trip.end else \
                f"{format_date_id(trip.start)} – {format_date_id(trip.end)}"
            if activated is not None and trip.id == activated.id:
                status = self.tr("Aktif") if active is not None else self.tr("Diaktifkan (di luar tanggalnya)")
            elif today > trip.end:
                status = self.tr("Selesai")
            elif today < trip.start:
                status = self.tr("Rencana")
            else:
                status = self.tr("Berlangsung")
            rows.append([trip.name, message_text(trip.type.code), trip.place, dates, ", ".join(trip.team), status])
        _fill(self.trips, rows, [t.id for t in trips])
        self.deactivate_button.setEnabled(activated is not None)
        self._show_selected()

    def _show_selected(self) -> None:
        trip_id = self.selected_id()
        has = trip_id is not None
        for button in (self.edit_button, self.activate_button, self.plan_button):
            button.setEnabled(has)
        if not has:
            self.counts.setText(self.tr("Belum ada kunjungan. Buat dengan \"Kunjungan baru\" (Alt+B)."))
            _fill(self.planned, [], [])
            _fill(self.class_list, [], [])
            self.tabs.setTabEnabled(1, False)
            return
        trip = self.session.trips.get(trip_id)
        counts = self.session.trips.counts(trip_id)
        self.counts.setText(fill_placeholders(
            self.tr("%1 target rencana · %2 rekaman · %3 hasil kunjungan pada kunjungan ini"),
            count_text(counts["planned"]), count_text(counts["recordings"]), count_text(counts["outcomes"])))
        planned = self.session.trips.planned(trip_id)
        _fill(self.planned, [[p.nama, p.nik, f"{p.rt}/{p.rw}" if p.rt or p.rw else "", p.kelurahan_kode,
                              message_text(f"outcome.{p.outcome}") if p.outcome else self.tr("belum dikunjungi")]
                             for p in planned], [p.nik for p in planned])
        school = trip.type.value == "sekolah"
        self.tabs.setTabEnabled(1, school)
        self._show_class(trip_id if school else None)

    def _show_class(self, trip_id: str | None) -> None:
        self.students = self.session.school.students(trip_id) if trip_id else []
        today = self.today()
        rows, split = [], {s: 0 for s in StudentStatus}
        for student in self.students:
            verdict = student.verdict(today)
            split[verdict.status] += 1
            if verdict.status is StudentStatus.BELUM:
                status = fill_placeholders(self.tr("Belum dapat direkam — mulai %1"),
                                           format_date_id(verdict.eligible_from))
            elif verdict.status is StudentStatus.REKAM_AWAL:
                status = fill_placeholders(self.tr("Rekam awal: kartu ditahan sampai 17 (%1)"),
                                           format_date_id(verdict.card_held_until))
            else:
                status = message_text("student.wajib")
            if student.recorded:
                status += self.tr(" · sudah direkam")
            card = (f"{student.card_received_by}, {format_date_id(student.card_received_on)}"
                    if student.card_received_by else "")
            rows.append([student.nama, student.kelas, format_date_id(student.tanggal_lahir), status, card])
        _fill(self.class_list, rows, [s.nik for s in self.students])
        self.split_label.setText(fill_placeholders(
            self.tr("%1 siswa: %2 belum dapat direkam · %3 rekam awal (kartu ditahan sampai 17) · %4 dapat direkam"),
            count_text(len(self.students)), count_text(split[StudentStatus.BELUM]),
            count_text(split[StudentStatus.REKAM_AWAL]), count_text(split[StudentStatus.WAJIB])))
        self.card_button.setEnabled(bool(self.students))

    # ----------------------------------------------------------------- actions
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "")
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def new_trip(self) -> None:
        self._open_trip_dialog(None)

    def edit_trip(self) -> None:
        trip_id = self.selected_id()
        if trip_id is not None:
            self._open_trip_dialog(self.session.trips.get(trip_id))

    def _open_trip_dialog(self, trip) -> None:
        dialog = TripDialog(self, trip=trip, today=self.today())

        def save(values: dict) -> None:
            try:
                if trip is None:
                    saved = self.session.trips.create(values["name"], values["type"], values["place"],
                                                      values["start"], values["end"], values["team"],
                                                      actor=self.session.operator_name)
                else:
                    saved = self.session.trips.update(trip.id, values["name"], values["type"], values["place"],
                                                      values["start"], values["end"], values["team"],
                                                      actor=self.session.operator_name)
            except ValueError as exc:  # CodedError: the rule's own words
                dialog.show_error(error_text(exc))
                return
            dialog.done_ok()
            self.refresh()
            self._select(saved.id)
            if trip is None and self.session.trips.active(self.today()) is None:
                # A new trip is not yet the active one: say how recordings get attached to it.
                self._say(fill_placeholders(self.tr(
                    "Kunjungan \"%1\" disimpan. Tekan Aktifkan (Alt+A) agar rekaman berikutnya tercatat pada "
                    "kunjungan ini."), saved.name))
            else:
                self._say(fill_placeholders(self.tr("Kunjungan \"%1\" disimpan."), saved.name))
            self.activeChanged.emit()

        dialog.chosen.connect(save)
        dialog.finished.connect(lambda _result: self.trips.setFocus())
        self.dialog = dialog
        dialog.open()

    def _select(self, trip_id: str) -> None:
        for row in range(self.trips.rowCount()):
            if self.trips.item(row, 0).data(Qt.ItemDataRole.UserRole) == trip_id:
                self.trips.selectRow(row)
                self.trips.setFocus()
                return

    def activate(self) -> None:
        trip_id = self.selected_id()
        if trip_id is None:
            return
        try:
            trip = self.session.trips.activate(trip_id, self.today(), actor=self.session.operator_name)
        except ValueError as exc:
            self._say(error_text(exc), error=True)
            return
        self.refresh()
        self._say(fill_placeholders(self.tr("Rekaman dan hasil kunjungan sekarang dicatat pada \"%1\"."),
                                    trip.name))
        self.activeChanged.emit()

    def deactivate(self) -> None:
        self.session.trips.deactivate(actor=self.session.operator_name)
        self.refresh()
        self._say(self.tr("Tidak ada kunjungan aktif: rekaman baru tidak dicatat pada kunjungan."))
        self.activeChanged.emit()

    def choose_nik_list(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Tambah target dari berkas NIK"), "", self.tr("Daftar NIK (*.csv *.txt);;Semua berkas (*)"))
        if path:
            self.plan_from_file(path)

    def plan_from_file(self, path: str) -> None:
        """Plan the NIKs of a file (NIK in the first column) for the selected trip."""
        from app.targetfile.niks import read_niks

        trip_id = self.selected_id()
        if trip_id is None:
            return
        try:
            niks, skipped = read_niks(path)
            added = self.session.trips.assign(trip_id, niks)
        except (OSError, ValueError) as exc:
            self._say(error_text(exc), error=True)
            return
        self._say(fill_placeholders(self.tr("%1 NIK direncanakan (%2 baru); %3 baris tanpa NIK dilewati."),
                                    count_text(len(set(niks))), count_text(added), count_text(skipped)))
        self._show_selected()

    def choose_class_list(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Impor daftar kelas"), "", self.tr("Daftar kelas (*.xlsx *.csv);;Semua berkas (*)"))
        if path:
            self.import_class_list(path)

    def import_class_list(self, path: str) -> None:
        """Read and store a class list for the selected school trip on the database worker."""
        trip_id = self.selected_id()
        if trip_id is None:
            return
        from app.school_import import import_class_list

        self.import_button.setEnabled(False)
        self._say(self.tr("Membaca daftar kelas…"))
        store, today, actor = self.session.store, self.today(), self.session.operator_name
        run_task(lambda: import_class_list(store, trip_id, path, today=today, actor=actor),
                 self._imported, self._import_failed)

    def _imported(self, result) -> None:
        self.import_button.setEnabled(True)
        text = fill_placeholders(self.tr("Daftar kelas disimpan: %1 siswa baru, %2 diperbarui, %3 baris ditolak."),
                                 count_text(result.added), count_text(result.updated),
                                 count_text(len(result.problems)))
        if result.problems:
            text += " " + "; ".join(fill_placeholders(self.tr("baris %1: %2"), str(line), reason)
                                    for line, reason in result.problems[:5])
        self._say(text, error=bool(result.problems))
        self._show_selected()

    def _import_failed(self, exc: BaseException) -> None:
        from app.targetfile import ImportFileError

        self.import_button.setEnabled(True)
        # The reader's words are about the file, never a student: shown as they are.
        self._say(str(exc) if isinstance(exc, ImportFileError) else error_text(exc), error=True)

    def record_card(self) -> None:
        trip_id, nik = self.selected_id(), _key(self.class_list)
        student = next((s for s in self.students if s.nik == nik), None)
        if trip_id is None or student is None:
            return
        dialog = CardDialog(student.nama, self, today=self.today())

        def save(receiver: str, day) -> None:
            try:
                self.session.school.record_card_delivery(trip_id, nik, receiver, day, today=self.today(),
                                                         actor=self.session.operator_name)
            except ValueError as exc:
                dialog.show_error(error_text(exc))
                return
            dialog.done_ok()
            self._show_selected()

        dialog.chosen.connect(save)
        dialog.finished.connect(lambda _result: self.class_list.setFocus())
        self.dialog = dialog
        dialog.open()
