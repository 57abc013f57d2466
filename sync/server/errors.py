"""Errors as problem responses: every failure answers with a `ProblemBody` from the
catalogue in `sync.protocol`, never a bare 500 or an HTML page.

Also the request-size guard: bodies are read (up to a per-path limit) before the
app sees them, so a huge body gets 413 without being parsed or stored.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol_problems import Problems, ProblemSpec
from sync.server.encoding import inflate
from sync.server.failures import ProblemError

__all__ = ["BodyLimitMiddleware", "ProblemError", "install_handlers", "problem_response"]

log = logging.getLogger("jemput.server")


def problem_response(spec: ProblemSpec, headers: dict[str, str] | None = None, **details: Any) -> JSONResponse:
    return JSONResponse(spec.body(**details), status_code=spec.status, headers=headers)


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only where and what: the offending input is left out (it may be a NIK or
    # a name, and it would make the answer as big as the request).
    out = []
    for err in exc.errors()[:50]:
        out.append({
            "loc": [str(part) for part in err.get("loc", ())],
            "msg": str(err.get("msg", "")),
            "type": str(err.get("type", "")),
        })
    return out


_HTTP_STATUS_PROBLEMS = {
    404: Problems.NOT_FOUND,
    405: Problems.METHOD_NOT_ALLOWED,
}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.spec, exc.headers, **exc.details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(Problems.BODY_INVALID, errors=_field_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        spec = _HTTP_STATUS_PROBLEMS.get(exc.status_code)
        if spec is None:
            text = str(exc.detail)
            spec = ProblemSpec(f"{exc.status_code}.0", exc.status_code, text, text)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(spec, headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # The type and path only: an exception's text could carry personal data.
        log.error("kesalahan internal pada %s %s: %s", request.method, request.url.path,
                  type(exc).__name__)
        return problem_response(Problems.INTERNAL)


def _allowed_methods(request: Request) -> list[str]:
    # Starlette names only the first route that matched the path; a path served
    # by several routes (GET, HEAD, PUT, PATCH on /media/{sha256}) has them all.
    methods: set[str] = set()

    def walk(routes) -> None:  # noqa: ANN001
        for route in routes:
            inner = getattr(route, "original_router", None)  # FastAPI's included router
            if inner is not None:
                walk(inner.routes)
                continue
            match, _ = route.matches(request.scope)
            if match is not Match.NONE:
                methods.update(getattr(route, "methods", None) or ())

    walk(request.app.router.routes)
    return sorted(methods)


class BodyLimitMiddleware:
    """Reads each request body up to a limit first; answers 413 above it.

    `limit_for(path)` gives the limit in bytes and the problem to answer, or
    None for a route that streams its own body and bounds it itself (the
    dashboard's bundle upload, `sync.server.bundle_upload`). The
    whole (small) body is then replayed to the app, which therefore never sees
    an oversized request. An oversized body is read to its end and dropped
    before answering (up to `DRAIN_FACTOR` times the limit): answering while
    the client is still sending makes many clients see a connection reset
    instead of the 413. Beyond that the answer goes out at once, with
    ``Connection: close``.
    """

    DRAIN_FACTOR = 4
    MIN_DRAIN = 16 * 1024 * 1024

    def __init__(self, app: ASGIApp, limit_for) -> None:  # noqa: ANN001
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        found = self.limit_for(scope["path"])
        if found is None:
            await self.app(scope, receive, send)
            return
        limit, spec = found
        drain_cap = max(self.DRAIN_FACTOR * limit, self.MIN_DRAIN)
        declared = _content_length(scope)
        if declared is not None and declared > drain_cap:
            await _send_problem(send, spec, close=True, limit=limit)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            more = message.get("more_body", False)
            if size > drain_cap:
                await _send_problem(send, spec, close=True, limit=limit)
                return
            if size <= limit:
                chunks.append(body)
        if size > limit or (declared is not None and declared > limit):
            await _send_problem(send, spec, close=False, limit=limit)
            return
        body = b"".join(chunks)
        if spec is Problems.BODY_TOO_LARGE and _header(scope, b"content-encoding") == b"gzip":
            plain = inflate(body, limit)  # `Capabilities.gzip_requests`: JSON bodies only
            if plain is None:
                await _send_problem(send, spec, close=False, limit=limit)
                return
            body = plain
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"]
                                          if k not in (b"content-encoding", b"content-length")]
                     + [(b"content-length", str(len(body)).encode())]}
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope.get("headers", ()):
        if name == wanted:
            return value.strip().lower()
    return None


def _content_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


async def _send_problem(send: Send, spec: ProblemSpec, close: bool, **details: Any) -> None:
    response = problem_response(spec, {"Connection": "close"} if close else None, **details)
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
