"""The server's data folder protected at rest: folders 0700, files 0600, as on the laptop.

New files are made so (`app.fsio.open_private` in the media store, the SQLite
file in `sync.server.db_engine.make_engine`; SQLite gives its -wal/-shm files the
database's mode). `secure_data_dir` tightens what an older version left
behind (0644 files in 0755 folders) when the server starts. The database
itself is not encrypted: the folder's owner (the server's account) and root
can read NIKs in it, so keep backups of it as guarded as the folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.fsio import POSIX, PRIVATE_FILE_MODE, make_private_dir, restrict_file


def secure_data_dir(data_dir: Path, media_dir: Path, partial_dir: Path) -> int:
    """Make the folders 0700 and every file under `media_dir` 0600; returns how many files were tightened."""
    for folder in (data_dir, media_dir, partial_dir):
        make_private_dir(folder)
    if not POSIX:
        return 0
    tightened = 0
    for folder in (data_dir, media_dir, partial_dir):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            if stat.S_ISREG(mode) and stat.S_IMODE(mode) & ~PRIVATE_FILE_MODE:
                restrict_file(entry.path)
                tightened += 1
    return tightened
