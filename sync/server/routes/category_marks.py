"""POST /category-marks: changes of marked target categories (sync/protocol_marks.py, `sync.server.category_marks`)."""

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol_marks import CATEGORY_MARKS_PATH, CategoryMarkBatch, CategoryMarkBatchResponse
from sync.protocol_problems import Problems
from sync.server import category_marks
from sync.server.deps import CurrentDevice, SettingsDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["category-marks"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(CATEGORY_MARKS_PATH, response_model=CategoryMarkBatchResponse)
async def receive_category_marks(batch: CategoryMarkBatch, request: Request, device: CurrentDevice,
                                 settings: SettingsDep) -> CategoryMarkBatchResponse:
    """Store each change once by its UUID (a category that may not be marked is a 422 naming it,
    nothing stored); one answer per change, in order."""
    if len(batch.items) > settings.max_batch_items:
        raise ProblemError(Problems.BATCH_TOO_LARGE, limit=settings.max_batch_items)
    results = await run_in_threadpool(category_marks.store_items, request.app.state.engine, device, batch.items)
    return CategoryMarkBatchResponse(results=results)
