"""The review's "Sidik jari & iris" box: ten fingers and two irises with their scores, then every exception.

A table with the fingers by hand (left, right as the resident's hands) and the
irises in the last row: a score reached in green, a best kept below the
threshold in amber with a down arrow, an exception as a cross, a slot not
done as a red dash. Under it each exception with its reason and a thumbnail of
its proof photo (or, in amber, that it has none). `text` holds the same in
words, one line per slot (what the operator reads back; tests read it too).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.biometric_positions import EYE_BY_SBI, FINGER_BY_SBI
from app.core.biometric_set import BiometricSet, Captured, Excepted
from app.ui.widgets.biometric_parts import word

_ROWS = ("Thumb", "IndexFinger", "MiddleFinger", "RingFinger", "LittleFinger")
_GREEN, _AMBER, _RED, _GREY = "#2e7d32", "#b26a00", "#c62828", "#616161"


def _label_of(slot: str) -> str:
    found = FINGER_BY_SBI.get(slot) or EYE_BY_SBI.get(slot)
    return word(found.label) if found is not None else slot


class BiometricReview(QGroupBox):
    """Attributes:
        text: every slot and exception in words.
        cells: slot -> the label showing its score or mark.
    """

    def __init__(self, biometrics: BiometricSet, proofs: Mapping[str, bytes], parent: QWidget | None = None):
        super().__init__(self.tr("Sidik jari && iris"), parent)
        self.cells: dict[str, QLabel] = {}
        lines: list[str] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        for col, text in ((1, self.tr("Kiri")), (2, self.tr("Kanan"))):
            head = QLabel(text, self)
            head.setObjectName("hint")
            grid.addWidget(head, 0, col, Qt.AlignmentFlag.AlignCenter)
        names = (self.tr("Jempol"), self.tr("Telunjuk"), self.tr("Jari tengah"), self.tr("Jari manis"),
                 self.tr("Kelingking"), self.tr("Iris"))
        for row, name in enumerate(names, start=1):
            grid.addWidget(QLabel(name, self), row, 0)
            for col, side in ((1, "Left"), (2, "Right")):
                slot = side if row == 6 else f"{side} {_ROWS[row - 1]}"
                cell, words = self._cell(biometrics.slots.get(slot))
                self.cells[slot] = cell
                grid.addWidget(cell, row, col, Qt.AlignmentFlag.AlignCenter)
                lines.append(f"{_label_of(slot)}: {words}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(grid)
        if biometrics.below_threshold():
            note = QLabel(self.tr("\u2193 di bawah batas kualitas (hasil terbaik disimpan)"), self)
            note.setObjectName("hint")
            layout.addWidget(note)
        for slot, state in biometrics.exceptions().items():
            lines.append(self._exception_row(layout, slot, state, proofs.get(slot)))
        self.text = "\n".join(lines)

    def _cell(self, state: Captured | Excepted | None) -> tuple[QLabel, str]:
        """The table's label for one slot and the same in words."""
        if isinstance(state, Captured):
            score = str(round(state.score))
            text, colour = (score, _GREEN) if state.reached else (score + " \u2193", _AMBER)
            words = score if state.reached else self.tr("%1 (di bawah batas)").replace("%1", score)
        elif isinstance(state, Excepted):
            text, colour, words = "\u2717", _GREY, self.tr("pengecualian")
        else:
            text, colour, words = "\u2014", _RED, self.tr("belum direkam")
        label = QLabel(text, self)
        label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        label.setToolTip(words)
        return label, words

    def _exception_row(self, layout: QVBoxLayout, slot: str, state: Excepted, proof: bytes | None) -> str:
        reason = word(state.reason.label) + (f" ({state.text})" if state.text else "")
        words = self.tr("Pengecualian %1: %2").replace("%1", _label_of(slot)).replace("%2", reason)
        row = QHBoxLayout()
        thumb = QLabel(self)
        image = QImage.fromData(proof) if proof else QImage()
        if not image.isNull():
            thumb.setPixmap(QPixmap.fromImage(image).scaled(48, 36, Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
            thumb.setObjectName("proofThumb")
            row.addWidget(thumb)
        else:
            words += " " + self.tr("(tanpa foto bukti)")
        text = QLabel(words, self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        if image.isNull():
            text.setStyleSheet(f"color: {_AMBER};")
        row.addWidget(text, 1)
        layout.addLayout(row)
        return words
