"""Open and unlock a profile: the SQLCipher connection, its pragmas and the `Store`.

A profile is a folder with ``jemput.db`` (whole file encrypted by SQLCipher,
raw 256-bit key from `app.store.keys`) and ``profile.json`` (salt and KDF
parameters; nothing about residents). Opening applies pending migrations,
copying the file aside first (``jemput.db.bak-vN``) when it holds an older schema.

On POSIX the folder is 0700 and every file in it (database, ``-wal``,
``-shm``, ``profile.json``, backups) 0600: the database file is created 0600
before SQLite opens it, and SQLite gives its side files the database's mode.
Opening tightens the modes of a profile made before this rule.

A passphrase change (`app.store.passphrase`) that a crash interrupted is
finished here: if the salt in ``profile.json`` does not open the database but
the ``pending`` one does, the re-key had committed and the pending salt is
promoted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from app.store import migrations
from app.fsio import fsync_dir, make_private_dir, open_private, restrict_file
from app.store._util import utc_now
from app.store.errors import ProfileMissing, SchemaTooNew, StoreError, WrongPassphrase, known_errors
from app.store.keys import DEFAULT_KDF_PARAMS, KdfParams, derive_key, sqlcipher_key_literal
from app.store.keyslots import find_slot, new_db_key, wrap
from app.store.profile import (  # noqa: F401 - profile_exists re-exported
    PROFILE_NAME,
    ProfileInfo,
    db_path,
    profile_exists,
    profile_path,
    read_profile,
    write_profile,
)

__all__ = [
    "Store",
    "StoreError",
    "WrongPassphrase",
    "ProfileMissing",
    "SchemaTooNew",
    "create_profile",
    "open_profile",
    "profile_exists",
    "connect",
    "unlock",
    "unlock_with_key",
    "unlock_profile",
    "restrict_profile",
]

log = logging.getLogger(__name__)

CACHE_SIZE_KIB = 32 * 1024


def connect(path: str | os.PathLike, key: bytes) -> sqlcipher3.Connection:
    """An unlocked SQLCipher connection to `path` with Jemput's pragmas.

    Raises `WrongPassphrase` (closing the connection, writing nothing) when
    the key does not open the file. A database file that does not exist yet
    is created empty and owner-only first, so SQLite never makes it (or its
    ``-wal``/``-shm``) readable by others.
    """
    if not os.path.exists(path):
        try:
            os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
        except FileExistsError:  # pragma: no cover - created in between
            pass
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sqlcipher_key_literal(key)}")
        # The first read checks the key (SQLCipher's HMAC on page 1).
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongPassphrase() from None
    try:
        apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_pragmas(conn: Any) -> None:
    """WAL, synchronous=FULL (committed means durable), foreign keys, temp data in memory,
    secure_delete (deleted rows, e.g. a retaken photo or a purged recording, are overwritten
    with zeros rather than left readable in free pages; SQLCipher's own default, made explicit)."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(kind="io", code="store.wal_unavailable")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # no temporary files on disk
    conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")


class Store:
    """An open, unlocked profile.

    Attributes:
        dir: the profile folder.
        path: the database file.
        db: a `sqlite_utils.Database` over the SQLCipher connection.
        conn: the raw connection.
        lock: serialises use of the connection; the repositories take it, so a
            store may be handed between threads but is used by one at a time.
        profile: what ``profile.json`` says (salt, KDF parameters).
        key: the raw key in force (kept for a second connection to the same file,
            e.g. the snapshot of `app.store.backup`; never logged, not in repr).
    """

    def __init__(self, directory: str | os.PathLike, conn: sqlcipher3.Connection, profile: ProfileInfo,
                 key: bytes | None = None):
        self.dir = Path(directory)
        self.path = db_path(directory)
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.lock = threading.RLock()
        self.profile = profile
        self._key = key
        self._closed = False
        self.slot_id = ""  # the key slot that opened it ("" for a one-passphrase profile)
        self.person = None  # the `Operator` whose passphrase opened it (None before the first one exists)

    @property
    def key(self) -> bytes:
        """The raw key that opens the file now (StoreError if this store was built without it)."""
        if self._key is None:
            raise StoreError(kind="invalid", code="store.key_unavailable")
        return self._key

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def kdf_params(self) -> KdfParams:
        return self.profile.kdf

    @property
    def schema_version(self) -> int:
        with self.reading():
            return migrations.schema_version(self.db)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic unit of work (nested calls become savepoints)."""
        self._check_open()
        with self.lock, known_errors(), self.db.atomic():
            yield self.db

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite_utils.Database]:
        """Hold the connection for a read (no transaction is opened)."""
        self._check_open()
        with self.lock, known_errors():
            yield self.db

    def query(self, sql: str, params: Any = ()) -> list[tuple]:
        """Run a read-only statement and return all rows as tuples."""
        with self.reading():
            return self.conn.execute(sql, params).fetchall()

    def integrity_check(self) -> str:
        """``ok``, or SQLite's list of problems joined by newlines."""
        rows = self.query("PRAGMA integrity_check")
        return "\n".join(str(r[0]) for r in rows)

    def pragma(self, name: str) -> Any:
        rows = self.query(f"PRAGMA {name}")
        return rows[0][0] if rows else None

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (e.g. before a copy)."""
        with self.reading():
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def replace_connection(self, conn: sqlcipher3.Connection, key: bytes | None = None) -> None:
        """Continue on `conn` (same file, already unlocked with `key`) and close the old connection.

        Used after a passphrase change: the old connection's key no longer
        matches the file, or its codec cannot be trusted after a failed re-key.
        """
        with self.lock:
            self._check_open()
            if key is not None:
                self._key = key
            old, self.conn = self.conn, conn
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            try:
                old.close()
            except sqlcipher3.Error:  # pragma: no cover - it is being dropped anyway
                pass

    def close(self) -> None:
        if self._closed:
            return
        with self.lock:
            try:
                self.conn.execute("PRAGMA optimize")
            except sqlcipher3.Error:  # pragma: no cover - closing anyway
                pass
            self.conn.close()
            self._closed = True

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(kind="closed", code="store.closed")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {str(self.dir)!r}{' closed' if self._closed else ''}>"




def create_profile(
    directory: str | os.PathLike, passphrase: str, *, kdf_params: KdfParams | None = None
) -> Store:
    """Create a new encrypted profile in `directory` and return it open.

    `kdf_params` defaults to `DEFAULT_KDF_PARAMS`; tests pass cheaper ones.
    """
    if not isinstance(passphrase, str) or passphrase == "":
        raise StoreError(kind="invalid", code="profile.passphrase_empty")
    directory = Path(directory)
    path = db_path(directory)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(kind="exists", code="profile.exists")
    make_private_dir(directory)
    for leftover in (path, _sidecar(path, "-wal"), _sidecar(path, "-shm")):
        leftover.unlink(missing_ok=True)
    # The key is random and the file holds it wrapped for this passphrase (`app.store.keyslots`);
    # profile.json is written before the database exists: a database without its slot is lost.
    key = new_db_key()
    slot = wrap(key, passphrase, kdf=kdf_params or DEFAULT_KDF_PARAMS)
    info = ProfileInfo(salt=b"", kdf=kdf_params or DEFAULT_KDF_PARAMS, created_at=utc_now(),
                       slots=(slot,), last_slot=slot.id)
    write_profile(directory, info)
    with known_errors():
        conn = connect(path, key)
    store = Store(directory, conn, info, key)
    store.slot_id = slot.id
    try:
        with store.lock, known_errors():
            _, version = migrations.migrate(store.db)
        store.profile = info.with_schema_version(version)
        write_profile(directory, store.profile)
        _audit(store, "profile.created", {"schema_version": version, "kdf": info.kdf.name})
    except BaseException:
        store.close()
        raise
    log.info("profile created (schema v%d)", version)
    return store


def open_profile(directory: str | os.PathLike, passphrase: str, *,
                 clock: Callable[[], float] = time.time, count_failure: bool = True) -> Store:
    """Unlock the profile in `directory`, migrating its schema if it is older.

    A one-passphrase profile (format 1) moves to a random key wrapped for
    this passphrase (`app.store.people.adopt_legacy`); the person it opens
    for is bound to the store (`Store.person`). Failed attempts are counted
    in ``profile.json`` and make the next one wait (`app.store.unlock_guard`,
    `clock` gives the time); the failures are audited at the next success.
    `count_failure` False: a probe with a public passphrase (is this folder
    the demo?) that must leave another profile exactly as it was.

    Raises `ProfileMissing`, `WrongPassphrase` (nothing but the failure count
    on disk changes), `StoreError` ``unlock.wait`` while a wait is running,
    `SchemaTooNew` (file from a newer release; left untouched) or `StoreError`.
    """
    from app.store import people, unlock_guard

    directory = Path(directory)
    if not profile_exists(directory):
        raise ProfileMissing()
    info = read_profile(directory)
    unlock_guard.check(info, clock())
    if not isinstance(passphrase, str) or passphrase == "":
        raise WrongPassphrase()
    restrict_profile(directory)
    try:
        conn, info, finished, key, slot_id = unlock_profile(directory, info, passphrase)
    except WrongPassphrase:
        if count_failure:
            unlock_guard.record_failure(directory, clock())
        raise
    store = Store(directory, conn, info, key)
    store.slot_id = slot_id
    try:
        with store.lock, known_errors():
            before, after = migrations.migrate(
                store.db, before_upgrade=lambda version: _backup(store, version)
            )
        if after != info.schema_version:
            store.profile = store.profile.with_schema_version(after)
            write_profile(directory, store.profile)
        if after != before:
            _audit(store, "profile.migrated", {"from": before, "to": after})
            log.info("profile migrated from schema v%d to v%d", before, after)
        if finished:
            _audit(store, "profile.passphrase_change_finished", {"kdf": info.kdf.name})
        if not store.profile.has_slots:
            people.adopt_legacy(store, passphrase)
        try:
            people.bind(store)
        except WrongPassphrase:
            unlock_guard.record_failure(directory, clock())
            raise
        unlock_guard.succeeded(store)
        _repair(store)
    except BaseException:
        store.close()
        raise
    return store


def unlock(directory: Path, info: ProfileInfo, passphrase: str) -> tuple[sqlcipher3.Connection, ProfileInfo, bool]:
    """`unlock_profile` without the key and slot."""
    conn, info, finished, _key, _slot = unlock_profile(directory, info, passphrase)
    return conn, info, finished


def unlock_with_key(
    directory: Path, info: ProfileInfo, passphrase: str
) -> tuple[sqlcipher3.Connection, ProfileInfo, bool, bytes]:
    """`unlock_profile` without the slot id."""
    conn, info, finished, key, _slot = unlock_profile(directory, info, passphrase)
    return conn, info, finished, key


def unlock_profile(
    directory: Path, info: ProfileInfo, passphrase: str
) -> tuple[sqlcipher3.Connection, ProfileInfo, bool, bytes, str]:
    """Open the database with `passphrase`: (connection, profile info, finished a change?, key, slot id).

    Format 2: the slot `passphrase` unwraps gives the key (the last used slot
    is tried first). Format 1: the salt in ``kdf`` is tried first. If it fails
    and a ``pending`` entry exists, a passphrase change was interrupted after
    the database was re-keyed: the pending salt is tried, and if it opens the
    file it is promoted (written to ``profile.json``), and the third value is
    True. A pending entry next to a ``kdf`` that still opens the file is a
    change that never re-keyed; it is left alone (harmless: the next change
    replaces it), because another process may be in the middle of that very
    change. Likewise ``pending_slots``: a move to key slots that re-keyed the
    file but did not finish ``profile.json`` is finished here.
    Raises `WrongPassphrase` when nothing opens the file (nothing written).
    """
    path = db_path(directory)
    if info.has_slots:
        found = find_slot(info.slots, passphrase, info.last_slot)
        if found is None:
            raise WrongPassphrase()
        slot, key = found
        with known_errors():
            return connect(path, key), info, False, key, slot.id
    try:
        key = derive_key(passphrase, info.salt, info.kdf)
        with known_errors():
            return connect(path, key), info, False, key, ""
    except WrongPassphrase:
        if info.pending is None and not info.pending_slots:
            raise
    if info.pending is None:
        found = find_slot(info.pending_slots, passphrase)
        if found is None:
            raise WrongPassphrase()
        slot, key = found
        with known_errors():
            conn = connect(path, key)
        promoted = info.with_slots(info.pending_slots, pending_slots=(), salt=b"", last_slot=slot.id)
        try:
            write_profile(directory, promoted)
        except BaseException:
            conn.close()
            raise
        log.info("finished an interrupted move to key slots")
        return conn, promoted, False, key, slot.id
    key = derive_key(passphrase, info.pending.salt, info.pending.kdf)
    with known_errors():
        conn = connect(path, key)
    try:
        info = info.promoted()
        write_profile(directory, info)
    except BaseException:
        conn.close()
        raise
    log.info("finished an interrupted passphrase change")
    return conn, info, True, key, ""


def restrict_profile(directory: str | os.PathLike) -> None:
    """Owner-only modes (POSIX) for the profile folder and the files Jemput keeps in it."""
    directory = Path(directory)
    make_private_dir(directory)
    path = db_path(directory)
    names = [PROFILE_NAME, path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"]
    try:
        names += [p.name for p in directory.glob(path.name + ".bak-v*")]
    except OSError:  # pragma: no cover - unreadable folder
        pass
    for name in names:
        restrict_file(directory / name)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def remove_backups(directory: str | os.PathLike, *, older_than_s: float | None = None,
                   now: float | None = None) -> int:
    """Delete the copies migrations set aside (``jemput.db.bak-vN``), all of them or
    those last written more than `older_than_s` seconds ago. Returns how many.

    A backup is a whole copy of the profile as it was, encrypted with the
    passphrase of that day: it still holds photos the retention purge removed
    since, and it still opens with a passphrase the operator has replaced.
    """
    path = db_path(Path(directory))
    now = time.time() if now is None else now
    removed = 0
    for backup in sorted(path.parent.glob(path.name + ".bak-v*")):
        try:
            if older_than_s is not None and now - backup.stat().st_mtime < older_than_s:
                continue
            backup.unlink()
            removed += 1
        except OSError:  # pragma: no cover - gone meanwhile, or not ours to delete
            continue
    if removed:
        fsync_dir(path.parent)
        log.info("removed %d migration backup(s)", removed)
    return removed


def _backup(store: Store, version: int) -> None:
    """Copy the (still encrypted) file aside before migrating schema `version`."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    target = backup_path(store.path, version)
    tmp = target.with_name(target.name + ".tmp")
    with open(store.path, "rb") as src, os.fdopen(open_private(tmp), "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, target)
    log.info("copied the database aside before migrating schema v%d", version)


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _audit(store: Store, action: str, detail: dict) -> None:
    from app.store.audit import AuditLog

    AuditLog(store).append(action, detail=detail, actor="system")


def _repair(store: Store) -> None:
    """Finish work a crash interrupted (e.g. a bulk target import's index rebuild)."""
    from app.store.targets import TargetRepo

    TargetRepo(store).repair_index()


def move_profile_into(staging: str | os.PathLike, data_dir: str | os.PathLike) -> None:
    """Move a closed, complete profile folder's files into `data_dir` (made 0700):
    ``profile.json`` first, the database file last, so `data_dir` never holds a
    database without the salt that opens it. Leftover -wal/-shm/-journal files
    there are removed first (they must not meet another database). The caller
    has checked that `data_dir` holds no profile."""
    staging, data_dir = Path(staging), Path(data_dir)
    name = db_path(data_dir).name
    make_private_dir(data_dir)
    for stale in (name + "-wal", name + "-shm", name + "-journal"):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / stale).unlink()
    names = [p.name for p in staging.iterdir()]
    order = [PROFILE_NAME] + [n for n in names if n not in (PROFILE_NAME, name)] + [name]
    for entry in order:
        if (staging / entry).exists():
            os.replace(staging / entry, data_dir / entry)
    fsync_dir(data_dir)
