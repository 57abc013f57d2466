"""The window's side of sync (pytest-qt, offscreen): the worker polls the server
and syncs by itself once the connection returns; the Antrian & Sinkron page
registers the laptop, shows counts, progress, the server's reasons, turns a
rejected recording into a new version draft ("Perbaiki") and a parked conflict
into a queued new version ("Jadikan versi baru")."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.core.lifecycle import RecordingStatus
from app.ui.pages.sync_page import SyncPage
from app.ui.sync_worker import SyncWorker
from sync.client import MSG_REVOKED, Keys
from support.server import server_cli
from sync_support import make_pump, media_for, record

pytestmark = pytest.mark.gui


def test_worker_syncs_by_itself_when_the_server_comes_back(qtbot, session, people, server, registered):
    pump = registered(server)
    recs = [record(session.store, people) for _ in range(5)]
    server.stop()
    worker = SyncWorker(session, interval_s=1.0, pump=pump)
    seen_online: list[bool] = []
    worker.connectivityChanged.connect(seen_online.append)
    revived = None
    try:
        with qtbot.waitSignal(worker.connectivityChanged, timeout=5000):
            worker.start()
        assert seen_online == [False] and worker.online is False
        revived = server.restart()
        with qtbot.waitSignal(worker.finished, timeout=8000, check_params_cb=lambda r: r.acked == 5) as blocker:
            pass  # no click: the poll notices the server and sends
        assert blocker.args[0].ok
        assert seen_online == [False, True]
        assert {session.get_recording(r.uuid).status for r in recs} == {RecordingStatus.ACCEPTED}
        qtbot.waitUntil(lambda: not worker.busy, timeout=3000)
    finally:
        worker.stop()
        if revived is not None:
            revived.stop()


def test_page_registers_syncs_and_fixes_a_rejected_recording(qtbot, session, people, module_server):
    session.set_setting(Keys.POLL_SECONDS, 1)
    good = record(session.store, people)
    bad = record(session.store, people, media=[m for m in media_for(people.rng) if m.kind == "signature"])
    page = SyncPage(session, worker=SyncWorker(session, pump=make_pump(session.store)))
    qtbot.addWidget(page)
    page.show()
    page.worker.start()
    try:
        assert not page.register_box.isHidden() and not page.sync_button.isEnabled()
        assert page.counts["waiting"].text() == "2"
        progress = []
        page.worker.progress.connect(progress.append)
        qtbot.keyClicks(page.server_edit, module_server.url)
        qtbot.keyClicks(page.code_edit, module_server.enrollment_code())
        with qtbot.waitSignal(page.worker.finished, timeout=8000, check_params_cb=lambda r: r.acked == 2):
            qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.counts["accepted"].text() == "1", timeout=3000)
        assert page.register_box.isHidden() and page.sync_button.isEnabled()
        assert page.counts["rejected"].text() == "1" and page.counts["waiting"].text() == "0"
        assert progress and progress[-1].records_done == 2 and progress[-1].records_total == 2
        assert progress[-1].bytes_done == progress[-1].bytes_total > 0
        assert page.progress_bar.isHidden()
        assert module_server.url in page.server_label.text()

        assert page.model.rowCount() == 1
        assert page.model.index(0, 3).data().startswith("Foto tidak ada")
        assert page.select_uuid(bad.uuid) and page.fix_button.isEnabled()
        with qtbot.waitSignal(page.fixRecording, timeout=2000) as fixed:
            qtbot.mouseClick(page.fix_button, Qt.MouseButton.LeftButton)
        draft = session.get_recording(fixed.args[0])
        assert draft.replaces_uuid == bad.uuid and draft.status is RecordingStatus.DRAFT
        assert page.model.data(page.model.index(0, 0)) == "Ditolak (sudah diperbaiki)"
        assert page.select_uuid(bad.uuid) and not page.fix_button.isEnabled()
        assert session.get_recording(good.uuid).status is RecordingStatus.ACCEPTED

        server_cli("revoke-device", "--data", module_server.data, str(session.get_setting(Keys.DEVICE_ID)))
        record(session.store, people)
        page.refresh()
        with qtbot.waitSignal(page.worker.failed, timeout=5000) as failed:
            qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        assert failed.args[0] == MSG_REVOKED
        qtbot.waitUntil(lambda: not page.paused.isHidden(), timeout=3000)
        assert page.paused.text() == MSG_REVOKED
        assert not page.register_box.isHidden()  # register again with a new code
        assert not page.sync_button.isEnabled()
    finally:
        page.worker.stop()


def test_parked_recording_can_be_put_back_in_the_queue(qtbot, session, people):
    from app.store.outbox import Outbox

    rec = record(session.store, people)
    Outbox(session.store).park(rec.uuid, "Server tidak dapat menerima rekaman ini (HTTP 422).")
    page = SyncPage(session, worker=SyncWorker(session, interval_s=60))  # not registered: the worker idles
    qtbot.addWidget(page)
    page.show()
    assert not page.register_box.isHidden() and not page.sync_button.isEnabled()
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "Ditahan"
    assert page.select_uuid(rec.uuid) and page.retry_button.isEnabled() and not page.fix_button.isEnabled()
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert Outbox(session.store).get(rec.uuid).state == "pending"
    assert page.model.rowCount() == 0 and page.counts["waiting"].text() == "1"
    # Nothing left that needs a person: the list and its buttons are not shown.
    assert page.table.isHidden() and page.retry_button.isHidden() and page.fix_button.isHidden()
    page.worker.stop()


def test_page_resends_a_parked_conflict_as_a_new_version(qtbot, session, people, module_server, registered):
    from app.store.outbox import Outbox
    from app.store.recordings import RecordingRepo
    from app.store.outbox import CONFLICT_CODE
    from sync.client import MSG_CONFLICT

    pump = registered(module_server)
    rec = record(session.store, people)
    assert pump.run_once().acked == 1
    # The laptop comes back from an old backup: the recording looks unsent, and is edited.
    with session.store.transaction() as db:
        db.conn.execute("UPDATE recordings SET status = 'queued' WHERE uuid = ?", (rec.uuid,))
        db.conn.execute("UPDATE outbox SET state = 'pending', acked_at = NULL, server_status = NULL"
                        " WHERE recording_uuid = ?", (rec.uuid,))
    edited = rec.with_changes(resident=rec.resident.with_changes(alamat="JL. BARU NO. 2"))
    RecordingRepo(session.store).save(edited, enqueue=True)
    assert pump.run_once().parked == 1
    entry = Outbox(session.store).get(rec.uuid)
    assert entry.last_error == MSG_CONFLICT and entry.last_error_code == CONFLICT_CODE and entry.conflict
    assert "Jadikan versi baru" in MSG_CONFLICT
    # An entry parked under the earlier wording is a conflict too: migration 0008 gave it the code
    # (tests/store/test_migrations.py::test_0008_codes_parked_entries_by_their_words).

    page = SyncPage(session, worker=SyncWorker(session, interval_s=60, pump=pump))
    qtbot.addWidget(page)
    page.show()
    try:
        assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "Ditahan (konflik)"
        assert not page.new_version_button.isEnabled()  # nothing selected
        assert page.select_uuid(rec.uuid) and page.new_version_button.isEnabled()
        assert page.retry_button.isEnabled() and not page.fix_button.isEnabled()
        with qtbot.waitSignal(page.worker.finished, timeout=8000) as done:
            qtbot.mouseClick(page.new_version_button, Qt.MouseButton.LeftButton)
        assert done.args[0].ok and done.args[0].acked == 1
        assert "Versi baru dibuat" in page.problem_message.text()
        qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
        [(new_uuid,)] = session.store.query("SELECT uuid FROM recordings WHERE replaces_uuid = ?", (rec.uuid,))
        assert session.get_recording(new_uuid).status is RecordingStatus.ACCEPTED
        assert session.get_recording(new_uuid).resident.alamat == "JL. BARU NO. 2"
        assert session.get_recording(rec.uuid).status is RecordingStatus.SENT
        assert page.counts["waiting"].text() == "0" and page.counts["accepted"].text() == "1"
        with module_server.engine.connect() as conn:
            rows = dict(conn.execute(sa.text("SELECT uuid, status FROM recordings WHERE nik = :n"),
                                     {"n": rec.resident.nik}).all())
        assert rows == {rec.uuid: "replaced", new_uuid: "accepted"}

        # a parked entry that is no conflict offers no new version
        other = record(session.store, people)
        Outbox(session.store).park(other.uuid, "Server tidak dapat menerima rekaman ini (HTTP 422).")
        page.refresh()
        assert page.select_uuid(other.uuid) and not page.new_version_button.isEnabled()
        page.new_version_selected()  # even if called anyway: nothing happens
        assert session.store.query("SELECT count(*) FROM recordings WHERE replaces_uuid = ?", (other.uuid,)) == [(0,)]
    finally:
        page.worker.stop()


def test_a_duplicate_verdict_is_not_offered_the_fix_path(qtbot, session, people):
    """A rejection by the administrator's duplicate-NIK verdict: "Perbaiki" stays off (a
    double click makes no draft either); an ordinary rejection beside it can be fixed."""
    import json

    from app.store.recordings import RecordingRepo

    repo = RecordingRepo(session.store)
    verdict, ordinary = record(session.store, people), record(session.store, people)
    for rec, code in ((verdict, "review.rejected"), (ordinary, "nik.birth_date_mismatch")):
        reasons = [{"code": code, "field": "nik", "severity": "error", "message": "Ditolak.", "params": {}}]
        repo.set_status(rec.uuid, RecordingStatus.REJECTED,
                        {"status": "rejected", "message": "Ditolak.", "reasons": json.dumps(reasons)})
    page = SyncPage(session, worker=SyncWorker(session, interval_s=60))
    qtbot.addWidget(page)
    page.show()
    assert page.select_uuid(verdict.uuid) and not page.fix_button.isEnabled()
    page.fix_selected()  # what a double click does
    assert repo.newer_version(verdict.uuid) is None
    assert page.select_uuid(ordinary.uuid) and page.fix_button.isEnabled()
    page.worker.stop()
