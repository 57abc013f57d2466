"""`warm_up(app)`: a worker pays its one-time costs while it starts, not on its first recordings.

Measured with ``tests/benchmarks/bench_server_scale.py``: a fresh worker spent
about 0.3-1 s of CPU on its first batch and bundle (importing OpenCV for the
image check, FastAPI building the included routers' route tables and their
pydantic adapters on the first request), which with ``--workers 4`` was paid
four times inside the evening's intake. Done here, before uvicorn says
"Application startup complete", it is paid once per worker start.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("jemput.server.warm_up")


def warm_up(app: Any) -> None:
    """Import the image decoder and build the route tables now (each step best effort)."""
    from sync.server.media_check import warm_decoder

    warm_decoder()
    _build_routes(app)


def _build_routes(app: Any) -> None:
    """FastAPI (0.12x+) builds an included router's routes lazily, on the first request that
    looks at them; ask for them now. Other FastAPI versions: nothing to do."""
    for route in getattr(getattr(app, "router", None), "routes", ()):
        for name in ("effective_candidates", "effective_low_priority_routes"):
            build = getattr(route, name, None)
            if callable(build):
                try:
                    build()
                except Exception as exc:  # noqa: BLE001 - only an optimisation: the first request builds them
                    log.debug("rute tidak disiapkan di awal (%s)", type(exc).__name__)
                    return
