"""Laporan's exports: the tables as an XLSX workbook (openpyxl) and the shown table with its chart as a PDF.

Both take `app.ui.pages.report_table.ReportTable`s, the rows the page shows,
so an export says what the window says. The XLSX holds one sheet per table
(numbers as numbers, the percent as a number with one decimal); the PDF
(QPdfWriter, A4 portrait) the title, when it was made, the chart as drawn in
the window, then the table over as many pages as it needs, the header
repeated on each. Both run off the GUI thread (the chart image is taken on
it first). Files are written beside and renamed into place, so a failed
export leaves no half file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.ui.pages.report_table import ReportTable, cell_text

PDF_DPI = 150
MARGIN_MM = 14.0
FONT_FAMILY = "DejaVu Sans"


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Laporan"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}-{n}"
        n += 1
    used.add(name)
    return name


def write_xlsx(path: str | os.PathLike, tables: list[ReportTable], subtitle: str = "") -> Path:
    """One sheet per table: title, subtitle, headers, rows, total (if any)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.headers[0], used))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([subtitle])
        sheet.append(table.headers)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        if table.total is not None:
            sheet.append(table.total)
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 44
        for letter in "BCDEFG"[: len(table.headers) - 1]:
            sheet.column_dimensions[letter].width = 16
        sheet.freeze_panes = "B4"
    partial = path.with_name(path.name + ".part")
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)  # plain letters when the text is copied out
    return font


def write_pdf(path: str | os.PathLike, table: ReportTable, subtitle: str, chart: QImage | None) -> Path:
    """`table` with its chart image (None: none) as an A4 PDF."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setTitle(table.title)
    writer.setCreator("Jemput")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    try:
        painter = QPainter(writer)
        try:
            _paint(painter, writer, table, subtitle, chart)
        finally:
            painter.end()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _paint(painter: QPainter, writer: QPdfWriter, table: ReportTable, subtitle: str, chart: QImage | None) -> None:
    page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    page.moveTo(0, 0)
    mm = writer.resolution() / 25.4
    width = page.width()
    painter.setPen(QColor("black"))
    painter.setFont(_font(15, bold=True))
    y = 0.0
    painter.drawText(QRectF(0, y, width, 9 * mm), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     table.title)
    y += 9 * mm
    painter.setFont(_font(9))
    painter.drawText(QRectF(0, y, width, 6 * mm), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     subtitle)
    y += 8 * mm
    if chart is not None and not chart.isNull():
        size = QSizeF(chart.size()).scaled(QSizeF(width, 95 * mm), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(0, y, size.width(), size.height()), chart)
        y += size.height() + 5 * mm
    columns = len(table.headers)
    first = width * 0.38
    other = (width - first) / max(1, columns - 1)
    lefts = [0.0] + [first + i * other for i in range(columns - 1)]
    widths = [first] + [other] * (columns - 1)
    line = 6.2 * mm

    def header(top: float) -> float:
        painter.setFont(_font(7.5, bold=True))
        height = 2 * line
        for left, w, text in zip(lefts, widths, table.headers):
            align = Qt.AlignmentFlag.AlignLeft if left == 0 else Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(left + 1 * mm, top, w - 2 * mm, height),
                             align | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, text)
        painter.setPen(QPen(QColor("black"), 0.3 * mm))
        painter.drawLine(0, int(top + height), int(width), int(top + height))
        return top + height + 0.8 * mm

    def row(top: float, cells: list, bold: bool = False) -> None:
        painter.setFont(_font(8, bold=bold))
        for left, w, value in zip(lefts, widths, cells):
            text = cell_text(value)
            align = Qt.AlignmentFlag.AlignLeft if left == 0 else Qt.AlignmentFlag.AlignRight
            if left == 0:
                text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, int(w - 2 * mm))
            painter.drawText(QRectF(left + 1 * mm, top, w - 2 * mm, line), align | Qt.AlignmentFlag.AlignVCenter,
                             text)

    y = header(y)
    body = [(cells, False) for cells in table.rows] + ([(table.total, True)] if table.total is not None else [])
    for cells, bold in body:
        if y + line > page.height():
            writer.newPage()
            y = header(0.0)
        if bold:
            painter.setPen(QPen(QColor("black"), 0.3 * mm))
            painter.drawLine(0, int(y), int(width), int(y))
        row(y, cells, bold)
        y += line
