"""POST /devices/register (enrollment code -> token) and GET /devices/me.

Guessing codes is slowed down: after ``Settings.register_max_failures`` failed
codes from one client address within ``register_window_s`` seconds, that
address gets 429 (``Retry-After``) and its codes are not even looked at until
the window has moved on. A successful registration is not counted. The
attempts are counted in the database, shared by all workers (`sync.server.ratelimit`).
"""

import datetime as dt
import logging

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Request
from sqlalchemy.engine import Engine

from sync.protocol import PROTOCOL_VERSION, Paths
from sync.protocol_caps import EnrollmentWithCapabilities
from sync.protocol_enrollment import REGISTRATION_RETRY_HOURS, DeviceInfo, EnrollmentRequest, EnrollmentResponse
from sync.protocol_problems import Problems
from sync.server import clock, sequences, tables, transactions
from sync.server.bundle_keys import server_keys
from sync.server.deps import CurrentDevice, EngineDep, check_protocol
from sync.server.errors import ProblemError
from sync.server.ratelimit import Attempt, AttemptLimiter
from sync.server.routes import DEVICE_CALL, documented
from sync.server.routes.capabilities import capabilities_of
from sync.server.security import new_token, normalize_code, secret_sha256

log = logging.getLogger("jemput.server.devices")

router = APIRouter(tags=["devices"], dependencies=[Depends(check_protocol)])


@router.post(Paths.REGISTER, response_model=EnrollmentWithCapabilities, status_code=201,
             responses=documented(400, 403, 413, 422, 426, 429))
def register(body: EnrollmentRequest, engine: EngineDep, request: Request) -> EnrollmentWithCapabilities:
    """Exchange a one-time enrollment code for this device's token (shown once).

    Too many failed codes from the caller's address within the server's window
    answer 429.1 with ``Retry-After`` (seconds), whatever the code."""
    limiter: AttemptLimiter = request.app.state.register_limiter
    address = request.client.host if request.client else "-"
    attempt = limiter.admit(address)
    if not isinstance(attempt, Attempt):
        raise ProblemError(Problems.ENROLLMENT_RATE_LIMITED, {"Retry-After": str(attempt)},
                           retry_after=attempt)
    try:
        response = _exchange(body, engine)
    except ProblemError:
        if limiter.remaining(address) == 0:  # this failure used up the address's attempts
            log.warning("pendaftaran dari %s ditahan: %d kode salah dalam %.0f detik", address,
                        limiter.max_attempts, limiter.window_s)
        raise
    limiter.forgive(attempt)
    keys = server_keys(request.app.state.settings.data_dir)  # the laptop keeps them for bundles
    return EnrollmentWithCapabilities.model_validate({
        **response.model_dump(), "bundle_key": keys.encryption_public, "receipt_key": keys.signing_public,
        "capabilities": capabilities_of(request.app.state.settings)})


def _exchange(body: EnrollmentRequest, engine: Engine) -> EnrollmentResponse:
    t = tables.devices
    code_hash = secret_sha256(normalize_code(body.enrollment_code))
    nonce_hash = secret_sha256(body.nonce) if body.nonce else None
    token = new_token()
    now = clock.utcnow()
    with transactions.write_transaction(engine) as conn:
        row = conn.execute(
            sa.select(t.c.id, t.c.name, t.c.area_kode, t.c.enroll_expires_at)
            .where(t.c.enroll_code_sha256 == code_hash, t.c.revoked_at.is_(None))
        ).first()
        if row is None or (row.enroll_expires_at is not None and row.enroll_expires_at < now):
            return _again(conn, code_hash, nonce_hash, token, now, body.signing_key)
        taken = conn.execute(sa.update(t).where(t.c.id == row.id, t.c.enroll_code_sha256 == code_hash).values(
            token_sha256=secret_sha256(token), enroll_code_sha256=None, enrolled_at=now,
            enrolled_code_sha256=code_hash, enroll_nonce_sha256=nonce_hash,
            label=(body.device_label or None), signing_public_key=body.signing_key)).rowcount
        if taken != 1:  # another worker spent the code meanwhile (PostgreSQL, READ COMMITTED)
            return _again(conn, code_hash, nonce_hash, token, now, body.signing_key)  # that was this laptop, or 403
        moved = _take_over(conn, row.id, body.previous_token, now) if body.previous_token else None
    log.info("perangkat %d terdaftar", row.id)
    if moved is not None:
        log.info("perangkat %d menggantikan perangkat %d (%d rekaman dipindahkan)", row.id, *moved)
    return EnrollmentResponse(device_id=row.id, name=row.name, area_kode=row.area_kode,
                              token=token, protocol_version=PROTOCOL_VERSION)


def _again(conn: sa.engine.Connection, code_hash: str, nonce_hash: str | None, token: str,
           now: dt.datetime, signing_key: str | None = None) -> EnrollmentResponse:
    """A code already spent: the same laptop's retry (the same nonce, `_repeated`) gets
    that device back with a new token; anyone else gets 403.1. Also when the code was
    spent a moment ago by a concurrent request (another worker): one code, one device."""
    again = _repeated(conn, code_hash, nonce_hash, now) if nonce_hash else None
    if again is None:
        raise ProblemError(Problems.ENROLLMENT_INVALID)
    values = {"token_sha256": secret_sha256(token)}
    if signing_key:
        values["signing_public_key"] = signing_key
    conn.execute(sa.update(tables.devices).where(tables.devices.c.id == again.id).values(**values))
    log.info("perangkat %d: pendaftaran diulang (jawaban pertama hilang), token baru", again.id)
    return EnrollmentResponse(device_id=again.id, name=again.name, area_kode=again.area_kode,
                              token=token, protocol_version=PROTOCOL_VERSION)


def _repeated(conn: sa.engine.Connection, code_hash: str, nonce_hash: str, now):  # noqa: ANN001, ANN202
    """The device this code registered with this nonce within the retry window, whose
    token was never used and which is not revoked: the laptop never got the answer."""
    t = tables.devices
    return conn.execute(
        sa.select(t.c.id, t.c.name, t.c.area_kode)
        .where(t.c.enrolled_code_sha256 == code_hash, t.c.enroll_nonce_sha256 == nonce_hash,
               t.c.enrolled_at >= now - dt.timedelta(hours=REGISTRATION_RETRY_HOURS),
               t.c.first_seen_at.is_(None), t.c.revoked_at.is_(None))
        .with_for_update()
    ).first()


def _take_over(conn: sa.engine.Connection, new_id: int, previous_token: str, now) -> tuple[int, int] | None:  # noqa: ANN001
    """The laptop proved it held another device's token: that device's recordings
    become the new device's (so its half-sent media are expected from the new
    token, and its status feed continues) and the old token stops working.
    Returns (old device id, recordings moved), or None for an unknown token."""
    t = tables.devices
    old = conn.execute(sa.select(t.c.id, t.c.revoked_at).where(
        t.c.token_sha256 == secret_sha256(previous_token))).first()
    if old is None or old.id == new_id:
        return None
    # The laptop keeps its status cursor: the new device's sequence continues past the old one's.
    seqs = sequences.lock_devices(conn, [old.id, new_id])
    conn.execute(sa.update(t).where(t.c.id == new_id).values(status_seq=max(seqs.values())))
    moved = conn.execute(sa.update(tables.recordings).where(tables.recordings.c.device_id == old.id)
                         .values(device_id=new_id)).rowcount
    if old.revoked_at is None:
        conn.execute(sa.update(t).where(t.c.id == old.id).values(revoked_at=now))
    return old.id, moved


@router.get(Paths.ME, response_model=DeviceInfo, responses=documented(*DEVICE_CALL))
def me(device: CurrentDevice) -> DeviceInfo:
    """Which device this token belongs to (a cheap check that the token works)."""
    return DeviceInfo(device_id=device.id, name=device.name, area_kode=device.area_kode)
