"""A photo exception's reason suggests a Disabilitas value; the operator confirms or declines it,
it is never set silently, and the suggestion moves no field. The form counts a flagged photo as present."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.exceptions import PhotoExceptionReason, PhotoFlag, suggested_disabilitas
from app.core.values import Disabilitas
from app.session import MediaSlot
from app.ui.enrollment_form import EnrollmentForm

pytestmark = pytest.mark.gui


@pytest.fixture
def form(qtbot, session):
    f = EnrollmentForm(session.regions, session.validation_context)
    qtbot.addWidget(f)
    f.resize(1366, 700)
    f.show()
    qtbot.waitExposed(f)
    return f


def _geometry(form):
    return {key: w.mapTo(form, w.rect().topLeft()) for key, w in form._field_widgets.items()}


def test_confirming_the_suggestion_fills_disabilitas(qtbot, form):
    before = _geometry(form)
    assert form.suggest_disabilitas(PhotoExceptionReason.TERBARING)
    assert form.disabilitas_suggestion.isVisible() and "Fisik" in form.disabilitas_suggestion_text.text()
    assert form.disabilitas.values() == []  # only suggested
    assert _geometry(form) == before  # the bar's room was kept: nothing moved
    qtbot.mouseClick(form.disabilitas_accept, Qt.MouseButton.LeftButton)
    assert form.disabilitas.values() == [Disabilitas.FISIK]
    assert not form.disabilitas_suggestion.isVisible() and form.suggested_disabilitas is None
    assert form.resident().disabilitas == (Disabilitas.FISIK,)


def test_declining_leaves_disabilitas_alone(qtbot, form):
    assert form.suggest_disabilitas("tidak_dapat_duduk_tegak")
    qtbot.mouseClick(form.disabilitas_decline, Qt.MouseButton.LeftButton)
    assert form.disabilitas.values() == [] and not form.disabilitas_suggestion.isVisible()


def test_no_suggestion_for_lainnya_nor_over_a_chosen_value(form):
    assert not form.suggest_disabilitas(PhotoExceptionReason.LAINNYA)
    assert not form.suggest_disabilitas(None) and not form.suggest_disabilitas("bukan-alasan")
    form.disabilitas.set_values([Disabilitas.NETRA])
    assert not form.suggest_disabilitas(PhotoExceptionReason.DISABILITAS)
    assert form.disabilitas.values() == [Disabilitas.NETRA] and not form.disabilitas_suggestion.isVisible()
    assert suggested_disabilitas("disabilitas") is Disabilitas.FISIK


def test_clearing_the_form_drops_a_pending_suggestion(form):
    form.suggest_disabilitas("terbaring")
    form.clear()
    assert form.suggested_disabilitas is None and not form.disabilitas_suggestion.isVisible()


def test_a_flagged_photo_counts_and_a_bad_flag_blocks(form):
    flag = PhotoFlag.make("terbaring", "", ["photo.tilted"])
    form.set_photo(MediaSlot(b"\xff\xd8jpeg", "image/jpeg", {}, True, flag.summary(), flag.summary(), flag.to_dict()))
    codes = {f.code for f in form.findings()}
    assert "media.photo_required" not in codes and not any(c.startswith("exception.") for c in codes)
    assert form.photo_status.text().startswith("Foto dengan pengecualian (Terbaring)")
    bad = PhotoFlag.make("lainnya", "", ["photo.no_face"])
    form.set_photo(MediaSlot(b"\xff\xd8jpeg", "image/jpeg", {}, True, bad.summary(), bad.summary(), bad.to_dict()))
    assert "exception.reason_text_required" in {f.code for f in form.findings()}
