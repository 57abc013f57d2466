"""The recording and its outbox entry as one aggregate: each named transition of the store, on real files."""

from __future__ import annotations

import pytest

from app.core.lifecycle import OutboxState, RecordingStatus
from app.store.outbox import CONFLICT_CODE, UNCLASSIFIED, Outbox
from app.store.queue_view import sync_overview
from app.store.recordings import RecordingRepo, move_status
from app.store.targets import TargetRepo
from store_support import make_media, make_recording

S = RecordingStatus


@pytest.fixture
def queued(store, fake):
    repo = RecordingRepo(store)
    recs = []
    for size in (2_000, 3_000, 5_000):
        rec = make_recording(fake)
        repo.save(rec, make_media(photo_size=size, signature_size=500), enqueue=True)
        recs.append(repo.get(rec.uuid))
    return recs


def test_enqueue_keeps_the_content_hash(store, queued):
    repo = RecordingRepo(store)
    for rec in queued:
        entry = Outbox(store).get(rec.uuid)
        assert entry.state is OutboxState.PENDING and entry.last_error_code is None
        assert entry.content_sha256 == rec.content_sha256(repo.media_hashes(rec.uuid))
        assert not hasattr(entry, "payload_sha256")  # the misleading name is gone, not aliased
    columns = {r[1] for r in store.query("PRAGMA table_info(outbox)")}
    assert {"content_sha256", "last_error_code", "last_error_params"} <= columns
    assert "payload_sha256" not in columns


def test_due_totals_count_entries_and_media_bytes(store, queued):
    box = Outbox(store)
    assert box.due_totals() == (3, 2_000 + 3_000 + 5_000 + 3 * 500)
    box.record_failure(queued[0].uuid, "koneksi terputus", "2999-01-01T00:00:00.000+00:00")
    assert box.due_totals() == (2, 3_000 + 5_000 + 2 * 500)
    assert box.due_totals("9999-12-31T00:00:00.000+00:00")[0] == 3
    box.park(queued[1].uuid, "x")
    assert box.due_totals("9999-12-31T00:00:00.000+00:00") == (2, 2_000 + 5_000 + 2 * 500)


def test_media_meta_names_the_media_without_bytes(store, queued):
    repo = RecordingRepo(store)
    uuids = [r.uuid for r in queued] + ["00000000-0000-4000-8000-000000000000"]
    meta = repo.media_meta(uuids)
    assert meta["00000000-0000-4000-8000-000000000000"] == []
    for rec in queued:
        items = {m.kind: m for m in repo.media(rec.uuid)}
        assert sorted(meta[rec.uuid]) == sorted((m.kind, m.sha256, m.mime, m.size) for m in items.values())


def test_park_keeps_the_code_and_params_beside_the_words(store, queued):
    box = Outbox(store)
    box.park(queued[0].uuid, "Server tidak dapat menerima rekaman ini (HTTP 422).", "sync.item_refused",
             {"status": 422, "words": ""})
    entry = box.get(queued[0].uuid)
    assert entry.state is OutboxState.PARKED and not entry.conflict
    assert (entry.last_error_code, entry.last_error_params) == ("sync.item_refused", {"status": 422, "words": ""})
    box.park(queued[1].uuid, "words only")  # a caller that gives no code
    assert box.get(queued[1].uuid).last_error_code == UNCLASSIFIED
    box.unpark(queued[0].uuid)
    assert box.get(queued[0].uuid).state is OutboxState.PENDING


def test_failure_recorded_with_its_code(store, queued):
    box = Outbox(store)
    box.record_failure(queued[0].uuid, "Server terlalu lama menjawab (sinyal lemah).", "2030-01-01T00:00:00.000+00:00",
                       "sync.timeout", {})
    box.record_failure(queued[0].uuid, "Terjadi kesalahan di server (HTTP 500).", "2030-01-01T00:00:00.000+00:00",
                       "sync.server_trouble", {"status": 500})
    entry = box.get(queued[0].uuid)
    assert entry.attempts == 2 and entry.state is OutboxState.PENDING
    assert (entry.last_error_code, entry.last_error_params) == ("sync.server_trouble", {"status": 500})


def test_acknowledgement_settles_the_entry_and_clears_its_problem(store, queued):
    box, repo = Outbox(store), RecordingRepo(store)
    uuid = queued[0].uuid
    box.record_failure(uuid, "x", "2030-01-01T00:00:00.000+00:00", "sync.timeout")
    entry = box.get(uuid)
    assert box.mark_acked(uuid, "duplicate_review", content_sha256=entry.content_sha256,
                          server_message="NIK ganda.", server_reasons=None)
    acked = box.get(uuid)
    assert acked.state is OutboxState.ACKED and acked.acked_at and acked.server_status == "duplicate_review"
    assert (acked.last_error, acked.last_error_code, acked.last_error_params, acked.next_attempt_at) == (
        None, None, {}, None)
    assert repo.get(uuid).status is S.DUPLICATE_REVIEW and repo.get(uuid).server_message == "NIK ganda."
    # A later verdict moves the recording; the settled entry stays as it is.
    repo.set_status(uuid, S.ACCEPTED, {"status": "accepted", "message": ""})
    assert box.get(uuid) == acked


def test_a_status_move_to_sent_settles_a_parked_entry_keeping_no_server_status(store, queued):
    box = Outbox(store)
    uuid = queued[0].uuid
    box.park(uuid, "Konflik.", CONFLICT_CODE)
    move_status(store, uuid, S.SENT)
    entry = box.get(uuid)
    assert entry.state is OutboxState.ACKED and entry.server_status is None and entry.last_error_code is None


def test_server_verdicts_applied_only_where_the_lifecycle_allows(store, queued):
    box, repo = Outbox(store), RecordingRepo(store)
    sent, accepted, still_queued = (r.uuid for r in queued)
    for uuid, status in ((sent, "received"), (accepted, "accepted")):
        assert box.mark_acked(uuid, status)
    info = {"status": "rejected", "message": "Foto buram.", "reasons": "[]"}
    moved = repo.apply_verdicts([
        (sent, S.REJECTED, info),
        (accepted, S.ACCEPTED, {"status": "accepted", "message": ""}),  # already there
        (still_queued, S.ACCEPTED, {"status": "accepted", "message": ""}),  # the outbox still owns it
        ("00000000-0000-4000-8000-000000000000", S.ACCEPTED, {}),  # not on this laptop
    ], batch=1)
    assert moved == 1
    assert repo.get(sent).status is S.REJECTED and repo.get(sent).server_message == "Foto buram."
    assert repo.get(accepted).status is S.ACCEPTED and repo.get(still_queued).status is S.QUEUED
    assert repo.apply_verdicts([(sent, S.ACCEPTED, {"status": "accepted"})]) == 0  # rejected -> accepted: no
    assert repo.statuses([sent, still_queued, "nope"]) == {sent: S.REJECTED, still_queued: S.QUEUED}


def test_newer_version_is_the_latest_replacement(store, fake, queued):
    repo = RecordingRepo(store)
    old = queued[0]
    assert repo.newer_version(old.uuid) is None
    first = make_recording(fake, replaces_uuid=old.uuid).with_changes(created_at="2024-01-01T00:00:00.000+00:00")
    second = make_recording(fake, replaces_uuid=old.uuid).with_changes(created_at="2024-02-01T00:00:00.000+00:00")
    repo.save(second, enqueue=False)
    repo.save(first, enqueue=False)
    assert repo.newer_version(old.uuid).uuid == second.uuid


def test_targets_merge_from_the_feed_keeps_what_an_import_knew(store, fake):
    targets = TargetRepo(store)
    known = {"nik": "1671014501900001", "nama": "SITI AMINAH", "kelurahan_kode": "16.71.01.1001", "rw": "001",
             "rt": "002", "status_ktp": "belum rekam", "no_kk": "1671010101900001"}
    targets.upsert_many([known])
    feed = [
        {**{k: known[k] for k in ("nik", "nama", "kelurahan_kode", "rw", "rt")}, "recorded_elsewhere": True},
        {"nik": "1671015001900002", "nama": "BUDI", "kelurahan_kode": "16.71.01.1001", "rw": "001", "rt": "002",
         "recorded_elsewhere": False},
        {"nik": "12", "nama": "", "recorded_elsewhere": False},  # not a target row: skipped
    ]
    assert targets.merge_from_server(feed) == 2
    got = targets.get(known["nik"])
    assert got.status_ktp == "belum rekam" and got.no_kk == known["no_kk"] and got.recorded_elsewhere is True
    assert got.source == "server" and targets.get("1671015001900002").status_ktp == ""


def test_queue_view_reads_a_conflict_from_its_code_not_its_words(store, queued):
    box = Outbox(store)
    box.park(queued[0].uuid, "The server holds another version of this recording.", CONFLICT_CODE)
    box.park(queued[1].uuid, "Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda).",
             "sync.item_refused", {"status": 422, "words": ""})
    view = sync_overview(store)
    by_uuid = {p.uuid: p for p in view.problems}
    assert by_uuid[queued[0].uuid].conflict and by_uuid[queued[0].uuid].code == CONFLICT_CODE
    assert not by_uuid[queued[1].uuid].conflict
    assert by_uuid[queued[1].uuid].params == {"status": 422, "words": ""}
    assert view.outbox_counts == {"pending": 1, "acked": 0, "parked": 2}
    assert view.waiting == 3  # parked recordings still wait (queued) until a person acts
