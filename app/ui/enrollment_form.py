"""The enrollment form: every field of the resident record, checked as typed.

The form only gathers input and shows what `app.core.validation` says; it
holds no rules of its own. Sections Identitas, Kelahiran, Alamat, Keluarga and
Lainnya sit in three columns so the whole form fits 1366x768 without
scrolling; the findings panel beside them lists errors and the warnings that
need a reason. Keyboard-first: Tab or Enter moves on, Ctrl+S saves a draft.

The form holds still: each field has one message line under it, there even
when empty, and a finding's frame keeps the field's size, so nothing moves
under the mouse. Beside Selesai stands why it is disabled; Ctrl+Enter on an
incomplete form puts the keyboard on the first thing missing (`blocking`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.biometric_slot import BiometricSlot
from app.core.biometric_requirement import BiometricMode, biometric_findings, photo_settled
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.findings import Acknowledgement, Finding, Severity, verdict
from app.session import MediaSlot
from app.core.resident import BirthDatePrecision, Resident, estimated_birth_date
from app.core.recording_check import check_recording
from app.core.validation import REQUIRED_FIELDS, ValidationContext, normalize_resident
from app.core.values import (
    Agama,
    Disabilitas,
    GolonganDarah,
    HubunganKeluarga,
    JenisKelamin,
    Kewarganegaraan,
    Pekerjaan,
    Pendidikan,
    StatusPerkawinan,
)
from app.ui.texts import finding_text
from app.ui.widgets.biometric_rows import BiometricRows
from app.ui.labels import field_title
from app.ui.widgets.combos import EnumCombo, MultiSelectButton, RegionPicker
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.disabilitas_suggestion import DisabilitasSuggestion
from app.ui.widgets.findings_panel import FindingsPanel
from app.ui.widgets.message_line import MessageLine, set_severity
from app.ui.widgets.number_input import NumberLineEdit


@dataclass
class FormResult:
    """What the operator asked to save."""

    resident: Resident
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    complete: bool = False
    photo: MediaSlot = field(default_factory=MediaSlot)
    signature: MediaSlot = field(default_factory=MediaSlot)
    biometrics: BiometricSlot = field(default_factory=BiometricSlot)


class _EnterMovesOn(QObject):
    """Return/Enter in a line edit moves focus to the next field."""

    def __init__(self, form: "EnrollmentForm"):
        super().__init__(form)
        self.form = form

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False
            self.form.focus_next_field()
            return True
        return False


class EnrollmentForm(QWidget):
    """Signals:
        saveRequested(FormResult): the operator asked to save (draft or complete).
        cancelRequested: the operator closed the form.
        edited: the operator changed something (typed, chose, confirmed a warning, took a photo).

    Attributes:
        dirty: changed since it was loaded or last saved.
        edits: how many changes so far (a save knows which changes it holds).
    """

    saveRequested = Signal(object)
    cancelRequested = Signal()
    edited = Signal()
    photoRequested = Signal()
    signatureRequested = Signal()
    fingerprintRequested = Signal()
    irisRequested = Signal()

    def __init__(self, regions, context_factory, parent=None):
        """`context_factory()` returns the ValidationContext for now (recording date, settings)."""
        super().__init__(parent)
        self.regions = regions
        self.context_factory = context_factory
        self._findings: list[Finding] = []
        self._context_findings: list[Finding] = []  # what only the profile knows (`set_context_findings`)
        self._field_labels: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._building = False
        self.dirty = False
        self.edits = 0

        self.nik = NumberLineEdit(self)
        self.nik.setPlaceholderText(self.tr("16 digit"))
        self.no_kk = NumberLineEdit(self)
        self.no_kk.setPlaceholderText(self.tr("16 digit"))
        self.nama = QLineEdit(self)
        self.nama.setMaxLength(60)
        self.jenis_kelamin = EnumCombo(JenisKelamin, self)
        self.kewarganegaraan = EnumCombo(Kewarganegaraan, self)
        self.kewarganegaraan.set_value(Kewarganegaraan.WNI)
        self.agama = EnumCombo(Agama, self)
        self.golongan_darah = EnumCombo(GolonganDarah, self)
        self.tempat_lahir = QLineEdit(self)
        self.tempat_lahir.setMaxLength(60)
        self.tanggal_lahir = DateEdit(self)
        self.presisi = QComboBox(self)
        self.presisi.addItem(self.tr("Tanggal pasti"), BirthDatePrecision.EXACT)
        self.presisi.addItem(self.tr("Hanya bulan & tahun (tgl 15)"), BirthDatePrecision.MONTH)
        self.presisi.addItem(self.tr("Hanya tahun (1 Juli)"), BirthDatePrecision.YEAR)
        self.alamat = QLineEdit(self)
        self.alamat.setMaxLength(120)
        self.rt = QLineEdit(self)
        self.rt.setMaxLength(3)
        self.rt.setPlaceholderText("RT")
        self.rw = QLineEdit(self)
        self.rw.setMaxLength(3)
        self.rw.setPlaceholderText("RW")
        self.region = RegionPicker(regions, self)
        self.status_perkawinan = EnumCombo(StatusPerkawinan, self)
        self.hubungan_keluarga = EnumCombo(HubunganKeluarga, self)
        self.nama_ayah = QLineEdit(self)
        self.nama_ayah.setMaxLength(60)
        self.nama_ibu = QLineEdit(self)
        self.nama_ibu.setMaxLength(60)
        self.pendidikan = EnumCombo(Pendidikan, self)
        self.pekerjaan = EnumCombo(Pekerjaan, self)
        self.disabilitas = MultiSelectButton([(d.label, d) for d in Disabilitas], self.tr("Tidak ada"), self)
        self.telepon = QLineEdit(self)
        self.telepon.setMaxLength(16)
        self.telepon.setPlaceholderText(self.tr("opsional"))
        self.catatan = QLineEdit(self)
        self.catatan.setMaxLength(500)
        self.catatan.setPlaceholderText(self.tr("opsional"))

        self.photo = MediaSlot()
        self.signature = MediaSlot()
        self.biometrics = BiometricSlot()
        self.photo_status = QLabel(self)
        self.photo_status.setWordWrap(True)
        self.photo_status.setObjectName("hint")
        self.signature_status = QLabel(self)
        self.signature_status.setWordWrap(True)
        self.signature_status.setObjectName("hint")
        self.photo_button = QPushButton(self.tr("Foto (F2)"), self)
        self.signature_button = QPushButton(self.tr("Tanda tangan (F3)"), self)
        self.photo_button.clicked.connect(self.photoRequested)
        self.signature_button.clicked.connect(self.signatureRequested)
        self.biometric_rows = BiometricRows(self, self.photo_button, self.photo_settled)
        self.biometric_rows.fingerprintRequested.connect(self.fingerprintRequested)
        self.biometric_rows.irisRequested.connect(self.irisRequested)
        rows = self.biometric_rows  # their widgets by the names the enroll page knows
        self.fingerprint_button, self.fingerprint_status = rows.fingerprint_button, rows.fingerprint_status
        self.iris_button, self.iris_status = rows.iris_button, rows.iris_status
        self.disabilitas_suggestion = DisabilitasSuggestion(self.disabilitas, self)  # under the media rows
        self.disabilitas_suggestion_text = self.disabilitas_suggestion.text
        self.disabilitas_accept = self.disabilitas_suggestion.accept_button
        self.disabilitas_decline = self.disabilitas_suggestion.decline_button

        self.findings_panel = FindingsPanel(self)
        self.completeness = QProgressBar(self)
        self.completeness.setFormat(self.tr("%v dari %m isian wajib"))
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing_label.setObjectName("hint")

        self.complete_reason = MessageLine(self)  # why Selesai is disabled, beside it
        self.complete_reason.setObjectName("completeReason")
        self.complete_reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.save_button = QPushButton(self.tr("Simpan draf (Ctrl+S)"), self)
        self.complete_button = QPushButton(self.tr("Selesai (Ctrl+Enter)"), self)
        self.complete_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("Tutup"), self)
        self.save_button.clicked.connect(lambda: self.request_save(False))
        self.complete_button.clicked.connect(lambda: self.request_save(True))
        self.cancel_button.clicked.connect(self.cancelRequested)

        self._build_layout()
        self.biometric_rows.set_mode(BiometricMode.OFF)  # hidden until the profile's mode has the steps
        self._wire()
        self.clear()

    # ----------------------------------------------------------------- layout
    def _row(self, form: QFormLayout, label: str, key: str, widget: QWidget) -> None:
        """A field with its message line under it: one line, always there, so a message moves nothing."""
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(widget)
        message = MessageLine(box)
        message.setObjectName("fieldMessage")
        v.addWidget(message)
        form.addRow(label, box)
        self._field_labels[key] = message
        self._field_widgets[key] = widget

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(1)
        form.setContentsMargins(6, 2, 6, 2)
        return box, form

    def hideEvent(self, event):  # noqa: N802 - Qt override
        self._timer.stop()
        super().hideEvent(event)

    def set_read_only(self, read_only: bool) -> None:
        """Lock every section (a sent recording is viewed, not edited)."""
        for box in self._sections:
            box.setEnabled(not read_only)
        self.complete_reason.setVisible(not read_only)

    def _build_layout(self) -> None:
        ident, f = self._group(self.tr("Identitas"))
        self._row(f, self.tr("NIK"), "nik", self.nik)
        self._row(f, self.tr("Nomor KK"), "no_kk", self.no_kk)
        self._row(f, self.tr("Nama lengkap"), "nama", self.nama)
        self._row(f, self.tr("Jenis kelamin"), "jenis_kelamin", self.jenis_kelamin)
        self._row(f, self.tr("Kewarganegaraan"), "kewarganegaraan", self.kewarganegaraan)
        self._row(f, self.tr("Agama"), "agama", self.agama)
        self._row(f, self.tr("Gol. darah"), "golongan_darah", self.golongan_darah)

        birth, f = self._group(self.tr("Kelahiran"))
        self._row(f, self.tr("Tempat lahir"), "tempat_lahir", self.tempat_lahir)
        self._row(f, self.tr("Tanggal lahir"), "tanggal_lahir", self.tanggal_lahir)
        self._row(f, self.tr("Ketepatan"), "tanggal_lahir_presisi", self.presisi)

        addr, f = self._group(self.tr("Alamat"))
        self._row(f, self.tr("Alamat"), "alamat", self.alamat)
        rtrw = QWidget(self)
        h = QHBoxLayout(rtrw)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.rt)
        h.addWidget(QLabel("/", rtrw))
        h.addWidget(self.rw)
        self._row(f, self.tr("RT / RW"), "rt", rtrw)
        self._field_labels["rw"] = self._field_labels["rt"]
        combos = self.region.combos
        self._row(f, self.tr("Provinsi"), "provinsi_kode", combos["provinsi"])
        self._row(f, self.tr("Kab./Kota"), "kabupaten_kode", combos["kabupaten"])
        self._row(f, self.tr("Kecamatan"), "kecamatan_kode", combos["kecamatan"])
        self._row(f, self.tr("Kel./Desa"), "kelurahan_kode", combos["kelurahan"])

        family, f = self._group(self.tr("Keluarga"))
        self._row(f, self.tr("Status kawin"), "status_perkawinan", self.status_perkawinan)
        self._row(f, self.tr("Hubungan"), "hubungan_keluarga", self.hubungan_keluarga)
        self._row(f, self.tr("Nama ayah"), "nama_ayah", self.nama_ayah)
        self._row(f, self.tr("Nama ibu"), "nama_ibu", self.nama_ibu)

        other, f = self._group(self.tr("Lainnya"))
        f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the full width for long list values
        f.setContentsMargins(6, 12, 6, 2)  # the first label clear of the section's title
        self._row(f, self.tr("Pendidikan"), "pendidikan", self.pendidikan)
        self._row(f, self.tr("Pekerjaan"), "pekerjaan", self.pekerjaan)
        self._row(f, self.tr("Disabilitas"), "disabilitas", self.disabilitas)
        self._row(f, self.tr("Telepon"), "telepon", self.telepon)
        self._row(f, self.tr("Catatan"), "catatan", self.catatan)

        media, f = self._group(self.tr("Foto && tanda tangan"))
        f.addRow(self.photo_button, self.photo_status)
        self.biometric_rows.add_to(f)  # after the photo: the Dukcapil order
        f.addRow(self.signature_button, self.signature_status)
        f.addRow(self.disabilitas_suggestion)
        self._media_box, self._media_form = media, f
        self._field_widgets["photo"] = self.photo_button
        self._field_widgets["signature"] = self.signature_button

        self._sections = [ident, birth, addr, family, other, media]
        col1 = QVBoxLayout()
        col1.addWidget(ident)
        col1.addWidget(birth)
        col1.addStretch(1)
        col2 = QVBoxLayout()
        col2.addWidget(addr)
        col2.addWidget(family)
        col2.addStretch(1)
        col3 = QVBoxLayout()
        col3.addWidget(other)
        col3.addWidget(media)
        col3.addStretch(1)

        checks = QGroupBox(self.tr("Pemeriksaan"), self)
        cv = QVBoxLayout(checks)
        cv.addWidget(self.completeness)
        cv.addWidget(self.findings_panel, 1)
        cv.addWidget(self.missing_label)  # below the list: its length never moves a tick box

        top = QHBoxLayout()
        top.addLayout(col1, 10)
        top.addLayout(col2, 10)
        top.addLayout(col3, 9)
        checks.setFixedWidth(280)
        top.addWidget(checks)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.complete_reason, 1)
        buttons.addWidget(self.complete_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.addLayout(top, 1)
        outer.addLayout(buttons)

    def _wire(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.revalidate)
        for w in self._line_edits():
            w.textChanged.connect(self._changed)
        self.tanggal_lahir.changed.connect(self._changed)
        self.presisi.currentIndexChanged.connect(self._precision_changed)
        for combo in self._combos():
            combo.valueChanged.connect(self._changed)
            combo.lineEdit().textEdited.connect(self._changed)
        self.disabilitas.changed.connect(self._changed)
        self.region.changed.connect(self._changed)
        self.findings_panel.acknowledgementsChanged.connect(self._update_buttons)
        self.findings_panel.acknowledgementsChanged.connect(self._touched)
        self.findings_panel.findingActivated.connect(lambda f: self.focus_field(f.field))

        enter = _EnterMovesOn(self)
        for w in self._line_edits() + [self.tanggal_lahir.edit]:
            w.installEventFilter(enter)
        for combo in self._combos():  # a list settles its own Enter (a choice, or its candidates shown)
            combo.entered.connect(lambda c=combo: self.focus_next_field(c))

        order = self.focus_chain()
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.request_save(False))
        QShortcut(QKeySequence("F2"), self, activated=self._request_photo)
        QShortcut(QKeySequence("F3"), self, activated=self._request_signature)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=lambda: self.request_save(True))
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=lambda: self.request_save(True))

    def _line_edits(self) -> list[QLineEdit]:
        return [self.nik, self.no_kk, self.nama, self.tempat_lahir, self.alamat, self.rt, self.rw,
                self.nama_ayah, self.nama_ibu, self.telepon, self.catatan]

    def _combos(self) -> list:
        return [self.jenis_kelamin, self.kewarganegaraan, self.agama, self.golongan_darah,
                self.status_perkawinan, self.hubungan_keluarga, self.pendidikan, self.pekerjaan,
                *self.region.combos.values()]

    def focus_chain(self) -> list[QWidget]:
        """The Tab order: the order a KK and a resident's answers are read."""
        c = self.region.combos
        return [
            self.nik, self.no_kk, self.nama, self.jenis_kelamin, self.kewarganegaraan, self.agama,
            self.golongan_darah, self.tempat_lahir, self.tanggal_lahir.edit, self.presisi,
            self.alamat, self.rt, self.rw, c["provinsi"], c["kabupaten"], c["kecamatan"],
            c["kelurahan"], self.status_perkawinan, self.hubungan_keluarga, self.nama_ayah,
            self.nama_ibu, self.pendidikan, self.pekerjaan, self.disabilitas,
            self.telepon, self.catatan, self.photo_button,
            *self.biometric_rows.chain(),
            self.signature_button, self.save_button, self.complete_button,
        ]

    def _request_photo(self) -> None:
        if self.photo_button.isEnabled():
            self.photoRequested.emit()

    def _request_signature(self) -> None:
        if self.signature_button.isEnabled():
            self.signatureRequested.emit()

    def photo_settled(self) -> bool:
        """The photo is approved by the resident, or its exception recorded (`app.core.biometric_requirement`)."""
        return photo_settled(has_photo=self.photo.present, approved_by=str(self.photo.meta.get("approved_by") or ""),
                             exception=self.photo.exception)

    @property
    def biometric_mode(self) -> BiometricMode:
        """The profile's biometric mode the form is judged by (`set_biometric_mode`)."""
        return self.biometric_rows.mode

    def set_biometric_mode(self, mode: BiometricMode) -> None:
        """Show the fingerprint and iris rows (the profile's setting), and judge the form by the mode."""
        self.biometric_rows.set_mode(mode)
        self._media_box.setTitle(self.tr("Foto, biometrik && TTD") if mode.steps
                                 else self.tr("Foto && tanda tangan"))
        # four steps: each status under its button, the column's whole width (beside it, it wrapped word by word)
        self._media_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if mode.steps
                                          else QFormLayout.RowWrapPolicy.DontWrapRows)
        order = self.focus_chain()
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        self._show_media()
        self.revalidate()

    def set_biometrics(self, slot: BiometricSlot) -> None:
        self.biometrics = slot
        self._touched()
        self._show_media()
        self.revalidate()

    def set_photo(self, slot: MediaSlot) -> None:
        self.photo = slot
        self._touched()
        self._show_media()
        self.revalidate()

    def set_signature(self, slot: MediaSlot) -> None:
        self.signature = slot
        self._touched()
        self._show_media()
        self.revalidate()

    # ------------------------------------------------ Disabilitas suggestion
    @property
    def suggested_disabilitas(self) -> Disabilitas | None:
        """The Disabilitas value offered and not yet confirmed or declined."""
        return self.disabilitas_suggestion.suggested

    def suggest_disabilitas(self, reason) -> bool:
        """Offer the Disabilitas value a photo exception's reason suggests (`app.core.exceptions`); True when offered."""
        return self.disabilitas_suggestion.suggest(reason)

    def _show_media(self) -> None:
        self.photo_status.setText(self.photo.summary or self.tr("Belum ada foto."))
        self.signature_status.setText(self.signature.summary or self.tr("Belum ada tanda tangan."))
        self.biometric_rows.show_slot(self.biometrics)

    def focus_next_field(self, after: QWidget | None = None) -> None:
        """Put the keyboard on the field after `after` (default: the one that has it)."""
        chain = self.focus_chain()
        current = after or self.focusWidget()
        for i, w in enumerate(chain):
            if w is current or (isinstance(w, QComboBox) and w.lineEdit() is current):
                nxt = chain[(i + 1) % len(chain)]
                while not nxt.isEnabled():
                    i += 1
                    nxt = chain[(i + 1) % len(chain)]
                nxt.setFocus(Qt.FocusReason.TabFocusReason)
                return
        self.focusNextChild()

    # ------------------------------------------------------------------ data
    def clear(self) -> None:
        self._building = True
        for w in self._line_edits():
            w.clear()
        self.tanggal_lahir.set_date(None)
        self.presisi.setCurrentIndex(0)
        for combo in self._combos():
            if combo not in self.region.combos.values():
                combo.set_value(None)
        self.kewarganegaraan.set_value(Kewarganegaraan.WNI)
        self.region.set_regions(self.regions)
        self.disabilitas.set_values(())
        self.photo = MediaSlot()
        self.signature = MediaSlot()
        self.biometrics = BiometricSlot()
        self.disabilitas_suggestion.decline()
        self._show_media()
        self.findings_panel.restore([])
        self._building = False
        self.revalidate()
        self.dirty = False
        self.nik.setFocus()

    def load(self, resident: Resident, acknowledgements: list[Acknowledgement] = (),
             photo: MediaSlot | None = None, signature: MediaSlot | None = None,
             biometrics: BiometricSlot | None = None) -> None:
        """Fill the form from a resident (a saved draft, or a target from the list)."""
        self._building = True
        self.clear()
        self._building = True
        r = resident
        self.nik.setText(r.nik)
        self.no_kk.setText(r.no_kk)
        self.nama.setText(r.nama)
        self.jenis_kelamin.set_value(r.jenis_kelamin)
        self.kewarganegaraan.set_value(r.kewarganegaraan)
        self.agama.set_value(r.agama)
        self.golongan_darah.set_value(r.golongan_darah)
        self.tempat_lahir.setText(r.tempat_lahir)
        self.tanggal_lahir.set_date(r.tanggal_lahir)
        self.presisi.blockSignals(True)
        self.presisi.setCurrentIndex(max(0, self.presisi.findData(r.tanggal_lahir_presisi)))
        self.presisi.blockSignals(False)
        self.alamat.setText(r.alamat)
        self.rt.setText(r.rt)
        self.rw.setText(r.rw)
        self.region.set_kelurahan(r.kelurahan_kode or r.kecamatan_kode or r.kabupaten_kode or r.provinsi_kode)
        self.status_perkawinan.set_value(r.status_perkawinan)
        self.hubungan_keluarga.set_value(r.hubungan_keluarga)
        self.nama_ayah.setText(r.nama_ayah)
        self.nama_ibu.setText(r.nama_ibu)
        self.pendidikan.set_value(r.pendidikan)
        self.pekerjaan.set_value(r.pekerjaan)
        self.disabilitas.set_values(r.disabilitas)
        self.telepon.setText(r.telepon)
        self.catatan.setText(r.catatan)
        self.photo = photo or MediaSlot()
        self.signature = signature or MediaSlot()
        self.biometrics = biometrics or BiometricSlot()
        self._show_media()
        self._building = False
        self.revalidate()
        self.findings_panel.restore(list(acknowledgements))
        self._update_buttons()
        self.dirty = False

    def resident(self) -> Resident:
        """The record as typed (not yet normalised)."""
        codes = self.region.codes()
        return Resident(
            nik=self.nik.text().strip(),
            no_kk=self.no_kk.text().strip(),
            nama=self.nama.text(),
            tempat_lahir=self.tempat_lahir.text(),
            tanggal_lahir=self.tanggal_lahir.date(),
            tanggal_lahir_presisi=self.presisi.currentData(),
            jenis_kelamin=self.jenis_kelamin.value(),
            golongan_darah=self.golongan_darah.value(),
            alamat=self.alamat.text(),
            rt=self.rt.text().strip(),
            rw=self.rw.text().strip(),
            provinsi_kode=codes["provinsi"][0], provinsi_nama=codes["provinsi"][1],
            kabupaten_kode=codes["kabupaten"][0], kabupaten_nama=codes["kabupaten"][1],
            kecamatan_kode=codes["kecamatan"][0], kecamatan_nama=codes["kecamatan"][1],
            kelurahan_kode=codes["kelurahan"][0], kelurahan_nama=codes["kelurahan"][1],
            agama=self.agama.value(),
            status_perkawinan=self.status_perkawinan.value(),
            pekerjaan=self.pekerjaan.value(),
            kewarganegaraan=self.kewarganegaraan.value() or Kewarganegaraan.WNI,
            pendidikan=self.pendidikan.value(),
            hubungan_keluarga=self.hubungan_keluarga.value(),
            nama_ayah=self.nama_ayah.text(),
            nama_ibu=self.nama_ibu.text(),
            disabilitas=tuple(self.disabilitas.values()),
            telepon=self.telepon.text().strip(),
            catatan=self.catatan.text().strip(),
        )

    # ------------------------------------------------------------ validation
    def _changed(self, *_args) -> None:
        if not self._building:
            self._timer.start()
            self._touched()

    def _touched(self) -> None:
        """Something changed that a draft must keep (no re-check: a warning's reason is being typed)."""
        if not self._building:
            self.dirty = True
            self.edits += 1
            self.edited.emit()

    def _precision_changed(self, _index: int) -> None:
        precision = self.presisi.currentData()
        current = self.tanggal_lahir.date()
        if current is not None and precision is not BirthDatePrecision.EXACT:
            month = current.month if precision is BirthDatePrecision.MONTH else None
            self.tanggal_lahir.set_date(estimated_birth_date(current.year, month)[0])
        self._changed()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def _input_findings(self) -> list[Finding]:
        """Findings about what could not even be read (half-typed date, unknown list value)."""
        out = []
        if self.tanggal_lahir.is_partial():
            out.append(Finding("form.date_unreadable", "tanggal_lahir", Severity.ERROR,
                               self.tr("Tanggal lahir tidak lengkap atau tidak ada di kalender (HH-BB-TTTT).")))
        names = {
            "jenis_kelamin": self.jenis_kelamin, "agama": self.agama,
            "golongan_darah": self.golongan_darah, "status_perkawinan": self.status_perkawinan,
            "hubungan_keluarga": self.hubungan_keluarga, "pendidikan": self.pendidikan,
            "pekerjaan": self.pekerjaan, "kewarganegaraan": self.kewarganegaraan,
        }
        for key, combo in names.items():
            if combo.has_invalid_text():
                out.append(Finding("form.not_in_list", key, Severity.ERROR,
                                   self.tr("Pilih salah satu isian dari daftar.")))
        return out

    def revalidate(self) -> None:
        check = check_recording(
            normalize_resident(self.resident()), self.context_factory(),
            has_photo=self.photo.present, photo_exception=self.photo.exception,
            has_signature=self.signature.present, signature_exception=self.signature.exception,
            input_findings=self._input_findings() + self._context_findings + biometric_findings(
                self.biometrics.biometrics, self.biometric_mode, self.biometrics.proofed(),
                photo_done=self.photo_settled()),
            photo_flag=PhotoFlag.from_dict(self.photo.flag) if self.photo.present else None,
            signature_flag=SignatureFlag.from_dict(self.signature.flag))
        self._findings = list(check.findings)
        self._show_findings(self._findings)
        self._update_buttons()

    def _show_findings(self, findings: list[Finding]) -> None:
        by_field: dict[str, list[Finding]] = {}
        for f in findings:
            if not f.code.endswith("required") and f not in self._context_findings:  # those: the panel only
                by_field.setdefault(f.field, []).append(f)
        for key, label in self._field_labels.items():
            if key == "rw":
                continue  # RT and RW share one message line, filled under "rt"
            items = by_field.get(key, [])
            if key == "rt":
                items = items + by_field.get("rw", [])
            worst = ""
            if items:
                worst = "error" if any(f.is_error for f in items) else "warning"
            label.setText(" ".join(finding_text(f) for f in items))
            set_severity(label, worst)
        for key, widget in self._marked_widgets().items():
            items = by_field.get(key, [])
            set_severity(widget, "error" if any(f.is_error for f in items) else "warning" if items else "")
            widget.setToolTip("\n".join(finding_text(f) for f in items))  # the whole message, on the field
        self.findings_panel.set_findings([f for f in findings if not f.code.endswith("required")])
        missing = [f for f in findings if f.code.endswith("required")]
        total = len(REQUIRED_FIELDS) + 2  # + photo and signature
        if self.biometric_mode is BiometricMode.REQUIRED:
            total += 2  # + fingerprints and irises
        self.completeness.setMaximum(total)
        self.completeness.setValue(max(0, total - len({f.field for f in missing})))
        if missing:
            self.missing_label.setText(self.tr("Belum diisi: ") + ", ".join(
                field_title(f.field) for f in missing))
        else:
            self.missing_label.setText(self.tr("Semua isian wajib sudah terisi."))

    def can_complete(self) -> bool:
        return verdict(self._findings, self.findings_panel.acknowledgements()).can_complete

    def set_context_findings(self, findings: list[Finding]) -> None:
        """Findings only the profile knows (the NIK is recorded here already): judged with the rest, shown in
        the findings panel only (the page says them beside its title; no message moves a field)."""
        if list(findings) != self._context_findings:
            self._context_findings = list(findings)
            self.revalidate()

    def _inputs(self) -> dict[str, QWidget]:
        """The widget that takes the keyboard for each field a finding can name."""
        inputs = dict(self._field_widgets)
        inputs.update(rt=self.rt, rw=self.rw, tanggal_lahir=self.tanggal_lahir.edit)
        inputs.update(self.biometric_rows.inputs())
        return inputs

    def _marked_widgets(self) -> dict[str, QWidget]:
        """The inputs whose frame shows a finding's severity."""
        return {k: w for k, w in self._inputs().items() if k not in ("photo", "signature", "fingerprint", "iris")}

    def focus_field(self, key: str) -> bool:
        """Put the keyboard on the input of field `key` (a finding's field); False when it cannot take it."""
        target = self._inputs().get(key)
        if target is None or not target.isEnabled():
            return False
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def blocking(self) -> list[Finding]:
        """What stops completion, in the order the form is filled: fields (empty or wrong) by the Tab
        order, photo and signature, then warnings that still need their tick and reason."""
        found = verdict(self._findings, self.findings_panel.acknowledgements()).blocking
        chain = self.focus_chain()
        inputs = self._inputs()

        def place(f: Finding) -> tuple[int, int]:
            widget = inputs.get(f.field)
            index = next((i for i, w in enumerate(chain) if w is widget), len(chain))
            return (0 if f.is_error else 1, index)

        return sorted(found, key=place)

    def first_missing(self) -> Finding | None:
        """The first thing that stops completion (see `blocking`), None when the form can be completed."""
        found = self.blocking()
        return found[0] if found else None

    def focus_first_missing(self) -> Finding | None:
        """Put the keyboard where the first missing thing is fixed and say what it is beside Selesai."""
        found = self.blocking()
        if not found:
            return None
        for f in found:  # the first that can take the keyboard (a region level waits for the one above)
            if f.is_error:
                if self.focus_field(f.field):
                    break
            else:
                target = self.findings_panel.first_unacknowledged()
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                    break
        set_severity(self.complete_reason, "error")
        return found[0]

    def _blocking_text(self, f: Finding) -> str:
        if not f.is_error:
            return self.tr("%1: peringatan perlu dikonfirmasi (centang dan alasan).").replace(
                "%1", field_title(f.field))
        text = finding_text(f)
        title = field_title(f.field)
        return text if f.code.endswith("required") or text.startswith(title) else f"{title}: {text}"

    def _update_buttons(self) -> None:
        ok = self.can_complete()
        self.complete_button.setEnabled(ok)
        self.complete_button.setToolTip("" if ok else self.tr(
            "Perbaiki kesalahan dan konfirmasi peringatan (dengan alasan) dulu."))
        found = [] if ok else self.blocking()
        if not found:
            self.complete_reason.setText("")
            set_severity(self.complete_reason, "")
            return
        text = self.tr("Belum bisa selesai: %1").replace("%1", self._blocking_text(found[0]))
        if len(found) > 1:
            text += " " + self.tr("(+%1 lainnya)").replace("%1", str(len(found) - 1))
        if text != self.complete_reason.text():
            set_severity(self.complete_reason, "")
        self.complete_reason.setText(text)

    def has_content(self) -> bool:
        """Anything worth a draft: a typed identity, birth or address field, or a new photo or signature."""
        r = self.resident()
        return any([r.nik, r.no_kk, r.nama.strip(), r.tempat_lahir.strip(), r.tanggal_lahir, r.alamat.strip(),
                    self.photo.data is not None, self.signature.data is not None,
                    bool(self.biometrics.records or self.biometrics.proofs)])

    def draft_result(self) -> FormResult:
        return FormResult(normalize_resident(self.resident()), self.findings_panel.acknowledgements(), False,
                          self.photo, self.signature, self.biometrics)

    def request_save(self, complete: bool) -> None:
        self._timer.stop()
        self.revalidate()
        if complete and not self.can_complete():
            self.focus_first_missing()
            return
        resident = normalize_resident(self.resident())
        acks = verdict(self._findings, self.findings_panel.acknowledgements()).acknowledged
        ack_keys = {(f.code, f.field) for f in acks}
        kept = [a for a in self.findings_panel.acknowledgements() if (a.code, a.field) in ack_keys]
        self.saveRequested.emit(FormResult(resident, kept, complete, self.photo, self.signature, self.biometrics))

