"""Backups of the open profile to another disk (a USB stick), and restoring one.

Teams travel for days without signal; a dead or lost laptop must not take the
trip's recordings with it. `backup_profile` writes a complete copy of the open
profile into a NEW folder ``<dest>/jemput-cadangan-YYYYMMDD-HHMMSS/`` holding

- ``jemput.db``: still encrypted by SQLCipher with the SAME raw key, so the same
  passphrase opens it. It is a consistent snapshot taken while the app keeps
  working: a second connection to the profile opens a read transaction (in WAL
  mode writers carry on beside it) and SQLite's online backup API copies that
  snapshot page step by page step into a target connection keyed with the
  store's key (``progress(done_bytes, total_bytes)`` after every step). The
  pages are re-encrypted by the target's codec, nothing is ever written in
  clear. (``VACUUM INTO``, which SQLCipher's maintainers name for encrypted
  copies in sqlcipher/sqlcipher#338, also writes a copy under the same key with
  SQLCipher 4.19, checked by hand; but it is one statement with no progress.)
- ``profile.json``: the salt and argon2id parameters that belong to that key
  (no ``pending`` entry), so the copy opens like the profile did that day.

Nothing in the destination looks complete before it is: the copy is written to
``.jemput-cadangan-….belum-selesai`` (hidden, "not finished yet"), the database
first and ``profile.json`` last (a folder without it is no profile), every file
and the folder are fsynced, the copy is verified (a fresh connection with the
key, ``PRAGMA integrity_check`` = ok, recordings/media/outbox counts equal to
the snapshot's), and only then the folder is renamed to its final name and the
destination folder fsynced. A failure removes the temporary folder; a
temporary folder a killed process left behind is removed by a later backup
into the same destination once it is `STALE_PARTIAL_S` old.

A backup opens directly: ``jemput --data <backup folder> list`` or the window
with ``--data``, with the passphrase in force when it was made (a later
passphrase change does not reach copies already made). Opening it that way
writes to it (audit, WAL). `restore_profile` copies one into a data folder
that holds no profile yet, checks that the passphrase opens it, and never
overwrites a profile.

The audit log records counts only (no path, no names). The setting
``backup.last`` keeps when and where the last backup went (for Pengaturan).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from app.fsio import fsync_dir, make_private_dir, open_private
from app.store._util import utc_now
from app.store.errors import StoreError, WrongPassphrase, known_errors
from app.store.keys import sqlcipher_key_literal
from app.store.profile import DB_NAME, PROFILE_NAME, UI_FILE, db_path, profile_exists, read_profile, write_profile

if TYPE_CHECKING:
    from app.store.database import Store

__all__ = [
    "BackupResult",
    "RestoreResult",
    "backup_profile",
    "restore_profile",
    "list_backups",
    "last_backup",
    "BACKUP_PREFIX",
    "LAST_BACKUP_SETTING",
]

log = logging.getLogger(__name__)

BACKUP_PREFIX = "jemput-cadangan-"
PARTIAL_SUFFIX = ".belum-selesai"
LAST_BACKUP_SETTING = "backup.last"
AUDIT_BACKUP = "profile.backup"
AUDIT_RESTORE = "profile.restored"
# Pages copied per backup step (4 KiB pages: 1 MiB), i.e. how often progress is reported.
STEP_PAGES = 256
# Room asked for beyond the database itself (profile.json, the target's journal, file system slack).
SPACE_MARGIN_BYTES = 2 * 1024 * 1024
SPACE_MARGIN_RATIO = 0.02
# A temporary folder no process has written to for this long is a leftover of a killed backup.
STALE_PARTIAL_S = 3600.0

_NAME = re.compile(re.escape(BACKUP_PREFIX) + r"(\d{8})-(\d{6})(?:-(\d{1,3}))?")
_PARTIAL = re.compile(r"\." + _NAME.pattern + re.escape(PARTIAL_SUFFIX))
# What a backup folder may hold and still be deleted by pruning: ours, and what
# opening it with --data adds (WAL side files, the display language, migration copies).
_PRUNABLE_FILES = {DB_NAME, PROFILE_NAME, UI_FILE, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal"}
_PRUNABLE_PATTERN = re.compile(re.escape(DB_NAME) + r"\.bak-v\d+")
_TABLES = ("recordings", "media", "outbox")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupResult:
    """A finished, verified backup.

    Attributes:
        folder: the new backup folder.
        db_bytes / profile_bytes: sizes of ``jemput.db`` and ``profile.json``.
        recordings / media / outbox: row counts of the snapshot (equal in the copy).
        seconds: wall time of the whole backup, verification included.
        pruned: older backup folders deleted because of ``keep``.
    """

    folder: Path
    db_bytes: int
    profile_bytes: int
    recordings: int
    media: int
    outbox: int
    seconds: float
    pruned: tuple[Path, ...] = field(default=())

    @property
    def total_bytes(self) -> int:
        return self.db_bytes + self.profile_bytes


@dataclass(frozen=True)
class RestoreResult:
    """A backup copied into a data folder and opened there."""

    data_dir: Path
    recordings: int
    media: int
    outbox: int
    seconds: float


# -- backup ------------------------------------------------------------------------

def backup_profile(
    store: "Store",
    dest_parent: str | os.PathLike,
    *,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    keep: int | None = None,
    free_bytes: int | None = None,
    actor: str = "",
) -> BackupResult:
    """Copy the open profile into a new folder under `dest_parent`; see the module docstring.

    `progress(done, total)` is called with bytes of the database copied so far
    (from the thread running the backup). `now` names the folder (local time;
    default: the clock). `keep`: afterwards at most this many OLDER backups stay
    in `dest_parent` (only folders named like ours are ever deleted; None keeps
    all). `free_bytes` replaces the free space the file system reports (tests).

    Raises `StoreError` (Bahasa Indonesia) when the destination is missing, not
    a folder, not writable, inside the profile folder, or too small; when the
    copy cannot be written or does not verify. Nothing is left behind then.
    """
    if keep is not None and keep < 0:
        raise StoreError(kind="invalid", code="backup.keep_negative")
    started = time.monotonic()
    dest = _check_destination(store, Path(dest_parent).absolute())
    _remove_stale_partials(dest)
    moment = now if now is not None else dt.datetime.now()
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the folder name is in local time
    with store.lock:
        store._check_open()
        key = store.key
        info = store.profile.with_pending(None)
        # The snapshot: a second connection holding one read transaction for the whole copy.
        with known_errors():
            from app.store.database import connect

            snapshot = connect(store.path, key)
        try:
            with known_errors():
                snapshot.execute("BEGIN")
                counts = _counts(snapshot)
                page_size = int(snapshot.execute("PRAGMA page_size").fetchone()[0])
                page_count = int(snapshot.execute("PRAGMA page_count").fetchone()[0])
        except BaseException:
            snapshot.close()
            raise
    try:
        total = page_size * page_count
        _check_space(dest, total, free_bytes)
        final = _free_name(dest, moment)
        partial = dest / f".{final.name}{PARTIAL_SUFFIX}"
        try:
            os.mkdir(partial, 0o700)
        except OSError as exc:
            raise _dest_error(exc, dest) from exc
        try:
            db_bytes = _copy(snapshot, partial / DB_NAME, key, page_size, total, progress)
            snapshot.close()
            _verify(partial / DB_NAME, key, counts)
            write_profile(partial, info)  # last: until it is there, the folder is no profile
            profile_bytes = (partial / PROFILE_NAME).stat().st_size
            fsync_dir(partial)
            if final.exists():  # pragma: no cover - another backup took the name meanwhile
                final = _free_name(dest, moment)
            os.rename(partial, final)
            fsync_dir(dest)
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if isinstance(exc, StoreError) and exc.kind in ("disk_full", "io"):
                raise _write_error(exc) from exc
            if isinstance(exc, OSError):
                raise _write_error(exc) from exc
            raise
    finally:
        snapshot.close()
    pruned = _prune(dest, keep, final) if keep is not None else ()
    seconds = time.monotonic() - started
    result = BackupResult(final, db_bytes, profile_bytes, counts["recordings"], counts["media"],
                          counts["outbox"], seconds, pruned)
    _record(store, result, actor)
    log.info("profile backed up (%d recordings, %d bytes, %.2f s)", result.recordings, result.total_bytes, seconds)
    return result


def _check_destination(store: "Store", dest: Path) -> Path:
    if not dest.exists():
        raise StoreError(kind="not_found", code="backup.dest_missing", params={"dest": dest})
    if not dest.is_dir():
        raise StoreError(kind="invalid", code="backup.dest_not_folder", params={"dest": dest})
    resolved, profile = dest.resolve(), store.dir.resolve()
    if resolved == profile or profile in resolved.parents:
        raise StoreError(kind="invalid", code="backup.dest_in_profile")
    if not os.access(dest, os.W_OK | os.X_OK):
        raise StoreError(kind="io", code="backup.dest_read_only", params={"dest": dest})
    return dest


def _check_space(dest: Path, db_bytes: int, free_bytes: int | None) -> None:
    needed = db_bytes + int(db_bytes * SPACE_MARGIN_RATIO) + SPACE_MARGIN_BYTES
    if free_bytes is None:
        try:
            free_bytes = shutil.disk_usage(dest).free
        except OSError as exc:
            raise _dest_error(exc, dest) from exc
    if free_bytes < needed:
        raise StoreError(
            kind="disk_full",
            code="backup.space_short",
            params={"needed": _mb(needed), "free": _mb(free_bytes)},
        )


def _free_name(dest: Path, moment: dt.datetime) -> Path:
    base = BACKUP_PREFIX + moment.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        name = base if n == 1 else f"{base}-{n}"
        if not (dest / name).exists() and not (dest / f".{name}{PARTIAL_SUFFIX}").exists():
            return dest / name
    raise StoreError(kind="exists", code="backup.name_taken")


def _counts(conn) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _TABLES}


def _copy(snapshot, target: Path, key: bytes, page_size: int, total: int, progress: Progress | None) -> int:
    """The online backup from the snapshot connection into a new file keyed with `key`."""
    os.close(open_private(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    conn = sqlcipher3.connect(str(target), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sqlcipher_key_literal(key)}")
        conn.execute("PRAGMA synchronous = FULL")
        if progress is not None:
            progress(0, total)

        def step(_status: int, remaining: int, pages: int) -> None:
            if progress is not None:
                progress(min(total, (pages - remaining) * page_size), total)

        with known_errors():
            snapshot.backup(conn, pages=STEP_PAGES, progress=step)
    finally:
        conn.close()
    _fsync_file(target)
    if progress is not None:
        progress(total, total)
    return target.stat().st_size


def _verify(path: Path, key: bytes, expected: dict[str, int]) -> None:
    """A fresh connection with the key opens the copy, finds it intact and equal in counts."""
    from app.store.database import connect

    try:
        with known_errors():
            conn = connect(path, key)
    except WrongPassphrase:
        raise StoreError(kind="corrupt", code="backup.copy_unreadable") from None
    try:
        with known_errors():
            check = "\n".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall())
            counts = _counts(conn)
    finally:
        conn.close()
    if check != "ok":
        raise StoreError(kind="corrupt", code="backup.copy_corrupt")
    if counts != expected:
        raise StoreError(kind="corrupt", code="backup.copy_differs")
    for side in ("-wal", "-shm"):  # a clean close removes them; make sure none is left
        path.with_name(path.name + side).unlink(missing_ok=True)
    _fsync_file(path)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _dest_error(exc: OSError, dest: Path) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError(kind="disk_full", code="backup.dest_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError(kind="io", code="backup.dest_read_only", params={"dest": dest})
    return StoreError(
        kind="io",
        code="backup.dest_unusable",
        params={"dest": dest, "reason": exc.strerror or type(exc).__name__},
    )


def _write_error(exc: BaseException) -> StoreError:
    if getattr(exc, "kind", None) == "disk_full" or getattr(exc, "errno", None) == errno.ENOSPC:
        return StoreError(kind="disk_full", code="backup.dest_filled_up")
    detail = getattr(exc, "strerror", None) or type(exc).__name__
    return StoreError(kind="io", code="backup.write_failed", params={"reason": detail})


def _record(store: "Store", result: BackupResult, actor: str) -> None:
    """The audit entry (counts only) and the ``backup.last`` setting, in one transaction."""
    from app.store.audit import AuditLog
    from app.store.settings import Settings

    with store.transaction():
        AuditLog(store).append(AUDIT_BACKUP, actor=actor or "system", detail={
            "recordings": result.recordings, "media": result.media, "outbox": result.outbox,
            "pruned": len(result.pruned),
        })
        Settings(store).set(LAST_BACKUP_SETTING, {
            "at": utc_now(), "folder": str(result.folder), "recordings": result.recordings,
            "bytes": result.total_bytes,
        })


def last_backup(store: "Store") -> dict | None:
    """What the last backup from this profile wrote: ``at`` (ISO UTC), ``folder``, ``recordings``, ``bytes``."""
    from app.store.settings import Settings

    value = Settings(store).get(LAST_BACKUP_SETTING)
    return value if isinstance(value, dict) and value.get("at") else None


# -- the destination's older backups ---------------------------------------------------

def list_backups(dest_parent: str | os.PathLike) -> list[Path]:
    """Our complete backup folders in `dest_parent`, oldest first (by the time in the name)."""
    dest = Path(dest_parent)
    try:
        entries = list(dest.iterdir())
    except OSError:
        return []
    found = [p for p in entries if _NAME.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=_sort_key)


def _sort_key(path: Path) -> tuple[str, str, int]:
    m = _NAME.fullmatch(path.name)
    return (m.group(1), m.group(2), int(m.group(3) or 1))


def _prune(dest: Path, keep: int, new: Path) -> tuple[Path, ...]:
    """Delete all but the `keep` newest older backups; a folder holding anything not ours stays."""
    older = [p for p in list_backups(dest) if p.name != new.name]
    doomed = older[: max(0, len(older) - keep)]
    removed = []
    for folder in doomed:
        try:
            names = [p.name for p in folder.iterdir()]
            if any(not (n in _PRUNABLE_FILES or _PRUNABLE_PATTERN.fullmatch(n)) for n in names):
                log.warning("an old backup folder holds other files; left in place")
                continue
            if any((folder / n).is_dir() for n in names):
                continue
            shutil.rmtree(folder)
            removed.append(folder)
        except OSError:
            log.warning("an old backup folder could not be removed")
    if removed:
        fsync_dir(dest)
    return tuple(removed)


def _remove_stale_partials(dest: Path, now: float | None = None) -> int:
    """Remove temporary folders of backups that were killed (nobody wrote to them for an hour)."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = [p for p in dest.iterdir() if _PARTIAL.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]
    except OSError:
        return 0
    for folder in entries:
        try:
            newest = max([folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.iterdir()])
            if now - newest < STALE_PARTIAL_S:
                continue
            shutil.rmtree(folder)
            removed += 1
        except OSError:
            continue
    return removed


# -- restore -----------------------------------------------------------------------

def restore_profile(source: str | os.PathLike, data_dir: str | os.PathLike, passphrase: str, *,
                    actor: str = "") -> RestoreResult:
    """Copy the backup folder `source` into `data_dir`, which must hold no profile yet.

    The copy is made beside `data_dir` first and checked there (the passphrase
    opens it, integrity_check ok); then ``profile.json`` and finally the
    database are moved in, and the profile is opened once more where it now
    lives (migrating it if it comes from an older release). Raises
    `WrongPassphrase` (nothing copied), or `StoreError` when `source` is not a
    complete backup or `data_dir` already holds a profile (never overwritten).
    """
    from app.store.database import open_profile, unlock_with_key

    started = time.monotonic()
    source, data_dir = Path(source), Path(data_dir)
    if not source.is_dir():
        raise StoreError(kind="not_found", code="backup.source_missing", params={"source": source})
    if not profile_exists(source):
        raise StoreError(kind="invalid", code="backup.source_incomplete", params={"source": source})
    _refuse_existing(data_dir)
    info = read_profile(source)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.parent / f".{data_dir.name}.pulihkan-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    make_private_dir(staging)
    try:
        for name in (PROFILE_NAME, UI_FILE, DB_NAME, DB_NAME + "-wal"):
            if (source / name).is_file():
                _copy_file(source / name, staging / name)
        # WrongPassphrase here: nothing reaches data_dir. (A passphrase change that was
        # interrupted in the copy is finished in the staging copy, as opening would.)
        conn, _info, _finished, _key = unlock_with_key(staging, info, passphrase)
        try:
            with known_errors():
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if check != "ok":
            raise StoreError(kind="corrupt", code="backup.source_corrupt")
        _move_in(staging, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from app.store.audit import AuditLog

    with open_profile(data_dir, passphrase) as store:
        counts = _counts(store.conn)
        AuditLog(store).append(AUDIT_RESTORE, actor=actor or "system", detail=dict(counts))
    seconds = time.monotonic() - started
    log.info("profile restored from a backup (%d recordings)", counts["recordings"])
    return RestoreResult(data_dir, counts["recordings"], counts["media"], counts["outbox"], seconds)


def _refuse_existing(data_dir: Path) -> None:
    db = db_path(data_dir)
    if profile_exists(data_dir) or (db.is_file() and db.stat().st_size > 0):
        raise StoreError(kind="exists", code="backup.restore_target_exists", params={"data_dir": data_dir})


def _copy_file(src: Path, dst: Path) -> None:
    with open(src, "rb") as fin, os.fdopen(open_private(dst), "wb") as fout:
        shutil.copyfileobj(fin, fout, 1024 * 1024)
        fout.flush()
        os.fsync(fout.fileno())


def _move_in(staging: Path, data_dir: Path) -> None:
    """Move a checked copy into `data_dir`: profile.json first, the database last."""
    from app.store.database import move_profile_into

    make_private_dir(data_dir)
    _refuse_existing(data_dir)  # another process may have made one meanwhile
    with contextlib.suppress(FileNotFoundError):
        (data_dir / DB_NAME).unlink()  # an empty leftover must not meet the restored database
    move_profile_into(staging, data_dir)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
