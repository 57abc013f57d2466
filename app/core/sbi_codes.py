"""What a biometric device (MOSIP SBI 0.9.5) can answer, and the message code that tells the operator.

The spec's error table (0 success, 100-112, 5xx the vendor's own), the device
statuses ("Ready", "Busy", "Not Ready", "Not Registered") and the failures the
client itself finds (no answer, a dropped connection, a broken hash chain, a
signed block or an ISO record that is not what it claims) each map to one code
of the catalogue (app/core/messages.py, group BIOMETRIC).

Pure Python: no I/O.
"""

from __future__ import annotations

import hashlib
from enum import Enum


class DeviceStatus(str, Enum):
    """``deviceStatus`` of discovery and device info."""

    READY = "Ready"
    BUSY = "Busy"
    NOT_READY = "Not Ready"
    NOT_REGISTERED = "Not Registered"


SUCCESS = "0"

DEVICE_ERRORS: dict[str, str] = {
    "100": "sbi.not_registered",
    "101": "sbi.no_object",
    "102": "sbi.extraction_failed",
    "103": "sbi.tamper",
    "104": "sbi.management_unreachable",
    "105": "sbi.orientation",
    "106": "sbi.device_not_found",
    "107": "sbi.key_expired",
    "108": "sbi.domain_key_missing",
    "109": "sbi.count_not_supported",
    "110": "sbi.not_ready",
    "111": "sbi.busy",
    "112": "sbi.bad_transaction",
}
"""The spec's error codes (table "Error Codes") and their message codes."""

VENDOR_ERROR = "sbi.vendor_error"
"""5xx: the vendor's own error; the message carries the code and the device's words."""
UNKNOWN_ERROR = "sbi.unknown_error"
"""Any other code a device sends."""

STATUS_CODES: dict[DeviceStatus, str] = {
    DeviceStatus.BUSY: "sbi.busy",
    DeviceStatus.NOT_READY: "sbi.not_ready",
    DeviceStatus.NOT_REGISTERED: "sbi.not_registered",
}
"""A device that is not "Ready": why it cannot capture now."""


class Fault:
    """Failures the client finds itself (no device error code): the message codes."""

    NO_DEVICE = "sbi.no_device"
    TIMEOUT = "sbi.timeout"
    DISCONNECTED = "sbi.disconnected"
    BAD_RESPONSE = "sbi.bad_response"
    MALFORMED_BLOCK = "sbi.malformed_block"
    BAD_SIGNATURE = "sbi.bad_signature"
    HASH_CHAIN = "sbi.hash_chain"
    WRONG_TRANSACTION = "sbi.wrong_transaction"
    WRONG_SUBTYPE = "sbi.wrong_subtype"
    MISSING_CAPTURE = "sbi.missing_capture"
    LOW_SCORE = "sbi.low_score"
    WRONG_PURPOSE = "sbi.wrong_purpose"


def error_code_message(error_code: object) -> str:
    """The message code for a device's ``errorCode`` (a string or number; "0" is success: "")."""
    text = str(error_code).strip()
    if text in ("", SUCCESS):
        return ""
    if text in DEVICE_ERRORS:
        return DEVICE_ERRORS[text]
    if len(text) == 3 and text.startswith("5") and text.isdigit():
        return VENDOR_ERROR
    return UNKNOWN_ERROR


def status_message(status: str) -> str:
    """The message code for a ``deviceStatus`` that is not "Ready" ("" when ready; unknown words: not ready)."""
    try:
        kind = DeviceStatus(status)
    except ValueError:
        return "sbi.not_ready"
    return STATUS_CODES.get(kind, "")


STATUS_WORDS: dict[str, str] = {"Ready": "siap", "Busy": "sedang dipakai", "Not Ready": "belum siap",
                                 "Not Registered": "belum terdaftar"}
"""A ``deviceStatus`` in a word for lists (Pengaturan, `jemput doctor`)."""
DEVICE_KIND_WORDS: dict[str, str] = {"Finger": "sidik jari", "Iris": "iris", "Face": "wajah"}
"""A device's ``type`` in a word."""


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


FIRST_PREVIOUS_HASH = _sha256(b"").hex().upper()
"""``previousHash`` of a session's first capture: SHA-256 of the empty string (upper-case hex)."""


def chain_hash(previous_hash: str, iso_record: bytes) -> str:
    """The ``hash`` a capture must carry: SHA-256 over the previous hash's bytes and the record's SHA-256.

    Upper-case hex, as the spec words it ("previous hash + sha256 hash of the current biometric ISO
    data"): the previous hash's hex decoded to its 32 bytes, then the record's 32-byte digest; an empty
    previous hash counts as the SHA-256 of the empty string (as MOSIP's reference device services do).
    ValueError when `previous_hash` is not hex.
    """
    previous = bytes.fromhex(previous_hash.strip()) if previous_hash.strip() else _sha256(b"")
    return _sha256(previous + _sha256(iso_record)).hex().upper()
