"""Lay out the delivery lists (`app.core.delivery_list.DeliverySheet`) as an A4 PDF through Qt's QPdfWriter.

One sheet per kelurahan and RT, each starting on a new page: the area, the
counts, then the cards in round order with an empty box where the recipient
signs, and two signature lines (petugas antar, ketua RT) at the end. Rows that
do not fit go on as many pages as they need, the column heads repeated.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPdfWriter, QPen

from app.core.delivery_list import DeliverySheet
from app.ui.day_report_pdf import _Pages
from app.ui.receipt_pdf import MARGIN_MM, PAGE_MM, PDF_DPI, _a4_layout, _font

ROW_MM = 9.0
COLUMNS_MM = (("No", 0, 8), ("Nama", 8, 42), ("Alamat", 50, 36), ("RT/RW", 86, 16), ("NIK", 102, 31),
              ("Keterangan", 134, 20), ("Tanda tangan", 154, 24))  # 178 mm: A4 less two 16 mm margins


def _heads(p: _Pages) -> None:
    for title, left, width in COLUMNS_MM:
        p.text(title, indent_mm=left, width_mm=width, bold=True, points=8)
    p.down(6)
    p.rule(0.2)


def _row(p: _Pages, cells: tuple[str, ...]) -> None:
    painter, mm = p.painter, p.mm
    painter.setFont(_font(9))
    for (_, left, width), value in zip(COLUMNS_MM, cells):
        painter.drawText(QRectF(p.page.left() + (left + 0.5) * mm, p.y, (width - 1) * mm, ROW_MM * mm),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         value)
    painter.setPen(QPen(QColor("#888888"), 0.15 * mm))
    painter.drawLine(int(p.page.left()), int(p.y + ROW_MM * mm), int(p.page.right()), int(p.y + ROW_MM * mm))
    sign_left = int(p.page.left() + COLUMNS_MM[-1][1] * mm)  # the box where the recipient signs
    painter.drawLine(sign_left, int(p.y), sign_left, int(p.y + ROW_MM * mm))
    painter.drawLine(int(p.page.right()), int(p.y), int(p.page.right()), int(p.y + ROW_MM * mm))
    painter.setPen(QColor("black"))
    p.down(ROW_MM)


def _sheet(p: _Pages, sheet: DeliverySheet) -> None:
    p.text(sheet.title, points=15, bold=True, height_mm=9)
    p.down(9)
    p.text(sheet.area, points=11, bold=True)
    p.down()
    p.text(f"Dicetak {sheet.printed}    {sheet.summary}", points=9)
    p.down(7)
    _heads(p)
    for r in sheet.rows:
        if p.y + ROW_MM * p.mm > p.page.bottom():
            p.new_page()
            p.text(f"{sheet.area} (lanjutan)", points=9, bold=True)
            p.down()
            _heads(p)
        _row(p, (str(r.number), r.nama, r.alamat, r.rt_rw, r.nik, r.status, ""))
    p.room(34)
    p.down(10)
    half = (PAGE_MM.width() - 2 * MARGIN_MM) / 2
    for i, who in enumerate(("Petugas antar", "Ketua RT")):
        left = p.page.left() + i * half * p.mm
        y = p.y + 18 * p.mm
        p.painter.setPen(QPen(QColor("black"), 0.25 * p.mm))
        p.painter.drawLine(int(left + 4 * p.mm), int(y), int(left + (half - 8) * p.mm), int(y))
        p.text(who, indent_mm=i * half + 4, width_mm=half - 8, points=9)
    p.down(24)


def write_delivery_pdf(sheets: list[DeliverySheet], path: str) -> None:
    """Write the sheets as one PDF at `path` (the operator's choice; nothing else is written)."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setTitle("Daftar Antar KTP-el")
    writer.setCreator("Jemput")
    writer.setPageLayout(_a4_layout())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("delivery list: the page could not be opened for drawing")
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        p = _Pages(painter, QRectF(0, 0, rect.width(), rect.height()), writer.newPage)
        painter.setPen(QColor("black"))
        for i, sheet in enumerate(sheets):
            if i:
                p.new_page()
            _sheet(p, sheet)
    finally:
        painter.end()
