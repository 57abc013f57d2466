"""Through the real window: a bedridden resident's photo with an exception fills the form's photo slot
(its summary stays in the slot), the form offers Disabilitas, a thumbprint fills the signature slot,
and the draft keeps both flags in the encrypted profile."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.core.values import Disabilitas
from app.ui.main_window import AppWindow
from support.capture import capture_cases
from support.profiles import PASSPHRASE
from support.window import show_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    yield win
    win.close()


def _unlock(qtbot, win):
    win.unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)


def test_exception_photo_and_thumbprint_through_the_enroll_page(qtbot, window, tmp_path):
    _unlock(qtbot, window)
    cases = capture_cases()
    folder = tmp_path / "kamera"
    folder.mkdir()
    for i, angle in enumerate((45, 20)):
        cv2.imwrite(str(folder / f"{i}.png"), cases.rotated(angle))
    window.session.set_setting("camera_source", str(folder))
    window.main.new_recording()
    page = window.main.enroll
    form = page.form
    form.nama.setText("Warga Uji")

    page.open_photo_step()
    step = page.dialog.step
    qtbot.waitUntil(lambda: step.camera.worker is not None and step.camera.worker.frames_assessed >= 3,
                    timeout=15_000)
    with qtbot.waitSignal(step.takeFinished, timeout=15_000):
        qtbot.mouseClick(step.exception_button, Qt.MouseButton.LeftButton)
    step.set_exception_reason("terbaring")
    qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.photo.present, timeout=5000)
    assert form.photo.flag["reason"] == "terbaring"
    assert form.photo.exception == form.photo.summary and form.photo.summary.startswith("Foto dengan pengecualian")
    assert form.photo_status.text() == form.photo.summary
    # Suggested, not set: the operator confirms.
    assert form.suggested_disabilitas is Disabilitas.FISIK and form.disabilitas.values() == []
    qtbot.mouseClick(form.disabilitas_accept, Qt.MouseButton.LeftButton)
    assert form.disabilitas.values() == [Disabilitas.FISIK]

    paper = np.full((300, 240, 3), 230, np.uint8)
    cv2.circle(paper, (120, 150), 80, (50, 50, 50), 6)
    thumb = tmp_path / "jempol.png"
    cv2.imwrite(str(thumb), paper)
    page.open_signature_step()
    sig = page.dialog.step
    sig.show_exception()
    with qtbot.waitSignal(sig.thumbprintTaken, timeout=15_000):
        sig.capture_thumbprint(str(thumb))
    qtbot.mouseClick(sig.exception_confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.signature.present, timeout=5000)
    assert form.signature.flag["mode"] == "cap_jempol" and form.signature.summary == "Cap jempol tersimpan."

    form.request_save(False)
    qtbot.waitUntil(lambda: any(r.photo_flag for r in window.session.recordings.list(limit=5)), timeout=10_000)
    (rec,) = [r for r in window.session.recordings.list(limit=5) if r.photo_flag]
    assert rec.photo_flag["reason"] == "terbaring" and rec.signature_flag["mode"] == "cap_jempol"
    assert rec.resident.disabilitas == (Disabilitas.FISIK,)
    media = {m.kind: m for m in window.session.recordings.media(rec.uuid)}
    assert media["photo"].meta["exception"]["reason"] == "terbaring"
    assert media["signature"].data[:4] == b"\x89PNG"
