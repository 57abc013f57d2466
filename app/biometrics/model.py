"""What the SBI client hands on: found devices, their info, and the captures it has checked.

`DeviceError` carries a message code of the catalogue (app/core/messages.py):
a device's own error code mapped by `app.core.sbi_codes`, or one of the
client's `Fault` codes, or an ``iso.*`` code of the record inside. Its message
never holds biometric data, only codes and counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.biometric_records import FingerView, IrisView, IsoRecord
from app.core.messages import CodedError


class DeviceError(CodedError):
    """A device that cannot capture now, or a capture the client refuses (``code``, ``params``)."""

    def __init__(self, code: str, params: dict | None = None, *, device_code: str = ""):
        super().__init__(code, params)
        self.device_code = device_code  # the device's own errorCode, when it sent one


@dataclass(frozen=True)
class DeviceInfo:
    """One device of a device service (discovery or MOSIPDINFO), on its port."""

    port: int
    device_id: str
    status: str
    device_type: str = ""  # digitalId.type: "Finger", "Iris", "Face"
    device_sub_type: str = ""  # digitalId.deviceSubType: "Slap", "Single", "Double", …
    sub_ids: tuple[int, ...] = ()
    certification: str = ""
    purpose: str = ""
    env: str = ""
    service_version: str = ""
    firmware: str = ""
    spec_versions: tuple[str, ...] = ()
    device_code: str = ""
    callback_id: str = ""
    digital_id: dict = field(default_factory=dict)
    digital_id_raw: str = ""
    signed: bool = False  # deviceInfo was a verified signed block
    error_code: str = ""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Capture:
    """One checked biometric of an RCAPTURE answer: the raw ISO record and what the device says of it."""

    bio_type: str
    bio_subtype: str
    quality_score: float
    requested_score: float
    device_id: str
    device_code: str
    digital_id: str  # the signed digitalId as sent (kept for the server)
    iso_record: bytes  # bioValue, decoded: the ISO 19794 record exactly as the device made it
    record: IsoRecord
    hash: str
    previous_hash: str
    transaction_id: str
    timestamp: str
    signature_verified: bool
    display: object = None  # a small decoded image (numpy array) for the screen, when asked for

    @property
    def view(self) -> FingerView | IrisView:
        return self.record.views[0]


@dataclass(frozen=True)
class CaptureResult:
    """Every capture of one RCAPTURE, in the order the device sent them, and the chain's last hash."""

    transaction_id: str
    captures: tuple[Capture, ...]
    last_hash: str

    def by_subtype(self) -> dict[str, Capture]:
        return {c.bio_subtype: c for c in self.captures}
