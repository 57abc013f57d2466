"""The audit trail over real HTTP: the laptop's entries reach a real server (SQLite and PostgreSQL) exactly
as chained; a chain rewritten consistently on the laptop after a sync (invisible to `jemput audit verify`)
no longer continues the server's copy, and the server flags the device at the next sync (admin CLI,
dashboard, the laptop's `jemput audit status`) while keeping the entries it had."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.audit_chain import GENESIS, entry_hash
from app.store.audit import AuditLog
from app.store.audit_sync import AuditSyncState
from support.postgres import PostgresCluster
from support.profiles import PASSPHRASE
from support.server import prepare_server_data, server_cli, start_server
from sync.server import tables

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pg_cluster():
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def audit_server(request, tmp_path):
    """A real server of this test alone, on SQLite or on a new PostgreSQL database."""
    extra: list[str] = []
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_cluster").new_database()
        extra = ["--database-url", url]
    server = start_server(prepare_server_data(tmp_path / "server", *extra), database_url=url)
    yield server
    server.stop()
    server.dispose()


def _server_entries(server) -> list[dict]:
    t = tables.audit_entries
    with server.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(t).order_by(t.c.device_id, t.c.seq)).mappings()]


def _rewrite_from(store, first_id: int) -> None:
    """With the key in hand: change entry `first_id`'s actor and rehash it and every later entry, so the
    local chain is consistent again (triggers dropped and put back)."""
    with store.transaction() as conn_db:
        conn = conn_db.conn
        saved = [sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")]
        for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        [(prev,)] = conn.execute("SELECT prev_hash FROM audit WHERE id = ?", (first_id,)).fetchall()
        rows = conn.execute("SELECT id, ts, actor, action, recording_uuid, detail FROM audit WHERE id >= ?"
                            " ORDER BY id", (first_id,)).fetchall()
        for id_, ts, actor, action, recording_uuid, detail in rows:
            actor = "orang-lain" if id_ == first_id else actor
            digest = entry_hash(id=id_, ts=ts, actor=actor, action=action, recording_uuid=recording_uuid,
                                detail=json.loads(detail), prev=prev)
            conn.execute("UPDATE audit SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                         (actor, prev, digest, id_))
            prev = digest
        for sql in saved:
            conn.execute(sql)


def _audit_status(directory: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, JEMPUT_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, "-m", "app", "audit", "status", "--data", str(directory)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_the_trail_reaches_the_server_as_chained_and_only_once(session, audit_server, registered):
    pump = registered(audit_server)
    log = AuditLog(session.store)
    log.append("export.done", actor="Operator Uji", detail={"count": 3})
    report = pump.run_once(force=True)
    assert report.error is None, report.error
    local = log.chain()
    assert local[-1].action == "sync.run" and report.audit_sent == len(local)
    held = _server_entries(audit_server)
    assert [(e["seq"], e["hash"], e["prev_hash"]) for e in held] == [(e.id, e.hash, e.prev_hash) for e in local]
    assert held[0]["prev_hash"] == GENESIS and "export.done" in {e["action"] for e in held}
    state = AuditSyncState.load(session.store)
    assert state.synced_through == local[-1].id and state.flagged_at_entry is None

    again = pump.run_once(force=True)  # the held last entry and the new sync.run entry only
    assert again.error is None and again.audit_sent == 2 and again.audit_flagged_at is None
    assert len(_server_entries(audit_server)) == len(local) + 1
    assert not server_cli("list-devices", *audit_server.cli_args).stdout.count("JEJAK AUDIT")


def test_a_consistently_rewritten_chain_gets_the_device_flagged(session, audit_server, registered):
    pump = registered(audit_server)
    for i in range(3):
        AuditLog(session.store).append("recording.saved", actor="Operator Uji", detail={"count": i})
    assert pump.run_once(force=True).error is None
    before = _server_entries(audit_server)
    mine = next(i for i, e in enumerate(before) if e["action"] == "recording.saved")
    target = before[mine]["seq"]

    _rewrite_from(session.store, target)
    count, broken = AuditLog(session.store).verify()
    assert broken is None  # consistent: the laptop alone cannot tell

    report = pump.run_once(force=True)
    assert report.error is None, report.error  # the run finishes; the flag is the supervisor's business
    assert report.audit_flagged_at is not None and report.audit_flagged_at == before[-1]["seq"]
    # (the first entry the laptop sends again: the last one the server held, rewritten since)
    with audit_server.engine.connect() as conn:
        flags = conn.execute(sa.select(tables.audit_flags)).mappings().all()
    assert flags and {f["kind"] for f in flags} == {"rewritten"}
    # the server kept every entry it had, unchanged (the original actor of the rewritten one)
    after = _server_entries(audit_server)
    assert after[: len(before)] == before and before[mine]["actor"] == "Operator Uji"

    listing = server_cli("list-devices", *audit_server.cli_args).stdout
    assert f"JEJAK AUDIT DITULIS ULANG mulai entri #{report.audit_flagged_at}" in listing
    from sync.server.dashboard import render
    page = render(audit_server.engine)
    assert 'id="perangkat-ditandai">1<' in page and f"entri #{report.audit_flagged_at}" in page

    assert AuditSyncState.load(session.store).flagged_at_entry == report.audit_flagged_at
    directory = session.store.dir
    session.close()
    status = _audit_status(directory)
    assert status.returncode == 1 and "server menandai perangkat ini" in status.stderr
