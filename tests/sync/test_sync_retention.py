"""The retention purge in the window's sync worker (real server, pytest-qt offscreen): it runs
after a clean sync only, on the worker's thread, and takes only verdicts older than the setting."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.core.lifecycle import RecordingStatus
from app.store._util import to_utc_iso
from app.ui.sync_worker import SyncWorker
from sync_support import record

pytestmark = pytest.mark.gui


def test_worker_purges_settled_recordings_after_a_clean_sync_only(qtbot, session, people, server, registered):
    pump = registered(server)
    recs = [record(session.store, people) for _ in range(2)]
    on_gui_thread: list[bool] = []

    def purge():
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return session.purge_settled()

    worker = SyncWorker(session, interval_s=60, pump=pump, purge=purge)
    purged: list = []
    worker.purged.connect(purged.append)
    revived = None
    try:
        with qtbot.waitSignal(worker.finished, timeout=8000, check_params_cb=lambda r: r.acked == 2) as done:
            worker.sync_now()
        assert done.args[0].ok
        assert on_gui_thread == [False]  # ran once, on the worker's thread
        assert purged == []  # accepted just now: kept for retention_days (30)
        for r in recs:
            rec = session.get_recording(r.uuid)
            assert rec.status is RecordingStatus.ACCEPTED and not rec.purged
            assert len(session.recordings.media(r.uuid)) == 2

        # A month later (the verdicts' times moved back): a failed run purges nothing...
        month_ago = to_utc_iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31))
        with session.store.transaction() as db:
            db.conn.execute("UPDATE recordings SET updated_at = ?", (month_ago,))
        qtbot.waitUntil(lambda: not worker.busy, timeout=3000)
        server.stop()
        with qtbot.waitSignal(worker.finished, timeout=8000) as failed:
            worker.sync_now()
        assert failed.args[0].error and on_gui_thread == [False]
        assert not any(session.get_recording(r.uuid).purged for r in recs)

        # ...the next clean one does.
        qtbot.waitUntil(lambda: not worker.busy, timeout=3000)
        revived = server.restart()
        with qtbot.waitSignal(worker.finished, timeout=8000) as done:
            with qtbot.waitSignal(worker.purged, timeout=8000) as got:
                worker.sync_now()
        assert done.args[0].ok and on_gui_thread == [False, False]
        result = got.args[0]
        assert (result.recordings, result.accepted, result.media) == (2, 2, 4)
        for r in recs:
            rec = session.get_recording(r.uuid)
            assert rec.purged and rec.status is RecordingStatus.ACCEPTED and rec.resident.nama == ""
            assert session.recordings.media(r.uuid) == []
        assert session.status_counts()["accepted"] == 2
        qtbot.waitUntil(lambda: not worker.busy, timeout=3000)
    finally:
        worker.stop()
        if revived is not None:
            revived.stop()
