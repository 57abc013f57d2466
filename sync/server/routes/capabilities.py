"""GET /capabilities: protocol version, limits and the server's clock; the capabilities' tag on every answer."""

import datetime as dt

from fastapi import APIRouter, Depends
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import PROTOCOL_VERSION, MediaKind, Paths
from sync.protocol_caps import CAPS_TAG_HEADER, Capabilities, caps_tag
from sync.server.deps import CurrentDevice, SettingsDep, check_protocol
from sync.server.routes import DEVICE_CALL, documented
from sync.server.settings import Settings

router = APIRouter(tags=["capabilities"], dependencies=[Depends(check_protocol)],
                   responses=documented(*DEVICE_CALL))


def capabilities_of(settings: Settings) -> Capabilities:
    """What this server takes, by its settings (with the clock as it is now)."""
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
        gzip_requests=True,
        server_time=dt.datetime.now(dt.timezone.utc),
    )


@router.get(Paths.CAPABILITIES, response_model=Capabilities)
def capabilities(settings: SettingsDep, _device: CurrentDevice) -> Capabilities:
    return capabilities_of(settings)


class CapsTagMiddleware:
    """Puts `CAPS_TAG_HEADER` (`sync.protocol_caps`) on every answer, so a laptop keeping the
    capabilities learns of a change from any answer instead of asking before each sync."""

    def __init__(self, app: ASGIApp, settings_of) -> None:  # noqa: ANN001 - () -> Settings | None
        self.app = app
        self.settings_of = settings_of
        self._tag: tuple[int, bytes] | None = None

    def _header(self) -> bytes | None:
        settings = self.settings_of()
        if settings is None:
            return None
        if self._tag is None or self._tag[0] != id(settings):
            self._tag = (id(settings), caps_tag(capabilities_of(settings)).encode("ascii"))
        return self._tag[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tag = self._header()

        async def tagged(message: Message) -> None:
            if tag is not None and message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), (CAPS_TAG_HEADER.lower().encode(), tag)]
            await send(message)

        await self.app(scope, receive, tagged)
