"""The server schema: Alembic migrations build exactly the tables the code uses,
run again harmlessly, upgrade a database holding data from the revision before,
and (when PostgreSQL is installed) work there too."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server import clock, db_engine, schema, sequences, tables, transactions

HEAD = "0017"


def _diff(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), tables.metadata)


def test_migrations_build_the_tables_the_code_uses(tmp_path):
    engine = schema.open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert schema.current_revision(engine) == HEAD
        assert _diff(engine) == []
        schema.migrate(engine)  # again: nothing to do
        with engine.connect() as conn:
            counters = dict(conn.execute(sa.select(tables.counters.c.name, tables.counters.c.value)).all())
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert counters == {"targets": 0, "regions": 0}  # the recordings' sequence is per device
        schema.downgrade(engine, "base")
        assert sa.inspect(engine).get_table_names() == ["alembic_version"]
        schema.migrate(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def _upgrade_keeps_parked_conflicts(url: str) -> None:
    """A database at 0001 holding a device, a recording and two parked conflicts:
    0002 keeps every row (open), takes resolutions, refuses half-set or unknown
    ones, and goes back to 0001 with the rows still there."""
    engine = db_engine.make_engine(url)
    try:
        schema.migrate(engine, "0001")
        when = dt.datetime(2025, 11, 20, 9, 30)
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO devices (name, area_kode, area_digits, created_at)"
                                 " VALUES ('Tim A', '13.72', '1372', :t)"), {"t": when})
            device = conn.execute(sa.text("SELECT id FROM devices")).scalar_one()
            conn.execute(sa.text(
                "INSERT INTO recordings (uuid, device_id, payload_sha256, payload, nik, kelurahan_digits, rt, status,"
                " outcome, reasons, received_at, received_complete, seq) VALUES (:u, :d, 'a', '{}', '', '', '',"
                " 'accepted', 'accepted', '[]', :t, :f, 1)"), {"u": UUID, "d": device, "t": when, "f": False})
            for sha in ("b" * 64, "c" * 64):
                conn.execute(sa.text("INSERT INTO conflicts (uuid, device_id, payload_sha256, payload, received_at)"
                                     " VALUES (:u, :d, :s, '{\"x\": 1}', :t)"), {"u": UUID, "d": device, "s": sha,
                                                                                 "t": when})
        schema.migrate(engine)
        assert schema.current_revision(engine) == HEAD and _diff(engine) == []
        c = tables.conflicts
        with engine.connect() as conn:
            rows = conn.execute(sa.select(c).order_by(c.c.id)).mappings().all()
        assert [(r["uuid"], r["payload_sha256"], r["received_at"]) for r in rows] == [
            (UUID, "b" * 64, when), (UUID, "c" * 64, when)]
        assert all(r["resolved_at"] is None and r["resolution"] is None and r["reason"] is None for r in rows)
        with engine.begin() as conn:
            conn.execute(sa.update(c).where(c.c.id == rows[0]["id"]).values(
                resolved_at=when, resolution=tables.CONFLICT_KEPT_SERVER, reason="salinan server benar"))
        for values in ({"resolution": "whatever", "resolved_at": when, "reason": "x"},  # unknown resolution
                       {"resolution": tables.CONFLICT_DISMISSED}):  # half set
            with pytest.raises(sa.exc.IntegrityError):
                with engine.begin() as conn:
                    conn.execute(sa.update(c).where(c.c.id == rows[1]["id"]).values(**values))
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(c).where(c.c.resolved_at.is_(None))
                                ).scalar_one() == 1
        schema.downgrade(engine, "0001")
        assert {col["name"] for col in sa.inspect(engine).get_columns("conflicts")} == {
            "id", "uuid", "device_id", "payload_sha256", "payload", "received_at"}
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM conflicts")).scalar_one() == 2
        schema.migrate(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


UUID = "3f2b8c1e-6a4d-4e8b-9c1a-2b3c4d5e6f70"


def test_conflict_resolutions_upgrade_a_database_holding_conflicts(tmp_path):
    _upgrade_keeps_parked_conflicts(f"sqlite:///{tmp_path / 'old.db'}")


def test_sequences_are_consecutive_per_device(tmp_path):
    engine = schema.open_database(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        with transactions.write_transaction(engine) as conn:
            ids = [conn.execute(sa.insert(tables.devices).values(
                name=f"Tim {n}", area_kode="13.72", area_digits="1372",
                created_at=clock.utcnow())).inserted_primary_key[0]
                for n in range(2)]
        a, b = ids
        with transactions.write_transaction(engine) as conn:
            assert sequences.next_device_seqs(conn, [a, b, a, a]) == [1, 1, 2, 3]
            assert sequences.next_device_seqs(conn, []) == []
        with pytest.raises(RuntimeError):
            with transactions.write_transaction(engine) as conn:
                sequences.next_device_seqs(conn, [b] * 5)
                raise RuntimeError("rolled back")
        with transactions.write_transaction(engine) as conn:
            assert sequences.next_device_seqs(conn, [b]) == [2]
            assert sequences.lock_devices(conn, [b, a, b]) == {a: 3, b: 2}
            assert sequences.next_seqs(conn, tables.TARGETS_SEQ, 2) == [1, 2]
    finally:
        engine.dispose()


def _upgrade_gives_devices_the_shared_sequence(url: str) -> None:
    """0006 starts every device's status sequence at the old shared counter (no
    laptop's cursor goes backwards) and takes the shared row away; back down, it returns."""
    engine = db_engine.make_engine(url)
    try:
        schema.migrate(engine, "0005")
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE counters SET value = 41 WHERE name = 'recordings'"))
            conn.execute(sa.text("INSERT INTO devices (name, area_kode, area_digits, created_at)"
                                 " VALUES ('Tim A', '13.72', '1372', :t)"), {"t": dt.datetime(2025, 1, 1)})
        schema.migrate(engine)
        assert schema.current_revision(engine) == HEAD and _diff(engine) == []
        with engine.connect() as conn:
            assert conn.execute(sa.select(tables.devices.c.status_seq)).scalars().all() == [41]
            assert "recordings" not in conn.execute(sa.select(tables.counters.c.name)).scalars().all()
        schema.downgrade(engine, "0005")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT value FROM counters WHERE name = 'recordings'")).scalar_one() == 41
        schema.migrate(engine)
    finally:
        engine.dispose()


def test_per_device_sequences_upgrade(tmp_path):
    _upgrade_gives_devices_the_shared_sequence(f"sqlite:///{tmp_path / 'seq.db'}")


def test_conflict_resolutions_upgrade_on_postgresql(postgres_url):
    _upgrade_keeps_parked_conflicts(postgres_url)


def test_per_device_sequences_upgrade_on_postgresql(postgres_url):
    _upgrade_gives_devices_the_shared_sequence(postgres_url)


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


def test_exception_flags_upgrade_a_database_holding_recordings(tmp_path):
    """0003 adds recordings.flagged (false for the rows already there) and flags (NULL); back to 0002
    the rows stay."""
    engine = db_engine.make_engine(f"sqlite:///{tmp_path / 'flags.db'}")
    try:
        schema.migrate(engine, "0002")
        when = dt.datetime(2025, 11, 20, 9, 30)
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO devices (name, area_kode, area_digits, created_at)"
                                 " VALUES ('Tim A', '13.72', '1372', :t)"), {"t": when})
            device = conn.execute(sa.text("SELECT id FROM devices")).scalar_one()
            conn.execute(sa.text(
                "INSERT INTO recordings (uuid, device_id, payload_sha256, payload, nik, kelurahan_digits, rt, status,"
                " outcome, reasons, received_at, received_complete, seq) VALUES (:u, :d, 'a', '{}', '', '', '',"
                " 'accepted', 'accepted', '[]', :t, :f, 1)"), {"u": UUID, "d": device, "t": when, "f": False})
        schema.migrate(engine)
        assert schema.current_revision(engine) == HEAD and _diff(engine) == []
        r = tables.recordings
        with engine.connect() as conn:
            row = conn.execute(sa.select(r.c.uuid, r.c.flagged, r.c.flags)).one()
        assert row == (UUID, False, None)
        schema.downgrade(engine, "0002")
        assert "flagged" not in {col["name"] for col in sa.inspect(engine).get_columns("recordings")}
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT uuid FROM recordings")).scalar_one() == UUID
    finally:
        engine.dispose()


def _upgrade_adds_trip_columns(url: str) -> None:
    """A database at 0006 holding a device, a recording and a visit outcome: 0009 keeps them
    (no trip: NULL), takes a trip, and goes back to 0006 with the rows still there."""
    engine = db_engine.make_engine(url)
    try:
        schema.migrate(engine, "0006")
        when = dt.datetime(2026, 3, 2, 9, 30)
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO devices (name, area_kode, area_digits, created_at)"
                                 " VALUES ('Tim A', '13.72', '1372', :t)"), {"t": when})
            device = conn.execute(sa.text("SELECT id FROM devices")).scalar_one()
            conn.execute(sa.text(
                "INSERT INTO recordings (uuid, device_id, payload_sha256, payload, nik, kelurahan_digits, rt, status,"
                " outcome, reasons, received_at, received_complete, seq) VALUES (:u, :d, 'a', '{}', '', '', '',"
                " 'accepted', 'accepted', '[]', :t, :f, 1)"), {"u": UUID, "d": device, "t": when, "f": False})
            conn.execute(sa.text(
                "INSERT INTO visit_outcomes (uuid, device_id, content_sha256, nik, outcome, visited_at, operator,"
                " note, received_at) VALUES (:u, :d, 'b', '1372010101100001', 'menolak', :t, '', '', :t)"),
                {"u": UUID, "d": device, "t": when})
        schema.migrate(engine)
        assert schema.current_revision(engine) == HEAD and _diff(engine) == []
        with engine.begin() as conn:
            for table in (tables.recordings, tables.visit_outcomes):
                row = conn.execute(sa.select(table.c.uuid, table.c.trip_id, table.c.trip_name)).one()
                assert tuple(row) == (UUID, None, None)
                conn.execute(sa.update(table).values(trip_id=UUID, trip_name="SMAN 1", trip_type="sekolah"))
        schema.downgrade(engine, "0006")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM recordings")).scalar_one() == 1
            assert conn.execute(sa.text("SELECT count(*) FROM visit_outcomes")).scalar_one() == 1
            assert "trip_id" not in {c["name"] for c in sa.inspect(conn).get_columns("recordings")}
    finally:
        engine.dispose()


def test_trip_columns_upgrade_a_database_holding_rows(tmp_path):
    _upgrade_adds_trip_columns(f"sqlite:///{tmp_path / 'trips.db'}")


def test_trip_columns_upgrade_on_postgresql(postgres_url):
    _upgrade_adds_trip_columns(postgres_url)
