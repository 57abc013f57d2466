"""The camera chooser: cameras found (Linux device folders), file and folder sources, switching the
photo step's preview, "none found" saying what to check, and Pengaturan's live preview and test photo.

Real image files and folders are the cameras; the Linux device list is read from real folders
laid out as /dev and /sys/class/video4linux are.
"""

from __future__ import annotations

import functools

import cv2
import pytest

from app.capture.camera_list import CameraChoice, list_cameras, source_choice
from support.profiles import PASSPHRASE


def _device_tree(root, nodes: dict[int, tuple[str, str]]):
    """Folders laid out as /dev and /sys/class/video4linux: {N: (name, index)}."""
    dev, sysfs = root / "dev", root / "sys"
    dev.mkdir()
    sysfs.mkdir()
    for n, (name, index) in nodes.items():
        (dev / f"video{n}").write_bytes(b"")
        node = sysfs / f"video{n}"
        node.mkdir()
        (node / "name").write_text(name + "\n", encoding="utf-8")
        (node / "index").write_text(index + "\n", encoding="utf-8")
    (dev / "videodev").write_bytes(b"")  # not a camera node
    return dev, sysfs


@pytest.fixture
def sources(tmp_path, cases):
    """Two real sources that look different: a folder of 640x480 frames and one 800x600 picture."""
    folder = tmp_path / "kamera-folder"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), cases.clean())
    still = tmp_path / "kamera-foto.png"
    cv2.imwrite(str(still), cv2.resize(cases.clean(), (800, 600)))
    return str(folder), str(still)


def test_linux_cameras_are_listed_by_name_once_each(tmp_path, sources):
    dev, sysfs = _device_tree(tmp_path, {0: ("Integrated Camera: Integrated C", "0"),
                                         1: ("Integrated Camera: Integrated C", "1"),
                                         2: ("USB\n  Camera   " + "x" * 200, "0"), 10: ("", "")})
    folder, still = sources
    found = list_cameras([folder, still, folder, str(tmp_path / "hilang"), "rtsp://u:p@host/x", "", "2"],
                         dev_dir=dev, sysfs_dir=sysfs, platform="linux")
    assert [c.spec for c in found] == [0, 2, 10, folder, still]
    assert found[0].label == "Kamera 0 — Integrated Camera: Integrated C"
    assert found[1].label.startswith("Kamera 2 — USB Camera xxx") and len(found[1].label) <= 75
    assert found[2].label == "Kamera 10"
    assert found[3].label == "Folder: kamera-folder" and found[4].label == "Berkas: kamera-foto.png"
    assert str(tmp_path) not in "".join(c.label for c in found), "labels hold no full path"
    assert all(c.is_camera for c in found[:3]) and not found[3].is_camera


def test_nothing_found_without_devices(tmp_path):
    assert list_cameras([], dev_dir=tmp_path / "tidak-ada", sysfs_dir=tmp_path, platform="linux") == []
    assert list_cameras(["0"], platform="sunos") == [CameraChoice(0, "Kamera 0")]
    assert source_choice("  ") is None


def _no_devices(chooser, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    chooser.lister = functools.partial(list_cameras, dev_dir=empty, sysfs_dir=empty, platform="linux")


def test_the_photo_step_lists_the_sources_and_switches_the_preview(qtbot, photo_step, sources, tmp_path):
    folder, still = sources
    chooser = photo_step.camera_chooser
    assert chooser.combo.count() == 0 and not chooser.none_found, "nothing is claimed before a search"
    _no_devices(chooser, tmp_path)
    photo_step.show()
    photo_step.start_camera(folder)
    with qtbot.waitSignal(chooser.listed, timeout=10_000):
        photo_step.find_cameras([folder, still], folder)
    assert [chooser.combo.itemText(i) for i in range(chooser.combo.count())] == [
        "Folder: kamera-folder", "Berkas: kamera-foto.png"]
    assert chooser.combo.currentIndex() == 0 and chooser.combo.isEnabled()
    qtbot.waitUntil(lambda: photo_step.live.image is not None and photo_step.live.image.width() == 640,
                    timeout=15_000)

    chosen = []
    chooser.chosen.connect(chosen.append)
    chooser.combo.setCurrentIndex(1)
    chooser.combo.activated.emit(1)  # what a click on the entry sends
    assert chosen == [still] and photo_step.camera.spec == still
    qtbot.waitUntil(lambda: photo_step.live.image is not None and photo_step.live.image.width() == 800,
                    timeout=15_000)
    assert photo_step.camera_state == "on"


def test_a_missing_camera_falls_back_to_the_first_source_found(qtbot, photo_step, sources, tmp_path):
    folder, _still = sources
    _no_devices(photo_step.camera_chooser, tmp_path)
    photo_step.show()
    photo_step.start_camera(7)  # /dev/video7 does not exist
    photo_step.find_cameras([folder], 7)
    qtbot.waitUntil(lambda: photo_step.live.image is not None, timeout=15_000)
    assert photo_step.camera.spec == folder


def test_no_camera_found_says_what_to_check(qtbot, photo_step, tmp_path, cases):
    chooser = photo_step.camera_chooser
    _no_devices(chooser, tmp_path)
    photo_step.show()
    photo_step.start_camera(7)
    with qtbot.waitSignal(chooser.listed, timeout=10_000):
        photo_step.find_cameras([], 7)
    qtbot.waitUntil(lambda: photo_step.camera_state == "failed", timeout=10_000)
    qtbot.wait(300)  # the camera's own "not found" arrives too: the message stays
    text = photo_step.camera_message.text()
    assert chooser.none_found and not chooser.combo.isEnabled()
    assert chooser.combo.currentText() == "Tidak ada kamera ditemukan"
    assert "Tidak ada kamera yang terdeteksi" in text
    assert "kabel USB" in text and "privasi" in text and "Cari ulang" in text
    assert "pilih kamera lain" not in text, "there is no other camera to pick"
    assert not photo_step.retry_button.isVisible()

    # A camera appears (here: a folder source), "Cari ulang": it is listed and opens.
    folder = tmp_path / "baru"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), cases.clean())
    with qtbot.waitSignal(chooser.listed, timeout=10_000):
        photo_step.find_cameras([str(folder)], None)
    qtbot.waitUntil(lambda: photo_step.live.image is not None, timeout=15_000)
    assert not chooser.none_found and photo_step.camera.spec == str(folder)


# ------------------------------------------------------------------ Pengaturan

@pytest.fixture
def settings_page(qtbot, profile_dir, sources, tmp_path):
    from app.session import Session
    from app.ui.pages.settings import SettingsPage

    session = Session.open(profile_dir, PASSPHRASE)
    folder, still = sources
    session.choose_camera(folder)
    session.choose_camera(still)
    session.choose_camera(folder)
    page = SettingsPage(session)
    _no_devices(page.camera_box.chooser, tmp_path)
    qtbot.addWidget(page)
    page.resize(1176, 700)
    page.refresh()
    yield page, session
    page.hide()
    session.close()


def test_settings_shows_a_live_preview_and_takes_a_test_photo(qtbot, settings_page, sources):
    page, session = settings_page
    folder, still = sources
    box = page.camera_box
    page.show()
    qtbot.waitUntil(lambda: box.frames_shown >= 2, timeout=15_000)
    assert box.preview.image() is not None and box.preview.image().width() == 640
    assert [box.chooser.combo.itemText(i) for i in range(box.chooser.combo.count())] == [
        "Folder: kamera-folder", "Berkas: kamera-foto.png"]
    qtbot.waitUntil(box.test_button.isEnabled, timeout=5_000)
    box.test_button.click()
    qtbot.waitUntil(lambda: box.test_view.image() is not None, timeout=15_000)
    assert box.test_view.image().height() > box.test_view.image().width(), "a 3:4 pas foto was cut"
    assert "Foto uji 640×480 piksel" in box.status.text()

    box.chooser.combo.setCurrentIndex(1)
    box.chooser.combo.activated.emit(1)
    qtbot.waitUntil(lambda: box.preview.image() is not None and box.preview.image().width() == 800,
                    timeout=15_000)
    page.save.click()
    assert session.camera_source() == still
    assert session.camera_sources() == [folder, still]

    page.hide()  # leaving Pengaturan stops the camera
    assert not box.camera.is_running


def test_settings_without_any_camera_says_what_to_check(qtbot, settings_page):
    page, session = settings_page
    session.set_setting("camera_source", "7")
    session.set_setting("camera_sources", [])
    page.show()
    qtbot.waitUntil(lambda: "Tidak ada kamera yang terdeteksi" in page.camera_box.status.text(), timeout=15_000)
    assert not page.camera_box.test_button.isEnabled()


def test_a_preview_whose_page_is_destroyed_while_showing_still_ends(qtbot, profile_dir, sources, tmp_path):
    """Deleted without being hidden first (no hideEvent): the camera thread ends by itself."""
    from shiboken6 import delete

    from app.session import Session
    from app.ui.camera_worker import parked_count, wait_parked
    from app.ui.pages.settings import SettingsPage

    session = Session.open(profile_dir, PASSPHRASE)
    try:
        session.choose_camera(sources[0])
        page = SettingsPage(session)
        _no_devices(page.camera_box.chooser, tmp_path)
        page.show()
        box = page.camera_box
        qtbot.waitUntil(lambda: box.frames_shown >= 1, timeout=15_000)
        thread = box.camera._thread
        delete(page)  # the C++ side goes at once, as a parent's deletion does
        assert parked_count() == 1 or not thread.isRunning()
        assert wait_parked(5000) and not thread.isRunning()
    finally:
        session.close()
