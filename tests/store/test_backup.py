"""Backups of an open profile (app.store.backup) on real SQLCipher files: consistent while
another thread keeps saving, encrypted with the same passphrase, never half-complete,
refusing bad destinations, pruning only our own folders; and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.core.lifecycle import RecordingStatus
from app.store import backup as backup_mod
from app.store.audit import AuditLog
from app.store.backup import backup_profile, last_backup, list_backups, restore_profile
from app.store.database import open_profile, profile_exists
from app.store.errors import StoreError, WrongPassphrase
from app.store.media import MediaItem
from app.store.passphrase import change_passphrase
from app.store.recordings import RecordingRepo
from support.polling import wait_until
from support.profiles import PASSPHRASE
from store_support import make_media, make_recording

CRASHER = Path(__file__).with_name("backup_crasher.py")
MOMENT = dt.datetime(2026, 3, 1, 10, 15, 30)
PHOTO_MARKER = b"FOTO-PENANDA-TERBACA"


def _fill(store, fake, n: int, photo_size: int = 60_000) -> list:
    repo = RecordingRepo(store)
    saved = []
    for _ in range(n):
        rec = make_recording(fake)
        media = make_media(photo_size)
        media[0] = MediaItem("photo", "image/jpeg", PHOTO_MARKER + media[0].data, {"approved": True})
        repo.save(rec, media, enqueue=True)
        saved.append(rec)
    return saved


def _counts(store) -> dict[str, int]:
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in ("recordings", "media", "outbox")}


def test_backup_while_another_thread_saves_is_a_consistent_verified_snapshot(store, fake, tmp_path):
    _fill(store, fake, 40)
    usb = tmp_path / "usb"
    usb.mkdir()
    writer_fake = fake.__class__("id_ID")
    writer_fake.seed_instance(77)
    saved: list[str] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        repo = RecordingRepo(store)
        try:
            while not stop.is_set():
                rec = make_recording(writer_fake)
                repo.save(rec, make_media(), enqueue=True)
                saved.append(rec.uuid)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    steps: list[tuple[int, int]] = []
    during_copy: list[int] = []

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        if 0 < done < total and not during_copy:
            # Hold the copy until the other thread has committed more: the app keeps working.
            before = len(saved)
            wait_until(lambda: len(saved) >= before + 5, timeout=10, interval=0.005)
            during_copy.append(len(saved) - before)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert wait_until(lambda: len(saved) >= 3 or failures, timeout=60, interval=0.005), "no save in 60 s"
        result = backup_profile(store, usb, progress=progress, now=MOMENT)
    finally:
        stop.set()
        thread.join(30)
    assert not failures
    assert during_copy and during_copy[0] >= 5  # saves went on while the snapshot was copied
    assert result.folder == usb / "jemput-cadangan-20260301-101530"
    assert sorted(p.name for p in result.folder.iterdir()) == ["jemput.db", "profile.json"]
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] and len(steps) >= 4
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    final = _counts(store)
    assert result.recordings < final["recordings"]  # the snapshot did not take later saves

    with open_profile(result.folder, PASSPHRASE) as copy:
        assert copy.integrity_check() == "ok"
        assert _counts(copy) == {"recordings": result.recordings, "media": result.media,
                                 "outbox": result.outbox}
        # Every recording in the copy came whole: its photo, signature and outbox entry.
        torn = copy.query(
            "SELECT count(*) FROM recordings r WHERE "
            "(SELECT count(*) FROM media m WHERE m.recording_uuid = r.uuid) != 2 "
            "OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recording_uuid = r.uuid)")[0][0]
        assert torn == 0
        copied = {row[0] for row in copy.query("SELECT uuid FROM recordings")}
    assert result.recordings == 40 + len(copied & set(saved))
    assert result.db_bytes == (result.folder / "jemput.db").stat().st_size
    assert result.profile_bytes == (result.folder / "profile.json").stat().st_size
    assert result.seconds > 0


def test_the_copy_opens_with_the_passphrase_only_and_holds_no_plain_text(store, fake, tmp_path):
    people = _fill(store, fake, 12, photo_size=4000)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = backup_profile(store, usb, now=MOMENT)
    raw = b"".join(p.read_bytes() for p in result.folder.iterdir())
    secrets = [PHOTO_MARKER, b"SQLite format 3"]
    for rec in people:
        r = rec.resident
        secrets += [r.nik.encode(), r.no_kk.encode(), r.nama.encode(), r.nama_ibu.encode(), r.alamat.encode()]
    leaked = [s for s in secrets if s in raw]
    assert leaked == []
    # The source does hold them in its own (decrypted) view: the check above could fail.
    assert RecordingRepo(store).get(people[0].uuid).resident.nik == people[0].resident.nik
    with pytest.raises(WrongPassphrase):
        open_profile(result.folder, "bukan-kata-sandinya")
    with open_profile(result.folder, PASSPHRASE) as copy:
        got = RecordingRepo(copy).get(people[3].uuid)
        assert got.resident == people[3].resident
        assert got.status is RecordingStatus.QUEUED
    if os.name == "posix":
        assert result.folder.stat().st_mode & 0o777 == 0o700
        assert {p.name: p.stat().st_mode & 0o777 for p in result.folder.iterdir()} == {
            "jemput.db": 0o600, "profile.json": 0o600}


def test_a_copy_keeps_the_passphrase_of_its_day(store, fake, tmp_path, profile_dir):
    _fill(store, fake, 3, photo_size=1000)
    usb = tmp_path / "usb"
    usb.mkdir()
    before = backup_profile(store, usb, now=MOMENT)
    change_passphrase(profile_dir, PASSPHRASE, "kata-sandi-baru-99", store=store)
    after = backup_profile(store, usb, now=MOMENT + dt.timedelta(hours=1))
    with open_profile(before.folder, PASSPHRASE) as old_copy:
        assert old_copy.integrity_check() == "ok"
    with pytest.raises(WrongPassphrase):
        open_profile(after.folder, PASSPHRASE)
    with open_profile(after.folder, "kata-sandi-baru-99") as new_copy:
        assert _counts(new_copy)["recordings"] == 3


def test_a_failure_half_way_removes_the_temporary_folder(store, fake, tmp_path):
    _fill(store, fake, 40)
    usb = tmp_path / "usb"
    usb.mkdir()

    def progress(done: int, total: int) -> None:
        if 0 < done < total:
            assert any(p.name.endswith(".belum-selesai") for p in usb.iterdir())
            raise KeyboardInterrupt  # e.g. the operator pulled the plug of the worker

    with pytest.raises(KeyboardInterrupt):
        backup_profile(store, usb, progress=progress, now=MOMENT)
    assert list(usb.iterdir()) == []
    assert last_backup(store) is None
    assert backup_profile(store, usb, now=MOMENT).recordings == 40  # the store is fine


def test_a_backup_killed_mid_copy_leaves_no_folder_that_looks_complete(store, fake, tmp_path, profile_dir):
    _fill(store, fake, 40)
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    proc = subprocess.Popen([sys.executable, str(CRASHER), str(profile_dir), PASSPHRASE, str(usb)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("copying"), proc.stderr.read()
    finally:
        proc.kill()
        proc.wait(10)
    leftovers = list(usb.iterdir())
    assert len(leftovers) == 1
    partial = leftovers[0]
    assert partial.name.startswith(".jemput-cadangan-") and partial.name.endswith(".belum-selesai")
    assert not profile_exists(partial)  # no profile.json yet: nothing opens it as a profile
    assert list_backups(usb) == []

    with open_profile(profile_dir, PASSPHRASE) as again:
        result = backup_profile(again, usb, now=MOMENT, keep=0)
    assert list_backups(usb) == [result.folder]
    assert partial.exists()  # too young to be called stale: perhaps another backup is writing it
    assert backup_mod._remove_stale_partials(usb, now=time.time() + backup_mod.STALE_PARTIAL_S + 60) == 1
    assert sorted(p.name for p in usb.iterdir()) == [result.folder.name]


def test_refusals_leave_the_destination_untouched(store, fake, tmp_path, profile_dir):
    _fill(store, fake, 5, photo_size=50_000)
    with pytest.raises(StoreError, match="tidak ditemukan") as missing:
        backup_profile(store, tmp_path / "tidak-ada")
    assert missing.value.kind == "not_found" and not (tmp_path / "tidak-ada").exists()

    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    with pytest.raises(StoreError, match="harus sebuah folder"):
        backup_profile(store, a_file)

    inside = profile_dir / "cadangan"
    inside.mkdir()
    for dest in (profile_dir, inside, profile_dir / "." / "cadangan" / ".."):
        with pytest.raises(StoreError, match="di dalam folder profil") as refused:
            backup_profile(store, dest)
        assert refused.value.kind == "invalid"
    assert list(inside.iterdir()) == []

    usb = tmp_path / "usb"
    usb.mkdir()
    size = int(store.pragma("page_count")) * int(store.pragma("page_size"))
    with pytest.raises(StoreError, match="Ruang kosong di tujuan tidak cukup") as full:
        backup_profile(store, usb, free_bytes=size // 2)
    assert full.value.kind == "disk_full"
    with pytest.raises(StoreError, match="negatif"):
        backup_profile(store, usb, keep=-1)
    assert list(usb.iterdir()) == []
    # Just enough room (the database plus the margin) is accepted.
    needed = size + int(size * backup_mod.SPACE_MARGIN_RATIO) + backup_mod.SPACE_MARGIN_BYTES
    assert backup_profile(store, usb, free_bytes=needed, now=MOMENT).recordings == 5
    assert AuditLog(store).entries(action="profile.backup", limit=5)[0].detail == {
        "recordings": 5, "media": 10, "outbox": 5, "pruned": 0}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into any folder")
def test_an_unwritable_destination_is_refused(store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    usb.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="tidak dapat ditulis"):
            backup_profile(store, usb)
    finally:
        usb.chmod(0o700)


def test_keep_prunes_only_our_older_folders(store, fake, tmp_path):
    _fill(store, fake, 2, photo_size=1000)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = [backup_profile(store, usb, now=MOMENT + dt.timedelta(days=d)).folder for d in range(4)]
    # Not ours, or ours in name only: never deleted.
    (usb / "jemput-cadangan-lama").mkdir()
    (usb / "foto-liburan").mkdir()
    (usb / "jemput-cadangan-20250101-000000.txt").write_text("catatan")
    odd = usb / "jemput-cadangan-20250102-000000"
    odd.mkdir()
    (odd / "catatan.txt").write_text("milik orang lain")
    opened = made[0]  # an old backup opened once with --data: its side files do not protect it
    with open_profile(opened, PASSPHRASE):
        pass
    (opened / "ui.json").write_text('{"language": "en"}')

    newest = backup_profile(store, usb, now=MOMENT + dt.timedelta(days=10), keep=2)
    assert [p.name for p in newest.pruned] == [made[0].name, made[1].name]
    assert list_backups(usb) == [odd, made[2], made[3], newest.folder]
    assert {"jemput-cadangan-lama", "foto-liburan", "jemput-cadangan-20250101-000000.txt"} <= {
        p.name for p in usb.iterdir()}
    again = backup_profile(store, usb, now=MOMENT + dt.timedelta(days=11), keep=0)
    assert list_backups(usb) == [odd, again.folder]  # the folder with a foreign file stays
    assert AuditLog(store).entries(action="profile.backup", limit=1)[0].detail["pruned"] == 3


def test_same_second_gets_a_second_name_and_last_backup_is_recorded(store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    first = backup_profile(store, usb, now=MOMENT)
    second = backup_profile(store, usb, now=MOMENT)
    assert (first.folder.name, second.folder.name) == (
        "jemput-cadangan-20260301-101530", "jemput-cadangan-20260301-101530-2")
    last = last_backup(store)
    assert last["folder"] == str(second.folder) and last["recordings"] == 0
    assert last["bytes"] == second.total_bytes


def test_restore_into_an_empty_data_folder_and_never_over_a_profile(store, fake, tmp_path, profile_dir):
    people = _fill(store, fake, 6, photo_size=2000)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = backup_profile(store, usb, now=MOMENT)
    new_home = tmp_path / "laptop-baru" / "jemput"
    with pytest.raises(WrongPassphrase):
        restore_profile(made.folder, new_home, "salah-sandi-nya")
    assert not profile_exists(new_home) and not any(new_home.parent.iterdir())

    result = restore_profile(made.folder, new_home, PASSPHRASE)
    assert (result.recordings, result.media, result.outbox) == (6, 12, 6)
    with open_profile(new_home, PASSPHRASE) as restored:
        assert RecordingRepo(restored).get(people[5].uuid).resident == people[5].resident
        assert AuditLog(restored).entries(action="profile.restored")[0].detail["recordings"] == 6
    assert sorted(p.name for p in new_home.parent.iterdir()) == ["jemput"]  # no staging left

    before = (profile_dir / "jemput.db").stat().st_mtime_ns, (profile_dir / "profile.json").read_bytes()
    for target in (profile_dir, new_home):
        with pytest.raises(StoreError, match="tidak ditimpa") as refused:
            restore_profile(made.folder, target, PASSPHRASE)
        assert refused.value.kind == "exists"
    assert ((profile_dir / "jemput.db").stat().st_mtime_ns, (profile_dir / "profile.json").read_bytes()) == before
    with pytest.raises(StoreError, match="bukan cadangan Jemput"):
        restore_profile(usb, tmp_path / "lain", PASSPHRASE)
