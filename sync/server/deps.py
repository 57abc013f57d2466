"""FastAPI dependencies as `Annotated` aliases: settings, database, protocol check, device.

Routers declare what they need by type (``device: CurrentDevice``) instead of
repeating ``Depends(...)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Connection, Engine

from sync import protocol
from sync.protocol_problems import Problems
from sync.server import clock, tables, transactions
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


# The trivial dependencies are ``async def``: FastAPI runs a plain ``def``
# dependency in the thread pool, a thread hop per request for nothing.

async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_engine(request: Request) -> Engine:
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[Engine, Depends(get_engine)]


async def single_query_values(request: Request) -> None:
    """Every query parameter at most once (422.1 otherwise), on every route: each one the
    server takes is a single value, and of ``?since=5&since=x`` the framework would quietly
    read the last one and answer as if the request were sound."""
    given = Counter(name for name, _value in request.query_params.multi_items())
    repeated = sorted(name for name, times in given.items() if times > 1)
    if repeated:
        raise RequestValidationError([{"loc": ("query", name), "msg": "diberikan lebih dari sekali",
                                       "type": "repeated"} for name in repeated[:10]])


async def check_protocol(
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


_t = tables.devices
_DEVICE_BY_TOKEN = (
    sa.select(_t.c.id, _t.c.name, _t.c.area_kode, _t.c.area_digits, _t.c.revoked_at, _t.c.first_seen_at)
    .where(_t.c.token_sha256 == sa.bindparam("token_sha256"))
)
_FIRST_SEEN = (sa.update(_t).where(_t.c.id == sa.bindparam("b_id"), _t.c.first_seen_at.is_(None))
               .values(first_seen_at=sa.bindparam("b_now")))
"""Built once: SQLAlchemy memoises its cache key, so each lookup skips building
and compiling the statement."""


def token_hash_of(credentials: HTTPAuthorizationCredentials | None) -> str:
    """SHA-256 of the bearer token (401 when there is none)."""
    if credentials is None or not credentials.credentials:
        raise ProblemError(Problems.TOKEN_MISSING, _CHALLENGE)
    return secret_sha256(credentials.credentials)


def device_for(conn: Connection, token_hash: str) -> Device:
    """The device of a valid, unrevoked token, looked up on `conn` (401 otherwise).

    Every request looks its token up afresh (no cache), so a revocation made by
    ``jemput-server revoke-device`` in another process takes effect at once.
    """
    row = conn.execute(_DEVICE_BY_TOKEN, {"token_sha256": token_hash}).first()
    if row is None:
        raise ProblemError(Problems.TOKEN_INVALID, _CHALLENGE)
    if row.revoked_at is not None:
        raise ProblemError(Problems.TOKEN_REVOKED, _CHALLENGE)
    if row.first_seen_at is None:  # once in a device's life: it has now synced (list-devices shows it)
        # On the caller's connection: a request holding one and waiting for a second from a
        # pool its neighbours have emptied the same way would wait forever (50 devices' first
        # sync at once on SQLite hung every request until the laptops' read timeout).
        with transactions.write_on(conn) as write:
            write.execute(_FIRST_SEEN, {"b_id": row.id, "b_now": clock.utcnow()})
    return Device(row.id, row.name, row.area_kode, row.area_digits)


def current_device(
    engine: EngineDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """The device whose valid, unrevoked token the request carries (401 otherwise)."""
    token_hash = token_hash_of(credentials)
    with engine.connect() as conn:
        return device_for(conn, token_hash)


async def device_token_hash(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The bearer token's SHA-256 only (401 when missing); the route checks it with
    `device_for` in the same worker-thread call and connection as its own queries."""
    return token_hash_of(credentials)


def device_on_connection(
    engine: EngineDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Iterator[tuple[Device, Connection]]:
    """`current_device` and the connection it was looked up on, kept for the route's own
    statements until the request is answered (one checkout per request; a bad token is
    still a 401 before the body is judged)."""
    token_hash = token_hash_of(credentials)
    with engine.connect() as conn:
        yield device_for(conn, token_hash), conn


CurrentDevice = Annotated[Device, Depends(current_device)]
DeviceConnection = Annotated[tuple[Device, Connection], Depends(device_on_connection)]
DeviceTokenHash = Annotated[str, Depends(device_token_hash)]
