"""The target list: upserts by NIK, the FTS5 name index (trigger and bulk paths), search, progress."""

from __future__ import annotations

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.audit import AuditLog
from app.store.database import open_profile
from app.store.recordings import Recording, RecordingRepo
from app.store.targets import TargetRepo
from support.profiles import PASSPHRASE
from store_support import make_resident

KEL_A = "16.71.01.1001"
KEL_B = "16.71.02.1003"


# The name index's triggers and those keeping Laporan's tallies (app.store.progress_tally).
TRIGGERS = {"targets_fts_ai", "targets_fts_ad", "targets_fts_au", "targets_tally_ai", "targets_tally_ad",
            "targets_tally_au"}

def _rows(fake, n: int, start: int = 0) -> list[dict]:
    rows = []
    for i in range(start, start + n):
        rows.append({
            "nik": f"167101{(i % 28) + 1:02d}0190{i:04d}",
            "nama": f"{fake.first_name()} {fake.last_name()}",
            "tanggal_lahir": f"1990-01-{(i % 28) + 1:02d}",
            "jenis_kelamin": "Laki-laki" if i % 2 else "P",
            "alamat": "Jl. Merdeka",
            "rt": f"{i % 3 + 1:03d}",
            "rw": "001",
            "kelurahan_kode": KEL_A.replace(".", "") if i % 2 else KEL_B,
            "status_ktp": "BELUM REKAM",
        })
    return rows


def _fts_ok(store) -> None:
    with store.transaction() as db:
        db.conn.execute("INSERT INTO targets_fts(targets_fts, rank) VALUES ('integrity-check', 1)")


def _triggers(store) -> set[str]:
    return {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'targets'")}


def _last_import(store) -> dict:
    return AuditLog(store).entries(action="targets.imported", limit=1)[0].detail


def _indexes(store) -> set[str]:
    return {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'targets'")}


def test_small_import_then_search_by_name_and_nik(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 40)
    assert repo.upsert_many(rows, source="disdukcapil-2024") == (40, 0)
    assert repo.count() == 40
    person = rows[7]
    first, last = person["nama"].upper().split()[0], person["nama"].upper().split()[-1]
    found = repo.search(f"{first[:3].lower()} {last[:4]}")
    assert person["nik"] in [t.nik for t in found]
    assert all(t.nama.split()[0].startswith(first[:3]) or first[:3] in t.nama for t in found)
    by_nik = repo.search(person["nik"][:14])
    assert person["nik"] in [t.nik for t in by_nik]
    assert all(t.nik.startswith(person["nik"][:14]) for t in by_nik)
    target = repo.get(person["nik"])
    assert target.nama == " ".join(person["nama"].split()).upper()
    assert target.kelurahan_kode == KEL_A  # plain digits were dotted
    assert target.jenis_kelamin == "L" and target.source == "disdukcapil-2024"
    assert str(target.tanggal_lahir) == person["tanggal_lahir"]
    assert repo.search("") == [] and repo.search("'*\"") == []
    _fts_ok(store)


def test_reimport_updates_without_duplicates(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 30)
    repo.upsert_many(rows)
    assert repo.upsert_many(rows) == (0, 30)
    renamed = dict(rows[3], nama="Zulkarnaen Qowiyyun")
    assert repo.upsert_many([renamed] + _rows(fake, 2, start=100)) == (2, 1)
    assert repo.count() == 32
    assert [t.nik for t in repo.search("zulkarn qowi")] == [rows[3]["nik"]]
    old_first = rows[3]["nama"].split()[0]
    assert rows[3]["nik"] not in [t.nik for t in repo.search(f"{old_first} {rows[3]['nama'].split()[-1]}")]
    _fts_ok(store)


def test_bulk_import_rebuilds_the_index(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 600)
    seen = []
    assert repo.upsert_many(rows, batch=100, progress=seen.append) == (600, 0)
    assert seen == [100, 200, 300, 400, 500, 600]
    assert not repo.index_suspended()
    assert _triggers(store) == TRIGGERS
    assert "targets_area" in _indexes(store)
    assert store.pragma("cache_size") == -32 * 1024  # the bulk-import cache was given back
    renamed = [dict(r, nama="Qwertyuiop " + r["nama"]) for r in rows[:300]]
    # 300 rows against 600 known: the first batch goes through the triggers, then bulk mode.
    assert repo.upsert_many(renamed, batch=100) == (0, 300)
    assert _last_import(store)["bulk"] is True
    assert repo.count() == 600
    assert len(repo.search("qwerty", limit=1000)) == 300
    _fts_ok(store)
    # 100 rows against 600 known stay on the triggers (a rebuild would cost more).
    assert repo.upsert_many([dict(r, nama="Asdfgh " + r["nama"]) for r in rows[300:400]], batch=100) == (0, 100)
    assert _last_import(store)["bulk"] is False
    assert len(repo.search("asdfgh", limit=1000)) == 100
    _fts_ok(store)


def test_bulk_import_of_new_niks_indexes_their_names_batch_by_batch(store, fake):
    repo = TargetRepo(store)
    old = _rows(fake, 100)
    repo.upsert_many(old)
    new = _rows(fake, 450, start=100)
    new[-1] = dict(new[-1], nama="Xylofon Baru")
    seen = []
    assert repo.upsert_many(new, batch=100, progress=seen.append) == (450, 0)
    assert _last_import(store)["bulk"] is True and seen[-1] == 450
    assert _triggers(store) == TRIGGERS and not repo.index_suspended()
    assert [t.nik for t in repo.search("xylofon baru")] == [new[-1]["nik"]]
    assert old[5]["nik"] in [t.nik for t in repo.search(old[5]["nama"], limit=500)]
    _fts_ok(store)
    # A bulk import that also changes known names: the index is refilled whole at the end.
    changed = [dict(r, nama="Qwerty " + r["nama"]) for r in new[:150]] + _rows(fake, 300, start=1000)
    assert repo.upsert_many(changed, batch=100) == (300, 150)
    assert len(repo.search("qwerty", limit=1000)) == 150
    _fts_ok(store)


def test_import_inside_a_rolled_back_transaction_leaves_nothing(store, fake):
    repo = TargetRepo(store)
    repo.upsert_many(_rows(fake, 10))
    with pytest.raises(RuntimeError):
        with store.transaction():
            assert repo.upsert_many(_rows(fake, 300, start=50), batch=100) == (300, 0)
            raise RuntimeError("dry run")
    assert repo.count() == 10
    assert not repo.index_suspended()
    assert _triggers(store) == TRIGGERS
    assert "targets_area" in _indexes(store)
    _fts_ok(store)


def test_bad_rows_raise_with_row_number_only(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 5)
    bad_nik = "16710A0190000X"
    rows[2] = dict(rows[2], nik=bad_nik)
    with pytest.raises(ValueError) as info:
        repo.upsert_many(rows)
    message = str(info.value)
    assert "baris 3" in message and bad_nik not in message and rows[2]["nama"] not in message
    errors: list[tuple[int, str]] = []
    rows[4] = dict(rows[4], nama="  ")
    rows[0] = dict(rows[0], tanggal_lahir="31-02-1990")
    assert repo.upsert_many(rows, errors=errors) == (2, 0)
    assert [n for n, _ in errors] == [1, 3, 5]
    assert all(rows[1]["nama"] not in reason for _, reason in errors)


def test_import_interrupted_midway_keeps_committed_batches_indexed(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 250)

    def feed():
        for i, row in enumerate(rows):
            if i == 230:
                raise RuntimeError("file read error")
            yield row

    with pytest.raises(RuntimeError):
        repo.upsert_many(feed(), batch=100)
    assert repo.count() == 200
    assert not repo.index_suspended()
    assert rows[150]["nik"] in [t.nik for t in repo.search(rows[150]["nama"], limit=500)]
    _fts_ok(store)


def test_crash_during_bulk_import_is_repaired_at_open(profile_dir, fake):
    store = open_profile(profile_dir, PASSPHRASE)
    repo = TargetRepo(store)
    repo._suspend_index()  # what a bulk import does first; then the process dies
    rows = _rows(fake, 20)
    with store.transaction() as db:
        db.conn.executemany(
            "INSERT INTO targets (nik, nama, updated_at) VALUES (?, ?, 'x')", [(r["nik"], r["nama"]) for r in rows]
        )
    assert _triggers(store) == set() and repo.search(rows[0]["nama"]) == []
    assert "targets_area" not in _indexes(store)
    store.close()
    with open_profile(profile_dir, PASSPHRASE) as reopened:
        repo = TargetRepo(reopened)
        assert not repo.index_suspended()
        assert _triggers(reopened) == TRIGGERS
        assert "targets_area" in _indexes(reopened)
        assert rows[0]["nik"] in [t.nik for t in repo.search(rows[0]["nama"])]
        _fts_ok(reopened)
        # The rows written while the tallies' triggers were dropped are counted by the repair.
        assert reopened.query("SELECT sum(targets), sum(elsewhere) FROM target_area_tally") == [(20, 0)]
        assert reopened.query("SELECT sum(targets) FROM target_born_tally") == [(20,)]


def test_progress_by_area_counts_completed_recordings(store, fake):
    targets = TargetRepo(store)
    rows = _rows(fake, 12)
    targets.upsert_many(rows)
    recordings = RecordingRepo(store)
    # Record 3 residents of KEL_A (odd rows) and leave one as a draft (not counted).
    for row, status, enqueue in [
        (rows[1], RecordingStatus.COMPLETE, True),
        (rows[3], RecordingStatus.COMPLETE, False),
        (rows[5], RecordingStatus.DRAFT, False),
    ]:
        resident = make_resident(fake).with_changes(
            nik=row["nik"], kelurahan_kode=KEL_A, rt=row["rt"], rw=row["rw"]
        )
        recordings.save(Recording.new(resident, status=status), enqueue=enqueue)

    by_kel = {p.key: (p.target, p.recorded) for p in targets.progress_by("kelurahan")}
    assert by_kel == {(KEL_A,): (6, 2), (KEL_B,): (6, 0)}
    by_kec = {p.key: (p.target, p.recorded) for p in targets.progress_by("kecamatan")}
    assert by_kec == {("16.71.01",): (6, 2), ("16.71.02",): (6, 0)}
    by_rt = targets.progress_by("rt", within="16.71.01")
    assert sum(p.target for p in by_rt) == 6 and sum(p.recorded for p in by_rt) == 2
    assert all(p.key[0] == KEL_A for p in by_rt)
    assert {p.key[2] for p in by_rt} == {"001", "002", "003"}
    assert by_rt[0].percent == pytest.approx(100 * by_rt[0].recorded / by_rt[0].target)
    with pytest.raises(ValueError):
        targets.progress_by("provinsi")

    marked = targets.get(rows[1]["nik"])
    assert marked.recording_status is RecordingStatus.QUEUED and marked.recorded
    assert targets.get(rows[5]["nik"]).recorded is False
    assert targets.get(rows[0]["nik"]).recording_status is None


def test_in_area_lists_by_rw_rt_and_name(store, fake):
    repo = TargetRepo(store)
    repo.upsert_many(_rows(fake, 20))
    area = repo.in_area(KEL_A)
    assert len(area) == 10
    assert [(t.rw, t.rt, t.nama) for t in area] == sorted((t.rw, t.rt, t.nama) for t in area)
    assert {t.rt for t in repo.in_area(KEL_A, rw="001", rt="002")} == {"002"}


def test_search_handles_punctuation_and_diacritics(store):
    repo = TargetRepo(store)
    repo.upsert_many([
        {"nik": "1671014107050001", "nama": "Siti Nur'aini"},
        {"nik": "1671010101900002", "nama": "André Siregar"},
    ])
    assert [t.nik for t in repo.search("nur'aini")] == ["1671014107050001"]
    assert [t.nik for t in repo.search("aini")] == ["1671014107050001"]
    assert [t.nik for t in repo.search("andre")] == ["1671010101900002"]
    assert repo.search("1671014") and repo.search("9999") == []


def test_page_lists_searches_and_hides_recorded(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 30)
    rows[4] = dict(rows[4], nama="Qwerty Satu")
    rows[9] = dict(rows[9], nama="Qwerty Dua")
    repo.upsert_many(rows)
    everyone = repo.page(limit=100)
    assert len(everyone) == 30
    keys = [(t.kelurahan_kode, t.rw, t.rt, t.nama) for t in everyone]
    assert keys == sorted(keys)
    first, second = repo.page(limit=20), repo.page(limit=20, offset=20)
    assert len(second) == 10 and not {t.nik for t in first} & {t.nik for t in second}

    resident = make_resident(fake).with_changes(nik=rows[4]["nik"])
    RecordingRepo(store).save(Recording.new(resident, status=RecordingStatus.COMPLETE), enqueue=True)
    assert {t.nik for t in repo.page(search="qwerty")} == {rows[4]["nik"], rows[9]["nik"]}
    assert [t.nik for t in repo.page(search="qwerty", only_open=True)] == [rows[9]["nik"]]
    assert len(repo.page(only_open=True, limit=100)) == 29
    prefix = rows[4]["nik"][:12]
    assert rows[4]["nik"] in [t.nik for t in repo.page(search=prefix)]
    assert rows[4]["nik"] not in [t.nik for t in repo.page(search=prefix, only_open=True)]
    assert repo.page(search="''") == []


# -- recorded by another team (the server's target feed) ---------------------------


def _write_csv(path, rows: list[dict]) -> None:
    import csv

    columns = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _flags(store) -> dict[str, int]:
    return dict(store.query("SELECT nik, recorded_elsewhere FROM targets"))


def test_csv_reimport_keeps_what_the_server_said(store, fake, tmp_path):
    from app.targetfile import read_targets

    repo = TargetRepo(store)
    rows = _rows(fake, 6, start=1)  # serial 0000 is no NIK the importer accepts
    # The sync pull: rows 0 and 1 recorded by another team, the rest not.
    pulled = [dict(r, recorded_elsewhere=i < 2) for i, r in enumerate(rows)]
    assert repo.upsert_many(pulled, source="server") == (6, 0)
    assert {t.nik for t in repo.page(limit=100) if t.recorded_elsewhere} == {rows[0]["nik"], rows[1]["nik"]}

    # The office's CSV comes again, one name corrected, plus a resident the server never sent.
    newcomer = _rows(fake, 1, start=50)[0]
    edited = [dict(rows[0], nama="Zulkarnaen Qowiyyun")] + rows[1:] + [newcomer]
    _write_csv(tmp_path / "target.csv", edited)
    parsed, problems = read_targets(tmp_path / "target.csv")
    assert problems == [] and len(parsed) == 7
    assert repo.upsert_many(parsed, source="disdukcapil") == (1, 6)

    flags = _flags(store)
    assert flags[rows[0]["nik"]] == 1 and flags[rows[1]["nik"]] == 1  # not cleared by the import
    assert flags[newcomer["nik"]] == 0
    assert sum(flags.values()) == 2
    corrected = repo.get(rows[0]["nik"])
    assert corrected.nama == "ZULKARNAEN QOWIYYUN" and corrected.recorded_elsewhere and corrected.done
    assert [t.nik for t in repo.search("zulkarn")] == [rows[0]["nik"]]
    _fts_ok(store)

    # The server changes its mind (the other recording was rejected): the next pull clears it.
    assert repo.upsert_many([dict(rows[1], recorded_elsewhere=False)], source="server") == (0, 1)
    assert _flags(store)[rows[1]["nik"]] == 0 and not repo.get(rows[1]["nik"]).done
    # An unchanged pull rewrites nothing (the conflict clause sees the flag too).
    before = repo.get(rows[0]["nik"]).updated_at
    repo.upsert_many([dict(parsed[0], recorded_elsewhere=True)], source="disdukcapil")
    assert repo.get(rows[0]["nik"]).updated_at == before


def test_bulk_import_keeps_the_flag_and_its_index(store, fake):
    repo = TargetRepo(store)
    rows = _rows(fake, 300)
    repo.upsert_many([dict(r, recorded_elsewhere=i % 10 == 0) for i, r in enumerate(rows)], batch=100)
    assert repo.upsert_many(rows, batch=100) == (0, 300)
    assert _last_import(store)["bulk"] is True  # indexes dropped and recreated
    assert "targets_recorded_elsewhere" in _indexes(store)
    assert sum(_flags(store).values()) == 30
    assert len(repo.page(only_elsewhere=True, limit=100)) == 30


def test_progress_counts_residents_recorded_elsewhere_once(store, fake):
    targets = TargetRepo(store)
    rows = _rows(fake, 12)  # odd rows in KEL_A, even rows in KEL_B
    elsewhere = {rows[1]["nik"], rows[3]["nik"], rows[2]["nik"]}
    targets.upsert_many([dict(r, recorded_elsewhere=r["nik"] in elsewhere) for r in rows], source="server")
    recordings = RecordingRepo(store)
    # rows[3]: recorded here AND elsewhere (counts once); rows[5]: here only; rows[7]: a draft here only.
    for row, status in [(rows[3], RecordingStatus.COMPLETE), (rows[5], RecordingStatus.COMPLETE),
                        (rows[7], RecordingStatus.DRAFT)]:
        resident = make_resident(fake).with_changes(nik=row["nik"], kelurahan_kode=KEL_A, rt=row["rt"], rw=row["rw"])
        recordings.save(Recording.new(resident, status=status), enqueue=False)

    by_kel = {p.key: (p.target, p.recorded, p.elsewhere) for p in targets.progress_by("kelurahan")}
    assert by_kel == {(KEL_A,): (6, 3, 2), (KEL_B,): (6, 1, 1)}
    by_rt = targets.progress_by("rt", within="16.71.01")
    assert [p.key[0] for p in by_rt] == [KEL_A] * 3
    assert sum(p.recorded for p in by_rt) == 3 and sum(p.elsewhere for p in by_rt) == 2
    assert all(p.recorded <= p.target for p in by_rt)
    assert [p.key for p in by_rt] == sorted(p.key for p in by_rt)
    by_kec = {p.key: (p.target, p.recorded) for p in targets.progress_by("kecamatan", within="16.71.02")}
    assert by_kec == {("16.71.02",): (6, 1)}

    both = targets.get(rows[3]["nik"])
    assert both.recorded and both.recorded_elsewhere and both.done
    other = targets.get(rows[1]["nik"])
    assert not other.recorded and other.recorded_elsewhere and other.done
    assert not targets.get(rows[7]["nik"]).done

    # The list: "only open" leaves out residents recorded here or elsewhere; the filter shows the latter.
    open_niks = {t.nik for t in targets.page(only_open=True, limit=100)}
    assert open_niks == {r["nik"] for r in rows} - elsewhere - {rows[5]["nik"]}
    assert {t.nik for t in targets.page(only_elsewhere=True, limit=100)} == elsewhere
    assert [t.nik for t in targets.page(search=rows[1]["nik"], only_elsewhere=True)] == [rows[1]["nik"]]
    assert targets.page(search=rows[1]["nik"], only_open=True) == []


# -- the next resident of the same RT (after a recording started from the list) ----


def test_next_open_in_rt_follows_the_list_order_and_skips_the_recorded(store, fake):
    repo = TargetRepo(store)

    def row(nik_tail: int, nama: str, rt: str = "003", kel: str = KEL_A, **extra) -> dict:
        return {"nik": f"16710101019{nik_tail:05d}", "nama": nama, "rt": rt, "rw": "001",
                "kelurahan_kode": kel, **extra}

    repo.upsert_many([
        row(1, "Budi"), row(2, "Ani"), row(3, "Citra"), row(4, "Dewi"), row(5, "Eka"),
        row(6, "Ani"),  # same name as 2: the NIK breaks the tie
        row(7, "Bambang", rt="004"), row(8, "Bayu", kel=KEL_B),
        row(9, "Fajar", recorded_elsewhere=True),
    ])
    nik = {n: f"16710101019{n:05d}" for n in range(1, 10)}
    # List order in RT 003: Ani(2), Ani(6), Budi(1), Citra(3), Dewi(4), Eka(5), [Fajar(9), another team's]
    assert repo.next_open_in_rt(nik[2]).nik == nik[6]
    assert repo.next_open_in_rt(nik[6]).nik == nik[1]
    recordings = RecordingRepo(store)
    recordings.save(Recording.new(make_resident(fake).with_changes(nik=nik[3]), status=RecordingStatus.COMPLETE),
                    enqueue=True)
    recordings.save(Recording.new(make_resident(fake).with_changes(nik=nik[4]), status=RecordingStatus.DRAFT),
                    enqueue=False)
    assert repo.next_open_in_rt(nik[1]).nik == nik[4]  # Citra recorded; Dewi's draft still needs a visit
    assert repo.next_open_in_rt(nik[5]).nik == nik[2]  # after the last (Fajar: another team's) the first again
    assert repo.next_open_in_rt(nik[7]) is None  # alone in RT 004
    assert repo.next_open_in_rt(nik[8]) is None  # alone in its kelurahan's RT
    assert repo.next_open_in_rt("1671010101999999") is None  # not on the list
    assert repo.next_open_in_rt("") is None
    assert repo.next_open_in_rt("'; DROP TABLE targets; --") is None
    assert repo.count() == 9


def test_moving_to_another_area_drops_the_servers_rows_outside_it_but_keeps_visited_and_own_ones(store, fake):
    import datetime as dt

    from app.store.visits import VisitOutcomes

    repo = TargetRepo(store)
    rows = _rows(fake, 12)
    server = [{k: v for k, v in r.items() if k != "status_ktp"} for r in rows[:10]]
    assert repo.merge_from_server(server) == 10
    repo.upsert_many(rows[10:], source="")  # the office's own list on this laptop
    outside_b = [r["nik"] for r in rows[:10] if r["kelurahan_kode"] == KEL_B]
    VisitOutcomes(store).record(outside_b[0], "tidak_di_rumah", today=dt.date(2026, 12, 1))
    _fts_ok(store)

    assert repo.drop_server_rows_outside([]) == 0  # no area: nothing goes
    gone = repo.drop_server_rows_outside(["1671011001"])  # KEL_A only
    assert gone == len(outside_b) - 1
    left = {t.nik for t in repo.each()}
    assert outside_b[0] in left  # visited here
    assert {r["nik"] for r in rows[10:]} <= left  # the office's own rows
    assert not (set(outside_b[1:]) & left)
    assert all(t.kelurahan_kode == KEL_A or t.nik in {outside_b[0], *(r["nik"] for r in rows[10:])}
               for t in repo.each())
    _fts_ok(store)
    assert repo.search(rows[1]["nama"].split()[0])  # the name index still finds a kept row
    assert AuditLog(store).entries(action="targets.area_changed", limit=1)[0].detail == {"dropped": gone}
