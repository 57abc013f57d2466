"""The server's copy of the region master data, reloaded when an import changes it.

``jemput-server import-regions`` may run while the server is up (another
process); it bumps the ``regions`` counter, and the next request that needs
regions sees the new version and rebuilds the `RegionIndex`.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.core.regions import RegionIndex
from sync.server import sequences, tables


class RegionCache:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._version: int | None = None
        self._index: RegionIndex | None = None
        self._lock = threading.Lock()

    def current(self, conn: Connection | None = None) -> RegionIndex | None:
        """The latest imported master data (None when none was imported); the version is
        asked on `conn` if given (a request's own connection), else on one of its own."""
        if conn is None:
            with self.engine.connect() as own:
                return self.current(own)
        version = sequences.counter_value(conn, tables.REGIONS_VERSION)
        if version == self._version:
            return self._index
        with self._lock:
            if version != self._version:
                rows = conn.execute(sa.select(tables.regions.c.kode, tables.regions.c.nama)).all()
                self._index = RegionIndex.from_rows([(r.kode, r.nama) for r in rows], errors=[]) if rows else None
                self._version = version
            return self._index
