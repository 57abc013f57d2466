"""The recordings of one NIK (latest version of each) and a recording's version number: what the form
asks at every typed NIK (`app.core.repeat`), read from the NIK and replaces indexes."""

from __future__ import annotations

import dataclasses

from app.core.lifecycle import RecordingStatus
from app.store.recordings import RecordingRepo
from store_support import make_recording

S = RecordingStatus


def _save(repo, rec):
    repo.save(rec, enqueue=False)
    return repo.get(rec.uuid)


def test_latest_of_nik_lists_each_recording_once_latest_version_only(store, fake):
    repo = RecordingRepo(store)
    first = _save(repo, make_recording(fake, status=S.COMPLETE))
    nik = first.resident.nik
    draft = _save(repo, make_recording(fake, status=S.DRAFT).with_changes(resident=first.resident))
    other = _save(repo, make_recording(fake, status=S.COMPLETE))
    assert other.resident.nik != nik
    assert [r.uuid for r in repo.latest_of_nik(nik)] == [draft.uuid, first.uuid]  # latest changed first
    assert [r.uuid for r in repo.latest_of_nik(nik, besides=draft.uuid)] == [first.uuid]
    assert [r.uuid for r in repo.latest_of_nik(nik, limit=1)] == [draft.uuid]

    # A correction stands for the version it replaces; versions are counted along the chain.
    v2 = _save(repo, make_recording(fake, status=S.DRAFT, replaces_uuid=first.uuid)
               .with_changes(resident=first.resident))
    v3 = _save(repo, make_recording(fake, status=S.DRAFT, replaces_uuid=v2.uuid)
               .with_changes(resident=dataclasses.replace(first.resident, alamat="JL. BARU 3")))
    assert {r.uuid for r in repo.latest_of_nik(nik)} == {draft.uuid, v3.uuid}
    assert [repo.version_of(u) for u in (first.uuid, v2.uuid, v3.uuid, draft.uuid)] == [1, 2, 3, 1]


def test_latest_of_nik_takes_bad_input(store, fake):
    repo = RecordingRepo(store)
    rec = _save(repo, make_recording(fake))
    for nik in ("", rec.resident.nik[:15], rec.resident.nik + "0", "' OR 1=1 --", "%", "_" * 16, "9" * 5000):
        assert repo.latest_of_nik(nik) == []
    assert repo.version_of("not-a-uuid") == 1


def test_a_version_chain_that_loops_ends(store, fake):
    """Damaged data (a recording naming itself) must not hang the count."""
    repo = RecordingRepo(store)
    rec = _save(repo, make_recording(fake))
    with store.transaction() as db:
        db.conn.execute("UPDATE recordings SET replaces_uuid = uuid WHERE uuid = ?", (rec.uuid,))
    assert repo.version_of(rec.uuid) == 1000
    assert repo.latest_of_nik(rec.resident.nik) == []  # it replaces itself: no latest version


def test_the_nik_lookup_reads_indexes(store):
    plan = " ".join(str(row[-1]) for row in store.query(
        "EXPLAIN QUERY PLAN SELECT r.uuid FROM recordings r WHERE r.nik = ? AND r.uuid IS NOT ?"
        " AND NOT EXISTS (SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid)"
        " ORDER BY r.updated_at DESC, r.uuid LIMIT ?", ("1", None, 20)))
    assert "USING INDEX recordings_nik" in plan and "recordings_replaces" in plan, plan
