"""A resident who cannot sign: a thumbprint (cap jempol) as an image from a file, a scanner's folder or
the camera source; a guardian's signature with name and relation; or none with a reason."""

from __future__ import annotations


import cv2
import numpy as np
from PySide6.QtCore import QPoint, Qt

from app.core.exceptions import GuardianRelation, SignatureFlag, SignatureMode
from app.core.messages import render


def _thumbprint_image(path, size=(900, 1200)):
    """A drawn thumbprint: dark elliptic ridges on paper, as a phone or scanner would give it."""
    w, h = size
    paper = np.full((h, w, 3), 235, np.uint8)
    for r in range(20, 420, 14):
        cv2.ellipse(paper, (w // 2, h // 2), (r, int(r * 1.35)), 8, 0, 360, (60, 50, 70), 4)
    assert cv2.imwrite(str(path), paper)
    return path


def _take(qtbot, signature_step, spec=None, *, ok=True):
    with qtbot.waitSignal(signature_step.thumbprintTaken, timeout=15_000) as taken:
        if spec is None:
            qtbot.mouseClick(signature_step.thumb_camera_button, Qt.MouseButton.LeftButton)
        else:
            signature_step.capture_thumbprint(spec)
    assert taken.args[0] is ok


def test_thumbprint_from_an_image_file_is_saved_as_a_grey_png(qtbot, signature_step, tmp_path):
    qtbot.mouseClick(signature_step.exception_button, Qt.MouseButton.LeftButton)
    assert signature_step.page == "exception"
    _take(qtbot, signature_step, str(_thumbprint_image(tmp_path / "jempol.jpg")))
    assert signature_step.mode_thumb.isChecked() and not signature_step.thumb_preview.pixmap().isNull()
    with qtbot.waitSignal(signature_step.completed, timeout=10_000) as done:
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    result = done.args[0]
    image = cv2.imdecode(np.frombuffer(result.png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image.ndim == 2 and max(image.shape) == 600  # shrunk from 1200, grey
    assert int(image.min()) < 40 and int(image.max()) > 215  # ridges stretched to full contrast
    flag = SignatureFlag.from_dict(result.flag)
    assert flag.mode is SignatureMode.CAP_JEMPOL and result.exception_reason is None
    assert result.to_meta()["exception"]["mode"] == "cap_jempol"
    assert signature_step.page == "done" and signature_step.done_title.text() == "Cap jempol tersimpan"


def test_thumbprint_from_the_camera_source_a_scanner_folder(qtbot, signature_step, tmp_path):
    folder = tmp_path / "pemindai"
    folder.mkdir()
    _thumbprint_image(folder / "scan-001.png", (400, 500))
    signature_step.set_camera_source(str(folder))
    signature_step.show_exception()
    _take(qtbot, signature_step)
    assert signature_step.save_thumbprint()
    assert cv2.imdecode(np.frombuffer(signature_step.result().png, np.uint8), cv2.IMREAD_UNCHANGED).shape == (500, 400)


def test_thumbprint_needs_an_image_and_a_broken_source_says_why(qtbot, signature_step, tmp_path):
    signature_step.show_exception()
    signature_step.mode_thumb.setChecked(True)
    with qtbot.assertNotEmitted(signature_step.completed):
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert signature_step.exception_message.text() == render("exception.signature_image_missing")
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG not really")
    _take(qtbot, signature_step, str(broken), ok=False)
    assert signature_step.exception_message.isVisible() and signature_step.thumbprint_png() is None
    assert str(tmp_path) not in signature_step.exception_message.text()  # no file names in messages
    _take(qtbot, signature_step, str(tmp_path / "tidak-ada.png"), ok=False)
    assert signature_step.thumb_camera_button.isEnabled() and signature_step.result() is None


def _sign(qtbot, pad):
    a = pad.area()
    pts = [(int(a.x() + a.width() * (0.15 + 0.6 * i / 40)), int(a.y() + a.height() * (0.5 + 0.2 * ((i % 8) - 4) / 4)))
           for i in range(41)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*pts[0]))
    for p in pts[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*pts[-1]))


def test_guardian_signature_requires_name_and_relation(qtbot, signature_step):
    signature_step.show_exception()
    signature_step.mode_guardian.setChecked(True)
    assert signature_step.exception_confirm.text() == "Lanjut: wali menandatangani"  # the guardian signs next
    with qtbot.assertNotEmitted(signature_step.completed):
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert signature_step.exception_message.text() == render("exception.guardian_name_required")
    qtbot.keyClicks(signature_step.guardian_name, "  <b>Siti</b>  Aminah  ")
    qtbot.keyClick(signature_step.guardian_name, Qt.Key.Key_Return)
    assert signature_step.page == "exception"
    assert signature_step.exception_message.text() == render("exception.guardian_relation_required")
    signature_step.guardian_relation.setCurrentIndex(signature_step.guardian_relation.findData(GuardianRelation.ANAK.value))
    qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert signature_step.page == "pad"
    assert signature_step.pad_title.text() == "Tanda tangan wali: <b>Siti</b> Aminah (Anak)"
    assert signature_step.pad_title.textFormat() == Qt.TextFormat.PlainText  # a name is never markup
    _sign(qtbot, signature_step.pad)
    with qtbot.waitSignal(signature_step.completed, timeout=10_000) as done:
        assert signature_step.accept_signature()
    flag = SignatureFlag.from_dict(done.args[0].flag)
    assert flag.mode is SignatureMode.TANDA_TANGAN_WALI
    assert flag.guardian_name == "<b>Siti</b> Aminah" and flag.guardian_relation is GuardianRelation.ANAK
    assert done.args[0].png[:4] == b"\x89PNG"
    signature_step.reset()
    assert signature_step.pad_title.text() == "Tanda tangan warga" and signature_step.result() is None


def test_huge_guardian_name_is_cut_to_the_field_limit(qtbot, signature_step):
    signature_step.show_exception()
    signature_step.guardian_name.setText("A" * 5000)
    assert len(signature_step.guardian_name.text()) == 200
    assert signature_step.start_guardian_signature(signature_step.guardian_name.text(), "wali")
    assert SignatureFlag.make("tanda_tangan_wali", guardian_name="B" * 5000, guardian_relation="wali").guardian_name \
        == "B" * 200


def test_none_with_a_reason(qtbot, signature_step):
    signature_step.show_exception()
    signature_step.mode_none.setChecked(True)
    with qtbot.assertNotEmitted(signature_step.completed):
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert signature_step.exception_message.isVisible()
    qtbot.keyClicks(signature_step.exception_reason, "tidak sadar, dirawat di rumah")
    with qtbot.waitSignal(signature_step.completed, timeout=10_000) as done:
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    result = done.args[0]
    flag = SignatureFlag.from_dict(result.flag)
    assert result.png is None and flag.mode is SignatureMode.TIDAK_ADA
    assert flag.reason == result.exception_reason == "tidak sadar, dirawat di rumah"


def test_nothing_chosen_says_what_to_choose(qtbot, signature_step):
    signature_step.show_exception()
    with qtbot.assertNotEmitted(signature_step.completed):
        qtbot.mouseClick(signature_step.exception_confirm, Qt.MouseButton.LeftButton)
    assert "cap jempol" in signature_step.exception_message.text()
