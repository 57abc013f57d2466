"""(optional, no version change) The capabilities' tag: a laptop keeps the server's capabilities and knows when they changed.

A server that sends it puts `CAPS_TAG_HEADER` on every answer: a short hash of
its `Capabilities` (`caps_tag`, everything but ``server_time``). A laptop keeps
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

import hashlib
import zlib

from sync.protocol import Capabilities, EnrollmentResponse, canonical_json

__all__ = ["CAPS_TAG_HEADER", "EnrollmentWithCapabilities", "caps_tag", "gzip_bytes", "GZIP_MIN_BYTES", "GZIP_LEVEL"]

CAPS_TAG_HEADER = "X-Jemput-Caps"
GZIP_MIN_BYTES = 1024  # smaller bodies go as they are: compressing them costs more than it saves
GZIP_LEVEL = 6  # zlib's default: most of level 9's size at a third of its CPU


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
