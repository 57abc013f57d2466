"""Batch intake: each recording answered on its own, all stored in one transaction.

Per item (never all-or-nothing): a payload whose hash does not match is
answered ``rejected`` and not stored; a UUID already held is ``already_have``
(same hash: the first answer replayed) or ``conflict`` (different hash: the new
copy parked in ``conflicts``, the stored one untouched); a new UUID is checked
with `app.core.recording_check.check_recording` on the recording's own date,
honouring the acknowledgements it carries, then stored as ``rejected``,
``accepted`` or ``duplicate_review`` (its NIK is already held by another active
recording, which becomes ``duplicate_review`` too). A version that
``replaces`` an older one marks it ``replaced`` once the new one is stored
valid; a NIK held only by that predecessor is not a duplicate, and open
conflicts its device parked under the predecessor's UUID are closed as
``dismissed`` (the device chose the new version over them).

Speed: validation runs before the transaction; inside it, every lookup is one
indexed ``IN`` query for the whole batch and every write an ``executemany``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.core.biometric_content import ContentError, from_content
from app.core.biometric_policy import DEFAULT_POLICY, BiometricPolicy
from app.core.biometric_policy import findings as biometric_findings
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.findings import Acknowledgement as CoreAck
from app.core.findings import Severity, finding
from app.core.recording_check import check_recording
from app.core.regions import RegionIndex, to_digits
from app.core.resident import Resident
from app.core.validation import ValidationContext, normalize_resident
from sync.protocol import (BatchItem, ItemOutcome, ItemResult, MediaKind, MediaState, Reason, RecordingPayload,
                           ServerStatus, payload_sha256)
from sync.protocol_reasons import DATE_AHEAD_DAYS, DATE_BEHIND_DAYS, ReasonCodes
from sync.server import clock, sequences, tables, transactions
from sync.server.deps import Device
from sync.server.media_store import NOTHING_HELD, Held, MediaStore
from sync.server.outcome_intake import trip_columns
from sync.server.row_sql import chunks, insert_rows, one_of, update_rows

log = logging.getLogger("jemput.server.intake")

def _reason(code: str, field_name: str, severity: Severity = Severity.ERROR, /, **params: object) -> Reason:
    """A reason of the server's own: code + params, worded by the catalogue (app/core/messages.py)."""
    return Reason.of(finding(code, field_name, severity, **params))


def duplicate_reason() -> Reason:
    return _reason(ReasonCodes.DUPLICATE_NIK, "nik", Severity.WARNING)


@dataclass
class _Checked:
    """An item after the checks that need no database."""

    index: int
    item: BatchItem
    hash_ok: bool
    blocking: list[Reason]
    nik: str = ""
    kelurahan_digits: str = ""
    rt: str = ""
    media: list = field(default_factory=list)  # unique MediaDescriptors
    flags: list[Reason] = field(default_factory=list)  # why it needs a person's review (dates), not blocking


def date_reasons(recording_date: dt.date, received_on: dt.date) -> list[Reason]:
    """The server's clock decides: a recording dated more than `DATE_AHEAD_DAYS` after the
    server's receive date, or more than `DATE_BEHIND_DAYS` before it, goes to review."""
    if received_on - _BEHIND <= recording_date <= received_on + _AHEAD:
        return []  # the common case: nothing to word
    params = {"date": recording_date.isoformat(), "server_date": received_on.isoformat()}
    if recording_date > received_on + _AHEAD:
        return [_reason(ReasonCodes.DATE_AHEAD, "recording_date", Severity.WARNING, days=DATE_AHEAD_DAYS, **params)]
    return [_reason(ReasonCodes.DATE_BEHIND, "recording_date", Severity.WARNING, days=DATE_BEHIND_DAYS, **params)]


_AHEAD, _BEHIND = dt.timedelta(days=DATE_AHEAD_DAYS), dt.timedelta(days=DATE_BEHIND_DAYS)


def check_date(recording_date: dt.date, received_on: dt.date) -> dt.date:
    """The day eligibility and dates are checked on: the laptop's recording date, but never
    after the server's receive date (a laptop clock ahead cannot make a resident older)."""
    return min(recording_date, received_on)


def biometric_reasons(payload: RecordingPayload, policy: BiometricPolicy | str = DEFAULT_POLICY) -> list[Reason]:
    """The fingers and irises by the completeness policy and against the media the payload names
    (`app.core.biometric_policy`, the rule the laptop shows too); a set that cannot be read is
    ``biometrics.invalid``."""
    bset = None
    if payload.biometrics is not None:
        try:
            bset = from_content({"slots": payload.biometrics.slots})  # the JSON values as parsed: no dump
        except ContentError:
            return [_reason(ReasonCodes.BIOMETRICS_INVALID, "biometrics")]
    kinds = {m.kind for m in payload.media}  # str enum members: equal to (and hashed as) their values
    return [Reason.of(f) for f in biometric_findings(bset, kinds, policy)]


def check_payload(payload: RecordingPayload, regions: RegionIndex | None,
                  max_media_bytes: int, received_on: dt.date | None = None,
                  biometric_policy: BiometricPolicy | str = DEFAULT_POLICY) -> tuple[list[Reason], Resident | None]:
    """The reasons that block this recording (empty: it may be accepted), checked on
    `check_date` (`received_on`: the server's date, default today UTC) and by `biometric_policy`."""
    received_on = received_on or clock.utcnow().date()
    try:
        # The model's values are what `from_dict` reads from the JSON form (dates already dates).
        resident = Resident.from_dict(vars(payload.resident))
    except ValueError as exc:
        return [_reason(ReasonCodes.PAYLOAD_INVALID, "resident", detail=str(exc))], None
    resident = normalize_resident(resident)
    ctx = ValidationContext(regions=regions, recording_date=check_date(payload.recording_date, received_on))
    acks = [CoreAck(a.code, a.field, a.reason) for a in payload.acknowledgements]
    kinds = {m.kind for m in payload.media}
    check = check_recording(resident, ctx, acknowledgements=acks,
                            has_photo=MediaKind.PHOTO in kinds, photo_exception=payload.photo_exception,
                            has_signature=MediaKind.SIGNATURE in kinds,
                            signature_exception=payload.signature_exception,
                            photo_flag=_flag(PhotoFlag, payload.photo_flag),
                            signature_flag=_flag(SignatureFlag, payload.signature_flag),
                            normalized=True)
    blocking = check.verdict.blocking
    media_fields = {f.field for f in blocking if f.code in _MEDIA_REQUIRED}
    reasons = [Reason.of(f) for f in blocking if f.code not in _MEDIA_REQUIRED]
    if "photo" in media_fields:
        reasons.append(_reason(ReasonCodes.PHOTO_MISSING, "photo"))
    if "signature" in media_fields:
        reasons.append(_reason(ReasonCodes.SIGNATURE_MISSING, "signature"))
    for m in payload.media:
        if m.size > max_media_bytes:
            reasons.append(_reason(ReasonCodes.MEDIA_TOO_LARGE, m.kind.value, limit=max_media_bytes))
    reasons += biometric_reasons(payload, biometric_policy)
    return reasons, resident


_MEDIA_REQUIRED = frozenset({"media.photo_required", "media.signature_required"})  # worded by the server


def _flag(kind: Any, data: Any) -> Any:
    """The core flag (`app.core.exceptions`) of a payload's flag model, or None."""
    return kind.from_dict(data.model_dump(mode="json")) if data is not None else None


def exception_flags(payload: RecordingPayload) -> dict[str, Any] | None:
    """What the supervisor should see of a recording's exceptions (None: nothing to flag):
    the photo/signature flags as sent, the reasons for a missing photo/signature, and each
    finger or eye excepted (media kind -> reason and text, as sent)."""
    slots = payload.biometrics.slots if payload.biometrics is not None else {}
    flags = {
        "photo": payload.photo_flag.model_dump(mode="json") if payload.photo_flag else None,
        "signature": payload.signature_flag.model_dump(mode="json") if payload.signature_flag else None,
        "photo_exception": payload.photo_exception or None,
        "signature_exception": payload.signature_exception or None,
        "biometric_exceptions": {k: v for k, v in slots.items() if "exception" in v} or None,
    }
    flags = {k: v for k, v in flags.items() if v}
    return flags or None


def _unique_media(payload: RecordingPayload) -> list:
    seen: dict[str, Any] = {}
    for m in payload.media:
        seen.setdefault(m.sha256, m)
    return list(seen.values())


def _kept_by_admin(row: dict) -> bool:
    """Whether an administrator kept this recording after a review (`ReasonCodes.REVIEW_KEPT`)."""
    try:
        return any(x.get("code") == ReasonCodes.REVIEW_KEPT for x in json.loads(row["reasons"]))
    except (ValueError, TypeError, AttributeError):
        return False


class Intake:
    """Processes batches for one server (engine, regions, media folder)."""

    def __init__(self, engine: Engine, regions, media: MediaStore, max_media_bytes: int,  # noqa: ANN001
                 biometric_policy: BiometricPolicy | str = DEFAULT_POLICY):
        self.engine = engine
        self.regions = regions
        self.media = media
        self.max_media_bytes = max_media_bytes
        self.biometric_policy = BiometricPolicy(biometric_policy)

    # -- the batch ---------------------------------------------------------------------

    def process(self, device: Device, items: list[BatchItem], raw_items: list[dict],
                now: dt.datetime | None = None, conn: Connection | None = None) -> list[ItemResult]:
        """Check and store a batch; `now` is the server's clock (UTC, naive; default: `clock.utcnow`).
        `conn`: the request's connection (the region version is asked on it, and the batch
        written on it: `transactions.write_on`), else connections of its own."""
        regions = self.regions.current(conn)
        if conn is not None:
            transactions.end_read(conn)
        now = now or clock.utcnow()
        checked: list[_Checked] = []
        for i, (item, raw) in enumerate(zip(items, raw_items)):
            hash_ok = payload_sha256(raw["payload"]) == item.payload_sha256
            c = _Checked(i, item, hash_ok, [])
            if hash_ok:
                try:
                    c.blocking, resident = check_payload(item.payload, regions, self.max_media_bytes, now.date(),
                                                         self.biometric_policy)
                    c.flags = date_reasons(item.payload.recording_date, now.date())
                except Exception as exc:  # noqa: BLE001 - one odd record must not fail the batch
                    log.warning("item %d: pemeriksaan gagal (%s)", i, type(exc).__name__)
                    c.blocking, resident = [_reason(ReasonCodes.PAYLOAD_UNPROCESSABLE, "resident")], None
                c.media = _unique_media(item.payload)
                if resident is not None:
                    c.nik = resident.nik[:32]
                    c.rt = resident.rt[:8]
                    try:
                        c.kelurahan_digits = to_digits(resident.kelurahan_kode)
                    except ValueError:
                        c.kelurahan_digits = ""
            checked.append(c)
        results = transactions.run_write(self.engine if conn is None else conn,
                                         lambda tx: _BatchTx(tx, device, self.media, now).run(checked))
        counts = Counter(r.outcome.value for r in results)
        log.info("batch perangkat=%d item=%d %s", device.id, len(results),
                 " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
        return results


_r = tables.recordings
_HELD_COLUMNS = [c for c in _r.columns if c.name != "payload"]  # what deciding needs of a held row
_INSERTED = [c.name for c in _r.columns if c.name != "id"]
# Built once, each a fixed text whatever the number of keys (`row_sql`).
_HELD = sa.select(*_HELD_COLUMNS).where(sa.or_(
    one_of(_r.c.uuid, "b_uuids"), sa.and_(one_of(_r.c.nik, "b_niks"), _r.c.status.in_(tables.ACTIVE_STATUSES))))
_BLOBS = sa.select(tables.media_blobs).where(one_of(tables.media_blobs.c.sha256, "b_shas"))
_MEDIA_OF = sa.select(tables.recording_media).where(one_of(tables.recording_media.c.recording_id, "b_ids"))
_TARGET_NIKS = sa.select(tables.targets.c.nik).where(one_of(tables.targets.c.nik, "b_niks"))


class _BatchTx:
    """One batch inside one write transaction."""

    def __init__(self, conn: Connection, device: Device, media: MediaStore, now: dt.datetime):
        self.conn = conn
        self.device = device
        self.media = media
        self.now = now
        self.existing: dict[str, dict] = {}  # uuid -> recording row (dict), DB rows
        self.new: dict[str, dict] = {}  # uuid -> new row (dict) of this batch
        self.changed: dict[int, dict] = {}  # id of an existing row -> the same dict, changed
        self.active: dict[str, list[dict]] = {}  # nik -> active rows (existing or new)
        self.blobs: dict[str, dict] = {}  # sha256 -> media_blobs row (existing or new)
        self.new_blobs: dict[str, dict] = {}
        self.media_of: dict[str, list[dict]] = {}  # uuid -> media rows (sha256, kind, mime, size)
        self.touched_niks: set[str] = set()
        self.superseded: dict[str, str] = {}  # uuid replaced in this batch -> uuid of its new version
        self.held: dict[str, Held] = {}  # sha256 -> what the media store holds (files not complete here)
        self.niks: set[str] = set()  # the NIKs of this batch

    def run(self, checked: list[_Checked]) -> list[ItemResult]:
        conn = self.conn
        self.niks = {c.nik for c in checked if c.nik}
        # Workers deciding on the same NIK or file go one after the other (PostgreSQL).
        transactions.lock_keys(conn, [(transactions.NIK_KEY, c.nik) for c in checked]
                               + [(transactions.MEDIA_KEY, m.sha256) for c in checked for m in c.media])
        uuids = {c.item.uuid for c in checked}
        uuids |= {c.item.payload.replaces for c in checked if c.item.payload.replaces}
        niks = sorted(self.niks)
        # The rows held under these UUIDs and the active rows of these NIKs: one query.
        uuid_parts, nik_parts = list(chunks(sorted(uuids))), list(chunks(niks))
        for i in range(max(len(uuid_parts), len(nik_parts))):
            wanted = {"b_uuids": uuid_parts[i] if i < len(uuid_parts) else [],
                      "b_niks": nik_parts[i] if i < len(nik_parts) else []}
            for row in conn.execute(_HELD, wanted).mappings():
                full = self.existing.setdefault(row["uuid"], dict(row))
                if row["nik"] in self.niks and row["status"] in tables.ACTIVE_STATUSES:
                    self.active.setdefault(row["nik"], []).append(full)
        shas = sorted({m.sha256 for c in checked for m in c.media})
        for part in chunks(shas):
            for row in conn.execute(_BLOBS, {"b_shas": part}).mappings():
                self.blobs[row["sha256"]] = dict(row)
        # What the store holds of the files whose upload is under way (a row here, not complete),
        # asked at once (object storage: in parallel). A file with no row has no upload under
        # way: an upload is accepted only for a stored recording's file (`uploads.expected_on`),
        # so it holds nothing and the store is not asked (object storage: a LIST per file).
        self.held = self.media.held_many([s for s in shas if s in self.blobs and not self.blobs[s]["complete"]])
        self._load_media_of([self.existing[u]["id"] for u in uuids if u in self.existing])

        answers: list[tuple[_Checked, ItemOutcome, ItemOutcome | None, dict | None, list[Reason]]] = []
        for c in checked:
            answers.append(self._one(c))
        self._write()
        return [self._result(c, outcome, original, row, reasons)
                for c, outcome, original, row, reasons in answers]

    # -- deciding ------------------------------------------------------------------------

    def _one(self, c: _Checked):
        item = c.item
        if not c.hash_ok:
            reason = _reason(ReasonCodes.PAYLOAD_HASH_MISMATCH, "payload_sha256")
            return c, ItemOutcome.REJECTED, None, None, [reason]
        stored = self.new.get(item.uuid) or self.existing.get(item.uuid)
        if stored is not None:
            reasons = [Reason.model_validate(x) for x in json.loads(stored["reasons"])]
            if stored["payload_sha256"] == item.payload_sha256:
                return c, ItemOutcome.ALREADY_HAVE, ItemOutcome(stored["outcome"]), stored, reasons
            self._park_conflict(item)
            conflict = _reason(ReasonCodes.CONFLICT, "uuid")
            return c, ItemOutcome.CONFLICT, None, stored, [conflict]

        reasons = list(c.blocking)
        predecessor = None
        replaces = item.payload.replaces
        if replaces:
            predecessor = self.new.get(replaces) or self.existing.get(replaces)
            problem = self._replacement_problem(item.uuid, replaces, predecessor)
            if problem is not None:
                reasons.append(problem)
                predecessor = None
        for m in c.media:
            blob = self.blobs.get(m.sha256)
            if blob is not None and blob["size"] != m.size:
                reasons.append(_reason(ReasonCodes.MEDIA_SIZE_MISMATCH, m.kind.value))
        row = self._new_row(c)
        if reasons:
            row["status"] = row["outcome"] = ServerStatus.REJECTED.value
            row["reasons"] = json.dumps([x.model_dump() for x in reasons])
            self.new[item.uuid] = row
            return c, ItemOutcome.REJECTED, None, row, reasons

        others = [o for o in self.active.get(c.nik, []) if o is not predecessor and o["uuid"] != item.uuid]
        if predecessor is not None:
            self._mark_replaced(predecessor, item.uuid)
        reasons = list(c.flags)
        if c.nik and others:
            reasons.append(duplicate_reason())
            for other in others:
                if not _kept_by_admin(other):  # an administrator's verdict sticks
                    self._flag_duplicate(other)
        status = ServerStatus.DUPLICATE_REVIEW if reasons else ServerStatus.ACCEPTED
        row["status"] = row["outcome"] = status.value
        row["reasons"] = json.dumps([x.model_dump() for x in reasons])
        self.new[item.uuid] = row
        self.active.setdefault(c.nik, []).append(row)
        self.touched_niks.add(c.nik)
        self._attach_media(row, c)
        return c, ItemOutcome(status.value), None, row, reasons

    def _replacement_problem(self, uuid: str, replaces: str, predecessor: dict | None) -> Reason | None:
        if replaces == uuid:
            return _reason(ReasonCodes.REPLACES_SELF, "replaces")
        if predecessor is None:
            return _reason(ReasonCodes.REPLACES_UNKNOWN, "replaces")
        if predecessor["device_id"] != self.device.id:
            return _reason(ReasonCodes.REPLACES_OTHER_DEVICE, "replaces")
        if predecessor.get("replaced_by_uuid") not in (None, uuid):
            return _reason(ReasonCodes.REPLACES_ALREADY_REPLACED, "replaces")
        return None

    def _new_row(self, c: _Checked) -> dict:
        p = c.item.payload
        flags = exception_flags(p)
        return {
            "uuid": c.item.uuid,
            "device_id": self.device.id,
            "payload_sha256": c.item.payload_sha256,
            "payload": p.model_dump_json(),
            "nik": c.nik,
            "kelurahan_digits": c.kelurahan_digits,
            "rt": c.rt,
            "replaces_uuid": p.replaces,
            "replaced_by_uuid": None,
            "recording_date": p.recording_date,
            "recorded_at": p.recorded_at,
            "received_at": self.now,
            "received_complete": False,
            "flagged": flags is not None,
            "flags": json.dumps(flags, ensure_ascii=False, sort_keys=True) if flags is not None else None,
            **trip_columns(p.trip),
        }

    def _changed(self, row: dict) -> None:
        if row["uuid"] not in self.new:
            self.changed[row["id"]] = row

    def _mark_replaced(self, row: dict, by_uuid: str) -> None:
        if row["status"] in tables.ACTIVE_STATUSES:
            self.active[row["nik"]] = [o for o in self.active.get(row["nik"], []) if o is not row]
            self.touched_niks.add(row["nik"])
        row["status"] = ServerStatus.REPLACED.value
        row["replaced_by_uuid"] = by_uuid
        self.superseded[row["uuid"]] = by_uuid
        self._changed(row)

    def _flag_duplicate(self, row: dict) -> None:
        reasons = json.loads(row["reasons"])
        if not any(x["code"] == ReasonCodes.DUPLICATE_NIK for x in reasons):
            reasons.append(duplicate_reason().model_dump())
        if row["status"] != ServerStatus.DUPLICATE_REVIEW.value or len(reasons) != len(json.loads(row["reasons"])):
            row["status"] = ServerStatus.DUPLICATE_REVIEW.value
            row["reasons"] = json.dumps(reasons)
            self._changed(row)

    def _park_conflict(self, item: BatchItem) -> None:
        c = tables.conflicts
        exists = self.conn.execute(
            sa.select(c.c.id).where(c.c.uuid == item.uuid, c.c.payload_sha256 == item.payload_sha256)
        ).first()
        if exists is None:
            self.conn.execute(sa.insert(c).values(
                uuid=item.uuid, device_id=self.device.id, payload_sha256=item.payload_sha256,
                payload=item.payload.model_dump_json(), received_at=self.now))

    def _attach_media(self, row: dict, c: _Checked) -> None:
        media = []
        for m in c.media:
            media.append({"sha256": m.sha256, "kind": m.kind.value, "mime": m.mime, "size": m.size})
            if m.sha256 not in self.blobs:
                self.blobs[m.sha256] = self.new_blobs[m.sha256] = {
                    "sha256": m.sha256, "size": m.size, "complete": False, "completed_at": None}
        self.media_of[row["uuid"]] = media
        row["received_complete"] = all(self.blobs[m["sha256"]]["complete"] for m in media)

    def _held(self, sha256: str) -> Held:
        """What the store holds of a file not complete here (nothing, for a file new in this batch)."""
        if sha256 in self.held:
            return self.held[sha256]
        if sha256 in self.new_blobs:
            return NOTHING_HELD
        return self.media.held(sha256)

    def _load_media_of(self, recording_ids: list[int]) -> None:
        by_id = {row["id"]: row["uuid"] for row in self.existing.values()}
        for part in chunks(sorted(set(recording_ids))):
            rows = self.conn.execute(_MEDIA_OF, {"b_ids": part}).mappings()
            for m in rows:
                self.media_of.setdefault(by_id[m["recording_id"]], []).append(
                    {"sha256": m["sha256"], "kind": m["kind"], "mime": m["mime"], "size": m["size"]})
        missing = sorted({m["sha256"] for ms in self.media_of.values() for m in ms} - set(self.blobs))
        for part in chunks(missing):
            for row in self.conn.execute(_BLOBS, {"b_shas": part}).mappings():
                self.blobs[row["sha256"]] = dict(row)

    # -- writing -------------------------------------------------------------------------

    def _write(self) -> None:
        conn = self.conn
        r = tables.recordings
        new_rows = list(self.new.values())
        touched = new_rows + list(self.changed.values())
        seqs = sequences.next_device_seqs(conn, [row["device_id"] for row in touched])
        for row, seq in zip(touched, seqs):
            row["seq"] = seq
        insert_rows(conn, tables.media_blobs, list(self.new_blobs.values()))
        if new_rows:
            # One statement whose RETURNING gives the new ids (no second look-up).
            ids = dict(insert_rows(conn, r, [{k: row[k] for k in _INSERTED} for row in new_rows],
                                   returning=("uuid", "id")))
            for row in new_rows:
                row["id"] = ids[row["uuid"]]
            insert_rows(conn, tables.recording_media, [dict(m, recording_id=ids[uuid])
                                                       for uuid, ms in self.media_of.items()
                                                       if uuid in self.new for m in ms])
        update_rows(conn, r, "id", [{"id": row["id"], "status": row["status"], "reasons": row["reasons"],
                                        "replaced_by_uuid": row["replaced_by_uuid"], "seq": row["seq"]}
                                       for row in self.changed.values()])
        if self.superseded:
            self._dismiss_conflicts()
        bump_targets(conn, self.touched_niks - {""})

    def _dismiss_conflicts(self) -> None:
        """Close the open conflicts this device parked under recordings it has now replaced."""
        c = tables.conflicts
        self.conn.execute(
            sa.update(c).where(c.c.uuid == sa.bindparam("b_uuid"), c.c.device_id == self.device.id,
                               c.c.resolved_at.is_(None))
            .values(resolved_at=self.now, resolution=tables.CONFLICT_DISMISSED, reason=sa.bindparam("b_reason")),
            [{"b_uuid": old, "b_reason": f"Perangkat mengirim versi baru {new} yang menggantikan rekaman ini."}
             for old, new in self.superseded.items()],
        )

    # -- answering -----------------------------------------------------------------------

    def _result(self, c: _Checked, outcome: ItemOutcome, original: ItemOutcome | None,
                row: dict | None, reasons: list[Reason]) -> ItemResult:
        if row is None:
            return ItemResult(uuid=c.item.uuid, outcome=outcome, reasons=reasons)
        media = []
        for m in sorted(self.media_of.get(row["uuid"], []), key=lambda m: (m["kind"], m["sha256"])):
            blob = self.blobs.get(m["sha256"])
            if blob is not None and blob["complete"]:
                media.append(MediaState(sha256=m["sha256"], size=m["size"], kind=m["kind"],
                                        offset=m["size"], complete=True))
            else:
                held = self._held(m["sha256"])
                media.append(MediaState(sha256=m["sha256"], size=m["size"], kind=m["kind"],
                                        offset=min(held.offset, m["size"]), complete=False))
        return ItemResult(uuid=c.item.uuid, outcome=outcome, original=original,
                          status=ServerStatus(row["status"]), reasons=reasons, media=media,
                          received_complete=bool(row["received_complete"]))


def bump_targets(conn: Connection, niks: set[str]) -> None:
    """Give the targets with these NIKs new sequence numbers (their recorded state changed)."""
    if not niks:
        return
    t = tables.targets
    present: list[str] = []
    for part in chunks(sorted(niks)):
        present += [row[0] for row in conn.execute(_TARGET_NIKS, {"b_niks": part})]
    if not present:
        return  # not on the target list: the shared counter is not taken
    sequences.lock_counter(conn, tables.TARGETS_SEQ)
    seqs = sequences.next_seqs(conn, tables.TARGETS_SEQ, len(present))
    update_rows(conn, t, "nik", [{"nik": nik, "seq": seq} for nik, seq in zip(present, seqs)])
