"""POST /recordings/batch: intake of a batch of completed recordings and (1.2) visit outcomes."""

import datetime as dt

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol import BatchRequest, BatchResponse, Paths, Problems
from sync.server.deps import CurrentDevice, SettingsDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.outcome_intake import check_outcomes, store_outcomes
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["recordings"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(Paths.BATCH, response_model=BatchResponse)
async def intake_batch(batch: BatchRequest, request: Request, device: CurrentDevice,
                       settings: SettingsDep) -> BatchResponse:
    """Store each recording on its own; one answer per item, in order (see `ItemOutcome`); then the
    visit outcomes, one answer each (`OutcomeResult`)."""
    if len(batch.items) + len(batch.outcomes) > settings.max_batch_items:
        raise ProblemError(Problems.BATCH_TOO_LARGE, limit=settings.max_batch_items)
    check_outcomes(batch.outcomes)  # a 422 before anything is stored
    results = []
    if batch.items:
        # The JSON exactly as received (FastAPI cached it): payload hashes are
        # recomputed over it, not over our parsed model.
        raw = await request.json()
        results = await run_in_threadpool(request.app.state.intake.process, device, batch.items, raw["items"])
    outcomes = await run_in_threadpool(store_outcomes, request.app.state.engine, device, batch.outcomes)
    return BatchResponse(results=results, server_time=dt.datetime.now(dt.timezone.utc), outcomes=outcomes)
