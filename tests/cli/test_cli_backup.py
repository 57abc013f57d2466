"""`jemput backup` / `jemput restore` as real subprocesses, and opening a backup with --data."""

from __future__ import annotations

import pytest

from app.core.lifecycle import RecordingStatus
from app.demo import demo_residents
from app.store.backup import list_backups
from app.store.database import open_profile
from app.store.recordings import Recording, RecordingRepo
from cli_support import TODAY, file_digests, run_cli
from support.profiles import PASSPHRASE


@pytest.fixture
def recorded(profile_dir) -> list[Recording]:
    """Six generated residents recorded (complete, queued) in the test profile."""
    from app.store.media import MediaItem

    people = demo_residents(6, seed=31, today=TODAY)
    recs = []
    with open_profile(profile_dir, PASSPHRASE) as store:
        repo = RecordingRepo(store)
        for person in people:
            rec = Recording.new(person, operator="Operator Uji", status=RecordingStatus.COMPLETE)
            repo.save(rec, [MediaItem("photo", "image/jpeg", b"\xff\xd8" + bytes(3000), {})], enqueue=True)
            recs.append(rec)
    return recs


def test_backup_then_list_the_backup_then_restore_it(profile_dir, recorded, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    done = run_cli("--data", profile_dir, "backup", usb)
    assert done.returncode == 0, done.stderr
    [folder] = list_backups(usb)
    assert done.stdout.startswith(f"Cadangan tersimpan: {folder}\n")
    assert "6 rekaman, 6 foto/tanda tangan, 6 dalam antrean kirim" in done.stdout
    assert "integrity_check ok" in done.stdout
    assert "Menyalin… 0%" in done.stderr and "Menyalin… 100%" in done.stderr
    for rec in recorded:  # nothing personal on the screen either
        assert rec.resident.nama not in done.stdout + done.stderr

    # The backup opens directly with the same passphrase...
    listed = run_cli("--data", folder, "list")
    assert listed.returncode == 0, listed.stderr
    assert all(rec.uuid in listed.stdout and rec.resident.nama in listed.stdout for rec in recorded)
    wrong = run_cli("--data", folder, "list", passphrase="bukan-sandi-ini")
    assert wrong.returncode == 1 and "Kata sandi salah" in wrong.stderr

    # ...and restores into a data folder that has no profile yet.
    home = tmp_path / "laptop-baru"
    restored = run_cli("--data", home, "restore", folder)
    assert restored.returncode == 0, restored.stderr
    assert "Profil dipulihkan ke" in restored.stdout and "6 rekaman" in restored.stdout
    again = run_cli("--data", home, "list", "--status", "queued")
    assert again.returncode == 0 and all(rec.uuid in again.stdout for rec in recorded)


def test_restore_never_overwrites_a_profile(profile_dir, recorded, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run_cli("--data", profile_dir, "backup", usb).returncode == 0
    [folder] = list_backups(usb)
    before = file_digests(profile_dir)
    refused = run_cli("restore", folder, "--data", profile_dir, passphrase=None)  # refused before asking
    assert refused.returncode == 1
    assert "sudah ada profil" in refused.stderr and "tidak ditimpa" in refused.stderr
    assert file_digests(profile_dir) == before
    not_backup = run_cli("--data", tmp_path / "kosong", "restore", usb)
    assert not_backup.returncode == 1 and "bukan cadangan Jemput" in not_backup.stderr
    wrong = run_cli("--data", tmp_path / "kosong", "restore", folder, passphrase="sandi-keliru-sekali")
    assert wrong.returncode == 1 and "Kata sandi salah" in wrong.stderr
    assert not (tmp_path / "kosong" / "jemput.db").exists()


def test_backup_refusals_and_keep(profile_dir, tmp_path):
    missing = run_cli("--data", profile_dir, "backup", tmp_path / "tidak-ada", passphrase=None)
    assert missing.returncode == 1 and "folder tujuan tidak ditemukan" in missing.stderr
    inside = run_cli("--data", profile_dir, "backup", profile_dir)
    assert inside.returncode == 1 and "di dalam folder profil" in inside.stderr
    assert sorted(p.name for p in profile_dir.iterdir() if p.name.startswith(("jemput-", ".jemput-"))) == []
    negative = run_cli("--data", profile_dir, "backup", tmp_path, "--keep", "-1")
    assert negative.returncode == 2 and "--keep" in negative.stderr

    usb = tmp_path / "usb"
    usb.mkdir()
    for _ in range(3):
        assert run_cli("--data", profile_dir, "backup", usb, "--keep", "1").returncode == 0
    names = [p.name for p in list_backups(usb)]
    assert len(names) == 2  # the newest and one older
    last = run_cli("--data", profile_dir, "backup", usb, "--keep", "0")
    assert last.returncode == 0 and "cadangan lama dihapus (--keep 0)" in last.stdout
    assert len(list_backups(usb)) == 1 and list_backups(usb)[0].name not in names
