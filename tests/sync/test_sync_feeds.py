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
from sync_support import People, media_for, record, server_cli


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
