"""The real ``jemput-server``: its admin commands, and its ``run`` process on a free port of 127.0.0.1.

`start_server` starts ``jemput-server run`` as a subprocess, waits for its
ready line and returns a `ServerProcess` (stop, SIGKILL, restart on the same
port, the server's database, ``status --json``, its log). The shape is
qutebrowser's ``tests/end2end/fixtures/webserver.py`` (STYLE.md §6).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from support.profiles import SEED_REGIONS

BIN = Path(sys.executable).parent
SERVER_CMD = [str(BIN / "jemput-server")] if (BIN / "jemput-server").exists() else [
    sys.executable, "-m", "sync.server.cli"]
READY = "jemput-server siap di "
DEFAULT_AREA = "16.71"  # Kota Palembang (seed master data)


def server_cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``jemput-server ARGS`` and return the finished process (text output)."""
    proc = subprocess.run([*SERVER_CMD, *map(str, args)], capture_output=True, text=True, timeout=60)
    if check and proc.returncode != 0:
        raise AssertionError(f"jemput-server {args[0]} gagal ({proc.returncode}): {proc.stderr}")
    return proc


def prepare_server_data(data: Path, *extra: str | Path, regions: Path = SEED_REGIONS) -> Path:
    """A server data folder holding the master data from `regions` (`extra`: e.g. ``--database-url``)."""
    data.mkdir(parents=True, exist_ok=True)
    server_cli("import-regions", "--data", data, *extra, regions)
    return data


@dataclass
class ServerProcess:
    """A running ``jemput-server run`` process."""

    data: Path
    proc: subprocess.Popen
    url: str
    port: int
    log: Path
    database_url: str | None = None

    @property
    def engine(self):
        """An engine on the server's database (disposed by `dispose`)."""
        from sync.server import db_engine

        if getattr(self, "_engine", None) is None:
            self._engine = db_engine.make_engine(self.database_url or f"sqlite:///{self.data / 'jemput-server.db'}")
        return self._engine

    @property
    def cli_args(self) -> list[str]:
        """``--data`` (and ``--database-url``) for admin commands on this server."""
        args = ["--data", str(self.data)]
        return args + ["--database-url", self.database_url] if self.database_url else args

    def enrollment_code(self, area: str = DEFAULT_AREA, name: str = "Tim uji") -> str:
        """A new device's one-time enrollment code."""
        from sync.server import admin

        return admin.add_device(self.engine, name, area).enrollment_code

    def status(self) -> dict[str, int]:
        """``jemput-server status --json`` (the admin's view of the counts)."""
        return json.loads(server_cli("status", *self.cli_args, "--json").stdout)

    def access_lines(self, needle: str) -> int:
        """How many access-log lines contain `needle` (e.g. '"POST /recordings/batch')."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return sum(1 for line in text.splitlines() if needle in line)

    def media_files(self) -> dict[str, bytes]:
        folder = self.data / "media"
        return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def stop(self) -> None:
        stop_process(self.proc)

    def kill(self) -> None:
        """SIGKILL: no goodbye, no flush."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def restart(self, *extra: str) -> "ServerProcess":
        """Start again on the same data folder and port (after stop or kill)."""
        new = start_server(self.data, *extra, port=self.port, database_url=self.database_url)
        new._engine = getattr(self, "_engine", None)
        return new

    def dispose(self) -> None:
        if getattr(self, "_engine", None) is not None:
            self._engine.dispose()
            self._engine = None


def start_server(data: Path, *extra: str, port: int = 0, database_url: str | None = None,
                 timeout: float = 30, server_class: type[ServerProcess] = ServerProcess,
                 **fields) -> ServerProcess:
    """``jemput-server run`` on 127.0.0.1 (`port` 0: a free one); waits for its ready line.

    With a fixed `port` (a restart) a refused bind is retried while the old
    socket is released. `server_class` and `fields`: a subclass to return and
    its extra fields.
    """
    database = ["--database-url", database_url] if database_url else []
    deadline = time.monotonic() + timeout
    while True:
        log_path = data / f"server-{time.monotonic_ns()}.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [*SERVER_CMD, "run", "--data", str(data), "--host", "127.0.0.1", "--port", str(port),
                 *database, *extra],
                stdout=log, stderr=subprocess.STDOUT)
        while time.monotonic() < deadline:
            text = log_path.read_text(encoding="utf-8", errors="replace")
            for line in text.splitlines():
                if line.startswith(READY):
                    url = line.split()[-1]
                    return server_class(data, proc, url, int(url.rsplit(":", 1)[1]), log_path, database_url,
                                        **fields)
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        else:
            proc.kill()
            proc.wait(timeout=5)
            raise AssertionError("server tidak siap dalam waktu")
        if not (port and "tidak dapat memakai" in text and time.monotonic() < deadline):
            raise AssertionError(f"server berhenti saat mulai:\n{text}")
        time.sleep(0.2)


def stop_process(proc: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after 10 s; nothing when it has ended already."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
