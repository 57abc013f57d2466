"""Results of background work that arrive after the window closed its profile
(a save finished just before closing, a sync that ended as the window closed)
are dropped quietly instead of failing in the event loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.session import Session
from app.store.errors import StoreError
from app.ui.sync_worker import SyncWorker
from sync.client import Keys
from app.ui.workers import db_pool, run_task

from support.profiles import PASSPHRASE


def test_a_database_result_after_the_profile_closed_is_dropped(qtbot, profile_dir):
    session = Session.open(profile_dir, PASSPHRASE)
    reached = []

    def on_done(value):
        reached.append(value)
        session.recordings.count()  # reads the store: closed by now
        reached.append("read")

    run_task(lambda: 42, on_done)
    db_pool().waitForDone(5000)
    session.close()  # the window closes the profile before the result is delivered
    QCoreApplication.processEvents()
    assert reached == [42]  # delivered, stopped at the closed store, nothing raised


def test_other_errors_in_a_result_still_surface(qtbot, profile_dir):
    session = Session.open(profile_dir, PASSPHRASE)
    try:
        def on_done(_value):
            raise StoreError("lain", kind="invalid")

        run_task(lambda: 1, on_done)
        db_pool().waitForDone(5000)
        with pytest.raises(StoreError):
            with qtbot.captureExceptions() as caught:
                QCoreApplication.processEvents()
            if caught:
                raise caught[0][1]
    finally:
        session.close()


def test_sync_worker_results_after_stop_are_dropped(qtbot, profile_dir):
    session = Session.open(profile_dir, PASSPHRASE)
    # Registered with a server that is not there (nothing listens on port 9 here):
    # the operator's button runs a sync that ends at once with an "offline" report.
    session.set_setting(Keys.SERVER_URL, "http://127.0.0.1:9")
    session.set_setting(Keys.TOKEN, "x" * 43)

    def run(stop_first: bool) -> list:
        worker = SyncWorker(session, interval_s=60)
        finished = []
        worker.finished.connect(finished.append)
        worker.sync_now()
        worker.pool.waitForDone(10_000)
        if stop_first:
            worker.stop()
        QCoreApplication.processEvents()
        worker.stop()
        return finished

    try:
        delivered = run(stop_first=False)
        assert len(delivered) == 1 and delivered[0].error_kind == "offline"
        assert run(stop_first=True) == []  # the same report, queued when the worker stopped: dropped
    finally:
        session.close()


def test_status_bar_shows_the_last_sync_in_local_time(qtbot, profile_dir):
    import datetime as dt

    from app.ui.main_window import AppWindow

    session = Session.open(profile_dir, PASSPHRASE)
    moment = dt.datetime(2026, 11, 20, 1, 5, tzinfo=dt.timezone.utc)
    session.set_setting(Keys.LAST_SYNC, moment.isoformat(timespec="milliseconds"))
    session.close()
    win = AppWindow(profile_dir)
    qtbot.addWidget(win)
    win.try_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)
    try:
        expected = moment.astimezone().strftime("%d-%m-%Y %H:%M")
        # The label fills once the sync client has loaded behind Beranda (`AppWindow._warm_up`).
        qtbot.waitUntil(lambda: win.sync_label.text() != "", timeout=20_000)
        assert win.sync_label.text() == "Sinkron terakhir: " + expected  # not the stored ISO text
    finally:
        win.close()
