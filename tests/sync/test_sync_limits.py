"""The limit on unsaved recordings (settings ``limits.unsaved_warn_days`` / ``limits.unsaved_stop_days``):
a completed recording that neither a sync nor a backup holds for N days brings a warning, then a stop on
new recordings (refused with its Indonesian words), lifted by a real sync to a real server or a backup."""

from __future__ import annotations

import datetime as dt

import pytest

from app.store.limits import STOP_DAYS_KEY, WARN_DAYS_KEY
from app.core.messages import CodedError
from app.core.lifecycle import RecordingStatus
from app.demo import demo_residents
from app.session import MediaSlot
from app.store.recordings import Recording
from app.store._util import to_utc_iso
from app.ui.enrollment_form import FormResult

TODAY = dt.date.today()


def _slots():
    return (MediaSlot(exception="warga terbaring di tempat tidur", summary="-"),
            MediaSlot(exception="tidak dapat menandatangani", summary="-"))


def _form(resident) -> FormResult:
    return FormResult(resident, [], False, *_slots())  # a new draft: a new recording all the same


def _old_recording(session, resident, days: int) -> Recording:
    created = to_utc_iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days, hours=1))
    rec = Recording.new(resident, operator="Operator Uji").with_changes(
        created_at=created, status=RecordingStatus.COMPLETE, photo_exception="terbaring",
        signature_exception="tidak dapat menandatangani")
    session.recordings.save(rec, enqueue=True)
    return rec


def test_a_warning_then_a_stop_then_a_sync_lifts_it(session, server, registered):
    residents = list(demo_residents(4, seed=12, today=TODAY))
    assert session.unsaved_state().level == "ok"
    _old_recording(session, residents[0], days=4)
    state = session.unsaved_state()
    assert (state.level, state.days) == ("warn", 4)  # default: warn after 3 days, stop after 7
    session.save_form(_form(residents[1]), None)  # a warning does not stop anyone

    session.set_setting(STOP_DAYS_KEY, 4)
    assert session.unsaved_state().level == "stop"
    with pytest.raises(CodedError) as info:
        session.save_form(_form(residents[2]), None)
    assert info.value.code == "recording.unsaved_too_long" and "4 hari" in str(info.value)
    assert session.recordings.count() == 2  # nothing written

    pump = registered(server)
    assert pump.run_once(force=True).error is None
    assert session.unsaved_state().level == "ok"
    session.save_form(_form(residents[2]), None)


def test_a_backup_lifts_the_stop_and_zero_switches_it_off(session, tmp_path):
    residents = list(demo_residents(3, seed=13, today=TODAY))
    _old_recording(session, residents[0], days=9)
    assert session.unsaved_state().level == "stop"
    session.set_setting(STOP_DAYS_KEY, 0)
    session.set_setting(WARN_DAYS_KEY, 0)
    assert session.unsaved_state().level == "ok"
    session.set_setting(STOP_DAYS_KEY, 7)
    assert session.unsaved_state().level == "stop"
    (tmp_path / "cadangan").mkdir()
    session.backup(tmp_path / "cadangan")
    assert session.unsaved_state().level == "ok"
    session.save_form(_form(residents[1]), None)
