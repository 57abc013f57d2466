"""Print a resident's receipt, or save it as a PDF where the operator chooses when no printer is set up.

With a printer (Qt's list of printers is not empty) the print dialog opens;
without one, a save dialog proposes ``bukti-<number>.pdf`` in the folder
used last (Pengaturan keeps it; the home folder at first). The PDF is
written only to the path the operator accepted: never to a temporary file.
Both dialogs are opened, never exec'd, so the window stays responsive and
tests can drive them. `PrintReceiptBar` is the "Cetak bukti" button the
lists (Beranda, Daftar Warga) put under their table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.receipt import Receipt
from app.ui.pages.common import fill_placeholders
from app.ui.receipt_pdf import paint_on_paged_device, write_receipt_pdf
from app.ui.texts import error_text
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task

FOLDER_KEY = "receipt_folder"  # the folder the last receipt PDF went to


def printer_names() -> list[str]:
    """The printers Qt can print to (none: the receipt is saved as a PDF)."""
    return list(QPrinterInfo.availablePrinterNames())


def pdf_save_dialog(session, parent: QWidget, title: str, file_name: str, name_filter: str) -> QFileDialog:
    """A save dialog for a PDF named `file_name` in the folder used last (`FOLDER_KEY`; else home);
    `name_filter`: the caller's translated ``Dokumen PDF (*.pdf)``."""
    folder = str(session.get_setting(FOLDER_KEY, "") or "")
    if not folder or not Path(folder).is_dir():
        folder = QDir.homePath()
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("pdf")
    dialog.setNameFilters([name_filter])
    dialog.setDirectory(folder)
    dialog.selectFile(str(Path(folder) / file_name))
    return dialog


class ReceiptOutput(QObject):
    """Signals:
        finished(bool, str): whether the receipt went out, and the words saying where (or why not).

    Attributes:
        dialog: the open print or save dialog, if any.
        receipt: the receipt being printed.
    """

    finished = Signal(bool, str)

    def __init__(self, session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.dialog: QDialog | None = None
        self.receipt: Receipt | None = None

    def load_and_start(self, load: Callable[[], Receipt]) -> None:
        """Print the receipt `load` reads (on the database worker), e.g. a stored recording's
        (`Session.receipt`) or a target's (`Session.receipt_for_target`)."""
        run_task(load, self.start,
                 lambda exc: self.finished.emit(False, self.tr("Bukti tidak dapat dibuat: ") + error_text(exc)))

    def start(self, receipt: Receipt) -> None:
        """Open the print dialog, or the save dialog when there is no printer."""
        self.receipt = receipt
        if self.dialog is not None:
            self.dialog.deleteLater()
        if printer_names():
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(receipt.title)
            self.dialog = QPrintDialog(printer, self.parent_widget)
            self.dialog.accepted.connect(lambda: self.print_to(printer))
        else:
            self.dialog = self._save_dialog(receipt)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.rejected.connect(lambda: self.finished.emit(False, self.tr("Bukti tidak dicetak.")))
        self.dialog.open()

    def _save_dialog(self, receipt: Receipt) -> QFileDialog:
        dialog = pdf_save_dialog(self.session, self.parent_widget,
                                 self.tr("Simpan bukti perekaman (PDF) — tidak ada printer"),
                                 f"bukti-{receipt.qr_payload}.pdf", self.tr("Dokumen PDF (*.pdf)"))
        dialog.fileSelected.connect(self.save_pdf)
        return dialog

    def print_to(self, printer: QPrinter) -> None:
        try:
            paint_on_paged_device(printer, self.receipt)
        except OSError:
            self.finished.emit(False, self.tr("Bukti gagal dicetak: printer tidak dapat dipakai."))
            return
        self.finished.emit(True, fill_placeholders(self.tr("Bukti dikirim ke printer %1."), printer.printerName()))

    def save_pdf(self, path: str) -> None:
        """Write the receipt as a PDF at `path` and remember its folder."""
        try:
            write_receipt_pdf(self.receipt, path)
            if not Path(path).is_file():
                raise OSError("not written")
        except OSError:
            self.finished.emit(False, fill_placeholders(self.tr("Bukti gagal disimpan di %1."), path))
            return
        self.session.set_setting(FOLDER_KEY, str(Path(path).parent))
        self.finished.emit(True, fill_placeholders(self.tr("Bukti tersimpan: %1"), path))


class PrintReceiptBar(QWidget):
    """"Cetak bukti (Ctrl+P)" under a list, with a line saying where the receipt went.

    `loader()` gives, for the list's selected row, a function that reads its
    receipt (run on the database worker), or None when that row has none (a
    draft, a rejected recording, a resident not recorded here).

    Attributes:
        output: the `ReceiptOutput` that prints or saves.
    """

    def __init__(self, session, page: QWidget, loader: Callable[[], Callable[[], Receipt] | None]):
        super().__init__(page)
        self.loader = loader
        self.message = QLabel(self)
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Cetak bukti (Ctrl+P)"), self)
        self.button.setToolTip(self.tr("Bukti perekaman untuk warga yang dipilih (rekaman sudah selesai)."))
        self.button.setEnabled(False)
        self.button.clicked.connect(self.print_selected)
        self.output = ReceiptOutput(session, page)
        self.output.finished.connect(self._done)
        QShortcut(QKeySequence("Ctrl+P"), page, activated=self.print_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.button)

    def refresh(self) -> None:
        """The selection changed: the button works only for a row with a receipt."""
        self.button.setEnabled(self.loader() is not None)

    def print_selected(self) -> None:
        load = self.loader()
        if load is None:
            self._say(self.tr("Pilih warga yang rekamannya sudah selesai untuk mencetak buktinya."), None)
            return
        self._say(self.tr("Menyiapkan bukti…"), None)
        self.output.load_and_start(load)

    def _done(self, ok: bool, text: str) -> None:
        self._say(text, ok)

    def _say(self, text: str, ok: bool | None) -> None:
        show_message(self.message, text, "hint" if ok is None else "okText" if ok else "errorText")
