"""File-system helpers without Qt or SQLite: durable renames and owner-only files and folders."""

from __future__ import annotations

import os


def fsync_dir(directory) -> None:
    """Make a rename inside `directory` durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- owner-only files (POSIX) ----------------------------------------------------
# The profile folder holds the encrypted database, its WAL/SHM side files, the
# salt and migration backups: none of it is anyone else's business on a shared
# laptop. Folders are 0700, files 0600. Windows has no such mode bits (its ACLs
# already keep %LOCALAPPDATA% per user), so there these helpers do nothing.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
POSIX = os.name == "posix"


def make_private_dir(directory) -> None:
    """Create `directory` (and parents) if needed and make it 0700 on POSIX.

    Only `directory` itself is tightened, never its parents.
    A folder we may not change (another owner, a FAT stick) is left as it is.
    """
    os.makedirs(directory, exist_ok=True)
    if POSIX:
        try:
            os.chmod(directory, PRIVATE_DIR_MODE)
        except OSError:
            pass


def restrict_file(path) -> None:
    """Make an existing file 0600 on POSIX (missing files and refusals are ignored)."""
    if not POSIX:
        return
    try:
        os.chmod(path, PRIVATE_FILE_MODE)
    except OSError:
        pass


def open_private(path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """`os.open` a file so that it is 0600 whatever the umask or an older copy said.

    Always binary (``O_BINARY`` on Windows, where the C runtime would otherwise
    translate newlines); wrap the descriptor with `os.fdopen` in the mode needed.
    """
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    if POSIX:
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
        except OSError:
            pass
    return fd
