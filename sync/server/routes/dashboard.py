"""The dashboard behind a login: GET /login, POST /login, POST /logout, GET / and /dashboard,
POST /dashboard/wilayah (a device's area).

An admin (``jemput-server admin add``) logs in with a form; the answer sets the
session cookie (HttpOnly, SameSite=Strict, Secure when the request came over
TLS) and sends the browser to the dashboard. Without a live session the
dashboard sends the browser to the login page, whoever asks (no "looks
local" exception).

CSRF: every form POST carries a token in a hidden field. The login form's
token is also set in its own short-lived cookie and the two must match (the
double-submit pattern; there is no session yet); the logout form's token is
the session's own, kept in the database. A POST whose ``Origin`` header names
another site is refused too. The pages forbid framing and any script or
outside resource (Content-Security-Policy).
"""

from __future__ import annotations

import hmac
import math
import secrets
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import Paths
from sync.server import admin
from sync.server.admin_auth import AdminAuth, AdminSession
from sync.server.dashboard import render
from sync.server.dashboard_page import AREA_PATH, CSRF_FIELD, LOGIN_PATH, LOGOUT_PATH, login_page, message_page

router = APIRouter(tags=["dashboard"], include_in_schema=False)

SESSION_COOKIE = "jemput_sesi"
LOGIN_CSRF_COOKIE = "jemput_csrf_masuk"
MAX_FORM_BYTES = 8192

_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" makes Chromium send "Origin: null" with the forms
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
}


def _auth(request: Request) -> AdminAuth:
    return request.app.state.admin_auth


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _html(text: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(text, status, headers={**_HEADERS, **(headers or {})})


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303, headers=_HEADERS)


def _same_origin(request: Request) -> bool:
    """False when the browser says the form came from another site."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


async def _form(request: Request) -> dict[str, str]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return {}
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=10)
    except ValueError:  # more fields than any of our forms has
        return {}
    return {k: v[0] for k, v in fields.items()}


def _token_ok(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


async def _session(request: Request) -> AdminSession | None:
    return await run_in_threadpool(_auth(request).session, request.cookies.get(SESSION_COOKIE))


async def _posting_session(request: Request, form: dict[str, str]) -> AdminSession | Response:
    """The session of a logged-in admin's form POST, or the answer refusing it: to the login
    without a session, 403 when the form is not the session's own (CSRF token, origin)."""
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    if not _same_origin(request) or not _token_ok(form.get(CSRF_FIELD), session.csrf_token):
        return _html(message_page("Permintaan ditolak", "Formulir tidak sah (token CSRF salah). Muat ulang dasbor."),
                     403)
    return session


def _login_form(request: Request, status: int = 200, error: str = "", name: str = "",
                headers: dict[str, str] | None = None) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = _html(login_page(token, error, name), status, headers)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, path=LOGIN_PATH, httponly=True,
                        samesite="strict", secure=_secure(request))
    return response


@router.get(LOGIN_PATH)
async def login_form(request: Request) -> Response:
    if await _session(request) is not None:
        return _redirect(Paths.DASHBOARD)
    return _login_form(request)


@router.post(LOGIN_PATH)
async def login(request: Request) -> Response:
    form = await _form(request)
    if not _same_origin(request) or not _token_ok(form.get(CSRF_FIELD), request.cookies.get(LOGIN_CSRF_COOKIE)):
        return _login_form(request, 403, "Formulir sudah kedaluwarsa atau tidak sah. Silakan masuk lagi.")
    name, password = form.get("nama", ""), form.get("sandi", "")
    address = request.client.host if request.client else "-"
    result = await run_in_threadpool(_auth(request).login, name, password, address)
    if result.locked_s:
        minutes = max(1, math.ceil(result.locked_s / 60))
        return _login_form(request, 429, f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.",
                           name, {"Retry-After": str(result.locked_s)})
    if result.token is None:
        return _login_form(request, 401, "Nama admin atau kata sandi salah.", name)
    response = _redirect(Paths.DASHBOARD)
    response.set_cookie(SESSION_COOKIE, result.token, path="/", httponly=True, samesite="strict",
                        secure=_secure(request))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=LOGIN_PATH, httponly=True, samesite="strict",
                           secure=_secure(request))
    return response


@router.post(LOGOUT_PATH)
async def logout(request: Request) -> Response:
    form = await _form(request)
    session = await _posting_session(request, form)
    if isinstance(session, Response):
        return session
    await run_in_threadpool(_auth(request).logout, request.cookies[SESSION_COOKIE])
    response = _redirect(LOGIN_PATH)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


@router.post(AREA_PATH)
async def set_area(request: Request) -> Response:
    """The "Ganti wilayah perangkat" form: `admin.set_device_area` for a logged-in admin."""
    form = await _form(request)
    session = await _posting_session(request, form)
    if isinstance(session, Response):
        return session
    try:
        change = await run_in_threadpool(admin.set_device_area, request.app.state.engine,
                                         form.get("perangkat", "").strip(), form.get("wilayah", ""))
    except admin.AdminError as exc:
        return _html(message_page("Wilayah tidak diganti", f"{exc}."), 422)
    codes = " ".join(change.codes)
    text = (f"Wilayah perangkat {change.device_id} diganti: {codes}." if change.changed
            else f"Wilayah perangkat {change.device_id} sudah {codes}; tidak ada yang berubah.")
    return _html(message_page("Wilayah perangkat", text))


@router.get("/")
@router.get(Paths.DASHBOARD)
async def dashboard(request: Request) -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    page = await run_in_threadpool(render, request.app.state.engine, session.name, session.csrf_token)
    return _html(page)
