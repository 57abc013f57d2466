"""Pieces the photo and signature steps share: their title, hint and button
labels, the longest reason an exception field takes, and the time a step stamps."""

from __future__ import annotations

from datetime import datetime, timezone

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


def utc_seconds_iso(now: datetime) -> str:
    """`now` (a step's clock reading; naive counts as UTC) as ISO 8601 UTC to the second."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc).isoformat(timespec="seconds")
