"""The iris step (F5): both eyes at once on a double iris camera, or one eye at a time, each with its quality.

Each eye is judged by its own score against the iris threshold of
`QualityPolicy` (reference 60), tried again up to its tries, then its best
capture is kept; an eye that cannot be captured (the resident cannot open it,
cannot sit up, …) is marked an exception (E) and left out of the RCAPTURE.
With a double camera (``deviceSubId`` 3) the eyes still to do are taken
together; "one eye at a time" (or a single-eye device) takes the selected one.
The diagram shows the eyes as the operator sees the resident's face (the
resident's right eye on the left).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox

from app.biometrics.model import Capture
from app.core.biometric_attempts import Attempts
from app.core.biometric_positions import EYE_BY_SBI, EYES, IRIS_BOTH_SUB_ID, Modality
from app.ui.widgets.biometric_parts import SlotDiagram, Unit, word
from app.ui.widgets.biometric_step import BiometricStep

EYE_ORDER = ("Right", "Left")  # as seen facing the resident


class EyeDiagram(SlotDiagram):
    """Two eyes, each an almond painted by state with its iris ring and score."""

    def geometry(self, area: QRectF) -> dict[str, tuple[QPainterPath, QPointF, QRectF]]:
        out = {}
        width = min((area.width() - 60) / 2.3, area.height() * 1.2)
        height = width * 0.55
        gap = width * 0.25
        left0 = area.center().x() - width - gap / 2
        top = area.center().y() - height / 2 - 10
        for i, slot in enumerate(EYE_ORDER):
            box = QRectF(left0 + i * (width + gap), top, width, height)
            path = QPainterPath(QPointF(box.left(), box.center().y()))
            path.quadTo(QPointF(box.center().x(), box.top() - height * 0.45), QPointF(box.right(), box.center().y()))
            path.quadTo(QPointF(box.center().x(), box.bottom() + height * 0.45), QPointF(box.left(), box.center().y()))
            out[slot] = (path, box.center(), box)
        return out

    def shapes(self, area: QRectF) -> dict[str, tuple[QPainterPath, QPointF]]:
        return {slot: (path, at) for slot, (path, at, _box) in self.geometry(area).items()}

    def paint_under(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(QColor("#33475b"))
        for slot, (_path, _at, box) in self.geometry(area).items():
            below = QRectF(box.left(), box.bottom() + box.height() * 0.3, box.width(), 24)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, word(EYE_BY_SBI[slot].label))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override: the iris rings over the eyes
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for slot, (_path, at, box) in self.geometry(QRectF(self.rect())).items():
            radius = box.height() * 0.42
            painter.setPen(QPen(QColor("#455a64"), 2))
            painter.drawEllipse(at, radius, radius)
            painter.setPen(QPen(QColor("#455a64"), 1))
            painter.drawEllipse(at, radius * 0.38, radius * 0.38)
        painter.end()


class IrisStep(BiometricStep):
    """F5: both eyes (or one at a time), threshold and retries per eye, best kept, exceptions."""

    modality = Modality.IRIS

    def make_units(self) -> list[Unit]:
        return [Unit(eye.sbi, eye.label, (eye.sbi,), eye.device_sub_id,
                     Attempts(self.policy.required(Modality.IRIS), self.policy.tries)) for eye in EYES]

    def make_diagram(self) -> EyeDiagram:
        return EyeDiagram(EYE_ORDER, self.state_of, self)

    def _build(self) -> None:
        super()._build()
        self.one_eye = QCheckBox(self.tr("Satu mata per rekaman"), self)
        self.one_eye.setToolTip(self.tr("Untuk kamera satu mata, atau bila warga hanya dapat membuka satu mata"))
        self.one_eye.toggled.connect(lambda _on: self.refresh())
        self.layout().insertWidget(3, self.one_eye)

    def texts(self) -> tuple[str, str]:
        return (self.tr("Iris mata"),
                self.tr("Rekam kedua mata sekaligus (atau satu per satu). Tab memilih mata, Spasi merekam, "
                        "E menandai pengecualian, Del menghapusnya."))

    def slot_label(self, slot: str) -> str:
        return EYE_BY_SBI[slot].label

    def unit_score(self, unit: Unit, captures: dict[str, Capture]) -> float:
        return captures[unit.slots[0]].quality_score

    def _both(self) -> bool:
        one = getattr(self, "one_eye", None)
        if one is not None and one.isChecked():
            return False
        return self.device is None or IRIS_BOTH_SUB_ID in self.device.sub_ids

    def plan(self, unit: Unit) -> tuple[list[Unit], int]:
        """Both eyes still to do on a double camera; else the selected eye."""
        if not self._both() or unit.slots[0] in self.exceptions:
            return [unit], unit.sub_id
        todo = [u for u in self.units if u is unit or (u.slots[0] not in self.exceptions and not u.kept())]
        return (todo, IRIS_BOTH_SUB_ID) if len(todo) == 2 else ([unit], unit.sub_id)

    def instruction(self, unit: Unit) -> str:
        units, _sub_id = self.plan(unit)
        if len(units) == 2:
            text = self.tr("Kedua mata: minta warga menatap kamera iris dengan mata terbuka lebar, lalu tekan Spasi.")
        else:
            text = self.tr("{eye}: minta warga menatap kamera iris dengan mata itu terbuka lebar, lalu tekan Spasi."
                           ).format(eye=word(unit.label))
        return text + self.tr(" Batas kualitas: {score}.").format(score=round(unit.attempts.required))
