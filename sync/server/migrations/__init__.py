"""Alembic migrations of the server database (run by `sync.server.schema.migrate`)."""
