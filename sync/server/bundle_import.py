"""``jemput-server import-bundle``: a hand-carried bundle fed through the network path's intake.

Three passes over the file, so nothing is stored unless all of it is sound and
memory stays bounded: (1) header, server key, device (known, not revoked,
with a signing key) and signature; (2) decrypt everything, checking each
chunk, frame and media hash, keeping only the small records; (3) the records
through `Intake.process` in batches (the same client UUIDs: a later network
arrival is ``already_have``, a second import changes nothing), then the media
of stored recordings through `MediaStore.put_whole` and `mark_complete_many`,
as a ``POST /media-bundle`` would. The receipt lists what the server now
holds, signed with the server's key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from sync import bundle
from sync.bundle import BundleError
from sync.protocol import BatchItem, ItemOutcome
from sync.server import clock, tables
from sync.server.bundle_keys import ServerKeys, server_keys
from sync.server.deps import Device
from sync.server.errors import ProblemError
from sync.server.intake import Intake
from sync.server.media_store import MediaStore, open_media_store
from sync.server.regions_cache import RegionCache
from sync.server.row_sql import chunks
from sync.server.settings import Settings
from sync.server.uploads import mark_complete_many

log = logging.getLogger("jemput.server.bundle")

BATCH = 100


@dataclass
class ImportReport:
    """What one import did (counts only; no resident data)."""

    device_id: int
    bundle_sha256: str
    records: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    media_written: int = 0
    media_refused: int = 0
    receipt: list[dict] = field(default_factory=list)  # {"uuid", "status", "content_sha256", "complete"}


def _device(engine: Engine, device_id: int) -> tuple[Device, str]:
    t = tables.devices
    with engine.connect() as conn:
        row = conn.execute(sa.select(t.c.id, t.c.name, t.c.area_kode, t.c.area_digits, t.c.revoked_at,
                                     t.c.signing_public_key).where(t.c.id == device_id)).first()
    if row is None or not row.signing_public_key:
        raise BundleError("bundle.device_unknown", {"device": device_id})
    if row.revoked_at is not None:
        raise BundleError("bundle.device_revoked", {"device": device_id})
    return Device(row.id, row.name, row.area_kode, row.area_digits), row.signing_public_key


def _records(fh: BinaryIO, header: bundle.BundleHeader, keys: ServerKeys) -> list[tuple[BatchItem, dict, str]]:
    """Pass 2: every frame decrypted and checked; the records (item, raw item, content hash)."""
    out = []
    for kind, value in bundle.frames(fh, header, keys.encryption):
        if kind != "record":
            continue
        try:
            raw = value["item"]
            out.append((BatchItem.model_validate(raw), raw, str(value.get("content_sha256", ""))))
        except (ValidationError, KeyError, TypeError):
            raise BundleError("bundle.damaged") from None
    return out


def import_bundle(settings: Settings, engine: Engine, path: Path) -> ImportReport:
    """Import the bundle at `path`; raises `BundleError` (nothing stored) when it is refused."""
    keys = server_keys(settings.data_dir)
    found: dict[str, Device] = {}

    def device_key(device_id: int) -> str:
        device, public = _device(engine, device_id)
        found["device"] = device
        return public

    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise BundleError("bundle.unreadable", {"why": exc.strerror or type(exc).__name__}) from None
    with fh:
        header, digest = bundle.open_checked(fh, server_key_id=keys.key_id, device_key=device_key)
        device = found["device"]
        records = _records(fh, header, keys)
        report = ImportReport(device.id, digest, records=len(records))
        intake = Intake(engine, RegionCache(engine), open_media_store(settings),
                        settings.max_media_bytes, settings.biometric_policy)
        stored: dict[str, str] = {}  # uuid -> content_sha256 of records the server holds from this bundle
        wanted: dict[str, str] = {}  # sha256 -> media kind
        for part in chunks(records, BATCH):
            results = intake.process(device, [r[0] for r in part], [r[1] for r in part])
            for (item, _raw, content), result in zip(part, results):
                report.outcomes[result.outcome.value] = report.outcomes.get(result.outcome.value, 0) + 1
                if result.status is None or result.outcome is ItemOutcome.CONFLICT:
                    continue
                stored[item.uuid] = content
                wanted.update((m.sha256, m.kind.value if m.kind else "photo") for m in result.media if not m.complete)
        _store_media(engine, fh, header, keys, intake.media, wanted, report)
    report.receipt = _held(engine, stored)
    log.info("kiriman flashdisk perangkat=%d rekaman=%d %s media=%d", device.id, report.records,
             " ".join(f"{k}={v}" for k, v in sorted(report.outcomes.items())), report.media_written)
    return report


def _store_media(engine: Engine, fh: BinaryIO, header: bundle.BundleHeader, keys: ServerKeys, media: MediaStore,
                 wanted: dict[str, str], report: ImportReport) -> None:
    """Pass 3: the media the stored recordings still need, then the database told (one transaction)."""
    if not wanted:
        return
    newly: list[str] = []
    for kind, value in bundle.frames(fh, header, keys.encryption):
        if kind != "media" or value[0] not in wanted:
            continue
        sha, data = value
        try:
            _held_now, wrote = media.put_whole(sha, data, kind=wanted[sha], sync_dir=False)
        except ProblemError:  # not what its kind claims: the recording stays incomplete, as over the network
            report.media_refused += 1
            continue
        report.media_written += int(wrote)
        newly.append(sha)
    media.sync()  # the files are durable before the database says "complete"
    mark_complete_many(engine, sorted(set(newly)))


def _held(engine: Engine, stored: dict[str, str]) -> list[dict]:
    """The receipt's lines: each recording of the bundle the server holds, with its status."""
    r = tables.recordings
    out = []
    with engine.connect() as conn:
        for part in chunks(sorted(stored)):
            for row in conn.execute(sa.select(r.c.uuid, r.c.status, r.c.received_complete)
                                    .where(r.c.uuid.in_(part))):
                out.append({"uuid": row.uuid, "status": row.status, "content_sha256": stored[row.uuid],
                            "complete": bool(row.received_complete)})
    return out


def receipt_bytes(settings: Settings, report: ImportReport) -> bytes:
    """The signed receipt file for the laptop (UUIDs and statuses only, no resident data)."""
    keys = server_keys(settings.data_dir)
    body = {"server_key": keys.key_id, "device_id": report.device_id, "bundle_sha256": report.bundle_sha256,
            "created_at": clock.utcnow().isoformat(timespec="seconds") + "Z", "items": report.receipt}
    return bundle.sign_receipt(body, keys.signing)


