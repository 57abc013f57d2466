"""Pengaturan: language, recording age, server, camera, photo-check limits, biometric devices, the receipt's
Dinas and contact, retention, passphrase and backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.receipt import DEFAULT_CONTACT, DEFAULT_OFFICE
from app.core.biometric_requirement import SETTING_KEY as BIOMETRICS_MODE_KEY
from app.session import BIOMETRICS_POLICY_KEY, RECEIPT_CONTACT_KEY, RECEIPT_OFFICE_KEY
from app.store.retention import MAX_RETENTION_DAYS, RETENTION_KEY
from app.ui.pages.common import count_text, fill_placeholders, page_title
from app.ui.pages.settings_biometrics import BiometricSettings
from app.ui.pages.settings_camera import CameraSettings
from app.ui.texts import error_text
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task


def _megabytes(n: int) -> str:
    """45 MB; below 10 MB one decimal (0,8 MB)."""
    mb = n / (1024 * 1024)
    return (f"{mb:.1f}".replace(".", ",") if mb < 10 else count_text(round(mb))) + " MB"


class SettingsPage(QWidget):
    """Pengaturan.

    The language, the minimum recording age, the server address, the camera
    (chooser, live preview while the page shows, a test photo:
    `app.ui.pages.settings_camera`), the photo-check limits, how long personal data of recordings the
    server accepted stays on the laptop (``retention_days``; the purge runs
    after each successful sync), "Ganti kata sandi" (a dialog) and "Cadangan":
    "Cadangkan ke…" copies the encrypted profile into a new folder on e.g. a
    USB stick (`app.store.backup`, on the database worker, with a progress bar)
    and shows the last backup.

    Signals:
        languageChanged(str): 'id' or 'en'.
    """

    languageChanged = Signal(str)
    # Backup progress in thousandths, emitted from the database worker (queued to the GUI thread).
    _backupProgress = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        # The groups scroll: with the camera preview they are taller than a 1366x768 screen leaves.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Pengaturan"), self))
        general = QGroupBox(self.tr("Umum"), self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Bahasa tampilan"), self.language)
        self.min_age = QSpinBox(general)
        self.min_age.setRange(15, 17)
        self.min_age.setSuffix(self.tr(" tahun"))
        form.addRow(self.tr("Usia minimal perekaman (kartu ditahan sampai 17)"), self.min_age)
        self.server = QLineEdit(general)
        self.server.setPlaceholderText("https://…")
        form.addRow(self.tr("Alamat server"), self.server)
        layout.addWidget(general)

        checks = QGroupBox(self.tr("Pemeriksaan foto (ambang batas)"), self)
        cform = QFormLayout(checks)
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for key, label, low, high, step, decimals in [
            ("min_sharpness", self.tr("Ketajaman minimal (makin besar makin ketat)"), 50, 10000, 25, 0),
            ("face_min_height", self.tr("Wajah minimal (bagian tinggi bingkai)"), 0.05, 0.9, 0.01, 2),
            ("face_max_height", self.tr("Wajah maksimal (bagian tinggi bingkai)"), 0.1, 1.0, 0.01, 2),
            ("max_eye_angle_deg", self.tr("Kemiringan kepala maksimal (derajat)"), 1, 30, 0.5, 1),
            ("min_brightness", self.tr("Terang minimal wajah (0-255)"), 0, 200, 1, 0),
            ("max_brightness", self.tr("Terang maksimal wajah (0-255)"), 50, 255, 1, 0),
        ]:
            box = QDoubleSpinBox(checks)
            box.setRange(low, high)
            box.setSingleStep(step)
            box.setDecimals(decimals)
            cform.addRow(label, box)
            self.thresholds[key] = box
        self.reset_thresholds = QPushButton(self.tr("Kembalikan ke bawaan"), checks)
        self.reset_thresholds.clicked.connect(self._reset_thresholds)
        cform.addRow("", self.reset_thresholds)
        self.camera_box = CameraSettings(self)
        middle = QHBoxLayout()
        middle.addWidget(checks, 1)
        middle.addWidget(self.camera_box)
        layout.addLayout(middle)
        self.biometric_box = BiometricSettings(session, self)
        layout.addWidget(self.biometric_box)

        receipt = QGroupBox(self.tr("Bukti perekaman untuk warga"), self)
        rform = QFormLayout(receipt)
        self.receipt_office = QLineEdit(receipt)
        self.receipt_office.setMaxLength(120)
        self.receipt_office.setPlaceholderText(DEFAULT_OFFICE)
        rform.addRow(self.tr("Dinas (judul bukti)"), self.receipt_office)
        self.receipt_contact = QLineEdit(receipt)
        self.receipt_contact.setMaxLength(200)
        self.receipt_contact.setPlaceholderText(DEFAULT_CONTACT)
        self.receipt_contact.setToolTip(self.tr("Alamat, telepon atau jam layanan tempat warga bertanya tentang "
                                                "KTP-el-nya. Kosong: kalimat bawaan."))
        rform.addRow(self.tr("Tempat bertanya"), self.receipt_contact)
        layout.addWidget(receipt)

        security = QGroupBox(self.tr("Keamanan"), self)
        srow = QHBoxLayout(security)
        self.passphrase_hint = QLabel(self.tr("Kata sandi mengunci basis data di laptop ini."), security)
        self.passphrase_hint.setObjectName("hint")
        self.passphrase_hint.setWordWrap(True)
        srow.addWidget(self.passphrase_hint, 1)
        self.change_passphrase = QPushButton(self.tr("Ganti kata sandi"), security)
        self.change_passphrase.clicked.connect(self._open_passphrase_dialog)
        srow.addWidget(self.change_passphrase)
        from app.ui.idle_lock import idle_minutes

        self.idle_minutes = QSpinBox(security)
        self.idle_minutes.setRange(0, 120)
        self.idle_minutes.setSuffix(self.tr(" menit"))
        self.idle_minutes.setSpecialValueText(self.tr("Tidak pernah"))
        self.idle_minutes.setValue(idle_minutes(session))
        self.idle_minutes.setToolTip(self.tr("Layar terkunci bila laptop tidak dipakai selama ini."))
        srow.addWidget(QLabel(self.tr("Kunci layar setelah"), security))
        srow.addWidget(self.idle_minutes)
        if getattr(session, "is_demo", False):
            self.change_passphrase.setEnabled(False)
            self.passphrase_hint.setText(self.tr("Profil demo memakai kata sandi tetap; tidak dapat diganti."))
        layout.addWidget(security)

        privacy = QGroupBox(self.tr("Privasi"), self)
        pform = QFormLayout(privacy)
        self.retention = QSpinBox(privacy)
        self.retention.setRange(0, MAX_RETENTION_DAYS)
        self.retention.setSuffix(self.tr(" hari"))
        self.retention.setSpecialValueText(self.tr("Tidak pernah"))
        pform.addRow(self.tr("Hapus data pribadi setelah diterima server"), self.retention)
        self.retention_hint = QLabel(self.tr(
            "Foto, tanda tangan dan biodata rekaman yang sudah diterima server dihapus dari laptop ini, "
            "setelah sinkron berhasil. Yang tersisa hanya status, tanggal, wilayah dan RT/RW, sehingga "
            "capaian tetap terhitung. 0 = tidak pernah dihapus."), privacy)
        self.retention_hint.setObjectName("hint")
        self.retention_hint.setWordWrap(True)
        pform.addRow(self.retention_hint)
        layout.addWidget(privacy)
        from app.ui.pages.settings_approval import ApprovalBox

        self.approval_box = ApprovalBox(session, self)
        layout.addWidget(self.approval_box)
        self._build_backup_group(layout)
        # Only a supervisor or admin changes the team's settings (`app.core.roles`); an operator sees them.
        self.may_change = session.can("settings") if hasattr(session, "can") else True
        for widget in (self.min_age, self.server, checks, receipt, privacy, self.idle_minutes, self.approval_box):
            widget.setEnabled(self.may_change)
        self.biometric_box.set_editable(self.may_change)
        self.people_box = None
        if hasattr(session, "can") and session.can("manage_people") and not getattr(session, "is_demo", False):
            from app.ui.pages.settings_people import PeopleBox

            self.people_box = PeopleBox(session, self)
            layout.addWidget(self.people_box)
        self.passphrase_dialog = None
        self.message = QLabel(self)
        self.message.setObjectName("okText")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        self.save = QPushButton(self.tr("Simpan pengaturan"), self)
        self.save.setObjectName("primary")
        self.save.clicked.connect(self._save)
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.camera_box.camera.thresholds = self.session.photo_thresholds()
        self.camera_box.activate(self.session.camera_sources(), self.session.camera_source())
        self.biometric_box.search()  # the devices plugged in now (off the GUI thread)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self.camera_box.deactivate()

    def refresh(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self.session.language())))
        self.min_age.setValue(int(self.session.get_setting("min_recording_age", 16)))
        self.server.setText(self.session.get_setting("server_url") or "")
        self.retention.setValue(self.session.retention_days())
        self.receipt_office.setText(str(self.session.get_setting(RECEIPT_OFFICE_KEY, "") or ""))
        self.receipt_contact.setText(str(self.session.get_setting(RECEIPT_CONTACT_KEY, "") or ""))
        current = self.session.photo_thresholds()
        for key, box in self.thresholds.items():
            box.setValue(float(getattr(current, key)))
        self.biometric_box.refresh()
        self.message.clear()
        self._show_last_backup()

    # ------------------------------------------------------------------ Cadangan
    def _build_backup_group(self, layout: QVBoxLayout) -> None:
        """One row (last backup, progress while running, the button) and the result line below:
        the page must still fit a 1366x768 screen, so the longer explanation is a tooltip."""
        backup = QGroupBox(self.tr("Cadangan"), self)
        backup.setToolTip(self.tr(
            "Salin profil ke flashdisk selama perjalanan: bila laptop rusak atau hilang, rekaman tetap ada. "
            "Salinan tetap terkunci dan dibuka dengan kata sandi yang berlaku saat ini "
            "(jemput --data <folder cadangan>). Simpan flashdisk terpisah dari laptop."))
        column = QVBoxLayout(backup)
        row = QHBoxLayout()
        self.backup_last = QLabel(backup)
        self.backup_last.setObjectName("hint")
        row.addWidget(self.backup_last, 1)
        self.backup_progress = QProgressBar(backup)
        self.backup_progress.setRange(0, 1000)
        self.backup_progress.setFixedWidth(220)
        self.backup_progress.hide()
        row.addWidget(self.backup_progress)
        self.backup_button = QPushButton(self.tr("Cadangkan ke…"), backup)
        self.backup_button.setToolTip(backup.toolTip())
        self.backup_button.clicked.connect(self._choose_backup_folder)
        row.addWidget(self.backup_button)
        column.addLayout(row)
        self.backup_result = QLabel(backup)
        self.backup_result.setWordWrap(True)
        self.backup_result.setObjectName("okText")
        self.backup_result.hide()
        column.addWidget(self.backup_result)
        self._backupProgress.connect(self.backup_progress.setValue)
        self.backup_running = False
        layout.addWidget(backup)

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder cadangan (mis. flashdisk)"), str(Path.home()))
        if folder:
            self.start_backup(folder)

    def start_backup(self, folder, *, keep: int | None = None) -> bool:
        """Back the profile up into a new folder under `folder` on the database worker.

        The dialog-free half of "Cadangkan ke…" (tests call it directly).
        Returns False when a backup is already running.
        """
        if self.backup_running:
            return False
        self.backup_running = True
        self.backup_button.setEnabled(False)
        self.backup_progress.setValue(0)
        self.backup_progress.show()
        self.backup_result.hide()
        session, signal, shown = self.session, self._backupProgress, [-1]

        def progress(done: int, total: int) -> None:  # on the database worker
            value = int(1000 * done / total) if total else 1000
            if value != shown[0]:
                shown[0] = value
                signal.emit(value)

        run_task(lambda: session.backup(folder, keep=keep, progress=progress),
                 self._backup_done, self._backup_failed)
        return True

    def _backup_done(self, result) -> None:
        self._backup_finished()
        self.backup_progress.hide()
        self._show_backup_result(
            fill_placeholders(self.tr("Cadangan tersimpan: %1, %2 rekaman, %3"),
                  str(result.folder), count_text(result.recordings), _megabytes(result.total_bytes)), ok=True)
        self._show_last_backup()

    def _backup_failed(self, exc: BaseException) -> None:
        self._backup_finished()
        self.backup_progress.hide()
        self._show_backup_result(self.tr("Cadangan gagal: ") + error_text(exc), ok=False)

    def _backup_finished(self) -> None:
        self.backup_running = False
        self.backup_button.setEnabled(True)

    def _show_backup_result(self, text: str, *, ok: bool) -> None:
        show_message(self.backup_result, text, "okText" if ok else "errorText")
        self.backup_result.show()

    def _show_last_backup(self) -> None:
        last = self.session.last_backup()
        if not last:
            self.backup_last.setText(self.tr("Cadangan terakhir: belum pernah"))
            return
        try:
            when = dt.datetime.fromisoformat(last["at"]).astimezone().strftime("%d-%m-%Y %H:%M")
        except (TypeError, ValueError):
            when = str(last["at"])
        self.backup_last.setText(fill_placeholders(self.tr("Cadangan terakhir: %1"), when))
        self.backup_last.setToolTip(str(last.get("folder", "")))

    def _open_passphrase_dialog(self) -> None:
        from app.ui.passphrase_dialog import ChangePassphraseDialog

        if self.passphrase_dialog is not None:
            if self.passphrase_dialog.busy:
                return
            self.passphrase_dialog.deleteLater()
        self.passphrase_dialog = ChangePassphraseDialog(self.session, self)
        self.passphrase_dialog.changed.connect(self._passphrase_changed)
        self.passphrase_dialog.open()

    def _passphrase_changed(self) -> None:
        self._show_message(self.tr("Kata sandi diganti. Gunakan kata sandi baru saat membuka Jemput "
                                   "berikutnya."), ok=True)

    def _show_message(self, text: str, *, ok: bool) -> None:
        show_message(self.message, text, "okText" if ok else "errorText")

    def _changed_thresholds(self) -> dict:
        """Only the limits that differ from the calibrated defaults are stored."""
        from app.capture.quality import DEFAULT_THRESHOLDS

        out = {}
        for key, box in self.thresholds.items():
            default = getattr(DEFAULT_THRESHOLDS, key)
            if abs(box.value() - float(default)) > 1e-9:
                out[key] = box.value()
        return out

    def _reset_thresholds(self) -> None:
        from app.capture.quality import DEFAULT_THRESHOLDS

        for key, box in self.thresholds.items():
            box.setValue(float(getattr(DEFAULT_THRESHOLDS, key)))

    def _save(self) -> None:
        url = self.server.text().strip()
        if url and not url.startswith(("https://", "http://")):
            self.message.setObjectName("errorText")
            self.message.setText(self.tr("Alamat server harus diawali https://"))
        else:
            camera = self.camera_box.chosen_spec()
            if camera is not None:
                self.session.choose_camera(camera)
            if self.may_change:
                from app.ui.idle_lock import IDLE_KEY

                self.session.set_setting("min_recording_age", self.min_age.value())
                self.session.set_setting("server_url", url or None)
                self.session.set_setting(RETENTION_KEY, self.retention.value())
                self.session.set_setting(RECEIPT_OFFICE_KEY, " ".join(self.receipt_office.text().split()))
                self.session.set_setting(RECEIPT_CONTACT_KEY, " ".join(self.receipt_contact.text().split()))
                self.session.set_photo_thresholds(self._changed_thresholds())
                self.session.set_setting(IDLE_KEY, self.idle_minutes.value())
                self.approval_box.save()
                self.session.set_setting(BIOMETRICS_MODE_KEY, self.biometric_box.chosen_mode().value)
                self.session.set_setting(BIOMETRICS_POLICY_KEY, self.biometric_box.chosen_policy())
                window = self.window()
                if hasattr(window, "start_idle_lock") and getattr(window, "idle", None) is not None:
                    window.start_idle_lock()
            self.message.setObjectName("okText")
            self.message.setText(self.tr("Pengaturan tersimpan."))
            lang = self.language.currentData()
            if lang != self.session.language():
                self.session.set_language(lang)
                self.languageChanged.emit(lang)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
