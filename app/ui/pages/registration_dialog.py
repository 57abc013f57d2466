"""The "Warga belum memiliki NIK/KK" form: one family's address and its members, for a new KK.

Window-modal, opened (never exec'd). Keyboard: the member's fields in KK-form
order, Alt+T (or Enter in the last field) adds the member to the list and
starts the next one at Nama, Delete removes the chosen member, Ctrl+S saves.
The checks are `app.core.registration` (run by the receiver of `submitted`);
a refusal is shown in the dialog, every reason with its member, and it stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from app.core.findings import Finding
from app.core.registration import MAX_MEMBERS, MEMBER, Registration
from app.core.resident import Resident
from app.core.values import Agama, HubunganKeluarga, JenisKelamin, Pekerjaan, Pendidikan, StatusPerkawinan
from app.ui.texts import finding_text
from app.ui.widgets.combos import EnumCombo, RegionPicker
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form_error import FormError


class RegistrationDialog(QDialog):
    """Signals:
        submitted(object): the `Registration` to keep. The receiver stores it and calls `done_ok()`,
            or `show_findings(findings)` to keep the dialog open.

    Attributes:
        members: the members added so far (`Resident`s), in order.
    """

    submitted = Signal(object)

    def __init__(self, regions, address: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warga belum memiliki NIK/KK"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.members: list[Resident] = []
        intro = QLabel(self.tr("Registrasi keluarga baru: kantor menerbitkan nomor KK dan NIK setiap anggota; "
                               "nomornya muncul di laptop ini setelah sinkron."), self)
        intro.setWordWrap(True)
        self.alamat = QLineEdit(self)
        self.rt, self.rw = QLineEdit(self), QLineEdit(self)
        for edit in (self.rt, self.rw):
            edit.setMaxLength(3)
        self.regions = RegionPicker(regions, self)
        address_box = QGroupBox(self.tr("Alamat keluarga"), self)
        address_form = QFormLayout(address_box)
        address_form.addRow(self.tr("&Alamat:"), self.alamat)
        rt_rw = QHBoxLayout()
        rt_rw.addWidget(self.rt)
        rt_rw.addWidget(QLabel(self.tr("RW:"), self))
        rt_rw.addWidget(self.rw)
        address_form.addRow(self.tr("RT:"), rt_rw)
        for level, label in (("provinsi", self.tr("Provinsi:")), ("kabupaten", self.tr("Kabupaten/kota:")),
                             ("kecamatan", self.tr("Kecamatan:")), ("kelurahan", self.tr("Kelurahan/desa:"))):
            address_form.addRow(label, self.regions.combos[level])
        if address and address.get("kelurahan_kode"):
            self.regions.set_kelurahan(address["kelurahan_kode"])
        self.member_box = QGroupBox(self)
        self._build_member_form()
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        self.remove_button = QPushButton(self.tr("&Hapus anggota"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.error = FormError(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Simpan registrasi"))
        self.save_button.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        # Two columns, so the whole form fits a 1366x768 screen: the address and the members
        # added so far on the left, the member being entered on the right.
        left = QVBoxLayout()
        left.addWidget(address_box)
        left.addWidget(QLabel(self.tr("Anggota keluarga:"), self))
        left.addWidget(self.list, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.member_box, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._refresh_members()

    def _build_member_form(self) -> None:
        # Made in the KK form's order: Tab follows creation order.
        self.nama = QLineEdit(self)
        self.combos = {"jenis_kelamin": EnumCombo(JenisKelamin, self)}
        self.tempat_lahir = QLineEdit(self)
        self.tanggal_lahir = DateEdit(self)
        for name, enum_cls in (("hubungan_keluarga", HubunganKeluarga), ("agama", Agama),
                               ("status_perkawinan", StatusPerkawinan), ("pendidikan", Pendidikan),
                               ("pekerjaan", Pekerjaan)):
            self.combos[name] = EnumCombo(enum_cls, self)
        self.nama_ayah, self.nama_ibu = QLineEdit(self), QLineEdit(self)
        form = QFormLayout(self.member_box)
        form.addRow(self.tr("&Nama:"), self.nama)
        form.addRow(self.tr("Jenis kelamin:"), self.combos["jenis_kelamin"])
        form.addRow(self.tr("Tempat lahir:"), self.tempat_lahir)
        form.addRow(self.tr("Tanggal lahir:"), self.tanggal_lahir)
        form.addRow(self.tr("Hubungan dalam keluarga:"), self.combos["hubungan_keluarga"])
        form.addRow(self.tr("Agama:"), self.combos["agama"])
        form.addRow(self.tr("Status perkawinan:"), self.combos["status_perkawinan"])
        form.addRow(self.tr("Pendidikan:"), self.combos["pendidikan"])
        form.addRow(self.tr("Pekerjaan:"), self.combos["pekerjaan"])
        form.addRow(self.tr("Nama ayah:"), self.nama_ayah)
        form.addRow(self.tr("Nama ibu:"), self.nama_ibu)
        self.add_button = QPushButton(self.tr("Tambah anggota (Alt+T)"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_member)
        QShortcut(QKeySequence("Alt+T"), self, self.add_member)
        form.addRow("", self.add_button)
        self.nama_ibu.returnPressed.connect(self.add_member)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        first = self.alamat if not self.alamat.text() else self.nama
        first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # -- members ---------------------------------------------------------------------

    def member_from_fields(self) -> Resident:
        """The member as typed (checked only when the whole family is saved)."""
        values = {name: combo.value() for name, combo in self.combos.items()}
        if values["jenis_kelamin"] is not None:  # a str enum comes back from Qt as its text
            values["jenis_kelamin"] = JenisKelamin.parse(values["jenis_kelamin"])
        return Resident(nama=self.nama.text(), tempat_lahir=self.tempat_lahir.text(),
                        tanggal_lahir=self.tanggal_lahir.date(), nama_ayah=self.nama_ayah.text(),
                        nama_ibu=self.nama_ibu.text(), **values)

    def add_member(self) -> None:
        """Add the member in the fields to the list and start the next one at Nama."""
        if not self.nama.text().strip():
            self.nama.setFocus()
            return
        if len(self.members) >= MAX_MEMBERS:
            self.show_text(self.tr("Satu KK paling banyak %1 anggota keluarga.").replace("%1", str(MAX_MEMBERS)))
            return
        self.members.append(self.member_from_fields())
        for edit in (self.nama, self.nama_ayah, self.nama_ibu):
            edit.clear()
        for name in ("jenis_kelamin", "hubungan_keluarga", "status_perkawinan", "pendidikan", "pekerjaan"):
            self.combos[name].set_value(None)
        self.tanggal_lahir.set_date(None)
        self._refresh_members()
        self.nama.setFocus()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.members):
            del self.members[row]
            self._refresh_members()

    def _refresh_members(self) -> None:
        self.list.clear()
        for i, m in enumerate(self.members, start=1):
            relation = m.hubungan_keluarga.label if m.hubungan_keluarga else "?"
            born = m.tanggal_lahir.strftime("%d-%m-%Y") if m.tanggal_lahir else "?"
            self.list.addItem(f"{i}. {' '.join(m.nama.upper().split())} ({relation}, {born})")
        self.member_box.setTitle(self.tr("Anggota ke-%1").replace("%1", str(len(self.members) + 1)))
        if not self.members:
            self.combos["hubungan_keluarga"].set_value(HubunganKeluarga.KEPALA_KELUARGA)

    # -- saving -----------------------------------------------------------------------

    def registration(self) -> Registration:
        """The family as entered: the address and the members (one still in the fields counts too)."""
        codes = self.regions.codes()
        address = Resident(alamat=self.alamat.text(), rt=self.rt.text(), rw=self.rw.text(),
                           **{f"{level}_kode": kode for level, (kode, _nama) in codes.items()},
                           **{f"{level}_nama": nama for level, (_kode, nama) in codes.items()})
        members = list(self.members)
        if self.nama.text().strip():
            members.append(self.member_from_fields())
        return Registration(address, tuple(members))

    def save(self) -> None:
        self.submitted.emit(self.registration())

    def show_findings(self, findings: list[Finding]) -> None:
        """Every reason, each with the member it concerns."""
        lines = []
        for f in findings:
            parts = f.field.split(".")
            where = (self.tr("Anggota ke-%1: ").replace("%1", str(int(parts[1]) + 1))
                     if parts[0] == MEMBER and len(parts) == 3 else "")
            lines.append(where + finding_text(f))
        self.show_text("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))

    def show_text(self, text: str) -> None:
        self.error.say(text)

    def done_ok(self) -> None:
        self.accept()
