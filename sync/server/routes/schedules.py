"""The dashboard's Jadwal page: GET and POST /dashboard/jadwal, for a logged-in admin.

GET shows every RT and, with ``?rt=KEL/RW/RT``, its slots and forms. POST
carries ``aksi`` (rencana, undang, undang-ulang, terjauh), the RT and the
session's CSRF token (else 403, nothing written); the answer is the page with
what was done, or the rule's refusal in the catalogue's words (422).
"""

from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from app.core.messages import CodedError
from app.core.schedules import check_window
from sync.server import tables
from sync.server import schedules as plans
from sync.server.dashboard_page import CSRF_FIELD, LOGIN_PATH, message_page
from sync.server.routes.dashboard import _form, _html, _redirect, _same_origin, _session, _token_ok
from sync.server.schedule_page import SCHEDULE_PATH, parse_rt, schedule_page
from sync.server.svg_charts import number

router = APIRouter(tags=["dashboard"], include_in_schema=False)
log = logging.getLogger("jemput.server.schedules")


def _today() -> dt.date:
    return dt.date.today()


def _names(engine) -> dict[str, str]:  # noqa: ANN001 - an Engine
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(tables.regions.c.kode, tables.regions.c.nama)).all())


def _render(engine, session, rt, message: str = "", error: bool = False) -> str:  # noqa: ANN001
    today = _today()
    rts = plans.rt_figures(engine)
    slots = plans.slots(engine, rt) if rt is not None else []
    return schedule_page(session.name, session.csrf_token, rts, rt, slots, _names(engine), today=today,
                         message=message, error=error)


def _time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        return None


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 7 else None


def _act(engine, admin: str, form: dict[str, str], rt) -> str:  # noqa: ANN001
    """Do what the form asks; the sentence that says what was done. Raises `CodedError` for a refusal."""
    action, today = form.get("aksi", ""), _today()
    if action == "rencana":
        try:
            first = dt.date.fromisoformat(form.get("tanggal", "").strip())
        except ValueError:
            raise CodedError("schedule.times_required") from None
        window = check_window(form.get("tempat", ""), _time(form.get("mulai", "")), _time(form.get("selesai", "")),
                              _whole(form.get("set", "")), _whole(form.get("menit", "")))
        made = plans.plan(engine, rt, first, window, today=today, admin=admin,
                          skip_weekdays=() if form.get("minggu") else (6,))
        if not made:
            return "Semua warga RT ini sudah mendapat tempat: tidak ada jadwal baru."
        return (f"{number(len(made))} jadwal baru ({number(window.capacity)} warga per jadwal), "
                f"{made[0].day.isoformat()} sampai {made[-1].day.isoformat()}.")
    if action == "undang":
        seed = _whole(form.get("kode", "0")) if form.get("urutan") == "acak" else 0
        result = plans.assign_rt(engine, rt, form.get("urutan", ""), -1 if seed is None else seed, today=today)
        text = f"{number(len(result.invitations))} warga diundang."
    elif action == "undang-ulang":
        result = plans.reinvite_missed(engine, rt, today=today)
        text = f"{number(len(result.invitations))} warga yang terlewat diundang ke jadwal berikutnya."
    elif action == "terjauh":
        far = form.get("terjauh") == "1"
        plans.set_farthest(engine, rt, far)
        return "RT ditandai terjauh: semua warganya dijemput." if far else "Tanda RT terjauh dihapus."
    else:
        raise CodedError("schedule.order_unknown")
    if result.without_slot:
        text += f" {number(len(result.without_slot))} warga belum mendapat tempat: rencanakan jadwal lagi."
    return text


@router.get(SCHEDULE_PATH)
async def schedule_view(request: Request, rt: str = "") -> Response:
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    page = await run_in_threadpool(_render, request.app.state.engine, session, parse_rt(rt))
    return _html(page)


@router.post(SCHEDULE_PATH)
async def schedule_action(request: Request) -> Response:
    form = await _form(request)
    session = await _session(request)
    if session is None:
        return _redirect(LOGIN_PATH)
    if not _same_origin(request) or not _token_ok(form.get(CSRF_FIELD), session.csrf_token):
        return _html(message_page("Permintaan ditolak", "Formulir tidak sah (token CSRF salah). Muat ulang halaman."),
                     403)
    engine, rt = request.app.state.engine, parse_rt(form.get("rt", ""))
    if rt is None:
        page = await run_in_threadpool(_render, engine, session, None, CodedError("schedule.rt_required").message,
                                       True)
        return _html(page, 422)
    try:
        said = await run_in_threadpool(_act, engine, session.name, form, rt)
    except CodedError as exc:
        page = await run_in_threadpool(_render, engine, session, rt, exc.message, True)
        return _html(page, 422)
    log.info("jadwal diubah lewat dasbor oleh admin %d: %s", session.admin_id, form.get("aksi", ""))
    return _html(await run_in_threadpool(_render, engine, session, rt, said))
