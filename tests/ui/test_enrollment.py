"""The enrollment form driven by keyboard through real widgets, saving to a real encrypted profile."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.lifecycle import RecordingStatus
from app.core.nik import build_nik
from app.core.values import JenisKelamin
from app.session import MediaSlot, Session
from app.ui.main_window import AppWindow
from app.ui.pages.enroll import EnrollPage

from support.capture import capture_cases
from support.profiles import PASSPHRASE
from support.window import show_window

KEYPRESS_FILE = Path(__file__).resolve().parents[2] / "bench-out" / "enrollment_keypresses.json"


class Keyboard:
    """Types into whatever has focus; counts key presses beyond the typed text."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.presses = 0

    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.presses += 1
        self.qtbot.keyClick(self.focus(), key, modifier)

    def field(self, text: str) -> None:
        """Type a value and Tab to the next field."""
        if text:
            self.type(text)
        self.press(Qt.Key.Key_Tab)


def _female_student_nik(birth: dt.date) -> str:
    return build_nik("137201", birth, JenisKelamin.PEREMPUAN, 3)


def _fill_all(kb: Keyboard, nik: str, birth: str) -> None:
    kb.field(nik)                      # NIK
    kb.field("1372011203150007")       # Nomor KK
    kb.field("siti nur'aini")          # Nama (upper-cased by the form)
    kb.field("perem")                  # Jenis kelamin
    kb.field("")                       # Kewarganegaraan (WNI preset)
    kb.field("islam")                  # Agama
    kb.field("O+")                     # Golongan darah
    kb.field("solok")                  # Tempat lahir
    kb.field(birth)                    # Tanggal lahir (DDMMYYYY, dashes from the mask)
    kb.field("")                       # Ketepatan tanggal (exact)
    kb.field("jl. syech kukut no. 5")  # Alamat
    kb.field("3")                      # RT
    kb.field("1")                      # RW
    kb.field("sumatera barat")         # Provinsi
    kb.field("solok")                  # Kab./Kota
    kb.field("lubuk")                  # Kecamatan
    kb.field("tanah garam")            # Kel./Desa
    kb.field("belum")                  # Status perkawinan
    kb.field("anak")                   # Hubungan
    kb.field("ahmad yani")             # Nama ayah
    kb.field("nurhayati")              # Nama ibu
    kb.field("slta")                   # Pendidikan
    kb.field("pelajar")                # Pekerjaan
    kb.field("")                       # Disabilitas (none)
    kb.field("081234567890")           # Telepon
    kb.field("")                       # Catatan


@pytest.fixture
def window(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    yield win
    win.close()  # stops the sync worker and waits for database jobs before the session closes
    assert win.session is None


def _signature_stroke(qtbot, pad):
    """A wavy, name-like mouse stroke across the writing area."""
    import math

    from PySide6.QtCore import QPoint

    a = pad.area()
    points = [(int(a.x() + a.width() * (0.15 + 0.6 * t / 59)),
               int(a.y() + a.height() * (0.55 + 0.2 * math.sin(t / 59 * 6 * math.pi)))) for t in range(60)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def _photo_and_signature(qtbot, kb: Keyboard, page) -> None:
    """F2: capture with Space, resident approves with Enter; F3: sign with the mouse, Enter saves."""
    kb.press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10_000)
    step = page.dialog.step
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: step.current_report() is not None, timeout=15_000)
    kb.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: step.page == "review", timeout=5000)
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form.photo.present, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.signature_button, timeout=10_000)
    kb.press(Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible()
                    and hasattr(page.dialog.step, "pad"), timeout=10_000)
    pad = page.dialog.step.pad
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pad, timeout=10_000)
    _signature_stroke(qtbot, pad)
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form.signature.present, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.complete_button, timeout=10_000)


def _unlock(qtbot, win, kb: Keyboard):
    assert win.stack.currentWidget() is win.unlock
    win.unlock.passphrase.setFocus()
    kb.type(PASSPHRASE)
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)


def _db_recordings(win):
    return win.session.recordings.list(limit=50)


def test_full_enrollment_by_keyboard_alone(qtbot, window, camera_video, tmp_path):
    """Ctrl+N, every field, photo, signature, the review, the receipt saved as PDF, and on to the next."""
    kb = Keyboard(qtbot)
    _unlock(qtbot, window, kb)
    window.session.set_setting("camera_source", str(camera_video))
    receipts = tmp_path / "bukti"
    receipts.mkdir()
    window.session.set_setting("receipt_folder", str(receipts))
    unlock_presses = kb.presses
    kb.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.main.enroll.form
    assert QApplication.focusWidget() is form.nik
    birth = dt.date(2001, 5, 14)
    _fill_all(kb, _female_student_nik(birth), birth.strftime("%d%m%Y"))
    form.revalidate()
    assert {f.code for f in form.findings()} == {"media.photo_required", "media.signature_required"}
    assert not form.can_complete()
    _photo_and_signature(qtbot, kb, window.main.enroll)
    form.revalidate()
    assert form.findings() == [], [(f.code, f.field) for f in form.findings()]
    qtbot.waitUntil(lambda: form.can_complete(), timeout=10_000)
    page = window.main.enroll
    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the review
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=5000)
    assert page.review.values["nama"] == "SITI NUR'AINI" and page.review.values["kelurahan_kode"] == "Tanah Garam"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.review.confirm_button, timeout=5000)
    kb.press(Qt.Key.Key_Return)  # confirmed: saved complete
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)
    (rec,) = _db_recordings(window)
    assert rec.status is RecordingStatus.QUEUED
    # The receipt: Ctrl+P; no printer here, so the save dialog proposes bukti-<number>.pdf; Enter saves it.
    kb.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    output = page.receipt_output
    qtbot.waitUntil(lambda: output.dialog is not None and output.dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is output.dialog, timeout=5000)
    kb.press(Qt.Key.Key_Return)
    pdf = receipts / f"bukti-{page.receipt.qr_payload}.pdf"
    qtbot.waitUntil(pdf.is_file, timeout=5000)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.review.next_button, timeout=5000)
    kb.press(Qt.Key.Key_Return)  # the next resident: a blank form, ready to type
    qtbot.waitUntil(lambda: not page.review.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nik, timeout=5000)
    assert form.nik.text() == "" and not form.has_content()
    assert "Rekaman selesai" in page.message.text() and page.receipt.number in page.message.text()
    assert rec.resident.nama == "SITI NUR'AINI"
    assert rec.resident.tanggal_lahir == birth
    assert rec.resident.kelurahan_kode == "13.72.01.1001"
    assert rec.resident.rt == "003" and rec.resident.rw == "001"
    assert rec.resident.jenis_kelamin is JenisKelamin.PEREMPUAN
    media = {m.kind: m for m in window.session.recordings.media(rec.uuid)}
    assert set(media) == {"photo", "signature"}
    assert media["photo"].data[:2] == b"\xff\xd8" and len(media["photo"].data) <= 60_000
    assert media["photo"].meta["approved_by"] == "warga"
    assert media["signature"].data[:4] == b"\x89PNG"
    outbox = window.session.store.query("SELECT state FROM outbox WHERE recording_uuid = ?", (rec.uuid,))
    assert outbox == [("pending",)], "the recording, its media and its outbox entry are saved together"
    enrollment_presses = kb.presses - unlock_presses
    print(f"\nkey presses for one complete enrollment, through the review and the receipt "
          f"(beyond typed text): {enrollment_presses}")
    KEYPRESS_FILE.parent.mkdir(exist_ok=True)
    KEYPRESS_FILE.write_text(json.dumps({"enrollment_keypresses": enrollment_presses}))
    assert enrollment_presses <= 40


@pytest.fixture
def page(qtbot, session):
    p = EnrollPage(session)
    qtbot.addWidget(p)
    p.resize(1180, 680)
    p.show()
    p.start_new()
    return p


def _confirm_review(qtbot, page):
    """Enter on the review that a complete form's Ctrl+Enter opened."""
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=5000)
    qtbot.keyClick(page.review.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)


def _findings(form, field=None):
    form.revalidate()
    return [f for f in form.findings() if field is None or f.field == field]


def test_impossible_nik_date_blocks_completion(qtbot, page):
    form = page.form
    qtbot.keyClicks(form.nik, "1372013104010003")  # 31 April
    codes = {f.code for f in _findings(form, "nik")}
    assert "nik.date_invalid" in codes
    label = form._field_labels["nik"]
    assert label.isVisible() and "tanggal" in label.text().lower()
    assert not form.complete_button.isEnabled()


def test_birth_date_mismatch_needs_reason_and_reason_is_saved(qtbot, page, session):
    form = page.form
    birth = dt.date(2001, 5, 14)
    form.nik.setFocus()
    kb = Keyboard(qtbot)
    # NIK encodes 15 May; the KK says 14 May.
    _fill_all(kb, build_nik("137201", dt.date(2001, 5, 15), JenisKelamin.PEREMPUAN, 3), birth.strftime("%d%m%Y"))
    form.set_photo(MediaSlot(exception="warga terbaring, memakai alat medis", summary="-"))
    form.set_signature(MediaSlot(exception="tidak dapat menandatangani, cap jempol di kantor", summary="-"))
    warnings = [f for f in _findings(form) if f.code == "nik.birth_date_mismatch"]
    assert warnings and not form.can_complete()
    form.request_save(True)  # refused: focus goes to the acknowledgement
    assert session.recordings.count() == 0
    row = next(iter(form.findings_panel._rows.values()))
    row.check.setChecked(True)
    assert not form.can_complete(), "a checked warning without a reason must still block"
    qtbot.keyClicks(row.reason, "NIK lama, tanggal di KK benar")
    assert form.can_complete()
    form.request_save(True)
    _confirm_review(qtbot, page)
    qtbot.waitUntil(lambda: session.recordings.count() == 1, timeout=5000)
    (rec,) = session.recordings.list()
    assert rec.status is RecordingStatus.QUEUED
    assert [(a.code, a.reason) for a in rec.acknowledgements] == [
        ("nik.birth_date_mismatch", "NIK lama, tanggal di KK benar")]
    assert rec.photo_exception == "warga terbaring, memakai alat medis"


def test_a_recording_the_server_holds_opens_read_only(qtbot, page, session):
    from app.store.outbox import Outbox

    form = page.form
    form.nik.setFocus()
    kb = Keyboard(qtbot)
    birth = dt.date(2001, 5, 14)
    _fill_all(kb, build_nik("137201", birth, JenisKelamin.PEREMPUAN, 3), birth.strftime("%d%m%Y"))
    form.set_photo(MediaSlot(exception="warga terbaring, memakai alat medis", summary="-"))
    form.set_signature(MediaSlot(exception="tidak dapat menandatangani, cap jempol di kantor", summary="-"))
    form.request_save(True)
    _confirm_review(qtbot, page)
    qtbot.waitUntil(lambda: session.recordings.count() == 1, timeout=10_000)
    (rec,) = session.recordings.list()
    page.open_recording(rec)
    assert form.save_button.isVisible()
    assert not page.readonly_note.isVisible()
    # The sync pump hears the server stored the record (its media still on the way).
    entry = Outbox(session.store).get(rec.uuid)
    assert Outbox(session.store).mark_delivered([(rec.uuid, "accepted", entry.content_sha256)]) == 1
    page.open_recording(session.get_recording(rec.uuid))
    assert session.get_recording(rec.uuid).status is RecordingStatus.QUEUED
    assert not form.save_button.isVisible() and not form.complete_button.isVisible()
    assert page.readonly_note.isVisible() and "sudah sampai di server" in page.readonly_note.text()
    form.dirty = True
    assert page.save_unsaved_as_draft() is False  # closing the window does not try to save it either


def test_female_nik_plus_40_passes(qtbot, page):
    form = page.form
    form.nik.setText("1372014505010003")  # 5 May 2001 + 40
    form.tanggal_lahir.set_date(dt.date(2001, 5, 5))
    form.jenis_kelamin.set_value(JenisKelamin.PEREMPUAN)
    assert _findings(form, "nik") == []


def test_region_cascade_narrows(qtbot, page):
    combos = page.form.region.combos
    assert combos["provinsi"].count() == 5
    assert not combos["kabupaten"].isEnabled()
    combos["provinsi"].set_value("13")
    assert combos["kabupaten"].isEnabled()
    assert [combos["kabupaten"].itemText(i) for i in range(combos["kabupaten"].count())] == ["Kota Solok"]
    combos["kabupaten"].set_value("13.72")
    kecamatan = {combos["kecamatan"].itemData(i) for i in range(combos["kecamatan"].count())}
    assert kecamatan == {"13.72.01", "13.72.02"}
    combos["kecamatan"].set_value("13.72.01")
    kel = [combos["kelurahan"].itemData(i) for i in range(combos["kelurahan"].count())]
    assert kel and all(code.startswith("13.72.01.") for code in kel)
    combos["provinsi"].set_value("14")
    assert combos["kecamatan"].count() == 0 and not combos["kelurahan"].isEnabled()


def test_type_to_search_in_value_list(qtbot, page):
    combo = page.form.pekerjaan
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "wiras")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    assert combo.value() is not None and combo.value().label == "Wiraswasta"


def test_draft_survives_closing_and_reopening(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    kb = Keyboard(qtbot)
    _unlock(qtbot, win, kb)
    win.main.new_recording()
    form = win.main.enroll.form
    qtbot.keyClicks(form.nik, "13720154050")  # half typed
    qtbot.keyClicks(form.nama, "budi santoso")
    kb.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.dirty, timeout=5000)
    qtbot.keyClicks(form.tempat_lahir, "solok")  # typed after the save, then the window closes
    win.close()
    assert win.session is None

    reopened = Session.open(profile_dir, PASSPHRASE)
    try:
        (rec,) = reopened.recordings.list()
        assert rec.status is RecordingStatus.DRAFT
        assert rec.resident.nama == "BUDI SANTOSO"
        assert rec.resident.nik == "13720154050"
        assert rec.resident.tempat_lahir == "SOLOK", "changes typed before closing must be kept"
    finally:
        reopened.close()


def test_wrong_passphrase_says_so_and_slows_down(qtbot, window):
    unlock = window.unlock
    for attempt in range(3):
        unlock.passphrase.setText("salah-sandi")
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: unlock.failures == attempt + 1, timeout=10_000)
    assert "salah" in unlock.message.text().lower()
    assert not unlock.unlock_button.isEnabled(), "the third failure must impose a wait"
    assert UnlockDelay.after(4) > UnlockDelay.after(3) > 0


class UnlockDelay:
    @staticmethod
    def after(n):
        from app.ui.start_pages import UnlockPage
        return UnlockPage.delay_after(n)


def test_photo_thresholds_are_tuned_in_pengaturan(qtbot, session):
    """A stricter sharpness limit set in Pengaturan makes the check flag a photo it passed before."""
    from app.capture import quality
    from app.ui.pages.settings import SettingsPage

    frame = capture_cases().clean()
    before = {f.code for f in quality.assess(frame, None, session.photo_thresholds()).findings}
    assert "photo.blurred" not in before
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.thresholds["min_sharpness"].setValue(9000)
    page._save()
    assert session.get_setting("photo_thresholds") == {"min_sharpness": 9000.0}
    after = {f.code for f in quality.assess(frame, None, session.photo_thresholds()).findings}
    assert "photo.blurred" in after
    page._reset_thresholds()
    page._save()
    assert session.get_setting("photo_thresholds") == {}
