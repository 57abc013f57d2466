"""Registering a laptop with the server (``POST /devices/register``): the wire models.

The laptop sends an `EnrollmentRequest` with the one-time code the admin
printed and gets an `EnrollmentResponse`: the device (`DeviceInfo`) and its
bearer token, which every later call carries. A laptop whose answer was lost
repeats the request with the same code and nonce within
`REGISTRATION_RETRY_HOURS`. (The answer with the server's capabilities is
`sync.protocol_caps.EnrollmentWithCapabilities`.)
"""

from __future__ import annotations

from pydantic import Field

from sync.protocol import _Model

REGISTRATION_RETRY_HOURS = 24
"""How long after a registration its laptop may repeat it (same code, same nonce) when the answer was lost."""


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
