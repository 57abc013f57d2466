"""The Qt binding we run on does not corrupt reference counts when signals fire.

PySide6 6.12.0 dropped a reference to True on every Signal.emit(); after a few
thousand emissions the interpreter aborts ("deallocating True or False"). The
app emits signals on every keystroke, so a long enrollment session would crash.
pyproject.toml excludes that release; this test catches a regression.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    value = Signal(object)


def test_signal_emit_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.value.connect(received.append)
    before = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
    for i in range(300):
        emitter.value.emit(None if i % 2 else i)
    after = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
    assert len(received) == 300
    assert after["True"] >= before["True"] - 5, after
    assert after["False"] >= before["False"] - 5, after
    assert after["None"] >= before["None"] - 5, after
