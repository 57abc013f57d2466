"""The server schema: Alembic migrations build exactly the tables the code uses,
run again harmlessly, and (when PostgreSQL is installed) work there too."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server import db


def _diff(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), db.metadata)


def test_migrations_build_the_tables_the_code_uses(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert db.current_revision(engine) == "0001"
        assert _diff(engine) == []
        db.migrate(engine)  # again: nothing to do
        with engine.connect() as conn:
            counters = dict(conn.execute(sa.select(db.counters.c.name, db.counters.c.value)).all())
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert counters == {"recordings": 0, "targets": 0, "regions": 0}
        db.downgrade(engine, "base")
        assert sa.inspect(engine).get_table_names() == ["alembic_version"]
        db.migrate(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_sequences_are_consecutive_and_shared_by_writers(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        with db.write_transaction(engine) as conn:
            db.lock_counter(conn, db.RECORDINGS_SEQ)
            assert db.next_seqs(conn, db.RECORDINGS_SEQ, 3) == [1, 2, 3]
            assert db.next_seqs(conn, db.RECORDINGS_SEQ, 0) == []
        with pytest.raises(RuntimeError):
            with db.write_transaction(engine) as conn:
                db.next_seqs(conn, db.RECORDINGS_SEQ, 5)
                raise RuntimeError("rolled back")
        with db.write_transaction(engine) as conn:
            assert db.next_seqs(conn, db.RECORDINGS_SEQ, 1) == [4]
            assert db.next_seqs(conn, db.TARGETS_SEQ, 2) == [1, 2]
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def postgres_url(tmp_path):
    """JEMPUT_TEST_POSTGRES_URL (an empty database to use), else a throw-away
    cluster in tmp_path; skipped when neither is possible."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]')")
    given = os.environ.get("JEMPUT_TEST_POSTGRES_URL")
    if given:
        engine = sa.create_engine(given)
        with engine.begin() as conn:  # start from an empty schema
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
        yield given
        return
    initdb, pg_ctl = shutil.which("initdb") or "/usr/lib/postgresql/15/bin/initdb", shutil.which("pg_ctl")
    if not pg_ctl or not Path(initdb).exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    if os.geteuid() == 0:
        pytest.skip("PostgreSQL refuses to run as root")
    data = tmp_path / "pg"
    subprocess.run([initdb, "-D", str(data), "-U", "jemput", "--auth=trust"], check=True, capture_output=True)
    port = _free_port()
    subprocess.run([pg_ctl, "-D", str(data), "-o", f"-p {port} -k {tmp_path} -c listen_addresses=127.0.0.1",
                    "-l", str(tmp_path / "pg.log"), "-w", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://jemput@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)


def test_the_same_code_runs_on_postgresql(postgres_url, tmp_path, people):
    from fastapi.testclient import TestClient

    from sync import protocol
    from sync.server import admin
    from sync.server.app import create_app
    from sync.server.settings import Settings

    from serverkit import make_recording

    app = create_app(Settings(data_dir=tmp_path / "srv", database_url=postgres_url))
    engine = app.state.engine
    assert _diff(engine) == []
    code = admin.add_device(engine, "Tim PG", "13.72").enrollment_code
    with TestClient(app, headers={protocol.PROTOCOL_HEADER: "1.0"}) as client:
        token = client.post(protocol.Paths.REGISTER, json={"enrollment_code": code}).json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        resident = people.resident()
        recs = [make_recording(resident), make_recording(resident), make_recording(people.resident())]
        results = client.post(protocol.Paths.BATCH, json={"items": [r.item for r in recs]}).json()["results"]
        assert [r["outcome"] for r in results] == ["accepted", "duplicate_review", "accepted"]
        for sha, data in recs[2].media.items():
            assert client.put(protocol.Paths.media(sha), content=data,
                              headers={protocol.OFFSET_HEADER: "0"}).json()["complete"]
        feed = client.get(protocol.Paths.STATUS).json()
        assert {e["uuid"]: e["received_complete"] for e in feed["items"]}[recs[2].uuid] is True
        assert client.get(protocol.Paths.DASHBOARD).status_code == 200
    engine.dispose()
