"""The SBI 0.9.5 device client: device info (MOSIPDINFO), registration capture (RCAPTURE), its checks.

`SbiClient.rcapture` sends one registration capture request and accepts the
answer only whole: every ``data`` block must be a compact JWS whose signature
holds for its ``x5c`` certificate (or, with `require_signature` off, carry
none), carry the request's transactionId and a subtype that was asked for,
hold an ISO 19794-4/-6 record of that finger or eye, and continue the hash
chain (``previousHash`` → ``hash``). The device's own error codes and the
client's findings come out as `DeviceError` with a catalogue code. Nothing
here logs or keeps a copy of the records beyond the returned `CaptureResult`.

Blocking I/O: call it from a worker thread, never the GUI thread. Discovery is
`app.biometrics.discovery`; the preview stream is `app.biometrics.stream`.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence

from app.biometrics.discovery import device_from
from app.biometrics.jws import BadSignature, MalformedBlock, b64url_decode, read_block, verify
from app.biometrics.model import Capture, CaptureResult, DeviceError, DeviceInfo
from app.biometrics.transport import request_json
from app.core.biometric_positions import (
    EYE_BY_SBI, FINGER_BY_SBI, Modality, iso_eye_matches, iso_position_matches, subtypes_of,
)
from app.core.biometric_records import IsoRecord, IsoRecordError, parse_finger_record, parse_iris_record
from app.core.sbi_codes import FIRST_PREVIOUS_HASH, Fault, chain_hash, error_code_message, status_message

SPEC_VERSION = "0.9.5"
PURPOSE = "Registration"
ENVIRONMENTS = ("Staging", "Developer", "Pre-Production", "Production")
_TRANSACTION_ID = re.compile(r"[A-Za-z0-9-]{4,50}")
_DECODERS = cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix="sbi-decode")


def new_transaction_id() -> str:
    """A fresh transactionId (4-50 letters, digits and hyphens, as the spec allows)."""
    return str(uuid.uuid4())


def capture_request(device: DeviceInfo, modality: Modality | str, subtypes: Sequence[str], *,
                    exceptions: Sequence[str] = (), requested_score: float = 40, sub_id: int = 0,
                    previous_hash: str = FIRST_PREVIOUS_HASH, timeout_ms: int = 10_000,
                    transaction_id: str | None = None, env: str | None = None,
                    now: dt.datetime | None = None) -> dict:
    """The RCAPTURE body for `subtypes` of `modality` on `device` (`exceptions`: not to capture)."""
    kind = Modality(modality)
    known = set(subtypes_of(kind))
    if any(s not in known for s in [*subtypes, *exceptions]):
        raise ValueError("unknown bioSubType")
    wanted = [s for s in subtypes if s not in exceptions]
    transaction_id = transaction_id or new_transaction_id()
    if not _TRANSACTION_ID.fullmatch(transaction_id):
        raise ValueError("transactionId: 4-50 letters, digits or hyphens")
    when = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    bio = {"type": kind.value, "count": str(1 if kind is Modality.FACE else len(wanted)),
           "bioSubType": [] if kind is Modality.FACE else wanted, "exception": list(exceptions),
           "requestedScore": str(int(requested_score)), "deviceId": device.device_id,
           "deviceSubId": str(sub_id), "previousHash": previous_hash}
    return {"env": env or (device.env if device.env in ENVIRONMENTS else "Production"), "purpose": PURPOSE,
            "specVersion": SPEC_VERSION, "timeout": str(int(timeout_ms)),
            "captureTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "transactionId": transaction_id,
            "bio": [bio], "customOpts": {}}


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DeviceError(Fault.MALFORMED_BLOCK) from None


def _device_error(error: object) -> DeviceError | None:
    if not isinstance(error, dict):
        return None
    code = str(error.get("errorCode", "0")).strip()
    message = error_code_message(code)
    if not message:
        return None
    params = {"code": code}
    if message == "sbi.vendor_error":
        params["info"] = str(error.get("errorInfo", ""))[:200]
    elif message != "sbi.unknown_error":
        params = {}
    return DeviceError(message, params, device_code=code)


class SbiClient:
    """Talks to one device service's devices on 127.0.0.1.

    Args:
        require_signature: refuse ``data`` blocks that carry no certificate to verify with.
        grace: seconds to wait beyond the request's own capture timeout.
        decode: called with each accepted record's first view to make a display image (or None).
    """

    def __init__(self, *, require_signature: bool = True, grace: float = 5.0, info_timeout: float = 3.0,
                 decode: Callable[[object], object] | None = None):
        self.require_signature = require_signature
        self.grace = grace
        self.info_timeout = info_timeout
        self.decode = decode

    # ------------------------------------------------------------------ device info

    def device_info(self, port: int) -> list[DeviceInfo]:
        """MOSIPDINFO: the devices on `port` with their current status (signed info verified)."""
        answer = request_json(port, "MOSIPDINFO", "/info", None, self.info_timeout)
        if not isinstance(answer, list):
            raise DeviceError(Fault.BAD_RESPONSE)
        devices = []
        for entry in answer:
            if not isinstance(entry, dict) or not entry.get("deviceInfo"):
                continue
            try:
                block = read_block(entry["deviceInfo"], signed_required=False)
                signed = verify(block)
            except MalformedBlock:
                raise DeviceError(Fault.MALFORMED_BLOCK) from None
            except BadSignature:
                raise DeviceError(Fault.BAD_SIGNATURE) from None
            info = dict(block.payload)
            info.setdefault("error", entry.get("error"))
            devices.append(device_from(port, info, signed=signed))
        return devices

    def ready(self, device: DeviceInfo) -> DeviceInfo:
        """The device's current info; DeviceError (busy, not ready, …) unless it is "Ready"."""
        current = next((d for d in self.device_info(device.port) if d.device_id == device.device_id), None)
        if current is None:
            raise DeviceError("sbi.device_not_found")
        code = status_message(current.status)
        if code:
            raise DeviceError(code)
        if current.purpose != PURPOSE:  # RCAPTURE is a registration device's verb only
            raise DeviceError(Fault.WRONG_PURPOSE)
        return current

    # ------------------------------------------------------------------ registration capture

    def rcapture(self, device: DeviceInfo, modality: Modality | str, subtypes: Sequence[str], *,
                 exceptions: Sequence[str] = (), requested_score: float = 40, sub_id: int = 0,
                 previous_hash: str = FIRST_PREVIOUS_HASH, timeout_ms: int = 10_000,
                 transaction_id: str | None = None) -> CaptureResult:
        """RCAPTURE `subtypes` (less `exceptions`) and check the answer (see the module's docstring)."""
        body = capture_request(device, modality, subtypes, exceptions=exceptions, requested_score=requested_score,
                               sub_id=sub_id, previous_hash=previous_hash, timeout_ms=timeout_ms,
                               transaction_id=transaction_id)
        answer = request_json(device.port, "RCAPTURE", "/capture", body, timeout_ms / 1000 + self.grace)
        return self.check_answer(answer, body, device)

    def check_answer(self, answer: object, request: dict, device: DeviceInfo) -> CaptureResult:
        """The checks of `rcapture` on an already received answer."""
        bio = request["bio"][0]
        kind = Modality(bio["type"])
        wanted = list(bio["bioSubType"])
        entries = answer.get("biometrics") if isinstance(answer, dict) else None
        if not isinstance(entries, list) or not entries:
            error = _device_error(answer.get("error")) if isinstance(answer, dict) else None
            raise error or DeviceError(Fault.BAD_RESPONSE)
        previous = bio["previousHash"]
        captures: list[Capture] = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise DeviceError(Fault.BAD_RESPONSE)
            error = _device_error(entry.get("error"))
            if error is not None and not entry.get("data"):
                raise error
            capture = self._capture(entry, kind, wanted, request["transactionId"], previous, device)
            captures.append(capture)
            previous = capture.hash
        got = {c.bio_subtype for c in captures}
        for subtype in wanted:
            if subtype not in got:
                raise DeviceError(Fault.MISSING_CAPTURE, {"subtype": _label(subtype)})
        if self.decode is not None:  # the images of a slap decode side by side (OpenCV frees the GIL)
            shown = list(_DECODERS.map(self.decode, [c.record.views[0] for c in captures]))
            captures = [dataclasses.replace(c, display=d) for c, d in zip(captures, shown)]
        return CaptureResult(request["transactionId"], tuple(captures), previous)

    def _capture(self, entry: dict, kind: Modality, wanted: list[str], transaction_id: str, previous: str,
                 device: DeviceInfo) -> Capture:
        try:
            block = read_block(entry.get("data"))
            verified = verify(block)
        except MalformedBlock:
            raise DeviceError(Fault.MALFORMED_BLOCK) from None
        except BadSignature:
            raise DeviceError(Fault.BAD_SIGNATURE) from None
        if self.require_signature and not verified:
            raise DeviceError(Fault.BAD_SIGNATURE)
        data = block.payload
        subtype = str(data.get("bioSubType", ""))
        if data.get("transactionId") != transaction_id:
            raise DeviceError(Fault.WRONG_TRANSACTION)
        if str(data.get("bioType", "")) != kind.value or (wanted and subtype not in wanted):
            raise DeviceError(Fault.WRONG_SUBTYPE, {"subtype": _label(subtype)})
        try:
            iso = b64url_decode(data.get("bioValue"))
        except MalformedBlock:
            raise DeviceError(Fault.MALFORMED_BLOCK) from None
        expected = chain_hash(previous, iso)
        if str(entry.get("hash", "")).upper() != expected:
            raise DeviceError(Fault.HASH_CHAIN)
        record = _parse(kind, iso)
        _check_views(kind, subtype, record)
        digital_id = data.get("digitalId", "")
        try:
            verify(read_block(digital_id, signed_required=False))
        except MalformedBlock:
            raise DeviceError(Fault.MALFORMED_BLOCK) from None
        except BadSignature:
            raise DeviceError(Fault.BAD_SIGNATURE) from None
        return Capture(
            bio_type=kind.value, bio_subtype=subtype,
            quality_score=_float(data.get("qualityScore")),
            requested_score=_float(data.get("requestedScore", 0)),
            device_id=device.device_id, device_code=str(data.get("deviceCode", "")), digital_id=digital_id,
            iso_record=iso, record=record, hash=expected, previous_hash=previous, transaction_id=transaction_id,
            timestamp=str(data.get("timestamp", "")), signature_verified=verified)


def _parse(kind: Modality, iso: bytes) -> IsoRecord:
    try:
        if kind is Modality.FINGER:
            return parse_finger_record(iso)
        if kind is Modality.IRIS:
            return parse_iris_record(iso)
    except IsoRecordError as exc:
        raise DeviceError(exc.code, exc.params) from None
    raise DeviceError(Fault.WRONG_SUBTYPE, {"subtype": kind.value})


def _check_views(kind: Modality, subtype: str, record: IsoRecord) -> None:
    for view in record.views:
        fits = (iso_position_matches(subtype, view.position) if kind is Modality.FINGER
                else iso_eye_matches(subtype, view.eye_label))
        if not fits:
            raise DeviceError(Fault.WRONG_SUBTYPE, {"subtype": _label(subtype)})


def _label(subtype: str) -> str:
    """The operator's words for a subtype ("Telunjuk kiri", "Mata kanan"), else the SBI name."""
    item = FINGER_BY_SBI.get(subtype) or EYE_BY_SBI.get(subtype)
    return item.label if item else subtype or "?"

