"""Recordings: the resident's biodata, status and media, saved as one transaction.

A recording row keeps the resident as JSON (`Resident.to_dict()`) plus the
columns the lists need (nik, nama, status, times, kelurahan/RW/RT). `save`
writes the row, its media, its outbox entry (when queued) and an audit line
in ONE transaction: after a crash either all of it is there or none of it.
Statuses move only as `app.core.lifecycle` allows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import sqlite_utils

from app.core import biometric_content
from app.core.biometric_content import BIOMETRIC_MEDIA_KINDS
from app.core.biometric_policy import allowed_kinds, consistency
from app.core.findings import Acknowledgement, Finding
from app.core.lifecycle import RecordingStatus, TransitionError, can_move, check_move
from app.core.resident import Resident
from app.store import media as media_mod
from app.store import outbox_rows as outbox_mod
from app.store._util import canonical_json, is_ascii_digits, prefix_bounds, sha256_hex, to_utc_iso, utc_now
from app.store.audit import AuditLog
from app.store.chunking import chunks
from app.store.errors import NotFound, StoreError
from app.store.media import MediaItem
from app.store.trips import active_ref
from app.store.visits import link_recording

if TYPE_CHECKING:
    from app.store.database import Store

__all__ = ["Recording", "RecordingRepo", "MediaItem", "OnServer", "move_status"]


class OnServer(TransitionError):
    """An edit of a recording whose record the server already stored (it keeps the first version)."""

    def __init__(self) -> None:
        super().__init__("recording.on_server")


# Statuses the operator saves; the server's verdicts arrive through set_status / the outbox.
OPERATOR_STATUSES = (RecordingStatus.DRAFT, RecordingStatus.COMPLETE, RecordingStatus.QUEUED)
SERVER_STATUSES = (
    RecordingStatus.SENT, RecordingStatus.ACCEPTED, RecordingStatus.DUPLICATE_REVIEW, RecordingStatus.REJECTED,
)


@dataclass(frozen=True)
class Recording:
    """One perekaman as the laptop holds it.

    Attributes:
        uuid: client-generated uuid4 (the server keys on it).
        resident: the biodata.
        status: lifecycle status.
        created_at, updated_at: ISO UTC timestamps as the device's clock gave them.
            `RecordingRepo.save` keeps the first `created_at` and stamps `updated_at`.
        operator: who recorded it.
        acknowledgements: warnings the operator confirmed, with reasons.
        photo_exception, signature_exception: why there is no photo/signature.
        photo_flag, signature_flag: a photo kept with an exception, a thumbprint or a
            guardian's signature (`app.core.exceptions` flags as dicts), else None.
        trip: the trip it was recorded on (``{"id", "name", "type"}``, `app.core.trips.Trip.ref`),
            as it was when the recording was completed; None when no trip was active.
        replaces_uuid: the rejected recording this one corrects.
        server_status, server_message: the server's last word on it.
        server_reasons: the same word as structured findings (code, field,
            params), so the window can say it in its own language; empty when
            the server gave none (older rows, older servers).
        purged_at: when the retention purge removed its personal data and media
            (`app.store.retention`); None while the laptop still holds them.
        biometrics: the fingers and irises as `app.core.biometric_content.to_content` gives
            them (per slot the score or the exception); None for a recording without any
            (their ISO records and proof photos are media items).
    """

    uuid: str
    resident: Resident = field(default_factory=Resident)
    status: RecordingStatus = RecordingStatus.DRAFT
    created_at: str = ""
    updated_at: str = ""
    operator: str = ""
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    photo_exception: str | None = None
    signature_exception: str | None = None
    replaces_uuid: str | None = None
    server_status: str | None = None
    server_message: str | None = None
    purged_at: str | None = None
    server_reasons: tuple[Finding, ...] = ()
    photo_flag: dict | None = None
    signature_flag: dict | None = None
    trip: dict | None = None
    biometrics: dict | None = None

    @property
    def purged(self) -> bool:
        """The personal data and media left the laptop (only place, status and times remain)."""
        return self.purged_at is not None

    @classmethod
    def new(cls, resident: Resident | None = None, *, operator: str = "", **changes: Any) -> "Recording":
        """A fresh draft with a new uuid4 and both timestamps set to now."""
        now = utc_now()
        return cls(
            uuid=str(uuid_mod.uuid4()), resident=resident or Resident(), operator=operator,
            created_at=now, updated_at=now, **changes,
        )

    def with_changes(self, **changes: Any) -> "Recording":
        return replace(self, **changes)

    def content(self, media_hashes: dict[str, str]) -> dict[str, Any]:
        """What the recording says (no status, no times of change), JSON-safe.

        Its hash (`content_sha256`) is kept in the outbox entry: the same content
        sent twice is a harmless replay, and an ack for other content is ignored.
        """
        return {
            "uuid": self.uuid,
            "resident": self.resident.to_dict(),
            "operator": self.operator,
            "created_at": self.created_at,
            "acknowledgements": [a.to_dict() for a in self.acknowledgements],
            "photo_exception": self.photo_exception,
            "signature_exception": self.signature_exception,
            "replaces_uuid": self.replaces_uuid,
            "media": dict(sorted(media_hashes.items())),
        } | {key: value for key, value in (("photo_flag", self.photo_flag), ("signature_flag", self.signature_flag),
                                           ("trip", self.trip), ("biometrics", self.biometrics))
             if value is not None}  # absent when empty: older contents hash as before

    def content_sha256(self, media_hashes: dict[str, str]) -> str:
        return sha256_hex(canonical_json(self.content(media_hashes)).encode("utf-8"))


_COLUMNS = (
    "uuid, payload, status, created_at, updated_at, operator, acknowledgements, photo_exception,"
    " signature_exception, replaces_uuid, server_status, server_message, purged_at, server_reasons, photo_flag, signature_flag, trip,"
    " biometrics"
)


def reasons_to_json(reasons: Iterable[Any]) -> str | None:
    """The server's reasons (findings or dicts of the same shape) as a JSON list; None when there are none."""
    items = [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in reasons]
    return canonical_json(items) if items else None


def reasons_from_json(text: str | None) -> tuple[Finding, ...]:
    """The stored reasons as findings; unreadable entries are left out (the message still says it)."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    found = []
    for item in items if isinstance(items, list) else ():
        try:
            found.append(Finding.from_dict(item))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(found)


def _from_row(row: Sequence[Any]) -> Recording:
    return Recording(
        uuid=row[0],
        resident=Resident.from_dict(json.loads(row[1])),
        status=RecordingStatus(row[2]),
        created_at=row[3],
        updated_at=row[4],
        operator=row[5],
        acknowledgements=[Acknowledgement.from_dict(a) for a in json.loads(row[6])],
        photo_exception=row[7],
        signature_exception=row[8],
        replaces_uuid=row[9],
        server_status=row[10],
        server_message=row[11],
        purged_at=row[12],
        server_reasons=reasons_from_json(row[13]),
        photo_flag=_flag_from_json(row[14]),
        signature_flag=_flag_from_json(row[15]),
        trip=_flag_from_json(row[16]),
        biometrics=_flag_from_json(row[17]),
    )


def _flag_from_json(text: str | None) -> dict | None:
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _flag_to_json(value: dict | None) -> str | None:
    return canonical_json(value) if value else None


def check_uuid(value: str) -> str:
    try:
        return str(uuid_mod.UUID(str(value)))
    except ValueError:
        raise ValueError("uuid rekaman tidak valid") from None


def _write_row(db: sqlite_utils.Database, rec: Recording) -> None:
    r = rec.resident
    db.conn.execute(
        """
        INSERT INTO recordings (uuid, nik, nama, status, created_at, updated_at, operator, payload,
            acknowledgements, photo_exception, signature_exception, replaces_uuid, server_status,
            server_message, server_reasons, kelurahan_kode, rw, rt, photo_flag, signature_flag,
            trip_id, trip, biometrics)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (uuid) DO UPDATE SET
            nik = excluded.nik, nama = excluded.nama, status = excluded.status,
            updated_at = excluded.updated_at, operator = excluded.operator, payload = excluded.payload,
            acknowledgements = excluded.acknowledgements, photo_exception = excluded.photo_exception,
            signature_exception = excluded.signature_exception, replaces_uuid = excluded.replaces_uuid,
            server_status = excluded.server_status, server_message = excluded.server_message,
            server_reasons = excluded.server_reasons, kelurahan_kode = excluded.kelurahan_kode, rw = excluded.rw, rt = excluded.rt,
            photo_flag = excluded.photo_flag, signature_flag = excluded.signature_flag,
            trip_id = excluded.trip_id, trip = excluded.trip, biometrics = excluded.biometrics
        """,
        (
            rec.uuid, r.nik, r.nama, rec.status.value, rec.created_at, rec.updated_at, rec.operator,
            canonical_json(r.to_dict()), canonical_json([a.to_dict() for a in rec.acknowledgements]),
            rec.photo_exception, rec.signature_exception, rec.replaces_uuid, rec.server_status,
            rec.server_message, reasons_to_json(rec.server_reasons), r.kelurahan_kode, r.rw, r.rt,
            _flag_to_json(rec.photo_flag), _flag_to_json(rec.signature_flag),
            rec.trip.get("id") if rec.trip else None, _flag_to_json(rec.trip),
            None if rec.biometrics is None else canonical_json(rec.biometrics),
        ),
    )


def _trip_of(db: sqlite_utils.Database, recording: Recording, old: Sequence[Any] | None,
             status: RecordingStatus) -> dict | None:
    """The trip a saved recording carries: its own, else the stored one, else (on its first
    completion) the trip active today (`app.store.trips.active_ref`)."""
    if recording.trip is not None:
        return recording.trip
    stored = _flag_from_json(old[3]) if old else None
    if stored is not None:
        return stored
    first_completion = old is None or RecordingStatus(old[0]) is RecordingStatus.DRAFT
    if status in (RecordingStatus.COMPLETE, RecordingStatus.QUEUED) and first_completion:
        return active_ref(db, dt.date.today())
    return None


def _prune_biometric_media(db: sqlite_utils.Database, recording_uuid: str, bset, status: RecordingStatus) -> None:
    """Drop the stored biometric media the set no longer allows (a finger captured before, now an
    exception); a queued recording must hold the ISO record of every captured slot."""
    stale = sorted(set(BIOMETRIC_MEDIA_KINDS) - allowed_kinds(bset))
    db.conn.execute(f"DELETE FROM media WHERE recording_uuid = ? AND kind IN ({', '.join('?' * len(stale))})",
                    (recording_uuid, *stale))
    if status is RecordingStatus.QUEUED:
        for problem in consistency(bset, media_mod.media_hashes(db, recording_uuid)):
            raise StoreError(kind="invalid", code=problem.code, params=dict(problem.params))


def _read(db: sqlite_utils.Database, recording_uuid: str) -> Recording | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM recordings WHERE uuid = ?", (recording_uuid,)).fetchone()
    return _from_row(row) if row else None


def _enqueue_current(db: sqlite_utils.Database, rec: Recording) -> None:
    outbox_mod.enqueue(db, rec.uuid, rec.content_sha256(media_mod.media_hashes(db, rec.uuid)))


def move_status(
    store: "Store",
    recording_uuid: str,
    new: RecordingStatus,
    *,
    server_status: str | None = None,
    server_message: str | None = None,
    server_reasons: str | None = None,
    actor: str = "",
) -> None:
    """Change a recording's status as the lifecycle allows, keeping the outbox in step.

    Moving to queued enqueues it; back to draft/complete withdraws it; a server
    verdict (sent, accepted, ...) acknowledges a still-open entry
    (`outbox_rows.acknowledge`, the one write of an acknowledgement).
    """
    new = RecordingStatus(new)
    with store.transaction() as db:
        rec = _read(db, recording_uuid)
        if rec is None:
            raise NotFound(code="recording.not_found")
        check_move(rec.status, new)
        if rec.purged and new.editable:
            raise TransitionError("recording.purged")
        if new in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE) and outbox_mod.on_server(db, recording_uuid):
            raise OnServer()
        now = utc_now()
        db.conn.execute(
            "UPDATE recordings SET status = ?, updated_at = ?, server_status = coalesce(?, server_status),"
            " server_message = coalesce(?, server_message),"
            " server_reasons = CASE WHEN ? IS NULL THEN server_reasons ELSE ? END WHERE uuid = ?",
            (new.value, now, server_status, server_message, server_message, server_reasons, recording_uuid),
        )
        if new is RecordingStatus.QUEUED:
            _enqueue_current(db, rec)
        elif new in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE):
            outbox_mod.withdraw(db, recording_uuid)
        else:
            outbox_mod.acknowledge(db, recording_uuid, server_status)
        AuditLog(store).append(
            "recording.status", actor=actor, recording_uuid=recording_uuid,
            detail={"from": rec.status.value, "to": new.value},
        )


class RecordingRepo:
    """Save, read, list and move recordings of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store

    # -- writing ---------------------------------------------------------------

    def save(self, recording: Recording, media: Iterable[MediaItem] = (), *, enqueue: bool) -> None:
        """Write the recording, its media and (if queued) its outbox entry atomically.

        `media` replaces the recording's items of the same kinds; kinds not
        given are kept. With `enqueue=True` the recording must be complete (or
        already queued) and is stored as queued with a pending outbox entry;
        with `enqueue=False` it is stored as draft or complete and withdrawn
        from the queue. `created_at` of an existing recording is kept;
        `updated_at` is set to now.

        Fingers and irises: `recording.biometrics` is checked (`ContentError`),
        biometric items given must be ones its set allows (ValueError: an ISO
        record per captured slot, a proof photo per exception), stored ones it
        no longer allows are deleted, and a queued recording must hold the
        record of every captured slot (`StoreError` ``biometrics.record_missing``).
        """
        check_uuid(recording.uuid)
        bset = None if recording.biometrics is None else biometric_content.from_content(recording.biometrics)
        items = list(media)
        if {m.kind for m in items if m.kind in BIOMETRIC_MEDIA_KINDS} - allowed_kinds(bset):
            raise ValueError("berkas sidik jari/iris tidak sesuai catatan biometriknya")
        kinds = [m.kind for m in items]
        if len(kinds) != len(set(kinds)):
            raise ValueError("setiap jenis media hanya boleh satu per rekaman")
        status = RecordingStatus(recording.status)
        if enqueue:
            if status not in (RecordingStatus.COMPLETE, RecordingStatus.QUEUED):
                raise TransitionError("recording.not_complete")
            status = RecordingStatus.QUEUED
        elif status not in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE):
            raise TransitionError("recording.not_saved_so", {"status": status.label})
        with self.store.transaction() as db:
            old = db.conn.execute(
                "SELECT status, created_at, purged_at, trip FROM recordings WHERE uuid = ?", (recording.uuid,)
            ).fetchone()
            if old and old[2] is not None:
                raise TransitionError("recording.purged")
            old_status = RecordingStatus(old[0]) if old else None
            if old_status is not None and old_status is not status:
                check_move(old_status, status)  # re-saving in the same (editable) status is an edit
            if old_status is RecordingStatus.QUEUED and outbox_mod.on_server(db, recording.uuid):
                raise OnServer()
            now = utc_now()
            rec = replace(
                recording,
                status=status,
                created_at=old[1] if old else (recording.created_at or now),
                updated_at=now,
                trip=_trip_of(db, recording, old, status),
            )
            _write_row(db, rec)
            media_mod.write_media(db, rec.uuid, items)
            _prune_biometric_media(db, rec.uuid, bset, status)
            if status in (RecordingStatus.COMPLETE, RecordingStatus.QUEUED):
                link_recording(db, rec.uuid, rec.resident.nik, rec.operator, rec.trip)
            if status is RecordingStatus.QUEUED:
                _enqueue_current(db, rec)
            else:
                outbox_mod.withdraw(db, rec.uuid)
            AuditLog(self.store).append(
                "recording.saved", actor=rec.operator, recording_uuid=rec.uuid,
                detail={
                    "from": old_status.value if old_status else None,
                    "status": status.value,
                    "media": sorted(kinds),
                },
            )

    def set_status(self, recording_uuid: str, status: RecordingStatus, server_info: dict | None = None) -> None:
        """Move a recording to `status` (lifecycle rules apply).

        `server_info` may carry ``status``, ``message`` and ``reasons`` (a JSON
        list, see `reasons_to_json`) from the server (the audit line then names
        ``sync`` as the actor). The reasons are written with the message: a new
        message without reasons clears the old ones.
        """
        info = server_info or {}
        move_status(
            self.store, recording_uuid, status,
            server_status=info.get("status"), server_message=info.get("message"),
            server_reasons=info.get("reasons"),
            actor="sync" if server_info else "",
        )

    def apply_verdicts(self, verdicts: Iterable[tuple[str, RecordingStatus, dict]], *, batch: int = 50) -> int:
        """Move sent recordings to the server's later verdicts; returns how many moved.

        `verdicts` are (uuid, new status, server info as for `set_status`), the
        latest per recording. A recording the outbox still owns (draft, complete,
        queued: only a batch answer acknowledges it), one unknown here, one
        already there, or a move the lifecycle forbids is left alone. Writes
        in transactions of `batch` recordings (capture shares the store).
        """
        wanted = {uuid: (RecordingStatus(new), info) for uuid, new, info in verdicts}
        current = self.statuses(list(wanted))
        moves = []
        for uuid, (new, info) in wanted.items():
            cur = current.get(uuid)
            if cur is None or cur in OPERATOR_STATUSES or new is cur or not can_move(cur, new):
                continue
            moves.append((uuid, new, info))
        for part in chunks(moves, batch):
            with self.store.transaction():
                for uuid, new, info in part:
                    self.set_status(uuid, new, info)
        return len(moves)

    def purge_settled(
        self, older_than_days: int, *, now: dt.datetime | str | None = None, dry_run: bool = False,
        actor: str = "",
    ):
        """Remove media and personal data of recordings the server settled long enough ago.

        See `app.store.retention.purge_settled`; returns its `PurgeResult`.
        """
        from app.store.retention import purge_settled

        return purge_settled(self.store, older_than_days, now=now, dry_run=dry_run, actor=actor)

    def delete_draft(self, recording_uuid: str) -> None:
        """Delete a draft with its media. Anything past draft is kept."""
        with self.store.transaction() as db:
            rec = _read(db, recording_uuid)
            if rec is None:
                raise NotFound(code="recording.not_found")
            if rec.status is not RecordingStatus.DRAFT:
                raise StoreError(kind="invalid", code="recording.delete_not_draft")
            db.conn.execute("DELETE FROM recordings WHERE uuid = ?", (recording_uuid,))
            AuditLog(self.store).append("recording.deleted", actor=rec.operator, recording_uuid=recording_uuid)

    def delete_media(self, recording_uuid: str, kind: str) -> bool:
        """Remove one media item of an editable recording (e.g. an exception replaced the photo)."""
        with self.store.transaction() as db:
            rec = _read(db, recording_uuid)
            if rec is None:
                raise NotFound(code="recording.not_found")
            if not rec.status.editable:
                raise TransitionError("recording.not_editable", {"status": rec.status.label})
            if outbox_mod.on_server(db, recording_uuid):
                raise OnServer()
            removed = media_mod.delete_media(db, recording_uuid, kind) > 0
            if removed and rec.status is RecordingStatus.QUEUED:
                _enqueue_current(db, rec)
            if removed:
                AuditLog(self.store).append(
                    "recording.media_deleted", actor=rec.operator, recording_uuid=recording_uuid,
                    detail={"kind": kind},
                )
            return removed

    # -- reading ---------------------------------------------------------------

    def get(self, recording_uuid: str) -> Recording:
        rec = self.find(recording_uuid)
        if rec is None:
            raise NotFound(code="recording.not_found")
        return rec

    def find(self, recording_uuid: str) -> Recording | None:
        with self.store.reading() as db:
            return _read(db, recording_uuid)

    def can_edit(self, recording_uuid: str) -> bool:
        """Editable status, and the server does not hold its record yet."""
        with self.store.reading() as db:
            rec = _read(db, recording_uuid)
            return rec is not None and rec.status.editable and not outbox_mod.on_server(db, recording_uuid)

    def statuses(self, uuids: Sequence[str]) -> dict[str, RecordingStatus]:
        """uuid -> status of those recordings the laptop holds."""
        out: dict[str, RecordingStatus] = {}
        for part in chunks(list(uuids), 500):
            out.update((u, RecordingStatus(s)) for u, s in self.store.query(
                f"SELECT uuid, status FROM recordings WHERE uuid IN ({', '.join('?' * len(part))})", part))
        return out

    def newer_version(self, recording_uuid: str) -> Recording | None:
        """The latest recording that names `recording_uuid` in `replaces_uuid`, if any."""
        rows = self.store.query(
            "SELECT uuid FROM recordings WHERE replaces_uuid = ? ORDER BY created_at DESC LIMIT 1",
            (recording_uuid,))
        return self.get(rows[0][0]) if rows else None

    def latest_of_nik(self, nik: str, *, besides: str | None = None, limit: int = 20) -> list[Recording]:
        """The recordings of `nik` here, latest version of each only, most recently changed first.

        A recording a newer version replaces is left out (its correction stands for it), and so is
        `besides` (the recording being edited). Reads the ``recordings_nik`` and
        ``recordings_replaces`` indexes: quick enough to ask at every typed NIK.
        """
        if not nik:
            return []
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM recordings r WHERE r.nik = ? AND r.uuid IS NOT ?"
            " AND NOT EXISTS (SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid)"
            " ORDER BY r.updated_at DESC, r.uuid LIMIT ?",
            (nik, besides, limit))
        return [_from_row(r) for r in rows]

    def version_of(self, recording_uuid: str) -> int:
        """Which version of its recording this is: 1 for a first recording, 2 for its first correction, ..."""
        rows = self.store.query(
            "WITH RECURSIVE chain(uuid, replaces, n) AS ("
            " SELECT uuid, replaces_uuid, 1 FROM recordings WHERE uuid = ?"
            " UNION ALL SELECT r.uuid, r.replaces_uuid, c.n + 1 FROM recordings r"
            " JOIN chain c ON r.uuid = c.replaces WHERE c.n < 1000)"
            " SELECT max(n) FROM chain", (recording_uuid,))
        return rows[0][0] or 1

    def media_meta(self, uuids: Sequence[str]) -> dict[str, list[tuple[str, str, str, int]]]:
        """uuid -> (kind, sha256, mime, size) of each media item, without the bytes (what a payload names)."""
        out: dict[str, list[tuple[str, str, str, int]]] = {u: [] for u in uuids}
        with self.store.reading() as db:
            for part in chunks(list(uuids), 500):
                for uuid, item in media_mod.media_meta(db, part):
                    out[uuid].append(item)
        return out

    def media(self, recording_uuid: str, kind: str | None = None) -> list[MediaItem]:
        with self.store.reading() as db:
            return media_mod.read_media(db, recording_uuid, kind)

    def media_hashes(self, recording_uuid: str) -> dict[str, str]:
        with self.store.reading() as db:
            return media_mod.media_hashes(db, recording_uuid)

    def list(
        self,
        status: RecordingStatus | str | Iterable[RecordingStatus | str] | None = None,
        search: str | None = None,
        date_from: dt.date | dt.datetime | None = None,
        date_to: dt.date | dt.datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Recording]:
        """Recordings, most recently changed first.

        `search` is a NIK prefix (digits only) or name words, each matching the
        start of a word of the name. Dates compare with `created_at` (UTC); a
        plain `date_to` includes that whole day.
        """
        where, params = _filters(status, search, date_from, date_to)
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM recordings {where} ORDER BY updated_at DESC, uuid LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_from_row(r) for r in rows]

    def count(
        self,
        status: RecordingStatus | str | Iterable[RecordingStatus | str] | None = None,
        search: str | None = None,
        date_from: dt.date | dt.datetime | None = None,
        date_to: dt.date | dt.datetime | None = None,
    ) -> int:
        where, params = _filters(status, search, date_from, date_to)
        return self.store.query(f"SELECT count(*) FROM recordings {where}", params)[0][0]

    def counts_by_status(self) -> dict[RecordingStatus, int]:
        out = dict.fromkeys(RecordingStatus, 0)
        for status, n in self.store.query("SELECT status, count(*) FROM recordings GROUP BY status"):
            out[RecordingStatus(status)] = n
        return out


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _bound(value: dt.date | dt.datetime, *, end: bool) -> str:
    if isinstance(value, dt.datetime):
        return to_utc_iso(value)
    return (value + dt.timedelta(days=1) if end else value).isoformat()


def _filters(status, search, date_from, date_to) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if status is not None:
        statuses = [status] if isinstance(status, (str, RecordingStatus)) else list(status)
        values = [RecordingStatus(s).value for s in statuses]
        where.append(f"status IN ({', '.join('?' * len(values))})")
        params.extend(values)
    text = (search or "").strip()
    if text:
        if is_ascii_digits(text):
            where.append("nik >= ? AND nik < ?")
            params.extend(prefix_bounds(text))
        else:
            for word in text.split():
                where.append("(' ' || nama) LIKE ? ESCAPE '\\'")
                params.append("% " + _like_escape(word) + "%")
    if date_from is not None:
        where.append("created_at >= ?")
        params.append(_bound(date_from, end=False))
    if date_to is not None:
        if isinstance(date_to, dt.datetime):
            where.append("created_at <= ?")
        else:
            where.append("created_at < ?")
        params.append(_bound(date_to, end=True))
    return ("WHERE " + " AND ".join(where)) if where else "", params
