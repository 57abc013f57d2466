"""Render the main screens at 1366x768 into PNG files (`make screenshots`).

Uses a throw-away demo profile (generated residents only) and Qt's offscreen
platform unless a DISPLAY (e.g. Xvfb) is given. Output: resources/screenshots/.
"""

from __future__ import annotations

import datetime as dt
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

from app.core.values import Pekerjaan, Pendidikan  # noqa: E402
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


def shoot_with_dialog(app, window, dialog, name: str) -> Path:
    """The window with `dialog` centred over it, as the operator sees both."""
    from PySide6.QtGui import QPainter

    dialog.move(window.geometry().center() - dialog.rect().center())
    settle(app)
    pixmap = window.grab()
    painter = QPainter(pixmap)
    painter.drawPixmap(dialog.geometry().topLeft() - window.geometry().topLeft(), dialog.grab())
    painter.end()
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print(path)
    return path


def _portrait_and_signature() -> tuple[bytes, bytes]:
    """A drawn stand-in portrait (red background, as the rule asks for the birth year) and a drawn signature."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    def encoded(image: QImage, fmt: str) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, fmt)
        return bytes(data)

    photo = QImage(300, 400, QImage.Format.Format_RGB32)
    photo.fill(QColor("#c0392b"))
    p = QPainter(photo)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#5d4037"))
    p.setBrush(QColor("#1f3b57"))
    p.drawEllipse(QRectF(40, 280, 220, 200))
    p.setBrush(QColor("#c68e63"))
    p.drawEllipse(QRectF(95, 90, 110, 140))
    p.end()
    sign = QImage(600, 200, QImage.Format.Format_RGB32)
    sign.fill(QColor("white"))
    p = QPainter(sign)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#102a6b"), 5))
    path = QPainterPath(QPointF(40, 140))
    path.cubicTo(QPointF(120, 20), QPointF(180, 190), QPointF(260, 90))
    path.cubicTo(QPointF(320, 20), QPointF(380, 170), QPointF(560, 70))
    p.drawPath(path)
    p.end()
    return encoded(photo, "JPG"), encoded(sign, "PNG")


def review_and_receipt(app, window, nik: str) -> None:
    """Rekam Baru from the list, completed: the review, the confirmation, and the receipt (its PDF page)."""
    import shutil
    import subprocess

    from app.core.values import Agama, GolonganDarah, HubunganKeluarga, Pekerjaan, Pendidikan, StatusPerkawinan
    from app.session import MediaSlot
    from app.ui.receipt_pdf import receipt_image, write_receipt_pdf

    main_area = window.main
    main_area.enroll_target(nik)
    page = main_area.enroll
    form = page.form
    resident = form.resident()
    born = resident.tanggal_lahir or dt.date(1980, 1, 1)
    form.load(resident.with_changes(
        tanggal_lahir=born + dt.timedelta(days=1),  # the KK says one day later than the NIK: a warning to confirm
        no_kk=resident.nik[:6] + "0101150003", tempat_lahir=resident.tempat_lahir or "SOLOK",
        agama=Agama.from_code(1), golongan_darah=GolonganDarah.from_code(13),
        status_perkawinan=StatusPerkawinan.from_code(2), hubungan_keluarga=HubunganKeluarga.from_code(1),
        pekerjaan=Pekerjaan.from_code(2), pendidikan=Pendidikan.from_code(5),
        nama_ayah="AHMAD YANI", nama_ibu="NURHAYATI", telepon="081234567890"))
    jpeg, png = _portrait_and_signature()
    form.set_photo(MediaSlot(jpeg, "image/jpeg", {"approved_by": "warga"}, True, None,
                             "Foto diambil, disetujui oleh warga (09:41)."))
    form.set_signature(MediaSlot(png, "image/png", {}, True, None, "Tanda tangan tersimpan."))
    for row in form.findings_panel._rows.values():  # what the checks ask to confirm, confirmed
        row.check.setChecked(True)
        row.reason.setText("NIK lama; tanggal di KK dan akta benar")
    form.request_save(True)
    review = page.review
    shoot_with_dialog(app, window, review, "10-tinjau-rekaman")
    review.confirm_button.click()
    deadline = time.monotonic() + 20
    while review.state != "done" and time.monotonic() < deadline:
        app.processEvents()
    shoot_with_dialog(app, window, review, "11-rekaman-selesai")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bukti.pdf"
        write_receipt_pdf(page.receipt, str(pdf))
        out = OUT / "12-bukti-perekaman"
        if shutil.which("pdftoppm"):  # the PDF as a printer or a viewer shows it
            subprocess.run(["pdftoppm", "-r", "90", "-png", "-singlefile", str(pdf), str(out)], check=True)
        else:
            receipt_image(page.receipt, 744).save(str(out) + ".png")
        print(str(out) + ".png")
    review.accept()
    settle(app)


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
        shoot(app, window, "13-demo-ditolak-server")
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


def exception_photo(app, window, folder: Path) -> Path:
    """The photo with an exception: a tilted-head camera series (a bedridden resident), the best frame,
    its failed checks and the reason; the step's dialog drawn over the window as on a 1366x768 screen."""
    import cv2
    from PySide6.QtGui import QColor, QPainter, QPen

    from support.capture import capture_cases

    cases = capture_cases()
    folder.mkdir(parents=True, exist_ok=True)
    for i, angle in enumerate((40, 16, 50)):
        cv2.imwrite(str(folder / f"{i}.png"), cases.rotated(angle))
    window.session.set_setting("camera_source", str(folder))
    enroll = window.main.enroll
    enroll.open_photo_step()
    dialog = enroll.dialog
    step = dialog.step
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (step.camera.worker is None or step.camera.worker.frames_assessed < 4):
        app.processEvents()
    step.show_exception()
    while time.monotonic() < deadline and step.page != "exception":
        app.processEvents()
    step.set_exception_reason("terbaring")
    settle(app, 300)
    screen = window.grab()
    painter = QPainter(screen)
    shot = dialog.grab()
    x, y = (screen.width() - shot.width()) // 2, (screen.height() - shot.height()) // 2
    painter.drawPixmap(x, y, shot)
    painter.setPen(QPen(QColor("#1f3b57"), 2))  # the dialog's edge (offscreen windows have no frame)
    painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    path = OUT / "09-foto-pengecualian.png"
    screen.save(str(path))
    print(path)
    step.stop_camera()
    dialog.reject()
    return path


def wait_for_reports(app, page) -> None:
    """Until Laporan shows its figures (they come from the database worker)."""
    deadline = time.monotonic() + 60
    while page is not None and not page.loaded and time.monotonic() < deadline:
        app.processEvents()


def progress_report(app, window) -> Path:
    """Laporan per RT after its figures arrive, the table sorted by progress (the chart follows)."""
    from PySide6.QtCore import Qt

    from app.core.progress import Grouping

    main_area = window.main
    main_area.nav.setCurrentRow(main_area.PAGES.index("reports"))
    page = main_area.reports
    page.refresh()
    wait_for_reports(app, page)
    page.grouping.setCurrentIndex(page.grouping.findData(Grouping.RT.value))
    page.table.sortByColumn(len(page.table_data.headers) - 1, Qt.SortOrder.DescendingOrder)
    return shoot(app, window, "14-laporan")


def demo_window(app, data: Path) -> AppWindow:
    """The window at 1366x768 with the demo profile open in `data` (as "Buka profil demo" does)."""
    window = AppWindow(data)
    window.resize(*SIZE)
    window.show()
    window.open_demo()
    while window.main is None:
        app.processEvents()
    return window


def laporan_only() -> int:
    """Only Laporan, per kelurahan and per RT (``tests/screenshots.py laporan``)."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        window = demo_window(app, Path(tmp))
        window.main.nav.setCurrentRow(window.main.PAGES.index("reports"))
        wait_for_reports(app, window.main.reports)
        shoot(app, window, "06-laporan")
        progress_report(app, window)
        window.close()
    return 0


def exception_only() -> int:
    """Only the exception photo (``tests/screenshots.py exception``)."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        window = AppWindow(Path(tmp))
        window.resize(*SIZE)
        window.show()
        window.open_demo()
        while window.main is None:
            app.processEvents()
        window.main.enroll_target(window.main.targets.model.nik_at(0))
        exception_photo(app, window, Path(tmp) / "kamera")
        window.close()
    return 0


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
        # photo and signature only here: the fingerprint and iris steps have their own (biometric_screenshots.py flow)
        window.session.settings.set("biometrics_mode", "off")
        shoot(app, window, "02-beranda")
        main_area.nav.setCurrentRow(1)
        shoot(app, window, "03-daftar-warga")
        nik = main_area.targets.model.nik_at(0)
        main_area.enroll_target(nik)
        form = main_area.enroll.form
        form.no_kk.setText(form.nik.text()[:6] + "0101150003")
        form.tempat_lahir.setText("SOLOK")
        form.nik.setText(form.nik.text()[:6] + "010101" + form.nik.text()[12:])  # a warning: dates differ
        form.telepon.setText("0812")  # an error
        form.rw.setText("0")  # an error
        form.pendidikan.set_value(Pendidikan.TIDAK_BELUM_SEKOLAH)  # long list values, shown whole
        form.pekerjaan.set_value(Pekerjaan.MENGURUS_RUMAH_TANGGA)
        form.telepon.setFocus()
        shoot(app, window, "04-rekam-baru")
        for row, name in [(3, "05-antrian-sinkron"), (4, "06-laporan")]:
            main_area.nav.setCurrentRow(row)
            wait_for_reports(app, main_area.reports if name == "06-laporan" else None)
            shoot(app, window, name)
        progress_report(app, window)
        main_area.nav.setCurrentRow(1)
        review_and_receipt(app, window, main_area.targets.model.nik_at(1))
        exception_photo(app, window, data / "kamera")
        camera_settings(app, window, data / "kamera-pengaturan")
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
    only = {"exception": exception_only, "laporan": laporan_only}
    raise SystemExit(only[sys.argv[1]]() if sys.argv[1:2] and sys.argv[1] in only else main())
