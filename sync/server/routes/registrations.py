"""POST /registrations: families with no NIK/KK yet (sync/protocol_registration.py, `sync.server.registrations`)."""

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol_problems import Problems
from sync.protocol_registration import REGISTRATIONS_PATH, RegistrationBatch, RegistrationBatchResponse
from sync.server import clock, registrations
from sync.server.deps import CurrentDevice, SettingsDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["registrations"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(REGISTRATIONS_PATH, response_model=RegistrationBatchResponse)
async def receive_registrations(batch: RegistrationBatch, request: Request, device: CurrentDevice,
                                settings: SettingsDep) -> RegistrationBatchResponse:
    """Check every registration with the laptop's rules (a 422 naming the first refused, nothing stored),
    then store each once by its UUID; one answer per registration, in order."""
    if len(batch.items) > settings.max_batch_items:
        raise ProblemError(Problems.BATCH_TOO_LARGE, limit=settings.max_batch_items)
    regions = await run_in_threadpool(request.app.state.regions.current)
    registrations.check_items(batch.items, regions, clock.utcnow().date())
    results = await run_in_threadpool(registrations.store_items, request.app.state.engine, device, batch.items)
    return RegistrationBatchResponse(results=results)
