"""Recordings: one-transaction saves, lifecycle moves, media, listing and search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest

from app.core.lifecycle import RecordingStatus, TransitionError
from app.store import outbox_rows
from app.store import recordings as recordings_mod
from app.store.audit import AuditLog
from app.store.errors import NotFound, StoreError
from app.store.media import MediaItem
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from store_support import make_media, make_recording

S = RecordingStatus


def _table_counts(store) -> dict[str, int]:
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in ("recordings", "media", "outbox")}


def test_save_and_get_round_trip(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake, photo_exception=None, signature_exception="cap jempol", replaces_uuid=None)
    media = make_media()
    repo.save(rec, media, enqueue=False)
    got = repo.get(rec.uuid)
    assert got.resident == rec.resident
    assert got.acknowledgements == rec.acknowledgements
    assert got.signature_exception == "cap jempol"
    assert got.status is S.COMPLETE
    assert got.created_at == rec.created_at
    stored = {m.kind: m for m in repo.media(rec.uuid)}
    for item in media:
        assert stored[item.kind].data == item.data
        assert stored[item.kind].sha256 == hashlib.sha256(item.data).hexdigest()
        assert stored[item.kind].meta == item.meta
    row = store.query("SELECT nik, nama, status FROM recordings WHERE uuid = ?", (rec.uuid,))[0]
    assert row == (rec.resident.nik, rec.resident.nama, "complete")
    assert Outbox(store).get(rec.uuid) is None  # not queued: nothing to send


def test_enqueue_writes_outbox_entry_with_content_hash(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake)
    repo.save(rec, make_media(), enqueue=True)
    got = repo.get(rec.uuid)
    assert got.status is S.QUEUED
    entry = Outbox(store).get(rec.uuid)
    assert entry.state == "pending" and entry.attempts == 0
    assert entry.content_sha256 == got.content_sha256(repo.media_hashes(rec.uuid))
    assert [a.action for a in AuditLog(store).entries(recording_uuid=rec.uuid)] == ["recording.saved"]


def test_failure_mid_save_leaves_nothing(store, fake, monkeypatch):
    repo = RecordingRepo(store)
    earlier = make_recording(fake)
    repo.save(earlier, make_media(), enqueue=True)
    before = _table_counts(store)

    def broken_enqueue(db, recording_uuid, content_sha256):
        # The row and both media items are written by now; then the outbox step fails.
        media = db.conn.execute("SELECT count(*) FROM media WHERE recording_uuid = ?", (recording_uuid,))
        assert media.fetchone()[0] == 2
        raise RuntimeError("injected failure")

    monkeypatch.setattr(outbox_rows, "enqueue", broken_enqueue)
    doomed = make_recording(fake)
    with pytest.raises(RuntimeError):
        repo.save(doomed, make_media(), enqueue=True)
    assert repo.find(doomed.uuid) is None
    assert _table_counts(store) == before
    assert AuditLog(store).entries(recording_uuid=doomed.uuid) == []
    assert repo.get(earlier.uuid).resident == earlier.resident
    assert len(repo.media(earlier.uuid)) == 2
    assert not store.conn.in_transaction


def test_sqlite_failure_mid_save_leaves_nothing(store, fake):
    """A real SQLite error after the row and the photo: the signature insert aborts."""
    repo = RecordingRepo(store)
    before = _table_counts(store)
    store.conn.execute(
        "CREATE TEMP TRIGGER fail_signature BEFORE INSERT ON media WHEN new.kind = 'signature'"
        " BEGIN SELECT RAISE(ABORT, 'injected'); END"
    )
    doomed = make_recording(fake)
    with pytest.raises(Exception, match="injected"):
        repo.save(doomed, make_media(), enqueue=True)
    assert _table_counts(store) == before
    assert repo.find(doomed.uuid) is None


def test_failed_update_keeps_the_previous_version(store, fake, monkeypatch):
    repo = RecordingRepo(store)
    rec = make_recording(fake, status=S.DRAFT)
    old_media = make_media()
    repo.save(rec, old_media, enqueue=False)

    class BrokenAudit(AuditLog):
        def append(self, *args, **kwargs):
            raise OSError("injected at the last step")

    monkeypatch.setattr(recordings_mod, "AuditLog", BrokenAudit)
    changed = rec.with_changes(resident=rec.resident.with_changes(nama="NAMA BARU"), status=S.COMPLETE)
    with pytest.raises(OSError):
        repo.save(changed, make_media(), enqueue=True)
    got = repo.get(rec.uuid)
    assert got.resident.nama == rec.resident.nama and got.status is S.DRAFT
    assert {m.sha256 for m in repo.media(rec.uuid)} == {m.sha256 for m in old_media}
    assert Outbox(store).get(rec.uuid) is None


def test_resave_keeps_created_at_and_replaces_media_per_kind(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake, status=S.DRAFT)
    photo, signature = make_media()
    repo.save(rec, [photo, signature], enqueue=False)
    first = repo.get(rec.uuid)
    new_photo = MediaItem("photo", "image/jpeg", b"\xff\xd8 retaken photo", {"approved": True})
    repo.save(rec.with_changes(created_at="1999-01-01T00:00:00.000+00:00"), [new_photo], enqueue=False)
    second = repo.get(rec.uuid)
    assert second.created_at == first.created_at
    assert second.updated_at >= first.updated_at
    assert repo.media_hashes(rec.uuid) == {"photo": new_photo.sha256, "signature": signature.sha256}
    assert repo.delete_media(rec.uuid, "signature") is True
    assert repo.media_hashes(rec.uuid) == {"photo": new_photo.sha256}


def test_editing_a_queued_recording_requeues_with_the_new_content(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake)
    repo.save(rec, make_media(), enqueue=True)
    first_hash = Outbox(store).get(rec.uuid).content_sha256
    repo.save(rec.with_changes(resident=rec.resident.with_changes(rt="099")), enqueue=True)
    assert Outbox(store).get(rec.uuid).content_sha256 != first_hash
    assert Outbox(store).counts()["pending"] == 1


def test_back_to_draft_withdraws_from_the_outbox(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake)
    repo.save(rec, make_media(), enqueue=True)
    repo.set_status(rec.uuid, S.DRAFT)
    assert Outbox(store).get(rec.uuid) is None
    repo.set_status(rec.uuid, S.QUEUED)
    assert Outbox(store).get(rec.uuid).state == "pending"


def test_enqueue_rules(store, fake):
    repo = RecordingRepo(store)
    with pytest.raises(TransitionError):
        repo.save(make_recording(fake, status=S.DRAFT), enqueue=True)
    with pytest.raises(TransitionError):
        repo.save(make_recording(fake, status=S.QUEUED), enqueue=False)
    with pytest.raises(TransitionError):
        repo.save(make_recording(fake, status=S.ACCEPTED), enqueue=False)
    assert repo.count() == 0


def test_lifecycle_is_enforced(store, fake):
    repo = RecordingRepo(store)
    rec = make_recording(fake)
    repo.save(rec, make_media(), enqueue=True)
    repo.set_status(rec.uuid, S.SENT, {"status": "received"})
    assert Outbox(store).get(rec.uuid).state == "acked"  # the server has it: no resend
    with pytest.raises(TransitionError) as info:
        repo.save(rec.with_changes(status=S.COMPLETE), enqueue=False)
    assert rec.resident.nik not in str(info.value) and rec.resident.nama not in str(info.value)
    with pytest.raises(TransitionError):
        repo.set_status(rec.uuid, S.DRAFT)
    repo.set_status(rec.uuid, S.REJECTED, {"status": "rejected", "message": "foto buram"})
    got = repo.get(rec.uuid)
    assert got.status is S.REJECTED and got.server_message == "foto buram"
    repo.save(got.with_changes(status=S.DRAFT), enqueue=False)  # fix it: back to draft
    assert repo.get(rec.uuid).status is S.DRAFT
    actions = [a.action for a in AuditLog(store).entries(recording_uuid=rec.uuid)]
    assert actions.count("recording.status") == 2


def test_delete_draft_only(store, fake):
    repo = RecordingRepo(store)
    draft = make_recording(fake, status=S.DRAFT)
    done = make_recording(fake)
    repo.save(draft, make_media(), enqueue=False)
    repo.save(done, make_media(), enqueue=True)
    with pytest.raises(StoreError):
        repo.delete_draft(done.uuid)
    repo.delete_draft(draft.uuid)
    assert repo.find(draft.uuid) is None
    assert store.query("SELECT count(*) FROM media WHERE recording_uuid = ?", (draft.uuid,))[0][0] == 0
    with pytest.raises(NotFound):
        repo.get(draft.uuid)


def test_invalid_input_is_refused(store, fake):
    repo = RecordingRepo(store)
    with pytest.raises(ValueError):
        repo.save(dataclasses.replace(make_recording(fake), uuid="not-a-uuid"), enqueue=False)
    photo = make_media()[0]
    with pytest.raises(ValueError):
        repo.save(make_recording(fake), [photo, photo], enqueue=False)
    with pytest.raises(ValueError):
        MediaItem("fingerprint", "image/png", b"x")
    with pytest.raises(ValueError):
        MediaItem("photo", "image/png", b"")
    assert repo.count() == 0


def test_list_search_filters_and_counts(store, fake):
    repo = RecordingRepo(store)
    people = [make_recording(fake, status=S.DRAFT if i % 3 == 0 else S.COMPLETE) for i in range(12)]
    for rec in people:
        repo.save(rec, enqueue=False)
    target = people[4]
    words = target.resident.nama.split()

    found = repo.list(search=words[-1][:3].lower())
    assert target.uuid in {r.uuid for r in found}
    assert all(any(w.startswith(words[-1][:3]) for w in r.resident.nama.split()) for r in found)
    assert [r.uuid for r in repo.list(search=" ".join(words))] == [target.uuid]
    assert [r.uuid for r in repo.list(search=target.resident.nik)] == [target.uuid]
    by_prefix = repo.list(search=target.resident.nik[:8])
    assert target.uuid in {r.uuid for r in by_prefix}
    assert all(r.resident.nik.startswith(target.resident.nik[:8]) for r in by_prefix)
    assert repo.list(search="%") == []  # LIKE wildcards are literal

    drafts = repo.list(status=S.DRAFT)
    assert {r.uuid for r in drafts} == {r.uuid for r in people if r.status is S.DRAFT}
    assert repo.count(status=[S.DRAFT, S.COMPLETE]) == 12
    counts = repo.counts_by_status()
    assert counts[S.DRAFT] == 4 and counts[S.COMPLETE] == 8 and counts[S.ACCEPTED] == 0

    page1 = repo.list(limit=5)
    page2 = repo.list(limit=5, offset=5)
    assert len(page1) == 5 and not {r.uuid for r in page1} & {r.uuid for r in page2}
    assert [r.updated_at for r in page1] == sorted((r.updated_at for r in page1), reverse=True)

    today = dt.datetime.now(dt.timezone.utc).date()
    assert repo.count(date_from=today, date_to=today) == 12
    assert repo.count(date_to=today - dt.timedelta(days=1)) == 0
    assert repo.count(date_from=today + dt.timedelta(days=1)) == 0
