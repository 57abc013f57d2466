"""Nothing typed is lost: every way out of a form keeps the typing as a draft and says where it went.

The real window on a real encrypted profile, driven through its widgets: Tutup, Ctrl+N, a resident
opened from Daftar Warga, a page shortcut or a sidebar click, closing the window, the autosave timer
alone, and the process killed with SIGKILL after the autosave.
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.lifecycle import RecordingStatus
from app.core.nik import build_nik
from app.session import Session
from app.ui.main_window import AppWindow
from app.ui.pages.enroll import AUTOSAVE_MS
from app.ui.workers import db_pool

from support.profiles import PASSPHRASE
from support.window import show_window

DRIVER = Path(__file__).with_name("draft_crash_driver.py")
NIK = "13720154058"  # half typed
NAMA = "budi santoso"
KEPT = "Draf tersimpan: BUDI SANTOSO — buka dari Beranda."
SAVED_WITHIN_MS = AUTOSAVE_MS + 4000


def _unlock(qtbot, win) -> None:
    qtbot.keyClicks(win.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def window(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    _unlock(qtbot, win)
    yield win
    win.close()  # stops the sync worker and waits for database jobs before the session closes


def _type_resident(qtbot, win):
    """Ctrl+N, then a half-typed NIK and a name: the typing a way out must keep."""
    _key(qtbot, Qt.Key.Key_N)
    form = win.main.enroll.form
    assert QApplication.focusWidget() is form.nik
    qtbot.keyClicks(form.nik, NIK)
    qtbot.keyClicks(form.nama, NAMA)
    return form


def _drafts(session) -> list:
    return [r for r in session.recordings.list(limit=50) if r.status is RecordingStatus.DRAFT]


def _typed_draft_kept(qtbot, win) -> None:
    """One draft holds the typing, and the status bar says where it went."""
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == KEPT, timeout=SAVED_WITHIN_MS)
    (draft,) = _drafts(win.session)
    assert (draft.resident.nik, draft.resident.nama) == (NIK, "BUDI SANTOSO")


def test_tutup_keeps_the_typing_and_empties_the_form(qtbot, window):
    form = _type_resident(qtbot, window)
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    _typed_draft_kept(qtbot, window)
    assert window.main.stack.currentWidget() is window.main.home
    qtbot.waitUntil(lambda: window.main.home.model.rowCount() == 1, timeout=5000)  # Beranda lists it
    assert (form.nik.text(), form.nama.text(), form.dirty) == ("", "", False)


def test_ctrl_n_on_a_half_filled_form_keeps_it(qtbot, window):
    form = _type_resident(qtbot, window)
    _key(qtbot, Qt.Key.Key_N)
    _typed_draft_kept(qtbot, window)
    assert window.main.enroll.uuid is None, "a new form, not the draft"
    assert (form.nik.text(), form.nama.text()) == ("", "")


@pytest.mark.parametrize("via", ["list", "signal"])
def test_opening_a_resident_from_daftar_warga_keeps_the_form(qtbot, window, via):
    born = dt.date(1984, 5, 9)
    nik = build_nik("137201", born, "P", 7)
    window.session.targets.upsert_many([{
        "nik": nik, "nama": "SITI AMINAH", "tanggal_lahir": born, "jenis_kelamin": "P",
        "alamat": "JL. SUDIRMAN 4", "rt": "001", "rw": "002", "status_ktp": "BELUM REKAM"}], source="server")
    form = _type_resident(qtbot, window)
    targets = window.main.targets
    if via == "list":  # as the operator does it: Ctrl+2, the resident, Enter
        _key(qtbot, Qt.Key.Key_2)
        qtbot.waitUntil(lambda: targets.model.rowCount() == 1, timeout=5000)
        _typed_draft_kept(qtbot, window)
        window.statusBar().clearMessage()
        targets.table.setFocus()
        targets.table.setCurrentIndex(targets.model.index(0, 0))
        qtbot.keyClick(targets.table, Qt.Key.Key_Return)
    else:  # the list asks for a resident while the form is still on screen
        targets.enrollTarget.emit(nik)

    qtbot.waitUntil(lambda: form.nik.text() == nik, timeout=5000)
    assert form.nama.text() == "SITI AMINAH" and not form.dirty
    _typed_draft_kept(qtbot, window)


def test_looking_at_a_draft_and_leaving_says_nothing(qtbot, window):
    form = _type_resident(qtbot, window)
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    _typed_draft_kept(qtbot, window)
    window.statusBar().clearMessage()
    home = window.main.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=5000)
    home.table.setCurrentIndex(home.model.index(0, 0))
    qtbot.keyClick(home.table, Qt.Key.Key_Return)  # opened, only looked at
    assert form.nama.text() == "BUDI SANTOSO"
    _key(qtbot, Qt.Key.Key_1)
    db_pool().waitForDone(10_000)
    assert window.statusBar().currentMessage() == ""


@pytest.mark.parametrize("way", ["shortcut", "sidebar"])
def test_another_page_keeps_the_typing_and_the_form_waits(qtbot, window, way):
    form = _type_resident(qtbot, window)
    main = window.main
    if way == "shortcut":
        _key(qtbot, Qt.Key.Key_4)
    else:
        nav = main.nav
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                         pos=nav.visualItemRect(nav.item(main.PAGES.index("reports"))).center())
    assert main.stack.currentWidget() is not main.enroll
    _typed_draft_kept(qtbot, window)

    _key(qtbot, Qt.Key.Key_3)  # back: the same form, and more typing goes to the same draft
    assert main.stack.currentWidget() is main.enroll and form.nama.text() == NAMA
    qtbot.keyClicks(form.tempat_lahir, "solok")
    qtbot.waitUntil(lambda: _drafts(window.session)[0].resident.tempat_lahir == "SOLOK",
                    timeout=SAVED_WITHIN_MS)
    assert len(window.session.recordings.list()) == 1


def test_closing_the_window_keeps_the_typing_and_the_next_start_says_so(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    _unlock(qtbot, win)
    _type_resident(qtbot, win)
    win.close()
    assert win.session is None
    assert win.statusBar().currentMessage() == KEPT
    reopened = Session.open(profile_dir, PASSPHRASE)
    try:
        (draft,) = _drafts(reopened)
        assert (draft.resident.nik, draft.resident.nama) == (NIK, "BUDI SANTOSO")
    finally:
        reopened.close()

    again = AppWindow(profile_dir)
    show_window(qtbot, again)
    _unlock(qtbot, again)
    try:
        assert again.statusBar().currentMessage() == "1 draf belum selesai — buka dari Beranda."
    finally:
        again.close()


def test_typing_is_saved_by_itself_within_seconds(qtbot, window):
    form = _type_resident(qtbot, window)
    typed = time.monotonic()
    qtbot.waitUntil(lambda: len(_drafts(window.session)) == 1, timeout=SAVED_WITHIN_MS)
    assert time.monotonic() - typed < SAVED_WITHIN_MS / 1000
    qtbot.waitUntil(lambda: not form.dirty, timeout=5000)
    assert window.main.enroll.message.text().startswith("Draf tersimpan otomatis (")
    (draft,) = _drafts(window.session)
    assert (draft.resident.nik, draft.resident.nama) == (NIK, "BUDI SANTOSO")


def test_saving_an_unchanged_form_again_writes_nothing(qtbot, window):
    form = _type_resident(qtbot, window)
    session = window.session
    qtbot.waitUntil(lambda: not form.dirty and window.main.enroll.uuid is not None, timeout=SAVED_WITHIN_MS)
    (before,) = _drafts(session)
    writes = session.store.query("SELECT count(*) FROM audit WHERE action = 'recording.saved'")[0][0]
    form.nama.end(False)
    qtbot.keyClicks(form.nama, "x")  # typed and taken back: the same record as on disk
    qtbot.keyClick(form.nama, Qt.Key.Key_Backspace)
    _key(qtbot, Qt.Key.Key_S)
    _key(qtbot, Qt.Key.Key_1)  # and left
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == KEPT, timeout=SAVED_WITHIN_MS)
    db_pool().waitForDone(10_000)
    (after,) = _drafts(session)
    assert after.updated_at == before.updated_at
    assert session.store.query("SELECT count(*) FROM audit WHERE action = 'recording.saved'")[0][0] == writes


def test_an_untouched_form_makes_no_draft(qtbot, window):
    main = window.main
    _key(qtbot, Qt.Key.Key_N)
    assert main.stack.currentWidget() is main.enroll
    main.enroll.autosave()  # what the timer would do
    qtbot.mouseClick(main.enroll.form.cancel_button, Qt.MouseButton.LeftButton)  # Tutup
    _key(qtbot, Qt.Key.Key_3)
    _key(qtbot, Qt.Key.Key_N)
    _key(qtbot, Qt.Key.Key_5)
    db_pool().waitForDone(10_000)
    qtbot.waitUntil(lambda: not main.enroll._autosave.isActive(), timeout=SAVED_WITHIN_MS)
    assert window.session.recordings.list() == []
    assert window.statusBar().currentMessage() == ""


def _lines(stream) -> queue.Queue:
    """The child's output lines, read on a thread so that every wait has a time limit."""
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in stream:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_killed_after_the_autosave_the_typing_is_a_draft(profile_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(profile_dir), PASSPHRASE, NIK, NAMA],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = _lines(proc.stdout)
        assert lines.get(timeout=60) == "typed", proc.stderr.read()
        typed = time.monotonic()
        line = lines.get(timeout=SAVED_WITHIN_MS / 1000)
        assert line and line.startswith("autosaved "), line
        assert time.monotonic() - typed < SAVED_WITHIN_MS / 1000
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    session = Session.open(profile_dir, PASSPHRASE)
    try:
        assert session.store.integrity_check() == "ok"
        (draft,) = session.recordings.list()
        assert draft.uuid == line.split()[1]
        assert draft.status is RecordingStatus.DRAFT
        assert (draft.resident.nik, draft.resident.nama) == (NIK, "BUDI SANTOSO")
    finally:
        session.close()
