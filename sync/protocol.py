"""The Jemput sync wire format: the one definition both client and server import.

The core every part of the protocol shares is defined here: the protocol
version and its header, the paths, the limits, canonical JSON and payload
hashing, the base model and the recording batch (pydantic v2, no FastAPI, no
Qt, no SQLite): media descriptors, the item outcomes of a batch, visit
outcomes. Each other part has a sibling module ``sync/protocol_<topic>.py``
that builds on this one: enrollment (device registration), caps
(capabilities), feeds (status and targets), bundle (media bundles), audit,
problems (the numbered error catalogue), reasons (the server's reason codes),
biometrics, delivery, marks and registration (families with no NIK/KK yet).

How a client uses it (the outbox pump):

1. ``POST /devices/register`` with an `EnrollmentRequest` (the one-time code the
   admin printed) -> `EnrollmentResponse` with the device token
   (`sync.protocol_enrollment`). Every later call sends ``Authorization:
   Bearer <token>`` and ``X-Jemput-Protocol`` (`PROTOCOL_HEADER` =
   `PROTOCOL_VERSION`).
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
   bundles; `sync.protocol_bundle`). The answer (`BundleResponse`) has one
   `BundleItem` per file, in order; a file that failed (e.g. damaged on the
   way) names its problem and is sent again the resumable way.
4. ``GET /status?since=CURSOR`` returns `StatusFeed`: verification results of
   this device's recordings; keep ``next_cursor`` for the next call.
   ``GET /targets?since=CURSOR`` returns `TargetFeed` for the device's area
   (`sync.protocol_feeds`).

Every error is a `ProblemBody` JSON (`sync.protocol_problems.PROBLEMS` lists
them all) with a stable numbered code, an Indonesian message and its English text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
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


class Health(_Model):
    status: Literal["ok"]
    protocol_version: str
    demo: bool = Field(default=False, description=(
        "(1.1) a training server for demo profiles (``jemput-server run --demo``); a demo profile "
        "registers only with such a server, and an answer without this field is not one"))
