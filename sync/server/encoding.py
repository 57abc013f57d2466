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

GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 6  # zlib's default: most of level 9's size at a third of its CPU


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


def gzip_bytes(body: bytes, level: int = GZIP_LEVEL) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, 31)  # wbits 31: the gzip container
    return packer.compress(body) + packer.flush()


def json_answer(request: Request, content: object) -> Response:
    """`content` as a JSON response, gzip-compressed when accepted and worth it."""
    body = to_json(content)
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= GZIP_MIN_BYTES and accepts_gzip(request):
        body = gzip_bytes(body)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)
