"""A throw-away PostgreSQL for the server tests: `PostgresCluster` (initdb + pg_ctl
in a temporary folder, on a free port of 127.0.0.1) and fresh databases in it.

Where the binaries or psycopg are missing, the tests that need PostgreSQL skip
on a developer's machine but FAIL under CI (``CI=true``): `.ci/run` installs
Debian's ``postgresql``, so a CI run never passes without having run them.
``JEMPUT_TEST_POSTGRES_URL`` (an empty database) is used instead when set.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import NoReturn


from support.needed import missing


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail under CI: PostgreSQL is part of what CI must test."""
    missing("PostgreSQL", reason)


def pg_tool(name: str) -> str | None:
    """A PostgreSQL server program from PATH or Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """A cluster of our own; `new_database` hands out empty databases in it."""

    def __init__(self) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            unavailable("psycopg is not installed (pip install 'psycopg[binary]')")
        self.initdb, self.pg_ctl = pg_tool("initdb"), pg_tool("pg_ctl")
        if self.initdb is None or self.pg_ctl is None:
            unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.as_user: list[str] = []
        self.base = Path(tempfile.mkdtemp(prefix="jemput-pg-"))
        os.chmod(self.base, 0o700)
        if os.name == "posix" and os.geteuid() == 0:
            # PostgreSQL refuses to run as root (CI runs as root): the cluster runs as `nobody`.
            runuser = shutil.which("runuser")
            if runuser is None:
                unavailable("PostgreSQL refuses to run as root and runuser is not available")
            import pwd

            nobody = pwd.getpwnam("nobody")
            os.chown(self.base, nobody.pw_uid, nobody.pw_gid)
            self.as_user = [runuser, "-u", "nobody", "--"]
        self.data = self.base / "pg"
        self.port = free_port()
        self._names = itertools.count(1)
        subprocess.run([*self.as_user, self.initdb, "-D", str(self.data), "-U", "jemput", "--auth=trust"],
                       check=True, capture_output=True)
        subprocess.run([*self.as_user, self.pg_ctl, "-D", str(self.data), "-o",
                        f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c max_connections=200",
                        "-l", str(self.base / "pg.log"), "-w", "start"], check=True, capture_output=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://jemput@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        import sqlalchemy as sa

        name = f"t{os.getpid()}_{next(self._names)}"
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.as_user, self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)


def empty_given_database(url: str) -> str:
    """``JEMPUT_TEST_POSTGRES_URL`` emptied (schema public dropped and made anew)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    return url
