"""GET /health: liveness, no authentication; also says whether this is a demo (training) server."""

from fastapi import APIRouter

from sync.protocol import PROTOCOL_VERSION, Health, Paths
from sync.server.deps import SettingsDep

router = APIRouter(tags=["health"])


@router.get(Paths.HEALTH, response_model=Health)
def health(settings: SettingsDep) -> Health:
    return Health(status="ok", protocol_version=PROTOCOL_VERSION, demo=settings.demo)
