"""Laporan and Pengaturan pages.

Laporan shows progress against targets per RT, kelurahan and kecamatan.
Pengaturan holds the language, the minimum recording age, the server address,
the camera source, the photo-check limits, how long personal data of recordings
the server accepted stays on the laptop (``retention_days``; the purge runs after
each successful sync) and "Ganti kata sandi" (a dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.store.retention import MAX_RETENTION_DAYS, RETENTION_KEY
from app.ui.workers import run_task


def _title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("pageTitle")
    return label


class ProgressModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Wilayah"), self.tr("Target"), self.tr("Sudah direkam"),
                self.tr("oleh tim lain"), self.tr("Belum"), self.tr("Capaian")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        target, done = row["target"], row["recorded"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        pct = (100.0 * done / target) if target else 0.0
        return [row["label"], _count(target), _count(done), _count(row.get("elsewhere", 0)),
                _count(max(0, target - done)), f"{pct:.1f}%".replace(".", ",")][index.column()]


def _count(n: int) -> str:
    """1.234 (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


class ReportsPage(QWidget):
    LEVELS = ("rt", "kelurahan", "kecamatan")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(_title(self.tr("Laporan capaian"), self))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Per:"), self))
        self.level = QComboBox(self)
        self.level.addItem(self.tr("RT"), "rt")
        self.level.addItem(self.tr("Kelurahan/Desa"), "kelurahan")
        self.level.addItem(self.tr("Kecamatan"), "kecamatan")
        self.level.setCurrentIndex(1)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.level)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = ProgressModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Belum ada daftar target. Impor daftar target untuk melihat capaian."), self)
        self.empty.setObjectName("hint")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.loaded = False  # True once the first counts are shown
        self._asked = 0

    def refresh(self) -> None:
        """Counts per area on the database worker (a big target list takes a moment)."""
        level = self.level.currentData()
        self._asked += 1
        asked = self._asked
        run_task(lambda: self.session.progress(level), lambda rows: self._show(rows, asked))

    def _show(self, rows: list[dict], asked: int) -> None:
        if asked != self._asked:
            return  # an older answer (the level changed meanwhile)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.loaded = True


class SettingsPage(QWidget):
    """Signals:
        languageChanged(str): 'id' or 'en'.
    """

    languageChanged = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(_title(self.tr("Pengaturan"), self))
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
        self.camera = QLineEdit(general)
        self.camera.setPlaceholderText(self.tr("0 = kamera laptop, 1 = kamera USB, atau berkas video/foto"))
        form.addRow(self.tr("Sumber kamera"), self.camera)
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
        layout.addWidget(checks)

        security = QGroupBox(self.tr("Keamanan"), self)
        srow = QHBoxLayout(security)
        self.passphrase_hint = QLabel(self.tr("Kata sandi mengunci basis data di laptop ini."), security)
        self.passphrase_hint.setObjectName("hint")
        self.passphrase_hint.setWordWrap(True)
        srow.addWidget(self.passphrase_hint, 1)
        self.change_passphrase = QPushButton(self.tr("Ganti kata sandi"), security)
        self.change_passphrase.clicked.connect(self._open_passphrase_dialog)
        srow.addWidget(self.change_passphrase)
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

    def refresh(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self.session.language())))
        self.min_age.setValue(int(self.session.get_setting("min_recording_age", 16)))
        self.server.setText(self.session.get_setting("server_url") or "")
        self.camera.setText(str(self.session.get_setting("camera_source", "0") or "0"))
        self.retention.setValue(self.session.retention_days())
        current = self.session.photo_thresholds()
        for key, box in self.thresholds.items():
            box.setValue(float(getattr(current, key)))
        self.message.clear()

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
        self.message.setObjectName("okText" if ok else "errorText")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

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
            self.session.set_setting("min_recording_age", self.min_age.value())
            self.session.set_setting("server_url", url or None)
            self.session.set_setting("camera_source", self.camera.text().strip() or "0")
            self.session.set_setting(RETENTION_KEY, self.retention.value())
            self.session.set_photo_thresholds(self._changed_thresholds())
            self.message.setObjectName("okText")
            self.message.setText(self.tr("Pengaturan tersimpan."))
            lang = self.language.currentData()
            if lang != self.session.language():
                self.session.set_language(lang)
                self.languageChanged.emit(lang)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
