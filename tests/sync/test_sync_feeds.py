"""The pulls and the pump's bookkeeping: the target list of the device's area
arrives by cursor (and only once), an aborted run loses and duplicates nothing,
and the back-off grows exponentially with jitter up to about ten minutes."""

from __future__ import annotations

import csv
import random

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.targets import TargetRepo
from sync.client import Keys, RetryPolicy
from support.server import server_cli
from sync_support import AREA, People, media_for, record


def _target_csv(path, residents):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"])
        for r in residents:
            w.writerow([r.nik, r.nama, r.tanggal_lahir.isoformat(), r.jenis_kelamin.value, r.alamat, r.rt, r.rw,
                        r.kelurahan_kode])
    return path


def test_targets_of_the_area_arrive_once_by_cursor(session, people, module_server, registered, tmp_path):
    mine = [people.resident() for _ in range(12)]
    others = People.create(99, area="13.72")
    elsewhere = [others.resident() for _ in range(5)]
    out = server_cli("import-targets", "--data", module_server.data, _target_csv(tmp_path / "t.csv", mine + elsewhere))
    assert "17 baru" in out.stdout
    repo = TargetRepo(session.store)
    repo.upsert_many([{"nik": mine[0].nik, "nama": mine[0].nama, "status_ktp": "BELUM REKAM"}])
    pump = registered(module_server)

    first = pump.run_once()
    assert first.ok and first.targets_received >= 12
    assert {t.nik for t in (repo.get(r.nik) for r in mine) if t} == {r.nik for r in mine}
    assert all(repo.get(r.nik) is None for r in elsewhere)  # another device's area
    kept = repo.get(mine[0].nik)
    assert kept.status_ktp == "BELUM REKAM" and kept.alamat == mine[0].alamat  # local column kept
    cursor = session.get_setting(Keys.TARGETS_CURSOR)
    assert cursor > 0
    assert pump.run_once().targets_received == 0  # nothing new since the cursor

    record(session.store, people, resident=mine[1])  # recording a target bumps it in the feed
    third = pump.run_once()
    assert third.acked == 1 and third.targets_received == 1
    assert session.get_setting(Keys.TARGETS_CURSOR) > cursor


def test_the_office_lists_kk_and_birthplace_reach_the_laptop_and_a_shorter_list_keeps_them(
        session, people, module_server, registered, tmp_path):
    """SIAK's NO_KK and TMPT_LHR, imported on the server, pre-fill the laptop's targets;
    a later list without those columns changes other fields and keeps them on both ends."""
    residents = [people.resident() for _ in range(3)]
    kks = [r.no_kk for r in residents]
    siak = tmp_path / "siak.csv"
    with open(siak, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "NO_RW",
                    "kelurahan_kode"])
        for r, kk in zip(residents, kks):
            w.writerow([r.nik, kk, r.nama, "bukittinggi", r.tanggal_lahir.isoformat(), r.jenis_kelamin.value,
                        r.alamat, r.rt, r.rw, r.kelurahan_kode])
    assert server_cli("import-targets", "--data", module_server.data, siak).returncode == 0
    repo = TargetRepo(session.store)
    pump = registered(module_server)
    assert pump.run_once().ok
    got = [repo.get(r.nik) for r in residents]
    assert [(t.no_kk, t.tempat_lahir) for t in got] == [(kk, "BUKITTINGGI") for kk in kks]

    shorter = _target_csv(tmp_path / "short.csv", residents)  # no NO_KK, no TMPT_LHR
    text = shorter.read_text(encoding="utf-8")
    shorter.write_text(text.replace(residents[0].alamat, "JL. BARU NO. 1"), encoding="utf-8")  # one moved
    out = server_cli("import-targets", "--data", module_server.data, shorter)
    assert "1 diperbarui" in out.stdout and "2 tetap" in out.stdout, out.stdout
    assert pump.run_once().targets_received == 1
    first = repo.get(residents[0].nik)
    assert first.alamat == "JL. BARU NO. 1" and (first.no_kk, first.tempat_lahir) == (kks[0], "BUKITTINGGI")


def test_abort_mid_run_loses_and_duplicates_nothing(session, people, module_server, registered):
    pump = registered(module_server, batch_size=5, first_batch=5, upload_workers=1)
    recs = [record(session.store, people, media=media_for(people.rng, target_kb=15)) for _ in range(20)]

    def progress(p):
        if p.records_done >= 3:
            pump.abort()

    first = pump.run_once(progress)
    assert first.error_kind == "aborted" and 3 <= first.acked < 20
    assert first.failed == 0 and session.get_setting(Keys.NEXT_ATTEMPT) is None  # not counted as a failure
    assert Outbox(session.store).counts()["pending"] == 20 - first.acked
    second = pump.run_once()
    assert second.ok and first.acked + second.acked == 20
    assert {session.get_recording(r.uuid).status for r in recs} == {RecordingStatus.ACCEPTED}
    status = module_server.status()
    assert status["konflik"] == 0 and status["berkas_sebagian"] == 0


def test_backoff_grows_with_jitter_and_is_capped_near_ten_minutes():
    policy = RetryPolicy()
    rng = random.Random(5)
    delays = [[policy.next_delay(n, rng) for n in range(1, 12)] for _ in range(50)]
    for row in delays:
        assert all(policy.backoff_base / 2 <= d <= policy.backoff_cap for d in row)
        assert row[0] <= policy.backoff_base and row[-1] >= policy.backoff_cap / 2
    firsts = {round(row[3], 3) for row in delays}
    assert len(firsts) > 40  # jittered: a team does not come back in step
    assert max(max(row) for row in delays) <= 600


def test_a_resident_another_device_recorded_is_marked_and_counted(
        session, new_session, people, module_server, registered, tmp_path):
    from app.targetfile import read_targets

    residents = [people.resident() for _ in range(3)]
    target_file = _target_csv(tmp_path / "targets.csv", residents)
    server_cli("import-targets", "--data", module_server.data, target_file)
    laptop_b = new_session("b")
    pump_a, pump_b = registered(module_server), registered(module_server, laptop_b)
    targets_a, targets_b = TargetRepo(session.store), TargetRepo(laptop_b.store)

    def recorded_total(repo):
        return sum(p.recorded for p in repo.progress_by("kecamatan"))

    assert pump_a.run_once().ok
    assert [targets_a.get(r.nik).recorded_elsewhere for r in residents] == [False, False, False]
    before = recorded_total(targets_a)
    chosen = residents[0]

    rec = record(laptop_b.store, people, resident=chosen)
    run_b = pump_b.run_once()
    assert run_b.ok and run_b.acked == 1
    assert laptop_b.get_recording(rec.uuid).status is RecordingStatus.ACCEPTED
    on_b = targets_b.get(chosen.nik)
    assert on_b.recorded and not on_b.recorded_elsewhere  # "this_device": counted by its own recording

    run_a = pump_a.run_once()
    assert run_a.ok and run_a.targets_received >= 1
    on_a = targets_a.get(chosen.nik)
    assert on_a.recorded_elsewhere and not on_a.recorded and on_a.done
    assert [targets_a.get(r.nik).recorded_elsewhere for r in residents[1:]] == [False, False]
    assert recorded_total(targets_a) == before + 1
    kel = next(p for p in targets_a.progress_by("kelurahan") if p.key == (chosen.kelurahan_kode,))
    assert kel.elsewhere >= 1
    open_niks = {t.nik for t in targets_a.page(only_open=True, limit=10_000)}
    assert chosen.nik not in open_niks and {r.nik for r in residents[1:]} <= open_niks

    # The office's list imported again on laptop A does not clear what the server said.
    rows, problems = read_targets(target_file)
    assert problems == []
    assert targets_a.upsert_many(rows, source="disdukcapil") == (0, 3)
    assert targets_a.get(chosen.nik).recorded_elsewhere

    # A records the resident anyway (warned, not blocked): now "this_device" for A, still counted once.
    record(session.store, people, resident=chosen)
    run_a = pump_a.run_once()
    assert run_a.ok and run_a.acked == 1
    on_a = targets_a.get(chosen.nik)
    assert on_a.recorded and not on_a.recorded_elsewhere
    assert recorded_total(targets_a) == before + 1


def test_a_new_area_brings_its_targets_and_drops_the_old_ones_but_not_the_laptops_work(
        session, people, module_server, registered, tmp_path):
    """The admin moves the device to one kecamatan, then to another: each next sync
    holds exactly the new area's server targets, plus what this laptop recorded and
    what the office imported here."""
    kec_a, kec_b = [r.kode for r in people.regions.children(AREA) if people.regions.children(r.kode)][:2]
    in_a = [People.create(people.rng.randrange(10**6), area=kec_a).resident() for _ in range(3)]
    b_people = People.create(people.rng.randrange(10**6), area=kec_b)
    in_b = [b_people.resident() for _ in range(4)]
    server_cli("import-targets", "--data", module_server.data, _target_csv(tmp_path / "t.csv", in_a + in_b))
    repo = TargetRepo(session.store)
    office = b_people.resident()  # on the laptop's own list only
    repo.upsert_many([{"nik": office.nik, "nama": office.nama, "kelurahan_kode": office.kelurahan_kode}])
    pump = registered(module_server)
    assert pump.run_once().ok
    assert all(repo.get(r.nik) for r in in_a + in_b)
    record(session.store, people, resident=in_b[0])  # this laptop's work in B

    device = str(session.get_setting(Keys.DEVICE_ID))
    out = server_cli("set-area", "--data", module_server.data, device, "--area", kec_a)
    assert "diganti" in out.stdout
    moved = pump.run_once()
    assert moved.ok and moved.targets_dropped >= 3
    assert all(repo.get(r.nik) for r in in_a)
    assert [r.nik for r in in_b if repo.get(r.nik)] == [in_b[0].nik]  # recorded here: kept
    assert repo.get(office.nik) is not None
    assert all(t.kelurahan_kode.startswith(kec_a + ".") or t.nik in (in_b[0].nik, office.nik)
               for t in repo.each())

    server_cli("set-area", "--data", module_server.data, device, "--area", kec_b)
    back = pump.run_once()
    assert back.ok and back.targets_received >= 4
    assert all(repo.get(r.nik) for r in in_b) and not any(repo.get(r.nik) for r in in_a)
    assert pump.run_once().targets_received == 0 and pump.run_once().targets_dropped == 0
    shown = server_cli("set-area", "--data", module_server.data, device).stdout
    assert shown.strip() == kec_b
