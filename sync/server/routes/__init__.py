"""One router per resource; `documented` lists a route's problem answers for OpenAPI."""

from __future__ import annotations

from typing import Any

from sync.protocol_problems import ProblemBody

_DESCRIPTIONS = {
    400: "bad request (protocol header, offset)",
    401: "missing, unknown or revoked device token",
    403: "forbidden",
    404: "not found",
    409: "conflict (upload offset)",
    413: "too large",
    422: "invalid request (per-field errors in details.errors)",
    426: "protocol major version not supported",
    429: "too many attempts; wait the seconds in Retry-After",
}

_HEADERS = {
    429: {"Retry-After": {"description": "seconds to wait before trying again",
                          "schema": {"type": "integer", "minimum": 1}}},
}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    for s in statuses:
        out[s] = {"model": ProblemBody, "description": _DESCRIPTIONS[s]}
        if s in _HEADERS:
            out[s]["headers"] = _HEADERS[s]
    return out


DEVICE_CALL = (400, 401, 422, 426)
"""Problems every authenticated call may answer."""
