"""`transactions.write_on` on a request's connection: the write takes SQLite's write lock up front
(``BEGIN IMMEDIATE``), and the same connection's later reads begin as reads again (a request
that wrote once must not hold the write lock for the rest of its reads)."""

from __future__ import annotations

import sqlalchemy as sa

from sync.server import schema, tables, transactions


def test_reads_after_a_write_are_plain_reads_again(tmp_path):
    engine = schema.open_database(f"sqlite:///{tmp_path / 'server.sqlite'}")
    begins: list[str] = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda _c, _cur, sql, *a: begins.append(sql) if sql.startswith("BEGIN") else None)
    other = engine.connect()
    try:
        with engine.connect() as conn:
            conn.execute(sa.select(tables.devices.c.id)).all()
            with transactions.write_on(conn):
                conn.execute(sa.update(tables.counters).values(value=tables.counters.c.value))
            conn.execute(sa.select(tables.devices.c.id)).all()  # a read after the write
            # Another connection can write meanwhile: the read holds no write lock.
            other.exec_driver_sql("PRAGMA busy_timeout=0")
            with transactions.write_on(other):
                other.execute(sa.update(tables.counters).values(value=tables.counters.c.value))
            conn.rollback()
            try:  # and a failed write leaves the connection reading too
                with transactions.write_on(conn):
                    raise RuntimeError("the work failed")
            except RuntimeError:
                pass
            conn.execute(sa.select(tables.devices.c.id)).all()
    finally:
        other.close()
        engine.dispose()
    # conn: read, write, read; other: its PRAGMA (a read), its write; conn: the failed write, a read
    assert begins == ["BEGIN", "BEGIN IMMEDIATE", "BEGIN", "BEGIN", "BEGIN IMMEDIATE", "BEGIN IMMEDIATE", "BEGIN"]


def test_sqlite_keeps_its_temporary_tables_in_memory(tmp_path):
    """Sorts and IN lists build temporary b-trees; on disk they are plaintext files under /var/tmp
    holding NIKs (the laptop's store keeps them in memory too, app/store/database.py)."""
    engine = schema.open_database(f"sqlite:///{tmp_path / 'server.sqlite'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar_one() == 2  # MEMORY
    finally:
        engine.dispose()
