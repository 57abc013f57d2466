"""The Antrian & Sinkron page shows the sync state by its stored code (pytest-qt, offscreen, a real
profile): a pause, the last error and a parked recording read in the window's language whatever words
were stored with them (Indonesian from this version, English or an older wording from elsewhere);
words stored without a code they fit are shown as they are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.messages import render
from app.store.outbox import CONFLICT_CODE, Outbox
from app.ui import i18n
from app.ui.pages.sync_page import SyncPage
from app.ui.sync_worker import SyncWorker
from sync.client import MSG_AUTH, MSG_CONFLICT, Keys
from sync_support import record

pytestmark = pytest.mark.gui

PAUSED_EN = ("The server does not recognise this device (token refused). Sending is paused: register the "
             "device again with a new code from the administrator. Recordings stay safe on this laptop.")


@pytest.fixture
def english(qapp):
    assert i18n.install("en"), "jemput_en.qm did not load"
    yield
    i18n.install("id")


def _store_state(session, paused_words: str, error_words: str) -> None:
    session.set_setting(Keys.PAUSED, paused_words)
    session.set_setting(Keys.PAUSED_KIND, "auth")
    session.set_setting(Keys.PAUSED_CODE, "sync.token_rejected")
    session.set_setting(Keys.PAUSED_PARAMS, {})
    session.set_setting(Keys.LAST_ERROR, error_words)
    session.set_setting(Keys.LAST_ERROR_CODE, "sync.server_unavailable")
    session.set_setting(Keys.LAST_ERROR_PARAMS, {"status": 503})


def _page(qtbot, session) -> SyncPage:
    page = SyncPage(session, worker=SyncWorker(session, interval_s=60))  # not registered: the worker idles
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.mark.parametrize("stored", ["indonesian", "english"])
def test_stored_pause_and_last_error_read_in_english_by_their_code(qtbot, session, english, stored):
    if stored == "indonesian":
        _store_state(session, MSG_AUTH, render("sync.server_unavailable", {"status": 503}))
    else:
        _store_state(session, PAUSED_EN, "The server is unavailable at the moment (HTTP 503).")
    page = _page(qtbot, session)
    try:
        assert not page.paused.isHidden()
        assert page.paused.text() == PAUSED_EN
        assert page.error_label.text() == "The server is unavailable at the moment (HTTP 503)."
    finally:
        page.worker.stop()


def test_a_pause_stored_by_its_code_alone_is_a_pause(qtbot, session, english):
    session.set_setting(Keys.SERVER_URL, "https://127.0.0.1:9")  # registered; never asked: the queue is paused
    session.set_setting(Keys.TOKEN, "token")
    session.set_setting(Keys.PAUSED_KIND, "auth")
    session.set_setting(Keys.PAUSED_CODE, "sync.token_rejected")
    page = _page(qtbot, session)
    try:
        assert not page.paused.isHidden() and page.paused.text() == PAUSED_EN
        assert page.worker.pump.paused and not page.worker.pump.due()
        report = page.worker.pump.run_once()
        assert report.paused_code == "sync.token_rejected" and report.paused_reason == MSG_AUTH
        assert report.requests == 0
    finally:
        page.worker.stop()


def test_stored_state_reads_in_indonesian_in_an_indonesian_window(qtbot, session, qapp):
    i18n.install("id")
    _store_state(session, PAUSED_EN, "The server is unavailable at the moment (HTTP 503).")
    page = _page(qtbot, session)
    try:
        assert page.paused.text() == MSG_AUTH
        assert page.error_label.text() == "Server sedang tidak tersedia (HTTP 503)."
    finally:
        page.worker.stop()


def test_parked_recordings_read_by_their_code(qtbot, session, people, english):
    conflict, damaged, unclassified = (record(session.store, people) for _ in range(3))
    box = Outbox(session.store)
    box.park(conflict.uuid, "Server sudah memegang versi lain rekaman ini.", CONFLICT_CODE)  # an older wording
    box.park(damaged.uuid, render("sync.local_media_damaged"), "sync.local_media_damaged")
    words = "Server tidak dapat menerima rekaman ini (HTTP 422)."
    box.park(unclassified.uuid, words)  # no code it fits (sync.unclassified): the words as stored
    page = _page(qtbot, session)
    try:
        shown = {page.model.index(i, 0).data(page.model.UuidRole): page.model.index(i, 3).data()
                 for i in range(page.model.rowCount())}
        assert shown[conflict.uuid].startswith("The server already holds another version of this recording")
        assert shown[conflict.uuid] != MSG_CONFLICT
        assert shown[damaged.uuid].startswith("The photo/signature file of this recording on the laptop is damaged")
        assert shown[unclassified.uuid] == words
        tooltip = page.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip == page.model.index(0, 3).data()
        assert all(p.parked for p in page.model.rows)
        assert page.select_uuid(conflict.uuid) and page.retry_button.isEnabled() and page.new_version_button.isEnabled()
        assert page.select_uuid(damaged.uuid) and page.retry_button.isEnabled()
        assert not page.new_version_button.isEnabled() and not page.fix_button.isEnabled()
    finally:
        page.worker.stop()
