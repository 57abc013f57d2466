"""Daftar Warga → "Warga belum ber-NIK…": the families registered here and the numbers issued for them.

A window-modal dialog (opened, never exec'd): one row per registration with its
day, head of family, members, state and KK number; the chosen row's members
with their NIKs once the office issued them (they arrive with the status
feed), and "Rekam anggota" (Alt+R, or Enter on a member) to record one of them
with the issued NIK and KK. "Registrasi baru…" (Alt+B) opens the family form
(`app.ui.pages.registration_dialog`); a saved family appears at the top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.registration import STATUS_CODES, RegistrationRefused
from app.store.registrations import StoredRegistration
from app.ui.pages.registration_dialog import RegistrationDialog
from app.ui.texts import error_text, message_text


class RegistrationsDialog(QDialog):
    """Signals:
        enrollMember(object): a member whose NIK was issued, as the `Resident` to record (pre-filled).

    Attributes:
        rows: the registrations shown, in table order.
        form: the open family form, if any.
    """

    enrollMember = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Warga belum memiliki NIK/KK"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(820, 480)
        self.rows: list[StoredRegistration] = []
        self.form: RegistrationDialog | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Tanggal"), self.tr("Kepala keluarga"), self.tr("Anggota"),
                                              self.tr("Status"), self.tr("Nomor KK")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_members(row))
        self.members = QListWidget(self)
        self.members.setMaximumHeight(140)
        self.members.itemActivated.connect(lambda _item: self.enroll_selected())
        self.new_button = QPushButton(self.tr("Registrasi &baru…"), self)
        self.new_button.clicked.connect(self.open_form)
        self.enroll_button = QPushButton(self.tr("&Rekam anggota"), self)
        self.enroll_button.setToolTip(self.tr("Rekam KTP-el anggota yang dipilih dengan NIK yang sudah terbit"))
        self.enroll_button.clicked.connect(self.enroll_selected)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        hint = QLabel(self.tr("NIK dan nomor KK dari kantor muncul di sini setelah sinkron."), self)
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.members)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.session.registrations.list()
        self.table.setRowCount(len(self.rows))
        for i, held in enumerate(self.rows):
            reg = held.registration
            head = reg.members[reg.head_index or 0].nama
            cells = (held.recorded_on.strftime("%d-%m-%Y"), head, str(len(reg.members)),
                     message_text(STATUS_CODES[held.status]), held.issued.no_kk if held.issued else "–")
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.members.clear()
        if self.rows:
            self.table.selectRow(0)
            self._show_members(0)
        else:
            self.members.addItem(self.tr("Belum ada registrasi."))
        self.enroll_button.setEnabled(self._issued() is not None)

    def _issued(self) -> StoredRegistration | None:
        row = self.table.currentRow()
        held = self.rows[row] if 0 <= row < len(self.rows) else None
        return held if held is not None and held.issued is not None else None

    def _show_members(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        held = self.rows[row]
        self.members.clear()
        for i, m in enumerate(held.registration.members):
            nik = held.issued.niks[i] if held.issued else self.tr("menunggu")
            relation = m.hubungan_keluarga.label if m.hubungan_keluarga else ""
            self.members.addItem(f"{i + 1}. {m.nama} ({relation}): NIK {nik}")
        self.members.setCurrentRow(0)
        self.enroll_button.setEnabled(held.issued is not None)

    def enroll_selected(self) -> None:
        """Record the chosen member of an issued registration: a new form pre-filled with the numbers."""
        held, index = self._issued(), self.members.currentRow()
        if held is None or not 0 <= index < len(held.registration.members):
            return
        self.enrollMember.emit(held.registration.member_resident(index, nik=held.issued.niks[index],
                                                                 no_kk=held.issued.no_kk))
        self.accept()

    def open_form(self) -> RegistrationDialog:
        """The family form (its kelurahan already chosen when the target list holds only one)."""
        if self.form is not None:
            self.form.deleteLater()
        kelurahan = self.session.target_kelurahan()
        address = self.session.address_of_kelurahan(kelurahan[0][0]) if len(kelurahan) == 1 else None
        self.form = RegistrationDialog(self.session.regions, address, self)
        self.form.submitted.connect(self._save)
        self.form.open()
        return self.form

    def _save(self, registration) -> None:
        try:
            self.session.register_family(registration)
        except RegistrationRefused as exc:
            self.form.show_findings(exc.findings)
            return
        except Exception as exc:  # noqa: BLE001 - a store problem is shown, the form stays open
            self.form.show_text(error_text(exc))
            return
        self.form.done_ok()
        self.refresh()
