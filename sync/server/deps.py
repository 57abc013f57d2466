"""FastAPI dependencies as `Annotated` aliases: settings, database, protocol check, device.

Routers declare what they need by type (``device: CurrentDevice``) instead of
repeating ``Depends(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

from sync import protocol
from sync.protocol import Problems
from sync.server import db
from sync.server.errors import ProblemError
from sync.server.security import secret_sha256
from sync.server.settings import Settings


@dataclass(frozen=True)
class Device:
    """The registered device making the request."""

    id: int
    name: str
    area_kode: str
    area_digits: str


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[Engine, Depends(get_engine)]


def check_protocol(
    x_jemput_protocol: Annotated[
        str | None,
        Header(alias=protocol.PROTOCOL_HEADER, description="the client's protocol version, e.g. 1.0"),
    ] = None,
) -> tuple[int, int]:
    """Refuse clients that speak another major version of the protocol."""
    try:
        version = protocol.parse_protocol_version(x_jemput_protocol)
    except ValueError:
        raise ProblemError(Problems.PROTOCOL_HEADER_INVALID) from None
    if version[0] != protocol.PROTOCOL_MAJOR:
        raise ProblemError(Problems.PROTOCOL_MISMATCH, client=f"{version[0]}.{version[1]}",
                           server=protocol.PROTOCOL_VERSION)
    return version


ProtocolVersion = Annotated[tuple[int, int], Depends(check_protocol)]

_bearer = HTTPBearer(auto_error=False, description="the device token from /devices/register")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def current_device(
    engine: EngineDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """The device whose valid, unrevoked token the request carries (401 otherwise)."""
    if credentials is None or not credentials.credentials:
        raise ProblemError(Problems.TOKEN_MISSING, _CHALLENGE)
    token_hash = secret_sha256(credentials.credentials)
    t = db.devices
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(t.c.id, t.c.name, t.c.area_kode, t.c.area_digits, t.c.revoked_at)
            .where(t.c.token_sha256 == token_hash)
        ).first()
    if row is None:
        raise ProblemError(Problems.TOKEN_INVALID, _CHALLENGE)
    if row.revoked_at is not None:
        raise ProblemError(Problems.TOKEN_REVOKED, _CHALLENGE)
    return Device(row.id, row.name, row.area_kode, row.area_digits)


CurrentDevice = Annotated[Device, Depends(current_device)]
