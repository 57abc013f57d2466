"""GET /health: liveness, no authentication."""

from fastapi import APIRouter

from sync.protocol import PROTOCOL_VERSION, Health, Paths

router = APIRouter(tags=["health"])


@router.get(Paths.HEALTH, response_model=Health)
def health() -> Health:
    return Health(status="ok", protocol_version=PROTOCOL_VERSION)
