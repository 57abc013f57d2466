"""Lay out the resident's receipt (bukti perekaman) on one page: a PDF (QPdfWriter), a printer or an image.

`paint_receipt` draws an `app.core.receipt.Receipt` into the upper half of
an A4 page (the lower half stays blank, so a half sheet can be torn off):
the Dinas, the title, the resident's lines, the registration number large
with its QR code (segno, drawn module by module as filled squares: sharp at
any resolution), where to ask, and a short note. The words are the
receipt's own (Bahasa Indonesia, whatever the window's language).
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextOption

from app.core.receipt import WHERE_TO_ASK, Receipt

PAGE_MM = QSizeF(210.0, 297.0)  # A4 portrait
MARGIN_MM = 16.0
QR_MM = 38.0
PDF_DPI = 300
FONT_FAMILY = "DejaVu Sans"


def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `payload` as rows of dark (True) modules, without the quiet zone."""
    import segno  # here, not at start-up: it pulls in urllib and its writers (~0.1 s)

    code = segno.make(payload, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def _font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont("DejaVu Sans Mono" if mono else FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)  # plain letters: "fi" stays two characters when the text is copied
    return font


def _paint_qr(painter: QPainter, left: float, top: float, size: float, payload: str) -> None:
    """The code with a 4-module quiet zone, in whole device units per module (no seams between squares)."""
    rows = qr_modules(payload)
    count = len(rows) + 8
    module = max(1, int(size // count))
    origin_x, origin_y = int(left), int(top)
    painter.fillRect(QRectF(origin_x, origin_y, module * count, module * count), QColor("white"))
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRectF(origin_x + (x + 4) * module, origin_y + (y + 4) * module, module, module),
                                 QColor("black"))


def _block(painter: QPainter, left: float, top: float, width: float, text: str) -> float:
    """Draw `text` wrapped into `width` (between words, or inside a word too long for a line); its height."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    height = painter.boundingRect(QRectF(left, top, width, 1e6), text, option).height()
    painter.drawText(QRectF(left, top, width, height), text, option)
    return height


def paint_receipt(painter: QPainter, page: QRectF, receipt: Receipt) -> None:
    """Draw `receipt` on a page whose printable area is `page` (device units, A4 portrait)."""
    mm = page.width() / (PAGE_MM.width() - 2 * MARGIN_MM)  # device units per millimetre
    left, top, width = page.left(), page.top(), page.width()
    flags = Qt.TextFlag.TextWordWrap
    painter.save()
    painter.setPen(QColor("black"))

    y = top
    painter.setFont(_font(11))
    y += _block(painter, left, y, width, receipt.office)
    painter.setFont(_font(17, bold=True))
    title = QRectF(left, y + 1 * mm, width, 12 * mm)
    painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, receipt.title)
    y = title.bottom() + 2 * mm
    painter.setPen(QPen(QColor("black"), 0.4 * mm))
    painter.drawLine(int(left), int(y), int(left + width), int(y))
    painter.setPen(QColor("black"))
    y += 5 * mm

    # Right: the QR code and the number under it. Left: the resident's lines.
    qr_left = left + width - QR_MM * mm
    body_top = y
    _paint_qr(painter, qr_left, body_top, QR_MM * mm, receipt.qr_payload)
    painter.setFont(_font(13, bold=True, mono=True))
    number = QRectF(qr_left - 6 * mm, body_top + QR_MM * mm + 1 * mm, QR_MM * mm + 6 * mm, 8 * mm)
    painter.drawText(number, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, receipt.number)

    label_width = 42 * mm
    value_width = qr_left - left - label_width - 6 * mm
    for label, value in (("Nomor registrasi", receipt.number), *receipt.rows):
        bold = label in ("Nama", "Nomor registrasi")
        painter.setFont(_font(10))
        painter.drawText(QRectF(left, y, label_width, 8 * mm), flags, label)
        painter.setFont(_font(11 if bold else 10, bold=bold, mono=label == "Nomor registrasi"))
        y += max(_block(painter, left + label_width, y, value_width, value), 5 * mm) + 2.5 * mm

    y = max(y, number.bottom()) + 4 * mm
    painter.setFont(_font(10, bold=True))
    painter.drawText(QRectF(left, y, width, 6 * mm), flags, WHERE_TO_ASK)
    y += 6 * mm
    painter.setFont(_font(10))
    y += _block(painter, left, y, width, receipt.where_to_ask) + 4 * mm
    painter.setFont(_font(9))
    y += _block(painter, left, y, width, receipt.note) + 6 * mm

    painter.setPen(QPen(QColor("#888888"), 0.2 * mm, Qt.PenStyle.DashLine))
    painter.drawLine(int(left), int(y), int(left + width), int(y))
    painter.restore()


def _a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def paint_on_paged_device(device, receipt: Receipt) -> None:
    """Paint the receipt on a QPdfWriter or a QPrinter (set to A4 with the receipt's margins)."""
    device.setPageLayout(_a4_layout())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("receipt: the page could not be opened for drawing")
    try:
        rect = device.pageLayout().paintRectPixels(device.resolution())
        paint_receipt(painter, QRectF(0, 0, rect.width(), rect.height()), receipt)
    finally:
        painter.end()


def write_receipt_pdf(receipt: Receipt, path: str) -> None:
    """Write the receipt as a one-page PDF at `path` (the operator's choice; nothing else is written)."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setTitle(receipt.title)
    writer.setCreator("Jemput")
    paint_on_paged_device(writer, receipt)


def receipt_image(receipt: Receipt, width_px: int = 1240) -> QImage:
    """The receipt's page as an image (a preview, a screenshot): white A4 at `width_px` wide."""
    height_px = round(width_px * PAGE_MM.height() / PAGE_MM.width())
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dpmm = width_px / PAGE_MM.width()
    image.setDotsPerMeterX(round(dpmm * 1000))
    image.setDotsPerMeterY(round(dpmm * 1000))
    painter = QPainter(image)
    try:
        margin = MARGIN_MM * dpmm
        paint_receipt(painter, QRectF(margin, margin, width_px - 2 * margin, height_px - 2 * margin), receipt)
    finally:
        painter.end()
    return image
