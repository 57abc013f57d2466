"""Lay out the day-end report (`app.core.day_report.DayReport`) as an A4 PDF through Qt's QPdfWriter.

First the team's page (outcomes and statuses added up, one line per operator,
the supervisor's signature line), then one section per operator: the counts per
visit outcome, the day's recordings (time, name, masked NIK, status) with their
exceptions, and two signature lines (operator, supervisor). A section that does
not fit goes on as many pages as it needs; each starts on a new page, so the
sheets can be signed and filed per person. Every page's heading says that the
paper is unencrypted and who may hold it. Words in Bahasa Indonesia (it is a filed paper).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPdfWriter, QPen

from app.core.day_report import HOLDER_NOTE, DayReport, OperatorDay
from app.ui.receipt_pdf import MARGIN_MM, PAGE_MM, PDF_DPI, _a4_layout, _font

ROW_MM = 6.0
SIGNATURE_BLOCK_MM = 40.0


class _Pages:
    """A painter that knows where it is on the page and starts a new one when asked for room."""

    def __init__(self, painter: QPainter, page: QRectF, new_page):  # noqa: ANN001 - a callable
        self.painter, self.page, self._new_page = painter, page, new_page
        self.mm = page.width() / (PAGE_MM.width() - 2 * MARGIN_MM)
        self.y = page.top()

    def room(self, height_mm: float) -> None:
        if self.y + height_mm * self.mm > self.page.bottom():
            self.new_page()

    def new_page(self) -> None:
        self._new_page()
        self.y = self.page.top()

    def text(self, text: str, *, points: float = 10, bold: bool = False, indent_mm: float = 0,
             width_mm: float | None = None, height_mm: float = ROW_MM, wrap: bool = False) -> None:
        mm, left = self.mm, self.page.left() + indent_mm * self.mm
        width = (width_mm * mm) if width_mm is not None else self.page.right() - left
        self.painter.setFont(_font(points, bold=bold))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.painter.drawText(QRectF(left, self.y, width, height_mm * mm),
                              int(flags) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0), text)

    def down(self, height_mm: float = ROW_MM) -> None:
        self.y += height_mm * self.mm

    def rule(self, width_mm: float = 0.3) -> None:
        self.painter.setPen(QPen(QColor("black"), width_mm * self.mm))
        self.painter.drawLine(int(self.page.left()), int(self.y), int(self.page.right()), int(self.y))
        self.painter.setPen(QColor("black"))


COLUMNS_MM = (("Jam", 0, 14), ("Nama", 14, 72), ("NIK", 86, 44), ("Status", 130, 48))
EXCEPTION_INDENT_MM = 18.0  # an exception goes on its own line under its recording


def _heading(p: _Pages, report: DayReport, who: str) -> None:
    """Title, team and whose page it is, and who may hold the paper (it names residents)."""
    p.text(report.title, points=15, bold=True, height_mm=9)
    p.down(9)
    p.text(f"Tim: {report.team or '-'}    {who}")
    p.down()
    p.text(HOLDER_NOTE, points=7.5, height_mm=8, wrap=True)
    p.down(8)
    p.rule()
    p.down(3)


def _counts(p: _Pages, title: str, counts: dict[str, int]) -> None:
    p.text(title, points=11, bold=True)
    p.down()
    for label, count in counts.items():
        p.room(ROW_MM)
        p.text(label, indent_mm=4, width_mm=90)
        p.text(str(count), indent_mm=96, width_mm=20, bold=True)
        p.down()
    p.down(2)


def _signature_lines(p: _Pages, names: tuple[str, str]) -> None:
    """Two lines to sign side by side: operator (or team) and supervisor."""
    p.room(SIGNATURE_BLOCK_MM)
    p.down(12)
    half = (PAGE_MM.width() - 2 * MARGIN_MM) / 2
    for i, (who, name) in enumerate(zip(("Tanda tangan operator", "Tanda tangan supervisor"), names)):
        left = p.page.left() + i * half * p.mm
        p.painter.setPen(QPen(QColor("black"), 0.25 * p.mm))
        y = p.y + 18 * p.mm
        p.painter.drawLine(int(left + 4 * p.mm), int(y), int(left + (half - 8) * p.mm), int(y))
        p.text(who, indent_mm=i * half + 4, width_mm=half - 8, points=9)
        p.painter.setFont(_font(9))
        p.painter.drawText(QRectF(left + 4 * p.mm, y + 1 * p.mm, (half - 8) * p.mm, ROW_MM * p.mm),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
    p.down(26)


def _team_page(p: _Pages, report: DayReport) -> None:
    """The team's day at a glance: outcomes and statuses added up, one line per operator, the supervisor's line."""
    _heading(p, report, f"Ringkasan tim ({len(report.operators)} operator)")
    _counts(p, "Hasil kunjungan (tim)", report.team_outcomes())
    _counts(p, "Rekaman per status (tim)", report.team_statuses() or {"(tidak ada rekaman)": 0})
    p.text("Per operator", points=11, bold=True)
    p.down()
    for title, left, width in (("Operator", 0, 90), ("Rekaman", 96, 30), ("Pengecualian", 130, 40)):
        p.text(title, indent_mm=left, width_mm=width, bold=True, points=9)
    p.down()
    p.rule(0.15)
    for day in report.operators:
        p.room(ROW_MM)
        for (left, width), value in zip(((0, 90), (96, 30), (130, 40)),
                                        (day.operator, str(len(day.recordings)), str(day.exception_count))):
            p.text(value, indent_mm=left, width_mm=width, points=9)
        p.down()
    _signature_lines(p, ("", "Nama: ........................"))


def _section(p: _Pages, report: DayReport, day: OperatorDay) -> None:
    _heading(p, report, f"Operator: {day.operator}")
    _counts(p, "Hasil kunjungan", day.outcomes)
    p.text(f"Rekaman hari ini: {len(day.recordings)}; dengan pengecualian: {day.exception_count}",
           points=11, bold=True)
    p.down()
    for title, left, width in COLUMNS_MM:
        p.text(title, indent_mm=left, width_mm=width, bold=True, points=9)
    p.down()
    p.rule(0.15)
    for r in day.recordings:
        p.room(ROW_MM * (1 + len(r.exceptions)))
        for (_, left, width), value in zip(COLUMNS_MM, (r.time, r.nama, r.nik, r.status)):
            p.text(value, indent_mm=left, width_mm=width, points=9)
        p.down()
        for exception in r.exceptions:
            p.text(f"Pengecualian: {exception}", indent_mm=EXCEPTION_INDENT_MM, points=8, bold=True)
            p.down()
    if not day.recordings:
        p.text("(tidak ada rekaman)", points=9)
        p.down()
    _signature_lines(p, (day.operator, "Nama: ........................"))


def paint_day_report(painter: QPainter, page: QRectF, report: DayReport, new_page) -> None:  # noqa: ANN001
    """Draw `report` from the top of `page`; `new_page()` turns to a fresh one."""
    p = _Pages(painter, page, new_page)
    painter.save()
    painter.setPen(QColor("black"))
    _team_page(p, report)
    for day in report.operators or (OperatorDay("(tidak ada kegiatan)"),):
        p.new_page()
        _section(p, report, day)
    painter.restore()


def write_day_report_pdf(report: DayReport, path: str) -> None:
    """Write the report as a PDF at `path` (the supervisor's choice; nothing else is written)."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setTitle(report.title)
    writer.setCreator("Jemput")
    writer.setPageLayout(_a4_layout())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("day report: the page could not be opened for drawing")
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        paint_day_report(painter, QRectF(0, 0, rect.width(), rect.height()), report, writer.newPage)
    finally:
        painter.end()

