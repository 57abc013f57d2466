"""Engines for the server database: SQLite (a file in the data folder, WAL) or
PostgreSQL (``--database-url postgresql+psycopg://...``), each with its
connection options (SQLite's pragmas and explicit BEGIN; PostgreSQL's pool, binary
arrays and pings of idle connections)."""

from __future__ import annotations

import os
import random
import time

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.fsio import open_private, restrict_file


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, full sync, foreign keys, a busy timeout
    and explicit BEGIN (IMMEDIATE for `transactions.write_transaction`). Statement
    parameters (NIKs, names) are kept out of database error messages, which reach logs."""
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                  hide_parameters=True)

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            _enter_wal(cur)
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # Sorts and temporary b-trees (IN lists, DISTINCT) in memory: no plaintext temporary
            # file of residents' NIKs under /var/tmp, and no new file per statement.
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("jemput_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    engine = sa.create_engine(url, hide_parameters=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)

    @sa.event.listens_for(engine, "connect")
    def _arrays_in_binary(dbapi_conn, _record):  # noqa: ANN001
        # A list parameter (`row_sql`: keys, rows as arrays) goes in PostgreSQL's binary
        # array form: the text form escapes every quote of every string in Python (a batch's
        # recordings are JSON: a third of a worker's CPU went to that escaping).
        from psycopg.types.array import ListBinaryDumper

        dbapi_conn.adapters.register_dumper(list, ListBinaryDumper)

    # An INSERT of many rows is one multi-row statement (SQLAlchemy's "insertmanyvalues"),
    # not one statement per row: one parse and one executor run on the database.
    engine.dialect.use_insertmanyvalues_wo_returning = True
    _ping_when_idle(engine)
    return engine


POOL_SIZE = 10
"""PostgreSQL connections a server process keeps open. A device's request holds one from
its token to its commit; when more requests than this are in flight, the extra
connections (up to `POOL_OVERFLOW` more) are opened and closed again, and a new
PostgreSQL connection is a new backend process with cold caches (its first statements
are planned from nothing): with SQLAlchemy's default of 5, 4 workers syncing 50
devices opened about 80 connections in 7 seconds, and the database's CPU per recording
was 2.6 ms instead of 1.6 ms (docs/DEPLOY.md: PostgreSQL's ``max_connections``)."""
POOL_OVERFLOW = 10


PING_AFTER_IDLE_S = 2.0
"""A pooled connection idle longer than this is pinged before use (a database restart
or a dropped connection is noticed then, and a fresh connection taken)."""


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, but only for a connection idle more than
    `PING_AFTER_IDLE_S`: under load a connection comes back within milliseconds,
    and a ping on every checkout (several per batch) was a round trip and a
    statement on both ends for nothing. A ping that fails makes the pool drop
    that connection and take another (`sa.exc.DisconnectionError`)."""

    @sa.event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn, record) -> None:  # noqa: ANN001
        record.info["idle_since"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn, record, _proxy) -> None:  # noqa: ANN001
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return  # just opened, or just used
        try:
            engine.dialect.do_ping(dbapi_conn)
            dbapi_conn.rollback()  # the ping's own implicit transaction
        except Exception as exc:  # noqa: BLE001 - whatever the driver raises for a dead connection
            raise sa.exc.DisconnectionError("koneksi database terputus") from exc


WAL_SWITCH_PATIENCE_S = 30.0


def _enter_wal(cur) -> None:  # noqa: ANN001 - a DB-API cursor
    """``PRAGMA journal_mode=WAL``, tried again while another process switches too.

    Two processes that open a new (rollback-journal) database at once both hold
    a shared lock and both need the exclusive one to switch; SQLite answers one
    of them "database is locked" at once, without its busy handler (waiting
    would deadlock). The loser waits a moment and tries again: by then the
    file is in WAL mode and the pragma has nothing left to change."""
    import sqlite3

    deadline = time.monotonic() + WAL_SWITCH_PATIENCE_S
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause * (1 + random.random()))
        pause = min(pause * 2, 0.25)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _private_sqlite_file(url: str) -> None:
    """The SQLite file made 0600 before SQLite opens it (it gives its -wal and
    -shm files the database's mode); an older file and its side files tightened."""
    path = sa.engine.make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))  # an empty file is a new database
    except FileExistsError:
        pass
    except OSError:
        return  # e.g. the folder is missing: SQLite says so itself
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        restrict_file(name)
