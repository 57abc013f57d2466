"""POST /devices/register (enrollment code -> token) and GET /devices/me."""

import logging

import sqlalchemy as sa
from fastapi import APIRouter, Depends

from sync.protocol import (
    PROTOCOL_VERSION,
    DeviceInfo,
    EnrollmentRequest,
    EnrollmentResponse,
    Paths,
    Problems,
)
from sync.server import db
from sync.server.deps import CurrentDevice, EngineDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.routes import DEVICE_CALL, documented
from sync.server.security import new_token, normalize_code, secret_sha256

log = logging.getLogger("jemput.server.devices")

router = APIRouter(tags=["devices"], dependencies=[Depends(check_protocol)])


@router.post(Paths.REGISTER, response_model=EnrollmentResponse, status_code=201,
             responses=documented(400, 403, 413, 422, 426))
def register(body: EnrollmentRequest, engine: EngineDep) -> EnrollmentResponse:
    """Exchange a one-time enrollment code for this device's token (shown once)."""
    t = db.devices
    code_hash = secret_sha256(normalize_code(body.enrollment_code))
    token = new_token()
    now = db.utcnow()
    with db.write_transaction(engine) as conn:
        row = conn.execute(
            sa.select(t.c.id, t.c.name, t.c.area_kode, t.c.enroll_expires_at)
            .where(t.c.enroll_code_sha256 == code_hash, t.c.revoked_at.is_(None))
        ).first()
        if row is None or (row.enroll_expires_at is not None and row.enroll_expires_at < now):
            raise ProblemError(Problems.ENROLLMENT_INVALID)
        conn.execute(sa.update(t).where(t.c.id == row.id).values(
            token_sha256=secret_sha256(token), enroll_code_sha256=None, enrolled_at=now,
            label=(body.device_label or None)))
    log.info("perangkat %d terdaftar", row.id)
    return EnrollmentResponse(device_id=row.id, name=row.name, area_kode=row.area_kode,
                              token=token, protocol_version=PROTOCOL_VERSION)


@router.get(Paths.ME, response_model=DeviceInfo, responses=documented(*DEVICE_CALL))
def me(device: CurrentDevice) -> DeviceInfo:
    """Which device this token belongs to (a cheap check that the token works)."""
    return DeviceInfo(device_id=device.id, name=device.name, area_kode=device.area_kode)
