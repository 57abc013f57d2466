"""A steady form at 1366x768: findings never move a field, Enter settles a list choice and moves on,
long list values fit, the reason Selesai is disabled stands next to it, Ctrl+Enter finds what is missing.

The real window on a real encrypted profile, driven through its widgets.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.core.nik import build_nik
from app.core.values import Agama, HubunganKeluarga, JenisKelamin, Pekerjaan, Pendidikan, StatusPerkawinan
from app.session import MediaSlot
from app.ui.app import STYLE
from app.ui.main_window import AppWindow
from app.ui.texts import finding_text

from support.profiles import PASSPHRASE
from support.window import show_window


@pytest.fixture
def window(qtbot, qapp, profile_dir):
    qapp.setStyleSheet(STYLE.read_text(encoding="utf-8"))  # the real borders, paddings and fonts
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    win.resize(1366, 768)
    qtbot.keyClicks(win.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)
    win.main.new_recording()
    yield win
    win.close()
    qapp.setStyleSheet("")


@pytest.fixture
def form(window):
    return window.main.enroll.form


def _settle(qtbot, form) -> None:
    form.revalidate()
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def _has_keyboard(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is widget or (hasattr(widget, "lineEdit") and focus is widget.lineEdit())


def _geometry(form) -> dict[str, QRect]:
    """Where every field (and its label-less helpers: buttons, date, rt/rw) sits in the window."""
    window = form.window()
    widgets: dict[str, QWidget] = {}
    for i, w in enumerate(form.focus_chain()):
        widgets[f"{i}:{type(w).__name__}"] = w
    for key, w in form._field_widgets.items():
        widgets[key] = w
    out = {}
    for name, w in widgets.items():
        assert w.isVisible(), f"{name} is not on screen at 1366x768"
        out[name] = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    return out


def _mismatched_nik(birth: dt.date) -> str:
    return build_nik("137201", birth + dt.timedelta(days=1), JenisKelamin.PEREMPUAN, 3)


# Each step makes findings appear on fields: errors, warnings, the longest message the form has.
STEPS = {
    "nik impossible date (error)": lambda f: f.nik.setText("1372013104010003"),
    "kk too short": lambda f: f.no_kk.setText("1234"),
    "name with digits": lambda f: f.nama.setText("Budi 123"),
    "half-typed date": lambda f: (f.tanggal_lahir.set_date(None), f.tanggal_lahir.edit.setText("12-0")),
    "agama not in list": lambda f: f.agama.lineEdit().setText("xyz"),
    "rt zero": lambda f: f.rt.setText("0"),
    "phone too short": lambda f: f.telepon.setText("12"),
    "pekerjaan not in list": lambda f: f.pekerjaan.lineEdit().setText("astronot bulan"),
    "rw zero": lambda f: f.rw.setText("00"),
    "nik vs birth date (long warning)": lambda f: (f.tanggal_lahir.set_date(dt.date(1973, 7, 27)),
                                                   f.nik.setText(_mismatched_nik(dt.date(1973, 7, 27)))),
}


def test_no_finding_moves_a_field(qtbot, form):
    _settle(qtbot, form)
    before = _geometry(form)
    shown = set()
    for name, step in STEPS.items():
        step(form)
        _settle(qtbot, form)
        found = {(f.code, f.field) for f in form.findings() if not f.code.endswith("required")}
        assert found - shown, f"{name}: no new finding appeared"
        shown |= found
        for f in form.findings():
            if not f.code.endswith("required"):
                line = form._field_labels[f.field]
                assert finding_text(f) in line.text(), f"{name}: {f.code} is not under {f.field}"
        after = _geometry(form)
        moved = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not moved, f"{name} moved fields: {moved}"
    shown_messages = [label for label in form._field_labels.values() if label.text()]
    assert len(shown_messages) >= 7, "the findings must be shown next to their fields"
    nik_message = form._field_labels["nik"]
    assert nik_message.isVisible() and nik_message.text() and nik_message.toolTip()
    assert nik_message.height() < 2 * nik_message.fontMetrics().height(), "one line, always the same"
    assert nik_message.toolTip() == form.nik.toolTip(), "the whole message, on the field too"
    assert "berbeda" in form.nik.toolTip() and "NIK" in form.nik.toolTip()
    # the keyboard's frame moves nothing either
    for widget in form.focus_chain():
        widget.setFocus()
        _settle(qtbot, form)
        assert _geometry(form) == after, f"focus on {widget} moved fields"
    # and they all go away again without moving anything either
    form.clear()
    _settle(qtbot, form)
    assert _geometry(form) == before
    assert not any(label.text() for label in form._field_labels.values())


def test_enter_after_a_completer_choice_moves_on(qtbot, form):
    combo = form.status_perkawinan
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "cerai m")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.value() is StatusPerkawinan.CERAI_MATI
    assert _has_keyboard(form.hubungan_keluarga)
    qtbot.keyClicks(QApplication.focusWidget(), "kepala")
    assert combo.lineEdit().text() == "Cerai Mati", "typing after the choice belongs to the next field"
    assert form.hubungan_keluarga.lineEdit().text() == "kepala"


def test_enter_in_the_drop_down_list_moves_on(qtbot, form):
    combo = form.pendidikan
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    # (offscreen, the window is not made active again after a popup: ask the window, not the app)
    qtbot.waitUntil(lambda: form.window().focusWidget() in (form.pekerjaan, form.pekerjaan.lineEdit()),
                    timeout=3000)
    assert combo.value() is not None and not view.isVisible()


def test_enter_on_a_unique_match_chooses_it_and_moves_on(qtbot, form):
    combo = form.agama
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "isl")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.value() is Agama.ISLAM, timeout=3000)
    assert _has_keyboard(form.golongan_darah)


@pytest.mark.parametrize("typed", ["sumat", "  SUMAT  ", "mater"])
def test_an_ambiguous_prefix_and_enter_shows_the_candidates(qtbot, form, typed):
    combo = form.region.combos["provinsi"]
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), typed)
    popup = combo.completer().popup()
    popup.hide()  # as after Esc: the operator presses Enter on the typed prefix
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    candidates = [combo.completer().completionModel().index(i, 0).data()
                  for i in range(combo.completer().completionModel().rowCount())]
    assert len(candidates) >= 2 and all(typed.strip().lower() in c.lower() for c in candidates), candidates
    assert combo.value() is None
    assert _has_keyboard(combo), "nothing chosen: the keyboard stays"
    # the arrow picks one of them, Enter takes it and moves on
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.value() is not None and combo.lineEdit().text() == candidates[0]
    assert _has_keyboard(form.region.combos["kabupaten"])


def test_enter_in_the_open_popup_without_a_choice_keeps_the_candidates(qtbot, form):
    combo = form.region.combos["provinsi"]
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "sumat")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert popup.isVisible() and combo.value() is None
    assert _has_keyboard(combo)


def test_enter_on_an_empty_or_unknown_list_value_moves_on(qtbot, form):
    combo = form.golongan_darah
    combo.setFocus()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.tempat_lahir
    combo = form.pendidikan
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "qqq")
    combo.completer().popup().hide()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert _has_keyboard(form.pekerjaan)
    _settle(qtbot, form)
    assert any(f.field == "pendidikan" and f.code == "form.not_in_list" for f in form.findings())


@pytest.mark.parametrize("enum_cls, attr", [(Pendidikan, "pendidikan"), (Pekerjaan, "pekerjaan")])
def test_long_list_values_are_readable_at_1366(qtbot, form, enum_cls, attr):
    combo = getattr(form, attr)
    metrics = combo.lineEdit().fontMetrics()
    for member in sorted(enum_cls, key=lambda m: -metrics.horizontalAdvance(m.label))[:3]:
        combo.set_value(member)
        _settle(qtbot, form)
        edit = combo.lineEdit()
        assert edit.text() == member.label
        room = edit.contentsRect().width() - 4  # QLineEdit's own inner margin
        assert metrics.horizontalAdvance(member.label) <= room, (member.label, room)
    _lists_hold_every_value(combo, enum_cls)
    assert form.window().width() == 1366


def _lists_hold_every_value(combo, enum_cls) -> None:
    for view in (combo.view(), combo.completer().popup()):
        widest = max(view.fontMetrics().horizontalAdvance(m.label) for m in enum_cls)
        assert widest + 24 <= view.minimumWidth(), (view, widest, view.minimumWidth())


def test_a_value_longer_than_its_field_shows_its_start(qtbot, form):
    """Agama's longest value is wider than its field: the start is shown, the list holds it whole."""
    combo = form.agama
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "kepercayaan")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    assert combo.value() is Agama.KEPERCAYAAN
    assert combo.lineEdit().cursorPosition() == 0, "the start of the value is in view"
    _lists_hold_every_value(combo, Agama)


def _fill_complete(form) -> None:
    birth = dt.date(2001, 5, 14)
    form.nik.setText(build_nik("137201", birth, JenisKelamin.PEREMPUAN, 3))
    form.no_kk.setText("1372011203150007")
    form.nama.setText("siti nur'aini")
    form.jenis_kelamin.set_value(JenisKelamin.PEREMPUAN)
    form.agama.set_value(Agama.ISLAM)
    form.tempat_lahir.setText("solok")
    form.tanggal_lahir.set_date(birth)
    form.alamat.setText("jl. syech kukut no. 5")
    form.rt.setText("3")
    form.rw.setText("1")
    form.region.set_kelurahan("13.72.01.1001")
    form.status_perkawinan.set_value(StatusPerkawinan.BELUM_KAWIN)
    form.hubungan_keluarga.set_value(HubunganKeluarga.ANAK)
    form.pendidikan.set_value(Pendidikan.SLTA)
    form.pekerjaan.set_value(Pekerjaan.PELAJAR_MAHASISWA)


def test_the_reason_selesai_is_disabled_stands_next_to_it(qtbot, form):
    _settle(qtbot, form)
    reason = form.complete_reason
    assert not form.complete_button.isEnabled()
    assert reason.isVisible() and "NIK" in reason.text()
    first = reason.text()
    # side by side on the button row
    button = form.complete_button
    r_top = reason.mapTo(form, QPoint(0, 0))
    b_top = button.mapTo(form, QPoint(0, 0))
    assert abs((r_top.y() + reason.height() / 2) - (b_top.y() + button.height() / 2)) <= 4
    assert r_top.x() + reason.width() <= b_top.x()
    _fill_complete(form)
    _settle(qtbot, form)
    assert reason.text() != first
    assert "Foto" in reason.text(), reason.text()
    form.set_photo(MediaSlot(exception="warga terbaring", summary="-"))
    form.set_signature(MediaSlot(exception="tidak dapat menandatangani", summary="-"))
    _settle(qtbot, form)
    assert form.complete_button.isEnabled() and reason.text() == ""
    # a warning that still needs its tick: the label says so
    form.nik.setText(_mismatched_nik(dt.date(2001, 5, 14)))
    _settle(qtbot, form)
    assert not form.complete_button.isEnabled()
    assert "konfirmasi" in reason.text().lower() and "NIK" in reason.text(), reason.text()
    row = next(iter(form.findings_panel._rows.values()))
    row.check.setChecked(True)
    qtbot.keyClicks(row.reason, "KK lama")
    assert form.complete_button.isEnabled() and reason.text() == ""
    form.nama.clear()
    _settle(qtbot, form)
    assert "Nama" in reason.text()
    form.set_read_only(True)  # a sent recording: no Selesai, no reason for it
    assert not reason.isVisible()


def _ctrl_enter(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_enter_on_an_incomplete_form_goes_to_the_first_thing_missing(qtbot, window, form):
    session = window.session
    _fill_complete(form)
    form.agama.set_value(None)
    form.pekerjaan.set_value(None)
    form.catatan.setFocus()
    _settle(qtbot, form)
    _ctrl_enter(qtbot)
    assert _has_keyboard(form.agama)
    assert "Agama" in form.complete_reason.text()
    assert form.first_missing().field == "agama"
    form.agama.set_value(Agama.ISLAM)
    form.catatan.setFocus()
    _ctrl_enter(qtbot)
    assert _has_keyboard(form.pekerjaan)
    form.pekerjaan.set_value(Pekerjaan.PELAJAR_MAHASISWA)
    form.rw.setText("0")  # an error on a field counts as missing too
    _ctrl_enter(qtbot)
    assert QApplication.focusWidget() is form.rw
    assert "RW" in form.complete_reason.text()
    form.rw.setText("1")
    _ctrl_enter(qtbot)
    assert QApplication.focusWidget() is form.photo_button
    assert "Foto" in form.complete_reason.text()
    form.set_photo(MediaSlot(exception="warga terbaring", summary="-"))
    _ctrl_enter(qtbot)
    assert QApplication.focusWidget() is form.signature_button
    form.set_signature(MediaSlot(exception="tidak dapat menandatangani", summary="-"))
    form.nik.setText(_mismatched_nik(dt.date(2001, 5, 14)))
    form.nama.setFocus()
    _ctrl_enter(qtbot)
    row = next(iter(form.findings_panel._rows.values()))
    assert QApplication.focusWidget() is row.check, "a warning without its tick: to the tick"
    assert session.recordings.count() == 0, "nothing incomplete is saved as complete"


def test_a_click_on_a_finding_in_the_panel_goes_to_its_field(qtbot, form):
    """Beside the field a message is one line; the panel has it whole, and a click there leads back."""
    form.tanggal_lahir.set_date(dt.date(2001, 5, 14))
    form.nik.setText(_mismatched_nik(dt.date(2001, 5, 14)))
    form.telepon.setText("12")
    form.catatan.setFocus()
    _settle(qtbot, form)
    panel = form.findings_panel
    (error_line,) = panel._labels
    assert "telepon" in error_line.text().lower()
    qtbot.mouseClick(error_line, Qt.MouseButton.LeftButton)
    assert _has_keyboard(form.telepon)
    row = next(iter(panel._rows.values()))
    qtbot.mouseClick(row.text, Qt.MouseButton.LeftButton)
    assert _has_keyboard(form.nik)
    assert not row.check.isChecked(), "a click on the words is not a confirmation"
