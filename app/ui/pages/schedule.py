"""Jadwal: recording slots per RT, invitations to them, and the papers (invitations, RT list, pick-up list).

The rules are `app.core.schedules`; the rows `app.store.schedules` (through the
session). Every read and change runs on the database worker and every PDF on
the global pool; the page only shows what comes back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QThreadPool, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core._text import format_date_id
from app.core.schedules import MAX_MINUTES_PER_RECORDING, MAX_SEED, MAX_SETS, AssignOrder, check_window, window_text
from app.ui.pages.common import count_text, fill_placeholders, page_title
from app.ui.pages.trips import _fill, _key, _table
from app.ui.texts import error_text
from app.ui.workers import run_task


class SchedulePage(QWidget):
    """Plan slots for one RT, invite its residents, re-invite who missed, print the papers."""

    def __init__(self, session, parent=None, *, today=None):
        super().__init__(parent)
        self.session = session
        self._today = today  # a fixed day for tests and screenshots; None: the calendar's
        self.rts = []
        self.slots = []
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Jadwal & Undangan"), self))

        choose = QHBoxLayout()
        self.rt_box = QComboBox(self)
        self.rt_box.setMinimumWidth(420)
        rt_label = QLabel(self.tr("&RT:"), self)
        rt_label.setBuddy(self.rt_box)
        self.farthest = QCheckBox(self.tr("RT &terjauh: semua warganya dijemput"), self)
        choose.addWidget(rt_label)
        choose.addWidget(self.rt_box, 1)
        choose.addWidget(self.farthest)
        layout.addLayout(choose)

        plan = QGroupBox(self.tr("Rencana jadwal"), self)
        form = QFormLayout(plan)
        self.place = QLineEdit(plan)
        self.place.setPlaceholderText(self.tr("mis. Balai RW 03, Jl. Merdeka"))
        self.first_day = QDateEdit(plan)
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("dd-MM-yyyy")
        self.start = QTimeEdit(QTime(8, 0), plan)
        self.end = QTimeEdit(QTime(12, 0), plan)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.sets = QSpinBox(plan)
        self.sets.setRange(1, MAX_SETS)
        self.sets.setValue(2)
        self.minutes = QSpinBox(plan)
        self.minutes.setRange(1, MAX_MINUTES_PER_RECORDING)
        self.minutes.setValue(10)
        for edit in (self.first_day, self.sets, self.minutes):
            edit.setMaximumWidth(160)
        self.skip_sunday = QCheckBox(self.tr("Tanpa hari Minggu"), plan)
        self.skip_sunday.setChecked(True)
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel("\u2013", plan))
        hours.addWidget(self.end)
        hours.addStretch(1)
        form.addRow(self.tr("Tempat"), self.place)
        form.addRow(self.tr("Mulai tanggal"), self.first_day)
        form.addRow(self.tr("Jam"), hours)
        form.addRow(self.tr("Set alat"), self.sets)
        form.addRow(self.tr("Menit per perekaman"), self.minutes)
        form.addRow("", self.skip_sunday)
        self.capacity = QLabel(plan)
        form.addRow(self.tr("Kapasitas"), self.capacity)
        self.plan_button = QPushButton(self.tr("Re&ncanakan jadwal"), plan)
        self.plan_button.setMaximumWidth(260)
        form.addRow("", self.plan_button)
        layout.addWidget(plan)

        invite = QHBoxLayout()
        self.by_list = QRadioButton(self.tr("Urut daftar"), self)
        self.at_random = QRadioButton(self.tr("Acak, kode:"), self)
        self.by_list.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_list)
        group.addButton(self.at_random)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(1)
        self.assign_button = QPushButton(self.tr("&Bagikan undangan"), self)
        self.reinvite_button = QPushButton(self.tr("&Undang ulang yang terlewat"), self)
        for widget in (self.by_list, self.at_random, self.seed, self.assign_button, self.reinvite_button):
            invite.addWidget(widget)
        invite.addStretch(1)
        layout.addLayout(invite)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = _table(self, [self.tr("Tanggal"), self.tr("Jam"), self.tr("Tempat"), self.tr("Kapasitas"),
                                   self.tr("Diundang"), self.tr("Sisa")], stretch=2)
        layout.addWidget(self.table, 1)

        papers = QHBoxLayout()
        self.invitations_button = QPushButton(self.tr("&Cetak undangan…"), self)
        self.only_new = QCheckBox(self.tr("hanya yang belum dicetak"), self)
        self.only_new.setChecked(True)
        self.rt_list_button = QPushButton(self.tr("Daftar untuk &ketua RT…"), self)
        self.pickup_button = QPushButton(self.tr("Daftar &jemputan…"), self)
        self.delete_button = QPushButton(self.tr("&Hapus jadwal"), self)
        for button in (self.invitations_button, self.only_new, self.rt_list_button, self.pickup_button):
            papers.addWidget(button)
        papers.addStretch(1)
        papers.addWidget(self.delete_button)
        layout.addLayout(papers)

        self.first_day.setDate(QDate(self.today()))
        self.rt_box.currentIndexChanged.connect(lambda _i: self._load_slots())
        self.farthest.clicked.connect(self.set_farthest)
        self.plan_button.clicked.connect(self.plan)
        self.assign_button.clicked.connect(self.assign)
        self.reinvite_button.clicked.connect(self.reinvite)
        self.invitations_button.clicked.connect(lambda: self._choose("undangan", self.print_invitations))
        self.rt_list_button.clicked.connect(lambda: self._choose("daftar-rt", self.print_rt_list))
        self.pickup_button.clicked.connect(lambda: self._choose("jemputan", self.print_pickups))
        self.delete_button.clicked.connect(lambda: self.delete_slot())
        for signal in (self.start.timeChanged, self.end.timeChanged, self.sets.valueChanged,
                       self.minutes.valueChanged):
            signal.connect(lambda *_: self._show_capacity())
        self._show_capacity()
        self._enable()  # the RTs are read when the page is shown (`refresh`): a city's list is not read at unlock

    # ----------------------------------------------------------------- reading
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_rt(self):
        index = self.rt_box.currentIndex()
        return self.rts[index].rt if 0 <= index < len(self.rts) else None

    def refresh(self) -> None:
        """Read the RTs (and the chosen one's slots) on the database worker."""
        schedules = self.session.schedules
        run_task(schedules.rts, self._show_rts, self._failed)

    def _show_rts(self, rts) -> None:
        chosen = self.current_rt()
        self.rts = rts
        self.rt_box.blockSignals(True)
        self.rt_box.clear()
        for s in rts:
            self.rt_box.addItem(fill_placeholders(
                self.tr("%1, Kel. %2: %3 target · %4 direkam · %5 jadwal · %6 diundang"), s.rt.label(),
                s.area_name, count_text(s.targets), count_text(s.recorded), count_text(s.slots),
                count_text(s.invited)))
        keys = [s.rt for s in rts]
        self.rt_box.setCurrentIndex(keys.index(chosen) if chosen in keys else (0 if keys else -1))
        self.rt_box.blockSignals(False)
        if not rts:
            self._say(self.tr("Daftar target kosong: impor daftar target dulu (Daftar Warga)."))
        self._enable()
        self._load_slots()

    def _load_slots(self) -> None:
        rt = self.current_rt()
        if rt is None:
            self._show_slots([])
            return
        self.farthest.setChecked(self.rts[self.rt_box.currentIndex()].farthest)
        schedules = self.session.schedules
        run_task(lambda: schedules.slots(rt), self._show_slots, self._failed)

    def _show_slots(self, slots) -> None:
        self.slots = slots
        today = self.today()
        rows = [[format_date_id(s.day) + (self.tr(" (lewat)") if s.day < today else ""),
                 window_text(s.window.start, s.window.end), s.window.place, count_text(s.capacity),
                 count_text(s.invited), count_text(s.free)] for s in slots]
        _fill(self.table, rows, [s.id for s in slots])
        self._enable()

    def _enable(self) -> None:
        has_rt = self.current_rt() is not None and not self.busy
        has_slots = has_rt and bool(self.slots)
        for widget in (self.plan_button, self.farthest):
            widget.setEnabled(has_rt)
        for widget in (self.assign_button, self.reinvite_button, self.invitations_button, self.rt_list_button,
                       self.pickup_button, self.delete_button):
            widget.setEnabled(has_slots)

    def _window(self):
        start, end = self.start.time(), self.end.time()
        return check_window(self.place.text(), dt.time(start.hour(), start.minute()),
                            dt.time(end.hour(), end.minute()), self.sets.value(), self.minutes.value())

    def _show_capacity(self) -> None:
        try:
            window = check_window("-", *(dt.time(t.hour(), t.minute()) for t in (self.start.time(), self.end.time())),
                                  self.sets.value(), self.minutes.value())  # the place does not change it
        except ValueError as exc:
            self.capacity.setText(error_text(exc))
            return
        self.capacity.setText(fill_placeholders(self.tr("%1 warga per jadwal"), count_text(window.capacity)))

    # ----------------------------------------------------------------- actions
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _run(self, work, done) -> None:
        """`work` on the database worker; then `done(result)` and a fresh read."""
        self.busy = True
        self._enable()

        def finished(result) -> None:
            self.busy = False
            done(result)
            self.refresh()

        run_task(work, finished, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._say(error_text(exc), error=True)
        self._enable()

    def plan(self) -> None:
        rt = self.current_rt()
        if rt is None:
            return
        try:
            window = self._window()
        except ValueError as exc:
            self._say(error_text(exc), error=True)
            return
        schedules, today, actor = self.session.schedules, self.today(), self.session.operator_name
        first = self.first_day.date().toPython()
        skip = (6,) if self.skip_sunday.isChecked() else ()
        self._run(lambda: schedules.plan(rt, first, window, today=today, skip_weekdays=skip, actor=actor),
                  self._planned)

    def _planned(self, made) -> None:
        if not made:
            self._say(self.tr("Semua warga RT ini sudah mendapat tempat: tidak ada jadwal baru."))
            return
        self._say(fill_placeholders(self.tr("%1 jadwal baru, %2 sampai %3. Lanjutkan dengan \"Bagikan undangan\"."),
                                    count_text(len(made)), format_date_id(made[0].day), format_date_id(made[-1].day)))

    def assign(self) -> None:
        rt = self.current_rt()
        if rt is None:
            return
        order = AssignOrder.RANDOM if self.at_random.isChecked() else AssignOrder.LIST
        seed = self.seed.value()
        schedules, today, actor = self.session.schedules, self.today(), self.session.operator_name
        self._run(lambda: schedules.assign(rt, order, seed, today=today, actor=actor), self._assigned)

    def _assigned(self, result) -> None:
        text = fill_placeholders(self.tr("%1 warga diundang."), count_text(len(result.invitations)))
        if result.without_slot:
            text += " " + fill_placeholders(self.tr("%1 warga belum mendapat tempat: rencanakan jadwal lagi."),
                                            count_text(len(result.without_slot)))
        self._say(text, error=bool(result.without_slot))

    def reinvite(self) -> None:
        rt = self.current_rt()
        if rt is None:
            return
        schedules, today, actor = self.session.schedules, self.today(), self.session.operator_name
        self._run(lambda: schedules.reinvite_missed(rt, today=today, actor=actor), self._reinvited)

    def _reinvited(self, result) -> None:
        text = fill_placeholders(self.tr("%1 warga yang terlewat diundang ke jadwal berikutnya."),
                                 count_text(len(result.invitations)))
        if result.without_slot:
            text += " " + fill_placeholders(
                self.tr("%1 warga tidak mendapat jadwal berikutnya: tambah jadwal, lalu undang ulang."),
                count_text(len(result.without_slot)))
        self._say(text, error=bool(result.without_slot))

    def set_farthest(self) -> None:
        rt = self.current_rt()
        if rt is None:
            return
        far, schedules, actor = self.farthest.isChecked(), self.session.schedules, self.session.operator_name
        self._run(lambda: schedules.set_farthest(rt, far, actor=actor), lambda _r: self._say(
            self.tr("RT ini ditandai terjauh: semua warganya masuk daftar jemputan.") if far
            else self.tr("Tanda RT terjauh dihapus.")))

    def delete_slot(self, *, confirmed: bool = False) -> None:
        """Delete the chosen slot; one that holds invitations is deleted only after the operator agrees."""
        slot_id = _key(self.table)
        slot = next((s for s in self.slots if s.id == slot_id), None)
        if slot is None:
            return
        if slot.invited and not confirmed:
            answer = QMessageBox.question(self, self.tr("Hapus jadwal"), fill_placeholders(
                self.tr("Jadwal %1 sudah berisi %2 undangan. Hapus jadwal dan undangannya?"),
                format_date_id(slot.day), count_text(slot.invited)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        schedules, actor = self.session.schedules, self.session.operator_name
        self._run(lambda: schedules.delete_slot(slot_id, actor=actor),
                  lambda _r: self._say(self.tr("Jadwal dihapus; warganya dapat diundang lagi.")))

    # ----------------------------------------------------------------- papers
    def _choose(self, stem: str, action) -> None:
        rt = self.current_rt()
        if rt is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), f"{stem}-rt{rt.rt}-rw{rt.rw}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            action(path)

    def print_invitations(self, path: str) -> None:
        from app.ui.schedule_pdf import write_invitations_pdf

        self._paper(path, lambda invitations, office, demo: write_invitations_pdf(
            path, invitations, office=office, demo=demo), mark=True, unprinted=self.only_new.isChecked())

    def print_rt_list(self, path: str) -> None:
        from app.ui.schedule_pdf import write_rt_list_pdf

        self._paper(path, lambda invitations, office, demo: write_rt_list_pdf(
            path, invitations, office=office, demo=demo))

    def print_pickups(self, path: str) -> None:
        from app.ui.schedule_pdf import write_pickup_pdf

        self._paper(path, lambda invitations, office, demo: write_pickup_pdf(
            path, invitations, office=office, demo=demo))

    def _paper(self, path: str, write, *, mark: bool = False, unprinted: bool = False) -> None:
        """Read the RT's invitations from today on (`unprinted`: only those not printed yet) on the database
        worker, then write the PDF on the global pool."""
        rt = self.current_rt()
        if rt is None:
            return
        schedules, session = self.session.schedules, self.session
        self.busy = True
        self._enable()
        self._say(self.tr("Menyiapkan PDF…"))

        def written(invitations) -> None:
            if mark:  # only once the paper exists
                run_task(lambda: schedules.mark_printed(invitations))
            self.busy = False
            self._enable()
            self._say(fill_placeholders(self.tr("PDF disimpan: %1"), path))

        def read(invitations) -> None:
            if mark and not invitations:
                self.busy = False
                self._enable()
                self._say(self.tr("Tidak ada undangan untuk dicetak (semua sudah dicetak, atau jadwalnya sudah "
                                  "lewat)."))
                return
            office, demo = session.letterhead(), session.is_demo

            def work():
                write(invitations, office, demo)
                return invitations

            run_task(work, written, self._failed, pool=QThreadPool.globalInstance())

        today = self.today()
        run_task(lambda: schedules.invitations(rt, from_day=today, unprinted=unprinted), read, self._failed)
