"""Where the server keeps media: one interface, two places.

`MediaStore` is what the routes, the batch intake and the bundle import use:
how much of a file is held (`held`), a resumable upload's next chunk
(`append`), a whole file at once (`put_whole`), reading (`read`), deleting
(`delete`, for a retention purge) and the counts ``jemput-server status``
shows. Files are named by their SHA-256 and written once: a complete file
is checked (hash, then what its kind claims, `sync.server.media_check.check_media`)
before it is stored, and a second writer of the same file stores nothing.

Two implementations: `sync.server.media_folder.FolderMediaStore` (the
default: ``media/`` in the data folder, for one machine) and
`sync.server.media_s3.S3MediaStore` (an S3-compatible bucket shared by
several machines). `open_media_store` picks one from the `Settings`.
"""

from __future__ import annotations

import abc
import hashlib
from dataclasses import dataclass

from sync.protocol import is_sha256
from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_check import check_media


@dataclass(frozen=True)
class Held:
    """How much of a media file the server holds."""

    offset: int
    complete: bool


NOTHING_HELD = Held(0, False)
"""Nothing of the file is held (no upload begun)."""


def checked_name(sha256: str) -> str:
    """`sha256` when it is one (lower-case hex); a file name or key is never built from anything else."""
    if not is_sha256(sha256):
        raise ValueError("bukan SHA-256")
    return sha256


def verify_whole(sha256: str, data: bytes | memoryview, kind: str) -> None:
    """A complete file's bytes must hash to `sha256` (422.2) and be what `kind` claims
    (`check_media`: 422.5 a JPEG/PNG image, 422.6 the ISO record of a finger or eye)."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ProblemError(Problems.MEDIA_HASH_MISMATCH, offset=0)
    check_media(kind, data)


def check_chunk(held: Held, offset: int, data: bytes, size: int) -> bool:
    """Whether a chunk at `offset` may be appended to what is `held` of a `size`-byte
    file; False for an empty chunk at the end of a complete file (nothing to do).
    Raises `ProblemError` 409.1 (another offset) or 413.4 (beyond `size`)."""
    if held.complete:
        if offset == held.offset and not data:
            return False
        raise ProblemError(Problems.OFFSET_MISMATCH, offset=held.offset, complete=True)
    if offset != held.offset:
        raise ProblemError(Problems.OFFSET_MISMATCH, offset=held.offset, complete=False)
    if offset + len(data) > size:
        raise ProblemError(Problems.MEDIA_BEYOND_SIZE, size=size, offset=held.offset)
    return True


class MediaStore(abc.ABC):
    """The media files of one server (shared by all its processes)."""

    @abc.abstractmethod
    def held(self, sha256: str) -> Held:
        """How many bytes of the file are held, and whether it is complete."""

    def held_many(self, shas: list[str]) -> dict[str, Held]:
        """`held` of several files (a batch's): sha256 -> Held."""
        return {sha: self.held(sha) for sha in shas}

    @abc.abstractmethod
    def append(self, sha256: str, offset: int, data: bytes, size: int, kind: str = "photo") -> Held:
        """Append `data` at `offset` to the file declared as `size` bytes, of media `kind`.

        Raises `ProblemError`: 409.1 when `offset` is not what the server holds
        (``details``: the held offset and whether the file is complete), 413.4
        when the chunk goes beyond `size`, 422.2/422.5 when the complete file
        does not hash to `sha256`, 422.5/422.6 when it is not what `kind` claims (the chunks held are then
        discarded). A chunk repeated at once by several processes is written once.
        """

    @abc.abstractmethod
    def put_whole(self, sha256: str, data: bytes | memoryview, *, kind: str = "photo",
                  sync_dir: bool = True) -> tuple[Held, bool]:
        """Store a whole file of media `kind` sent in one piece (a media bundle's file).

        Returns (what is held, whether this call wrote it); a file already
        complete is left alone. Raises `ProblemError` 422.2 / 422.5 / 422.6 (nothing
        written). With ``sync_dir=False`` the caller calls `sync` once after
        several files, before the database records them.
        """

    def put_many(self, files: list[tuple[str, bytes | memoryview, str]]) -> list[tuple[Held, bool] | ProblemError]:
        """`put_whole` of several files (sha256, data, kind: a media bundle's), durable together.

        One answer per file, in order: (what is held, whether this call wrote it), or the
        `ProblemError` that refused it (nothing written for that one). Every file answered
        held is durable when this returns, before the database records any of them.
        """
        out: list[tuple[Held, bool] | ProblemError] = []
        wrote = False
        for sha256, data, kind in files:
            try:
                held, wrote_it = self.put_whole(sha256, data, kind=kind, sync_dir=False)
            except ProblemError as exc:
                out.append(exc)
                continue
            wrote = wrote or wrote_it
            out.append((held, wrote_it))
        if wrote:
            self.sync()
        return out

    @abc.abstractmethod
    def sync(self) -> None:
        """Make the files completed so far durable (before the database says "complete")."""

    @abc.abstractmethod
    def read(self, sha256: str) -> bytes:
        """The bytes of a complete file; `FileNotFoundError` when it is not complete."""

    @abc.abstractmethod
    def delete(self, sha256: str) -> bool:
        """Remove the file and any upload of it in progress (retention purge); whether a complete file went."""

    @abc.abstractmethod
    def counts(self) -> tuple[int, int]:
        """(complete files, uploads in progress)."""

    @abc.abstractmethod
    def drop_stale_uploads(self, older_than_s: float, *, now: float | None = None) -> int:
        """Remove the uploads in progress that received no chunk for `older_than_s` seconds (a laptop
        that never came back: wiped, or its recording purged); how many went. A laptop that does
        come back is told offset 0 and sends the file again: nothing is lost, only bytes resent."""


def open_media_store(settings) -> MediaStore:  # noqa: ANN001 - sync.server.settings.Settings
    """The store `settings` name: the bucket when ``media_s3_bucket`` is set, else the data folder's ``media/``."""
    if settings.media_s3_bucket:
        from sync.server.media_s3 import S3MediaStore, S3Location

        return S3MediaStore(S3Location.from_settings(settings))
    from sync.server.media_folder import FolderMediaStore

    return FolderMediaStore(settings.media_dir, settings.partial_dir)
