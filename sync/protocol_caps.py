"""The server's capabilities (``GET /capabilities``) and their tag, by which a laptop knows when they changed.

`Capabilities`: the server's limits (at most the protocol's ceilings in
`sync.protocol`) and the optional parts of the protocol it offers; a laptop
sends an optional part only to a server that offers it.

The tag (optional, no version change): a server that sends it puts
`CAPS_TAG_HEADER` on every answer: a short hash of its `Capabilities`
(`caps_tag`, everything but ``server_time``). A laptop keeps
the capabilities with the tag they came with and asks ``GET /capabilities``
again only when an answer carries another tag, or none where it had one (the
server was upgraded, downgraded or reconfigured). So a sync needs no request
of its own to learn them. A laptop that ignores the header asks as before; a
server without it is asked again after a few hours (`CAPABILITIES_MAX_AGE_S`).
The registration's answer carries them too (`EnrollmentWithCapabilities`), so
even the first sync starts without asking.

``Capabilities.gzip_requests``: the server reads JSON request bodies sent with
``Content-Encoding: gzip`` (`gzip_bytes`); a laptop compresses its batches and
audit pages only for such a server, which reads them exactly as if sent plain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib

from pydantic import Field

from sync.protocol import MediaKind, _Model, canonical_json
from sync.protocol_enrollment import EnrollmentResponse

__all__ = ["CAPS_TAG_HEADER", "Capabilities", "EnrollmentWithCapabilities", "caps_tag", "gzip_bytes", "GZIP_MIN_BYTES",
           "GZIP_LEVEL"]

CAPS_TAG_HEADER = "X-Jemput-Caps"
GZIP_MIN_BYTES = 1024  # smaller bodies go as they are: compressing them costs more than it saves
GZIP_LEVEL = 6  # zlib's default: most of level 9's size at a third of its CPU


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


def gzip_bytes(body: bytes, level: int = GZIP_LEVEL) -> bytes:
    """`body` in a gzip container (request bodies of the laptop, answers of the server)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, 31)  # wbits 31: the gzip container
    return packer.compress(body) + packer.flush()


def caps_tag(caps: Capabilities) -> str:
    """16 hex digits of the SHA-256 of the capabilities' canonical JSON, ``server_time`` left out."""
    body = caps.model_dump(mode="json", exclude={"server_time"})
    return hashlib.sha256(canonical_json(body)).hexdigest()[:16]


class EnrollmentWithCapabilities(EnrollmentResponse):
    """The registration's answer with the server's capabilities (optional; absent from an older server,
    which a laptop then asks at its first sync). Kept with the answer's `CAPS_TAG_HEADER`."""

    capabilities: Capabilities | None = None
