"""The laptop's side of two server guards, over real HTTP: too many wrong
enrollment codes are told in plain words (how many minutes to wait), and an
administrator's verdict on a duplicate NIK (`jemput-server resolve-duplicate`)
reaches both laptops through the status feed."""

from __future__ import annotations

import json

import pytest

from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from sync.client import MSG_ENROLLMENT, RegistrationError, sync_overview
from support.server import prepare_server_data, server_cli, start_server
from sync_support import make_pump, record


def test_too_many_wrong_codes_are_told_in_minutes(session, tmp_path):
    server = start_server(prepare_server_data(tmp_path / "server"),
                          "--register-max-failures", "2", "--register-window", "150")
    try:
        pump = make_pump(session.store)
        for n in range(2):
            with pytest.raises(RegistrationError) as caught:
                pump.register(server.url, f"SALA-HKOD-E{n:03d}")
            assert caught.value.message.startswith(MSG_ENROLLMENT)
        with pytest.raises(RegistrationError) as caught:  # even the right code, for now
            pump.register(server.url, server.enrollment_code())
        error = caught.value
        assert error.status == 429 and 120 < error.retry_after <= 150
        assert error.message == "Terlalu banyak percobaan kode pendaftaran. Coba lagi dalam 3 menit."
        assert not pump.registered
    finally:
        server.stop()
        server.dispose()


def test_admin_verdicts_on_a_duplicate_reach_both_laptops(new_session, people, module_server, registered):
    a, b = new_session("a"), new_session("b")
    pump_a, pump_b = registered(module_server, a), registered(module_server, b)
    resident = people.resident()
    rec_a = record(a.store, people, resident=resident)
    rec_b = record(b.store, people, resident=resident)
    assert pump_a.run_once().acked == 1 and pump_b.run_once().duplicates == 1
    assert pump_a.run_once().statuses_updated == 1
    assert a.get_recording(rec_a.uuid).status is RecordingStatus.DUPLICATE_REVIEW

    data = ["--data", module_server.data]
    server_cli("resolve-duplicate", *data, rec_a.uuid, "--keep", "--reason", "Dicek dengan SIAK")
    reason = "Orang yang sama direkam dua kali; rekaman tim A dipakai"
    server_cli("resolve-duplicate", *data, rec_b.uuid, "--reject", "--reason", reason)

    assert pump_a.run_once().statuses_updated == 1
    kept = a.get_recording(rec_a.uuid)
    assert kept.status is RecordingStatus.ACCEPTED
    assert "Ditinjau admin" in kept.server_message and "Dicek dengan SIAK" in kept.server_message
    assert sync_overview(a.store).problems == []

    assert pump_b.run_once().statuses_updated == 1
    refused = b.get_recording(rec_b.uuid)
    assert refused.status is RecordingStatus.REJECTED and reason in refused.server_message
    assert [(p.uuid, p.kind) for p in sync_overview(b.store).problems] == [(rec_b.uuid, "rejected")]
    assert pump_a.run_once().statuses_updated == 0 and pump_b.run_once().statuses_updated == 0


def test_verdicts_stick_when_the_rejected_laptop_records_the_nik_again(new_session, people, module_server, registered):
    """resolve-duplicate --keep on A, --reject on B: B cannot "fix and resend" the duplicate
    verdict; a new recording of the same NIK from B goes to review on its own and A's
    kept recording stays accepted (A's laptop hears nothing new)."""
    a, b = new_session("a"), new_session("b")
    pump_a, pump_b = registered(module_server, a), registered(module_server, b)
    resident = people.resident()
    rec_a = record(a.store, people, resident=resident)
    rec_b = record(b.store, people, resident=resident)
    assert pump_a.run_once().acked == 1 and pump_b.run_once().duplicates == 1
    assert pump_a.run_once().statuses_updated == 1  # A learns of the duplicate
    data = ["--data", module_server.data]
    server_cli("resolve-duplicate", *data, rec_a.uuid, "--keep")
    server_cli("resolve-duplicate", *data, rec_b.uuid, "--reject", "--reason", "Sudah direkam tim A")
    assert pump_a.run_once().statuses_updated == 1 and pump_b.run_once().statuses_updated == 1

    [problem] = sync_overview(b.store).problems
    assert (problem.uuid, problem.kind, problem.fixable) == (rec_b.uuid, "rejected", False)
    with pytest.raises(CodedError) as refused:
        b.fix_rejected(rec_b.uuid)
    assert refused.value.code == "fix.duplicate_verdict"
    assert b.recordings.newer_version(rec_b.uuid) is None  # no draft was made

    again = record(b.store, people, resident=resident)  # the operator records the resident anew
    report = pump_b.run_once()
    assert report.duplicates == 1
    assert b.get_recording(again.uuid).status is RecordingStatus.DUPLICATE_REVIEW
    assert pump_a.run_once().statuses_updated == 0  # nothing reopened on A's side
    assert a.get_recording(rec_a.uuid).status is RecordingStatus.ACCEPTED
    group = [g for g in json.loads(server_cli("review", *data, "--json").stdout)["duplicates"]
             if g["nik"] == resident.nik][0]
    states = {r["uuid"]: r["status"] for r in group["recordings"]}
    assert states[rec_a.uuid] == "accepted" and states[again.uuid] == "duplicate_review"
    assert group["open"] == 1
