"""The hand-carried bundle and its receipt: one format, written by the laptop, read by the server.

A bundle (``jemput-kiriman-….jkb``) carries a laptop's unsent recordings on a
USB stick when there is no network: encrypted to the server's long-term X25519
key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM in chunks, the STREAM
construction: a counter and a last-chunk flag in each nonce, so chunks cannot
be reordered, dropped or cut off unnoticed), then signed by the device's
Ed25519 key over every byte before the signature. The receipt
(``….terima.json``) the server writes back is signed by the server's Ed25519
key. The layout is documented in docs/BUNDLE.md. Only `cryptography`
primitives are composed here; memory stays bounded by one chunk plus the
largest media file.

Shared by `sync.client` (writing, reading receipts) and `sync.server`
(reading, writing receipts): no I/O beyond the file objects it is handed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.messages import CodedError
from sync.protocol import canonical_json

MAGIC = b"JEMPUTB1"
SIG_MAGIC = b"SIG1"
SIG_DOMAIN = b"jemput-bundle-sig-v1\x00"
RECEIPT_DOMAIN = b"jemput-receipt-v1\x00"
HKDF_INFO = b"jemput-bundle-v1"
CHUNK_BYTES = 64 * 1024
"""Plaintext bytes per encrypted chunk (the last one may be shorter, or empty)."""
MAX_CHUNK_BYTES = 1024 * 1024
MAX_HEADER_BYTES = 16 * 1024
MAX_FRAME_BYTES = 64 * 1024 * 1024
TAG_BYTES = 16
TRAILER_BYTES = len(SIG_MAGIC) + 64
SUFFIX = ".jkb"
RECEIPT_FORMAT = "jemput-tanda-terima"

FRAME_RECORD = b"R"
FRAME_MEDIA = b"M"
FRAME_END = b"E"
_FRAME_HEAD = struct.Struct(">cQ")
_U32 = struct.Struct(">I")


class BundleError(CodedError):
    """A bundle or receipt refused: ``code`` (``bundle.*``) and its Indonesian message."""


# --------------------------------------------------------------------------- keys

def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, size: int) -> bytes:
    try:
        data = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        raise BundleError("bundle.key_invalid") from None
    if len(data) != size:
        raise BundleError("bundle.key_invalid")
    return data


def raw_public(key: X25519PrivateKey | Ed25519PrivateKey | X25519PublicKey | Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key (of a private key's public half)."""
    if isinstance(key, (X25519PrivateKey, Ed25519PrivateKey)):
        key = key.public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def key_id(public_raw: bytes) -> str:
    """The server's bundle key named in a bundle's header: SHA-256 (hex) of its raw X25519 public key."""
    return hashlib.sha256(public_raw).hexdigest()


def new_signing_key() -> tuple[str, str]:
    """A device's new Ed25519 key: (private, public), both raw and base64."""
    key = Ed25519PrivateKey.generate()
    return b64(raw_private(key)), b64(raw_public(key))


def signing_key(private_b64: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(unb64(private_b64, 32))


def _derive(shared: bytes, salt: bytes, ephemeral_raw: bytes, server_raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=HKDF_INFO + ephemeral_raw + server_raw).derive(shared)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# --------------------------------------------------------------------------- writing

class BundleWriter:
    """Writes one bundle to `out` (a file open for writing), streaming.

    `add_record` and `add_media` append frames; `finish` writes the end frame,
    the last chunk and the signature. The caller fsyncs and renames the file.
    """

    def __init__(self, out: BinaryIO, *, server_key_b64: str, device_id: int, device_key_b64: str,
                 created_at: str, records: int, media: int):
        self.out = out
        server_raw = unb64(server_key_b64, 32)
        self._signer = signing_key(device_key_b64)
        ephemeral = X25519PrivateKey.generate()
        ephemeral_raw = raw_public(ephemeral)
        salt = secrets.token_bytes(32)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(server_raw))
        self._aead = AESGCM(_derive(shared, salt, ephemeral_raw, server_raw))
        header = canonical_json({
            "format": 1, "device_id": device_id, "server_key": key_id(server_raw), "ephemeral": b64(ephemeral_raw),
            "salt": b64(salt), "chunk": CHUNK_BYTES, "created_at": created_at, "records": records, "media": media,
        })
        self._hash = hashlib.sha256()
        self._aad = hashlib.sha256(MAGIC + header).digest()
        self._write(MAGIC + _U32.pack(len(header)) + header)
        self._buffer = bytearray()
        self._counter = 0
        self.counts = {"records": 0, "media": 0}
        self.bytes_written = 0

    def _write(self, data: bytes) -> None:
        self._hash.update(data)
        self.out.write(data)

    def _frame(self, kind: bytes, data: bytes) -> None:
        self._buffer += _FRAME_HEAD.pack(kind, len(data))
        self._buffer += data
        while len(self._buffer) >= CHUNK_BYTES:
            self._seal(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._counter, last), plain, self._aad)
        self._counter += 1
        self._write(_U32.pack(len(sealed)) + sealed)
        self.bytes_written += len(sealed) + 4

    def add_record(self, record: dict[str, Any]) -> None:
        """One recording: ``{"item": <the batch item's JSON>, "content_sha256": ...}``."""
        self._frame(FRAME_RECORD, canonical_json(record))
        self.counts["records"] += 1

    def add_media(self, sha256: str, data: bytes) -> None:
        self._frame(FRAME_MEDIA, bytes.fromhex(sha256) + data)
        self.counts["media"] += 1

    def finish(self) -> None:
        self._frame(FRAME_END, canonical_json(self.counts))
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        signature = self._signer.sign(SIG_DOMAIN + self._hash.digest())
        self.out.write(SIG_MAGIC + signature)


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class BundleHeader:
    device_id: int
    server_key: str
    ephemeral: bytes
    salt: bytes
    created_at: str
    records: int
    media: int
    raw: bytes  # the header's JSON as written

    @property
    def aad(self) -> bytes:
        return hashlib.sha256(MAGIC + self.raw).digest()


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise BundleError("bundle.truncated")
    return data


def read_header(fh: BinaryIO) -> BundleHeader:
    """The header of the bundle open in `fh` (read from the start)."""
    fh.seek(0)
    if fh.read(len(MAGIC)) != MAGIC:
        raise BundleError("bundle.not_a_bundle")
    (size,) = _U32.unpack(_read_exact(fh, 4))
    if size > MAX_HEADER_BYTES:
        raise BundleError("bundle.damaged")
    raw = _read_exact(fh, size)
    try:
        h = json.loads(raw)
        if h.get("format") != 1:
            raise BundleError("bundle.format_unknown")
        return BundleHeader(int(h["device_id"]), str(h["server_key"]), unb64(h["ephemeral"], 32),
                            unb64(h["salt"], 32), str(h["created_at"]), int(h["records"]), int(h["media"]), raw)
    except BundleError as exc:
        raise BundleError("bundle.format_unknown" if exc.code == "bundle.format_unknown" else "bundle.damaged") \
            from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BundleError("bundle.damaged") from None


def verify(fh: BinaryIO, header: BundleHeader, device_public_b64: str) -> str:
    """Walk the chunks to the signature and check it with the device's key; returns the
    bundle's SHA-256 (hex). Raises `BundleError`: ``bundle.truncated`` when the chunks
    do not end in a signature, ``bundle.signature_invalid`` when it does not match."""
    fh.seek(0)
    digest = hashlib.sha256()
    whole = hashlib.sha256()
    start = len(MAGIC) + 4 + len(header.raw)
    head = _read_exact(fh, start)
    digest.update(head)
    whole.update(head)
    while True:
        prefix = fh.read(4)
        if len(prefix) == 4 and prefix == SIG_MAGIC:
            signature = fh.read(64)
            if len(signature) != 64:
                raise BundleError("bundle.truncated")
            if fh.read(1):
                raise BundleError("bundle.damaged")
            whole.update(prefix + signature)
            break
        if len(prefix) != 4:
            raise BundleError("bundle.truncated")
        (size,) = _U32.unpack(prefix)
        if not TAG_BYTES <= size <= MAX_CHUNK_BYTES + TAG_BYTES:
            raise BundleError("bundle.damaged")
        body = _read_exact(fh, size)
        digest.update(prefix + body)
        whole.update(prefix + body)
    key = Ed25519PublicKey.from_public_bytes(unb64(device_public_b64, 32))
    try:
        key.verify(signature, SIG_DOMAIN + digest.digest())
    except InvalidSignature:
        raise BundleError("bundle.signature_invalid") from None
    return whole.hexdigest()


def _plain_chunks(fh: BinaryIO, header: BundleHeader, server_private: X25519PrivateKey) -> Iterator[bytes]:
    server_raw = raw_public(server_private)
    shared = server_private.exchange(X25519PublicKey.from_public_bytes(header.ephemeral))
    aead = AESGCM(_derive(shared, header.salt, header.ephemeral, server_raw))
    aad = header.aad
    fh.seek(len(MAGIC) + 4 + len(header.raw))
    counter = 0
    while True:
        prefix = _read_exact(fh, 4)
        if prefix == SIG_MAGIC:
            raise BundleError("bundle.truncated")  # the signature came before the last chunk
        (size,) = _U32.unpack(prefix)
        if not TAG_BYTES <= size <= MAX_CHUNK_BYTES + TAG_BYTES:
            raise BundleError("bundle.damaged")
        sealed = _read_exact(fh, size)
        for last in (False, True):
            try:
                plain = aead.decrypt(_nonce(counter, last), sealed, aad)
            except InvalidTag:
                continue
            break
        else:
            raise BundleError("bundle.undecryptable")
        counter += 1
        yield plain
        if last:
            return


def frames(fh: BinaryIO, header: BundleHeader, server_private: X25519PrivateKey) -> Iterator[tuple[str, Any]]:
    """The bundle's contents in order: ``("record", dict)`` and ``("media", (sha256, bytes))``.

    The end frame's counts are checked against what was read (``bundle.damaged``
    otherwise); the media bytes are checked against their SHA-256."""
    chunks = _plain_chunks(fh, header, server_private)
    buffer = bytearray()
    done = False

    def need(n: int) -> bytes:
        while len(buffer) < n:
            try:
                buffer.extend(next(chunks))
            except StopIteration:
                raise BundleError("bundle.truncated") from None
        out = bytes(buffer[:n])
        del buffer[:n]
        return out

    counts = {"records": 0, "media": 0}
    while not done:
        kind, size = _FRAME_HEAD.unpack(need(_FRAME_HEAD.size))
        if size > MAX_FRAME_BYTES:
            raise BundleError("bundle.damaged")
        data = need(size)
        if kind == FRAME_RECORD:
            try:
                record = json.loads(data)
            except ValueError:
                raise BundleError("bundle.damaged") from None
            counts["records"] += 1
            yield "record", record
        elif kind == FRAME_MEDIA:
            sha = data[:32].hex()
            if len(data) < 33 or hashlib.sha256(data[32:]).hexdigest() != sha:
                raise BundleError("bundle.damaged")
            counts["media"] += 1
            yield "media", (sha, data[32:])
        elif kind == FRAME_END:
            try:
                told = json.loads(data)
            except ValueError:
                raise BundleError("bundle.damaged") from None
            if told != counts or counts != {"records": header.records, "media": header.media}:
                raise BundleError("bundle.damaged")
            done = True
        else:
            raise BundleError("bundle.damaged")
    if buffer or next(chunks, None) is not None:
        raise BundleError("bundle.damaged")


def open_checked(fh: BinaryIO, *, server_key_id: str,
                 device_key: Callable[[int], str]) -> tuple[BundleHeader, str]:
    """Header, server and signature checked: (header, the bundle's SHA-256).

    `device_key(device_id)` returns the signing key (base64) of that device or
    raises `BundleError` (unknown, revoked)."""
    header = read_header(fh)
    if header.server_key != server_key_id:
        raise BundleError("bundle.other_server")
    public = device_key(header.device_id)
    return header, verify(fh, header, public)


# --------------------------------------------------------------------------- receipts

def sign_receipt(body: dict[str, Any], server_signing: Ed25519PrivateKey) -> bytes:
    """The receipt file's bytes: `body` with the server's signature over its canonical JSON."""
    body = dict(body, format=RECEIPT_FORMAT, version=1)
    signature = server_signing.sign(RECEIPT_DOMAIN + canonical_json(body))
    return canonical_json({"receipt": body, "signature": b64(signature)}) + b"\n"


def read_receipt(data: bytes, server_signing_public_b64: str) -> dict[str, Any]:
    """A receipt's body, its signature checked with the server's key (`BundleError` otherwise)."""
    try:
        outer = json.loads(data)
        body, signature = outer["receipt"], unb64(outer["signature"], 64)
        if not isinstance(body, dict) or body.get("format") != RECEIPT_FORMAT:
            raise ValueError
    except (ValueError, KeyError, TypeError, BundleError):
        raise BundleError("bundle.receipt_invalid") from None
    key = Ed25519PublicKey.from_public_bytes(unb64(server_signing_public_b64, 32))
    try:
        key.verify(signature, RECEIPT_DOMAIN + canonical_json(body))
    except InvalidSignature:
        raise BundleError("bundle.receipt_invalid") from None
    return body
