"""Write transactions on the server database, on SQLite and PostgreSQL alike.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE`` (one writer
at a time, across processes). On PostgreSQL (READ COMMITTED) a writer first
takes transaction advisory locks on the keys it decides on (`lock_keys`: the
NIKs and photo hashes of a batch), so two workers deciding on the same NIK or
file go one after the other, and `run_write` retries a transaction that lost a
race on a unique key (the retry sees the winner's row) or a deadlock. No row is
taken by every write: a batch locks the rows of the devices whose recordings it
changes (`sync.server.sequences`), and only a batch that changes the recorded
state of a target NIK takes the ``targets`` counter, as its last statement
before commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import random
import time
from typing import Callable, Iterable, Iterator, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger("jemput.server.db")
T = TypeVar("T")


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: takes SQLite's write lock up front so it
    never fails half-way on a lock upgrade; on PostgreSQL a normal transaction."""
    with engine.connect() as conn:
        with write_on(conn):
            yield conn


@contextlib.contextmanager
def write_on(conn: Connection) -> Iterator[Connection]:
    """`write_transaction` on a connection the caller holds (one connection per request).

    A read the caller began on it is carried on into the write on PostgreSQL (one
    transaction, no extra round trips); on SQLite it is committed first, and the
    write begins with ``BEGIN IMMEDIATE`` (a reader's lock cannot be upgraded safely)."""
    if conn.in_transaction() and conn.dialect.name == "sqlite":
        conn.commit()
    was_writing = conn.get_execution_options().get("jemput_write", False)
    conn.execution_options(jemput_write=True)
    try:
        if not conn.in_transaction():
            conn.begin()
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:  # the request's later reads begin as reads again (SQLite: not the write lock)
        conn.execution_options(jemput_write=was_writing)


def end_read(conn: Connection) -> None:
    """Between a request's look-ups and its slower work (validation, files): on SQLite
    end the read transaction (a reader held open keeps the WAL from being checkpointed);
    on PostgreSQL keep it, the write goes on in it (`write_on`)."""
    if conn.dialect.name == "sqlite" and conn.in_transaction():
        conn.commit()


RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505"})  # serialization, deadlock, unique key taken
WRITE_ATTEMPTS = 8


def is_retryable(exc: BaseException) -> bool:
    """A PostgreSQL serialization failure, deadlock or unique key another
    transaction took meanwhile: the same work, tried again, sees the winner."""
    orig = getattr(exc, "orig", None)
    return isinstance(exc, sa.exc.DBAPIError) and getattr(orig, "sqlstate", None) in RETRY_SQLSTATES


def run_write(bind: Engine | Connection, work: Callable[[Connection], T], *,
              attempts: int = WRITE_ATTEMPTS) -> T:
    """``work(conn)`` inside a write transaction — on a connection of its own for an engine
    (`write_transaction`), on the request's connection for a connection (`write_on`) — tried
    again (after a short random pause) when PostgreSQL aborts it for a race
    (`is_retryable`). `work` must do nothing outside the database that a retry would repeat."""
    for attempt in range(1, attempts + 1):
        try:
            if isinstance(bind, Connection):
                with write_on(bind):
                    return work(bind)
            with write_transaction(bind) as fresh:
                return work(fresh)
        except sa.exc.DBAPIError as exc:
            if not is_retryable(exc) or attempt == attempts:
                raise
            log.info("transaksi diulang (%s, percobaan %d)", exc.orig.sqlstate, attempt)
            time.sleep(random.uniform(0, 0.005 * 2 ** min(attempt, 6)))
    raise AssertionError("unreachable")

_LOCK_KEYS = sa.text(
    "SELECT count(pg_advisory_xact_lock(k)) FROM "
    "(SELECT DISTINCT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS wanted")


def lock_key(namespace: str, value: str) -> int:
    """A signed 64-bit advisory lock key for `value` within `namespace`."""
    digest = hashlib.blake2b(f"{namespace}\0{value}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


NIK_KEY = "nik"
MEDIA_KEY = "media"
"""`lock_keys` namespaces: a batch locks its NIKs and files, a completed upload its files."""


def lock_keys(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Hold transaction-scoped locks on these (namespace, value) keys until
    commit, taken in one sorted order (two writers never deadlock on them).
    PostgreSQL only: on SQLite the write transaction already excludes all others.
    Each key takes a slot of PostgreSQL's lock table (see docs/DEPLOY.md)."""
    if conn.dialect.name != "postgresql":
        return
    wanted = sorted({lock_key(n, v) for n, v in keys if v})
    if wanted:
        conn.execute(_LOCK_KEYS, {"keys": wanted})
