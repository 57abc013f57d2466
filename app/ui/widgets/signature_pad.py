"""The signature pad: strokes from mouse, pen or tablet, smoothed, measured and exported as PNG.

`SignaturePad` records strokes as lists of points ``(x, y, pressure, t_ms)``:
x and y normalised to the writing area (0-1, the area keeps a 3:1 shape
inside the widget so the PNG is not distorted), pressure 0-1 (a tablet's pen
pressure; mouse and touch count as a constant 0.5), t_ms the milliseconds
since the first point. Strokes are drawn as quadratic Bézier curves through
the midpoints of successive points (the points themselves are the control
points), with a line width that follows the pressure.

Too small to count (`SignaturePad.problem()`), measured in pad widths (y is
scaled by the 1:3 aspect so both axes use the same unit):
    * no point at all -> "kosong";
    * fewer than `MIN_POINTS` (10) points, or ink length below
      `MIN_INK_LENGTH` (0.25 of the pad width), or the bounding box's larger
      side below `MIN_EXTENT` (0.12 of the pad width) -> "terlalu kecil".
A click, a dot or a short tick fails; an "X" across a quarter of the pad or
any handwritten name passes. The step around it (and the "cannot sign"
exception) is `app.ui.widgets.signature_step`.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


PNG_SIZE = (600, 200)
ASPECT = PNG_SIZE[0] / PNG_SIZE[1]  # the writing area is 3:1
MOUSE_PRESSURE = 0.5
MIN_POINTS = 10
MIN_INK_LENGTH = 0.25  # pad widths
MIN_EXTENT = 0.12  # pad widths
INK = QColor(17, 17, 17)

Point = tuple[float, float, float, int]


def _width_for(pressure: float, height: float) -> float:
    """Line width in pixels for a pressure (0-1) on an area `height` pixels high."""
    return height * (0.008 + 0.016 * max(0.0, min(1.0, pressure)))


def paint_strokes(painter: QPainter, strokes: list[list[Point]], area: QRectF) -> None:
    """Draw normalised strokes into `area`: quadratic Béziers through midpoints, width by pressure."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in strokes:
        _paint_stroke(painter, stroke, area)


def _paint_stroke(painter: QPainter, stroke: list[Point], area: QRectF) -> None:
    if not stroke:
        return
    pts = [QPointF(area.x() + x * area.width(), area.y() + y * area.height()) for x, y, _p, _t in stroke]
    pressures = [p for _x, _y, p, _t in stroke]
    h = area.height()

    def pen(p: float) -> QPen:
        pn = QPen(INK, _width_for(p, h))
        pn.setCapStyle(Qt.PenCapStyle.RoundCap)
        pn.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pn

    if len(pts) == 1:
        r = _width_for(pressures[0], h) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawEllipse(pts[0], r, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    if len(pts) == 2:
        painter.setPen(pen((pressures[0] + pressures[1]) / 2))
        painter.drawLine(pts[0], pts[1])
        return
    start = pts[0]
    for i in range(1, len(pts) - 1):
        mid = (pts[i] + pts[i + 1]) / 2.0
        path = QPainterPath(start)
        path.quadTo(pts[i], mid)
        painter.setPen(pen(pressures[i]))
        painter.drawPath(path)
        start = mid
    painter.setPen(pen(pressures[-1]))
    painter.drawLine(start, pts[-1])


def ink_measures(strokes: list[list[Point]]) -> dict[str, float]:
    """Points, ink length and bounding-box extent, in pad widths (y scaled by 1/ASPECT)."""
    points = sum(len(s) for s in strokes)
    length = 0.0
    xs: list[float] = []
    ys: list[float] = []
    for s in strokes:
        for a, b in zip(s, s[1:]):
            length += math.hypot(b[0] - a[0], (b[1] - a[1]) / ASPECT)
        xs.extend(p[0] for p in s)
        ys.extend(p[1] / ASPECT for p in s)
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) if xs else 0.0
    return {"points": float(points), "length": length, "extent": extent}


def render_png(strokes: list[list[Point]], size: tuple[int, int] = PNG_SIZE) -> bytes:
    """The strokes as a greyscale PNG: white background, dark ink."""
    w, h = size
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_strokes(painter, strokes, QRectF(0, 0, w, h))
    painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    grey.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


class SignaturePad(QWidget):
    """A writing area for mouse, pen or tablet.

    Keys while it has focus: Enter asks to save (`submitRequested`),
    Delete/Backspace clears.

    Signals:
        changed(): a stroke was added or the pad cleared.
        submitRequested(): Enter was pressed on the pad.
    """

    changed = Signal()
    submitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._t0: float | None = None
        self._cache: QImage | None = None
        self.setMinimumSize(360, 120)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # keep the widget itself 3:1
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Kotak tanda tangan"))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return int(round(width / ASPECT))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(*PNG_SIZE)

    # ------------------------------------------------------------------ API
    def area(self) -> QRectF:
        """The 3:1 writing area inside the widget (widget coordinates)."""
        w, h = float(self.width()), float(self.height())
        if w / max(h, 1.0) > ASPECT:
            aw, ah = h * ASPECT, h
        else:
            aw, ah = w, w / ASPECT
        return QRectF((w - aw) / 2, (h - ah) / 2, aw, ah)

    def strokes(self) -> list[list[Point]]:
        """Finished strokes (a copy), each a list of (x, y, pressure, t_ms), x/y in 0-1."""
        return [list(s) for s in self._strokes]

    def clear(self) -> None:
        """Remove everything ("Hapus")."""
        self._strokes.clear()
        self._current = None
        self._t0 = None
        self._cache = None
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def problem(self) -> str | None:
        """Why the signature cannot be accepted (Indonesian), or None when it is fine."""
        if self.is_empty():
            return self.tr("Tanda tangan masih kosong. Minta warga menandatangani di dalam kotak.")
        m = ink_measures(self._strokes)
        if m["points"] < MIN_POINTS or m["length"] < MIN_INK_LENGTH or m["extent"] < MIN_EXTENT:
            return self.tr("Tanda tangan terlalu kecil. Minta warga menandatangani lebih besar, "
                           "memenuhi kotak, lalu tekan Hapus jika perlu.")
        return None

    def is_empty_or_too_small(self) -> bool:
        return self.problem() is not None

    def png_bytes(self, size: tuple[int, int] = PNG_SIZE) -> bytes:
        """The signature rendered as PNG (default 600x200, white background, dark ink)."""
        return render_png(self._strokes, size)

    def set_strokes(self, strokes: list[list[Point]]) -> None:
        """Show saved strokes again (e.g. a draft reopened)."""
        self._strokes = [[(float(x), float(y), float(p), int(t)) for x, y, p, t in s] for s in strokes if s]
        self._current = None
        self._cache = None
        self.update()
        self.changed.emit()

    # ---------------------------------------------------------------- input
    def _point(self, pos: QPointF, pressure: float) -> Point:
        a = self.area()
        x = min(1.0, max(0.0, (pos.x() - a.x()) / a.width()))
        y = min(1.0, max(0.0, (pos.y() - a.y()) / a.height()))
        now = time.monotonic()
        if self._t0 is None:
            self._t0 = now
        return (round(x, 4), round(y, 4), round(float(pressure), 3), int((now - self._t0) * 1000))

    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = [self._point(pos, pressure)]
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        pt = self._point(pos, pressure)
        last = self._current[-1]
        if (pt[0], pt[1]) == (last[0], last[1]):
            return
        self._current.append(pt)
        self.update()

    def _end(self, pos: QPointF | None, pressure: float) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos, pressure)
        self._strokes.append(self._current)
        self._current = None
        self._cache = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position(), MOUSE_PRESSURE)
            event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitRequested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt API
        # Accepting stops Qt from synthesising mouse events for the same pen.
        kind = event.type()
        pressure = float(event.pressure())
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            if self._current is not None:
                self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end(event.position(), pressure)
        event.accept()

    # ---------------------------------------------------------------- paint
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._cache = None
        super().resizeEvent(event)

    def _finished_layer(self) -> QImage:
        """Finished strokes, rendered once (only the stroke being drawn is repainted)."""
        if self._cache is None or self._cache.size() != self.size():
            img = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(Qt.GlobalColor.transparent)
            p = QPainter(img)
            paint_strokes(p, self._strokes, self.area())
            p.end()
            self._cache = img
        return self._cache

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#eef1f4"))
        a = self.area()
        p.fillRect(a, QColor("white"))
        p.setPen(QPen(QColor("#9aa5b1"), 1))
        p.drawRect(a.adjusted(0, 0, -1, -1))
        # A signing line and an "x", as on paper.
        base_y = a.y() + a.height() * 0.78
        p.setPen(QPen(QColor("#c3cad2"), 1.5))
        p.drawLine(QPointF(a.x() + a.width() * 0.06, base_y), QPointF(a.right() - a.width() * 0.06, base_y))
        p.setPen(QColor("#9aa5b1"))
        f = p.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        p.setFont(f)
        p.drawText(QPointF(a.x() + a.width() * 0.03, base_y - 4), "\u00d7")
        if self.is_empty() and self._current is None:
            f.setPointSizeF(f.pointSizeF() / 1.4)
            p.setFont(f)
            p.drawText(a.adjusted(0, 0, 0, -a.height() * 0.3), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Tanda tangan di sini"))
        p.drawImage(0, 0, self._finished_layer())
        if self._current:
            paint_strokes(p, [self._current], a)
