"""POST /recordings/batch: intake of a batch of completed recordings and (1.2) visit outcomes."""

import datetime as dt

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import BatchRequest, BatchResponse, Paths
from sync.protocol_problems import Problems
from sync.server.deps import DeviceConnection, SettingsDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.outcome_intake import check_outcomes, store_outcomes
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["recordings"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(Paths.BATCH, response_model=BatchResponse)
async def intake_batch(batch: BatchRequest, request: Request, auth: DeviceConnection,
                       settings: SettingsDep) -> Response:
    """Store each recording on its own; one answer per item, in order (see `ItemOutcome`); then the
    visit outcomes, one answer each (`OutcomeResult`)."""
    device, conn = auth  # one database connection for the whole request: the token's, kept
    if len(batch.items) + len(batch.outcomes) > settings.max_batch_items:
        raise ProblemError(Problems.BATCH_TOO_LARGE, limit=settings.max_batch_items)
    check_outcomes(batch.outcomes)  # a 422 before anything is stored
    # The JSON exactly as received (FastAPI cached it): payload hashes are
    # recomputed over it, not over our parsed model.
    raw_items = (await request.json())["items"] if batch.items else []
    state = request.app.state

    def work() -> BatchResponse:  # recordings, then outcomes: one worker-thread call, not one each
        results = state.intake.process(device, batch.items, raw_items, conn=conn) if batch.items else []
        outcomes = store_outcomes(state.engine, device, batch.outcomes, conn=conn)
        return BatchResponse(results=results, server_time=dt.datetime.now(dt.timezone.utc), outcomes=outcomes)

    answer = await run_in_threadpool(work)
    # Serialised once, here (a returned model would be validated again against response_model).
    return Response(content=answer.model_dump_json(), media_type="application/json")
