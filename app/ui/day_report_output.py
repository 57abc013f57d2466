"""Save the day-end report (laporan akhir hari) as a PDF where the supervisor chooses.

A save dialog (opened, never exec'd: tests drive it) proposes
``laporan-akhir-hari-YYYY-MM-DD.pdf`` in the folder used last for a receipt; the
dialog says the PDF is unencrypted and who may hold it. The day is read on the
database worker (`Session.day_report`, a supervisor's or admin's), laid out through
`app.ui.day_report_pdf`, written only to the path accepted (0600), then audited.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.fsio import open_private
from app.ui.day_report_pdf import write_day_report_pdf
from app.ui.pages.common import fill_placeholders
from app.ui.receipt_output import pdf_save_dialog
from app.ui.texts import error_text
from app.ui.workers import run_task


class DayReportOutput(QObject):
    """Signals:
        finished(bool, str): whether the report was written, and the words saying where (or why not).

    Attributes:
        dialog: the open save dialog, if any.
        day: the day being reported.
    """

    finished = Signal(bool, str)

    def __init__(self, session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.dialog: QFileDialog | None = None
        self.day = dt.date.today()

    def start(self, day: dt.date | None = None) -> None:
        """Ask where to save the report of `day` (default today)."""
        self.day = day or dt.date.today()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = pdf_save_dialog(self.session, self.parent_widget, self.tr(
            "Simpan laporan akhir hari (PDF, TIDAK terenkripsi: hanya untuk tim, supervisor dan petugas "
            "Disdukcapil)"), f"laporan-akhir-hari-{self.day.isoformat()}.pdf", self.tr("Dokumen PDF (*.pdf)"))
        self.dialog.fileSelected.connect(self.save_pdf)
        self.dialog.rejected.connect(lambda: self.finished.emit(False, self.tr("Laporan tidak disimpan.")))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.open()

    def save_pdf(self, path: str) -> None:
        """Read the day (database worker), then write the PDF at `path` and audit it."""
        day = self.day
        run_task(lambda: self.session.day_report(day), lambda report: self._write(report, path),
                 lambda exc: self.finished.emit(False, self.tr("Laporan tidak dapat dibuat: ") + error_text(exc)))

    def _write(self, report, path: str) -> None:  # noqa: ANN001 - a DayReport
        try:
            os.close(open_private(path))  # 0600 before Qt writes into it (Qt keeps the mode it finds)
            write_day_report_pdf(report, path)
            if not Path(path).is_file():
                raise OSError("not written")
        except OSError:
            self.finished.emit(False, fill_placeholders(self.tr("Laporan gagal disimpan di %1."), path))
            return
        session = self.session
        run_task(lambda: session.day_report_written(report), lambda _none: self.finished.emit(
            True, fill_placeholders(self.tr("Laporan akhir hari tersimpan (tidak terenkripsi): %1"), path)),
            lambda exc: self.finished.emit(False, error_text(exc)))
