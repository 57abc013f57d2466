"""POST /card-deliveries: the cards of a laptop's batches and their handovers and attempts (`sync.protocol_delivery`)."""

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol_delivery import DELIVERY_PATH, DeliveryPush, DeliveryPushResponse
from sync.server.delivery_intake import check_events, store_push
from sync.server.deps import CurrentDevice, check_protocol
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["card delivery"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL, 413))


@router.post(DELIVERY_PATH, response_model=DeliveryPushResponse)
async def push_deliveries(push: DeliveryPush, request: Request, device: CurrentDevice) -> DeliveryPushResponse:
    """Keep each card and event once (one answer each, in order); an event the rules refuse is a 422
    naming it, and nothing of the request is stored."""
    check_events(push.events)
    return await run_in_threadpool(store_push, request.app.state.engine, request.app.state.media, device, push)
