"""/media/{sha256}: resumable upload of a recording's photo and signature.

``GET``/``HEAD`` say how many bytes the server holds (`OFFSET_HEADER`, and in
GET's `MediaState` body). ``PUT``/``PATCH`` append one chunk whose start is
given in `OFFSET_HEADER` (or ``?offset=``); it must equal what the server
holds (409 with the server's offset otherwise). The last chunk triggers the
SHA-256 check: a mismatch discards the upload (422).

``POST /media-bundle`` takes several small whole files in one request (see
`sync.protocol_bundle.encode_bundle`): each is verified and stored on its own, the
database learns of them in one transaction, and the answer says per file
whether it is held or what went wrong (the client then sends that one the
resumable way).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import COMPLETE_HEADER, LENGTH_HEADER, OFFSET_HEADER, SHA256_PATTERN, MediaState, Paths
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, BundleFormatError, BundleItem, BundleResponse, decode_bundle
from sync.protocol_problems import Problems
from sync.server import transactions
from sync.server.deps import DeviceTokenHash, check_protocol, device_for
from sync.server.errors import ProblemError
from sync.server.routes import DEVICE_CALL, documented
from sync.server.uploads import Expected, expected_many, expected_on, mark_complete, mark_complete_many, reconcile

router = APIRouter(tags=["media"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 404))

Sha = Annotated[str, Path(pattern=SHA256_PATTERN, description="the file's SHA-256 (lower-case hex)")]


def _expected(conn, token_hash: str, sha256: str, check=None) -> Expected:  # noqa: ANN001
    """The device's token checked (401), then `check()` if given (the request's
    offset, 400), then the file looked up (404), on the request's connection
    `conn`, in the caller's worker thread."""
    device = device_for(conn, token_hash)
    if check is not None:
        check()
    expected = expected_on(conn, device.id, sha256)
    if expected is None:
        raise ProblemError(Problems.MEDIA_NOT_EXPECTED)
    return expected


def _state(expected: Expected, offset: int, complete: bool) -> MediaState:
    return MediaState(sha256=expected.sha256, size=expected.size, kind=expected.kind,
                      offset=offset, complete=complete)


def _headers(state: MediaState) -> dict[str, str]:
    return {OFFSET_HEADER: str(state.offset), LENGTH_HEADER: str(state.size),
            COMPLETE_HEADER: "1" if state.complete else "0", "Cache-Control": "no-store"}


def _held(request: Request, token_hash: str, sha256: str) -> MediaState:
    engine = request.app.state.engine
    with engine.connect() as conn:  # one connection for the whole request
        expected = _expected(conn, token_hash, sha256)
        held = reconcile(conn, request.app.state.media, expected)
    return _state(expected, held.offset, held.complete)


# The handlers are ``async`` and take one light dependency (the token's hash):
# everything that touches the database or the disk runs in ONE worker-thread
# call, instead of a thread hop per dependency.

@router.get(Paths.MEDIA, response_model=MediaState)
async def media_state(sha256: Sha, request: Request, response: Response,
                      token_hash: DeviceTokenHash) -> MediaState:
    """How much of this file the server holds."""
    state = await run_in_threadpool(_held, request, token_hash, sha256)
    response.headers.update(_headers(state))
    return state


@router.head(Paths.MEDIA, status_code=200, response_class=Response)
async def media_head(sha256: Sha, request: Request, token_hash: DeviceTokenHash) -> Response:
    """Like GET, headers only (`Upload-Offset`, `Upload-Length`, `Upload-Complete`)."""
    state = await run_in_threadpool(_held, request, token_hash, sha256)
    return Response(status_code=200, headers=_headers(state))


OffsetHeader = Annotated[str | None, Header(alias=OFFSET_HEADER, description="where this chunk starts")]
OffsetQuery = Annotated[int | None, Query(alias="offset", ge=0, le=2**40, description="alternative to the header")]


def _offset(header: str | None, query: int | None) -> int:
    value: int | None = None
    if header is not None and header.strip():
        text = header.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 13:
            raise ProblemError(Problems.OFFSET_INVALID)
        value = int(text)
    if query is not None:
        if value is not None and value != query:
            raise ProblemError(Problems.OFFSET_INVALID)
        value = query
    if value is None:
        raise ProblemError(Problems.OFFSET_INVALID)
    return value


async def _upload(sha256: str, request: Request, token_hash: str,
                  offset_header: str | None, offset_query: int | None) -> Response:
    data = await request.body()  # bounded by BodyLimitMiddleware (max chunk)
    state = request.app.state
    limit = state.settings.max_chunk_bytes

    def work() -> MediaState:
        engine, store = state.engine, state.media
        offsets: list[int] = []

        def check_request() -> None:  # after the token, before the file lookup (as before)
            offsets.append(_offset(offset_header, offset_query))
            if len(data) > limit:
                raise ProblemError(Problems.CHUNK_TOO_LARGE, limit=limit)

        with engine.connect() as conn:  # one connection for the whole request
            expected = _expected(conn, token_hash, sha256, check_request)
            transactions.end_read(conn)  # the chunk is written next
            try:
                held = store.append(sha256, offsets[0], data, expected.size, expected.kind)
            except ProblemError as exc:
                if exc.spec is Problems.OFFSET_MISMATCH and exc.details.get("complete"):
                    reconcile(conn, store, expected)
                raise
            if held.complete:
                mark_complete(conn, sha256)
        return _state(expected, held.offset, held.complete)

    result = await run_in_threadpool(work)
    return Response(content=result.model_dump_json(), media_type="application/json",
                    headers=_headers(result))


_UPLOAD_DOC = dict(
    response_model=MediaState,
    responses=documented(400, 409, 413, 422),
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)


@router.put(Paths.MEDIA, **_UPLOAD_DOC)
async def media_put(sha256: Sha, request: Request, token_hash: DeviceTokenHash,
                    offset_header: OffsetHeader = None, offset: OffsetQuery = None) -> Response:
    """Append a chunk at the given offset (the whole file is verified on its last byte)."""
    return await _upload(sha256, request, token_hash, offset_header, offset)


@router.patch(Paths.MEDIA, **_UPLOAD_DOC)
async def media_patch(sha256: Sha, request: Request, token_hash: DeviceTokenHash,
                      offset_header: OffsetHeader = None, offset: OffsetQuery = None) -> Response:
    """Same as PUT (tus-style clients use PATCH)."""
    return await _upload(sha256, request, token_hash, offset_header, offset)


def _refusal(sha256: str, size: int, offset: int, exc: ProblemError) -> BundleItem:
    body = exc.spec.body(**exc.details)
    return BundleItem(sha256=sha256, size=size, offset=offset, complete=False,
                      problem=exc.spec.code, message=body["message"])


def _bundle(state, token_hash: str, body: bytes) -> BundleResponse:  # noqa: ANN001
    with state.engine.connect() as conn:  # one connection for the whole request
        return _bundle_on(conn, state, token_hash, body)


def _bundle_on(conn, state, token_hash: str, body: bytes) -> BundleResponse:  # noqa: ANN001
    store = state.media
    device = device_for(conn, token_hash)
    if state.settings.max_bundle_bytes <= 0:
        raise ProblemError(Problems.NOT_FOUND)
    try:
        files = decode_bundle(body)
    except BundleFormatError as exc:
        raise ProblemError(Problems.BUNDLE_INVALID, why=str(exc)) from None
    known = expected_many(conn, device.id, [f.sha256 for f, _data in files])  # one query, not one per file
    transactions.end_read(conn)  # the files are written next
    results: list[BundleItem | None] = []
    storing: list[tuple[int, Expected]] = []  # (answer's index, what the database expects) of each file stored
    for f, data in files:
        exp = known.get(f.sha256)
        if exp is None:
            results.append(_refusal(f.sha256, f.size, 0, ProblemError(Problems.MEDIA_NOT_EXPECTED)))
        elif f.size != exp.size:
            results.append(_refusal(f.sha256, exp.size, 0, ProblemError(
                Problems.MEDIA_SIZE_DIFFERS, size=f.size, expected=exp.size)))
        else:
            storing.append((len(results), exp))
            results.append(None)
    # Durable together (one flush for the bundle) before the database says "complete".
    stored = store.put_many([(exp.sha256, files[at][1], exp.kind) for at, exp in storing])
    newly: list[str] = []
    for (at, exp), answer in zip(storing, stored):
        if isinstance(answer, ProblemError):
            results[at] = _refusal(exp.sha256, exp.size, int(answer.details.get("offset", 0)), answer)
            continue
        held, wrote_it = answer
        if wrote_it or not exp.complete_in_db:
            newly.append(exp.sha256)
        results[at] = BundleItem(sha256=exp.sha256, size=exp.size, offset=held.offset, complete=True)
    mark_complete_many(conn, sorted(set(newly)))
    return BundleResponse(results=results)


@router.post(Paths.MEDIA_BUNDLE, response_model=BundleResponse, responses=documented(404, 413),
             openapi_extra={"requestBody": {"required": True, "content": {
                 BUNDLE_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}}})
async def media_bundle(request: Request, token_hash: DeviceTokenHash) -> Response:
    """Several small whole files at once: a one-line JSON manifest, a newline,
    then the files' bytes (`sync.protocol_bundle.encode_bundle`). One answer per file."""
    body = await request.body()  # bounded by BodyLimitMiddleware (max bundle)
    result = await run_in_threadpool(_bundle, request.app.state, token_hash, body)
    return Response(content=result.model_dump_json(), media_type="application/json",
                    headers={"Cache-Control": "no-store"})
