"""What needs a person on the server: parked conflicts and duplicate-NIK groups,
and the administrator's verdict on a duplicate.

- A conflict is a copy of a recording that arrived under a UUID the server
  already held, with other content; intake parked it in ``conflicts`` and left
  the stored copy alone. It stays open until `resolve_conflict` closes it
  (``kept_server``: the server's copy stays, the recording is not touched) or
  its device sends a new version replacing that recording (intake closes it
  as ``dismissed``). Only open conflicts are listed and counted by default.
- A duplicate group is the recordings of one NIK while at least one of them is
  in ``duplicate_review`` (intake flags both sides when a second recording of a
  NIK arrives).
- `resolve_duplicate` gives one recording of a group its verdict: ``accepted``
  (kept) or ``rejected`` with the administrator's reason. The row gets a new
  change sequence number, so the recording's device receives the verdict in
  its next ``GET /status``; the NIK's target row is bumped too (its
  ``recorded_by`` may change).

Used by ``jemput-server review``, ``resolve-duplicate`` and ``resolve-conflict`` (the administrator's
own terminal, which may show NIKs and names) and by the dashboard (counts
only). Nothing here logs a NIK, a name or the reason's text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.core.biometric_content import ContentError, from_content
from app.core.biometric_policy import exceptions_summary
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.findings import Severity, finding
from app.core.repeat import repeat_reason
from sync.protocol import UUID_PATTERN, Reason, ServerStatus
from sync.protocol_reasons import ReasonCodes
from sync.server import clock, sequences, tables, transactions
from sync.server.admin import AdminError
from sync.server.row_sql import chunks

log = logging.getLogger("jemput.server.review")

MAX_REASON_CHARS = 500
"""The longest verdict reason (it travels to the device inside a `Reason`)."""

_UUID_RE = re.compile(UUID_PATTERN)
_REVIEW_CODES = frozenset({ReasonCodes.DUPLICATE_NIK, ReasonCodes.REVIEW_KEPT, ReasonCodes.REVIEW_REJECTED})


def _clean(value: Any) -> str:
    """Text for the administrator's terminal: control characters (e.g. escape
    sequences inside a parked, unvalidated payload) replaced by U+FFFD."""
    text = "" if value is None else str(value)
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _when(moment: dt.datetime | None) -> str | None:
    return moment.replace(microsecond=0).isoformat() + "Z" if moment else None


@dataclass
class ReviewRecording:
    """One stored recording as the administrator sees it."""

    uuid: str
    status: str
    device_id: int
    device_name: str
    recorded_at: str  # the device's own clock, as reported
    received_at: str | None  # the server's clock, UTC
    nik: str
    nama: str
    tanggal_lahir: str
    kelurahan: str
    operator: str
    open: bool  # waiting for a verdict (duplicate_review)
    reasons: list[str] = field(default_factory=list)  # the reason codes (nik.duplicate, recording.date_behind...)
    repeat_reason: str = ""  # why the operator recorded a NIK their laptop already held ('' when not said)


@dataclass
class DuplicateGroup:
    nik: str
    recordings: list[ReviewRecording]

    @property
    def open(self) -> list[ReviewRecording]:
        return [r for r in self.recordings if r.open]


@dataclass
class Conflict:
    """A parked copy of a recording and the stored one it clashes with."""

    id: int
    uuid: str
    device_id: int
    device_name: str
    received_at: str | None
    nik: str
    nama: str
    differs: list[str]  # payload fields where the copies differ, e.g. resident.alamat
    stored: ReviewRecording | None
    open: bool = True
    resolved_at: str | None = None  # server clock, UTC
    resolution: str | None = None  # kept_server | dismissed
    reason: str | None = None


@dataclass
class FlaggedRecording:
    """A recording with an exception for the supervisor: a photo kept although its checks
    failed (reason, failed checks), a thumbprint, a guardian's signature, or none."""

    recording: ReviewRecording
    flags: dict[str, Any]
    summary: list[str]  # Indonesian lines, one per exception


@dataclass
class Review:
    conflicts: list[Conflict] = field(default_factory=list)  # open ones (all with `include_resolved`)
    duplicates: list[DuplicateGroup] = field(default_factory=list)
    include_resolved: bool = False
    flagged: list[FlaggedRecording] = field(default_factory=list)

    @property
    def open_conflicts(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.open]

    def to_json(self) -> dict[str, Any]:
        counts = {"konflik": len(self.open_conflicts), "grup_nik_ganda": len(self.duplicates),
                  "pengecualian": len(self.flagged)}
        if self.include_resolved:
            counts["konflik_selesai"] = len(self.conflicts) - counts["konflik"]
        return {
            "counts": counts,
            "conflicts": [asdict(c) for c in self.conflicts],
            "duplicates": [{"nik": g.nik, "open": len(g.open), "recordings": [asdict(r) for r in g.recordings]}
                           for g in self.duplicates],
            "flagged": [asdict(f) for f in self.flagged],
        }


def _payload(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _resident(payload: dict[str, Any]) -> dict[str, Any]:
    resident = payload.get("resident")
    return resident if isinstance(resident, dict) else {}


def _differs(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    out = []
    for key in sorted(set(a) | set(b)):
        if key == "resident":
            ra, rb = _resident(a), _resident(b)
            out += [f"resident.{k}" for k in sorted(set(ra) | set(rb)) if ra.get(k) != rb.get(k)]
        elif a.get(key) != b.get(key):
            out.append(key)
    return [_clean(x) for x in out]


_REC_COLUMNS = (tables.recordings.c.uuid, tables.recordings.c.status, tables.recordings.c.device_id,
                tables.recordings.c.nik, tables.recordings.c.payload, tables.recordings.c.recorded_at,
                tables.recordings.c.received_at, tables.recordings.c.reasons,
                tables.devices.c.name.label("device_name"))


def _recording(row: Any) -> ReviewRecording:
    payload = _payload(row.payload)
    res = _resident(payload)
    kelurahan = " ".join(str(x) for x in (res.get("kelurahan_kode"), res.get("kelurahan_nama")) if x)
    return ReviewRecording(
        uuid=row.uuid, status=row.status, device_id=row.device_id, device_name=_clean(row.device_name),
        recorded_at=_clean(row.recorded_at), received_at=_when(row.received_at), nik=_clean(row.nik),
        nama=_clean(res.get("nama")), tanggal_lahir=_clean(res.get("tanggal_lahir")), kelurahan=_clean(kelurahan),
        operator=_clean(payload.get("operator")), open=row.status == ServerStatus.DUPLICATE_REVIEW.value,
        reasons=_reason_codes(row.reasons), repeat_reason=_clean(_repeat_reason(payload)))


def _reason_codes(text: str) -> list[str]:
    try:
        return [_clean(x.get("code")) for x in json.loads(text) if isinstance(x, dict)]
    except (ValueError, TypeError):
        return []


def _repeat_reason(payload: dict[str, Any]) -> str:
    """The reason the payload gives for recording a NIK again on the same laptop ('' when none)."""
    acks = payload.get("acknowledgements")
    if not isinstance(acks, list):
        return ""
    return repeat_reason(a for a in acks if isinstance(a, dict)) or ""


def flag_summary(flags: dict[str, Any]) -> list[str]:
    """The exceptions of a recording in words (`app.core.exceptions`, the fingers and eyes by
    `app.core.biometric_policy.exceptions_summary`), for the review."""
    lines = []
    photo = PhotoFlag.from_dict(flags.get("photo"))
    if photo is not None:
        line = photo.summary()
        if photo.failed_checks:
            line += " Gagal: " + ", ".join(photo.failed_checks) + "."
        lines.append(line)
    elif flags.get("photo_exception"):
        lines.append(f"Tanpa foto: {flags['photo_exception']}.")
    signature = SignatureFlag.from_dict(flags.get("signature"))
    if signature is not None:
        lines.append(signature.summary())
    elif flags.get("signature_exception"):
        lines.append(f"Tanpa tanda tangan: {flags['signature_exception']}.")
    biometric = flags.get("biometric_exceptions")
    if isinstance(biometric, dict):
        try:
            line = exceptions_summary(from_content({"slots": biometric}))
        except ContentError:
            line = None  # only a set the intake read is stored; an older row never has one
        if line:
            lines.append(line)
    return [_clean(x) for x in lines]


def _flagged(conn) -> list[FlaggedRecording]:  # noqa: ANN001
    r, d = tables.recordings, tables.devices
    rows = conn.execute(
        sa.select(*_REC_COLUMNS, r.c.flags).join(d, d.c.id == r.c.device_id)
        .where(r.c.flagged.is_(True), r.c.status != ServerStatus.REPLACED.value)
        .order_by(r.c.received_at, r.c.id))
    out = []
    for row in rows:
        flags = _payload(row.flags or "{}")
        out.append(FlaggedRecording(_recording(row), flags, flag_summary(flags)))
    return out


def _open_niks(conn) -> list[str]:  # noqa: ANN001
    r = tables.recordings
    return [n for (n,) in conn.execute(
        sa.select(r.c.nik).where(r.c.status == ServerStatus.DUPLICATE_REVIEW.value).distinct().order_by(r.c.nik))]


def review(engine: Engine, *, include_resolved: bool = False) -> Review:
    """Everything waiting for the administrator (NIKs and names included);
    `include_resolved` lists closed conflicts too."""
    r, d, c = tables.recordings, tables.devices, tables.conflicts
    out = Review(include_resolved=include_resolved)
    with engine.connect() as conn:
        out.flagged = _flagged(conn)
        niks = _open_niks(conn)
        groups: dict[str, list[ReviewRecording]] = {n: [] for n in niks}
        for part in chunks(niks):
            rows = conn.execute(
                sa.select(*_REC_COLUMNS).join(d, d.c.id == r.c.device_id)
                .where(r.c.nik.in_(part), r.c.status != ServerStatus.REPLACED.value)
                .order_by(r.c.nik, r.c.received_at, r.c.id))
            for row in rows:
                groups[row.nik].append(_recording(row))
        out.duplicates = [DuplicateGroup(n, recs) for n, recs in groups.items()]

        query = (sa.select(c.c.id, c.c.uuid, c.c.device_id, c.c.payload, c.c.received_at, c.c.resolved_at,
                           c.c.resolution, c.c.reason, d.c.name.label("device_name"))
                 .join(d, d.c.id == c.c.device_id).order_by(c.c.received_at, c.c.id))
        if not include_resolved:
            query = query.where(c.c.resolved_at.is_(None))
        parked = conn.execute(query).all()
        stored: dict[str, Any] = {}
        for part in chunks(sorted({p.uuid for p in parked})):
            for row in conn.execute(sa.select(*_REC_COLUMNS).join(d, d.c.id == r.c.device_id)
                                    .where(r.c.uuid.in_(part))):
                stored[row.uuid] = row
    for p in parked:
        payload = _payload(p.payload)
        res = _resident(payload)
        held = stored.get(p.uuid)
        out.conflicts.append(Conflict(
            id=p.id, uuid=p.uuid, device_id=p.device_id, device_name=_clean(p.device_name),
            received_at=_when(p.received_at), nik=_clean(res.get("nik")), nama=_clean(res.get("nama")),
            differs=_differs(_payload(held.payload), payload) if held is not None else [],
            stored=_recording(held) if held is not None else None,
            open=p.resolved_at is None, resolved_at=_when(p.resolved_at),
            resolution=p.resolution, reason=_clean(p.reason) if p.reason is not None else None))
    return out


def open_conflicts(conn) -> int:  # noqa: ANN001
    """How many parked conflicts wait for the administrator."""
    c = tables.conflicts
    return conn.execute(sa.select(sa.func.count()).select_from(c).where(c.c.resolved_at.is_(None))).scalar_one()


def review_counts(engine: Engine) -> dict[str, int]:
    """Open conflicts, duplicate-NIK groups and recordings with an exception (numbers only, for the dashboard)."""
    r = tables.recordings
    with engine.connect() as conn:
        conflicts = open_conflicts(conn)
        groups = conn.execute(
            sa.select(sa.func.count(sa.distinct(r.c.nik)))
            .where(r.c.status == ServerStatus.DUPLICATE_REVIEW.value)).scalar_one()
        flagged = conn.execute(
            sa.select(sa.func.count()).select_from(r)
            .where(r.c.flagged.is_(True), r.c.status != ServerStatus.REPLACED.value)).scalar_one()
    return {"konflik": conflicts, "grup_nik_ganda": groups, "pengecualian": flagged}


# --------------------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class Resolution:
    uuid: str
    status: str  # the new status: accepted or rejected
    device_id: int
    device_name: str
    seq: int
    still_open: list[str]  # UUIDs of the same NIK still waiting for a verdict


def check_uuid(text: str) -> str:
    uuid = (text or "").strip().lower()
    if not _UUID_RE.match(uuid):
        raise AdminError("UUID rekaman tidak valid (contoh: 3f2b8c1e-6a4d-4e8b-9c1a-2b3c4d5e6f70)")
    return uuid


def check_reason(text: str | None, *, required: bool,
                 missing: str = "alasan penolakan wajib diisi (--reason \"...\")") -> str:
    """The reason as stored: whitespace folded; refused when empty (if
    `required`, with the words `missing`), too long or holding control characters."""
    reason = " ".join((text or "").split())
    if not reason:
        if required:
            raise AdminError(missing)
        return ""
    if len(reason) > MAX_REASON_CHARS:
        raise AdminError(f"alasan terlalu panjang ({len(reason)} karakter; maksimal {MAX_REASON_CHARS})")
    if any(unicodedata.category(ch) == "Cc" for ch in reason):
        raise AdminError("alasan memuat karakter kendali; tulis teks biasa saja")
    return reason


def _verdict_reason(keep: bool, reason: str) -> Reason:
    """The administrator's verdict as a reason: code + the note, worded by the catalogue (app/core/messages.py)."""
    if keep:
        note = {"note": reason} if reason else {}
        return Reason.of(finding(ReasonCodes.REVIEW_KEPT, "nik", Severity.WARNING, **note))
    return Reason.of(finding(ReasonCodes.REVIEW_REJECTED, "nik", Severity.ERROR, note=reason))


def resolve_duplicate(engine: Engine, uuid: str, *, keep: bool, reason: str | None = None) -> Resolution:
    """Accept (`keep`) or reject (with `reason`) a recording waiting in
    ``duplicate_review``. Raises `AdminError` (nothing changed) for a bad or
    unknown UUID, a recording not waiting for review, or a bad reason."""
    from sync.server.intake import bump_targets  # the intake module is heavy; only here

    uuid = check_uuid(uuid)
    reason = check_reason(reason, required=not keep)
    r, d = tables.recordings, tables.devices
    status = ServerStatus.ACCEPTED if keep else ServerStatus.REJECTED
    with transactions.write_transaction(engine) as conn:
        # The NIK's lock first, as the intake takes it, so a batch deciding on the same
        # NIK in another worker sees this verdict or the state before it, never half.
        nik = conn.execute(sa.select(r.c.nik).where(r.c.uuid == uuid)).scalar()
        transactions.lock_keys(conn, [(transactions.NIK_KEY, nik or "")])
        row = conn.execute(
            sa.select(r.c.id, r.c.status, r.c.nik, r.c.reasons, r.c.device_id, d.c.name)
            .join(d, d.c.id == r.c.device_id).where(r.c.uuid == uuid)).first()
        if row is None:
            raise AdminError(f"rekaman {uuid} tidak ditemukan di server")
        if row.status != ServerStatus.DUPLICATE_REVIEW.value:
            raise AdminError(f"rekaman {uuid} tidak sedang menunggu tinjauan NIK ganda "
                             f"(statusnya {row.status}); tidak ada yang diubah")
        try:
            kept = [x for x in json.loads(row.reasons) if x.get("code") not in _REVIEW_CODES]
        except (ValueError, AttributeError):
            kept = []
        reasons = (kept if keep else []) + [_verdict_reason(keep, reason).model_dump()]
        [seq] = sequences.next_device_seqs(conn, [row.device_id])
        conn.execute(sa.update(r).where(r.c.id == row.id).values(
            status=status.value, reasons=json.dumps(reasons), seq=seq))
        bump_targets(conn, {row.nik} - {""})
        still_open = [u for (u,) in conn.execute(
            sa.select(r.c.uuid).where(r.c.nik == row.nik, r.c.status == ServerStatus.DUPLICATE_REVIEW.value)
            .order_by(r.c.received_at, r.c.id))]
    log.info("tinjauan admin: rekaman %s -> %s (perangkat %d)", uuid, status.value, row.device_id)
    return Resolution(uuid, status.value, row.device_id, _clean(row.name), seq, still_open)


# --------------------------------------------------------------------------- closing conflicts

MAX_CONFLICT_ID = 2**31 - 1  # the column is a 32-bit integer on PostgreSQL


@dataclass(frozen=True)
class ConflictResolution:
    ids: list[int]  # the conflicts closed (every open one of the UUID, when a UUID was given)
    uuid: str
    resolution: str
    device_ids: list[int]


def _conflict_ref(text: str) -> int | str:
    """A conflict ID (digits) or a recording UUID, as the administrator typed it."""
    ref = (text or "").strip()
    if ref.isascii() and ref.isdigit():
        number = int(ref)
        if not 1 <= number <= MAX_CONFLICT_ID:
            raise AdminError(f"konflik {ref[:20]} tidak ditemukan di server")
        return number
    try:
        return check_uuid(ref)
    except AdminError:
        raise AdminError("sebut ID konflik (angka) atau UUID rekaman, seperti yang ditampilkan "
                         "jemput-server review") from None


def resolve_conflict(engine: Engine, ref: str, *, reason: str | None) -> ConflictResolution:
    """Close a parked conflict: the server's copy stays (``kept_server``).

    `ref` is a conflict ID, or a recording UUID (then every open conflict of
    that recording is closed). Nothing about the stored recording changes: no
    new change sequence number, so the devices hear nothing. Raises
    `AdminError` (nothing changed) for an unknown or already closed conflict
    and for a missing, too long or control-character reason.
    """
    target = _conflict_ref(ref)
    reason = check_reason(reason, required=True,
                          missing="alasan wajib diisi (--reason \"...\"), mis. mengapa salinan server yang dipakai")
    c = tables.conflicts
    with transactions.write_transaction(engine) as conn:
        where = c.c.id == target if isinstance(target, int) else c.c.uuid == target
        rows = conn.execute(sa.select(c.c.id, c.c.uuid, c.c.device_id, c.c.resolved_at, c.c.resolution)
                            .where(where).order_by(c.c.id).with_for_update()).all()
        if not rows:
            raise AdminError(f"konflik {target} tidak ditemukan di server")
        open_rows = [row for row in rows if row.resolved_at is None]
        if not open_rows:
            last = rows[-1]
            raise AdminError(f"konflik {target} sudah diselesaikan ({last.resolution}, {_when(last.resolved_at)}); "
                             "tidak ada yang diubah")
        ids = [row.id for row in open_rows]
        done = conn.execute(sa.update(c).where(c.c.id.in_(ids), c.c.resolved_at.is_(None)).values(
            resolved_at=clock.utcnow(), resolution=tables.CONFLICT_KEPT_SERVER, reason=reason))
        if done.rowcount != len(ids):  # another administrator was quicker: roll back
            raise AdminError(f"konflik {target} baru saja diubah orang lain; periksa lagi dengan jemput-server review")
    uuid = open_rows[0].uuid
    devices = sorted({row.device_id for row in open_rows})
    log.info("konflik %s (rekaman %s) ditutup: %s", ",".join(map(str, ids)), uuid, tables.CONFLICT_KEPT_SERVER)
    return ConflictResolution(ids, uuid, tables.CONFLICT_KEPT_SERVER, devices)
