"""The outbox: what the sync pump sees, retries, parking and acknowledgement."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.errors import NotFound
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from store_support import make_media, make_recording

S = RecordingStatus


@pytest.fixture
def queued(store, fake):
    repo = RecordingRepo(store)
    recs = []
    for _ in range(3):
        rec = make_recording(fake)
        repo.save(rec, make_media(photo_size=2_000), enqueue=True)
        recs.append(rec)
    return recs


def test_pending_oldest_first_and_limited(store, queued):
    box = Outbox(store)
    assert [e.recording_uuid for e in box.pending(10)] == [r.uuid for r in queued]
    assert len(box.pending(2)) == 2
    assert box.counts() == {"pending": 3, "acked": 0, "parked": 0}


def test_failure_backs_off_until_next_attempt(store, queued):
    box = Outbox(store)
    now = dt.datetime.now(dt.timezone.utc)
    first = queued[0].uuid
    box.record_failure(first, "koneksi terputus", now + dt.timedelta(minutes=5))
    assert first not in [e.recording_uuid for e in box.pending(10)]
    later = box.pending(10, now=now + dt.timedelta(minutes=6))
    assert first in [e.recording_uuid for e in later]
    entry = box.get(first)
    assert entry.attempts == 1 and entry.last_error == "koneksi terputus"
    summary = box.summary()
    assert summary.pending == 3 and summary.last_error == "koneksi terputus"
    assert summary.next_attempt_at == entry.next_attempt_at


def test_park_and_unpark(store, queued):
    box = Outbox(store)
    box.park(queued[1].uuid, "ditolak: format tidak didukung")
    assert queued[1].uuid not in [e.recording_uuid for e in box.pending(10)]
    assert box.counts()["parked"] == 1
    box.unpark(queued[1].uuid)
    assert box.counts() == {"pending": 3, "acked": 0, "parked": 0}
    with pytest.raises(NotFound):
        box.park("00000000-0000-4000-8000-000000000000", "x")


@pytest.mark.parametrize(
    "server_status, expected",
    [
        ("received", S.SENT), ("accepted", S.ACCEPTED),
        ("duplicate_review", S.DUPLICATE_REVIEW), ("rejected", S.REJECTED),
    ],
)
def test_mark_acked_moves_the_recording(store, queued, server_status, expected):
    box = Outbox(store)
    entry = box.pending(1)[0]
    assert box.mark_acked(entry.recording_uuid, server_status, content_sha256=entry.content_sha256) is True
    rec = RecordingRepo(store).get(entry.recording_uuid)
    assert rec.status is expected and rec.server_status == server_status
    assert box.get(entry.recording_uuid).state == "acked"
    assert box.counts()["acked"] == 1
    assert box.mark_acked(entry.recording_uuid, server_status) is False  # a replayed ack is harmless


def test_ack_of_an_outdated_payload_is_ignored(store, queued):
    box = Outbox(store)
    repo = RecordingRepo(store)
    entry = box.get(queued[0].uuid)
    # The operator edits the recording while the pump is sending the old version.
    repo.save(queued[0].with_changes(resident=queued[0].resident.with_changes(rw="099")), enqueue=True)
    assert box.mark_acked(entry.recording_uuid, "accepted", content_sha256=entry.content_sha256) is False
    assert repo.get(entry.recording_uuid).status is S.QUEUED
    assert box.get(entry.recording_uuid).state == "pending"


def test_long_errors_are_truncated(store, queued):
    box = Outbox(store)
    box.record_failure(queued[0].uuid, "x" * 5000, "2030-01-01T00:00:00.000+00:00")
    assert len(box.get(queued[0].uuid).last_error) == 500


def test_delivered_records_are_locked_for_editing(store, queued):
    from app.store.recordings import OnServer

    box, repo = Outbox(store), RecordingRepo(store)
    first, second, third = (box.get(r.uuid) for r in queued)
    # An entry edited since it was sent (another payload) is not marked.
    repo.save(queued[2].with_changes(resident=queued[2].resident.with_changes(rw="077")), enqueue=True)
    marked = box.mark_delivered([(first.recording_uuid, "accepted", first.content_sha256),
                                 (third.recording_uuid, "accepted", third.content_sha256)])
    assert marked == 1
    assert box.get(first.recording_uuid).server_status == "accepted"
    assert box.get(first.recording_uuid).state == "pending"  # media still to go: not acked
    assert not repo.can_edit(first.recording_uuid)
    assert repo.can_edit(second.recording_uuid) and repo.can_edit(third.recording_uuid)
    before = repo.get(first.recording_uuid)
    with pytest.raises(OnServer, match="sudah sampai di server"):
        repo.save(before.with_changes(resident=before.resident.with_changes(rw="099")), enqueue=True)
    with pytest.raises(OnServer):
        repo.set_status(first.recording_uuid, S.DRAFT)
    with pytest.raises(OnServer):
        repo.delete_media(first.recording_uuid, "photo")
    assert repo.get(first.recording_uuid) == before and len(repo.media(first.recording_uuid)) == 2
    # Marking twice changes nothing; the ack later moves it on as usual.
    assert box.mark_delivered([(first.recording_uuid, "accepted", first.content_sha256)]) == 0
    assert box.mark_delivered([]) == 0
    assert box.mark_acked(first.recording_uuid, "accepted", content_sha256=first.content_sha256)
    assert repo.get(first.recording_uuid).status is S.ACCEPTED and not repo.can_edit(first.recording_uuid)
