"""Small pieces the pages share: the page title and Indonesian number and placeholder formatting."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QWidget


def page_title(text: str, parent: QWidget) -> QLabel:
    """A label styled as the page's title."""
    label = QLabel(text, parent)
    label.setObjectName("pageTitle")
    return label


def count_text(n: int) -> str:
    """1.234 (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def fill_placeholders(text: str, *values: str) -> str:
    """Qt-style %1, %2 … placeholders filled in one pass (a value holding '%2' stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), text)
