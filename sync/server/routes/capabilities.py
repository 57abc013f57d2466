"""GET /capabilities: protocol version, limits and the server's clock."""

import datetime as dt

from fastapi import APIRouter, Depends

from sync.protocol import PROTOCOL_VERSION, Capabilities, MediaKind, Paths
from sync.server.deps import CurrentDevice, SettingsDep, check_protocol
from sync.server.routes import DEVICE_CALL, documented

router = APIRouter(tags=["capabilities"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL))


@router.get(Paths.CAPABILITIES, response_model=Capabilities)
def capabilities(settings: SettingsDep, _device: CurrentDevice) -> Capabilities:
    return Capabilities(
        protocol_version=PROTOCOL_VERSION,
        max_batch_items=settings.max_batch_items,
        max_media_bytes=settings.max_media_bytes,
        max_chunk_bytes=settings.max_chunk_bytes,
        max_bundle_bytes=settings.max_bundle_bytes,
        media_kinds=[MediaKind.PHOTO, MediaKind.SIGNATURE],  # what older clients can read; see `biometrics`
        visit_outcomes=True,
        audit_trail=True,
        biometrics=True,
        biometric_policy=settings.biometric_policy,
        card_delivery=True,
        registrations=True,
        category_marks=True,
        compact_targets=True,
        server_time=dt.datetime.now(dt.timezone.utc),
    )
