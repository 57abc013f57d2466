"""The dashboard's bundle upload: POST /dashboard/impor-bundel and GET /dashboard/tanda-terima/ID/NAME.

Only for a logged-in admin (else the browser goes to the login page), with the
session's CSRF token (else 403, nothing written or imported). The body is
streamed to a private file (`sync.server.bundle_upload`), imported in a worker
thread exactly as ``jemput-server import-bundle`` does, and removed; the answer
is a page with the counts or the refusal, and a link to the signed receipt.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.bundle import BundleError
from sync.server import bundle_upload as up
from sync.server.bundle_import import import_bundle, receipt_bytes
from sync.server.dashboard_page import LOGIN_PATH, import_result_page
from sync.server.routes.dashboard import _HEADERS, _html, _redirect, _same_origin, _session, _token_ok

router = APIRouter(tags=["dashboard"], include_in_schema=False)
log = logging.getLogger("jemput.server.bundle")


def _declared(request: Request) -> int | None:
    try:
        return int(request.headers["content-length"])
    except (KeyError, ValueError):
        return None


async def _drain(body: AsyncIterator[bytes], cap: int) -> bool:
    """Read and drop the rest of a refused body (so the browser sees the answer); False past `cap`."""
    seen = 0
    try:
        async for chunk in body:
            seen += len(chunk)
            if seen > cap:
                return False
    except Exception:  # noqa: BLE001 - the client went away, or the stream was already read
        return True
    return True


@router.post(up.UPLOAD_PATH)
async def upload_bundle(request: Request) -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    settings = request.app.state.settings
    body = request.stream()  # one iterator: what a refusal left unread is drained from it
    if not _same_origin(request):
        await _drain(body, settings.max_import_bytes)
        return _html(import_result_page(session.name, session.csrf_token, error=up.CSRF_REFUSED), 403)
    try:
        received = await up.receive_bundle(
            request.headers.get("content-type", ""), _declared(request), body, settings.data_dir,
            settings.max_import_bytes, lambda token: _token_ok(token, session.csrf_token))
    except up.UploadRefused as exc:
        log.info("unggahan kiriman flashdisk ditolak (HTTP %d)", exc.status)
        drained = await _drain(body, settings.max_import_bytes)
        page = import_result_page(session.name, session.csrf_token, error=exc.message)
        return _html(page, exc.status, None if drained else {"Connection": "close"})
    try:
        report = await run_in_threadpool(import_bundle, settings, request.app.state.engine, received.path)
        data = await run_in_threadpool(receipt_bytes, settings, report)
        receipt_id = await run_in_threadpool(up.save_receipt, settings.data_dir, data)
    except BundleError as exc:
        log.info("kiriman flashdisk ditolak lewat dasbor: %s", exc.code)
        return _html(import_result_page(session.name, session.csrf_token, error=exc.message), 422)
    finally:
        received.path.unlink(missing_ok=True)
    log.info("kiriman flashdisk diimpor lewat dasbor oleh admin %d: perangkat=%d rekaman=%d", session.admin_id,
             report.device_id, report.records)
    link = f"{up.RECEIPT_PATH}/{receipt_id}/{up.receipt_filename(received.filename)}"
    return _html(import_result_page(session.name, session.csrf_token, report=report, receipt_link=link))


@router.get(up.RECEIPT_PATH + "/{receipt_id}/{filename}")
async def download_receipt(request: Request, receipt_id: str, filename: str) -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    path = up.receipt_path(request.app.state.settings.data_dir, receipt_id)
    if path is None:
        return _html(import_result_page(session.name, session.csrf_token,
                                        error="Tanda terima ini tidak ada lagi (disimpan 24 jam). Impor ulang "
                                              "kirimannya: tidak ada yang berubah, tanda terima baru dibuat."), 404)
    data = await run_in_threadpool(path.read_bytes)
    name = up.receipt_filename(filename.removesuffix(".terima.json"))
    return Response(data, media_type="application/json",
                    headers={**_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})
