"""Settings, the append-only audit log, operators and the region master data in the profile."""

from __future__ import annotations

import pytest

from app.core.regions import RegionImportError, RegionLevel
from app.store.audit import AuditLog
from app.store.database import open_profile
from app.store.errors import NotFound, StoreError
from app.store.operators import OperatorRepo
from app.store.regions_store import import_regions_csv, load_region_index, region_count, replace_regions
from app.store.settings import Settings
from support.profiles import PASSPHRASE


def test_settings_round_trip_and_survive_reopen(store):
    settings = Settings(store)
    assert settings.get("min_recording_age", 16) == 16
    settings.set("min_recording_age", 15)
    settings.set("server_url", "https://dukcapil.example.go.id")
    settings.set("shifts", {"mulai": "08:00", "selesai": [20, 0]})
    assert "server_url" in settings
    directory = store.dir
    store.close()
    with open_profile(directory, PASSPHRASE) as again:
        s = Settings(again)
        assert s.get("min_recording_age") == 15
        assert s.get("shifts") == {"mulai": "08:00", "selesai": [20, 0]}
        assert s.delete("server_url") is True and s.get("server_url") is None
        with pytest.raises(TypeError):
            s.set("bad", object())


def test_audit_is_append_only_and_refuses_personal_data(store):
    log = AuditLog(store)
    log.append("export.done", actor="operator-1", detail={"count": 3})
    [entry] = log.entries(action="export.done")
    assert entry.actor == "operator-1" and entry.detail == {"count": 3}
    with pytest.raises(Exception, match="append-only"):
        with store.transaction() as db:
            db.conn.execute("UPDATE audit SET action = 'x'")
    with pytest.raises(Exception, match="append-only"):
        with store.transaction() as db:
            db.conn.execute("DELETE FROM audit")
    with pytest.raises(ValueError):
        log.append("oops", detail={"nik": "1671014107050001"})
    with pytest.raises(ValueError):
        log.append("oops", detail={"note": ["ada 1671014107050001 di sini"]})
    assert log.entries(action="oops") == []
    log.append("sync.batch", detail={"payload_sha256": "ab1234567890123456cd" + "0" * 44})  # hex, not a NIK
    assert len(log.entries(action="sync.batch")) == 1


def test_operators_first_run_and_unique_names(store):
    repo = OperatorRepo(store)
    assert repo.first_run_needed()
    sup = repo.create("  Rina   Marlina ", role="supervisor")
    assert sup.name == "Rina Marlina" and sup.is_supervisor
    op = repo.create("Agus Salim")
    assert not repo.first_run_needed()
    assert [o.id for o in repo.list()] == [sup.id, op.id]
    assert repo.get(op.id) == op
    with pytest.raises(StoreError) as info:
        repo.create("rina marlina")
    assert info.value.kind == "exists"
    with pytest.raises(ValueError):
        repo.create("Budi", role="kepala")  # not a role (operator, supervisor, admin)
    with pytest.raises(ValueError):
        repo.create("   ")
    with pytest.raises(NotFound):
        repo.get(999)
    assert repo.count() == 2
    [audit] = AuditLog(store).entries(action="operator.created", limit=1)
    assert "Agus" not in str(audit.detail)


def test_regions_from_the_seed_csv(store, seed_regions_csv):
    with open(seed_regions_csv, encoding="utf-8") as fh:
        count = import_regions_csv(store, fh)
    assert count == 287 and region_count(store) == 287
    index = load_region_index(store)
    assert len(index) == 287
    region = index.get("13.72.01.1001")
    assert region.nama == "Tanah Garam" and region.level is RegionLevel.KELURAHAN
    assert [r.kode for r in index.children("16.71")][:1] == ["16.71.01"]


def test_replace_regions_is_all_or_nothing(store):
    replace_regions(store, [("16", "Sumatera Selatan"), ("16.71", "Kota Palembang")])
    with pytest.raises(RegionImportError):
        replace_regions(store, [("32", "Jawa Barat"), ("bukan-kode", "X")])
    assert {r.kode for r in load_region_index(store)} == {"16", "16.71"}
    errors: list[tuple[int, str]] = []
    assert replace_regions(store, [("32", "Jawa Barat"), ("bukan-kode", "X")], errors=errors) == 1
    assert [n for n, _ in errors] == [2]
    assert {r.kode for r in load_region_index(store)} == {"32"}
