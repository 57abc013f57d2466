"""The signature pad and step, driven by synthetic mouse and tablet events."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from app.ui.widgets.signature_pad import SignaturePad, ink_measures, render_png


def _drag(qtbot, pad, points):
    x0, y0 = points[0]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x0, y0))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    x1, y1 = points[-1]
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x1, y1))


def _signature_points(pad):
    """A wavy, name-like stroke across about 60 % of the writing area."""
    a = pad.area()
    pts = []
    for i in range(60):
        t = i / 59
        x = a.x() + a.width() * (0.15 + 0.6 * t)
        y = a.y() + a.height() * (0.55 + 0.2 * math.sin(t * 6 * math.pi))
        pts.append((int(x), int(y)))
    return pts


def _ink_pixels(png: bytes) -> tuple[np.ndarray, int]:
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image is not None
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return grey, int(np.count_nonzero(grey < 128))


def test_mouse_signature_is_saved_as_png_and_strokes(qtbot, signature_step):
    pad = signature_step.pad
    _drag(qtbot, pad, _signature_points(pad))
    assert not pad.is_empty_or_too_small()
    with qtbot.waitSignal(signature_step.completed, timeout=10_000) as blocker:
        qtbot.mouseClick(signature_step.save_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result is signature_step.result() and result.exception_reason is None
    grey, ink = _ink_pixels(result.png)
    assert grey.shape == (200, 600)
    assert ink > 500 and grey[0, 0] == 255  # dark ink on white
    assert len(result.strokes) == 1 and len(result.strokes[0]) >= 50
    xs = [p[0] for p in result.strokes[0]]
    ts = [p[3] for p in result.strokes[0]]
    assert 0.1 < min(xs) < 0.2 and 0.7 < max(xs) < 0.8  # normalised to the writing area
    assert all(p[2] == 0.5 for p in result.strokes[0])  # mouse: constant pressure
    assert ts == sorted(ts)
    meta = result.to_meta()
    assert meta["kind"] == "signature" and meta["stroke_count"] == 1
    assert meta["point_count"] == len(result.strokes[0]) and meta["completed_at"] == "2025-03-04T05:06:07+00:00"
    assert meta["width"] == 600 and meta["height"] == 200 and meta["exception_reason"] is None
    assert signature_step.page == "done"


def test_empty_pad_is_refused_with_a_message(qtbot, signature_step):
    with qtbot.assertNotEmitted(signature_step.completed):
        assert not signature_step.accept_signature()
    assert signature_step.message.isVisible() and "kosong" in signature_step.message.text()
    assert signature_step.result() is None and signature_step.page == "pad"


def test_a_dot_or_a_tick_is_too_small_then_a_real_signature_passes(qtbot, signature_step):
    pad = signature_step.pad
    a = pad.area()
    cx, cy = int(a.center().x()), int(a.center().y())
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(cx, cy))
    assert len(pad.strokes()) == 1 and pad.is_empty_or_too_small()
    _drag(qtbot, pad, [(cx + i * 3, cy + i * 2) for i in range(12)])  # a short tick
    assert pad.is_empty_or_too_small()
    with qtbot.assertNotEmitted(signature_step.completed):
        assert not signature_step.accept_signature()
    assert "terlalu kecil" in signature_step.message.text()
    qtbot.mouseClick(signature_step.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty() and not signature_step.message.isVisible()
    _drag(qtbot, pad, _signature_points(pad))
    with qtbot.waitSignal(signature_step.completed, timeout=10_000):
        pad.setFocus()
        qtbot.keyClick(pad, Qt.Key.Key_Return)  # Enter on the pad saves
    assert signature_step.result().png is not None


def test_delete_key_clears_the_pad(qtbot, signature_step):
    pad = signature_step.pad
    _drag(qtbot, pad, _signature_points(pad))
    assert not pad.is_empty()
    pad.setFocus()
    qtbot.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty() and pad.strokes() == []


def test_exception_requires_a_reason(qtbot, signature_step):
    qtbot.mouseClick(signature_step.exception_button, Qt.MouseButton.LeftButton)
    assert signature_step.page == "exception"
    with qtbot.assertNotEmitted(signature_step.completed):
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert signature_step.exception_message.isVisible() and signature_step.result() is None
    # Esc goes back to the pad without completing.
    signature_step.activateWindow()
    signature_step.exception_reason.setFocus()
    qtbot.keyClick(signature_step.exception_reason, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: signature_step.page == "pad", timeout=10_000)
    assert signature_step.result() is None
    signature_step.show_exception()
    qtbot.keyClicks(signature_step.exception_reason, "sakit, cap jempol diambil di kantor")
    with qtbot.waitSignal(signature_step.completed, timeout=10_000) as blocker:
        qtbot.keyClick(signature_step.exception_reason, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert result.png is None and result.strokes == []
    assert result.exception_reason == "sakit, cap jempol diambil di kantor"
    assert result.to_meta()["exception_reason"] == "sakit, cap jempol diambil di kantor"
    signature_step.reset()
    assert signature_step.result() is None and signature_step.page == "pad"


def _tablet(pad, kind, pos, pressure, device):
    buttons = Qt.MouseButton.NoButton if kind == QTabletEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    global_pos = QPointF(pad.mapToGlobal(pos.toPoint()))
    event = QTabletEvent(kind, device, pos, global_pos, pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                         Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
    QApplication.sendEvent(pad, event)
    return event.isAccepted()


def test_tablet_pressure_sets_the_line_width(qtbot):
    device = QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                             QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)
    widths = {}
    for pressure in (0.1, 1.0):
        pad = SignaturePad()
        qtbot.addWidget(pad)
        pad.resize(600, 200)
        a = pad.area()
        pts = [QPointF(a.x() + a.width() * (0.1 + 0.8 * i / 40), a.y() + a.height() * 0.5) for i in range(41)]
        assert _tablet(pad, QTabletEvent.Type.TabletPress, pts[0], pressure, device)
        for p in pts[1:]:
            _tablet(pad, QTabletEvent.Type.TabletMove, p, pressure, device)
        _tablet(pad, QTabletEvent.Type.TabletRelease, pts[-1], pressure, device)
        (stroke,) = pad.strokes()
        assert {p[2] for p in stroke} == {pressure}
        widths[pressure] = _ink_pixels(pad.png_bytes())[1]
    assert widths[1.0] > 2 * widths[0.1]


def test_ink_measures_and_rendering_are_pure_functions():
    line = [[(0.1, 0.5, 0.5, 0), (0.4, 0.5, 0.5, 10), (0.7, 0.5, 0.5, 20)]]
    m = ink_measures(line)
    assert m["points"] == 3 and m["length"] == pytest.approx(0.6) and m["extent"] == pytest.approx(0.6)
    grey, ink = _ink_pixels(render_png(line, (300, 100)))
    assert grey.shape == (100, 300) and ink > 100
    assert _ink_pixels(render_png([], (300, 100)))[1] == 0
