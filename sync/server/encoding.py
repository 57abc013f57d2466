"""JSON answers built by hand and gzip-compressed when the client accepts it.

For the large feed pages: serialised once by pydantic-core (dates as ISO text)
without building response models, then compressed with gzip when the request's
``Accept-Encoding`` names it (the sync client sends it; `requests` decodes it).
Small bodies go as they are: compressing them costs more than it saves.
"""

from __future__ import annotations

import zlib

from fastapi import Request, Response
from pydantic_core import to_json

from sync.protocol_caps import GZIP_LEVEL, GZIP_MIN_BYTES, gzip_bytes

__all__ = ["GZIP_LEVEL", "GZIP_MIN_BYTES", "accepts_gzip", "gzip_bytes", "inflate", "json_answer"]


def accepts_gzip(request: Request) -> bool:
    """Whether ``Accept-Encoding`` names gzip (or ``*``) without q=0."""
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return _weight(params) > 0
    return False


def _weight(params: str) -> float:
    """The q value of an Accept-Encoding entry's parameters (1 when absent or unreadable)."""
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 1.0
    return 1.0


def inflate(body: bytes, limit: int) -> bytes | None:
    """A gzip request body (``Content-Encoding: gzip``) unpacked, at most `limit` bytes; None when it
    unpacks to more (a 413, like a plain body that size); the body as it came when it is no gzip
    (the JSON reader then refuses it with a 422)."""
    unpacker = zlib.decompressobj(31)
    try:
        plain = unpacker.decompress(body, limit + 1)
    except zlib.error:
        return body
    if len(plain) > limit or unpacker.unconsumed_tail:
        return None
    return plain if unpacker.eof else body


def json_answer(request: Request, content: object) -> Response:
    """`content` as a JSON response, gzip-compressed when accepted and worth it."""
    body = to_json(content)
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= GZIP_MIN_BYTES and accepts_gzip(request):
        body = gzip_bytes(body)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)
