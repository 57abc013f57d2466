"""`FolderMediaStore`: media files on disk (the default store): resumable appends, SHA-256 verification, atomic completion.

A file being uploaded lives in ``media/partial/<sha256>``; each chunk must start
exactly where the partial file ends. When the last byte arrives the whole file
is hashed (in memory when one chunk carries all of it, else read back from
disk) and checked to be what its kind claims (`sync.server.media_check.check_media`:
a real JPEG/PNG image, or the ISO finger/iris record of that finger or eye): a
match is fsynced and renamed atomically to ``media/<sha256>``, anything else
discards the partial file. A complete file is never written again.

Several server processes (workers) share the folder: each file's reads of the
offset, appends and renames happen under a `FileLock` that every process
sees (one of 256 lock files in ``media/locks/``, by the hash's first two hex
digits), so a chunk repeated at the same offset is answered 409 once the
first copy is written, never appended twice. A bundle's whole file is checked,
then written to a file with no name yet (``O_TMPFILE`` in ``media/``), made
durable and only then linked to its final name, which fails when the name exists
(put-if-absent: the first writer's copy stays). The files of one bundle are
flushed to disk together (`FolderMediaStore.put_many`). Where ``O_TMPFILE`` is
missing, a file gets a temporary name of its own (``partial/<sha256>.<random>.tmp``)
and is renamed into place. A crash never leaves a final name on bytes that are
not all on disk; an unnamed file a crash left behind is freed by the file system
(its orphan list, or fsck), a named one by `FolderMediaStore.drop_stale_uploads`.

Folders are 0700 and files 0600 (`app.fsio`), lock files included: photos are
nobody else's business on the server machine either.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import secrets
import sys
import time
from pathlib import Path

from app.fsio import fsync_dir, make_private_dir, open_private
from sync.protocol import is_sha256
from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.filelock import FileLock
from sync.server.media_check import check_media
from sync.server.media_store import NOTHING_HELD, Held, MediaStore, check_chunk, checked_name, verify_whole

_APPEND = os.O_WRONLY | os.O_CREAT | os.O_APPEND
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL
_UNNAMED_FLAG = getattr(os, "O_TMPFILE", 0)
_UNNAMED = os.O_WRONLY | _UNNAMED_FLAG | getattr(os, "O_CLOEXEC", 0)


def _verify_complete(sha256: str, data: bytes, partial: Path, kind: str) -> None:
    """`verify_whole`; when it fails the partial file is discarded and the `ProblemError` raised."""
    try:
        verify_whole(sha256, data, kind)
    except ProblemError:
        partial.unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes | memoryview) -> None:
    """Write all of `data` to `fd` (one system call for a regular file), without a copy."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _libc(name: str, *argtypes):  # noqa: ANN002, ANN202
    """libc's function `name` (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError):
        return None
    call.argtypes = list(argtypes)
    call.restype = ctypes.c_int
    return call


_SYNCFS = _libc("syncfs", ctypes.c_int)
_LINKAT = _libc("linkat", ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
_AT_FDCWD, _AT_EMPTY_PATH = -100, 0x1000


def _syncfs(folder: str) -> None:
    """Flush the file system holding `folder` (data and inodes of every file on it) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
    finally:
        os.close(fd)


def _unlink_if_there(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _link_fd(fd: int, final: str) -> None:
    """``linkat(fd, "", AT_FDCWD, final, AT_EMPTY_PATH)``: the file open as `fd` gets the name `final`
    (Linux 6.10+ for the file's own opener, older kernels only with ``CAP_DAC_READ_SEARCH``)."""
    if _LINKAT(fd, b"", _AT_FDCWD, os.fsencode(final), _AT_EMPTY_PATH) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), final)


def _link_proc(fd: int, final: str) -> None:
    """The same through ``/proc/self/fd`` (kernels where ``AT_EMPTY_PATH`` needs a capability)."""
    os.link(f"/proc/self/fd/{fd}", final, follow_symlinks=True)


def _unnamed_linker(folder: str, probe_dir: str):  # noqa: ANN202
    """How to name a file made with no name in `folder` (``O_TMPFILE``): `_link_fd` or `_link_proc`,
    whichever works here (tried on a probe, named in `probe_dir` and removed); None when neither
    does (no ``O_TMPFILE``, ``syncfs`` or ``linkat``: named temporary files then)."""
    if not _UNNAMED_FLAG or _SYNCFS is None or _LINKAT is None:
        return None
    for link in (_link_fd, _link_proc):
        probe = os.path.join(probe_dir, f".probe-{secrets.token_hex(8)}")
        try:
            fd = os.open(folder, _UNNAMED, 0o600)
        except OSError:
            return None
        try:
            link(fd, probe)
            os.unlink(probe)
            return link
        except OSError:
            continue
        finally:
            os.close(fd)
    return None


def _write_unnamed(folder: str, data: bytes | memoryview) -> int:
    """`data` in a new file with no name in `folder`; its open descriptor. Created 0600: a umask
    only takes bits away, so no ``fchmod`` is needed for it to be the owner's only."""
    fd = os.open(folder, _UNNAMED, 0o600)
    try:
        _write_all(fd, data)
    except BaseException:
        os.close(fd)  # nothing to remove: the file had no name
        raise
    return fd


class FolderMediaStore(MediaStore):
    """The media folder; one cross-process lock per file so concurrent chunks never interleave."""

    def __init__(self, media_dir: Path, partial_dir: Path, *, unnamed_files: bool = True):
        """`unnamed_files` False: a bundle's files get named temporary files even where ``O_TMPFILE``
        works (as on a file system without it)."""
        self.media_dir = Path(media_dir)
        self.partial_dir = Path(partial_dir)
        make_private_dir(self.media_dir)
        make_private_dir(self.partial_dir)
        self.locks_dir = self.media_dir / "locks"
        make_private_dir(self.locks_dir)
        # The same folders as strings: the per-file paths of the hot paths (a bundle's files,
        # a batch's `held`) are joined as text, not through pathlib.
        self._media = str(self.media_dir)
        self._partial = str(self.partial_dir)
        self._locks = str(self.locks_dir)
        self._link = _unnamed_linker(self._media, self._partial) if unnamed_files else None  # None: named temps

    def _lock(self, sha256: str) -> FileLock:
        return FileLock(os.path.join(self._locks, f"{checked_name(sha256)[:2]}.lock"))

    def path(self, sha256: str) -> Path:
        return self.media_dir / checked_name(sha256)

    def partial_path(self, sha256: str) -> Path:
        return self.partial_dir / checked_name(sha256)

    def held(self, sha256: str) -> Held:
        name = checked_name(sha256)
        final = os.path.join(self._media, name)
        if os.access(final, os.F_OK):  # no exception raised and caught for the usual answer
            return Held(os.stat(final).st_size, True)
        partial = os.path.join(self._partial, name)
        if not os.access(partial, os.F_OK):
            return NOTHING_HELD
        try:
            return Held(os.stat(partial).st_size, False)
        except FileNotFoundError:  # completed meanwhile by another process
            return self.held(sha256)

    def append(self, sha256: str, offset: int, data: bytes, size: int, kind: str = "photo") -> Held:
        """Append `data` at `offset` to the file declared as `size` bytes.

        Raises `ProblemError`: 409.1 when `offset` is not what the server holds,
        413.4 when the chunk goes beyond `size`, 422.2 when the complete file
        does not hash to `sha256` (the partial file is then discarded).
        """
        with self._lock(sha256):
            held = self.held(sha256)
            if not check_chunk(held, offset, data, size):
                return held
            partial = self.partial_path(sha256)
            new_offset = offset + len(data)
            whole = offset == 0 and new_offset == size  # the whole file in this one chunk
            if whole:  # checked in memory: nothing written when it fails
                _verify_complete(sha256, data, partial, kind)
            if data:
                with os.fdopen(open_private(partial, _APPEND), "ab") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())  # the only fsync of the file's data
            if new_offset < size:
                return Held(new_offset, False)
            return self._complete(sha256, partial, kind, verified=whole)

    def put_whole(self, sha256: str, data: bytes | memoryview, *, kind: str = "photo",
                  sync_dir: bool = True) -> tuple[Held, bool]:
        """Store a whole file sent in one piece (a media bundle's file).

        Returns (what is held, whether this call wrote it). A file already
        complete is left alone. Raises `ProblemError` 422.2 when `data` does not
        hash to `sha256`, 422.5 when it is not a JPEG/PNG image; nothing is written then. A partial upload of the same
        file is replaced. With ``sync_dir=False`` the caller fsyncs the media
        folder once after several files (`sync`), before recording them.
        """
        held = self._check_whole(sha256, data, kind)
        if held is not None:
            return held, False
        wrote = self._place(sha256, self._write_temp(sha256, data, fsync=True))
        if wrote and sync_dir:
            self.sync()
        return Held(len(data), True), wrote

    def put_many(self, files: list[tuple[str, bytes | memoryview, str]]) -> list[tuple[Held, bool] | ProblemError]:
        """`MediaStore.put_many` with one flush for all the files instead of one per file: the files
        are written with no name (or a temporary one), made durable together (``syncfs`` of the
        folder's file system, data and inodes), and only then given their final names, which are
        made durable by a second ``syncfs`` (the links' directory entries and link counts).
        A crash at any point leaves no final name on bytes that did not reach the disk.
        Where ``syncfs`` is missing (not Linux): `put_whole` per file, as before."""
        if _SYNCFS is None:
            return super().put_many(files)
        out: list[tuple[Held, bool] | ProblemError | None] = []
        staged: list[tuple[int, str, int | str, int]] = []  # (answer's index, sha256, unnamed file's fd or temp path, size)
        placed = 0
        try:
            for sha256, data, kind in files:
                try:
                    held = self._check_whole(sha256, data, kind)
                except ProblemError as exc:
                    out.append(exc)
                    continue
                if held is not None:
                    out.append((held, False))
                    continue
                written = (_write_unnamed(self._media, data) if self._link is not None
                           else self._write_temp(sha256, data, fsync=False))
                staged.append((len(out), sha256, written, len(data)))
                out.append(None)
            if staged:
                _syncfs(self._media)  # every file's bytes on disk before any takes its final name
                for at, sha256, written, size in staged:
                    placed += 1
                    out[at] = (Held(size, True), self._name(sha256, written))
                _syncfs(self._media)  # the names durable before the database says "complete"
        finally:
            for i, (_at, _sha, written, _size) in enumerate(staged):
                if isinstance(written, int):
                    os.close(written)
                elif i >= placed:
                    _unlink_if_there(written)
        return out  # type: ignore[return-value] - every None was replaced

    def _name(self, sha256: str, written: int | str) -> bool:
        """Give a durable staged file (an unnamed file's fd, or a temporary file's path) its final
        name (`_place`); False when the file is complete already."""
        if isinstance(written, str):
            return self._place(sha256, written)
        try:
            self._link(written, os.path.join(self._media, sha256))
        except FileExistsError:  # complete already (put-if-absent: the first copy stays)
            return False
        self._end_upload(sha256)
        return True

    def _check_whole(self, sha256: str, data: bytes | memoryview, kind: str) -> Held | None:
        """What is held when the file is complete already (nothing to write), else None once `data`
        hashes to `sha256` (422.2) and is what `kind` claims (`check_media`, 422.5 / 422.6)."""
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ProblemError(Problems.MEDIA_HASH_MISMATCH, offset=self.held(sha256).offset)
        final = os.path.join(self._media, checked_name(sha256))
        if os.access(final, os.F_OK):
            return Held(os.stat(final).st_size, True)
        check_media(kind, data)
        return None

    def _write_temp(self, sha256: str, data: bytes | memoryview, *, fsync: bool) -> str:
        """`data` in a temporary file of this call's own (``<sha256>.<random>.tmp`` in ``partial/``)."""
        temp = os.path.join(self._partial, f"{sha256}.{secrets.token_hex(8)}.tmp")
        fd = open_private(temp, _NEW)
        try:
            _write_all(fd, data)
            if fsync:
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            _unlink_if_there(temp)
            raise
        os.close(fd)
        return temp

    def _place(self, sha256: str, temp: str) -> bool:
        """Rename a durable temporary file to the file's name; False (the temporary file removed) when
        the file is complete already. The rename needs no lock: a complete file has one content, so
        landing on a copy another process has just completed changes nothing. The file's lock is
        taken only to end a resumable upload of it (its partial file), which an append may hold."""
        final = os.path.join(self._media, sha256)
        if os.access(final, os.F_OK):
            _unlink_if_there(temp)
            return False
        try:
            os.replace(temp, final)
        except BaseException:
            _unlink_if_there(temp)
            raise
        self._end_upload(sha256)
        return True

    def _end_upload(self, sha256: str) -> None:
        """Remove a resumable upload of a file just completed otherwise (moot now), under the file's
        lock, which an append may hold."""
        partial = os.path.join(self._partial, sha256)
        if os.access(partial, os.F_OK):
            with self._lock(sha256):
                _unlink_if_there(partial)

    def sync(self) -> None:
        """fsync the media folder (makes completed renames durable)."""
        fsync_dir(self.media_dir)

    def _complete(self, sha256: str, partial: Path, kind: str, verified: bool = False) -> Held:
        """Rename a complete partial file into place once its SHA-256 matches
        (`verified`: already checked over the same bytes, in memory)."""
        if not verified:
            _verify_complete(sha256, partial.read_bytes(), partial, kind)  # at most Settings.max_media_bytes
        final = self.path(sha256)
        os.replace(partial, final)
        fsync_dir(self.media_dir)
        return Held(final.stat().st_size, True)

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def delete(self, sha256: str) -> bool:
        with self._lock(sha256):
            self.partial_path(sha256).unlink(missing_ok=True)
            try:
                self.path(sha256).unlink()
            except FileNotFoundError:
                return False
        fsync_dir(self.media_dir)
        return True

    def counts(self) -> tuple[int, int]:
        """(complete files, partial files) on disk."""
        complete = sum(1 for p in self.media_dir.iterdir() if p.is_file() and is_sha256(p.name))
        partial = sum(1 for p in self.partial_dir.iterdir() if p.is_file() and is_sha256(p.name))
        return complete, partial

    def drop_stale_uploads(self, older_than_s: float, *, now: float | None = None) -> int:
        """Partial files untouched for `older_than_s` seconds go (each under its file's lock, looked at
        again there: a chunk that just arrived keeps it); so do temporary files a crashed process left."""
        cutoff = (time.time() if now is None else now) - older_than_s
        dropped = 0
        for path in self.partial_dir.iterdir():
            sha = path.name.split(".", 1)[0]
            if not path.is_file() or not is_sha256(sha):
                continue
            with self._lock(sha):
                try:
                    if path.stat().st_mtime >= cutoff:
                        continue
                    path.unlink()
                except FileNotFoundError:
                    continue
            dropped += path.name == sha
        return dropped
