"""Alembic environment: runs the server's migrations on the connection it is given.

`sync.server.schema.migrate` passes an open connection in ``config.attributes``;
without one (the ``alembic`` command line) an engine is built from the URL.
"""

from __future__ import annotations

from alembic import context

from sync.server.db_engine import make_engine
from sync.server.tables import metadata

config = context.config


def _run(connection) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
