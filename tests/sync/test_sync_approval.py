"""Supervisor approval end to end with a real server: a completed recording waits; returned ones never
reach the server (not by a sync, not on a flashdisk), approved ones do; an operator may neither approve, return nor
switch approval off; a returned recording fixed and completed again waits once more."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.core.roles import OPERATOR, SUPERVISOR
from app.session import MediaSlot, Session
from app.store import people as people_store
from app.store.approvals import REQUIRED_KEY, state_of
from app.store.audit import AuditLog
from app.store.limits import WAITING_STOP_KEY, WAITING_WARN_KEY
from app.store.outbox import Outbox
from app.ui.enrollment_form import FormResult
from support.profiles import PASSPHRASE
from support.server import server_cli
from sync_support import AREA, make_pump

ANI, SITI = "jeruk-nipis-sepeda-41", "awan-merah-gitar-tua-9"
NOTE = "foto terlalu gelap, ulangi di teras"


@pytest.fixture
def team(tmp_path, profile_templates):
    """A profile with approval on: admin (PASSPHRASE), operator Ani, supervisor Siti; opened by Ani."""
    directory = profile_templates.copy(tmp_path / "tim", operator="Admin Tim", approval=True)
    admin = Session.open(directory, PASSPHRASE)
    people_store.add_person(admin.store, "Ani", OPERATOR, ANI)
    people_store.add_person(admin.store, "Siti", SUPERVISOR, SITI)
    admin.close()
    session = Session.open(directory, ANI)
    yield session
    session.close()


def _complete(session, resident, uuid=None):
    slots = (MediaSlot(exception="warga terbaring di tempat tidur"), MediaSlot(exception="tidak dapat menandatangani"))
    return session.save_form(FormResult(resident, [], True, *slots), uuid)


def _on_server(server, uuids) -> set[str]:
    with server.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT uuid FROM recordings")).scalars().all()
    return set(rows) & set(uuids)


def test_returned_recordings_never_reach_the_server_approved_ones_do(team, people, module_server):
    session = team
    assert session.approval_required() and session.role == OPERATOR
    pump = make_pump(session.store)
    pump.register(module_server.url, module_server.enrollment_code(area=AREA), "laptop-uji")
    recs = [_complete(session, people.resident()) for _ in range(3)]
    assert {r.status for r in recs} == {RecordingStatus.COMPLETE}  # completed, waiting: not queued
    assert Outbox(session.store).get(recs[0].uuid) is None
    pump.run_once()
    assert _on_server(module_server, [r.uuid for r in recs]) == set()

    # The operator may not decide, nor switch the rule off.
    for refused in (lambda: session.approve([recs[0].uuid]),
                    lambda: session.return_recording(recs[0].uuid, "foto", NOTE),
                    lambda: session.set_setting(REQUIRED_KEY, False)):
        with pytest.raises(CodedError) as info:
            refused()
        assert info.value.code == "role.forbidden"
    assert session.get_recording(recs[0].uuid).status is RecordingStatus.COMPLETE

    assert session.check_unlock(SITI) and session.operator_name == "Siti"  # the supervisor at the keyboard
    waiting = session.waiting_for_approval()
    assert [w.uuid for w in waiting] == [r.uuid for r in recs]
    assert all("Foto" in " ".join(w.exceptions) and "Tanda tangan" in " ".join(w.exceptions) for w in waiting)
    assert session.approve([recs[0].uuid, recs[1].uuid]) == 2
    session.return_recording(recs[2].uuid, "foto", NOTE)
    with pytest.raises(CodedError) as info:
        session.approve([recs[2].uuid])  # returned: a draft now, not waiting
    assert info.value.code == "approval.not_waiting"
    with pytest.raises(CodedError) as info:
        session.return_recording(recs[0].uuid, "tidak_ada")
    assert info.value.code == "approval.reason_unknown"

    report = pump.run_once()
    assert report.acked == 2
    assert _on_server(module_server, [r.uuid for r in recs]) == {recs[0].uuid, recs[1].uuid}
    returned = session.get_recording(recs[2].uuid)
    assert returned.status is RecordingStatus.DRAFT and state_of(session.store, returned.uuid) == "returned"
    assert session.returned_words(returned.uuid) == f"Foto perlu diambil ulang: {NOTE}"
    pump.run_once()
    assert recs[2].uuid not in _on_server(module_server, [recs[2].uuid])

    # The operator fixes it and completes it again: it waits once more, and reaches the server only approved.
    assert session.check_unlock(ANI)
    fixed = _complete(session, returned.resident.with_changes(alamat="JL. TERAS NO. 3"), returned.uuid)
    assert fixed.status is RecordingStatus.COMPLETE and state_of(session.store, fixed.uuid) == "waiting"
    assert pump.run_once().acked == 0 and not _on_server(module_server, [fixed.uuid])
    (again,) = session.waiting_for_approval()
    assert again.returned_before.startswith("Foto perlu diambil ulang")
    assert session.check_unlock(SITI)
    session.approve([fixed.uuid])
    assert pump.run_once().acked == 1 and _on_server(module_server, [fixed.uuid]) == {fixed.uuid}
    pump.close()

    trail = AuditLog(session.store).entries(limit=1000)
    actions = [e.action for e in trail]
    assert actions.count("approval.approved") == 3 and actions.count("approval.returned") == 1
    assert [e.detail for e in trail if e.action == "approval.returned"] == [{"reason": "foto"}]
    assert not any(NOTE in str(e.detail) for e in trail)  # the note stays out of the trail
    assert AuditLog(session.store).verify()[1] is None


def test_too_many_waiting_warns_then_stops_new_recordings(team, people):
    session = team
    assert session.check_unlock(SITI)
    session.set_setting(WAITING_WARN_KEY, 1)
    session.set_setting(WAITING_STOP_KEY, 2)
    assert session.check_unlock(ANI)
    assert session.limits_state().level == "ok"
    first = _complete(session, people.resident())
    state = session.limits_state()
    assert state.level == "warn" and state.warnings() == [("limits.waiting_warn", {"count": 1})]
    _complete(session, people.resident())
    assert session.limits_state().level == "stop"
    with pytest.raises(CodedError) as info:
        _complete(session, people.resident())
    assert info.value.code == "recording.too_many_waiting" and "2 rekaman" in str(info.value)
    _complete(session, session.get_recording(first.uuid).resident, first.uuid)  # finishing one already made: fine
    assert session.check_unlock(SITI)
    session.approve([w.uuid for w in session.waiting_for_approval()])
    assert session.limits_state().waiting.level == "ok"


def test_with_approval_off_a_completed_recording_goes_to_the_queue_as_before(team, people):
    session = team
    assert session.check_unlock(SITI)
    session.set_setting(REQUIRED_KEY, False)
    assert session.check_unlock(ANI) and not session.approval_required()
    rec = _complete(session, people.resident())
    assert rec.status is RecordingStatus.QUEUED and Outbox(session.store).get(rec.uuid) is not None
    assert AuditLog(session.store).entries(action="setting.changed")[0].detail == {"key": REQUIRED_KEY, "value": False}


def test_the_flashdisk_carries_only_approved_recordings(team, people, module_server, tmp_path):
    from sync.client.hand_carry import BundleError, export_bundle

    session = team
    pump = make_pump(session.store)
    pump.register(module_server.url, module_server.enrollment_code(area=AREA), "laptop-uji")
    pump.close()
    recs = [_complete(session, people.resident()) for _ in range(2)]
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    with pytest.raises(BundleError) as info:
        export_bundle(session.store, stick)  # both wait: nothing may leave the laptop
    assert info.value.code == "bundle.nothing_to_send" and not list(stick.iterdir())
    assert session.check_unlock(SITI)
    session.approve([recs[0].uuid])
    session.return_recording(recs[1].uuid, "data", "RT salah")
    result = export_bundle(session.store, stick)
    assert result.records == 1
    server_cli("import-bundle", *module_server.cli_args, result.path)
    assert _on_server(module_server, [r.uuid for r in recs]) == {recs[0].uuid}


def test_a_sync_does_not_count_as_saving_what_waits_for_approval(team, people):
    import datetime as dt

    from app.store._util import to_utc_iso
    from app.store.settings import Settings
    from app.store.sync_keys import SyncKeys

    session = team
    rec = _complete(session, people.resident())
    four_days_ago = to_utc_iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=4))
    with session.store.transaction() as db:
        db.conn.execute("UPDATE recordings SET created_at = ? WHERE uuid = ?", (four_days_ago, rec.uuid))
    Settings(session.store).set(SyncKeys.LAST_SYNC, to_utc_iso(dt.datetime.now(dt.timezone.utc)))
    state = session.unsaved_state()
    assert state.level == "warn" and state.days == 4  # synced today, but this one never left the laptop
    assert session.check_unlock(SITI)
    session.approve([rec.uuid])
    assert session.unsaved_state().level == "ok"  # queued now, a sync ran today: it goes with the next one
