"""Demo stays demo in the window: DEMO on every page of a demo profile, never on a real one,
no demo button on a real profile's unlock page, and registration refused by a server that is no demo server.

Real window offscreen at 1366x768, real encrypted profiles (the demo one filled as the
demo is, with a cheap KDF), a real `jemput-server` on 127.0.0.1.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton

from app.demo.passphrase import DEMO_PASSPHRASE
from app.demo.profile import fill_demo
from app.session import DEMO_FOLDER
from app.store.database import create_profile
from app.ui.main_window import AppWindow
from support.profiles import FAST_KDF, PASSPHRASE
from support.server import prepare_server_data, start_server
from support.window import show_window
from sync.client import Keys


@pytest.fixture
def demo_window(qtbot, tmp_path):
    """The window after "Buka profil demo" on the welcome page (a laptop with no real profile)."""
    with create_profile(tmp_path / DEMO_FOLDER, DEMO_PASSPHRASE, kdf_params=FAST_KDF) as store:
        fill_demo(store, count=30)
    win = AppWindow(tmp_path)
    show_window(qtbot, win)
    assert win.stack.currentWidget() is win.welcome
    win.welcome.demo_button.click()
    qtbot.waitUntil(lambda: win.main is not None, timeout=20_000)
    yield win
    win.close()


def _banner_shown(win) -> bool:
    banner = win.demo_banner
    inside = win.rect().contains(QRect(banner.mapTo(win, QPoint(0, 0)), banner.size()))
    colour = banner.grab().toImage().pixelColor(2, 2)  # amber, whatever style sheet the app loaded
    amber = colour.red() > 230 and 140 < colour.green() < 180 and colour.blue() < 40
    return banner.isVisible() and "DEMO" in banner.text() and banner.height() >= 24 and inside and amber


def test_every_page_of_a_demo_profile_says_demo(qtbot, demo_window):
    win = demo_window
    assert win.session.is_demo
    for row in range(win.main.nav.count()):
        win.main.nav.setCurrentRow(row)
        qtbot.wait(20)
        page = win.main.stack.currentWidget()
        assert _banner_shown(win), f"no DEMO banner on page {row}"
        assert win.demo_banner.mapTo(win, QPoint(0, 0)).y() < page.mapTo(win, QPoint(0, 0)).y(), \
            "the banner sits above the page"
        assert win.windowTitle().startswith("DEMO")
        assert win.demo_status.isVisible() and win.demo_status.text() == "DEMO"
    win.change_language("en")  # rebuilt in English: still marked
    assert _banner_shown(win) and win.windowTitle().startswith("DEMO (training)")
    win.change_language("id")


def test_a_demo_profile_cannot_register_with_a_real_server_from_the_window(qtbot, demo_window, tmp_path):
    server = start_server(prepare_server_data(tmp_path / "server"))
    try:
        win = demo_window
        win.main.nav.setCurrentRow(3)
        page = win.main.queue
        assert page.register_box.isVisible()
        page.server_edit.setText(server.url)
        page.code_edit.setText(server.enrollment_code())
        page.register_button.click()
        qtbot.waitUntil(lambda: page.register_button.isEnabled(), timeout=20_000)
        assert "Profil DEMO hanya boleh didaftarkan ke server latihan" in page.register_message.text()
        assert page.register_message.objectName() == "errorText"
        assert win.session.get_setting(Keys.TOKEN) is None
        assert server.access_lines('"POST /devices/register') == 0
    finally:
        server.stop()
        server.dispose()


def test_a_real_profile_has_no_demo_anywhere(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    try:
        assert win.stack.currentWidget() is win.unlock
        texts = [b.text().lower() for b in win.unlock.findChildren(QPushButton)]
        assert texts and not any("demo" in t for t in texts), texts
        assert not hasattr(win.unlock, "demo_button")
        assert not win.demo_banner.isVisible() and "DEMO" not in win.windowTitle()
        win.unlock.passphrase.setText(PASSPHRASE)
        win.unlock.unlock_button.click()
        qtbot.waitUntil(lambda: win.main is not None, timeout=20_000)
        assert not win.session.is_demo
        for row in range(win.main.nav.count()):
            win.main.nav.setCurrentRow(row)
            assert not win.demo_banner.isVisible() and not win.demo_status.isVisible()
            assert "DEMO" not in win.windowTitle()
    finally:
        win.close()


def test_the_window_fits_a_1366x768_screen_on_every_page(demo_window):
    """No page may ask for more height than a 1366x768 screen leaves under a taskbar (~40 px): a taller
    page makes the whole window taller than the screen and cuts off its bottom (Selesai, the status bar)."""
    win = demo_window
    pages = win.main.pages()  # every page built (each is built when first shown)
    assert len(pages) == win.main.nav.count() == win.main.stack.count()
    assert win.minimumSizeHint().height() <= 728, win.minimumSizeHint()
    for row, page in enumerate(pages):
        assert page.minimumSizeHint().height() <= 660, (row, type(page).__name__, page.minimumSizeHint())
    widths = {type(page).__name__: page.minimumSizeHint().width() for page in pages}
    assert win.minimumSizeHint().width() <= 1366, (win.minimumSizeHint(), widths)


def test_the_demo_starts_its_biometric_devices_and_stops_them_on_exit(qtbot, demo_window):
    from app.biometrics.discovery import discover_port
    from app.core.biometric_requirement import BiometricMode

    win = demo_window
    sim = win.demo_devices
    assert sim is not None and 4501 <= sim.port <= 4600  # where the steps look for devices
    assert {d.device_type for d in discover_port(sim.port)} == {"Finger", "Iris"}
    assert win.session.biometric_mode() is BiometricMode.OPTIONAL  # the steps are in the flow out of the box
    assert win.main.enroll.form.fingerprint_button.isVisibleTo(win.main.enroll.form)
    win.close()
    assert win.demo_devices is None and discover_port(sim.port) == []
