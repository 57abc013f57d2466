"""Helpers for the CLI tests: constants, the subprocess runner, file builders."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from app.store.database import open_profile
from support.profiles import PASSPHRASE, ROOT, SEED_REGIONS

TODAY = dt.date(2026, 3, 1)
HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode", "status_ktp"]


def run_cli(*argv, passphrase: str | None = PASSPHRASE, extra_env: dict | None = None,
            timeout: float = 60, stdin=subprocess.DEVNULL, text: bool = True) -> subprocess.CompletedProcess:
    """The real command in a subprocess: `python -m app ...`."""
    env = {k: v for k, v in os.environ.items() if k not in ("JEMPUT_PASSPHRASE", "JEMPUT_HOME")}
    if passphrase is not None:
        env["JEMPUT_PASSPHRASE"] = passphrase
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *[str(a) for a in argv]],
        cwd=ROOT, env=env, capture_output=True, text=text, timeout=timeout, stdin=stdin,
    )


def write_csv(path: Path, rows: list[list], *, delimiter: str = ",", bom: bool = False,
              header: list[str] | None = HEADER) -> Path:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)
    return path


def as_cells(row: dict) -> list:
    return [row[name] for name in HEADER]


def file_digests(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir()) if p.is_file()
    }


def open_store(directory: Path, passphrase: str = PASSPHRASE):
    return open_profile(directory, passphrase)
