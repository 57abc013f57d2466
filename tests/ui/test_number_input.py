"""The form's NIK and KK fields take a pasted or typed spaced/dotted/hyphenated number as 16 digits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.enrollment_form import EnrollmentForm


@pytest.fixture
def form(qtbot, session):
    widget = EnrollmentForm(session.regions, session.validation_context)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("pasted", ["3171 0101 0190 0001", "31.71.01.010190.0001", "3171-0101-0190-0001",
                                    " 3171\u00a00101\u00a00190\u00a00001 "])
def test_pasting_a_spaced_nik_gives_its_16_digits(form, pasted):
    for field in (form.nik, form.no_kk):
        QApplication.clipboard().setText(pasted)
        field.setFocus()
        field.paste()
        assert field.text() == "3171010101900001"
        assert field.hasAcceptableInput()


def test_typing_separators_keeps_digits_only_and_at_most_16(form, qtbot):
    qtbot.keyClicks(form.nik, "3171 0101-0190.0001")
    assert form.nik.text() == "3171010101900001"
    qtbot.keyClicks(form.nik, "7")
    assert form.nik.text() == "3171010101900001"


def test_other_text_stays_as_typed_so_the_check_can_refuse_it(form, qtbot):
    qtbot.keyClicks(form.nik, "3171O101")
    assert form.nik.text() == "3171O101"
    qtbot.keyClicks(form.no_kk, "12345678901234567890")
    assert form.no_kk.text() == "1234567890123456"
