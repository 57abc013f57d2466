"""The server database: SQLAlchemy Core tables, engine set-up, migrations, sequences.

The same code runs on SQLite (the default, a file in the data folder, WAL) and
PostgreSQL (``--database-url postgresql+psycopg://...``): only portable SQL
here. The schema itself is created by the Alembic migrations in
``sync/server/migrations`` (run by `migrate` at start); the table objects
below mirror the latest migration for queries.

Change sequence numbers: every row of ``recordings`` and ``targets`` carries
``seq``, taken from the ``counters`` row of its table whenever the row changes;
the feeds return rows with ``seq > cursor``. A writer locks its counter row
first (``SELECT ... FOR UPDATE``; SQLite takes the write lock with
``BEGIN IMMEDIATE``) and holds it until commit, so sequence numbers become
visible in commit order and a reader's cursor never skips a row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.fsio import open_private, restrict_file

metadata = sa.MetaData()

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("area_kode", sa.String(20), nullable=False),
    sa.Column("area_digits", sa.String(10), nullable=False),
    sa.Column("enroll_code_sha256", sa.String(64), unique=True),
    sa.Column("enroll_expires_at", sa.DateTime),
    sa.Column("token_sha256", sa.String(64), unique=True),
    sa.Column("label", sa.String(100)),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("enrolled_at", sa.DateTime),
    sa.Column("revoked_at", sa.DateTime),
    sa.Column("enrolled_code_sha256", sa.String(64)),  # the used-up code (a lost reply's retry, 0004)
    sa.Column("enroll_nonce_sha256", sa.String(64)),  # the laptop's nonce sent with it
    sa.Column("first_seen_at", sa.DateTime),  # the token's first use (None: never synced)
    sa.Index("ix_devices_enrolled_code", "enrolled_code_sha256"),
)

recordings = sa.Table(
    "recordings", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uuid", sa.String(36), nullable=False, unique=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("payload_sha256", sa.String(64), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("nik", sa.String(32), nullable=False),
    sa.Column("kelurahan_digits", sa.String(10), nullable=False),
    sa.Column("rt", sa.String(8), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
    sa.Column("replaces_uuid", sa.String(36)),
    sa.Column("replaced_by_uuid", sa.String(36)),
    sa.Column("recording_date", sa.Date),
    sa.Column("recorded_at", sa.String(40)),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("received_complete", sa.Boolean, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    # A photo kept with an exception, a thumbprint, a guardian's signature or no photo/
    # signature (app/core/exceptions.py): flagged for the supervisor; flags holds
    # {"photo": ..., "signature": ..., "photo_exception": ..., "signature_exception": ...} as JSON.
    sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("flags", sa.Text),
    sa.Index("ix_recordings_nik_status", "nik", "status"),
    sa.Index("ix_recordings_flagged", "flagged"),
    sa.Index("ix_recordings_device_seq", "device_id", "seq"),
    sa.Index("ix_recordings_kelurahan", "kelurahan_digits", "rt"),
)

recording_media = sa.Table(
    "recording_media", metadata,
    sa.Column("recording_id", sa.Integer, sa.ForeignKey("recordings.id"), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("mime", sa.String(100), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Index("ix_recording_media_sha256", "sha256"),
)

media_blobs = sa.Table(
    "media_blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("completed_at", sa.DateTime),
)

conflicts = sa.Table(
    "conflicts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uuid", sa.String(36), nullable=False),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("payload_sha256", sa.String(64), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("resolved_at", sa.DateTime),  # None: open
    sa.Column("resolution", sa.String(20)),  # CONFLICT_KEPT_SERVER | CONFLICT_DISMISSED
    sa.Column("reason", sa.String(500)),  # the administrator's words (never logged)
    sa.UniqueConstraint("uuid", "payload_sha256", name="uq_conflicts_uuid_payload"),
    sa.CheckConstraint(
        "(resolved_at IS NULL AND resolution IS NULL AND reason IS NULL)"
        " OR (resolved_at IS NOT NULL AND resolution IN ('kept_server', 'dismissed') AND reason IS NOT NULL)",
        name="ck_conflicts_resolution"),
    sa.Index("ix_conflicts_resolved_at", "resolved_at"),
)

targets = sa.Table(
    "targets", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("nik", sa.String(32), nullable=False, unique=True),
    sa.Column("nama", sa.String(200), nullable=False),
    sa.Column("tanggal_lahir", sa.Date),
    sa.Column("jenis_kelamin", sa.String(1)),
    sa.Column("alamat", sa.String(500), nullable=False),
    sa.Column("rt", sa.String(8), nullable=False),
    sa.Column("rw", sa.String(8), nullable=False),
    sa.Column("kelurahan_kode", sa.String(20), nullable=False),
    sa.Column("kelurahan_digits", sa.String(10), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_targets_seq", "seq"),
    sa.Index("ix_targets_kelurahan", "kelurahan_digits", "rt"),
)

visit_outcomes = sa.Table(
    "visit_outcomes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uuid", sa.String(36), nullable=False, unique=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("content_sha256", sa.String(64), nullable=False),
    sa.Column("nik", sa.String(16), nullable=False),
    sa.Column("outcome", sa.String(30), nullable=False),
    sa.Column("visited_at", sa.DateTime, nullable=False),
    sa.Column("operator", sa.String(100), nullable=False),
    sa.Column("revisit_date", sa.Date),
    sa.Column("note", sa.String(500), nullable=False),
    sa.Column("recording_uuid", sa.String(36)),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Index("ix_visit_outcomes_nik", "nik", "visited_at"),
    sa.Index("ix_visit_outcomes_revisit", "revisit_date"),
)

regions = sa.Table(
    "regions", metadata,
    sa.Column("kode", sa.String(20), primary_key=True),
    sa.Column("nama", sa.String(200), nullable=False),
)

counters = sa.Table(
    "counters", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# counters rows (created by the first migration)
RECORDINGS_SEQ = "recordings"
TARGETS_SEQ = "targets"
REGIONS_VERSION = "regions"

CONFLICT_KEPT_SERVER = "kept_server"
"""A conflict the administrator closed: the server's copy stays (`review.resolve_conflict`)."""
CONFLICT_DISMISSED = "dismissed"
"""A conflict closed because its device sent a new version replacing the recording (intake)."""

ACTIVE_STATUSES = ("accepted", "duplicate_review")
"""Recordings that count as 'this NIK is recorded' (not rejected, not replaced)."""


IN_CHUNK = 500  # keys per IN (...) query: far below every backend's parameter limit


def chunks(values: list, size: int = IN_CHUNK) -> Iterable[list]:
    """`values` in slices of at most `size` (for IN queries and executemany)."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


def utcnow() -> dt.datetime:
    """The server's clock, UTC, naive (stored as such on every backend)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, full sync, foreign keys, a busy timeout
    and explicit BEGIN (IMMEDIATE for `write_transaction`). Statement parameters
    (NIKs, names) are kept out of database error messages, which reach logs."""
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                  hide_parameters=True)

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("jemput_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)


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


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: takes SQLite's write lock up front so it
    never fails half-way on a lock upgrade; on PostgreSQL a normal transaction."""
    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        with conn.begin():
            yield conn


# Built once (SQLAlchemy then reuses the compiled form without rebuilding them).
_COUNTER_NAME = sa.bindparam("counter_name")
_LOCK_COUNTER = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME).with_for_update()
_COUNTER_VALUE = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME)
_ADD_TO_COUNTER = (sa.update(counters).where(counters.c.name == _COUNTER_NAME)
                   .values(value=counters.c.value + sa.bindparam("counter_add")))


def lock_counter(conn: Connection, name: str) -> int:
    """Lock a counter row until commit (serialises writers of that table); its value."""
    return conn.execute(_LOCK_COUNTER, {"counter_name": name}).scalar_one()


def next_seqs(conn: Connection, name: str, count: int) -> list[int]:
    """Allocate `count` consecutive sequence numbers from counter `name`."""
    if count <= 0:
        return []
    conn.execute(_ADD_TO_COUNTER, {"counter_name": name, "counter_add": count})
    top = conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()
    return list(range(top - count + 1, top + 1))


def counter_value(conn: Connection, name: str) -> int:
    return conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine, connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (Alembic, programmatically)."""
    from alembic import command

    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        command.upgrade(alembic_config(engine, conn), revision)
        conn.commit()


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` ("base": nothing). For tests and repairs."""
    from alembic import command

    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        command.downgrade(alembic_config(engine, conn), revision)
        conn.commit()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(url: str) -> Engine:
    """An engine with the schema migrated to the latest revision."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def area_digits(kode: str) -> str:
    """'13.72.01' or '137201' -> '137201' (the prefix used for area matching)."""
    return "".join(ch for ch in kode if ch.isdigit())
