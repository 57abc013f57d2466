"""The server database's schema revision: the Alembic migrations in
``sync/server/migrations`` run (one process at a time) and checked at start."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from sqlalchemy.engine import Connection, Engine

from sync.server.db_engine import is_sqlite, make_engine
from sync.server.filelock import FileLock

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine, connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


MIGRATION_LOCK_KEY = 0x4A454D5055540001  # pg_advisory_lock key ("JEMPUT" + 1)


@contextlib.contextmanager
def migration_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    """Held by one migrating process at a time: a PostgreSQL session advisory
    lock on `conn`, or a file lock beside the SQLite database file."""
    if is_sqlite(engine):
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with FileLock(Path(database).with_name(Path(database).name + ".migrate-lock")):
            yield
        return
    conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
        conn.commit()


def migrate(engine: Engine, revision: str = "head") -> str | None:
    """Bring the schema to `revision` (Alembic, programmatically), under
    `migration_lock`: processes starting at once migrate one after the other,
    and those after the first find nothing left to do. Returns the revision
    found once the lock was held (None: an empty database)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        with migration_lock(engine, conn):
            before = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            command.upgrade(alembic_config(engine, conn), revision)
            conn.commit()
    return before


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


def head_revision() -> str:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(make_engine("sqlite://"))).get_current_head()


class NotMigrated(RuntimeError):
    """The database's schema is not the one this code needs (`jemput-server migrate`)."""

    def __init__(self, current: str | None, head: str):
        super().__init__(f"skema database {current or 'kosong'}, perlu {head}")
        self.current = current
        self.head = head


def require_migrated(engine: Engine) -> None:
    """Raise `NotMigrated` unless the schema is at the newest migration."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise NotMigrated(current, head)


def open_database(url: str) -> Engine:
    """An engine with the schema migrated to the latest revision."""
    engine = make_engine(url)
    migrate(engine)
    return engine
