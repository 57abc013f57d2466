"""Hand-carry: the unsent queue written to a USB stick as one bundle, and the office's receipt read back.

`export_bundle` copies every pending outbox entry (record and media) into a
bundle (`sync.bundle`), encrypted to the server's key received at
registration and signed with this laptop's key; the server need not be
reachable. The file is written under a hidden ``.…belum-selesai`` name,
fsynced and only then renamed, so a stick pulled mid-write leaves no file
that looks complete. The queue is only read: a bundle is a copy, never a move.

`apply_receipt` reads the receipt the office wrote (``jemput-server
import-bundle``), checks the server's signature and marks the listed
recordings delivered/acknowledged, exactly as a network sync would.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app.fsio import fsync_dir, open_private
from app.store.chunking import chunks
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from app.store.settings import Settings
from sync.bundle import SUFFIX, BundleError, BundleWriter, read_receipt
from sync.client.config import FAR_FUTURE, SHORT_TRANSACTION, Keys
from sync.client.payload import build_payload
from sync.protocol import ServerStatus, build_item, sha256_hex

__all__ = ["BundleError", "ExportResult", "ReceiptResult", "export_bundle", "apply_receipt", "bundle_ready"]

log = logging.getLogger("jemput.sync")

Progress = Callable[[int, int], None]
RECORD_WEIGHT = 4096  # a record's share of the progress bar, in bytes


@dataclass(frozen=True)
class ExportResult:
    path: Path
    records: int
    media: int
    size: int


@dataclass(frozen=True)
class ReceiptResult:
    acknowledged: int  # entries acknowledged now
    delivered: int  # stored on the server, media still missing: locked for editing, still queued
    ignored: int  # already acknowledged, changed since, or not in this laptop's queue


def _keys(settings: Settings) -> tuple[int, str, str]:
    device_id = settings.get(Keys.DEVICE_ID)
    server_key = settings.get(Keys.SERVER_BUNDLE_KEY)
    held = settings.get(Keys.DEVICE_SIGNING_KEY)
    if not (isinstance(device_id, int) and isinstance(server_key, str) and isinstance(held, dict)
            and isinstance(held.get("private"), str)):
        raise BundleError("bundle.no_server_key")
    return device_id, server_key, held["private"]


def bundle_ready(store) -> bool:  # noqa: ANN001 - the open profile (app.store.database.Store)
    """Whether this laptop can write bundles (registered with a server that gave its key)."""
    try:
        _keys(Settings(store))
    except BundleError:
        return False
    return True


def export_bundle(store, folder: Path | str, progress: Progress | None = None,  # noqa: ANN001 - Store
                  now: dt.datetime | None = None) -> ExportResult:
    """Write the pending queue to a new bundle in `folder`; returns where and how much.

    Raises `BundleError`: ``bundle.no_server_key`` (not registered with a server
    that takes bundles), ``bundle.nothing_to_send``, ``bundle.folder_unwritable``
    (nothing is left behind in `folder` then)."""
    settings = Settings(store)
    device_id, server_key, device_key = _keys(settings)
    outbox, recordings = Outbox(store), RecordingRepo(store)
    entries = outbox.pending(limit=10**9, now=FAR_FUTURE)
    meta = recordings.media_meta([e.recording_uuid for e in entries])
    prepared = []
    for entry in entries:
        rec = recordings.find(entry.recording_uuid)
        if rec is None:
            continue
        media = meta.get(rec.uuid, [])
        try:
            item = build_item(rec.uuid, build_payload(rec, media))
        except ValidationError:
            continue  # the network sync parks it with the fields named; a bundle cannot carry it
        prepared.append((entry, item, media))
    if not prepared:
        raise BundleError("bundle.nothing_to_send")
    total = sum(RECORD_WEIGHT + sum(m[3] for m in media) for _e, _i, media in prepared)
    media_count = sum(len({m[1] for m in media}) for _e, _i, media in prepared)
    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    folder = Path(folder)
    final = folder / f"jemput-kiriman-{device_id}-{stamp}{SUFFIX}"
    temp = folder / f".{final.name}.belum-selesai"
    done = 0
    try:
        with os.fdopen(open_private(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as out:
            writer = BundleWriter(out, server_key_b64=server_key, device_id=device_id, device_key_b64=device_key,
                                  created_at=now.isoformat(timespec="seconds"), records=len(prepared),
                                  media=media_count)
            for entry, item, media in prepared:
                writer.add_record({"item": item,
                                   "content_sha256": entry.content_sha256})
                for kind, sha, _mime, size in _unique(media):
                    found = recordings.media(entry.recording_uuid, kind)
                    data = next((m.data for m in found if sha256_hex(m.data) == sha), None)
                    if data is None:  # damaged locally: the server will not find it complete either
                        data = found[0].data if found else b""
                    writer.add_media(sha256_hex(data), data)
                    done += size
                done += RECORD_WEIGHT
                if progress is not None:
                    progress(done, total)
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, final)
        fsync_dir(folder)
    except OSError as exc:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass  # the stick is gone: its hidden half-file never looks like a bundle
        raise BundleError("bundle.folder_unwritable", {"why": exc.strerror or type(exc).__name__}) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    size = final.stat().st_size
    log.info("kiriman flashdisk ditulis: %d rekaman, %d berkas media, %d bita", len(prepared), media_count, size)
    return ExportResult(final, len(prepared), media_count, size)


def _unique(media: list[tuple[str, str, str, int]]) -> list[tuple[str, str, str, int]]:
    seen: dict[str, tuple[str, str, str, int]] = {}
    for m in media:
        seen.setdefault(m[1], m)
    return list(seen.values())


def apply_receipt(store, path: Path | str) -> ReceiptResult:  # noqa: ANN001 - Store
    """Mark what the office's receipt lists as held by the server (`BundleError` when it is not genuine)."""
    settings = Settings(store)
    server_key = settings.get(Keys.SERVER_RECEIPT_KEY)
    if not isinstance(server_key, str):
        raise BundleError("bundle.no_server_key")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BundleError("bundle.unreadable", {"why": exc.strerror or type(exc).__name__}) from None
    body = read_receipt(data, server_key)
    if body.get("device_id") != settings.get(Keys.DEVICE_ID):
        raise BundleError("bundle.receipt_other_device")
    statuses = {s.value for s in ServerStatus}
    items = [i for i in body.get("items", []) if isinstance(i, dict) and i.get("status") in statuses
             and isinstance(i.get("uuid"), str) and isinstance(i.get("content_sha256"), str)]
    outbox = Outbox(store)
    outbox.mark_delivered([(i["uuid"], i["status"], i["content_sha256"]) for i in items])
    acked = delivered = 0
    for part in chunks(items, SHORT_TRANSACTION):  # short: capture shares the store
        with store.transaction():
            for i in part:
                if i["complete"] is True or i["status"] == ServerStatus.REJECTED.value:
                    acked += outbox.mark_acked(i["uuid"], i["status"], content_sha256=i["content_sha256"])
                else:
                    delivered += 1
    log.info("tanda terima kiriman: %d rekaman diakui, %d menunggu media", acked, delivered)
    return ReceiptResult(acked, delivered, len(items) - acked - delivered)
