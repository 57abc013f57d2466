"""Pengaturan's "Perangkat biometrik": the devices found off the GUI thread, a test capture, the mode and
the requested scores kept (real page, real profile, the SBI simulator)."""

from __future__ import annotations

from app.core.biometric_requirement import BiometricMode
from app.core.messages import render
from app.session import SBI_PORTS_KEY
from app.ui.pages.settings import SettingsPage

from support.window import show_window


def _page(qtbot, session, ports) -> SettingsPage:
    session.settings.set(SBI_PORTS_KEY, list(ports))
    page = SettingsPage(session)
    page.refresh()
    show_window(qtbot, page)
    return page


def test_devices_found_tested_and_the_mode_and_scores_kept(qtbot, session, simulator):
    page = _page(qtbot, session, [simulator.port])
    box = page.biometric_box
    qtbot.waitUntil(lambda: not box.searching and bool(box.devices), timeout=10_000)
    listed = box.device_list.text()
    assert f"Sidik jari: Simulator Finger (port {simulator.port}) \u2014 siap" in listed
    assert f"Iris: Simulator Iris (port {simulator.port}) \u2014 siap" in listed
    box.chooser.setCurrentIndex(next(i for i, d in enumerate(box.devices) if d.device_type == "Finger"))
    before = simulator.captures()
    box.test_button.click()
    qtbot.waitUntil(lambda: not box.testing, timeout=15_000)
    assert "Uji rekam berhasil: 4 gambar" in box.status.text() and box.test_view.pixmap() is not None
    assert simulator.captures() == before + 1
    assert session.recordings.list() == []  # a test capture stores nothing

    assert box.chosen_mode() is BiometricMode.OFF  # a profile that never chose
    box.mode.setCurrentIndex(box.mode.findData(BiometricMode.REQUIRED.value))
    box.finger.setValue(50)
    box.tries.setValue(2)
    page.save.click()
    assert session.biometric_mode() is BiometricMode.REQUIRED
    policy = session.biometric_policy()
    assert policy.finger == 50 and policy.tries == 2 and policy.iris == 60


def test_no_device_is_said_in_words_and_a_busy_test_capture_too(qtbot, session, simulator):
    page = _page(qtbot, session, [9])  # nothing listens there
    box = page.biometric_box
    qtbot.waitUntil(lambda: not box.searching and box.device_list.text() == render("sbi.no_device"), timeout=10_000)
    assert not box.test_button.isEnabled()
    session.settings.set(SBI_PORTS_KEY, [simulator.port])
    box.search()
    qtbot.waitUntil(lambda: not box.searching and bool(box.devices), timeout=10_000)
    simulator.set_faults("busy")
    box.test_button.click()
    qtbot.waitUntil(lambda: not box.testing, timeout=15_000)
    assert box.status.text() == render("sbi.busy")
