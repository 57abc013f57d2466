"""Render the fingerprint and iris steps at 1366x768 against the simulated device (15-21 in resources/screenshots/).

Each step sits in a window-sized parent, is driven by keyboard like an operator
would, and is grabbed to PNG: 15-sidik-jari (ten fingers, the left slap kept at
a low score after its tries), 16-iris (both eyes), 17-pengecualian-jari (a
finger exception being chosen). Then the flow as `make run` -> demo gives it
(the window starts the simulator): 18-alur-sidik-jari (F4 after the approved
photo), 19-alur-pengecualian-bukti (an exception with its proof photo),
20-alur-iris (F5), 21-tinjau-biometrik (the review with the ten fingers, two
irises and the exception), 22-rekam-baru-biometrik (the form with the rows), 23-pengaturan-biometrik
(Pengaturan's devices and a test capture). `python tests/biometric_screenshots.py flow` makes
only those.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
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


def flow() -> int:
    """The steps inside Rekam Baru of the demo profile, the exception's proof photo, and the review."""
    import tempfile

    import cv2
    import numpy as np

    from app.session import MediaSlot
    from screenshots import demo_window, settle, shoot_with_dialog

    from app.ui.app import make_app

    app = QApplication.instance() or make_app()  # the window's style, as `make run` shows it
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        hand = Path(tmp) / "tangan.png"  # the 'camera' for the proof photo: a generated picture
        rng = np.random.default_rng(3)
        picture = np.full((360, 480, 3), (120, 150, 190), np.uint8)
        cv2.ellipse(picture, (240, 200), (110, 150), 0, 0, 360, (140, 170, 215), -1)
        cv2.imwrite(str(hand), np.clip(picture + rng.integers(0, 20, picture.shape), 0, 255).astype(np.uint8))
        window = demo_window(app, Path(tmp))
        main_area, session = window.main, window.session
        session.settings.set("camera_source", str(hand))
        import datetime as dt
        import random

        from faker import Faker

        from app.core.resident import Resident
        from support.people import GeneratedPeople

        fake = Faker("id_ID")
        fake.seed_instance(1313)
        people = GeneratedPeople(session.regions, fake, random.Random(1313))
        main_area.nav.setCurrentRow(2)
        page = main_area.enroll
        page.start_new(Resident.from_dict(people.resident_data("13.72", dt.date.today())))
        form = page.form
        form.set_photo(MediaSlot(cv2.imencode(".jpg", picture)[1].tobytes(), "image/jpeg",
                                 {"approved_by": "warga"}, True, None, "Foto diambil, disetujui oleh warga."))

        def step_of(key):
            QTest.keyClick(form.nama, key)
            while page.dialog is None or not page.dialog.isVisible():
                app.processEvents()
            step = page.dialog.step
            settle_step(app, step)
            return step

        def settle_step(app, step):
            for _ in range(500):
                QThreadPool.globalInstance().waitForDone(20)
                app.processEvents()
                if not step.busy and step.device is not None:
                    break
            settle(app)

        step = step_of(Qt.Key.Key_F4)
        assert isinstance(step, FingerprintStep)
        for _ in range(2):
            QTest.keyClick(step.diagram, Qt.Key.Key_Space)
            settle_step(app, step)
        shoot_with_dialog(app, window, page.dialog, "18-alur-sidik-jari")
        while step.diagram.current != "Right Thumb":
            QTest.keyClick(step.diagram, Qt.Key.Key_Tab)
        QTest.keyClick(step.diagram, Qt.Key.Key_E)
        while step.panel.current_reason().value != "luka_perban":
            QTest.keyClick(step.panel.reason, Qt.Key.Key_Down)
        QTest.keyClick(step.panel.reason, Qt.Key.Key_F6)
        while step.panel.proof is None:
            QThreadPool.globalInstance().waitForDone(20)
            app.processEvents()
        shoot_with_dialog(app, window, page.dialog, "19-alur-pengecualian-bukti")
        QTest.keyClick(step.panel.save, Qt.Key.Key_Return)
        while step.diagram.current != "Left Thumb":
            QTest.keyClick(step.diagram, Qt.Key.Key_Tab)
        QTest.keyClick(step.diagram, Qt.Key.Key_Space)
        settle_step(app, step)
        QTest.keyClick(step.diagram, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(app)
        iris = step_of(Qt.Key.Key_F5)
        assert isinstance(iris, IrisStep), "the fingerprint step did not finish"
        QTest.keyClick(iris.diagram, Qt.Key.Key_Space)
        settle_step(app, iris)
        shoot_with_dialog(app, window, page.dialog, "20-alur-iris")
        QTest.keyClick(iris.diagram, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(app)
        form.set_signature(MediaSlot(None, "", {}, False, "Warga tidak dapat menandatangani (tangan kaku)",
                                     "Tanpa tanda tangan: tangan kaku"))
        for row in form.findings_panel._rows.values():  # the demo target's own warnings, confirmed
            row.check.setChecked(True)
            row.reason.setText("sudah diperiksa dengan KK")
        assert form.can_complete(), [f.code for f in form.blocking()]
        form.signature_button.setFocus()
        settle(app)
        window.grab().save(str(OUT / "22-rekam-baru-biometrik.png"))
        form.request_save(True)
        while page.review is None or not page.review.isVisible():
            app.processEvents()
        shoot_with_dialog(app, window, page.review, "21-tinjau-biometrik")
        page.review.reject()
        settle(app)
        main_area.nav.setCurrentRow(main_area.PAGES.index("settings"))  # Pengaturan: the devices found, a test
        box = main_area.settings.biometric_box
        while box.searching or not box.devices:
            QThreadPool.globalInstance().waitForDone(20)
            app.processEvents()
        box.test_button.click()
        while box.testing:
            QThreadPool.globalInstance().waitForDone(20)
            app.processEvents()
        scroll = box.parent()
        while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
            scroll = scroll.parent()
        scroll.ensureWidgetVisible(box.status, 0, 40)
        settle(app)
        window.grab().save(str(OUT / "23-pengaturan-biometrik.png"))
        window.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(flow() if sys.argv[1:2] == ["flow"] else main())
