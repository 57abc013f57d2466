"""Review, then finish: everything the form holds on one screen, then a clear confirmation with the receipt.

Ctrl+Enter on a complete form opens this dialog instead of saving at once.
The review page lists every field, the photo and the signature (or the
exception and its reason), and each finding with what the operator confirmed.
Enter confirms (the page saves, completed and queued); Esc goes back to the
form with nothing lost. Once saved, the done page says so, shows the
registration number with a preview of the receipt, offers "Cetak bukti"
(Ctrl+P), and Enter goes on to the next resident, whose form is already open
behind it. The dialog only shows and asks: `app.ui.pages.enroll` saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.findings import Acknowledgement, Finding
from app.core.receipt import Receipt
from app.core.resident import BirthDatePrecision, Resident
from app.core.values import (
    Agama,
    GolonganDarah,
    HubunganKeluarga,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    StatusPerkawinan,
)
from app.ui.labels import field_title
from app.ui.receipt_pdf import receipt_image
from app.ui.texts import finding_text
from app.ui.widgets.biometric_review import BiometricReview
from app.ui.widgets.form_error import show_message

REVIEW, SAVING, DONE = "review", "saving", "done"


def _value_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # typed text is shown as typed, never as markup
    label.setText(text or "-")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName("reviewValue")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def scaled_pixmap(data: bytes | None, width: int, height: int) -> QPixmap | None:
    """`data` (JPEG, PNG) as a pixmap fitting width x height; None for nothing or an unreadable image."""
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return QPixmap.fromImage(image).scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)


class ReviewDialog(QDialog):
    """Signals:
        confirmed: Enter on the review page (save, complete).
        printRequested: "Cetak bukti" on the done page.

    Attributes:
        state: REVIEW, SAVING (confirmed, the save runs) or DONE.
        values: field key -> the text shown for it (what the operator reads back to the resident).
    """

    confirmed = Signal()
    printRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Periksa rekaman"))
        self.state = REVIEW
        self.values: dict[str, str] = {}
        self.stack = QStackedWidget(self)
        self.review_page = QWidget(self)
        self.done_page = QWidget(self)
        self.stack.addWidget(self.review_page)
        self.stack.addWidget(self.done_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.stack)
        self._build_review()
        self._build_done()
        self._print_shortcut = QShortcut(QKeySequence("Ctrl+P"), self, activated=self._print)
        self.resize(1200, 670)  # fits 1366x768 with a title bar and a taskbar

    # ----------------------------------------------------------------- review
    def _build_review(self) -> None:
        page = self.review_page
        title = QLabel(self.tr("Periksa sebelum menyelesaikan"), page)
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Bacakan data ini kepada warga. Enter: simpan dan selesai · Esc: kembali ke "
                              "formulir (tidak ada yang hilang)."), page)
        hint.setObjectName("hint")
        self.columns = QHBoxLayout()
        self.columns.setSpacing(8)
        self.findings_box = QGroupBox(self.tr("Peringatan dan konfirmasi"), page)
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setContentsMargins(8, 4, 8, 4)
        self.error = QLabel(page)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.back_button = QPushButton(self.tr("Kembali ke formulir (Esc)"), page)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("Simpan && selesai (Enter)"), page)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.clicked.connect(self._confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.confirm_button)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(title)
        v.addWidget(hint)
        v.addLayout(self.columns, 1)
        v.addLayout(buttons)

    def _section(self, title: str, rows: list[tuple[str, str, str]]) -> QGroupBox:
        box = QGroupBox(title, self.review_page)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(3)
        form.setContentsMargins(6, 4, 6, 4)
        for key, label, value in rows:
            self.values[key] = value
            form.addRow(label, _value_label(value, box))
        return box

    def show_review(self, resident: Resident, findings: list[Finding], acknowledgements: list[Acknowledgement],
                    photo, signature, photo_data: bytes | None, signature_data: bytes | None,
                    biometrics=None, proof_data: dict[str, bytes] | None = None) -> None:
        """Fill the review page. `photo`/`signature` are the form's media slots (summary, exception);
        `*_data` the image bytes to show (new or stored), if any; `biometrics` the form's
        `BiometricSlot` when the profile records fingers and irises (None: it does not), `proof_data`
        the proof photo of each excepted slot (new or stored)."""
        self.findings_box.setParent(self.review_page)  # kept while the old columns go
        while self.columns.count():
            item = self.columns.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.values = {}
        r = resident
        none = self.tr("Tidak ada")

        def enum(value, kind) -> str:
            """A list value's official label (the form may hand back its code)."""
            if value is None or value == "":
                return "-"
            try:
                return kind.parse(value).label
            except ValueError:
                return str(value)

        born = r.tanggal_lahir.strftime("%d-%m-%Y") if r.tanggal_lahir else "-"
        if r.tanggal_lahir and r.tanggal_lahir_presisi is BirthDatePrecision.MONTH:
            born += " " + self.tr("(hanya bulan && tahun)").replace("&&", "&")
        elif r.tanggal_lahir and r.tanggal_lahir_presisi is BirthDatePrecision.YEAR:
            born += " " + self.tr("(hanya tahun)")
        col1 = QVBoxLayout()
        col1.addWidget(self._section(self.tr("Identitas"), [
            ("nik", field_title("nik"), r.nik), ("no_kk", field_title("no_kk"), r.no_kk),
            ("nama", field_title("nama"), r.nama), ("jenis_kelamin", field_title("jenis_kelamin"),
                                                     enum(r.jenis_kelamin, JenisKelamin)),
            ("kewarganegaraan", field_title("kewarganegaraan"), str(getattr(r.kewarganegaraan, "value", r.kewarganegaraan) or "-")),
            ("agama", field_title("agama"), enum(r.agama, Agama)),
            ("golongan_darah", field_title("golongan_darah"), enum(r.golongan_darah, GolonganDarah)),
        ]))
        col1.addWidget(self._section(self.tr("Kelahiran"), [
            ("tempat_lahir", field_title("tempat_lahir"), r.tempat_lahir),
            ("tanggal_lahir", field_title("tanggal_lahir"), born),
        ]))
        col1.addStretch(1)
        col2 = QVBoxLayout()
        col2.addWidget(self._section(self.tr("Alamat"), [
            ("alamat", field_title("alamat"), r.alamat),
            ("rt", self.tr("RT / RW"), f"{r.rt or '-'} / {r.rw or '-'}"),
            ("provinsi_kode", field_title("provinsi_kode"), r.provinsi_nama),
            ("kabupaten_kode", field_title("kabupaten_kode"), r.kabupaten_nama),
            ("kecamatan_kode", field_title("kecamatan_kode"), r.kecamatan_nama),
            ("kelurahan_kode", field_title("kelurahan_kode"), r.kelurahan_nama),
        ]))
        col2.addWidget(self._section(self.tr("Keluarga"), [
            ("status_perkawinan", field_title("status_perkawinan"), enum(r.status_perkawinan, StatusPerkawinan)),
            ("hubungan_keluarga", field_title("hubungan_keluarga"), enum(r.hubungan_keluarga, HubunganKeluarga)),
            ("nama_ayah", field_title("nama_ayah"), r.nama_ayah),
            ("nama_ibu", field_title("nama_ibu"), r.nama_ibu),
        ]))
        col2.addStretch(1)
        col3 = QVBoxLayout()
        col3.addWidget(self._section(self.tr("Lainnya"), [
            ("pendidikan", field_title("pendidikan"), enum(r.pendidikan, Pendidikan)),
            ("pekerjaan", field_title("pekerjaan"), enum(r.pekerjaan, Pekerjaan)),
            ("disabilitas", self.tr("Disabilitas"), ", ".join(getattr(d, "label", str(d)) for d in r.disabilitas) or none),
            ("telepon", self.tr("Telepon"), r.telepon),
            ("catatan", self.tr("Catatan"), r.catatan),
        ]))
        col3.addWidget(self.findings_box, 1)
        col4 = QVBoxLayout()
        small = biometrics is not None  # the fingers and irises need the column's room
        col4.addWidget(self._media_box(self.tr("Foto"), "photo", photo,
                                       scaled_pixmap(photo_data, *((105, 140) if small else (150, 200)))))
        col4.addWidget(self._media_box(self.tr("Tanda tangan"), "signature", signature,
                                       scaled_pixmap(signature_data, *((240, 60) if small else (260, 90)))))
        if biometrics is not None:
            box = BiometricReview(biometrics.biometrics, proof_data or {}, self.review_page)
            self.values["biometrics"] = box.text
            col4.addWidget(box)
        col4.addStretch(1)
        for column, stretch in ((col1, 10), (col2, 10), (col3, 10), (col4, 8)):
            holder = QWidget(self.review_page)
            holder.setLayout(column)
            column.setContentsMargins(0, 0, 0, 0)
            self.columns.addWidget(holder, stretch)
        self._show_findings(findings, acknowledgements)
        self.error.hide()
        self._set_state(REVIEW)

    def _media_box(self, title: str, key: str, slot, pixmap: QPixmap | None) -> QGroupBox:
        box = QGroupBox(title, self.review_page)
        v = QVBoxLayout(box)
        v.setContentsMargins(6, 4, 6, 4)
        if pixmap is not None:
            image = QLabel(box)
            image.setPixmap(pixmap)
            image.setObjectName(f"{key}Preview")
            v.addWidget(image, 0, Qt.AlignmentFlag.AlignHCenter)
        lines = []
        if slot.present and slot.summary != slot.exception:  # a flagged photo's summary is its exception
            lines.append(slot.summary or self.tr("Tersimpan."))
        if slot.exception:  # no photo/signature, or (a photo with an exception) one kept all the same
            lines.append(self.tr("Pengecualian: ") + slot.exception)
        text = "\n".join(lines) or "-"
        self.values[key] = text
        label = _value_label(text, box)
        if slot.exception:
            label.setObjectName("fieldMessage")
            label.setProperty("severity", "warning")
        v.addWidget(label)
        return box

    def _show_findings(self, findings: list[Finding], acknowledgements: list[Acknowledgement]) -> None:
        while self.findings_layout.count():
            item = self.findings_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        reasons = {(a.code, a.field): a.reason for a in acknowledgements}
        shown = [f for f in findings if not f.code.endswith("required")]
        lines = []
        for f in shown:
            reason = reasons.get((f.code, f.field))
            line = "\u26A0 " + finding_text(f)
            if reason is not None:
                line += "\n    " + self.tr("Dikonfirmasi, alasan: ") + reason
            lines.append(line)
        text = "\n".join(lines) if lines else self.tr("Tidak ada peringatan: semua isian sesuai pemeriksaan.")
        self.values["findings"] = text
        label = _value_label(text, self.findings_box)
        self.findings_layout.addWidget(label)
        self.findings_layout.addStretch(1)

    def _confirm(self) -> None:
        if self.state == REVIEW:
            self._set_state(SAVING)
            self.confirmed.emit()

    def save_failed(self, text: str) -> None:
        """The save was refused: say why and stay on the review (Esc goes back to fix it)."""
        self.error.setText(text)
        self.error.show()
        self._set_state(REVIEW)

    # ------------------------------------------------------------------- done
    def _build_done(self) -> None:
        page = self.done_page
        self.done_title = QLabel(page)
        self.done_title.setObjectName("doneTitle")
        self.done_title.setWordWrap(True)
        self.done_who = QLabel(page)
        self.done_who.setWordWrap(True)
        self.done_who.setObjectName("pageTitle")
        number_caption = QLabel(self.tr("Nomor registrasi (ada di bukti untuk warga)"), page)
        number_caption.setObjectName("hint")
        self.done_number = QLabel(page)
        self.done_number.setObjectName("bigNumber")
        self.done_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_next = QLabel(page)
        self.done_next.setWordWrap(True)
        self.output = QLabel(page)
        self.output.setWordWrap(True)
        self.output.setObjectName("hint")
        self.preview = QLabel(page)
        self.preview.setObjectName("receiptPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.print_button = QPushButton(self.tr("Cetak bukti (Ctrl+P)"), page)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self._print)
        self.next_button = QPushButton(self.tr("Warga berikutnya (Enter)"), page)
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.accept)
        left = QVBoxLayout()
        left.addWidget(self.done_title)
        left.addSpacing(6)
        left.addWidget(self.done_who)
        left.addSpacing(10)
        left.addWidget(number_caption)
        left.addWidget(self.done_number)
        left.addSpacing(10)
        left.addWidget(self.done_next)
        left.addWidget(self.output)
        left.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 8, 8, 0)
        v.addLayout(row, 1)
        v.addLayout(buttons)

    def show_done(self, receipt: Receipt, name: str, nik: str, next_text: str, *, waiting: bool = False) -> None:
        """The recording is saved: say so (`waiting`: for a supervisor's approval, not yet in the queue),
        show the number and the receipt, and what comes next."""
        self.done_title.setText("\u2714 " + (self.tr("Rekaman selesai dan menunggu persetujuan supervisor.")
                                              if waiting else self.tr("Rekaman selesai dan masuk antrian kirim.")))
        self.done_who.setText(f"{name} \u2014 NIK {nik}")
        self.done_number.setText(receipt.number)
        self.done_next.setText(next_text)
        self.output.setText(self.tr("Cetak bukti untuk warga (Ctrl+P), lalu Enter untuk warga berikutnya."))
        page = QPixmap.fromImage(receipt_image(receipt, 900))
        self.preview.setPixmap(page.copy(0, 0, page.width(), page.height() * 9 // 20).scaledToWidth(
            560, Qt.TransformationMode.SmoothTransformation))
        self._set_state(DONE)

    def _print(self) -> None:
        if self.state == DONE:
            self.printRequested.emit()

    def show_output(self, ok: bool, text: str) -> None:
        """Where the receipt went (or why not); the keyboard returns to "Warga berikutnya"."""
        show_message(self.output, text, "okText" if ok else "errorText")
        self.activateWindow()
        self.next_button.setFocus()

    # ------------------------------------------------------------------ state
    def _set_state(self, state: str) -> None:
        self.state = state
        review = state != DONE
        self.stack.setCurrentWidget(self.review_page if review else self.done_page)
        self.confirm_button.setEnabled(state == REVIEW)
        self.back_button.setEnabled(state == REVIEW)
        self.confirm_button.setText(self.tr("Menyimpan…") if state == SAVING else
                                    self.tr("Simpan && selesai (Enter)"))
        primary = self.confirm_button if review else self.next_button
        primary.setDefault(True)
        (self.next_button if review else self.confirm_button).setDefault(False)
        if state != SAVING:
            primary.setFocus()

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self._take_keyboard()
        QTimer.singleShot(0, self._take_keyboard)  # again once the window system has shown it

    def _take_keyboard(self) -> None:
        if self.isVisible():
            self.activateWindow()
            (self.next_button if self.state == DONE else self.confirm_button).setFocus()

    def reject(self) -> None:  # noqa: D102 - Esc while saving waits for the save
        if self.state != SAVING:
            super().reject()
