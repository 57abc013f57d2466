"""Beranda's row for a supervisor or admin: "Tinjau rekaman (Ctrl+R)" opens the review of what waits for
approval (`app.ui.approval_dialog`), "Laporan akhir hari…" saves the day-end report as a PDF
(`app.ui.day_report_output`). An operator does not see it (the session refuses them anyway)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.roles import APPROVE, EXPORT
from app.ui.widgets.form_error import show_message


class SupervisorBar(QWidget):
    """Signals:
        decided(): the review approved or returned a recording (the window refreshes).

    Attributes:
        dialog: the review dialog once opened; report: the day-end report's output.
    """

    decided = Signal()

    def __init__(self, session, page: QWidget):
        super().__init__(page)
        from app.ui.day_report_output import DayReportOutput

        self.session = session
        self.dialog = None
        self.review_button = QPushButton(self.tr("Tinjau rekaman (Ctrl+R)"), self)
        self.review_button.setToolTip(self.tr("Setujui rekaman yang selesai agar masuk antrian kirim, "
                                              "atau kembalikan ke operator dengan alasan."))
        self.review_button.clicked.connect(self.open_review)
        self.report_button = QPushButton(self.tr("Laporan akhir hari…"), self)
        self.report_button.setToolTip(self.tr("PDF per tim dan operator: hasil kunjungan, rekaman, pengecualian, "
                                              "tempat tanda tangan. Tidak terenkripsi."))
        self.report = DayReportOutput(session, page)
        self.report_button.clicked.connect(lambda: self.report.start())
        self.report.finished.connect(self._reported)
        self.message = QLabel(self)
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.report_button)
        row.addWidget(self.review_button)
        self.may_approve = session.can(APPROVE)
        self.review_button.setVisible(self.may_approve)
        self.report_button.setVisible(session.can(EXPORT))
        self.setVisible(self.may_approve or session.can(EXPORT))
        if self.may_approve:
            QShortcut(QKeySequence("Ctrl+R"), page, activated=self.open_review,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def refresh(self, waiting: int) -> None:
        """`waiting`: completed recordings waiting for approval."""
        self.review_button.setText(self.tr("Tinjau rekaman (%n) (Ctrl+R)", "", waiting))

    def open_review(self) -> None:
        if not self.may_approve:
            return
        from app.ui.approval_dialog import ApprovalDialog

        if self.dialog is None:
            # Owned by the page: when another person unlocks, the pages are built again and it goes too.
            self.dialog = ApprovalDialog(self.session, self.parentWidget())
            self.dialog.decided.connect(self.decided)
        self.dialog.load()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _reported(self, ok: bool, text: str) -> None:
        show_message(self.message, text, "okText" if ok else "errorText")
