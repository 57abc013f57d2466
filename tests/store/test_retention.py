"""Retention purge: exactly the settled recordings lose media and personal data; counts and
progress stay; nothing is left in the decrypted file; dry run, idempotence, audit, chunks."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus, TransitionError
from app.store.audit import AuditLog, check_detail
from app.store.keys import derive_key
from app.store.outbox import Outbox
from app.store.profile import db_path, read_profile
from app.store.recordings import Recording, RecordingRepo, move_status
from app.store.retention import (
    AUDIT_ACTION,
    DEFAULT_RETENTION_DAYS,
    PurgeResult,
    check_days,
    purge_by_setting,
    purge_settled,
    retention_days,
)
from app.store.settings import Settings
from app.store.targets import TargetRepo
from app.store._util import to_utc_iso
from support.profiles import PASSPHRASE
from store_support import make_media, make_resident

S = RecordingStatus
NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.timezone.utc)
DAYS = 30
# SQLCipher 4 defaults: 4096-byte pages, 80 reserved bytes at the end of each (16 IV + 64 HMAC),
# the file salt in the first 16 bytes of page 1; AES-256-CBC with the raw key.
PAGE, RESERVE = 4096, 80


def decrypted(path, key: bytes) -> bytes:
    """The plaintext of every page of an SQLCipher file (free pages and free space included)."""
    data = path.read_bytes()
    out = bytearray()
    for number in range(len(data) // PAGE):
        page = data[number * PAGE:(number + 1) * PAGE]
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += decryptor.update(page[16 if number == 0 else 0:PAGE - RESERVE]) + decryptor.finalize()
    return bytes(out)


def _key(directory) -> bytes:
    from app.store.keyslots import find_slot

    info = read_profile(directory)
    if info.has_slots:
        return find_slot(info.slots, PASSPHRASE)[1]
    return derive_key(PASSPHRASE, info.salt, info.kdf)


class Scenario:
    """Recordings in every status and age, some residents on the target list."""

    def __init__(self, store, fake):
        self.store = store
        self.fake = fake
        self.repo = RecordingRepo(store)
        self.uuids: dict[str, str] = {}
        self.residents: dict[str, object] = {}
        self.media: dict[str, list] = {}
        self.expected: set[str] = set()
        self.kinds: dict[str, str] = {}

    def add(self, name, status, age_days, *, purged=False, kind="accepted", resident=None, replaces=None,
            target=True):
        resident = resident or make_resident(self.fake)
        rec = Recording.new(
            resident, operator="operator-1", status=S.DRAFT if status is S.DRAFT else S.COMPLETE,
            acknowledgements=[Acknowledgement("nik.birth_date_mismatch", "nik", "sesuai KK")],
            replaces_uuid=self.uuids.get(replaces),
            photo_flag={"reason": "terbaring", "text": "pasca stroke", "failed_checks": ["photo.tilted"]},
            signature_flag={"mode": "tanda_tangan_wali", "guardian_name": "Wali " + resident.nama,
                            "guardian_relation": "anak", "reason": ""},
        )
        media = make_media(photo_size=9_000, signature_size=1_500)
        self.repo.save(rec, media, enqueue=status not in (S.DRAFT, S.COMPLETE))
        verdict = {S.SENT: "received", S.ACCEPTED: "accepted", S.DUPLICATE_REVIEW: "duplicate_review",
                   S.REJECTED: "rejected"}.get(status)
        if verdict:
            assert Outbox(self.store).mark_acked(rec.uuid, verdict)
        with self.store.transaction() as db:
            db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?",
                            (to_utc_iso(NOW - dt.timedelta(days=age_days)), rec.uuid))
        assert self.repo.get(rec.uuid).status is status
        if target:
            TargetRepo(self.store).upsert_many([{
                "nik": resident.nik, "nama": resident.nama, "tanggal_lahir": resident.tanggal_lahir,
                "jenis_kelamin": resident.jenis_kelamin.value, "alamat": resident.alamat, "rt": resident.rt,
                "rw": resident.rw, "kelurahan_kode": resident.kelurahan_kode,
            }])
        self.uuids[name] = rec.uuid
        self.residents[name] = resident
        self.media[name] = media
        if purged:
            self.expected.add(rec.uuid)
            self.kinds[rec.uuid] = kind
        return rec.uuid


# (name, status, age in days, purged?, kind, replaces)
CASES = [
    ("draft", S.DRAFT, 60, False, None, None),
    ("complete", S.COMPLETE, 60, False, None, None),
    ("queued", S.QUEUED, 60, False, None, None),
    ("sent", S.SENT, 60, False, None, None),
    ("accepted_old", S.ACCEPTED, 40, True, "accepted", None),
    ("accepted_31_days", S.ACCEPTED, 31, True, "accepted", None),
    ("accepted_29_days", S.ACCEPTED, 29, False, None, None),
    ("accepted_new", S.ACCEPTED, 1, False, None, None),
    ("duplicate_review", S.DUPLICATE_REVIEW, 60, False, None, None),
    ("rejected_to_fix", S.REJECTED, 60, False, None, None),
    ("rejected_fix_draft", S.REJECTED, 60, False, None, None),
    ("fix_draft", S.DRAFT, 50, False, None, "rejected_fix_draft"),
    ("rejected_fix_accepted", S.REJECTED, 60, True, "replaced", None),
    ("fix_accepted", S.ACCEPTED, 35, True, "accepted", "rejected_fix_accepted"),
    ("rejected_fix_recent", S.REJECTED, 60, False, None, None),
    ("fix_recent", S.ACCEPTED, 3, False, None, "rejected_fix_recent"),
    ("chain_1", S.REJECTED, 70, True, "replaced", None),
    ("chain_2", S.REJECTED, 60, True, "replaced", "chain_1"),
    ("chain_3", S.ACCEPTED, 45, True, "accepted", "chain_2"),
    ("rejected_fix_in_review", S.REJECTED, 60, False, None, None),
    ("fix_in_review", S.DUPLICATE_REVIEW, 45, False, None, "rejected_fix_in_review"),
]


@pytest.fixture
def scenario(store, fake) -> Scenario:
    sc = Scenario(store, fake)
    for name, status, age, purged, kind, replaces in CASES:
        resident = sc.residents[replaces] if replaces else None  # a fix is the same resident
        sc.add(name, status, age, purged=purged, kind=kind, resident=resident, replaces=replaces)
    # Accepted long ago, but the outbox still holds something to send: never purged.
    sc.add("accepted_outbox_pending", S.ACCEPTED, 40)
    with store.transaction() as db:
        db.conn.execute("UPDATE outbox SET state = 'pending' WHERE recording_uuid = ?",
                        (sc.uuids["accepted_outbox_pending"],))
    # A walk-in: not on the target list.
    sc.add("walk_in", S.ACCEPTED, 40, purged=True, target=False)
    return sc


def _purged_uuids(store) -> set[str]:
    return {u for (u,) in store.query("SELECT uuid FROM recordings WHERE purged_at IS NOT NULL")}


def _dump(store) -> dict:
    return {
        "recordings": store.query("SELECT * FROM recordings ORDER BY uuid"),
        "media": store.query("SELECT recording_uuid, kind, sha256, size FROM media ORDER BY recording_uuid, kind"),
        "outbox": store.query("SELECT * FROM outbox ORDER BY recording_uuid"),
        "audit": store.query("SELECT count(*) FROM audit"),
        "settings": store.query("SELECT key, value FROM settings ORDER BY key"),
    }


def test_purge_selects_exactly_the_settled_recordings(store, scenario):
    result = purge_settled(store, DAYS, now=NOW)
    by_uuid = {u: n for n, u in scenario.uuids.items()}
    assert {by_uuid[u] for u in _purged_uuids(store)} == {by_uuid[u] for u in scenario.expected}
    kinds = list(scenario.kinds.values())
    assert (result.accepted, result.replaced) == (kinds.count("accepted"), kinds.count("replaced"))
    assert result.recordings == len(scenario.expected) == 8
    assert result.media == 2 * len(scenario.expected)
    assert result.media_bytes == len(scenario.expected) * (9_000 + 1_500)
    assert result.nik_hashed == 1  # the walk-in only
    assert not result.dry_run


def test_purged_recordings_lose_media_and_personal_data(store, scenario):
    repo = RecordingRepo(store)
    before = {u: repo.get(u) for u in scenario.uuids.values()}
    purge_settled(store, DAYS, now=NOW)
    for name, uuid in scenario.uuids.items():
        rec, old = repo.get(uuid), before[uuid]
        assert (rec.status, rec.created_at, rec.updated_at, rec.operator, rec.replaces_uuid) == (
            old.status, old.created_at, old.updated_at, old.operator, old.replaces_uuid)
        if uuid not in scenario.expected:
            assert rec == old and not rec.purged, name
            assert repo.media_hashes(uuid) == {m.kind: m.sha256 for m in scenario.media[name]}, name
            continue
        assert rec.purged, name
        assert repo.media(uuid) == [] and repo.media_hashes(uuid) == {}
        r, was = rec.resident, old.resident
        assert (r.nik, r.no_kk, r.nama, r.tempat_lahir, r.tanggal_lahir, r.alamat, r.nama_ayah, r.nama_ibu,
                r.telepon, r.agama, r.pekerjaan) == ("", "", "", "", None, "", "", "", "", None, None)
        assert (r.kelurahan_kode, r.kecamatan_kode, r.kabupaten_kode, r.provinsi_kode, r.rt, r.rw) == (
            was.kelurahan_kode, was.kecamatan_kode, was.kabupaten_kode, was.provinsi_kode, was.rt, was.rw)
        assert r.kelurahan_nama == was.kelurahan_nama
        assert rec.acknowledgements == [] and rec.photo_exception is None and rec.server_message is None
        assert rec.photo_flag is None and rec.signature_flag is None  # the guardian's name goes too
        assert old.signature_flag["guardian_name"].startswith("Wali ")
        [(nama, area)] = store.query("SELECT nama, kelurahan_kode || rw || rt FROM recordings WHERE uuid = ?",
                                     (uuid,))
        assert nama == "" and area == was.kelurahan_kode + was.rw + was.rt
    assert store.integrity_check() == "ok"


def test_progress_counts_and_target_marks_stay_the_same(store, scenario):
    targets, repo = TargetRepo(store), RecordingRepo(store)

    def picture():
        return (
            {level: targets.progress_by(level) for level in ("kecamatan", "kelurahan", "rw", "rt")},
            repo.counts_by_status(),
            repo.count(status=[s for s in S if s is not S.DRAFT], date_from=dt.date.today(),
                       date_to=dt.date.today()),
            {n: (t.recorded, t.recording_status) for n in scenario.residents
             if (t := targets.get(scenario.residents[n].nik)) is not None},
        )

    before = picture()
    assert sum(p.recorded for p in before[0]["kelurahan"]) > 0
    purge_settled(store, DAYS, now=NOW)
    assert picture() == before


def test_a_walk_in_nik_is_kept_only_as_a_hash_until_it_reaches_the_target_list(store, scenario):
    walk_in = scenario.residents["walk_in"]
    uuid = scenario.uuids["walk_in"]
    purge_settled(store, DAYS, now=NOW)
    [(nik, nik_hash)] = store.query("SELECT nik, nik_hash FROM recordings WHERE uuid = ?", (uuid,))
    assert nik == "" and len(nik_hash) == 64 and walk_in.nik not in nik_hash
    # On the list NIKs stay (the target row holds them anyway), with no hash.
    kept = store.query("SELECT nik, nik_hash FROM recordings WHERE uuid = ?", (scenario.uuids["accepted_old"],))
    assert kept == [(scenario.residents["accepted_old"].nik, None)]

    # The server's feed (or an import) later brings that NIK: the recording is linked again.
    targets = TargetRepo(store)
    before = {p.key: p.recorded for p in targets.progress_by("rt")}
    targets.upsert_many([{"nik": walk_in.nik, "nama": walk_in.nama, "kelurahan_kode": walk_in.kelurahan_kode,
                          "rw": walk_in.rw, "rt": walk_in.rt, "recorded_elsewhere": False}], source="server")
    assert store.query("SELECT nik, nik_hash FROM recordings WHERE uuid = ?", (uuid,)) == [(walk_in.nik, None)]
    t = targets.get(walk_in.nik)
    assert t.recorded and t.recording_status is S.ACCEPTED
    key = (walk_in.kelurahan_kode, walk_in.rw, walk_in.rt)
    after = {p.key: p.recorded for p in targets.progress_by("rt")}
    assert after[key] == before.get(key, 0) + 1
    assert not targets.page(walk_in.nik, only_open=True)


def test_dry_run_changes_nothing_and_counts_what_a_real_run_does(store, scenario):
    before = _dump(store)
    dry = purge_settled(store, DAYS, now=NOW, dry_run=True)
    assert _dump(store) == before
    assert dry.dry_run and dry.recordings == len(scenario.expected)
    real = purge_settled(store, DAYS, now=NOW)
    assert (dry.accepted, dry.replaced, dry.media, dry.media_bytes) == (
        real.accepted, real.replaced, real.media, real.media_bytes)
    assert "Uji coba" in dry.summary() and "Uji coba" not in real.summary()


def test_running_again_purges_nothing(store, scenario):
    first = purge_settled(store, DAYS, now=NOW)
    assert first.recordings > 0
    after = _dump(store)
    again = purge_settled(store, DAYS, now=NOW)
    assert again.recordings == again.media == 0
    assert _dump(store) == after  # not even an audit line
    assert "Tidak ada rekaman" in again.summary()


def test_audit_entries_hold_counts_only(store, scenario):
    result = purge_settled(store, DAYS, now=NOW, chunk=3)
    entries = AuditLog(store).entries(action=AUDIT_ACTION)
    assert len(entries) == math.ceil(result.recordings / 3)  # one per chunk, each its own transaction
    assert sum(e.detail["recordings"] for e in entries) == result.recordings
    assert sum(e.detail["media"] for e in entries) == result.media
    text = json.dumps([e.detail for e in entries])
    for entry in entries:
        check_detail(entry.detail)
        assert entry.recording_uuid is None
        assert all(isinstance(v, int) for v in entry.detail.values())
    for resident in scenario.residents.values():
        assert resident.nik not in text and resident.nama not in text
    for uuid in scenario.uuids.values():
        assert uuid not in text


def test_nothing_personal_is_left_in_the_decrypted_file(store, scenario, profile_dir):
    walk_in = scenario.residents["walk_in"]
    photo = next(m for m in scenario.media["walk_in"] if m.kind == "photo").data
    probes = {
        "name": walk_in.nama.encode(), "father": walk_in.nama_ayah.encode(), "phone": walk_in.telepon.encode(),
        "address": walk_in.alamat.encode(), "nik": walk_in.nik.encode(),
        "photo": photo[4000:4064], "photo_start": photo[:64],
    }
    others = " ".join(f"{r.nama} {r.nama_ayah} {r.nama_ibu} {r.alamat}"
                      for n, r in scenario.residents.items() if n != "walk_in")
    assert walk_in.nama not in others and walk_in.nama_ayah not in others and walk_in.alamat not in others
    key = _key(profile_dir)
    path = db_path(profile_dir)
    store.checkpoint()
    plain = decrypted(path, key)
    assert b"CREATE TABLE recordings" in plain  # it decrypts
    assert {name for name, probe in probes.items() if probe in plain} == set(probes)  # there before

    purge_settled(store, DAYS, now=NOW)
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # old page images are not left in the WAL
    plain = decrypted(path, key)
    assert b"CREATE TABLE recordings" in plain
    assert {name for name, probe in probes.items() if probe in plain} == set()
    # A recording that is kept still has its photo in the file (the check can see one).
    kept = next(m for m in scenario.media["accepted_new"] if m.kind == "photo").data
    assert kept[4000:4064] in plain


def test_a_purged_recording_cannot_be_edited_or_reopened(store, scenario):
    purge_settled(store, DAYS, now=NOW)
    repo = RecordingRepo(store)
    rejected = scenario.uuids["rejected_fix_accepted"]
    with pytest.raises(TransitionError, match="sudah dihapus"):
        move_status(store, rejected, S.DRAFT)
    rec = repo.get(rejected)
    with pytest.raises(TransitionError, match="sudah dihapus"):
        repo.save(rec.with_changes(status=S.DRAFT), enqueue=False)
    assert not repo.can_edit(rejected)
    # The server may still change its verdict; the status follows, nothing comes back.
    accepted = scenario.uuids["accepted_old"]
    repo.set_status(accepted, S.REJECTED, {"status": "rejected", "message": "ditinjau ulang"})
    assert repo.get(accepted).status is S.REJECTED and repo.get(accepted).purged


def test_secure_delete_is_on_for_every_connection(store):
    assert store.pragma("secure_delete") == 1


def test_the_setting_decides_and_zero_means_never(store, scenario):
    assert retention_days(store) == DEFAULT_RETENTION_DAYS == 30
    Settings(store).set("retention_days", 0)
    assert purge_by_setting(store, now=NOW) is None
    assert _purged_uuids(store) == set()
    Settings(store).set("retention_days", 35)
    result = purge_by_setting(store, now=NOW)
    assert isinstance(result, PurgeResult) and result.older_than_days == 35
    # chain_1/chain_2 count from chain_3's acceptance (45 days); fix_accepted is exactly 35 days old.
    names = {"accepted_old", "walk_in", "chain_1", "chain_2", "chain_3"}
    assert _purged_uuids(store) == {scenario.uuids[n] for n in names}


@pytest.mark.parametrize("days", [0, -1, 3651, 1.5, "30", True])
def test_bad_periods_are_refused(store, days):
    with pytest.raises(ValueError):
        check_days(days)
    with pytest.raises(ValueError):
        purge_settled(store, days)


def test_old_migration_backups_go_with_the_purge(store, scenario):
    """A backup copy made before a schema migration still holds what the purge
    removes; older than the retention period, it is deleted too."""
    import os

    path = db_path(store.dir)
    old = path.with_name(path.name + ".bak-v3")
    recent = path.with_name(path.name + ".bak-v5")
    for backup, age_days in ((old, DAYS + 1), (recent, DAYS - 1)):
        backup.write_bytes(path.read_bytes())
        moment = (NOW - dt.timedelta(days=age_days)).timestamp()
        os.utime(backup, (moment, moment))
    dry = purge_settled(store, DAYS, now=NOW, dry_run=True)
    assert dry.backups_removed == 0 and old.exists()  # a dry run deletes nothing
    result = purge_settled(store, DAYS, now=NOW)
    assert result.backups_removed == 1
    assert not old.exists() and recent.exists()
    assert purge_settled(store, DAYS, now=NOW).backups_removed == 0
