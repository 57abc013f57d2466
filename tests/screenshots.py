"""Render the main screens at 1366x768 into PNG files (`make screenshots`).

Uses a throw-away demo profile (generated residents only) and Qt's offscreen
platform unless a DISPLAY (e.g. Xvfb) is given. Output: resources/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.app import make_app  # noqa: E402
from app.ui.main_window import AppWindow  # noqa: E402

OUT = Path(os.environ.get("JEMPUT_SCREENSHOTS", ROOT / "resources" / "screenshots"))
SIZE = (1366, 768)


def settle(app: QApplication, ms: int = 150) -> None:
    loop_done = []
    QTimer.singleShot(ms, lambda: loop_done.append(1))
    while not loop_done:
        app.processEvents()


def shoot(app, window, name: str) -> Path:
    settle(app)
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(path)
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        window = AppWindow(data)
        window.resize(*SIZE)
        window.show()
        shoot(app, window, "01-selamat-datang")
        window.open_demo()
        while window.main is None:
            app.processEvents()
        main_area = window.main
        shoot(app, window, "02-beranda")
        main_area.nav.setCurrentRow(1)
        shoot(app, window, "03-daftar-warga")
        nik = main_area.targets.model.nik_at(0)
        main_area.enroll_target(nik)
        form = main_area.enroll.form
        form.no_kk.setText(form.nik.text()[:6] + "0101150003")
        form.tempat_lahir.setText("SOLOK")
        form.nik.setText(form.nik.text()[:6] + "010101" + form.nik.text()[12:])
        shoot(app, window, "04-rekam-baru")
        for row, name in [(3, "05-antrian-sinkron"), (4, "06-laporan"), (5, "07-pengaturan")]:
            main_area.nav.setCurrentRow(row)
            shoot(app, window, name)
        window.close()
        second = AppWindow(data / "demo")
        second.resize(*SIZE)
        second.show()
        shoot(app, second, "00-buka-kunci")
        second.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
