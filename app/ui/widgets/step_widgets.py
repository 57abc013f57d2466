"""Pieces the photo and signature steps share: their title, hint and button
labels, and the page where the operator records why there is no photo or no
signature (a required reason; Esc cancels)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

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


@dataclass
class ExceptionPage:
    """The widgets of an exception page (the step keeps them as its attributes)."""

    page: QWidget
    reason: QLineEdit
    message: QLabel
    cancel: QPushButton
    confirm: QPushButton


def exception_page(parent: QWidget, *, heading: str, explanation: str, placeholder: str, cancel_text: str,
                   confirm_text: str, on_confirm: Callable[[], None], on_cancel: Callable[[], None],
                   on_edit: Callable[[str], None]) -> ExceptionPage:
    """Build the page (texts already translated by the step): heading, explanation,
    the reason field (Enter confirms), an error line (hidden), Cancel and Confirm."""
    page = QWidget(parent)
    v = QVBoxLayout(page)
    v.setContentsMargins(40, 30, 40, 30)
    v.addWidget(title(heading, page))
    v.addWidget(hint(explanation, page))
    reason = QLineEdit(page)
    reason.setMaxLength(REASON_MAX_LENGTH)
    reason.setPlaceholderText(placeholder)
    reason.returnPressed.connect(on_confirm)
    reason.textChanged.connect(on_edit)
    v.addWidget(reason)
    message = hint("", page, "errorText")
    message.hide()
    v.addWidget(message)
    row = QHBoxLayout()
    cancel = button(cancel_text, page)
    cancel.clicked.connect(on_cancel)
    confirm = button(confirm_text, page, primary=True)
    confirm.clicked.connect(on_confirm)
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(confirm)
    v.addLayout(row)
    v.addStretch(1)
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(on_cancel)
    return ExceptionPage(page, reason, message, cancel, confirm)
