"""The server's PostgreSQL connections: a pooled connection is pinged before use only after it
sat idle (`db_engine.PING_AFTER_IDLE_S`), and one that died meanwhile is replaced, not handed out."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sync.server import db_engine

_PID = sa.text("SELECT pg_backend_pid()")


def _counting_pings(engine: sa.Engine) -> list[int]:
    calls: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_conn):  # noqa: ANN001, ANN202
        calls.append(1)
        return ping(dbapi_conn)

    engine.dialect.do_ping = counted
    return calls


def test_a_connection_back_at_once_is_not_pinged_one_idle_is(postgres_url, monkeypatch):
    engine = db_engine.make_engine(postgres_url)
    pings = _counting_pings(engine)
    monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_S", 60.0)  # "at once", even on a loaded machine
    try:
        for _ in range(3):
            with engine.connect() as conn:
                conn.execute(_PID)
        assert pings == []
        monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_S", 0.0)
        with engine.connect() as conn:
            conn.execute(_PID)
        assert pings == [1]
    finally:
        engine.dispose()


def test_a_connection_that_died_while_idle_is_replaced(postgres_url, monkeypatch):
    engine = db_engine.make_engine(postgres_url)
    admin = sa.create_engine(postgres_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            before = conn.execute(_PID).scalar_one()
        with admin.begin() as conn:  # the server restarted, a proxy dropped it, ...
            assert conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": before}).scalar_one()
        monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_S", 0.0)
        with engine.connect() as conn:
            assert conn.execute(_PID).scalar_one() != before
    finally:
        engine.dispose()
        admin.dispose()
