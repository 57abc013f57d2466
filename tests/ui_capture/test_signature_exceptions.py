"""A resident who cannot sign: a thumbprint (cap jempol) as an image from a file, a scanner's folder or
the camera source; a guardian's signature with name and relation; or none with a reason."""

from __future__ import annotations

from datetime import datetime, timezone

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.exceptions import GuardianRelation, SignatureFlag, SignatureMode
from app.core.messages import render
from app.ui.widgets.signature_pad import SignatureStep

FIXED = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


@pytest.fixture
def step(qtbot):
    s = SignatureStep(clock=lambda: FIXED)
    qtbot.addWidget(s)
    s.resize(900, 560)
    s.show()
    qtbot.waitExposed(s)
    return s


def _thumbprint_image(path, size=(900, 1200)):
    """A drawn thumbprint: dark elliptic ridges on paper, as a phone or scanner would give it."""
    w, h = size
    paper = np.full((h, w, 3), 235, np.uint8)
    for r in range(20, 420, 14):
        cv2.ellipse(paper, (w // 2, h // 2), (r, int(r * 1.35)), 8, 0, 360, (60, 50, 70), 4)
    assert cv2.imwrite(str(path), paper)
    return path


def _take(qtbot, step, spec=None, *, ok=True):
    with qtbot.waitSignal(step.thumbprintTaken, timeout=15_000) as taken:
        if spec is None:
            qtbot.mouseClick(step.thumb_camera_button, Qt.MouseButton.LeftButton)
        else:
            step.capture_thumbprint(spec)
    assert taken.args[0] is ok


def test_thumbprint_from_an_image_file_is_saved_as_a_grey_png(qtbot, step, tmp_path):
    qtbot.mouseClick(step.exception_button, Qt.MouseButton.LeftButton)
    assert step.page == "exception"
    _take(qtbot, step, str(_thumbprint_image(tmp_path / "jempol.jpg")))
    assert step.mode_thumb.isChecked() and not step.thumb_preview.pixmap().isNull()
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    result = done.args[0]
    image = cv2.imdecode(np.frombuffer(result.png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image.ndim == 2 and max(image.shape) == 600  # shrunk from 1200, grey
    assert int(image.min()) < 40 and int(image.max()) > 215  # ridges stretched to full contrast
    flag = SignatureFlag.from_dict(result.flag)
    assert flag.mode is SignatureMode.CAP_JEMPOL and result.exception_reason is None
    assert result.to_meta()["exception"]["mode"] == "cap_jempol"
    assert step.page == "done" and step.done_title.text() == "Cap jempol tersimpan"


def test_thumbprint_from_the_camera_source_a_scanner_folder(qtbot, step, tmp_path):
    folder = tmp_path / "pemindai"
    folder.mkdir()
    _thumbprint_image(folder / "scan-001.png", (400, 500))
    step.set_camera_source(str(folder))
    step.show_exception()
    _take(qtbot, step)
    assert step.save_thumbprint()
    assert cv2.imdecode(np.frombuffer(step.result().png, np.uint8), cv2.IMREAD_UNCHANGED).shape == (500, 400)


def test_thumbprint_needs_an_image_and_a_broken_source_says_why(qtbot, step, tmp_path):
    step.show_exception()
    step.mode_thumb.setChecked(True)
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.text() == render("exception.signature_image_missing")
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG not really")
    _take(qtbot, step, str(broken), ok=False)
    assert step.exception_message.isVisible() and step.thumbprint_png() is None
    assert str(tmp_path) not in step.exception_message.text()  # no file names in messages
    _take(qtbot, step, str(tmp_path / "tidak-ada.png"), ok=False)
    assert step.thumb_camera_button.isEnabled() and step.result() is None


def _sign(qtbot, pad):
    a = pad.area()
    pts = [(int(a.x() + a.width() * (0.15 + 0.6 * i / 40)), int(a.y() + a.height() * (0.5 + 0.2 * ((i % 8) - 4) / 4)))
           for i in range(41)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*pts[0]))
    for p in pts[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*pts[-1]))


def test_guardian_signature_requires_name_and_relation(qtbot, step):
    step.show_exception()
    step.mode_guardian.setChecked(True)
    assert step.exception_confirm.text() == "Lanjut: wali menandatangani"  # the guardian signs next
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.text() == render("exception.guardian_name_required")
    qtbot.keyClicks(step.guardian_name, "  <b>Siti</b>  Aminah  ")
    qtbot.keyClick(step.guardian_name, Qt.Key.Key_Return)
    assert step.page == "exception"
    assert step.exception_message.text() == render("exception.guardian_relation_required")
    step.guardian_relation.setCurrentIndex(step.guardian_relation.findData(GuardianRelation.ANAK.value))
    qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.page == "pad"
    assert step.pad_title.text() == "Tanda tangan wali: <b>Siti</b> Aminah (Anak)"
    assert step.pad_title.textFormat() == Qt.TextFormat.PlainText  # a name is never markup
    _sign(qtbot, step.pad)
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        assert step.accept_signature()
    flag = SignatureFlag.from_dict(done.args[0].flag)
    assert flag.mode is SignatureMode.TANDA_TANGAN_WALI
    assert flag.guardian_name == "<b>Siti</b> Aminah" and flag.guardian_relation is GuardianRelation.ANAK
    assert done.args[0].png[:4] == b"\x89PNG"
    step.reset()
    assert step.pad_title.text() == "Tanda tangan warga" and step.result() is None


def test_huge_guardian_name_is_cut_to_the_field_limit(qtbot, step):
    step.show_exception()
    step.guardian_name.setText("A" * 5000)
    assert len(step.guardian_name.text()) == 200
    assert step.start_guardian_signature(step.guardian_name.text(), "wali")
    assert SignatureFlag.make("tanda_tangan_wali", guardian_name="B" * 5000, guardian_relation="wali").guardian_name \
        == "B" * 200


def test_none_with_a_reason(qtbot, step):
    step.show_exception()
    step.mode_none.setChecked(True)
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert step.exception_message.isVisible()
    qtbot.keyClicks(step.exception_reason, "tidak sadar, dirawat di rumah")
    with qtbot.waitSignal(step.completed, timeout=10_000) as done:
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    result = done.args[0]
    flag = SignatureFlag.from_dict(result.flag)
    assert result.png is None and flag.mode is SignatureMode.TIDAK_ADA
    assert flag.reason == result.exception_reason == "tidak sadar, dirawat di rumah"


def test_nothing_chosen_says_what_to_choose(qtbot, step):
    step.show_exception()
    with qtbot.assertNotEmitted(step.completed):
        qtbot.mouseClick(step.exception_confirm, Qt.MouseButton.LeftButton)
    assert "cap jempol" in step.exception_message.text()
