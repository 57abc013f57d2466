"""Pieces the photo and signature steps share: their title, hint and button
labels, and the longest reason an exception field takes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

REASON_MAX_LENGTH = 200


def hint(text: str, parent: QWidget, object_name: str = "hint") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName(object_name)
    return label


def title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("stepTitle")
    label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3b57;")
    label.setWordWrap(True)
    return label


def button(text: str, parent: QWidget, *, primary: bool = False) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAutoDefault(True)  # Enter presses the focused button (outside dialogs too)
    if primary:
        b.setObjectName("primary")
    return b
