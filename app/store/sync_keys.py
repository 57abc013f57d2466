"""The setting keys in which the sync pump keeps its state (values are JSON).

The pump (`sync.client`, as ``Keys``) writes them; the queue page's read model
(`app.store.queue_view`) and the window read them.
"""

from __future__ import annotations


class SyncKeys:
    """Setting keys the pump reads and writes."""

    SERVER_URL = "server_url"
    TOKEN = "sync.device_token"
    DEVICE_ID = "sync.device_id"
    DEVICE_NAME = "sync.device_name"
    AREA = "sync.area_kode"
    CA_BUNDLE = "sync.ca_bundle"  # optional PEM file of the Dinas CA (self-signed server)
    PAUSED = "sync_paused_reason"  # the words of `PAUSED_CODE` (the window shows the code); set = paused
    PAUSED_KIND = "sync.paused_kind"  # auth | revoked | protocol
    PAUSED_CODE = "sync.paused_code"  # the stable code of the pause (e.g. sync.revoked), with ...
    PAUSED_PARAMS = "sync.paused_params"  # ... its parameters
    LAST_ERROR = "sync.last_error"  # the words of `LAST_ERROR_CODE` (the window shows the code)
    LAST_ERROR_CODE = "sync.last_error_code"  # the stable code of `LAST_ERROR`, with ...
    LAST_ERROR_PARAMS = "sync.last_error_params"  # ... its parameters
    LAST_ERROR_AT = "sync.last_error_at"
    NEXT_ATTEMPT = "sync.next_attempt_at"
    FAILURES = "sync.failures"  # consecutive failed runs (the back-off exponent)
    LAST_SYNC = "last_sync_at"  # the status bar reads this one
    STATUS_CURSOR = "sync.status_cursor"
    TARGETS_CURSOR = "sync.targets_cursor"
    CAPABILITIES = "sync.capabilities"
    POLL_SECONDS = "sync.poll_seconds"  # the window's health poll (default 30 s)
    ENROLL_NONCE = "sync.enroll_nonce"  # {"for": hash of server+code, "nonce": ...} until registration succeeds
    ALLOW_HTTP = "sync.allow_http"  # true: plain http:// allowed to public addresses too (not recommended)
    CERT_SHA256 = "sync.server_cert_sha256"  # optional pin: SHA-256 (hex) of the server certificate (DER)
    DEVICE_SIGNING_KEY = "sync.device_signing_key"  # {"private", "public"}: Ed25519, base64; signs bundles
    SERVER_BUNDLE_KEY = "sync.server_bundle_key"  # the server's X25519 public key (base64): bundles go to it
    SERVER_RECEIPT_KEY = "sync.server_receipt_key"  # the server's Ed25519 public key (base64): signs receipts


REVOKED = "revoked"  # the `PAUSED_KIND` of a device the server revoked: it never tries again
