"""MessageLine: one line whatever it is given, so the field above it never moves."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.widgets.message_line import MessageLine


@pytest.fixture
def line(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    message = MessageLine(host)
    below = QWidget(host)
    below.setFixedHeight(20)
    layout.addWidget(message)
    layout.addWidget(below)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(200, 200)
    host.show()
    qtbot.waitExposed(host)
    yield message, below
    host.close()  # (held here so Python keeps the window alive)


@pytest.mark.parametrize("text", [
    "Nomor telepon harus 8-15 angka.",
    "x" * 20_000,  # huge
    "baris satu\nbaris dua\n\nbaris tiga",  # several lines become one
    "<b>tebal</b> <img src=x onerror=alert(1)> &amp;",  # markup stays words
    "   \t  ",  # only blanks
    "Tanggal lahir dalam NIK (1 Januari 2001) berbeda dengan formulir (27 Juli 1973). " * 3,
])
def test_any_text_keeps_one_line_and_moves_nothing(qtbot, line, text):
    message, below = line
    before = (message.geometry(), below.geometry())
    message.setText(text)
    qtbot.wait(10)
    assert (message.geometry(), below.geometry()) == before
    assert message.text() == text and message.toolTip() == text
    shown = super(MessageLine, message).text()
    assert "\n" not in shown
    assert message.fontMetrics().horizontalAdvance(shown) <= message.contentsRect().width()
    if "<b>" in text:
        assert shown.startswith("<b>tebal</b>"), "markup is shown as typed, never rendered"
    message.setText("")
    assert (message.geometry(), below.geometry()) == before and super(MessageLine, message).text() == ""
