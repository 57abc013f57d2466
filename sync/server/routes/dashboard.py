"""GET / and GET /dashboard: the progress page.

No admin login yet (a later issue): for now the page answers only requests
from the server machine itself (loopback addresses); anyone else gets 403.
Behind a reverse proxy every request looks local, so do not expose it that way.
"""

import ipaddress

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import Paths, Problems
from sync.server.dashboard import render
from sync.server.errors import ProblemError
from sync.server.routes import documented

router = APIRouter(tags=["dashboard"])


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    if host in ("testclient", "localhost"):  # in-process test client
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get(Paths.DASHBOARD, response_class=HTMLResponse, responses=documented(403))
async def dashboard(request: Request) -> HTMLResponse:
    if not _is_local(request):
        raise ProblemError(Problems.LOCAL_ONLY)
    page = await run_in_threadpool(render, request.app.state.engine)
    return HTMLResponse(page)
