"""Render the fingerprint and iris steps at 1366x768 against the simulated device (15-17 in resources/screenshots/).

Each step sits in a window-sized parent, is driven by keyboard like an operator
would, and is grabbed to PNG: 15-sidik-jari (ten fingers, the left slap kept at
a low score after its tries), 16-iris (both eyes), 17-pengecualian-jari (a
finger exception being chosen).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from app.biometrics.client import SbiClient  # noqa: E402
from app.biometrics.simulator import Simulator  # noqa: E402
from app.biometrics.stream import decode_view  # noqa: E402
from app.ui.widgets.fingerprint_step import FingerprintStep  # noqa: E402
from app.ui.widgets.iris_step import IrisStep  # noqa: E402

OUT = Path(os.environ.get("JEMPUT_SCREENSHOTS", ROOT / "resources" / "screenshots"))


def settle(app: QApplication, step=None) -> None:
    for _ in range(400):
        QThreadPool.globalInstance().waitForDone(20)
        app.processEvents()
        if step is None or (not step.busy and step.device is not None):
            break
    for _ in range(20):
        app.processEvents()


def window(cls, sim):
    parent = QWidget()
    parent.resize(1366, 768)
    step = cls(client=SbiClient(decode=decode_view), ports=[sim.port], timeout_ms=3000)
    QVBoxLayout(parent).addWidget(step)
    parent.show()
    step.window_for_shot = parent
    return step


def key(app, step, k):
    QTest.keyClick(step.diagram, k)
    settle(app, step)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    with Simulator() as sim:
        step = window(FingerprintStep, sim)
        settle(app, step)
        step.diagram.setFocus()
        sim.set_faults("low_score", low_score=33)
        for _ in range(3):
            key(app, step, Qt.Key.Key_Space)
        sim.set_faults()
        key(app, step, Qt.Key.Key_Space)
        settle(app, step)
        step.window_for_shot.grab().save(str(OUT / "15-sidik-jari.png"))
        while step.diagram.current != "Left LittleFinger":
            QTest.keyClick(step.diagram, Qt.Key.Key_Tab)
        QTest.keyClick(step.diagram, Qt.Key.Key_E)
        QTest.keyClick(step.panel.reason, Qt.Key.Key_Down)
        QTest.keyClick(step.panel.reason, Qt.Key.Key_Down)
        settle(app)
        step.window_for_shot.grab().save(str(OUT / "17-pengecualian-jari.png"))
        QTest.keyClick(step.panel.reason, Qt.Key.Key_Return)
        step.window_for_shot.close()

        iris = window(IrisStep, sim)
        settle(app, iris)
        iris.diagram.setFocus()
        key(app, iris, Qt.Key.Key_Space)
        iris.window_for_shot.grab().save(str(OUT / "16-iris.png"))
        iris.window_for_shot.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
