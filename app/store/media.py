"""Media blobs of a recording (photo, signature, ISO finger/iris records, proof photos), each with its SHA-256.

A recording holds at most one item per kind; the biometric kinds are those of
`app.core.biometric_content` (one ISO record per finger and eye, one proof
photo per exception). The blobs live in their own
table so listing recordings never drags megabytes through the page cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from app.core.biometric_content import (
    BIOMETRIC_MEDIA_KINDS, ISO_RECORD_MIME, PROOF_PHOTO_MIME, media_kind, proof_kind,
)
from app.store._util import canonical_json, sha256_hex, utc_now

MEDIA_KINDS = ("photo", "signature", *BIOMETRIC_MEDIA_KINDS)


@dataclass(frozen=True)
class MediaItem:
    """One media blob.

    Attributes:
        kind: ``photo``, ``signature`` or a biometric kind (``finger_01``, ``proof_iris_left``...).
        mime: e.g. ``image/jpeg``, ``image/png``.
        data: the bytes.
        meta: JSON-safe extras (photo approval, signature strokes...), no
            personal data beyond what the image itself is.
    """

    kind: str
    mime: str
    data: bytes = field(repr=False)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in MEDIA_KINDS:
            raise ValueError(f"jenis media tidak dikenal: {self.kind!r}")
        if not isinstance(self.data, (bytes, bytearray, memoryview)) or len(self.data) == 0:
            raise ValueError("data media kosong")
        if not self.mime:
            raise ValueError("tipe MIME media kosong")

    @cached_property
    def sha256(self) -> str:
        return sha256_hex(bytes(self.data))

    @property
    def size(self) -> int:
        return len(self.data)


def biometric_items(records: Mapping[str, bytes], proofs: Mapping[str, bytes] | None = None) -> list[MediaItem]:
    """Media items of a recording's fingers and irises: ISO records and proof-of-exception JPEGs,
    each keyed by slot (SBI name, e.g. "Left IndexFinger", "Right"); KeyError for an unknown slot."""
    items = [MediaItem(media_kind(slot), ISO_RECORD_MIME, bytes(data)) for slot, data in records.items()]
    return items + [MediaItem(proof_kind(slot), PROOF_PHOTO_MIME, bytes(data)) for slot, data in (proofs or {}).items()]


def write_media(db: sqlite_utils.Database, recording_uuid: str, items: list[MediaItem]) -> None:
    """Insert or replace the given kinds of media of a recording (caller holds the transaction)."""
    now = utc_now()
    db.conn.executemany(
        """
        INSERT INTO media (recording_uuid, kind, sha256, mime, bytes, size, created_at, extra)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (recording_uuid, kind) DO UPDATE SET
            sha256 = excluded.sha256, mime = excluded.mime, bytes = excluded.bytes,
            size = excluded.size, created_at = excluded.created_at, extra = excluded.extra
        """,
        [
            (recording_uuid, m.kind, m.sha256, m.mime, bytes(m.data), m.size, now, canonical_json(m.meta))
            for m in items
        ],
    )


def delete_media(db: sqlite_utils.Database, recording_uuid: str, kind: str) -> int:
    return db.conn.execute(
        "DELETE FROM media WHERE recording_uuid = ? AND kind = ?", (recording_uuid, kind)
    ).rowcount


def read_media(db: sqlite_utils.Database, recording_uuid: str, kind: str | None = None) -> list[MediaItem]:
    sql = "SELECT kind, mime, bytes, extra FROM media WHERE recording_uuid = ?"
    params: list[Any] = [recording_uuid]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    sql += " ORDER BY kind"
    return [
        MediaItem(kind=k, mime=mime, data=bytes(data), meta=json.loads(extra))
        for k, mime, data, extra in db.conn.execute(sql, params)
    ]


def media_hashes(db: sqlite_utils.Database, recording_uuid: str) -> dict[str, str]:
    """kind -> sha256 of the media a recording holds now."""
    return dict(
        db.conn.execute("SELECT kind, sha256 FROM media WHERE recording_uuid = ?", (recording_uuid,))
    )


def media_meta(db: sqlite_utils.Database, uuids: list[str]) -> list[tuple[str, tuple[str, str, str, int]]]:
    """(uuid, (kind, sha256, mime, size)) of the media of those recordings, without the bytes."""
    rows = db.conn.execute(
        f"SELECT recording_uuid, kind, sha256, mime, size FROM media"
        f" WHERE recording_uuid IN ({', '.join('?' * len(uuids))})", list(uuids))
    return [(uuid, (kind, sha, mime, int(size))) for uuid, kind, sha, mime, size in rows]
