"""Many target rows per statement (app.store.target_upsert): the same result as one row at a time."""

from __future__ import annotations

from app.store import target_upsert
from app.store.targets import TargetRepo, target_row


def _row(i: int, **extra) -> dict:
    return {"nik": f"16710101019{i:05d}", "nama": f"WARGA {i}", "tanggal_lahir": "1990-01-01",
            "jenis_kelamin": "P", "kelurahan_kode": "16.71.01.1001", "rt": "001", "rw": "002", **extra}


def _stored(store, nik: str) -> tuple:
    return store.query("SELECT nama, no_kk, tempat_lahir, recorded_elsewhere, updated_at FROM targets"
                       " WHERE nik = ?", (nik,))[0]


def test_runs_of_given_columns_keep_what_a_row_does_not_say(store, monkeypatch):
    monkeypatch.setattr(target_upsert, "ROWS_PER_STATEMENT", 3)  # several statements per run
    repo = TargetRepo(store)
    first = [_row(i, no_kk=f"167101010190{i:04d}", tempat_lahir="PALEMBANG", recorded_elsewhere=i % 2 == 0)
             for i in range(1, 9)]
    assert repo.upsert_many(first) == (8, 0)
    # The feed's rows (no KK, no place) between an import's rows (no flag) and a row that clears the KK.
    feed = [{**_row(i, nama=f"WARGA BARU {i}"), "recorded_elsewhere": False} for i in (1, 2)]
    later = [_row(i, no_kk="" if i == 3 else f"167101010190{i:04d}", tempat_lahir="LAHAT") for i in (3, 4)]
    twice = [_row(5, nama="PERTAMA"), _row(5, nama="KEDUA")]  # the later row wins, as one row at a time
    assert repo.upsert_many([*feed, *later, *twice, _row(20)]) == (1, 6)
    assert _stored(store, first[0]["nik"])[:4] == ("WARGA BARU 1", "1671010101900001", "PALEMBANG", 0)
    assert _stored(store, first[1]["nik"])[:4] == ("WARGA BARU 2", "1671010101900002", "PALEMBANG", 0)
    assert _stored(store, first[2]["nik"])[:4] == ("WARGA 3", "", "LAHAT", 0)
    assert _stored(store, first[3]["nik"])[:4] == ("WARGA 4", "1671010101900004", "LAHAT", 1)
    assert _stored(store, first[4]["nik"])[:4] == ("KEDUA", "1671010101900005", "PALEMBANG", 0)
    assert _stored(store, _row(20)["nik"])[:4] == ("WARGA 20", "", "", 0)  # a new NIK takes the defaults
    assert repo.count() == 9


def test_an_unchanged_row_is_not_rewritten(store):
    repo = TargetRepo(store)
    rows = [_row(i, no_kk="", tempat_lahir="") for i in range(1, 2 * target_upsert.ROWS_PER_STATEMENT + 5)]
    repo.upsert_many(rows)
    before = _stored(store, rows[-1]["nik"])
    with store.transaction() as db:
        changes = db.conn.total_changes
        target_upsert.upsert_rows(db.conn, [target_row(r, "2099-01-01T00:00:00Z") for r in rows])
        assert db.conn.total_changes == changes
    assert _stored(store, rows[-1]["nik"]) == before  # same values: updated_at kept too
    changed = dict(rows[0], alamat="JL. BARU")
    with store.transaction() as db:
        target_upsert.upsert_rows(db.conn, [target_row(changed, "2099-01-01T00:00:00Z")])
    assert _stored(store, rows[0]["nik"])[4] == "2099-01-01T00:00:00Z"
    assert repo.count() == len(rows)
