"""One resident, once, as far as the server: a second recording of a NIK made on the same laptop carries
the operator's reason in its payload, and the server's duplicate review shows it to the supervisor; a
correction of an accepted recording is its next version, which the server stores in its place (no
duplicate to review)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus
from app.core.repeat import REPEAT_CODE
from app.session import IncompleteRecordingError, MediaSlot
from app.ui.enrollment_form import FormResult
from support.server import server_cli
from sync.protocol import ServerStatus
from sync.server.review import review

REASON = "rekaman pertama salah foto, warga minta direkam ulang"


def _slots():
    return (MediaSlot(exception="warga terbaring di tempat tidur"),
            MediaSlot(exception="tidak dapat menandatangani"))


def _complete(session, resident, acks=(), uuid=None):
    return session.save_form(FormResult(resident, list(acks), True, *_slots()), uuid)


def _server_status(server, uuid: str) -> str:
    with server.engine.connect() as conn:
        return conn.execute(sa.text("SELECT status FROM recordings WHERE uuid = :u"), {"u": uuid}).scalar()


def test_a_second_recording_here_carries_its_reason_to_the_review(session, people, module_server, registered):
    pump = registered(module_server)
    resident = people.resident()
    first = _complete(session, resident)
    assert pump.run_once().acked == 1
    assert session.get_recording(first.uuid).status is RecordingStatus.ACCEPTED

    with pytest.raises(IncompleteRecordingError):
        _complete(session, resident)  # no reason: refused on the laptop, nothing queued
    second = _complete(session, resident, [Acknowledgement(REPEAT_CODE, "nik", REASON)])
    report = pump.run_once()
    assert report.acked == 1 and report.duplicates == 1
    assert session.get_recording(second.uuid).status is RecordingStatus.DUPLICATE_REVIEW

    (group,) = [g for g in review(module_server.engine).duplicates if g.nik == resident.nik]
    reasons = {r.uuid: r.repeat_reason for r in group.recordings}
    assert reasons == {first.uuid: "", second.uuid: REASON}

    out = server_cli("review", *module_server.cli_args)
    assert f"direkam ulang di perangkat yang sama, alasan operator: {REASON}" in out.stdout


def test_a_correction_of_an_accepted_recording_replaces_it_on_the_server(session, people, module_server,
                                                                        registered):
    pump = registered(module_server)
    resident = people.resident()
    first = _complete(session, resident)
    assert pump.run_once().acked == 1
    fix = session.correct(first.uuid)
    assert session.version_of(fix.uuid) == 2
    done = _complete(session, resident.with_changes(alamat="JL. MERDEKA NO. 12"), fix.acknowledgements, fix.uuid)
    assert done.uuid == fix.uuid and done.replaces_uuid == first.uuid  # no reason asked: not a second one
    report = pump.run_once()
    assert report.acked == 1 and report.duplicates == 0
    assert _server_status(module_server, fix.uuid) == ServerStatus.ACCEPTED.value
    assert _server_status(module_server, first.uuid) == ServerStatus.REPLACED.value
    assert not [g for g in review(module_server.engine).duplicates if g.nik == resident.nik]
