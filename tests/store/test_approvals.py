"""The approvals table (store migration 0015_approvals): decisions only on waiting recordings, an edited
approved recording waits again, a deleted draft takes its row along, nothing personal in the trail."""

from __future__ import annotations

import pytest

from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.store import approvals
from app.store.audit import AuditLog
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from store_support import make_media, make_recording


def _waiting(store, fake):
    rec = make_recording(fake)
    RecordingRepo(store).save(rec, make_media(2_000, 500), enqueue=False)
    approvals.mark_waiting(store, rec.uuid, actor="Ani")
    return rec


def test_only_a_waiting_recording_is_decided(store, fake):
    repo = RecordingRepo(store)
    draft = make_recording(fake, RecordingStatus.DRAFT)
    repo.save(draft, enqueue=False)
    for decide in (lambda: approvals.approve(store, [draft.uuid], actor="Siti"),
                   lambda: approvals.return_recording(store, draft.uuid, "data", actor="Siti")):
        with pytest.raises(CodedError) as info:
            decide()
        assert info.value.code == "approval.not_waiting" and "Draf" in str(info.value)
    with pytest.raises(CodedError) as info:
        approvals.approve(store, ["00000000-0000-4000-8000-000000000000"], actor="Siti")
    assert info.value.code == "recording.not_found"
    rec = _waiting(store, fake)
    with pytest.raises(CodedError):  # one bad uuid in a batch: nothing of the batch is approved
        approvals.approve(store, [rec.uuid, draft.uuid], actor="Siti")
    assert repo.get(rec.uuid).status is RecordingStatus.COMPLETE and Outbox(store).get(rec.uuid) is None
    assert approvals.approve(store, [rec.uuid, rec.uuid], actor="Siti") == 1  # a repeated id counts once
    assert approvals.state_of(store, rec.uuid) == "approved"


def test_an_approved_recording_edited_before_it_is_sent_waits_again(store, fake):
    repo = RecordingRepo(store)
    rec = _waiting(store, fake)
    approvals.approve(store, [rec.uuid], actor="Siti")
    assert repo.get(rec.uuid).status is RecordingStatus.QUEUED
    edited = repo.get(rec.uuid).with_changes(status=RecordingStatus.COMPLETE)
    repo.save(edited, enqueue=False)  # what the session does with approval on
    approvals.mark_waiting(store, rec.uuid, actor="Ani")
    assert repo.get(rec.uuid).status is RecordingStatus.COMPLETE and Outbox(store).get(rec.uuid) is None
    assert approvals.waiting_count(store) == 1 and approvals.state_of(store, rec.uuid) == "waiting"


def test_a_returned_draft_deleted_takes_its_decision_along(store, fake):
    rec = _waiting(store, fake)
    note = f"NIK {rec.resident.nik} salah ketik"  # a careless note: kept encrypted, never in the trail
    approvals.return_recording(store, rec.uuid, "data", note, actor="Siti")
    assert approvals.returned_words(store, rec.uuid).endswith(note)
    assert not any(rec.resident.nik in str(e.detail) for e in AuditLog(store).entries(limit=500))
    RecordingRepo(store).delete_draft(rec.uuid)
    assert approvals.state_of(store, rec.uuid) is None
    assert store.query("SELECT count(*) FROM approvals") == [(0,)]


def test_the_review_names_every_biometric_exception_the_recording_carries(store, fake):
    from app.core.biometric_content import to_content
    from app.core.biometric_set import BiometricExceptionReason, BiometricSet, Excepted

    bio = (BiometricSet().with_slot("Left Thumb", Excepted(BiometricExceptionReason.LUKA_PERBAN))
           .with_slot("Left", Excepted(BiometricExceptionReason.TIDAK_DAPAT_MEMBUKA_MATA)))
    rec = make_recording(fake).with_changes(biometrics=to_content(bio))
    RecordingRepo(store).save(rec, make_media(2_000, 500), enqueue=False)
    approvals.mark_waiting(store, rec.uuid, actor="Ani")
    (item,) = approvals.waiting(store)
    assert "Jempol kiri: Luka / perban" in item.exceptions and "Mata kiri: Tidak dapat membuka mata" in item.exceptions
