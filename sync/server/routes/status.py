"""GET /status?since=CURSOR: verification results of this device's recordings."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from sync.protocol import MAX_FEED_PAGE, Paths
from sync.protocol_registration import StatusFeedWithRegistrations
from sync.server.deps import CurrentDevice, EngineDep, SettingsDep, check_protocol
from sync.server.feeds import status_feed
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["status"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL))

Since = Annotated[int, Query(ge=0, le=2**62, description="the next_cursor of the previous call (0 at first)")]
Limit = Annotated[int | None, Query(ge=1, le=MAX_FEED_PAGE)]


@router.get(Paths.STATUS, response_model=StatusFeedWithRegistrations)
def get_status(device: CurrentDevice, engine: EngineDep, settings: SettingsDep,
               since: Since = 0, limit: Limit = None) -> StatusFeedWithRegistrations:
    return status_feed(engine, device, since, limit or settings.feed_page)
