"""Print the schedule's papers as A4 PDFs through Qt's QPdfWriter: invitations, the RT list, the pick-up list.

Invitations (`write_invitations_pdf`): three per A4 sheet, each a third of the
page between dashed cut lines, with the resident's name and address, the day,
hours and place large, what to bring, and whether a team fetches them. The
RT list (`write_rt_list_pdf`) is for the ketua RT: per slot, who is invited,
with a box to tick who came. The pick-up list (`write_pickup_pdf`) is for the
driver: per slot, whom to fetch and why. Words in Bahasa Indonesia (papers for
residents and the RT, like the receipt: `app.core.schedules` holds them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPdfWriter, QPen

from app.core.schedules import (
    FETCHED_NOTE,
    INVITATION_NOTE,
    INVITATION_TITLE,
    PICKUP_TITLE,
    REINVITATION_TITLE,
    RT_LIST_TITLE,
    TRANSPORT_LABELS,
    WHAT_TO_BRING,
    Invitation,
    day_text,
    window_text,
)
from app.ui.day_report_pdf import _Pages
from app.ui.receipt_pdf import MARGIN_MM, PAGE_MM, PDF_DPI, _a4_layout, _block, _font

PER_SHEET = 3
DEMO_MARK = "DEMO \u2014 BUKAN UNDANGAN RESMI"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _open(path: str, title: str) -> tuple[QPdfWriter, QPainter, QRectF]:
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("Jemput")
    writer.setPageLayout(_a4_layout())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("schedule pdf: the page could not be opened for drawing")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    painter.setPen(QColor("black"))
    return writer, painter, QRectF(0, 0, rect.width(), rect.height())


def _where(invitation: Invitation) -> str:
    return f"{invitation.rt.label()}, Kel. {invitation.area_name}"


def paint_invitation(painter: QPainter, card: QRectF, inv: Invitation, *, office: str, mm: float,
                     demo: bool = False) -> None:
    """One invitation inside `card` (a third of the printable page)."""
    pad = 3 * mm
    left, top, width = card.left() + pad, card.top() + pad, card.width() - 2 * pad
    painter.setFont(_font(9))
    metrics = painter.fontMetrics()
    where = metrics.elidedText(_where(inv), Qt.TextElideMode.ElideRight, int(width * 0.45))
    office_width = width - metrics.horizontalAdvance(where) - 4 * mm
    painter.drawText(QRectF(left, top, office_width, 5 * mm), _LEFT,
                     metrics.elidedText(office, Qt.TextElideMode.ElideRight, int(office_width)))
    painter.drawText(QRectF(left + width * 0.55, top, width * 0.45, 5 * mm), _RIGHT, where)
    y = top + 5.5 * mm
    painter.setFont(_font(15, bold=True))
    title = INVITATION_TITLE if inv.round == 1 else REINVITATION_TITLE
    painter.drawText(QRectF(left, y, width, 8 * mm), _LEFT, DEMO_MARK if demo else title)
    y += 8.5 * mm
    painter.setPen(QPen(QColor("black"), 0.35 * mm))
    painter.drawLine(int(left), int(y), int(left + width), int(y))
    painter.setPen(QColor("black"))
    y += 2 * mm
    painter.setFont(_font(10))
    painter.drawText(QRectF(left, y, width, 5 * mm), _LEFT, "Kepada Yth.")
    y += 5 * mm
    painter.setFont(_font(15, bold=True))
    y += _block(painter, left, y, width, inv.nama or "-") + 0.5 * mm
    painter.setFont(_font(10))
    y += _block(painter, left, y, width, ", ".join(p for p in (inv.alamat, _where(inv)) if p)) + 3 * mm

    # Left: when and where, large. Right: what to bring.
    label_w, value_w = 26 * mm, width * 0.58 - 26 * mm
    rows = (("Hari/tanggal", day_text(inv.slot.day)), ("Pukul", window_text(inv.slot.window.start, inv.slot.window.end)),
            ("Tempat", inv.slot.window.place))
    block_top = y
    for label, value in rows:
        painter.setFont(_font(10.5))
        painter.drawText(QRectF(left, y, label_w, 7 * mm), _LEFT, label)
        painter.setFont(_font(13.5, bold=True))
        y += max(_block(painter, left + label_w, y + 0.3 * mm, value_w, value), 7 * mm) + 1 * mm
    bring_left = left + width * 0.6
    by = block_top
    painter.setFont(_font(10, bold=True))
    painter.drawText(QRectF(bring_left, by, width * 0.4, 6 * mm), _LEFT, "Harap membawa:")
    by += 6 * mm
    painter.setFont(_font(10))
    for item in WHAT_TO_BRING:
        by += _block(painter, bring_left, by, width * 0.4, f"\u2022 {item}") + 0.6 * mm
    y = max(y, by) + 1.5 * mm
    if inv.reasons:
        painter.setFont(_font(10, bold=True))
        y += _block(painter, left, y, width, FETCHED_NOTE) + 0.8 * mm
    painter.setFont(_font(8.5))
    _block(painter, left, y, width, INVITATION_NOTE)


def _cut_line(painter: QPainter, page: QRectF, y: float, mm: float) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#555555"), 0.25 * mm, Qt.PenStyle.DashLine))
    painter.drawLine(int(page.left()), int(y), int(page.right()), int(y))
    painter.setFont(_font(10))
    painter.fillRect(QRectF(page.left() + 4 * mm, y - 2.5 * mm, 6 * mm, 5 * mm), QColor("white"))
    painter.drawText(QRectF(page.left() + 4 * mm, y - 2.5 * mm, 6 * mm, 5 * mm), Qt.AlignmentFlag.AlignCenter,
                     "\u2702")
    painter.restore()


def paint_invitation_sheets(painter: QPainter, page: QRectF, invitations: Sequence[Invitation],
                            new_page: Callable[[], object], *, office: str, demo: bool = False) -> None:
    """`PER_SHEET` invitations a page, cut lines between them."""
    mm = page.width() / (PAGE_MM.width() - 2 * MARGIN_MM)
    height = page.height() / PER_SHEET
    for index, inv in enumerate(invitations):
        slot = index % PER_SHEET
        if index and slot == 0:
            new_page()
        card = QRectF(page.left(), page.top() + slot * height, page.width(), height)
        paint_invitation(painter, card, inv, office=office, mm=mm, demo=demo)
        if slot < PER_SHEET - 1 and index < len(invitations) - 1:
            _cut_line(painter, page, card.bottom(), mm)


def write_invitations_pdf(path: str, invitations: Sequence[Invitation], *, office: str, demo: bool = False) -> int:
    """Write the invitations at `path`; returns the number of sheets."""
    writer, painter, page = _open(path, INVITATION_TITLE)
    try:
        paint_invitation_sheets(painter, page, invitations, writer.newPage, office=office, demo=demo)
    finally:
        painter.end()
    return max(1, -(-len(invitations) // PER_SHEET))


_RT_COLUMNS = (("No", 0, 8), ("Nama", 8, 60), ("Alamat", 68, 74), ("Dijemput", 142, 20), ("Hadir", 162, 16))
_PICKUP_COLUMNS = (("No", 0, 8), ("Nama", 8, 58), ("Alamat", 66, 64), ("Alasan", 130, 34), ("Sudah", 164, 14))


def _table_head(p: _Pages, columns) -> None:
    for title, left, width in columns:
        p.text(title, indent_mm=left, width_mm=width, bold=True, points=9)
    p.down()
    p.rule(0.15)


def _tick_box(p: _Pages, left_mm: float) -> None:
    size = 3.6 * p.mm
    p.painter.setPen(QPen(QColor("black"), 0.2 * p.mm))
    p.painter.drawRect(QRectF(p.page.left() + left_mm * p.mm, p.y + 1.2 * p.mm, size, size))
    p.painter.setPen(QColor("black"))


def _fit(painter: QPainter, text: str, width: float, points: float = 9.5) -> str:
    """`text` cut with an ellipsis to fit `width` (a long address stays on its row)."""
    painter.setFont(_font(points))
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def _list_pdf(path: str, title: str, invitations: Sequence[Invitation], columns, row: Callable[[Invitation], tuple],
              *, office: str, heading: str, demo: bool) -> None:
    """A list grouped by slot (one heading each), a ticking box in the last column, over as many pages as needed."""
    writer, painter, page = _open(path, title)
    try:
        p = _Pages(painter, page, writer.newPage)
        p.text(office, points=9)
        p.down(5)
        p.text(DEMO_MARK if demo else title, points=15, bold=True, height_mm=9)
        p.down(9)
        p.text(heading, points=11, bold=True)
        p.down()
        p.rule()
        p.down(2)
        if not invitations:
            p.text("(tidak ada warga dalam daftar ini)", points=10)
        for _slot_id, group in groupby(invitations, key=lambda i: i.slot.id):
            group = list(group)
            slot = group[0].slot
            p.room(5 * 6.0)
            p.down(2)
            p.text(f"{day_text(slot.day)}, pukul {window_text(slot.window.start, slot.window.end)}: "
                   f"{len(group)} warga", points=11, bold=True)
            p.down()
            p.text(_fit(painter, f"Tempat: {slot.window.place}", p.page.width(), points=10), points=10)
            p.down()
            _table_head(p, columns)
            for number, inv in enumerate(group, start=1):
                if p.y + 6.0 * p.mm > p.page.bottom():
                    p.new_page()
                    _table_head(p, columns)
                for (_, left, width), value in zip(columns[:-1], (str(number), *row(inv))):
                    p.text(_fit(painter, value, (width - 2) * p.mm), indent_mm=left, width_mm=width - 2, points=9.5)
                _tick_box(p, columns[-1][1] + 2)
                p.down()
        p.down(3)
        p.room(6)
        p.text(f"Jumlah: {len(invitations)} warga", points=10, bold=True)
    finally:
        painter.end()


def _heading(invitations: Sequence[Invitation], fallback: str) -> str:
    return _where(invitations[0]) if invitations else fallback


def write_rt_list_pdf(path: str, invitations: Sequence[Invitation], *, office: str, area: str = "",
                      demo: bool = False) -> None:
    """The ketua RT's list: per slot, who is invited, whether fetched, and a box to tick who came."""
    _list_pdf(path, RT_LIST_TITLE, invitations, _RT_COLUMNS,
              lambda i: (i.nama, i.alamat, "Ya" if i.reasons else ""),
              office=office, heading=_heading(invitations, area), demo=demo)


def write_pickup_pdf(path: str, invitations: Sequence[Invitation], *, office: str, area: str = "",
                     demo: bool = False) -> None:
    """The driver's list: per slot, whom to fetch (only those with a reason) and why."""
    fetched = [i for i in invitations if i.reasons]
    _list_pdf(path, PICKUP_TITLE, fetched, _PICKUP_COLUMNS,
              lambda i: (i.nama, i.alamat, ", ".join(TRANSPORT_LABELS[r] for r in i.reasons)),
              office=office, heading=_heading(fetched, area), demo=demo)
