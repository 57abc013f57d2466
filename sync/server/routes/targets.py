"""GET /targets?since=CURSOR: the target list of this device's area, as changes.

``form=compact`` answers the compact form (`sync.protocol_feeds`); either form is
gzip-compressed when the client accepts it (`sync.server.encoding`).
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from sync.protocol import Paths
from sync.protocol_feeds import FORM_COMPACT, CompactTargetFeed, TargetFeed
from sync.server.deps import CurrentDevice, EngineDep, SettingsDep, check_protocol
from sync.server.encoding import json_answer
from sync.server.feeds import target_page
from sync.server.routes import DEVICE_CALL, documented
from sync.server.routes.status import Limit, Since

router = APIRouter(tags=["targets"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL))

Form = Annotated[Literal["full", "compact"], Query(description="(1.3) compact: rows under one column header")]


@router.get(Paths.TARGETS, response_model=TargetFeed | CompactTargetFeed)
def get_targets(request: Request, device: CurrentDevice, engine: EngineDep, settings: SettingsDep,
                since: Since = 0, limit: Limit = None, form: Form = "full") -> Response:
    page = target_page(engine, device, since, limit or settings.feed_page, compact=form == FORM_COMPACT)
    return json_answer(request, page)
