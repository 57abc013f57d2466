"""The audit trail's hash chain: tampering with the key in hand (triggers dropped, rows edited, deleted,
reordered) is named by `jemput audit verify`, and migration 0012 chains the entries an older profile had."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.audit_chain import GENESIS, entry_hash
from app.store import migrations
from app.store.audit import AuditLog
from app.store.database import open_profile
from support.profiles import PASSPHRASE
from store_support import make_profile_at_version

ROOT = Path(__file__).resolve().parents[2]


def _fill(store, n: int = 6) -> None:
    log = AuditLog(store)
    for i in range(n):
        log.append("recording.saved", actor=f"operator-{i % 2}", detail={"count": i},
                   recording_uuid=f"00000000-0000-4000-8000-{i:012d}")


def _attack(store, *statements: str) -> None:
    """What whoever holds the key can do: drop the triggers, write, put the triggers back."""
    with store.transaction() as db:
        saved = [sql for (sql,) in db.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")]
        for (name,) in db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").fetchall():
            db.conn.execute(f"DROP TRIGGER {name}")
        for sql in statements:
            db.conn.execute(sql)
        for sql in saved:
            db.conn.execute(sql)


def _verify_cli(directory: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, JEMPUT_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, "-m", "app", "audit", "verify", "--data", str(directory)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def _ids(store) -> list[int]:
    return [r[0] for r in store.query("SELECT id FROM audit ORDER BY id")]


def test_an_intact_trail_verifies_and_every_entry_names_the_one_before(store):
    _fill(store)
    log = AuditLog(store)
    count, broken = log.verify()
    assert broken is None and count == len(_ids(store)) >= 6
    chain = log.chain()
    assert chain[0].prev_hash == GENESIS
    for before, after in zip(chain, chain[1:]):
        assert after.prev_hash == before.hash and after.id == before.id + 1
    result = _verify_cli(store.dir)
    assert result.returncode == 0, result.stderr
    assert "utuh" in result.stdout


def test_an_entry_without_its_hash_is_refused(store):
    with pytest.raises(Exception, match="hash chain"):
        with store.transaction() as db:
            db.conn.execute("INSERT INTO audit (ts, actor, action) VALUES ('2026-01-01', 'x', 'y')")


@pytest.mark.parametrize("how", ["actor", "ts", "detail", "rehashed"])
def test_an_edited_entry_is_named(store, how):
    _fill(store)
    target = _ids(store)[3]
    if how == "rehashed":  # the attacker also recomputes that entry's own hash: the next link breaks
        [row] = store.query("SELECT ts, action, recording_uuid, detail, prev_hash FROM audit WHERE id = ?",
                            (target,))
        new = entry_hash(id=target, ts=row[0], actor="someone-else", action=row[1], recording_uuid=row[2],
                         detail=json.loads(row[3]), prev=row[4])
        _attack(store, f"UPDATE audit SET actor = 'someone-else', hash = '{new}' WHERE id = {target}")
    else:
        value = {"actor": "'someone-else'", "ts": "'2020-01-01T00:00:00.000+00:00'",
                 "detail": "'{\"count\":99}'"}[how]
        _attack(store, f"UPDATE audit SET {how} = {value} WHERE id = {target}")
    count, broken = AuditLog(store).verify()
    assert broken is not None and (broken.entry_id, broken.kind) == (target, "changed")
    store_dir = store.dir
    store.close()
    result = _verify_cli(store_dir)
    assert result.returncode == 1
    assert f"entri #{target} telah diubah" in result.stderr


def test_a_deleted_entry_is_named_by_the_one_after_it(store):
    _fill(store)
    ids = _ids(store)
    _attack(store, f"DELETE FROM audit WHERE id = {ids[2]}")
    _, broken = AuditLog(store).verify()
    assert (broken.entry_id, broken.kind) == (ids[3], "removed")
    store_dir = store.dir
    store.close()
    result = _verify_cli(store_dir)
    assert result.returncode == 1 and f"dihapus sebelum entri #{ids[3]}" in result.stderr


def test_a_deleted_last_entry_shows_once_the_trail_goes_on(store):
    _fill(store)
    last = _ids(store)[-1]
    _attack(store, f"DELETE FROM audit WHERE id = {last}")
    AuditLog(store).append("backup.created", detail={"count": 1})
    _, broken = AuditLog(store).verify()
    assert (broken.entry_id, broken.kind) == (last + 1, "removed")


def test_reordered_entries_are_named(store):
    _fill(store)
    ids = _ids(store)
    a, b = ids[2], ids[3]
    # swap the two rows wholesale (hashes and all) through a free id
    _attack(store, f"UPDATE audit SET id = -1 WHERE id = {a}", f"UPDATE audit SET id = {a} WHERE id = {b}",
            f"UPDATE audit SET id = {b} WHERE id = -1")
    _, broken = AuditLog(store).verify()
    assert (broken.entry_id, broken.kind) == (a, "reordered")
    store_dir = store.dir
    store.close()
    result = _verify_cli(store_dir)
    assert result.returncode == 1 and f"entri #{a} tidak di tempatnya" in result.stderr


def test_migration_0012_chains_the_entries_an_older_profile_had(tmp_path):
    directory = tmp_path / "p"
    version = migrations.NAMES.index("0013_audit_chain")
    db = make_profile_at_version(directory, version)
    for i in range(5):
        db.execute("INSERT INTO audit (ts, actor, action, recording_uuid, detail) VALUES (?, ?, ?, ?, ?)",
                   (f"2026-11-0{i + 1}T08:00:00.000+00:00", "operator-1", "recording.saved", None,
                    json.dumps({"count": i})))
    db.conn.commit()
    db.conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        log = AuditLog(store)
        count, broken = log.verify()
        assert broken is None and count >= 5
        first = log.chain()[0]
        assert first.prev_hash == GENESIS and first.ts == "2026-11-01T08:00:00.000+00:00"
        assert first.hash == entry_hash(id=first.id, ts=first.ts, actor="operator-1", action="recording.saved",
                                        recording_uuid=None, detail={"count": 0}, prev=GENESIS)
        with pytest.raises(Exception, match="append-only"):
            with store.transaction() as db2:
                db2.conn.execute("UPDATE audit SET actor = 'x'")


def test_a_setting_change_is_audited_with_its_key_and_never_its_text(store):
    from app.store.settings import Settings

    settings = Settings(store)
    settings.change("min_recording_age", 17, actor="Supervisor Uji")
    settings.change("server_url", "https://dukcapil.example.go.id", actor="Supervisor Uji")
    settings.change("photo_thresholds", {"min_sharpness": 40, "max_tilt_deg": 9}, actor="Supervisor Uji")
    entries = AuditLog(store).entries(action="setting.changed")
    assert [(e.actor, e.detail) for e in reversed(entries)] == [
        ("Supervisor Uji", {"key": "min_recording_age", "value": 17}),
        ("Supervisor Uji", {"key": "server_url"}),
        ("Supervisor Uji", {"key": "photo_thresholds", "fields": ["max_tilt_deg", "min_sharpness"]})]
    assert settings.get("min_recording_age") == 17 and AuditLog(store).verify()[1] is None
