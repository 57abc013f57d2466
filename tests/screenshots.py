"""Render the main screens at 1366x768 into PNG files (`make screenshots`).

Uses a throw-away demo profile (generated residents only) and Qt's offscreen
platform unless a DISPLAY (e.g. Xvfb) is given. Output: resources/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.app import make_app  # noqa: E402
from app.ui.main_window import AppWindow  # noqa: E402
from support.server import prepare_server_data, start_server  # noqa: E402

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


def synced(app, window, server_data: Path) -> None:
    """Antrian & Sinkron after registering with a real server and one sync."""
    server = start_server(prepare_server_data(server_data), "--demo")  # the demo registers with a demo server only
    url, code = server.url, server.enrollment_code("13.72", "Tim Demo")
    try:
        page = window.main.queue
        window.main.nav.setCurrentRow(3)
        page.server_edit.setText(url)
        page.code_edit.setText(code)
        page.register_button.click()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and window.session.status_counts().get("queued", 0):
            app.processEvents()
        settle(app, 500)
        page.refresh()
        shoot(app, window, "05b-antrian-sinkron-terkirim")
    finally:
        window.sync_worker.stop()
        server.stop()
        server.dispose()


def demo_refused(app, window, server_data: Path) -> None:
    """Antrian & Sinkron after the demo profile tried to register with a server that is no demo server."""
    server = start_server(prepare_server_data(server_data))
    try:
        page = window.main.queue
        window.main.nav.setCurrentRow(3)
        page.server_edit.setText(server.url)
        page.code_edit.setText(server.enrollment_code("13.72", "Tim Nyata"))
        page.register_button.click()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not page.register_button.isEnabled():
            app.processEvents()
        shoot(app, window, "09-demo-ditolak-server")
        page.server_edit.clear()
        page.code_edit.clear()
        page.register_message.clear()
    finally:
        server.stop()
        server.dispose()


def camera_settings(app, window, folder: Path) -> None:
    """Pengaturan with a folder of pictures as the camera: the live preview and a test photo."""
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "faces" / "obama.jpg", folder / "warga-contoh.jpg")
    window.session.choose_camera(str(folder))
    window.main.nav.setCurrentRow(5)
    box = window.main.settings.camera_box
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not box.test_button.isEnabled():
        app.processEvents()
    box.test_capture()
    while time.monotonic() < deadline and box.test_view.image() is None:
        app.processEvents()
    shoot(app, window, "07-pengaturan")


def english_form(app, window) -> None:
    """The form in English (a long-text layout check)."""
    window.change_language("en")
    main_area = window.main
    main_area.new_recording()
    form = main_area.enroll.form
    form.nik.setText("1372013104010003")  # 31 April: a finding next to the field
    form.nama.setText("Siti Nur'aini")
    shoot(app, window, "08-rekam-baru-english")
    window.change_language("id")


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
        for row, name in [(3, "05-antrian-sinkron"), (4, "06-laporan")]:
            main_area.nav.setCurrentRow(row)
            shoot(app, window, name)
        camera_settings(app, window, data / "kamera")
        demo_refused(app, window, data / "server-nyata")
        synced(app, window, data / "server")
        english_form(app, window)
        window.close()
        second = AppWindow(data / "demo")
        second.resize(*SIZE)
        second.show()
        shoot(app, second, "00-buka-kunci")
        second.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
