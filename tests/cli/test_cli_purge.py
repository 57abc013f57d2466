"""`jemput purge` in a subprocess: a dry run counts and changes nothing, a real run removes media and
personal data of recordings accepted long ago and prints counts in Bahasa Indonesia; the setting
decides the period unless --days is given, and 0 turns it off. Also `import-targets` keeps no_kk and
tempat_lahir (CSV and XLSX)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from app.core.lifecycle import RecordingStatus
from app.demo import demo_residents, target_row
from app.store._util import to_utc_iso
from app.store.media import MediaItem
from app.store.outbox import Outbox
from app.store.recordings import Recording, RecordingRepo
from app.store.settings import Settings
from app.store.targets import TargetRepo
from cli_support import TODAY, file_digests, open_store, run_cli, write_csv


def _accepted(store, residents, ages: list[int]) -> list[str]:
    """Accepted recordings (photo + signature) whose verdicts are `ages` days old."""
    repo, uuids = RecordingRepo(store), []
    for resident, age in zip(residents, ages):
        rec = Recording.new(resident, operator="Operator Uji", status=RecordingStatus.COMPLETE)
        repo.save(rec, [MediaItem("photo", "image/jpeg", b"\xff\xd8" + bytes(2046), {}),
                        MediaItem("signature", "image/png", b"\x89PNG" + bytes(1020), {})], enqueue=True)
        assert Outbox(store).mark_acked(rec.uuid, "accepted")
        when = to_utc_iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=age))
        with store.transaction() as db:
            db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?", (when, rec.uuid))
        uuids.append(rec.uuid)
    return uuids


def test_purge_command(profile_dir):
    residents = demo_residents(5, seed=41, today=TODAY)
    with open_store(profile_dir) as store:
        old = _accepted(store, residents[:3], [40, 45, 90])
        recent = _accepted(store, residents[3:], [5, 20])
        TargetRepo(store).upsert_many([target_row(r) for r in residents])
        progress = [(p.key, p.target, p.recorded) for p in TargetRepo(store).progress_by("rt")]
    before = file_digests(profile_dir)

    dry = run_cli("--data", profile_dir, "purge", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.strip() == (
        "Uji coba, tidak ada yang dihapus: 3 rekaman (3 diterima) akan dibersihkan, 6 foto/tanda tangan "
        "(9,0 KB) akan dihapus (diterima server lebih dari 30 hari lalu).")
    assert file_digests(profile_dir) == before

    done = run_cli("--data", profile_dir, "purge")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "3 rekaman dibersihkan (3 diterima): 6 foto/tanda tangan (9,0 KB) dihapus dan data pribadi "
        "dikosongkan (diterima server lebih dari 30 hari lalu).")
    for r in residents:
        assert r.nama not in done.stdout + done.stderr and r.nik not in done.stdout + done.stderr
    with open_store(profile_dir) as store:
        repo = RecordingRepo(store)
        assert all(repo.get(u).purged and repo.media(u) == [] and repo.get(u).resident.nama == "" for u in old)
        assert not any(repo.get(u).purged for u in recent)
        assert [(p.key, p.target, p.recorded) for p in TargetRepo(store).progress_by("rt")] == progress
        assert repo.counts_by_status()[RecordingStatus.ACCEPTED] == 5

    again = run_cli("--data", profile_dir, "purge")
    assert again.returncode == 0
    assert again.stdout.strip() == "Tidak ada rekaman yang perlu dibersihkan (diterima server lebih dari 30 hari lalu)."

    shorter = run_cli("--data", profile_dir, "purge", "--days", "10")
    assert shorter.returncode == 0
    assert shorter.stdout.startswith("1 rekaman dibersihkan (1 diterima)")

    with open_store(profile_dir) as store:
        Settings(store).set("retention_days", 0)
    off = run_cli("--data", profile_dir, "purge")
    assert off.returncode == 0 and "dimatikan" in off.stdout
    with open_store(profile_dir) as store:
        assert not RecordingRepo(store).get(recent[0]).purged

    bad = run_cli("--data", profile_dir, "purge", "--days", "0")
    assert bad.returncode == 2 and bad.stderr.startswith("jemput: --days harus 1-3650")


def _kk(nik: str, n: int) -> str:
    return nik[:6] + f"{n:010d}"


def test_import_keeps_no_kk_and_tempat_lahir(cli, profile_dir, people, tmp_path):
    header = ["nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw",
              "kelurahan_kode"]
    rows = [[p["nik"], _kk(p["nik"], i + 1), p["nama"], "palembang", p["tanggal_lahir"], p["jenis_kelamin"],
             p["alamat"], p["rt"], p["rw"], p["kelurahan_kode"]] for i, p in enumerate(people[:3])]
    code, out, err = cli("--data", profile_dir, "import-targets", write_csv(tmp_path / "t.csv", rows, header=header))
    assert code == 0, err
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NIK", "Nomor KK", "Nama", "Tmp Lahir", "Tgl Lahir", "JK", "Alamat", "RT", "RW", "Kode Kel"])
    for i, p in enumerate(people[3:5]):
        ws.append([p["nik"], _kk(p["nik"], 50 + i), p["nama"], "Kota  Solok", p["tanggal_lahir"],
                   p["jenis_kelamin"], p["alamat"], p["rt"], p["rw"], p["kelurahan_kode"]])
    wb.save(tmp_path / "t.xlsx")
    code, out, err = cli("--data", profile_dir, "import-targets", tmp_path / "t.xlsx")
    assert code == 0, err
    # A list without those columns (and the server's feed, which has neither) keeps them.
    code, out, err = cli("--data", profile_dir, "import-targets",
                         write_csv(tmp_path / "plain.csv", [[p[h] for h in header if h not in ("no_kk", "tempat_lahir")]
                                                            for p in people[:5]],
                                   header=[h for h in header if h not in ("no_kk", "tempat_lahir")]))
    assert code == 0, err
    with open_store(profile_dir) as store:
        got = {t.nik: (t.no_kk, t.tempat_lahir) for t in TargetRepo(store).page(limit=50)}
    assert got == {
        **{p["nik"]: (_kk(p["nik"], i + 1), "PALEMBANG") for i, p in enumerate(people[:3])},
        **{p["nik"]: (_kk(p["nik"], 50 + i), "KOTA SOLOK") for i, p in enumerate(people[3:5])},
    }
