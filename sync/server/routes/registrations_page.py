"""GET/POST /dashboard/registrasi: the families with no NIK/KK yet, and the office's form for the numbers
it issued (behind the dashboard's login; the form carries the session's CSRF token, checked like logout's)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.server import registrations
from sync.server.admin import AdminError
from sync.server.dashboard_page import CSRF_FIELD, LOGIN_PATH
from sync.server.registrations_page import REGISTRATIONS_PAGE, registrations_page
from sync.server.routes.dashboard import _form, _html, _redirect, _same_origin, _session, _token_ok

router = APIRouter(tags=["dashboard"], include_in_schema=False)


async def _page(request: Request, session, status: int = 200, **words: str) -> Response:  # noqa: ANN001
    waiting = await run_in_threadpool(registrations.list_registrations, request.app.state.engine)
    return _html(registrations_page(waiting, session.name, session.csrf_token, **words), status)


@router.get(REGISTRATIONS_PAGE)
async def registrations_list(request: Request) -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    return await _page(request, session)


@router.post(REGISTRATIONS_PAGE)
async def issue_numbers(request: Request) -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    form = await _form(request)
    if not _same_origin(request) or not _token_ok(form.get(CSRF_FIELD), session.csrf_token):
        return await _page(request, session, 403, error="Formulir tidak sah (token CSRF salah). Muat ulang halaman.")
    niks = [line.strip() for line in form.get("nik", "").splitlines() if line.strip()]
    regions = await run_in_threadpool(request.app.state.regions.current)
    try:
        held = await run_in_threadpool(registrations.issue, request.app.state.engine, form.get("uuid", ""),
                                       form.get("kk", ""), niks, by=session.name, regions=regions)
    except AdminError as exc:
        return await _page(request, session, 422, error=str(exc))
    return await _page(request, session, done=f"NIK dan KK keluarga {held.uuid} tersimpan ({len(held.niks)} anggota); "
                                               "laptop tim menerimanya pada sinkron berikutnya.")
