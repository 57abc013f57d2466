"""The fingerprint step (F4): left slap, right slap, two thumbs (4-4-2) into ten fingers, each with its quality.

A slap is judged by the mean of its fingers' scores against the requested
score of `QualityPolicy` (thumbs their own), tried again up to its tries, and
then its best capture is kept with its scores; a finger that cannot be given
is marked an exception (E) with a reason from the list and is then left out
of its slap's RCAPTURE (``exception[]``). The hand diagram shows the fingers
as the operator sees the resident's hands on the scanner (palms down: left
hand on the left, thumbs towards the middle).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from app.biometrics.model import Capture
from app.core.biometric_attempts import Attempts, segment_score
from app.core.biometric_positions import FINGER_BY_SBI, SEGMENTS, Modality
from app.ui.widgets.biometric_parts import SlotDiagram, Unit, word
from app.ui.widgets.biometric_step import BiometricStep

# Tab order: the 4-4-2 order (left four from the index, right four from the index, then the thumbs)
FINGER_ORDER = tuple(s for seg in SEGMENTS for s in seg.fingers)

# (x offset from the palm's inner edge in finger widths, length in palm heights) from the thumb side
_SHAPE = {"Index": (0.0, 1.0), "Middle": (1.0, 1.12), "Ring": (2.0, 1.02), "Little": (3.0, 0.8)}


def _kind(sbi: str) -> str:
    return sbi.split(" ")[1].replace("Finger", "")


class HandDiagram(SlotDiagram):
    """Two hands palms down, ten fingers painted by state (score inside), the palms under them."""

    def geometry(self, area: QRectF) -> tuple[dict[str, tuple[QPainterPath, QPointF]], dict[str, QRectF]]:
        """(finger outlines and text points, palm rectangles by hand)."""
        fingers, palms = {}, {}
        margin = 16.0
        hand_w = min((area.width() - 3 * margin) / 2.5, area.height() * 0.8)
        finger_w = hand_w / 5.2
        gap = finger_w * 2.8
        palm_h = min(area.height() * 0.34, hand_w * 0.7)
        finger_h = min(area.height() * 0.4, palm_h * 1.25)
        top = area.top() + margin + finger_h * 1.12
        total = 2 * hand_w + gap
        left0 = area.left() + (area.width() - total) / 2
        for hand, x0 in (("Left", left0), ("Right", left0 + hand_w + gap)):
            palm = QRectF(x0 + finger_w * 0.3, top, finger_w * 4.4, palm_h)
            palms[hand] = palm
            for name, (step, length) in _SHAPE.items():
                h = finger_h * length
                inner = step * finger_w * 1.08 + finger_w * 0.42
                x = palm.right() - inner - finger_w if hand == "Left" else palm.left() + inner
                rect = QRectF(x, top - h + finger_w * 0.5, finger_w * 0.92, h)
                path = QPainterPath()
                path.addRoundedRect(rect, finger_w * 0.46, finger_w * 0.46)
                fingers[f"{hand} {name}Finger"] = (path, QPointF(rect.center().x(), rect.top() + finger_w * 0.8))
            # the thumb: from the palm's lower inner corner, leaning towards the other hand
            thumb = QPainterPath()
            thumb.addRoundedRect(QRectF(-finger_w * 0.5, -finger_h * 0.75, finger_w, finger_h * 0.75),
                                 finger_w * 0.5, finger_w * 0.5)
            inner_x = palm.right() + finger_w * 0.1 if hand == "Left" else palm.left() - finger_w * 0.1
            turn = QTransform().translate(inner_x, palm.top() + palm_h * 0.95).rotate(18 if hand == "Left" else -18)
            fingers[f"{hand} Thumb"] = (turn.map(thumb), turn.map(QPointF(0, -finger_h * 0.75 + finger_w * 0.8)))
        return fingers, palms

    def shapes(self, area: QRectF) -> dict[str, tuple[QPainterPath, QPointF]]:
        return self.geometry(area)[0]

    def paint_under(self, painter: QPainter, area: QRectF) -> None:
        for hand, palm in self.geometry(area)[1].items():
            painter.setPen(QPen(QColor("#6b7b8c"), 1.5))
            painter.setBrush(QColor("#eef2f5"))
            painter.drawRoundedRect(palm, palm.width() * 0.12, palm.width() * 0.12)
            painter.setPen(QColor("#33475b"))
            painter.drawText(palm, Qt.AlignmentFlag.AlignCenter,
                             self.tr("Tangan kiri") if hand == "Left" else self.tr("Tangan kanan"))


class FingerprintStep(BiometricStep):
    """F4: ten fingers in three captures (4-4-2), a hand diagram, retries, best kept, exceptions."""

    modality = Modality.FINGER

    def make_units(self) -> list[Unit]:
        return [Unit(str(seg.device_sub_id), seg.name, seg.fingers, seg.device_sub_id,
                     Attempts(self.policy.required(Modality.FINGER, thumbs=seg.device_sub_id == 3), self.policy.tries))
                for seg in SEGMENTS]

    def make_diagram(self) -> HandDiagram:
        return HandDiagram(FINGER_ORDER, self.state_of, self)

    def texts(self) -> tuple[str, str]:
        return (self.tr("Sidik jari (10 jari)"),
                self.tr("Rekam empat jari kiri, empat jari kanan, lalu dua jempol. Tab memilih jari, Spasi merekam, "
                        "E menandai pengecualian, Del menghapusnya."))

    def slot_label(self, slot: str) -> str:
        return FINGER_BY_SBI[slot].label

    def unit_score(self, unit: Unit, captures: dict[str, Capture]) -> float:
        return segment_score([c.quality_score for c in captures.values()])

    def instruction(self, unit: Unit) -> str:
        texts = {
            1: self.tr("Letakkan empat jari tangan kiri (tanpa jempol) rata di kaca pemindai, lalu tekan Spasi."),
            2: self.tr("Letakkan empat jari tangan kanan (tanpa jempol) rata di kaca pemindai, lalu tekan Spasi."),
            3: self.tr("Letakkan kedua jempol berdampingan di kaca pemindai, lalu tekan Spasi."),
        }
        return f"{word(unit.label)} \u2014 {texts[unit.sub_id]}" + self.tr(" Batas kualitas: {score}.").format(
            score=round(unit.attempts.required))
