"""Pieces the fingerprint (F4) and iris (F5) steps share: their result, a capture unit, the slot diagram, the
exception panel, and the words of `app.core`'s finger, eye and reason labels in the window's language.

A *slot* is a finger or an eye by its SBI name ("Left IndexFinger", "Right");
a *unit* is what one capture is judged by (a 4-4-2 slap segment, or one eye),
with its tries (`app.core.biometric_attempts.Attempts`) and each try's checked
captures. The diagram paints each slot's state and lets the keyboard walk the
slots (Tab / Shift+Tab / arrows) and act on the selected one (Space / Enter
capture, E exception, Delete removes the exception).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import (
    QColor, QFont, QImage, QKeyEvent, QKeySequence, QPainter, QPainterPath, QPen, QPixmap, QShortcut,
)
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from app.biometrics.model import Capture
from app.core.biometric_attempts import ACCEPTED, RETRY, Attempts
from app.core.biometric_positions import Modality
from app.core.biometric_set import (
    EYE_SLOTS, FINGER_SLOTS, BiometricExceptionReason, BiometricSet, Captured, Excepted, modality_of,
)
from app.core.findings import MIN_REASON_LENGTH
from app.ui.widgets.step_widgets import REASON_MAX_LENGTH
from app.ui.widgets.step_widgets import button as _button

if TYPE_CHECKING:
    from app.biometric_slot import BiometricSlot

WORDS_CONTEXT = "BiometricWords"
_WORDS = (  # app.core's labels (biometric_positions, biometric_set), for the translator
    QT_TRANSLATE_NOOP("BiometricWords", "Jempol kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Telunjuk kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Jari tengah kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Jari manis kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Kelingking kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Jempol kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Telunjuk kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Jari tengah kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Jari manis kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Kelingking kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Mata kiri"),
    QT_TRANSLATE_NOOP("BiometricWords", "Mata kanan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Telapak kiri (4 jari)"),
    QT_TRANSLATE_NOOP("BiometricWords", "Telapak kanan (4 jari)"),
    QT_TRANSLATE_NOOP("BiometricWords", "Dua jempol"),
    QT_TRANSLATE_NOOP("BiometricWords", "Amputasi"),
    QT_TRANSLATE_NOOP("BiometricWords", "Luka / perban"),
    QT_TRANSLATE_NOOP("BiometricWords", "Sidik jari aus (lansia)"),
    QT_TRANSLATE_NOOP("BiometricWords", "Cacat bawaan"),
    QT_TRANSLATE_NOOP("BiometricWords", "Tidak dapat membuka mata"),
    QT_TRANSLATE_NOOP("BiometricWords", "Tidak dapat duduk / terbaring"),
    QT_TRANSLATE_NOOP("BiometricWords", "Lainnya"),
)


def word(label: str) -> str:
    """An `app.core` label (finger, eye, segment, reason) in the window's language."""
    return QCoreApplication.translate(WORDS_CONTEXT, label)


# slot states, as the diagram paints them
PENDING, CAPTURED, LOW, FAILED, EXCEPTION = "pending", "captured", "low", "failed", "exception"
_FILL = {PENDING: "#ffffff", CAPTURED: "#bfe3c0", LOW: "#ffe1a6", FAILED: "#f5b8b8", EXCEPTION: "#d4d4d4"}
_EDGE = {PENDING: "#6b7b8c", CAPTURED: "#2e7d32", LOW: "#b26a00", FAILED: "#c62828", EXCEPTION: "#616161"}


@dataclass(frozen=True)
class BiometricStepResult:
    """What a fingerprint or iris step hands on (ready to be stored).

    Attributes:
        modality: Finger or Iris.
        biometrics: each slot of the modality captured (kept try's score, tries, reached) or excepted.
        captures: the kept capture of every captured slot: the ISO record, score, device and hash as checked.
        device_id: the device that captured them ("" when every slot is an exception).
        proofs: the proof-of-exception photo (JPEG) of each excepted slot that has one.
    """

    modality: Modality
    biometrics: BiometricSet
    captures: Mapping[str, Capture]
    device_id: str = ""

    proofs: Mapping[str, bytes] = field(default_factory=dict)

    def missing(self) -> tuple[str, ...]:
        return self.biometrics.missing((self.modality,))


@dataclass
class Unit:
    """One capture as it is judged: its slots, ``deviceSubId``, threshold, tries and their captures."""

    key: str
    label: str
    slots: tuple[str, ...]
    sub_id: int
    attempts: Attempts
    tries: list[dict[str, Capture]] = field(default_factory=list)

    def record(self, captures: dict[str, Capture], score: float) -> None:
        """A try's captures and score (a unit already decided starts its tries again: a retake)."""
        if self.attempts.verdict != RETRY:
            self.attempts, self.tries = Attempts(self.attempts.required, self.attempts.tries), []
        self.attempts = self.attempts.add(score)
        self.tries.append(captures)

    def kept(self) -> dict[str, Capture]:
        """The captures kept: the accepted try, or the best one once the tries are spent (else none)."""
        return {} if self.attempts.verdict == RETRY else self.tries[self.attempts.best]

    @property
    def reached(self) -> bool:
        return self.attempts.verdict == ACCEPTED


def biometric_summary(slot: "BiometricSlot", modality: Modality) -> str:
    """One line for the form: what the step gave for `modality` (captured, lowest score, exceptions)."""
    states = {s: v for s, v in slot.biometrics.slots.items() if modality_of(s) is modality}
    if not states:
        return QCoreApplication.translate("BiometricStep", "Belum direkam.")
    captured = [v for v in states.values() if isinstance(v, Captured)]
    excepted = len(states) - len(captured)
    total = len(FINGER_SLOTS if modality is Modality.FINGER else EYE_SLOTS)
    parts = []
    if captured:
        parts.append(QCoreApplication.translate("BiometricStep", "{n} terekam (terendah {low})").format(
            n=len(captured), low=round(min(v.score for v in captured))))
    if excepted:
        parts.append(QCoreApplication.translate("BiometricStep", "{n} pengecualian").format(n=excepted))
    missing = total - len(states)
    if missing:
        parts.append(QCoreApplication.translate("BiometricStep", "{n} belum").format(n=missing))
    return ", ".join(parts) + "."


def gray_pixmap(image: object, side: int) -> QPixmap | None:
    """A decoded grey record image (numpy uint8) as a pixmap at most `side` pixels (None if it is not one)."""
    shape = getattr(image, "shape", None)
    if not shape or len(shape) != 2:
        return None
    height, width = shape
    qimage = QImage(image.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)


class SlotDiagram(QWidget):
    """The painted slots (a subclass gives their shapes); keyboard focus walks them.

    Signals:
        selected(str): the selected slot changed.
        action(str): "capture", "exception" or "clear" asked for on the selected slot; "finish", "search".
    """

    selected = Signal(str)
    action = Signal(str)

    def __init__(self, slots: tuple[str, ...], state_of: Callable[[str], tuple[str, str]], parent=None):
        super().__init__(parent)
        self.slots = slots
        self._state_of = state_of  # slot -> (state, text to paint in it)
        self.current = slots[0]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 300)

    def shapes(self, area: QRectF) -> dict[str, tuple[QPainterPath, QPointF]]:
        """Each slot's outline and where its text goes, inside `area` (a subclass draws them)."""
        raise NotImplementedError

    def paint_under(self, painter: QPainter, area: QRectF) -> None:
        """What is painted under the slots (a palm, an eye's outline): nothing here."""

    def select(self, slot: str) -> None:
        if slot in self.slots and slot != self.current:
            self.current = slot
            self.selected.emit(slot)
        self.update()

    def move(self, step: int) -> None:
        index = self.slots.index(self.current)
        self.select(self.slots[(index + step) % len(self.slots)])

    def event(self, event):  # noqa: D401 - Qt override: Tab walks the slots, not the window
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.move(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.move(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.move(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.action.emit("finish")
        elif key == Qt.Key.Key_R and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.action.emit("search")
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.action.emit("capture")
        elif key == Qt.Key.Key_E and not event.modifiers():
            self.action.emit("exception")
        elif key == Qt.Key.Key_Delete:
            self.action.emit("clear")
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        for slot, (path, _at) in self.shapes(QRectF(self.rect())).items():
            if path.contains(event.position()):
                self.select(slot)
                self.setFocus()
                return
        super().mousePressEvent(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f7f9fb"))
        self.paint_under(painter, QRectF(self.rect()))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for slot, (path, at) in self.shapes(QRectF(self.rect())).items():
            state, text = self._state_of(slot)
            painter.setBrush(QColor(_FILL[state]))
            chosen = slot == self.current
            painter.setPen(QPen(QColor("#1565c0" if chosen else _EDGE[state]), 4 if chosen else 1.5))
            painter.drawPath(path)
            if state == EXCEPTION:  # a cross over the slot
                box = path.boundingRect().adjusted(6, 6, -6, -6)
                painter.setPen(QPen(QColor(_EDGE[EXCEPTION]), 2))
                painter.drawLine(box.topLeft(), box.bottomRight())
                painter.drawLine(box.topRight(), box.bottomLeft())
            painter.setPen(QColor("#102030"))
            painter.drawText(QRectF(at.x() - 30, at.y() - 10, 60, 20), Qt.AlignmentFlag.AlignCenter, text)
        if self.hasFocus():
            painter.setPen(QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()


def legend(parent: QWidget) -> QLabel:
    """The colours of the diagram in words."""
    parts = [
        (CAPTURED, QCoreApplication.translate("BiometricStep", "terekam")),
        (LOW, QCoreApplication.translate("BiometricStep", "terbaik disimpan (di bawah batas)")),
        (FAILED, QCoreApplication.translate("BiometricStep", "gagal, ulangi")),
        (EXCEPTION, QCoreApplication.translate("BiometricStep", "pengecualian")),
        (PENDING, QCoreApplication.translate("BiometricStep", "belum")),
    ]
    html = "&nbsp;&nbsp;".join(
        f'<span style="background:{_FILL[s]}; border:1px solid {_EDGE[s]};">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
        f"&nbsp;{t}" for s, t in parts)
    label = QLabel(html, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ExceptionPanel(QFrame):
    """The reason for a slot that cannot be captured: one of the list (free text only for "lainnya"), and
    its proof-of-exception photo from the camera (F6; the step takes it off the GUI thread).

    Signals:
        chosen(object): an `Excepted` to record for the slot (`proof` holds the photo, or None).
        cancelled(): closed without a choice.
        proofRequested(): the operator asks for the proof photo (F6 or the button).

    Attributes:
        proof: the proof photo taken for this exception (JPEG), or None.
    """

    chosen = Signal(object)
    cancelled = Signal()
    proofRequested = Signal()

    def __init__(self, modality: Modality, parent=None):
        super().__init__(parent)
        self.setObjectName("exceptionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.reason = QComboBox(self)
        for reason in BiometricExceptionReason:
            if reason.applies_to(modality):
                self.reason.addItem(word(reason.label), reason.value)
        self.text = QLineEdit(self)
        self.text.setMaxLength(REASON_MAX_LENGTH)
        self.text.setPlaceholderText(QCoreApplication.translate("BiometricStep", "Tuliskan alasannya"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.save = _button(QCoreApplication.translate("BiometricStep", "Simpan pengecualian (Enter)"), self,
                            primary=True)
        self.cancel = _button(QCoreApplication.translate("BiometricStep", "Batal (Esc)"), self)
        self.proof = None
        self.proof_button = _button(QCoreApplication.translate("BiometricStep", "Foto bukti (F6)"), self)
        self.proof_button.setToolTip(QCoreApplication.translate(
            "BiometricStep", "Arahkan kamera ke jari atau mata yang dikecualikan, lalu tekan F6"))
        self.proof_button.clicked.connect(self.proofRequested.emit)
        self.proof_view = QLabel(self)
        self.proof_view.setObjectName("proofPreview")
        self.proof_view.setFixedSize(160, 120)
        self.proof_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.proof_view.setWordWrap(True)
        self.proof_view.setStyleSheet("background: #e9eef3; border: 1px solid #b0bec5;")
        shortcut = QShortcut(QKeySequence("F6"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.proofRequested.emit)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(QLabel(QCoreApplication.translate("BiometricStep", "Alasan"), self), 1, 0)
        grid.addWidget(self.reason, 1, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("BiometricStep", "Keterangan"), self), 2, 0)
        grid.addWidget(self.text, 2, 1)
        grid.addWidget(self.proof_button, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.proof_view, 3, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.error, 4, 0, 1, 2)
        grid.addWidget(self.cancel, 5, 0)
        grid.addWidget(self.save, 5, 1)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.text.returnPressed.connect(self._save)
        self.save.clicked.connect(self._save)
        self.cancel.clicked.connect(self.cancelled.emit)
        self._reason_changed()

    def open_for(self, label: str, current: Excepted | None = None, proof: bytes | None = None) -> None:
        """Ask for `label`'s exception (`current` and its `proof`: the one already recorded, to change)."""
        self.heading.setText(QCoreApplication.translate("BiometricStep", "Pengecualian: {slot}").format(slot=label))
        self.reason.setCurrentIndex(max(0, self.reason.findData(current.reason.value)) if current else 0)
        self.text.setText(current.text if current else "")
        self.error.clear()
        self.proof_button.setEnabled(True)
        if proof is not None:
            self.show_proof(proof)
        else:
            self.proof = None
            self.proof_view.clear()
            self.proof_view.setText(QCoreApplication.translate("BiometricStep", "Belum ada foto bukti"))
        self.show()
        self.reason.setFocus()

    def taking_proof(self) -> None:
        self.proof_button.setEnabled(False)
        self.proof_view.clear()
        self.proof_view.setText(QCoreApplication.translate("BiometricStep", "Mengambil foto\u2026"))

    def show_proof(self, jpeg: bytes) -> None:
        """The proof photo taken: shown small, kept for the exception."""
        self.proof_button.setEnabled(True)
        self.proof = jpeg
        image = QImage.fromData(jpeg)
        self.proof_view.setPixmap(QPixmap.fromImage(image).scaled(
            self.proof_view.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.error.clear()
        self.save.setFocus()

    def proof_failed(self, text: str) -> None:
        self.proof_button.setEnabled(True)
        self.proof_view.clear()
        self.proof_view.setText(QCoreApplication.translate("BiometricStep", "Belum ada foto bukti"))
        self.error.setText(text)

    def current_reason(self) -> BiometricExceptionReason:
        return BiometricExceptionReason(self.reason.currentData())

    def _reason_changed(self) -> None:
        self.text.setEnabled(self.current_reason() is BiometricExceptionReason.LAINNYA)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
        else:
            super().keyPressEvent(event)

    def _save(self) -> None:
        reason = self.current_reason()
        text = " ".join(self.text.text().split()) if reason is BiometricExceptionReason.LAINNYA else ""
        if reason is BiometricExceptionReason.LAINNYA and len(text) < MIN_REASON_LENGTH:
            self.error.setText(QCoreApplication.translate(
                "BiometricStep", "Untuk \u201cLainnya\u201d tuliskan alasannya (paling sedikit {n} huruf).")
                .format(n=MIN_REASON_LENGTH))
            self.text.setFocus()
            return
        self.chosen.emit(Excepted(reason, text))
