"""The Jemput sync wire format: the one definition both client and server import.

Everything a laptop and the central server say to each other is defined here:
the protocol version and its header, the paths, the request/response models
(pydantic v2, no FastAPI, no Qt, no SQLite), canonical JSON and payload
hashing, media descriptors, the item outcomes of a batch, and the numbered
problem catalogue (like ODK Central's ``lib/util/problem.js``).

How a client uses it (the outbox pump):

1. ``POST /devices/register`` with an `EnrollmentRequest` (the one-time code the
   admin printed) -> `EnrollmentResponse` with the device token. Every later
   call sends ``Authorization: Bearer <token>`` and ``X-Jemput-Protocol``
   (`PROTOCOL_HEADER` = `PROTOCOL_VERSION`).
2. ``POST /recordings/batch`` with a `BatchRequest` of `BatchItem`s built by
   `build_item` (it hashes the canonical payload). The answer has one
   `ItemResult` per item, in order: see `ItemOutcome`. Each result lists the
   media the server expects (`MediaState`) and how much of each it holds.
3. For each expected media not ``complete``: ``HEAD /media/{sha256}`` gives the
   offset held (`OFFSET_HEADER`); ``PUT`` (or ``PATCH``) the rest in chunks of
   at most ``Capabilities.max_chunk_bytes`` with the offset in `OFFSET_HEADER`.
   A 409 carries the server's offset in ``details.offset``: resume from there.
   Small whole files (none of their bytes held yet) may instead travel several
   at a time: ``POST /media-bundle`` with a body made by `encode_bundle` (at
   most ``Capabilities.max_bundle_bytes``; 0 means the server takes no
   bundles). The answer (`BundleResponse`) has one `BundleItem` per file, in
   order; a file that failed (e.g. damaged on the way) names its problem and
   is sent again the resumable way.
4. ``GET /status?since=CURSOR`` returns `StatusFeed`: verification results of
   this device's recordings; keep ``next_cursor`` for the next call.
   ``GET /targets?since=CURSOR`` returns `TargetFeed` for the device's area.

Every error is a `ProblemBody` JSON (`PROBLEMS` lists them all) with a stable
numbered code, an Indonesian message and its English text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, Mapping

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, \
    model_validator

from sync.protocol_biometrics import BiometricsData

# --------------------------------------------------------------------------- version

PROTOCOL_MAJOR = 1
PROTOCOL_MINOR = 3
# 1.1: media bundles (Capabilities.max_bundle_bytes), Reason.params (optional).
# 1.2: EnrollmentRequest.nonce (a registration retried after a lost reply); visit outcomes in a batch
#      (BatchRequest.outcomes, BatchResponse.outcomes), offered by a server whose Capabilities.visit_outcomes
#      is true; a client sends none to a server without it.
#      RecordingPayload.trip and VisitOutcomeItem.trip (optional, absent when empty): the trip
#      (kunjungan) it was made on; an older server ignores them (unknown fields are ignored and
#      a recording's hash is taken over the JSON as sent).
# 1.3: the audit trail (POST /audit, `AuditPush`), offered by a server whose Capabilities.audit_trail is true.
#      Fingers and irises (optional, no version change): RecordingPayload.biometrics and the biometric
#      MediaKinds, offered by a server whose Capabilities.biometrics is true (a client sends a recording
#      that has them only to such a server; Capabilities.media_kinds keeps listing photo and signature
#      only, which older clients can read); Capabilities.biometric_policy; problem 422.6.
#      Optional, no version change (sync/protocol_caps.py): the capabilities' tag on every answer
#      (X-Jemput-Caps), the capabilities in the registration's answer, Capabilities.gzip_requests.
PROTOCOL_VERSION = f"{PROTOCOL_MAJOR}.{PROTOCOL_MINOR}"
"""Sent by the client in `PROTOCOL_HEADER`. A different major version is refused
(426); a newer minor version only adds optional fields, which older peers ignore."""

PROTOCOL_HEADER = "X-Jemput-Protocol"
AUTH_HEADER = "Authorization"
OFFSET_HEADER = "Upload-Offset"  # bytes of a media file the server holds / where a chunk starts
LENGTH_HEADER = "Upload-Length"  # the declared total size of a media file
COMPLETE_HEADER = "Upload-Complete"  # "1" when the server holds the whole, verified file

_VERSION_RE = re.compile(r"^\s*(\d{1,4})(?:\.(\d{1,4}))?\s*$")


def parse_protocol_version(text: str | None) -> tuple[int, int]:
    """``"1"`` or ``"1.0"`` -> ``(1, 0)``; raises ValueError for anything else."""
    match = _VERSION_RE.match(text or "")
    if not match:
        raise ValueError("versi protokol tidak dapat dibaca")
    return int(match.group(1)), int(match.group(2) or 0)


def is_compatible(text: str | None) -> bool:
    """Whether a peer speaking version `text` can talk to this one (same major)."""
    try:
        return parse_protocol_version(text)[0] == PROTOCOL_MAJOR
    except ValueError:
        return False


# --------------------------------------------------------------------------- paths

class Paths:
    """The server's endpoints (relative to its base URL)."""

    HEALTH = "/health"
    CAPABILITIES = "/capabilities"
    REGISTER = "/devices/register"
    ME = "/devices/me"
    BATCH = "/recordings/batch"
    MEDIA = "/media/{sha256}"
    MEDIA_BUNDLE = "/media-bundle"
    STATUS = "/status"
    TARGETS = "/targets"
    DASHBOARD = "/dashboard"
    AUDIT = "/audit"

    @staticmethod
    def media(sha256: str) -> str:
        return f"/media/{sha256}"


# --------------------------------------------------------------------------- limits

# Hard ceilings of this protocol version; a server advertises its own (lower or
# equal) limits in `Capabilities` and the client must respect those.
MAX_BATCH_ITEMS = 500
MAX_MEDIA_PER_RECORDING = 32  # photo, signature, 12 ISO records or proof photos (8 before biometrics)
MAX_ACKNOWLEDGEMENTS = 64
MAX_FEED_PAGE = 5000

DEFAULT_MAX_BATCH_ITEMS = 100
DEFAULT_MAX_MEDIA_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_CHUNK_BYTES = 512 * 1024
DEFAULT_MAX_BUNDLE_BYTES = 2 * 1024 * 1024
MAX_BUNDLE_FILES = 64
BUNDLE_CONTENT_TYPE = "application/x-jemput-bundle"

# --------------------------------------------------------------------------- hashing

SHA256_PATTERN = r"^[0-9a-f]{64}$"
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_SHA256_RE = re.compile(SHA256_PATTERN)


def canonical_json(value: Any) -> bytes:
    """The canonical bytes of a JSON value: what a payload hash is computed over.

    Keys sorted (by code point), no whitespace (``,`` and ``:`` separators),
    non-ASCII characters kept as they are and encoded as UTF-8, no NaN or
    Infinity. Payloads carry no floats, so number formatting never differs.
    """
    return _CANONICAL.encode(value).encode("utf-8")


# One encoder for every payload (`json.dumps` with these options would build one per call);
# `encode` keeps no state between calls, so threads share it.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def payload_sha256(payload: Mapping[str, Any] | "RecordingPayload") -> str:
    """SHA-256 (lower-case hex) of a payload's canonical JSON.

    Hash the JSON-mode dict exactly as it is sent: the server recomputes the
    hash over the JSON object it received, not over its own parsed model.
    """
    if isinstance(payload, BaseModel):
        payload = payload.model_dump(mode="json")
    return sha256_hex(canonical_json(payload))


def is_sha256(text: str) -> bool:
    return bool(_SHA256_RE.match(text or ""))


# --------------------------------------------------------------------------- models

Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN, description="SHA-256, 64 lower-case hex digits")]
Uuid = Annotated[str, Field(pattern=UUID_PATTERN, description="client UUID, lower-case, with hyphens")]
ShortText = Annotated[str, Field(max_length=200)]


def _iso_date(value: Any) -> Any:
    # Dates travel as ISO text only: refuse numbers (pydantic's lax mode would
    # read them as Unix timestamps).
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("tanggal harus berformat YYYY-MM-DD") from None
    raise ValueError("tanggal harus berupa teks YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _iso_moment(value: Any) -> Any:
    # A moment travels as ISO 8601 text with its offset only (no Unix numbers, no local times).
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("waktu harus berformat ISO 8601 dengan zona waktu") from None
    if not isinstance(value, dt.datetime):
        raise ValueError("waktu harus berupa teks ISO 8601 dengan zona waktu")
    if value.tzinfo is None:
        raise ValueError("waktu harus dengan zona waktu")
    return value


IsoMoment = Annotated[dt.datetime, BeforeValidator(_iso_moment)]


def _integer(value: Any) -> Any:
    # Integers only: no text ("1") and no booleans. 1.0 is the same JSON number
    # as 1 (JSON Schema calls it an integer), so it is read as 1.
    if isinstance(value, bool) or isinstance(value, str):
        raise ValueError("harus berupa bilangan bulat")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Int = Annotated[int, BeforeValidator(_integer)]


class _Model(BaseModel):
    # Text fields take text only and integer fields integers only (`Int`):
    # a wrong type is a 422 with the field named, never a silent conversion.
    # Unknown fields are ignored, so a newer minor version can add optional
    # fields without breaking older peers.
    model_config = ConfigDict(extra="ignore")


class MediaKind(str, Enum):
    """What a media file is. (1.3, optional) The ISO record of each finger (by ISO position) and
    eye, and the proof-of-exception photo of each (`app.core.biometric_content`; a test keeps
    the two lists equal), only to a server whose `Capabilities.biometrics` is true."""

    PHOTO = "photo"
    SIGNATURE = "signature"
    FINGER_01 = "finger_01"
    FINGER_02 = "finger_02"
    FINGER_03 = "finger_03"
    FINGER_04 = "finger_04"
    FINGER_05 = "finger_05"
    FINGER_06 = "finger_06"
    FINGER_07 = "finger_07"
    FINGER_08 = "finger_08"
    FINGER_09 = "finger_09"
    FINGER_10 = "finger_10"
    IRIS_RIGHT = "iris_right"
    IRIS_LEFT = "iris_left"
    PROOF_FINGER_01 = "proof_finger_01"
    PROOF_FINGER_02 = "proof_finger_02"
    PROOF_FINGER_03 = "proof_finger_03"
    PROOF_FINGER_04 = "proof_finger_04"
    PROOF_FINGER_05 = "proof_finger_05"
    PROOF_FINGER_06 = "proof_finger_06"
    PROOF_FINGER_07 = "proof_finger_07"
    PROOF_FINGER_08 = "proof_finger_08"
    PROOF_FINGER_09 = "proof_finger_09"
    PROOF_FINGER_10 = "proof_finger_10"
    PROOF_IRIS_RIGHT = "proof_iris_right"
    PROOF_IRIS_LEFT = "proof_iris_left"


class ItemOutcome(str, Enum):
    """What the server did with one batch item.

    accepted: stored and valid. already_have: the same UUID with the same
    payload hash arrived before; the original answer is replayed (``original``
    says what it was) and nothing changes. conflict: the same UUID with a
    different payload; the new copy is parked for an administrator and the
    server's copy is never overwritten (the client should park the entry).
    duplicate_review: stored, but the NIK was recorded by another recording;
    both are kept and flagged. rejected: the server's validation failed (see
    ``reasons``); fix it and send a new version that ``replaces`` this one.
    """

    ACCEPTED = "accepted"
    ALREADY_HAVE = "already_have"
    CONFLICT = "conflict"
    DUPLICATE_REVIEW = "duplicate_review"
    REJECTED = "rejected"


class ServerStatus(str, Enum):
    """A stored recording's status on the server (reported in the status feed).

    ``replaced``: a newer version (named in ``replaced_by``) superseded it.
    The first three match `app.core.lifecycle.RecordingStatus` values.
    """

    ACCEPTED = "accepted"
    DUPLICATE_REVIEW = "duplicate_review"
    REJECTED = "rejected"
    REPLACED = "replaced"


MAX_REASON_PARAMS = 10
ReasonParams = Annotated[
    dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=200)]],
    Field(max_length=MAX_REASON_PARAMS),
]
"""A reason's params: at most 10 entries, keys up to 40 characters, values up to 200."""


class Reason(_Model):
    """Why a recording was rejected or flagged: the shape of `app.core.findings.Finding`."""

    code: str = Field(max_length=100)
    field: str = Field(max_length=100)
    severity: Literal["error", "warning"]
    message: str = Field(max_length=1000)
    params: ReasonParams = Field(
        default_factory=dict,
        description="(1.1, optional) the values written into `message` (`Finding.params`), so a "
                    "peer can show the reason in its own language; older peers ignore it")

    @classmethod
    def of(cls, finding: Any) -> "Reason":
        """From an `app.core.findings.Finding` (or anything with ``to_dict``).

        Params beyond the limits are left out (the message still says it all).
        """
        data = dict(finding.to_dict())
        params = data.get("params") or {}
        if len(params) > MAX_REASON_PARAMS or any(
                len(str(k)) > 40 or len(str(v)) > 200 for k, v in params.items()):
            data.pop("params", None)
        return cls.model_validate(data)


class Acknowledgement(_Model):
    """The operator's confirmation of a warning, travelling with the record."""

    code: str = Field(max_length=100)
    field: str = Field(max_length=100)
    reason: str = Field(max_length=500)


class MediaDescriptor(_Model):
    """A media file that belongs to a recording (its bytes travel separately)."""

    sha256: Sha256
    size: Int = Field(ge=1, le=2**40)
    kind: MediaKind
    mime: str = Field(default="application/octet-stream", max_length=100,
                      pattern=r"^[a-z]+/[a-z0-9.+-]+$")


def media_descriptor(kind: MediaKind | str, data: bytes, mime: str = "image/jpeg") -> MediaDescriptor:
    """The descriptor of a media file held in memory."""
    return MediaDescriptor(sha256=sha256_hex(data), size=len(data), kind=MediaKind(kind), mime=mime)


_CODE = Annotated[int, Field(ge=0, le=999), BeforeValidator(_integer)]  # constraints first: kept in the JSON schema


class ResidentData(_Model):
    """The resident's biodata in the JSON form of `app.core.resident.Resident.to_dict`.

    Enumerated values are SIAK codes, dates ISO strings; region codes dotted.
    Types are checked here (422 when wrong); meanings (valid codes, NIK vs birth
    date, regions) are checked by the server's validation (``rejected``).
    """

    nik: str = Field(default="", max_length=32)
    no_kk: str = Field(default="", max_length=32)
    nama: ShortText = ""
    tempat_lahir: ShortText = ""
    tanggal_lahir: IsoDate | None = None
    tanggal_lahir_presisi: Literal["exact", "month", "year"] = "exact"
    jenis_kelamin: Literal["L", "P"] | None = None
    golongan_darah: _CODE | None = None
    alamat: str = Field(default="", max_length=500)
    rt: str = Field(default="", max_length=8)
    rw: str = Field(default="", max_length=8)
    provinsi_kode: str = Field(default="", max_length=20)
    provinsi_nama: ShortText = ""
    kabupaten_kode: str = Field(default="", max_length=20)
    kabupaten_nama: ShortText = ""
    kecamatan_kode: str = Field(default="", max_length=20)
    kecamatan_nama: ShortText = ""
    kelurahan_kode: str = Field(default="", max_length=20)
    kelurahan_nama: ShortText = ""
    agama: _CODE | None = None
    status_perkawinan: _CODE | None = None
    pekerjaan: _CODE | None = None
    kewarganegaraan: Literal["WNI", "WNA"] = "WNI"
    pendidikan: _CODE | None = None
    hubungan_keluarga: _CODE | None = None
    nama_ayah: ShortText = ""
    nama_ibu: ShortText = ""
    disabilitas: list[_CODE] = Field(default_factory=list, max_length=10)
    telepon: str = Field(default="", max_length=32)
    catatan: str = Field(default="", max_length=2000)


class PhotoFlag(_Model):
    """A photo kept with an exception (the resident cannot sit up or hold the head straight).

    The values are judged by `app.core.exceptions` on both ends (a reason outside
    the list is refused by the intake's check, not here).
    """

    reason: str | None = Field(default=None, max_length=40)
    text: str = Field(default="", max_length=200)
    failed_checks: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=20)


class SignatureFlag(_Model):
    """How a resident who did not sign by hand gave consent: cap jempol, a guardian's signature, or none."""

    mode: str | None = Field(default=None, max_length=40)
    guardian_name: str = Field(default="", max_length=200)
    guardian_relation: str | None = Field(default=None, max_length=40)
    reason: str = Field(default="", max_length=200)


# Fields added after version 1 that are left out of the JSON while empty, so a
# recording without them hashes exactly as before (a resend stays a replay).
_OMITTED_WHEN_EMPTY = ("photo_flag", "signature_flag", "trip", "biometrics")

TRIP_TYPES = ("rumah", "sekolah", "lapas", "perusahaan", "perbatasan")
"""The values of `app.core.trips.TripType` (the rules live there; tests keep the two equal)."""
TripTypeValue = Literal["rumah", "sekolah", "lapas", "perusahaan", "perbatasan"]


class TripRef(_Model):
    """(1.2, optional) The trip (kunjungan) a recording or a visit outcome was made on."""

    id: Uuid
    name: str = Field(min_length=1, max_length=100)
    type: TripTypeValue


class RecordingPayload(_Model):
    """One completed recording: what the payload hash covers.

    Attributes:
        resident: the biodata (`ResidentData`).
        recording_date: the day the recording was made, as the device recorded
            it; the server validates against this date (eligibility, age).
        recorded_at: the device's timestamp as reported (ISO 8601 text; laptop
            clocks lie, so the server keeps its own receive time too).
        operator: the operator's user name on the laptop.
        acknowledgements: warnings the operator confirmed, with reasons.
        photo_exception / signature_exception: why there is no photo/signature.
        media: descriptors of the photo and signature files.
        replaces: the UUID of the recording this version corrects (like ODK's
            deprecatedID); the old one is kept and marked ``replaced``.
        photo_flag / signature_flag: a photo kept with an exception, a thumbprint
            or a guardian's signature (optional; absent from the JSON when empty,
            so older peers and older hashes are unaffected).
        trip: the trip (kunjungan) it was recorded on (optional, absent when empty).
        biometrics: (1.3, optional, absent when empty) the fingers and irises
            (`sync.protocol_biometrics.BiometricsData`); their ISO records and
            proof photos are in ``media``.
    """

    resident: ResidentData
    recording_date: IsoDate
    recorded_at: str = Field(default="", max_length=40)
    operator: str = Field(default="", max_length=100)
    acknowledgements: list[Acknowledgement] = Field(default_factory=list, max_length=MAX_ACKNOWLEDGEMENTS)
    photo_exception: str | None = Field(default=None, max_length=500)
    signature_exception: str | None = Field(default=None, max_length=500)
    media: list[MediaDescriptor] = Field(default_factory=list, max_length=MAX_MEDIA_PER_RECORDING)
    replaces: Uuid | None = None
    app_version: str | None = Field(default=None, max_length=40)
    photo_flag: PhotoFlag | None = None
    signature_flag: SignatureFlag | None = None
    trip: TripRef | None = None
    biometrics: BiometricsData | None = None

    @model_serializer(mode="wrap")
    def _omit_empty_flags(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        for key in _OMITTED_WHEN_EMPTY:
            if data.get(key) is None:
                data.pop(key, None)
        return data


class BatchItem(_Model):
    """One recording in a batch, keyed by its client UUID.

    ``payload_sha256`` is `payload_sha256` of ``payload`` as sent.
    """

    uuid: Uuid
    payload_sha256: Sha256
    payload: RecordingPayload


def build_item(uuid: str, payload: RecordingPayload) -> dict[str, Any]:
    """A batch item as the JSON-ready dict to send (payload hashed canonically)."""
    body = payload.model_dump(mode="json")
    return {"uuid": uuid, "payload_sha256": payload_sha256(body), "payload": body}


VISIT_OUTCOMES = ("direkam", "tidak_di_rumah", "menolak", "pindah", "meninggal", "kunjungan_ulang",
                  "rekam_di_tempat_lain")
"""The values of `app.core.outcomes.Outcome` (the rules for them live there; tests keep the two equal)."""
VisitOutcomeValue = Literal["direkam", "tidak_di_rumah", "menolak", "pindah", "meninggal", "kunjungan_ulang",
                            "rekam_di_tempat_lain"]


class VisitOutcomeItem(_Model):
    """(1.2) What a team found at a target's door, keyed by its client UUID (sent once, kept once).

    ``visited_at``: when it was set, by the device's clock (ISO 8601 with offset).
    ``revisit_date``: only for ``kunjungan_ulang``, not before the visit day.
    ``recording_uuid``: only for ``direkam``, the recording of that NIK.
    """

    uuid: Uuid
    nik: str = Field(pattern=r"^[0-9]{16}$")
    outcome: VisitOutcomeValue
    visited_at: dt.datetime
    operator: str = Field(default="", max_length=100)
    revisit_date: IsoDate | None = None
    note: str = Field(default="", max_length=500)
    recording_uuid: Uuid | None = None
    trip: TripRef | None = None

    @model_serializer(mode="wrap")
    def _omit_empty_trip(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("trip") is None:
            data.pop("trip", None)  # absent when empty: an outcome without a trip hashes as before
        return data


class BatchRequest(_Model):
    """Recordings (``items``) and, from 1.2, visit outcomes (``outcomes``): at least one of either."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"anyOf": [
        {"required": ["items"], "properties": {"items": {"minItems": 1}}},
        {"required": ["outcomes"], "properties": {"outcomes": {"minItems": 1}}},
    ]})

    items: list[BatchItem] = Field(default_factory=list, max_length=MAX_BATCH_ITEMS)
    outcomes: list[VisitOutcomeItem] = Field(
        default_factory=list, max_length=MAX_BATCH_ITEMS,
        description="(1.2, optional) visit outcomes; only to a server whose capabilities offer them")

    @model_validator(mode="after")
    def _not_empty(self) -> "BatchRequest":
        if not self.items and not self.outcomes:
            raise ValueError("kiriman kosong: tidak ada rekaman atau hasil kunjungan")
        return self


class MediaState(_Model):
    """What the server holds of one media file."""

    sha256: Sha256
    size: int
    kind: MediaKind | None = None
    offset: int = Field(description="bytes the server holds; resume uploading from here")
    complete: bool = Field(description="the whole file is held and its SHA-256 verified")


class ItemResult(_Model):
    """The server's answer for one batch item (same order as the request).

    Attributes:
        outcome: see `ItemOutcome`.
        original: for ``already_have``, the outcome of the first delivery.
        status: the stored recording's current status (None when the item was
            not stored, e.g. a payload hash mismatch).
        reasons: why it was rejected / flagged / in conflict.
        media: the media the server expects for this recording and what it holds.
        received_complete: the record and all its media are held.
    """

    uuid: str
    outcome: ItemOutcome
    original: ItemOutcome | None = None
    status: ServerStatus | None = None
    reasons: list[Reason] = Field(default_factory=list)
    media: list[MediaState] = Field(default_factory=list)
    received_complete: bool = False


class OutcomeResult(_Model):
    """(1.2) The server's answer for one visit outcome (same order as the request).

    accepted: stored now. already_have: the same UUID with the same content was
    stored before (nothing changes). conflict: the UUID is held with other
    content; the server's copy is kept.
    """

    uuid: str
    outcome: Literal["accepted", "already_have", "conflict"]


class BatchResponse(_Model):
    results: list[ItemResult]
    server_time: dt.datetime
    outcomes: list[OutcomeResult] = Field(default_factory=list, description="(1.2) one per visit outcome sent")


class EnrollmentRequest(_Model):
    enrollment_code: str = Field(min_length=1, max_length=64)
    device_label: str | None = Field(default=None, max_length=100,
                                     description="free text, e.g. the laptop's host name")
    previous_token: str | None = Field(
        default=None, max_length=200,
        description="(1.1) the token this laptop held before, revoked or not: the server moves that "
                    "device's recordings to the new one, so half-sent media can still be finished")
    nonce: str | None = Field(
        default=None, min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
        description="(1.2) a random one-time value the laptop keeps until registration succeeds: when the "
                    "answer was lost, the same code with the same nonce within REGISTRATION_RETRY_HOURS, "
                    "before the token was ever used, gets the same device back (with a new token)")
    signing_key: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9+/]{43}=$",
        description="(optional) the device's Ed25519 public key (raw 32 bytes, base64) with which it signs "
                    "hand-carried bundles (sync/bundle.py); a server that knows no bundles ignores it")


class DeviceInfo(_Model):
    device_id: int
    name: str
    area_kode: str


class EnrollmentResponse(DeviceInfo):
    token: str = Field(description="the device's bearer token; shown once, store it safely")
    protocol_version: str
    bundle_key: str | None = Field(
        default=None, description="(optional) the server's X25519 public key (raw, base64): hand-carried "
                                  "bundles are encrypted to it; absent from a server that takes no bundles")
    receipt_key: str | None = Field(
        default=None, description="(optional) the server's Ed25519 public key (raw, base64) that signs the "
                                  "receipts of imported bundles")


class StatusEntry(_Model):
    """The verification result of one of this device's recordings."""

    uuid: str
    status: ServerStatus
    reasons: list[Reason] = Field(default_factory=list)
    received_complete: bool
    replaced_by: str | None = None
    seq: int


class StatusFeed(_Model):
    """A page of changes since the cursor; call again with ``next_cursor`` while ``more``."""

    items: list[StatusEntry]
    next_cursor: int
    more: bool


class TargetEntry(_Model):
    """A resident of the device's area on the target list (wajib KTP belum rekam).

    ``recorded_by``: ``none`` (still to record), ``this_device`` or
    ``other_device`` (someone else already recorded this NIK).
    """

    nik: str
    nama: str
    tanggal_lahir: dt.date | None
    jenis_kelamin: Literal["L", "P"] | None
    alamat: str
    rt: str
    rw: str
    kelurahan_kode: str
    recorded_by: Literal["none", "this_device", "other_device"]
    seq: int
    no_kk: str | None = Field(default=None, description="(1.2) NO_KK of the office's list; None: not on it")
    tempat_lahir: str | None = Field(default=None, description="(1.2) TMPT_LHR of the office's list; None: not on it")


class TargetFeed(_Model):
    items: list[TargetEntry]
    next_cursor: int
    more: bool
    area_reset: list[str] | None = Field(
        default=None, description="(1.3) the admin changed this device's area to these codes: the feed restarted "
                                  "at its beginning; targets from this server outside them are no longer the device's")


class Capabilities(_Model):
    protocol_version: str
    max_batch_items: int
    max_media_bytes: int
    max_chunk_bytes: int
    max_bundle_bytes: int = Field(default=0, description="largest POST /media-bundle body; 0: no bundles (1.0 servers)")
    visit_outcomes: bool = Field(default=False, description="(1.2) batches may carry visit outcomes")
    audit_trail: bool = Field(default=False, description="(1.3) POST /audit takes the laptop's audit trail")
    biometrics: bool = Field(default=False, description="(1.3) recordings may carry fingers and irises "
                                                        "(RecordingPayload.biometrics and their media kinds)")
    biometric_policy: str | None = Field(
        default=None, max_length=40,
        description="(1.3, optional) the server's completeness policy for fingers and irises "
                    "(`app.core.biometric_policy.BiometricPolicy`); absent from older servers")
    card_delivery: bool = Field(default=False, description="POST /card-deliveries takes card deliveries "
                                                           "(sync.protocol_delivery)")
    registrations: bool = Field(default=False, description="(optional) POST /registrations takes families with no "
                                "NIK/KK yet (sync/protocol_registration.py)")
    category_marks: bool = Field(default=False, description="(optional) POST /category-marks takes the changes of "
                                 "marked target categories (sync/protocol_marks.py)")
    compact_targets: bool = Field(default=False, description="(1.3) GET /targets?form=compact answers rows "
                                                             "under one column header (sync.protocol_feeds)")
    gzip_requests: bool = Field(default=False, description="(optional) JSON request bodies may come with "
                                                           "Content-Encoding: gzip (sync.protocol_caps)")
    media_kinds: list[MediaKind]
    server_time: dt.datetime


class AuditEntryItem(_Model):
    """(1.3) One entry of the laptop's audit trail, with its hash chain (`app.core.audit_chain`).

    Ids, counts and kinds only: the laptop refuses personal data in ``detail``.
    """

    id: int = Field(ge=1, le=2**53 - 1)
    ts: str = Field(min_length=1, max_length=40)
    actor: str = Field(max_length=100)
    action: str = Field(min_length=1, max_length=100)
    recording_uuid: str | None = Field(default=None, max_length=36)
    detail: dict[str, Any] = Field(default_factory=dict)
    prev_hash: Sha256
    hash: Sha256


class AuditPush(_Model):
    """(1.3) Entries of the trail in id order, starting at or before the last one the server holds."""

    entries: list[AuditEntryItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class AuditPushResponse(_Model):
    """(1.3) held_through: the last entry the server holds (an unbroken chain from entry 1; resend after it).
    flagged_at_entry: the first entry where the laptop's chain stopped continuing the server's copy (the
    device is flagged; None: not flagged)."""

    held_through: int
    flagged_at_entry: int | None = None


class BundleFile(_Model):
    """One file of a media bundle, as listed in its manifest."""

    sha256: Sha256
    size: int = Field(ge=0, le=2**40)


class BundleManifest(_Model):
    files: list[BundleFile] = Field(min_length=1, max_length=MAX_BUNDLE_FILES)


class BundleItem(_Model):
    """The server's answer for one file of a bundle (same order as the manifest).

    ``complete``: the server holds the whole, verified file. Otherwise ``problem``
    is the catalogue code of what went wrong (e.g. 422.2 damaged on the way,
    404.2 not expected) with its ``message``; ``offset`` is what it holds.
    """

    sha256: Sha256
    size: int
    offset: int
    complete: bool
    problem: str | None = None
    message: str | None = None


class BundleResponse(_Model):
    results: list[BundleItem]


def encode_bundle(files: list[tuple[str, bytes]]) -> bytes:
    """The body of ``POST /media-bundle``: a one-line JSON `BundleManifest`
    (sha256 and size of each file), a newline, then the files' bytes one after
    another in manifest order."""
    manifest = {"files": [{"sha256": sha, "size": len(data)} for sha, data in files]}
    return b"".join([canonical_json(manifest), b"\n", *(data for _sha, data in files)])


class BundleFormatError(ValueError):
    """A bundle body that cannot be read (the message says why, in Indonesian)."""


def decode_bundle(body: bytes) -> list[tuple[BundleFile, memoryview]]:
    """Split a bundle body into its files (`BundleFile`, bytes); raises
    `BundleFormatError` when the manifest is unreadable or the sizes do not add up."""
    end = body.find(b"\n", 0, 64 * 1024)
    if end < 0:
        raise BundleFormatError("daftar berkas (baris pertama) tidak ditemukan")
    try:
        manifest = BundleManifest.model_validate_json(body[:end])
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise BundleFormatError("daftar berkas tidak valid") from exc
    view = memoryview(body)[end + 1:]
    total = sum(f.size for f in manifest.files)
    if total != len(view):
        raise BundleFormatError(f"ukuran berkas menurut daftar ({total} bita) tidak sama dengan isi ({len(view)} bita)")
    out, at = [], 0
    for f in manifest.files:
        out.append((f, view[at:at + f.size]))
        at += f.size
    return out


class Health(_Model):
    status: Literal["ok"]
    protocol_version: str
    demo: bool = Field(default=False, description=(
        "(1.1) a training server for demo profiles (``jemput-server run --demo``); a demo profile "
        "registers only with such a server, and an answer without this field is not one"))


# --------------------------------------------------------------------------- problems

@dataclass(frozen=True)
class ProblemSpec:
    """One numbered problem. The code's integer part is the HTTP status.

    Messages may hold ``{placeholders}`` filled from the problem's details.
    """

    code: str
    status: int
    message_id: str
    message_en: str

    def body(self, **details: Any) -> dict[str, Any]:
        """The JSON body of a response carrying this problem."""
        return ProblemBody(
            code=self.code,
            status=self.status,
            message=_fill(self.message_id, details),
            message_en=_fill(self.message_en, details),
            details=details,
        ).model_dump(mode="json")


def _fill(template: str, details: Mapping[str, Any]) -> str:
    try:
        return template.format(**details)
    except (KeyError, IndexError, ValueError):
        return template


class ProblemBody(BaseModel):
    """Every error response's JSON body."""

    code: str = Field(description="stable numbered code, e.g. '401.2'")
    status: int
    message: str = Field(description="for the operator, in Bahasa Indonesia")
    message_en: str
    details: dict[str, Any] = Field(default_factory=dict)


def _p(code: str, message_id: str, message_en: str) -> ProblemSpec:
    return ProblemSpec(code, int(code.split(".")[0]), message_id, message_en)


class Problems:
    """The problem catalogue (one place, numbered; codes never change meaning)."""

    PROTOCOL_HEADER_INVALID = _p(
        "400.1",
        "Header X-Jemput-Protocol tidak ada atau tidak dapat dibaca (contoh: 1.0).",
        "The X-Jemput-Protocol header is missing or unreadable (e.g. 1.0).")
    OFFSET_INVALID = _p(
        "400.2",
        "Offset unggahan tidak ada atau tidak valid (header Upload-Offset atau ?offset=).",
        "The upload offset is missing or invalid (Upload-Offset header or ?offset=).")
    TOKEN_MISSING = _p(
        "401.1",
        "Perangkat belum masuk: header Authorization Bearer tidak ada.",
        "Not authenticated: the Authorization Bearer header is missing.")
    TOKEN_INVALID = _p(
        "401.2",
        "Token perangkat tidak dikenal. Daftarkan ulang perangkat ini.",
        "Unknown device token. Register this device again.")
    TOKEN_REVOKED = _p(
        "401.3",
        "Token perangkat ini telah dicabut oleh admin.",
        "This device's token has been revoked by the administrator.")
    ENROLLMENT_INVALID = _p(
        "403.1",
        "Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa).",
        "The enrollment code is not valid (wrong, already used or expired).")
    LOCAL_ONLY = _p(
        "403.2",
        "Halaman ini hanya dapat dibuka dari komputer server.",
        "This page is only available from the server machine.")
    NOT_FOUND = _p(
        "404.1", "Alamat tidak ditemukan.", "Not found.")
    MEDIA_NOT_EXPECTED = _p(
        "404.2",
        "Media ini tidak diharapkan: kirim dulu rekaman yang memuatnya.",
        "This media is not expected: send the recording that lists it first.")
    METHOD_NOT_ALLOWED = _p(
        "405.1", "Metode tidak diizinkan untuk alamat ini.", "Method not allowed here.")
    OFFSET_MISMATCH = _p(
        "409.1",
        "Offset unggahan tidak cocok: server memegang {offset} bita, lanjutkan dari sana.",
        "Upload offset mismatch: the server holds {offset} bytes, resume from there.")
    BODY_TOO_LARGE = _p(
        "413.1",
        "Permintaan terlalu besar (maksimal {limit} bita).",
        "Request body too large (at most {limit} bytes).")
    CHUNK_TOO_LARGE = _p(
        "413.2",
        "Potongan media terlalu besar (maksimal {limit} bita per potongan).",
        "Media chunk too large (at most {limit} bytes per chunk).")
    BATCH_TOO_LARGE = _p(
        "413.3",
        "Terlalu banyak rekaman dalam satu kiriman (maksimal {limit}).",
        "Too many recordings in one batch (at most {limit}).")
    MEDIA_BEYOND_SIZE = _p(
        "413.4",
        "Potongan melewati ukuran media yang dinyatakan ({size} bita).",
        "The chunk goes beyond the media's declared size ({size} bytes).")
    BUNDLE_TOO_LARGE = _p(
        "413.5",
        "Paket media terlalu besar (maksimal {limit} bita).",
        "Media bundle too large (at most {limit} bytes).")
    BUNDLE_INVALID = _p(
        "422.3",
        "Paket media tidak dapat dibaca: {why}.",
        "The media bundle cannot be read: {why}.")
    MEDIA_SIZE_DIFFERS = _p(
        "422.4",
        "Ukuran media ({size} bita) tidak sama dengan yang tercatat di rekamannya ({expected} bita).",
        "The media size ({size} bytes) differs from the one its recording declares ({expected} bytes).")
    MEDIA_NOT_IMAGE = _p(
        "422.5",
        "Berkas media ditolak: {why}. Foto dan tanda tangan harus gambar JPEG atau PNG yang utuh.",
        "The media file was refused ({check}): photos and signatures must be whole JPEG or PNG images.")
    MEDIA_NOT_BIOMETRIC = _p(
        "422.6",
        "Rekaman biometrik ditolak: {why}. Sidik jari harus rekaman ISO 19794-4 dan iris ISO 19794-6 "
        "untuk jari atau mata yang disebut, dengan gambar utuh di dalamnya.",
        "The biometric record was refused ({check}): a finger must be an ISO 19794-4 record and an iris an "
        "ISO 19794-6 record of the finger or eye named, with a whole image inside.")
    BODY_INVALID = _p(
        "422.1",
        "Isi permintaan tidak valid; lihat daftar kesalahan per kolom.",
        "Invalid request body; see the per-field errors.")
    MEDIA_HASH_MISMATCH = _p(
        "422.2",
        "Isi media tidak cocok dengan SHA-256-nya; unggahan dibuang, kirim ulang dari awal.",
        "The media content does not match its SHA-256; the upload was discarded, send it again.")
    PROTOCOL_MISMATCH = _p(
        "426.1",
        "Versi protokol aplikasi ({client}) tidak didukung server ({server}). Perbarui aplikasi.",
        "Client protocol version ({client}) is not supported by the server ({server}). Update the app.")
    ENROLLMENT_RATE_LIMITED = _p(
        "429.1",
        "Terlalu banyak percobaan kode pendaftaran dari alamat ini. Coba lagi dalam {retry_after} detik.",
        "Too many enrollment code attempts from this address. Try again in {retry_after} seconds.")
    INTERNAL = _p(
        "500.1",
        "Terjadi kesalahan di server; coba lagi nanti.",
        "Internal server error; try again later.")

    @classmethod
    def all(cls) -> list[ProblemSpec]:
        return [v for v in vars(cls).values() if isinstance(v, ProblemSpec)]


PROBLEMS: dict[str, ProblemSpec] = {p.code: p for p in Problems.all()}


def parse_problem(body: Any) -> ProblemBody | None:
    """A response body as a `ProblemBody`, or None when it is not one."""
    try:
        return ProblemBody.model_validate(body)
    except Exception:  # noqa: BLE001 - anything unparseable is "not a problem body"
        return None


REGISTRATION_RETRY_HOURS = 24
"""How long after a registration its laptop may repeat it (same code, same nonce) when the answer was lost."""

# --------------------------------------------------------------------------- the server's clock

DATE_AHEAD_DAYS = 1
"""A recording may be dated at most this many days after the server's receive date
(UTC midnight and the WIB/WITA/WIT offsets); later, the laptop's clock is ahead."""
DATE_BEHIND_DAYS = 30
"""...and at most this many days before it: a team offline for a month still syncs
without a flag; a recording dated earlier (e.g. a laptop clock years behind) is reviewed."""


# --------------------------------------------------------------------------- reason codes

class ReasonCodes:
    """Codes of reasons the server adds to item results (besides `app.core` findings).

    Their Indonesian templates are in the message catalogue (app/core/messages.py, SERVER); a
    reason carries its code and params, its message is the text for older peers.
    """

    PAYLOAD_HASH_MISMATCH = "payload.sha256_mismatch"
    PAYLOAD_INVALID = "payload.invalid"
    PAYLOAD_UNPROCESSABLE = "payload.unprocessable"
    CONFLICT = "recording.conflict"
    DUPLICATE_NIK = "nik.duplicate"
    PHOTO_MISSING = "recording.photo_missing"
    SIGNATURE_MISSING = "recording.signature_missing"
    MEDIA_TOO_LARGE = "media.too_large"
    MEDIA_SIZE_MISMATCH = "media.size_mismatch"
    REPLACES_SELF = "replaces.self"
    REPLACES_UNKNOWN = "replaces.unknown"
    REPLACES_OTHER_DEVICE = "replaces.other_device"
    REPLACES_ALREADY_REPLACED = "replaces.already_replaced"
    REVIEW_KEPT = "review.kept"  # an administrator kept it after the duplicate NIK review
    DATE_AHEAD = "recording.date_ahead"  # dated after the server's receive date (beyond DATE_AHEAD_DAYS)
    DATE_BEHIND = "recording.date_behind"  # dated long before it (beyond DATE_BEHIND_DAYS)
    REVIEW_REJECTED = "review.rejected"  # an administrator rejected it after that review
    BIOMETRICS_INVALID = "biometrics.invalid"  # its fingers/irises cannot be read (`BiometricsData`)
