"""Daftar Warga's import: choose a CSV/XLSX, import it on the database worker with progress and Batal.

The import is `Session.import_targets`, the same path as `jemput import-targets`:
one transaction, so Batal (like Ctrl+C) leaves nothing of that import. Refused
lines go to an owner-only report beside the file; their words never reach the log.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.texts import error_text
from app.ui.workers import run_task

STEPS = 1000  # the bar's range


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class ImportProgressDialog(QDialog):
    """Window-modal: what the import has read, and Batal.

    Signals:
        cancelRequested(): Batal pressed (the import stops at the next row).
    """

    cancelRequested = Signal()

    def __init__(self, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor daftar target"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.title = QLabel(self.tr("Mengimpor %1…").replace("%1", file_name), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first report
        self.label = QLabel(self.tr("Membaca berkas…"), self)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(420)

    def show_progress(self, state) -> None:
        """A `ReadProgress`: rows read, and of how many where the file says."""
        if state.unit == "baris" and state.total:
            text = self.tr("%1 dari %2 baris dibaca").replace("%1", _n(state.done)).replace("%2", _n(state.total))
        else:
            text = self.tr("%1 baris dibaca").replace("%1", _n(state.rows))
        if not self.cancel_button.isEnabled():
            return  # "Membatalkan…" stays until the worker stops
        self.label.setText(text)
        fraction = state.fraction
        if fraction is not None:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(int(fraction * STEPS))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Membatalkan…"))
        self.cancelRequested.emit()

    def reject(self) -> None:  # Esc is Batal, never a silent close
        if self.cancel_button.isEnabled():
            self._cancel()


class _Relay(QObject):
    """Carries the worker's progress to the GUI thread (queued)."""

    progress = Signal(object)


class TargetImport(QObject):
    """One import from the window: runs it, shows progress, then the result.

    Signals:
        finished(str): the operator's summary (also shown in `result_box`).
        imported(): targets may have changed (the list refreshes).

    Attributes:
        dialog: the progress dialog while it runs.
        result_box: the message shown at the end.
        progress_reports: progress reports received (for the curious and the tests).
    """

    finished = Signal(str)
    imported = Signal()

    def __init__(self, session, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.session = session
        self.parent_widget = parent_widget
        self.cancel = threading.Event()
        self.dialog: ImportProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.progress_reports = 0
        self.running = False
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)

    def start(self, path: str) -> None:
        from pathlib import Path

        path = Path(path)
        self.running = True
        self.dialog = ImportProgressDialog(path.name, self.parent_widget)
        self.dialog.cancelRequested.connect(self.cancel.set)
        self.dialog.open()
        relay, cancel, session = self._relay, self.cancel, self.session
        run_task(lambda: session.import_targets(path, progress=relay.progress.emit, cancelled=cancel.is_set),
                 self._done, self._failed)

    def _progress(self, state) -> None:
        self.progress_reports += 1
        if self.dialog is not None:
            self.dialog.show_progress(state)

    def _done(self, result) -> None:
        if result.cancelled:
            self._finish(self.tr("Impor dibatalkan. Tidak ada yang disimpan dari berkas ini: "
                                 "daftar target tetap seperti sebelum impor."), QMessageBox.Icon.Information)
            return
        text = self.tr("Impor selesai: %1 baru, %2 diperbarui, %3 baris ditolak (dari %4 baris data).")
        for mark, value in (("%1", result.inserted), ("%2", result.updated), ("%3", result.bad),
                            ("%4", result.rows_read)):
            text = text.replace(mark, _n(value))
        if result.report is not None:
            text += "\n\n" + self.tr("Baris yang ditolak beserta alasannya disimpan di %1 "
                                     "(hanya dapat dibuka oleh akun ini).").replace("%1", str(result.report))
        if result.rows_read == 0:
            text += "\n\n" + self.tr("Berkas tidak berisi baris data (hanya baris judul).")
        self._finish(text, QMessageBox.Icon.Information)
        self.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        from app.targetfile import ImportFileError

        unchanged = self.tr("Daftar target tidak diubah.")
        if isinstance(exc, ImportFileError):  # the reader's words: about the file, never a resident
            text = self.tr("Berkas ini tidak dapat diimpor: %1.").replace("%1", str(exc)) + " " + unchanged
        elif isinstance(exc, OSError):
            text = self.tr("Berkas tidak dapat dibaca (tidak ada, atau tidak boleh dibuka).") + " " + unchanged
        else:
            text = error_text(exc) + " " + unchanged
        self._finish(text, QMessageBox.Icon.Warning)

    def _finish(self, text: str, icon) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.done(0)
            self.dialog.deleteLater()
            self.dialog = None
        self.result_box = QMessageBox(icon, self.tr("Impor daftar target"), text,
                                      QMessageBox.StandardButton.Ok, self.parent_widget)
        self.result_box.setWindowModality(Qt.WindowModality.WindowModal)
        self.result_box.open()
        self.finished.emit(text)

