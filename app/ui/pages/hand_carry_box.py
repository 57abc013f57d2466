"""The queue page's "Kirim lewat flashdisk" box: the unsent queue written to a USB stick, the receipt read back.

The work runs off the GUI thread (`app.ui.workers.run_task`); the export's
progress comes back by signal to the bar. The queue is only read: it stays as
it is until the server's receipt (or the next network sync) says what it holds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from app.ui.texts import error_text
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task
from sync.client.hand_carry import (
    BundleError,
    ExportResult,
    ReceiptResult,
    apply_receipt,
    bundle_ready,
    export_bundle,
)


class _Progress(QObject):
    """Carries the export's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int)


class HandCarryBox(QGroupBox):
    """Two buttons, a progress bar and a line of text.

    Signals:
        changed(): the queue changed (a receipt was applied): the page re-reads it.
    """

    changed = Signal()
    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Tanpa sinyal: kirim lewat flashdisk"), parent)
        self.session = session
        self.busy = False
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "Rekaman yang belum terkirim disalin ke flashdisk, terenkripsi untuk server; kantor mengimpornya dan "
            "memberi tanda terima. Antrian di laptop tidak berubah sampai server mengakuinya."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.hide()
        row.addWidget(self.bar, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.export_button = QPushButton(self.tr("Kirim lewat flashdisk…"), self)
        self.export_button.clicked.connect(self._choose_folder)
        row.addWidget(self.export_button)
        self.receipt_button = QPushButton(self.tr("Baca tanda terima…"), self)
        self.receipt_button.clicked.connect(self._choose_receipt)
        row.addWidget(self.receipt_button)
        layout.addLayout(row)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._on_progress)
        self.refresh()

    def refresh(self) -> None:
        ready = bundle_ready(self.session.store)
        self.export_button.setEnabled(ready and not self.busy)
        self.receipt_button.setEnabled(ready and not self.busy)
        if not ready and not self.busy:
            self.export_button.setToolTip(self.tr("Daftarkan laptop ke server dulu: kiriman dienkripsi "
                                                  "dengan kunci server."))

    # ----------------------------------------------------------------- export

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder flashdisk"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        """Write the bundle into `folder` on a worker thread."""
        if self.busy:
            return
        self._set_busy(True)
        self.bar.setValue(0)
        self.bar.show()
        self._say(self.tr("Menulis kiriman…"), error=False)
        store, signal = self.session.store, self._progress.moved
        run_task(lambda: export_bundle(store, folder, lambda done, total: signal.emit(done, total)),
                 self._exported, self._failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setValue(100 * done // max(total, 1))

    def _exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        self.bar.hide()
        self._say(self.tr("Kiriman ditulis: %1 (%2 rekaman). Cabut flashdisk dengan aman; antrian tetap menunggu "
                          "tanda terima.").replace("%1", result.path.name).replace("%2", str(result.records)),
                  error=False)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.bar.hide()
        text = error_text(exc) if isinstance(exc, BundleError) else self.tr(
            "Kiriman gagal karena kesalahan tak terduga; antrian laptop tidak berubah.")
        self._say(text, error=True)
        self.failed.emit(text)

    # ----------------------------------------------------------------- receipt

    def _choose_receipt(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih tanda terima"), "",
                                                    self.tr("Tanda terima (*.terima.json)"))
        if path:
            self.read_receipt(path)

    def read_receipt(self, path: str) -> None:
        """Apply the receipt at `path` on a worker thread."""
        if self.busy:
            return
        self._set_busy(True)
        store = self.session.store
        run_task(lambda: apply_receipt(store, path), self._receipt_done, self._failed)

    def _receipt_done(self, result: ReceiptResult) -> None:
        self._set_busy(False)
        self._say(self.tr("Tanda terima dibaca: %1 rekaman diakui server.").replace("%1", str(result.acknowledged)),
                  error=False)
        self.changed.emit()

    # ----------------------------------------------------------------- helpers

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.refresh()

    def _say(self, text: str, *, error: bool) -> None:
        show_message(self.message, text, "errorText" if error else "okText")
