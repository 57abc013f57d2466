"""What the server decides comes back to the laptop: two devices record the same
NIK (both "perlu ditinjau"), the same UUID with other content (a conflict: parked,
the server's copy unchanged; the operator resends the laptop's copy as a new
version that replaces it), and a rejected recording fixed and resent as a new
version that replaces the old one on the server (once purged by the retention
purge it leaves the problem list)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.recordings import OnServer, RecordingRepo
from app.store.retention import purge_settled
from faultproxy import FaultProxy
from sync.client import MSG_CONFLICT, sync_overview
from sync import protocol
from sync.protocol_reasons import ReasonCodes
from sync_support import media_for, record


def test_same_nik_on_two_devices_both_show_duplicate_review(new_session, people, module_server, registered):
    a, b = new_session("a"), new_session("b")
    pump_a, pump_b = registered(module_server, a), registered(module_server, b)
    resident = people.resident()
    rec_a = record(a.store, people, resident=resident)
    assert pump_a.run_once().acked == 1
    assert a.get_recording(rec_a.uuid).status is RecordingStatus.ACCEPTED

    rec_b = record(b.store, people, resident=resident)
    report_b = pump_b.run_once()
    assert report_b.acked == 1 and report_b.duplicates == 1
    got_b = b.get_recording(rec_b.uuid)
    assert got_b.status is RecordingStatus.DUPLICATE_REVIEW
    assert "NIK ini juga direkam" in got_b.server_message

    report_a = pump_a.run_once()  # nothing to send: the status feed brings the flag
    assert report_a.sent == 0 and report_a.statuses_updated == 1
    got_a = a.get_recording(rec_a.uuid)
    assert got_a.status is RecordingStatus.DUPLICATE_REVIEW and "perlu ditinjau" in got_a.server_message
    overview = sync_overview(a.store)
    assert [(p.uuid, p.kind) for p in overview.problems] == [(rec_a.uuid, "duplicate_review")]
    assert pump_a.run_once().statuses_updated == 0  # the cursor moved on


def _first_delivery_without_media(session, people, module_server, registered):
    """Two recordings whose records reach the server while every media upload is
    answered 503: they stay queued, their photos still to send."""
    block = {"on": True}

    def decide(r) -> str | None:  # noqa: ANN001 - every media upload, one by one or bundled
        uploading = r.method == "PUT" or r.path.startswith(protocol.Paths.MEDIA_BUNDLE)
        return "503" if block["on"] and uploading else None

    proxy = FaultProxy(module_server.port, decide=decide)
    pump = registered(module_server, url=proxy.url)
    rec = record(session.store, people)
    other = record(session.store, people)
    first = pump.run_once()
    assert first.sent == 2 and first.acked == 0 and first.error_kind == "server"
    return proxy, block, pump, rec, other


def test_a_recording_the_server_holds_cannot_be_edited_any_more(session, people, module_server, registered):
    proxy, block, pump, rec, other = _first_delivery_without_media(session, people, module_server, registered)
    with proxy:
        stored = _server_row(module_server, rec.uuid)
        repo = RecordingRepo(session.store)
        assert session.get_recording(rec.uuid).status is RecordingStatus.QUEUED
        assert not repo.can_edit(rec.uuid)  # queued, but the server already has the record
        edited = rec.with_changes(resident=rec.resident.with_changes(alamat="JL. LAIN NO. 9"))
        with pytest.raises(OnServer, match="sudah sampai di server"):
            repo.save(edited, enqueue=True)
        with pytest.raises(OnServer):
            repo.set_status(rec.uuid, RecordingStatus.DRAFT)
        assert session.get_recording(rec.uuid).resident == rec.resident  # nothing changed locally
        block["on"] = False
        second = pump.run_once(force=True)
    assert second.ok and second.acked == 2 and second.parked == 0
    now = _server_row(module_server, rec.uuid)
    assert now["received_complete"] and now == {**stored, "received_complete": now["received_complete"]}
    assert session.get_recording(rec.uuid).status is RecordingStatus.ACCEPTED
    assert session.get_recording(other.uuid).status is RecordingStatus.ACCEPTED


def _edit_as_if_the_delivery_was_never_noted(session, rec):
    """The laptop died between the server's answer and noting it: the edit lock was
    never set, so an edit of the delivered recording goes through locally."""
    with session.store.transaction() as db:
        db.conn.execute("UPDATE outbox SET server_status = NULL WHERE recording_uuid = ?", (rec.uuid,))
    edited = rec.with_changes(resident=rec.resident.with_changes(alamat="JL. LAIN NO. 9"))
    RecordingRepo(session.store).save(edited, enqueue=True)
    return edited


def test_same_uuid_with_changed_content_is_parked_and_server_copy_unchanged(session, people, module_server,
                                                                            registered):
    # The laptop died between the server's answer and noting it: the lock was never
    # set, so an edit goes through locally; the server keeps its copy and says conflict.
    proxy, block, pump, rec, other = _first_delivery_without_media(session, people, module_server, registered)
    with proxy:
        stored = _server_row(module_server, rec.uuid)
        _edit_as_if_the_delivery_was_never_noted(session, rec)
        block["on"] = False
        second = pump.run_once(force=True)
    assert second.parked == 1 and second.acked == 1  # the conflict is parked, the other carries on
    entry = Outbox(session.store).get(rec.uuid)
    assert entry.state == "parked" and entry.last_error == MSG_CONFLICT
    assert entry.last_error_code == "sync.conflict" and entry.conflict
    assert session.get_recording(rec.uuid).status is RecordingStatus.QUEUED
    assert session.get_recording(other.uuid).status is RecordingStatus.ACCEPTED
    assert _server_row(module_server, rec.uuid) == stored  # untouched
    with module_server.engine.connect() as conn:
        conflicts = conn.execute(sa.text("SELECT count(*) FROM conflicts WHERE uuid = :u"), {"u": rec.uuid}).scalar()
    assert conflicts == 1
    assert any(p.uuid == rec.uuid and p.kind == "parked" for p in sync_overview(session.store).problems)
    third = pump.run_once(force=True)
    assert third.sent == 0  # parked entries wait for a person


def test_rejected_recording_fixed_as_new_version_replaces_the_old(session, people, module_server, registered):
    pump = registered(module_server)
    media = media_for(people.rng)
    rec = record(session.store, people, media=[m for m in media if m.kind == "signature"])  # no photo, no reason
    report = pump.run_once()
    assert report.acked == 1 and report.rejected == 1
    rejected = session.get_recording(rec.uuid)
    assert rejected.status is RecordingStatus.REJECTED
    assert "Foto tidak ada" in rejected.server_message
    problems = sync_overview(session.store).problems
    assert [(p.uuid, p.kind, p.fixed) for p in problems] == [(rec.uuid, "rejected", False)]

    draft = session.fix_rejected(rec.uuid)
    assert draft.uuid != rec.uuid and draft.replaces_uuid == rec.uuid
    assert draft.status is RecordingStatus.DRAFT and draft.resident == rejected.resident
    assert session.fix_rejected(rec.uuid).uuid == draft.uuid  # asking again gives the same draft
    RecordingRepo(session.store).save(draft.with_changes(status=RecordingStatus.COMPLETE),
                                      [m for m in media if m.kind == "photo"], enqueue=True)
    again = pump.run_once()
    assert again.acked == 1 and again.rejected == 0
    assert session.get_recording(draft.uuid).status is RecordingStatus.ACCEPTED
    assert session.get_recording(rec.uuid).status is RecordingStatus.REJECTED  # kept as it was
    assert [(p.uuid, p.fixed) for p in sync_overview(session.store).problems] == [(rec.uuid, True)]

    old, new = _server_row(module_server, rec.uuid), _server_row(module_server, draft.uuid)
    assert old["status"] == "replaced" and old["replaced_by_uuid"] == draft.uuid
    assert new["status"] == "accepted" and new["replaces_uuid"] == rec.uuid and new["received_complete"]
    assert not any(r["code"] == ReasonCodes.DUPLICATE_NIK for r in new["reasons"])

    # The retention purge takes both (fixed, accepted, old enough): the nameless rejected
    # one is no problem any more. A rejected recording not fixed yet stays listed.
    unfixed = record(session.store, people, media=[m for m in media_for(people.rng) if m.kind == "signature"])
    assert pump.run_once().rejected == 1
    result = purge_settled(session.store, 1, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2))
    assert (result.accepted, result.replaced) == (1, 1)
    purged = session.get_recording(rec.uuid)
    assert purged.purged and purged.status is RecordingStatus.REJECTED and purged.resident.nama == ""
    assert [(p.uuid, p.kind, p.fixed) for p in sync_overview(session.store).problems] == [
        (unfixed.uuid, "rejected", False)]
    assert sync_overview(session.store).status_counts["rejected"] == 2  # counted as before


def test_parked_conflict_resent_as_new_version_replaces_the_server_copy(session, people, module_server,
                                                                        registered):
    # A conflict as above: the server holds the first copy, the laptop's edit is parked.
    proxy, block, pump, rec, other = _first_delivery_without_media(session, people, module_server, registered)
    with proxy:
        stored = _server_row(module_server, rec.uuid)
        edited = _edit_as_if_the_delivery_was_never_noted(session, rec)
        block["on"] = False
        assert pump.run_once(force=True).parked == 1  # the pump keeps talking through the proxy
        [problem] = [p for p in sync_overview(session.store).problems if p.uuid == rec.uuid]
        assert problem.kind == "parked" and problem.conflict
        with pytest.raises(ValueError, match="konflik"):  # not a conflict: refused, nothing made
            session.resend_conflict_as_new_version(other.uuid)

        # The operator's way out: the laptop's copy becomes a new version, queued.
        new = session.resend_conflict_as_new_version(rec.uuid)
        assert new.uuid != rec.uuid and new.replaces_uuid == rec.uuid and new.status is RecordingStatus.QUEUED
        assert new.resident == edited.resident and new.acknowledgements == edited.acknowledgements
        assert {m.sha256 for m in session.recordings.media(new.uuid)} == {
            m.sha256 for m in session.recordings.media(rec.uuid)}
        old_entry = Outbox(session.store).get(rec.uuid)
        assert old_entry.state == "acked" and old_entry.server_status is None  # settled; nothing invented
        assert session.get_recording(rec.uuid).status is RecordingStatus.SENT
        assert Outbox(session.store).get(new.uuid).state == "pending"
        assert not any(p.uuid == rec.uuid for p in sync_overview(session.store).problems)
        with pytest.raises(ValueError):  # asking again makes nothing more
            session.resend_conflict_as_new_version(rec.uuid)
        assert session.store.query("SELECT count(*) FROM recordings WHERE replaces_uuid = ?", (rec.uuid,)) == [(1,)]

        # The next sync: the server holds the new version, the old one is replaced, nothing doubled.
        report = pump.run_once(force=True)
        assert report.ok and report.acked == 1 and report.parked == 0 and report.duplicates == 0
        got = session.get_recording(new.uuid)
        assert got.status is RecordingStatus.ACCEPTED and Outbox(session.store).get(new.uuid).state == "acked"
        assert session.get_recording(rec.uuid).status is RecordingStatus.SENT  # 'replaced' is no local verdict
        old, held = _server_row(module_server, rec.uuid), _server_row(module_server, new.uuid)
        assert old["status"] == "replaced" and old["replaced_by_uuid"] == new.uuid
        assert (old["payload_sha256"], old["payload"]) == (stored["payload_sha256"], stored["payload"])
        assert held["status"] == "accepted" and held["replaces_uuid"] == rec.uuid and held["received_complete"]
        assert "JL. LAIN NO. 9" in held["payload"] and held["reasons"] == []
        with module_server.engine.connect() as conn:
            same_nik = conn.execute(sa.text("SELECT status, count(*) FROM recordings WHERE nik = :n GROUP BY status"),
                                    {"n": rec.resident.nik}).all()
            conflict = conn.execute(sa.text("SELECT resolution, reason FROM conflicts WHERE uuid = :u"),
                                    {"u": rec.uuid}).one()
        assert sorted(same_nik) == [("accepted", 1), ("replaced", 1)]
        assert conflict[0] == "dismissed" and new.uuid in conflict[1]  # closed on the server too
        assert sync_overview(session.store).problems == []
        assert pump.run_once(force=True).sent == 0

    # Settled: the retention purge takes the old copy with the new version, once old enough.
    result = purge_settled(session.store, 1, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2))
    assert result.replaced == 1 and session.get_recording(rec.uuid).purged


def _server_row(server, uuid: str) -> dict:
    import json

    with server.engine.connect() as conn:
        row = conn.execute(sa.text(
            "SELECT uuid, status, payload_sha256, payload, replaces_uuid, replaced_by_uuid, received_complete,"
            " reasons FROM recordings WHERE uuid = :u"), {"u": uuid}).mappings().one()
    out = dict(row)
    out["reasons"] = json.loads(out["reasons"])
    return out
