"""A NIK / KK number field: a pasted or typed "3171 0101 0190 0001" becomes 16 plain digits.

The rule is `app.core.nik.normalize_nik_input`; this module only applies it as
the operator types or pastes. Digits with separators are reduced to digits
(at most 16); any other text is left as typed (at most 16 characters), so the
form's check still names what is wrong with it.
"""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit

from app.core.nik import NIK_LENGTH, normalize_nik_input

PASTE_ROOM = 64
"""Characters a paste may bring before its separators are removed (QLineEdit cuts at maxLength first)."""


class NumberInputValidator(QValidator):
    """Removes separators between digits as they arrive; refuses a 17th digit."""

    def validate(self, text: str, pos: int):
        clean = normalize_nik_input(text)
        if clean == "" or (clean.isascii() and clean.isdigit()):
            if len(clean) > NIK_LENGTH:
                return QValidator.State.Invalid, text, pos
            before = sum(1 for ch in text[:pos] if "0" <= ch <= "9")
            return QValidator.State.Acceptable, clean, before
        if len(text) > NIK_LENGTH:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class NumberLineEdit(QLineEdit):
    """A QLineEdit for a 16-digit NIK or KK number that accepts them spaced, dotted or hyphenated."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaxLength(PASTE_ROOM)
        self.setValidator(NumberInputValidator(self))
