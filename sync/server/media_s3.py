"""`S3MediaStore`: media in an S3-compatible bucket, shared by every server machine.

Keys (under the configured prefix):

- ``media/<sha256>``: a complete file, written once;
- ``media/<sha256>.part/<offset, 13 digits>``: one object per chunk of a
  resumable upload, named by where it starts.

One LIST of the prefix ``media/<sha256>`` shows both (a request costs the
storage one round trip to learn what is held). What the server holds of an
upload is the chain of chunk objects from 0, each starting where the one
before ends, so chunks of one upload
may land on any machine: every machine sees the same offset. A chunk is
written only at the chain's end and with put-if-absent (``If-None-Match: *``,
S3 conditional writes): of two requests carrying the same chunk at once, one
writes it and the other is answered 409 with the new offset, as on disk.
The chunk that completes the file makes that request join the chunks, check
the whole (`verify_whole`: hash, then what its kind claims) and write ``media/<sha>``
put-if-absent, then delete the chunks; a failed check deletes them instead. A whole file
(`put_whole`, a media bundle's) is one put-if-absent request: chunks of an earlier upload of
it are moot from then on, deleted by the next look at the file and never counted.

Storage without conditional writes (found out once when the store opens, by
writing a probe object twice) gets the safe fallback: look (HEAD) before
writing. A complete file is named by its content and checked before it is
written, so two writers racing write the same bytes; a chunk starts at a
fixed offset of a file whose every byte the hash fixes, so a racing copy of
it holds the same bytes (a lying client's bytes fail the final hash check and
the chunks are discarded); the joining request checks each chunk's length
against the listing. Two identical chunks racing may then both be answered
200 (each wrote the same object), never a torn file.

Credentials come from boto3's usual chain (``AWS_ACCESS_KEY_ID`` and
``AWS_SECRET_ACCESS_KEY`` in the environment, a profile, or the machine's
role), never from the command line; see docs/DEPLOY.md.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sync.protocol import is_sha256
from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_check import check_media
from sync.server.media_store import Held, MediaStore, check_chunk, checked_name, verify_whole

log = logging.getLogger("jemput.server.media")

_MISSING = frozenset({"404", "NoSuchKey", "NotFound"})
_TAKEN = frozenset({"412", "PreconditionFailed", "409", "ConditionalRequestConflict"})
_OFFSET_DIGITS = 13  # 10 TB: more than any file the protocol allows
PARALLEL = 16  # requests at once for a batch's files (the client's pool holds 32 connections)
SETTLE_S = 5.0
"""How long a request that lost the race for a file's last chunk waits for the winner to store the file."""


_PART = ".part/"  # media/<sha256>.part/<offset>: beside the file, so one LIST finds both


@dataclass(frozen=True)
class _Objects:
    """What one LIST shows of a file: the complete object's size, and the chunks."""

    final: int | None  # the complete file's size; None: not stored
    end: int  # bytes held by the chunks from offset 0, each where the last ended
    chain: list[tuple[str, int]]  # those chunks: (key, size)
    chunk_keys: list[str]  # every chunk object of the file, on the chain or not

    @property
    def held(self) -> Held:
        return Held(self.final, True) if self.final is not None else Held(self.end, False)


class MediaStorageError(RuntimeError):
    """The bucket cannot be used (unreachable, missing, no permission); the message names no secret."""


@dataclass(frozen=True)
class S3Location:
    """Which bucket, where, under which prefix (credentials: boto3's own chain)."""

    bucket: str
    endpoint_url: str | None = None  # None: AWS itself; e.g. https://minio.kantor:9000
    region: str | None = None
    prefix: str = ""  # e.g. "jemput/1671/": several servers may share one bucket

    @classmethod
    def from_settings(cls, settings) -> "S3Location":  # noqa: ANN001 - Settings
        return cls(settings.media_s3_bucket, settings.media_s3_endpoint_url or None,
                   settings.media_s3_region or None, normal_prefix(settings.media_s3_prefix))


def normal_prefix(prefix: str | None) -> str:
    """A key prefix ending in ``/`` (or empty); raises ValueError for a hostile one."""
    text = (prefix or "").strip().strip("/")
    if not text:
        return ""
    if ".." in text.split("/") or any(ord(ch) < 32 for ch in text) or len(text) > 200:
        raise ValueError("awalan kunci media tidak sah")
    return text + "/"


def _code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


def _why(exc: Exception) -> str:
    """Why the bucket cannot be used, for the admin (no key, no secret)."""
    code = _code(exc)
    if code in ("404", "NoSuchBucket"):
        return "bucket tidak ada"
    if code in ("403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
        return "akses ditolak: periksa AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY dan izin bucket"
    if type(exc).__name__ in ("NoCredentialsError", "PartialCredentialsError"):
        return "kunci akses tidak ada: atur AWS_ACCESS_KEY_ID dan AWS_SECRET_ACCESS_KEY"
    if type(exc).__name__ in ("EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError"):
        return "layanan penyimpanan tidak terjangkau"
    return code or type(exc).__name__


def make_client(location: S3Location):  # noqa: ANN201 - a botocore S3 client
    """A thread-safe S3 client for `location` (path-style addressing for a custom endpoint)."""
    import boto3
    from botocore.config import Config

    config = Config(max_pool_connections=32, retries={"max_attempts": 5, "mode": "standard"},
                    connect_timeout=5, read_timeout=30,
                    s3={"addressing_style": "path"} if location.endpoint_url else None,
                    # Checksums only where the API needs them: many S3-compatible stores
                    # refuse the newer default ones; the whole file's SHA-256 is checked anyway.
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required")
    return boto3.session.Session().client("s3", endpoint_url=location.endpoint_url,
                                          region_name=location.region, config=config)


class S3MediaStore(MediaStore):
    """Media in a bucket; see the module's docstring for the key scheme."""

    def __init__(self, location: S3Location, client=None):  # noqa: ANN001
        try:
            from botocore.exceptions import BotoCoreError, ClientError
        except ModuleNotFoundError:
            raise MediaStorageError("paket boto3 belum terpasang. Pasang dengan: pip install 'jemput[server]'") from None

        self.location = location
        self.bucket = location.bucket
        self.s3 = client or make_client(location)
        self._pool = ThreadPoolExecutor(PARALLEL, thread_name_prefix="media-s3")
        try:
            self.s3.head_bucket(Bucket=self.bucket)
            self.conditional = self._conditional_writes_work()
        except (BotoCoreError, ClientError) as exc:
            raise MediaStorageError(f"bucket media '{self.bucket}' tidak dapat dipakai ({_why(exc)})") from None
        if not self.conditional:
            log.warning("penyimpanan media tidak mendukung tulis bersyarat (If-None-Match); "
                        "memakai cara cadangan: periksa dulu, lalu tulis")

    # -- keys ---------------------------------------------------------------------------

    def _final(self, sha256: str) -> str:
        return f"{self.location.prefix}media/{checked_name(sha256)}"

    def _partial(self, sha256: str) -> str:
        return f"{self._final(sha256)}{_PART}"

    def _chunk(self, sha256: str, offset: int) -> str:
        return f"{self._partial(sha256)}{offset:0{_OFFSET_DIGITS}d}"

    # -- object primitives --------------------------------------------------------------

    def _conditional_writes_work(self) -> bool:
        """Whether a second ``If-None-Match: *`` write of one key is refused (a probe object, removed)."""
        key = f"{self.location.prefix}probe/{secrets.token_hex(8)}"
        try:
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=b"1", IfNoneMatch="*")
            try:
                self.s3.put_object(Bucket=self.bucket, Key=key, Body=b"2", IfNoneMatch="*")
            except Exception as exc:  # noqa: BLE001 - botocore's ClientError
                if _code(exc) in _TAKEN:
                    return True
                raise
            return False
        except Exception as exc:  # noqa: BLE001
            if _code(exc) in ("NotImplemented", "InvalidArgument", "InvalidRequest", "501", "400"):
                return False
            raise
        finally:
            self.s3.delete_object(Bucket=self.bucket, Key=key)

    def _size(self, key: str) -> int | None:
        """The object's size; None when there is none."""
        try:
            return int(self.s3.head_object(Bucket=self.bucket, Key=key)["ContentLength"])
        except Exception as exc:  # noqa: BLE001
            if _code(exc) in _MISSING:
                return None
            raise

    def _put_new(self, key: str, data: bytes | memoryview) -> bool:
        """Write `key` unless it exists; whether this call wrote it."""
        body = bytes(data)
        if not self.conditional:
            if self._size(key) is not None:
                return False
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)
            return True
        try:
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, IfNoneMatch="*")
        except Exception as exc:  # noqa: BLE001
            if _code(exc) in _TAKEN:
                return False
            raise
        return True

    def _list(self, prefix: str, **extra) -> list[dict]:  # noqa: ANN003
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix, **extra)
        out: list[dict] = []
        for page in pages:
            out += page.get("Contents", []) + page.get("CommonPrefixes", [])
        return out

    def _objects(self, sha256: str) -> _Objects:
        """The file's objects, from one LIST (prefix ``media/<sha256>``: the file and its chunks)."""
        final, partial = self._final(sha256), self._partial(sha256)
        size, sizes, keys = None, {}, []
        for obj in self._list(final):
            key = obj["Key"]
            if key == final:
                size = int(obj["Size"])
            elif key.startswith(partial):
                keys.append(key)
                name = key[len(partial):]
                if name.isdigit() and len(name) == _OFFSET_DIGITS and obj["Size"] > 0:
                    sizes[int(name)] = (key, int(obj["Size"]))
        end, chain = 0, []
        while end in sizes:
            chain.append(sizes[end])
            end += sizes[end][1]
        return _Objects(size, end, chain, keys)

    def _discard(self, keys: list[str]) -> None:
        """Delete these (chunk) objects."""
        for start in range(0, len(keys), 1000):
            self.s3.delete_objects(Bucket=self.bucket, Delete={
                "Objects": [{"Key": k} for k in keys[start:start + 1000]], "Quiet": True})

    # -- MediaStore ---------------------------------------------------------------------

    def held(self, sha256: str) -> Held:
        objects = self._objects(sha256)
        if objects.final is not None and objects.chunk_keys:
            self._discard(objects.chunk_keys)  # an upload made moot by a whole file (`put_whole`)
        return objects.held

    def held_many(self, shas: list[str]) -> dict[str, Held]:
        """Asked in parallel: a batch's files cost about one round trip, not one per file."""
        if len(shas) < 2:
            return super().held_many(shas)
        return dict(zip(shas, self._pool.map(self.held, shas)))

    def _mismatch(self, sha256: str, size: int) -> ProblemError:
        """409.1 with what is held now. Every chunk held but no file yet: another request
        is joining them; its outcome is waited for (a while), so the answer says "complete"."""
        deadline = time.monotonic() + SETTLE_S
        held = self.held(sha256)
        while held == Held(size, False) and time.monotonic() < deadline:
            time.sleep(0.02)
            held = self.held(sha256)
        return ProblemError(Problems.OFFSET_MISMATCH, offset=held.offset, complete=held.complete)

    def append(self, sha256: str, offset: int, data: bytes, size: int, kind: str = "photo") -> Held:
        held = self.held(sha256)
        if held == Held(size, False) and offset != size:  # the last chunk is in: the file is being stored
            raise self._mismatch(sha256, size)
        if not check_chunk(held, offset, data, size):
            return held
        new_offset = offset + len(data)
        if offset == 0 and new_offset == size:  # the whole file in one chunk: checked in memory
            verify_whole(sha256, data, kind)
            if not self._put_new(self._final(sha256), data):
                raise ProblemError(Problems.OFFSET_MISMATCH, offset=size, complete=True)
            return Held(size, True)
        if data and not self._put_new(self._chunk(sha256, offset), data):
            raise self._mismatch(sha256, size)  # another request wrote this chunk first
        if new_offset < size:
            return Held(new_offset, False)
        return self._complete(sha256, size, kind)

    def _complete(self, sha256: str, size: int, kind: str) -> Held:
        """Join the chunks, check the whole, write it put-if-absent, drop the chunks."""
        objects = self._objects(sha256)
        if objects.final is not None:  # stored meanwhile by another request
            self._discard(objects.chunk_keys)
            return objects.held
        if objects.end != size:  # discarded meanwhile by another request
            raise self._mismatch(sha256, size)
        parts: list[bytes] = []
        for key, length in objects.chain:
            try:
                part = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
            except Exception as exc:  # noqa: BLE001
                if _code(exc) in _MISSING:
                    raise self._mismatch(sha256, size) from None
                raise
            if len(part) != length:  # rewritten since the listing (storage without conditional writes)
                raise self._mismatch(sha256, size)
            parts.append(part)
        data = b"".join(parts)
        try:
            verify_whole(sha256, data, kind)
        except ProblemError:
            self._discard(objects.chunk_keys)
            raise
        self._put_new(self._final(sha256), data)  # False: another request stored the same bytes
        self._discard(objects.chunk_keys)
        return Held(size, True)

    def put_whole(self, sha256: str, data: bytes | memoryview, *, kind: str = "photo",
                  sync_dir: bool = True) -> tuple[Held, bool]:
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ProblemError(Problems.MEDIA_HASH_MISMATCH, offset=self.held(sha256).offset)
        if self.conditional:
            # One request: put-if-absent answers whether it was there. Chunks of a resumable
            # upload of it, if any, are moot now: the next look at the file (`held`) or
            # `drop_stale_uploads` deletes them, and `counts` does not count them.
            check_media(kind, data)  # 422.5 / 422.6: not what `kind` claims; nothing written
            return Held(len(data), True), self._put_new(self._final(sha256), data)
        objects = self._objects(sha256)
        if objects.final is not None:
            return objects.held, False
        check_media(kind, data)
        wrote = self._put_new(self._final(sha256), data)
        if wrote:
            self._discard(objects.chunk_keys)  # a resumable upload of it is moot
        return Held(len(data), True), wrote

    def put_many(self, files: list[tuple[str, bytes | memoryview, str]]) -> list[tuple[Held, bool] | ProblemError]:
        """`put_whole` of a bundle's files, several at once: a bundle costs about the slowest
        file's round trips, not the sum of all (each file is its own object, put-if-absent)."""
        if len(files) < 2:
            return super().put_many(files)

        def one(file: tuple[str, bytes | memoryview, str]) -> tuple[Held, bool] | ProblemError:
            sha256, data, kind = file
            try:
                return self.put_whole(sha256, data, kind=kind, sync_dir=False)
            except ProblemError as exc:
                return exc

        return list(self._pool.map(one, files))

    def sync(self) -> None:
        """Nothing to do: a PUT the storage acknowledged is durable."""

    def read(self, sha256: str) -> bytes:
        try:
            return self.s3.get_object(Bucket=self.bucket, Key=self._final(sha256))["Body"].read()
        except Exception as exc:  # noqa: BLE001
            if _code(exc) in _MISSING:
                raise FileNotFoundError(sha256) from None
            raise

    def delete(self, sha256: str) -> bool:
        objects = self._objects(sha256)
        self._discard(objects.chunk_keys + ([self._final(sha256)] if objects.final is not None else []))
        return objects.final is not None

    def drop_stale_uploads(self, older_than_s: float, *, now: float | None = None) -> int:
        """Uploads whose newest chunk object is older than `older_than_s` seconds lose every chunk object.

        Lists the whole ``media/`` prefix (about one request per 1,000 objects): an occasional
        administrator's task, not a request's. A chunk written while this runs is newer than the
        cutoff and keeps its upload (the listing is looked at again for the uploads about to go).
        """
        cutoff = (time.time() if now is None else now) - older_than_s
        prefix = f"{self.location.prefix}media/"
        newest: dict[str, float] = {}
        for obj in self._list(prefix):
            name = obj["Key"][len(prefix):]
            if _PART in name:
                sha = name.split(_PART, 1)[0]
                newest[sha] = max(newest.get(sha, 0.0), obj["LastModified"].timestamp())
        dropped = 0
        for sha, last in sorted(newest.items()):
            if last >= cutoff or not is_sha256(sha):
                continue
            keys = [o["Key"] for o in self._list(self._partial(sha)) if o["LastModified"].timestamp() < cutoff]
            if len(keys) == len(self._objects(sha).chunk_keys):  # nothing newer arrived meanwhile
                self._discard(keys)
                dropped += 1
        return dropped

    def counts(self) -> tuple[int, int]:
        prefix = f"{self.location.prefix}media/"
        names = [obj["Key"][len(prefix):] for obj in self._list(prefix)]
        complete = {name for name in names if is_sha256(name)}
        partial = {name.split(_PART, 1)[0] for name in names if _PART in name} - complete  # not the moot ones
        return len(complete), len(partial)
