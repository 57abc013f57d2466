"""The reasons the server itself adds to item results (`ReasonCodes`) and the date window behind two of them.

A recording's `sync.protocol.Reason` carries one of these codes (or an
`app.core` finding's); the server flags a recording dated outside the window
around its receive date (`DATE_AHEAD_DAYS`, `DATE_BEHIND_DAYS`).
"""

from __future__ import annotations

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
