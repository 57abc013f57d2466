"""The fingerprint (F4) and iris (F5) steps driven by keyboard against the real simulated SBI device service."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.biometrics.client import SbiClient
from app.biometrics.stream import decode_view
from app.core.biometric_set import BiometricExceptionReason, Captured, Excepted
from app.core.messages import render
from app.ui.widgets.biometric_parts import CAPTURED, EXCEPTION, FAILED, LOW, PENDING
from app.ui.widgets.fingerprint_step import FingerprintStep
from app.ui.widgets.iris_step import IrisStep

LEFT4 = ("Left IndexFinger", "Left MiddleFinger", "Left RingFinger", "Left LittleFinger")
RIGHT4 = ("Right IndexFinger", "Right MiddleFinger", "Right RingFinger", "Right LittleFinger")


def _step(cls, qtbot, simulator):
    """`cls` in a window-sized parent, shown; waits until it has found the simulated device."""
    parent = QWidget()
    parent.resize(1366, 768)
    step = cls(client=SbiClient(decode=decode_view, grace=1.0), ports=[simulator.port], timeout_ms=3000)
    QVBoxLayout(parent).addWidget(step)
    step.window_for_test = parent  # qtbot holds widgets weakly
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitUntil(lambda: step.device is not None and not step.busy, timeout=10_000)
    return step


def _key(qtbot, step, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(step.diagram, key, modifier)
    qtbot.waitUntil(lambda: not step.busy, timeout=15_000)


def _select(qtbot, step, slot):
    for _ in range(len(step.diagram.slots)):
        if step.diagram.current == slot:
            return
        qtbot.keyClick(step.diagram, Qt.Key.Key_Tab)
    raise AssertionError(f"{slot} not reachable by Tab")


def _except(qtbot, step, slot, reason: BiometricExceptionReason, text: str = ""):
    _select(qtbot, step, slot)
    qtbot.keyClick(step.diagram, Qt.Key.Key_E)
    panel = step.panel
    assert panel.isVisible()
    for _ in range(panel.reason.count()):  # the reason chosen by keyboard
        if panel.current_reason() is reason:
            break
        qtbot.keyClick(panel.reason, Qt.Key.Key_Down)
    assert panel.current_reason() is reason
    if text:
        qtbot.keyClicks(panel.text, text)
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)


def _states(step, slots):
    return [step.state_of(s)[0] for s in slots]


def test_ten_fingers_in_three_captures_by_keyboard(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    assert step.diagram.current == "Left IndexFinger"
    qtbot.keyClick(step.diagram, Qt.Key.Key_Tab)
    assert step.diagram.current == "Left MiddleFinger"  # Tab walks the fingers
    qtbot.keyClick(step.diagram, Qt.Key.Key_Backtab)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Space):  # left four, right four, thumbs
        _key(qtbot, step, key)
    assert simulator.captures() == 3
    assert set(_states(step, step.diagram.slots)) == {CAPTURED}
    with qtbot.waitSignal(step.completed, timeout=2000) as done:
        qtbot.keyClick(step.diagram, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = done.args[0]
    assert result.missing() == () and len(result.captures) == 10
    assert all(isinstance(v, Captured) and v.reached and v.tries == 1 for v in result.biometrics.slots.values())
    assert all(c.iso_record.startswith(b"FIR\0") for c in result.captures.values())
    # one hash chain across the three captures
    left_hashes = {result.captures[s].hash for s in LEFT4}
    assert len({result.captures[s].previous_hash for s in RIGHT4} & left_hashes) == 1


def test_low_scores_keep_the_best_after_the_tries_then_an_exception_replaces_it(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    simulator.set_faults("low_score", low_score=30)
    _key(qtbot, step, Qt.Key.Key_Space)
    assert _states(step, LEFT4) == [FAILED] * 4 and "Sisa percobaan: 2" in step.message.text()
    assert render("sbi.low_score", {"subtype": "Telapak kiri (4 jari)", "score": 26, "required": 40}) \
        in step.message.text()
    assert step.diagram.current == "Left IndexFinger"  # stays on the slap to try again
    _key(qtbot, step, Qt.Key.Key_Space)
    _key(qtbot, step, Qt.Key.Key_Space)
    assert simulator.captures() == 3
    assert _states(step, LEFT4) == [LOW] * 4 and "hasil terbaik (26) disimpan" in step.message.text()
    kept = step.result().biometrics.slots["Left IndexFinger"]
    assert isinstance(kept, Captured) and not kept.reached and kept.tries == 3
    assert step.diagram.current == "Right IndexFinger"  # on to the next slap
    # a worn print: the best capture is replaced by an exception with its reason
    _except(qtbot, step, "Left LittleFinger", BiometricExceptionReason.SIDIK_JARI_AUS)
    result = step.result()
    assert result.biometrics.slots["Left LittleFinger"] == Excepted(BiometricExceptionReason.SIDIK_JARI_AUS)
    assert "Left LittleFinger" not in result.captures and "Left IndexFinger" in result.captures
    assert step.state_of("Left LittleFinger")[0] == EXCEPTION
    assert not step.finish_button.isEnabled()


def test_an_excepted_finger_is_not_asked_for_and_lainnya_needs_its_text(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    _except(qtbot, step, "Right Thumb", BiometricExceptionReason.LAINNYA)
    assert step.panel.isVisible() and "paling sedikit" in step.panel.error.text()  # no text: refused
    qtbot.keyClicks(step.panel.text, "jari kaku")
    qtbot.keyClick(step.panel.text, Qt.Key.Key_Return)
    assert not step.panel.isVisible()
    assert step.exceptions["Right Thumb"] == Excepted(BiometricExceptionReason.LAINNYA, "jari kaku")
    _except(qtbot, step, "Right RingFinger", BiometricExceptionReason.AMPUTASI)
    for slot in ("Left IndexFinger", "Right IndexFinger", "Left Thumb"):
        _select(qtbot, step, slot)
        _key(qtbot, step, Qt.Key.Key_Space)
    result = step.result()
    assert result.missing() == () and len(result.captures) == 8
    assert set(result.biometrics.exceptions()) == {"Right Thumb", "Right RingFinger"}
    assert "Right Thumb" not in result.captures and "Right RingFinger" not in result.captures
    with qtbot.waitSignal(step.completed, timeout=2000):
        step.finish_button.click()


def test_a_busy_device_is_told_and_nothing_is_recorded(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    simulator.set_faults("busy")
    _key(qtbot, step, Qt.Key.Key_Space)
    assert step.message.text() == render("sbi.busy")
    assert _states(step, LEFT4) == [PENDING] * 4 and step.units[0].attempts.scores == ()
    simulator.set_faults()
    _key(qtbot, step, Qt.Key.Key_Space)
    assert _states(step, LEFT4) == [CAPTURED] * 4


def test_a_device_gone_mid_capture_loses_nothing_already_captured(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    _key(qtbot, step, Qt.Key.Key_Space)  # the left four
    before = dict(step.result().captures)
    simulator.set_faults("drop")  # the answer cut off half-way: the cable pulled
    _key(qtbot, step, Qt.Key.Key_Space)
    assert step.message.text() == render("sbi.disconnected")
    assert step.device is None  # looked for again on the next capture
    simulator.stop()  # the device service is gone altogether
    _key(qtbot, step, Qt.Key.Key_Space)
    assert step.message.text() == render("sbi.no_device")
    after = step.result()
    assert _states(step, LEFT4) == [CAPTURED] * 4 and _states(step, RIGHT4) == [PENDING] * 4
    assert {s: c.iso_record for s, c in after.captures.items()} == {s: c.iso_record for s, c in before.items()}


def test_both_eyes_in_one_capture_by_keyboard(qtbot, simulator):
    step = _step(IrisStep, qtbot, simulator)
    assert "Kedua mata" in step.instruction_label.text()
    _key(qtbot, step, Qt.Key.Key_Space)
    assert simulator.captures() == 1 and _states(step, ("Left", "Right")) == [CAPTURED, CAPTURED]
    with qtbot.waitSignal(step.completed, timeout=2000) as done:
        qtbot.keyClick(step.diagram, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    result = done.args[0]
    assert set(result.captures) == {"Left", "Right"}
    assert all(c.iso_record.startswith(b"IIR\0") for c in result.captures.values())


def test_iris_low_score_one_eye_at_a_time_and_an_eye_that_cannot_open(qtbot, simulator):
    step = _step(IrisStep, qtbot, simulator)
    step.one_eye.setChecked(True)
    simulator.set_faults("low_score", low_score=45)  # under the iris threshold 60
    _select(qtbot, step, "Right")
    for _ in range(3):
        _key(qtbot, step, Qt.Key.Key_Space)
    assert simulator.captures() == 3
    assert step.state_of("Right") == (LOW, "45") and step.state_of("Left")[0] == PENDING
    assert step.result().biometrics.slots["Right"] == Captured(45.0, tries=3, reached=False)
    _except(qtbot, step, "Left", BiometricExceptionReason.TIDAK_DAPAT_MEMBUKA_MATA)
    reasons = [step.panel.reason.itemData(i) for i in range(step.panel.reason.count())]
    assert BiometricExceptionReason.SIDIK_JARI_AUS.value not in reasons  # only the eye's reasons are offered
    result = step.result()
    assert result.missing() == () and set(result.captures) == {"Right"}
    qtbot.keyClick(step.diagram, Qt.Key.Key_Delete)  # the exception taken back
    assert step.result().missing() == ("Left",)


def test_the_capture_runs_off_the_gui_thread_and_a_second_press_waits(qtbot, simulator):
    step = _step(FingerprintStep, qtbot, simulator)
    simulator.set_faults("timeout", times=1, hang_seconds=1.5)  # a slow device: the answer after 1.5 s
    qtbot.keyClick(step.diagram, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: simulator.captures() == 1, timeout=5000)
    assert step.busy and not step.capture_button.isEnabled()
    qtbot.keyClick(step.diagram, Qt.Key.Key_Tab)  # the window still answers the keyboard meanwhile
    assert step.diagram.current == "Left MiddleFinger"
    qtbot.keyClick(step.diagram, Qt.Key.Key_Space)  # ignored while the device works
    qtbot.waitUntil(lambda: not step.busy, timeout=10_000)
    assert simulator.captures() == 1 and _states(step, LEFT4) == [CAPTURED] * 4
