"""Pengaturan → Cadangan: a backup to a folder on the database worker with a progress bar,
its result line and the last backup; and the window opening a backup folder directly."""

from __future__ import annotations

import re
import threading

import pytest
from faker import Faker
from PySide6.QtCore import Qt

from app.core.lifecycle import RecordingStatus
from app.core.resident import Resident
from app.store.backup import list_backups
from app.store.database import open_profile
from app.store.media import MediaItem
from app.store.recordings import Recording
from app.ui.pages.settings import SettingsPage
from support.profiles import PASSPHRASE

pytestmark = pytest.mark.gui


def _record(session, count: int) -> list[Recording]:
    fake = Faker("id_ID")
    fake.seed_instance(4417)
    recs = []
    for _ in range(count):
        resident = Resident(nik=f"167101{fake.random_int(1, 28):02d}0790{fake.random_int(1, 9999):04d}",
                            nama=fake.name().upper(), alamat=fake.street_address().upper(),
                            kelurahan_kode="16.71.01.1001", rt="001", rw="002")
        rec = Recording.new(resident, operator="Operator Uji", status=RecordingStatus.COMPLETE)
        session.recordings.save(rec, [MediaItem("photo", "image/jpeg", b"\xff\xd8" + bytes(300_000), {})],
                                enqueue=True)
        recs.append(rec)
    return recs


def test_backup_from_pengaturan_runs_on_the_worker_and_reports(qtbot, session, tmp_path):
    recs = _record(session, 8)
    usb = tmp_path / "flashdisk"
    usb.mkdir()
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.backup_last.text() == "Cadangan terakhir: belum pernah"
    assert page.backup_button.text() == "Cadangkan ke…" and not page.backup_progress.isVisible()

    gui_thread = threading.get_ident()
    emitted: list[tuple[int, int]] = []
    page._backupProgress.connect(lambda value: emitted.append((value, threading.get_ident())),
                                 Qt.ConnectionType.DirectConnection)
    seen_values: list[int] = []
    page.backup_progress.valueChanged.connect(seen_values.append)
    assert page.start_backup(usb) is True
    assert page.start_backup(usb) is False  # one at a time
    assert not page.backup_button.isEnabled() and page.backup_progress.isVisible()
    qtbot.waitUntil(lambda: not page.backup_running, timeout=20_000)

    [folder] = list_backups(usb)
    assert emitted and all(thread != gui_thread for _v, thread in emitted)  # never the GUI thread
    assert emitted[-1][0] == 1000 and len(seen_values) >= 2 and seen_values[-1] == 1000
    size = f"{sum(p.stat().st_size for p in folder.iterdir()) / (1024 * 1024):.1f}".replace(".", ",")
    assert page.backup_result.text() == f"Cadangan tersimpan: {folder}, 8 rekaman, {size} MB"
    assert page.backup_result.objectName() == "okText" and page.backup_button.isEnabled()
    assert re.fullmatch(r"Cadangan terakhir: \d\d-\d\d-\d{4} \d\d:\d\d", page.backup_last.text())
    assert page.backup_last.toolTip() == str(folder) and not page.backup_progress.isVisible()
    with open_profile(folder, PASSPHRASE) as copy:
        assert {row[0] for row in copy.query("SELECT uuid FROM recordings")} == {r.uuid for r in recs}

    shown = page.backup_last.text()
    page.refresh()  # the last backup survives a refresh (it is a setting)
    assert page.backup_last.text() == shown and page.backup_last.toolTip() == str(folder)


def test_a_refused_backup_says_why_in_pengaturan(qtbot, session, tmp_path):
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.start_backup(tmp_path / "tidak-dicolok")
    qtbot.waitUntil(lambda: not page.backup_running, timeout=10_000)
    assert page.backup_result.text().startswith("Cadangan gagal: Folder tujuan tidak ditemukan")
    assert page.backup_result.objectName() == "errorText"
    assert not page.backup_progress.isVisible() and page.backup_button.isEnabled()
    page.start_backup(session.data_dir)  # the profile folder itself
    qtbot.waitUntil(lambda: not page.backup_running, timeout=10_000)
    assert "di dalam folder profil" in page.backup_result.text()
    assert page.backup_last.text() == "Cadangan terakhir: belum pernah"


def test_the_window_opens_a_backup_folder_directly(qtbot, session, tmp_path):
    from app.ui.main_window import AppWindow

    _record(session, 3)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = session.backup(usb)
    win = AppWindow(result.folder)  # what `jemput --data <backup folder>` opens
    qtbot.addWidget(win)
    win.try_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)
    try:
        assert win.session.data_dir == result.folder
        assert win.session.recordings.count() == 3
    finally:
        win.close()
