"""Fingerprints and irises inside Rekam Baru, by keyboard, against the SBI simulator: after the approved photo,
into the review, and saved in the recording's one transaction (real widgets, a real encrypted profile)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from faker import Faker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.biometric_slot import BiometricSlot
from app.core.biometric_content import from_content, media_kind, proof_kind
from app.core.biometric_requirement import SETTING_KEY, BiometricMode
from app.core.biometric_set import BiometricExceptionReason, Captured, Excepted
from app.core.lifecycle import RecordingStatus
from app.core.messages import render
from app.core.resident import Resident
from app.session import SBI_PORTS_KEY, MediaSlot
from app.ui.pages.enroll import EnrollPage
from app.ui.review_dialog import ReviewDialog
from app.ui.widgets.fingerprint_step import FingerprintStep
from app.ui.widgets.iris_step import IrisStep

from support.people import GeneratedPeople
from support.window import show_window

AREA = "13.72"  # Kota Solok in the seed master data


@pytest.fixture
def proof_picture(tmp_path) -> Path:
    """A generated picture the 'camera' gives for proof photos (a file source, no webcam)."""
    rng = np.random.default_rng(7)
    path = tmp_path / "tangan.png"
    cv2.imwrite(str(path), rng.integers(0, 255, (240, 320, 3), dtype=np.uint8))
    return path


def _page(qtbot, session, mode: BiometricMode, ports, camera=None) -> EnrollPage:
    session.settings.set(SETTING_KEY, mode.value)
    session.settings.set(SBI_PORTS_KEY, list(ports))
    if camera is not None:
        session.settings.set("camera_source", str(camera))
    page = EnrollPage(session)
    show_window(qtbot, page)
    page.start_new()
    fake = Faker("id_ID")
    fake.seed_instance(1313)
    people = GeneratedPeople(session.regions, fake, random.Random(1313))
    page.form.load(Resident.from_dict(people.resident_data(AREA, dt.date.today())))
    return page


def _photo(form, approved_by="warga") -> None:
    rng = np.random.default_rng(1)
    ok, jpeg = cv2.imencode(".jpg", rng.integers(0, 255, (200, 150, 3), dtype=np.uint8))
    assert ok
    form.set_photo(MediaSlot(jpeg.tobytes(), "image/jpeg", {"approved_by": approved_by}, True, None, "Foto."))


def _signature(form) -> None:
    form.set_signature(MediaSlot(None, "", {}, False, "Warga tidak dapat menandatangani (tangan kaku)",
                                 "Tanpa tanda tangan"))


def _open_step(qtbot, page, key, cls):
    page.form.nama.setFocus()
    qtbot.keyClick(page.form.nama, key)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    step = page.dialog.step
    assert isinstance(step, cls)
    qtbot.waitUntil(lambda: not step.busy and step.device is not None, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is step.diagram, timeout=5000)
    return step


def _press(qtbot, step, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(step.diagram, key, modifier)
    qtbot.waitUntil(lambda: not step.busy, timeout=15_000)


def _finish(qtbot, page, step):
    qtbot.keyClick(step.diagram, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window(), timeout=5000)  # back to the form


def _review_and_save(qtbot, page) -> ReviewDialog:
    page.form.nama.setFocus()
    qtbot.keyClick(page.form.nama, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=5000)
    review = page.review
    text = review.values["biometrics"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.confirm_button, timeout=5000)
    qtbot.keyClick(review.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.state == "done", timeout=15_000)
    review.values["biometrics"] = text
    return review


def _queued(session):
    return [r for r in session.recordings.list() if r.status is RecordingStatus.QUEUED]


def test_off_by_default_the_form_is_photo_and_signature_only(qtbot, session):
    page = EnrollPage(session)
    show_window(qtbot, page)
    page.start_new()
    form = page.form
    assert form.biometric_mode is BiometricMode.OFF
    assert not form.fingerprint_button.isVisible() and not form.iris_button.isVisible()
    assert form.fingerprint_button not in form.focus_chain()
    qtbot.keyClick(form.nama, Qt.Key.Key_F4)
    assert page.dialog is None  # F4 does nothing while the profile records no biometrics


def test_ten_fingers_and_two_irises_after_the_approved_photo_into_the_review_and_the_save(
        qtbot, session, simulator):
    page = _page(qtbot, session, BiometricMode.REQUIRED, [simulator.port])
    form = page.form
    assert form.fingerprint_button.isVisible() and not form.fingerprint_button.isEnabled()
    qtbot.keyClick(form.nama, Qt.Key.Key_F4)  # before the photo: refused, and said why
    assert page.dialog is None
    assert form.fingerprint_status.text() == render("biometrics.photo_first")
    assert QApplication.focusWidget() is form.photo_button
    assert {f.code for f in form.blocking()} >= {"biometrics.fingers_required", "biometrics.irises_required"}

    _photo(form)
    assert form.fingerprint_button.isEnabled()
    step = _open_step(qtbot, page, Qt.Key.Key_F4, FingerprintStep)
    for _ in range(3):  # left four, right four, thumbs
        _press(qtbot, step, Qt.Key.Key_Space)
    _finish(qtbot, page, step)
    assert form.biometrics.done(step.modality) and len(form.biometrics.records) == 10
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.iris_button, timeout=5000)  # on to the iris step
    assert "10 terekam" in form.fingerprint_status.text()

    iris = _open_step(qtbot, page, Qt.Key.Key_F5, IrisStep)
    _press(qtbot, iris, Qt.Key.Key_Space)  # both eyes at once
    _finish(qtbot, page, iris)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.signature_button, timeout=5000)
    _signature(form)
    records = dict(form.biometrics.records)
    assert form.can_complete()

    review = _review_and_save(qtbot, page)
    lines = review.values["biometrics"].splitlines()
    assert len(lines) == 12 and all(line.split(": ")[1].isdigit() for line in lines)  # every slot with its score
    (saved,) = _queued(session)
    bset = from_content(saved.biometrics)
    assert bset.missing() == () and all(isinstance(v, Captured) for v in bset.slots.values())
    stored = {m.kind: m for m in session.recordings.media(saved.uuid)}
    for slot, record in records.items():  # the device's ISO records, byte for byte
        assert stored[media_kind(slot)].data == record
    assert stored[media_kind("Left IndexFinger")].data[:4] == b"FIR\0"
    assert stored[media_kind("Right")].data[:4] == b"IIR\0"


def test_an_exception_with_its_proof_photo_then_the_irises(
        qtbot, session, simulator, proof_picture):
    page = _page(qtbot, session, BiometricMode.OPTIONAL, [simulator.port], camera=proof_picture)
    form = page.form
    _photo(form)
    step = _open_step(qtbot, page, Qt.Key.Key_F4, FingerprintStep)
    while step.diagram.current != "Right Thumb":
        qtbot.keyClick(step.diagram, Qt.Key.Key_Tab)
    qtbot.keyClick(step.diagram, Qt.Key.Key_E)
    panel = step.panel
    while panel.current_reason() is not BiometricExceptionReason.AMPUTASI:
        qtbot.keyClick(panel.reason, Qt.Key.Key_Down)
    qtbot.keyClick(panel.reason, Qt.Key.Key_F6)  # the proof photo, from the camera (here a file source)
    qtbot.waitUntil(lambda: panel.proof is not None, timeout=10_000)
    assert panel.proof[:2] == b"\xff\xd8" and panel.proof_view.pixmap() is not None
    qtbot.keyClick(panel.save, Qt.Key.Key_Return)
    assert not panel.isVisible() and "foto bukti \u2713" in step.summary.text()
    for slot in ("Left IndexFinger", "Right IndexFinger", "Left Thumb"):
        while step.diagram.current != slot:
            qtbot.keyClick(step.diagram, Qt.Key.Key_Tab)
        _press(qtbot, step, Qt.Key.Key_Space)
    _finish(qtbot, page, step)
    proof = form.biometrics.proofs["Right Thumb"]
    assert "1 pengecualian" in form.fingerprint_status.text()

    # irises: with fingers recorded the set must be whole (the server's policy), so the eyes follow
    assert not form.can_complete() and form.blocking()[0].code == "biometrics.irises_required"
    iris = _open_step(qtbot, page, Qt.Key.Key_F5, IrisStep)
    _press(qtbot, iris, Qt.Key.Key_Space)
    _finish(qtbot, page, iris)
    _signature(form)
    assert form.can_complete()
    review = _review_and_save(qtbot, page)
    text = review.values["biometrics"]
    assert "Pengecualian Jempol kanan: Amputasi" in text and "tanpa foto bukti" not in text
    (saved,) = _queued(session)
    bset = from_content(saved.biometrics)
    assert bset.slots["Right Thumb"] == Excepted(BiometricExceptionReason.AMPUTASI) and bset.missing() == ()
    stored = {m.kind: m for m in session.recordings.media(saved.uuid)}
    assert stored[proof_kind("Right Thumb")].data == proof and stored[proof_kind("Right Thumb")].mime == "image/jpeg"
    assert media_kind("Right Thumb") not in stored and len([k for k in stored if k.startswith("finger_")]) == 9


def test_without_devices_an_optional_recording_completes_with_the_reason_and_carries_no_set(qtbot, session):
    page = _page(qtbot, session, BiometricMode.OPTIONAL, [9])
    form = page.form
    _photo(form)
    _signature(form)
    rows = {code: row for (code, _field), row in form.findings_panel._rows.items()}
    assert set(rows) == {"biometrics.fingers_not_captured", "biometrics.irises_not_captured"}
    assert not form.can_complete()
    for row in rows.values():  # "perangkat tidak tersedia": the documented way on
        row.check.setChecked(True)
        qtbot.keyClicks(row.reason, "perangkat tidak tersedia")
    assert form.can_complete()
    review = _review_and_save(qtbot, page)
    assert review.values["biometrics"].count("belum direkam") == 12
    (saved,) = _queued(session)
    assert saved.biometrics is None
    assert {(a.code, a.reason) for a in saved.acknowledgements} == {
        ("biometrics.fingers_not_captured", "perangkat tidak tersedia"),
        ("biometrics.irises_not_captured", "perangkat tidak tersedia")}


def test_no_device_is_said_with_the_way_on_and_a_required_recording_stays_a_draft(qtbot, session):
    page = _page(qtbot, session, BiometricMode.REQUIRED, [9])  # nothing listens on port 9
    form = page.form
    _photo(form)
    qtbot.keyClick(form.nama, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    step = page.dialog.step
    qtbot.waitUntil(lambda: not step.busy and step.message.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: render("sbi.no_device") in step.message.text(), timeout=10_000)
    assert "simpan draf" in step.message.text()
    qtbot.keyClick(step.diagram, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.dialog.isVisible(), timeout=5000)
    _signature(form)
    assert not form.can_complete()
    assert form.blocking()[0].code == "biometrics.fingers_required"


def test_a_finger_captured_in_a_draft_then_excepted_loses_its_record(session):
    from support.biometrics import slot_records

    from app.ui.enrollment_form import FormResult

    fake = Faker("id_ID")
    fake.seed_instance(5)
    resident = Resident.from_dict(GeneratedPeople(session.regions, fake, random.Random(5)).resident_data(
        AREA, dt.date.today()))
    records = slot_records()
    bio = BiometricSlot()
    bset = bio.biometrics
    for slot in records:
        bset = bset.with_slot(slot, Captured(80.0))
    bio = BiometricSlot(bset, dict(records))
    draft = session.save_form(FormResult(resident, biometrics=bio), None)
    assert len([m for m in session.recordings.media(draft.uuid)]) == 12
    # reopened: the thumb is now an amputation with its proof photo
    again = session.biometric_slot(session.get_recording(draft.uuid))
    again.biometrics = again.biometrics.with_slot("Left Thumb", Excepted(BiometricExceptionReason.AMPUTASI))
    again.proofs = {"Left Thumb": b"\xff\xd8proof"}
    session.save_form(FormResult(resident, biometrics=again), draft.uuid)
    kinds = {m.kind for m in session.recordings.media(draft.uuid)}
    assert media_kind("Left Thumb") not in kinds and proof_kind("Left Thumb") in kinds and len(kinds) == 12
