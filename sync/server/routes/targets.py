"""GET /targets?since=CURSOR: the target list of this device's area, as changes."""

from fastapi import APIRouter, Depends

from sync.protocol import Paths, TargetFeed
from sync.server.deps import CurrentDevice, EngineDep, SettingsDep, check_protocol
from sync.server.feeds import target_feed
from sync.server.routes import DEVICE_CALL, documented
from sync.server.routes.status import Limit, Since

router = APIRouter(tags=["targets"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL))


@router.get(Paths.TARGETS, response_model=TargetFeed)
def get_targets(device: CurrentDevice, engine: EngineDep, settings: SettingsDep,
                since: Since = 0, limit: Limit = None) -> TargetFeed:
    return target_feed(engine, device, since, limit or settings.feed_page)
