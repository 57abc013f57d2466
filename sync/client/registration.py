"""Registration: the admin's one-time enrollment code exchanged for this device's token.

A demo profile (generated residents, public passphrase) registers only with a
server whose ``GET /health`` declares ``demo: true`` (``jemput-server run
--demo``): asked first, before the code is sent; any other answer refuses it.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import socket
import time
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.core.messages import CodedError
from app.store.settings import is_demo_profile
from sync.bundle import new_signing_key
from app.store.retention import observe_clock
from sync.client.clock import utc_now
from sync.client.config import Keys
from sync.client.errors import RegistrationError, SyncError, enrollment_limited
from sync.client.payload import compact
from sync.client.transport import check_plain_http
from sync.protocol import Health, Paths
from sync.protocol_caps import CAPS_TAG_HEADER, EnrollmentWithCapabilities
from sync.protocol_enrollment import EnrollmentResponse
from sync.protocol_problems import Problems

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["normalize_server_url", "enroll", "register"]

log = logging.getLogger("jemput.sync")


def normalize_server_url(text: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; a ValueError (`CodedError`) otherwise."""
    url = (text or "").strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or len(url.split("://", 1)[1]) == 0:
        raise CodedError("sync.url_invalid")
    return url


def enroll(pump: "SyncPump", server_url: str, enrollment_code: str, device_name: str | None = None,
           *, ca_bundle: str | None = None) -> EnrollmentResponse:
    """`SyncPump.register`: the code for a token, kept in the pump's encrypted settings."""
    url = normalize_server_url(server_url)
    pump._abort.clear()
    code = (enrollment_code or "").strip()
    if not code:
        raise RegistrationError("config", "sync.enroll_code_missing")
    settings = pump.settings
    if ca_bundle is not None:
        settings.set(Keys.CA_BUNDLE, ca_bundle or None)
    check_plain_http(url, allow=bool(settings.get(Keys.ALLOW_HTTP)))  # before the code travels
    verify = pump._verify()
    pump.http.configure(url, None, verify, pump._pin())
    pump._configured = None
    label = (device_name or socket.gethostname() or "laptop").strip()[:100]
    if is_demo_profile(pump.store):
        _require_demo_server(pump)
    request = {"enrollment_code": code, "device_label": label}
    previous = settings.get(Keys.TOKEN)
    if previous and settings.get(Keys.SERVER_URL) == url:  # never hand a token to another server
        request["previous_token"] = previous  # the server moves our recordings to the new device
    request["nonce"] = _nonce(settings, url, code)  # kept until it works: a retry is recognised
    request["signing_key"] = _signing_key(settings)  # the server checks hand-carried bundles with it
    info, tag = _exchange(pump, request)
    with pump.store.transaction():
        settings.set(Keys.ENROLL_NONCE, None)
        settings.set(Keys.SERVER_URL, url)
        settings.set(Keys.TOKEN, info.token)
        settings.set(Keys.DEVICE_ID, info.device_id)
        settings.set(Keys.DEVICE_NAME, info.name)
        settings.set(Keys.AREA, info.area_kode)
        settings.set(Keys.STATUS_CURSOR, 0)
        settings.set(Keys.TARGETS_CURSOR, 0)
        settings.set(Keys.CAPABILITIES, _kept_capabilities(pump, info, tag))
        settings.set(Keys.SERVER_BUNDLE_KEY, info.bundle_key)  # None from a server without bundles
        settings.set(Keys.SERVER_RECEIPT_KEY, info.receipt_key)
        pump._clear_pause()
        pump._clear_failure()
    pump._caps, pump._caps_tag, pump._caps_stale = None, None, False  # read from the settings at the first sync
    if info.capabilities is not None:
        observe_clock(pump.store, info.capabilities.server_time, local_now=utc_now())
    log.info("perangkat terdaftar (id %d)", info.device_id)
    return info


def _kept_capabilities(pump: "SyncPump", info: EnrollmentWithCapabilities, tag: str | None) -> dict | None:
    """The capabilities the answer carried, as `SyncPump._capabilities` keeps them (None: asked at the first sync)."""
    if info.capabilities is None:
        return None
    kept = {"caps": info.capabilities.model_dump(mode="json"), "at": time.time(), "url": pump.http.base}
    if tag:
        kept["tag"] = tag
    return kept


def _nonce(settings, url: str, code: str) -> str:  # noqa: ANN001 - the pump's Settings
    """This laptop's nonce for registering `code` at `url`: made once and stored before the
    first try, so a retry (even after a restart) repeats it and the server recognises it."""
    key = hashlib.sha256(f"{url}\n{code}".encode()).hexdigest()
    held = settings.get(Keys.ENROLL_NONCE)
    if isinstance(held, dict) and held.get("for") == key and isinstance(held.get("nonce"), str):
        return held["nonce"]
    nonce = secrets.token_urlsafe(24)
    settings.set(Keys.ENROLL_NONCE, {"for": key, "nonce": nonce})
    return nonce


def _signing_key(settings) -> str:  # noqa: ANN001 - the pump's Settings
    """This laptop's Ed25519 public key (base64), made once and kept in the encrypted profile."""
    held = settings.get(Keys.DEVICE_SIGNING_KEY)
    if isinstance(held, dict) and isinstance(held.get("public"), str) and isinstance(held.get("private"), str):
        return held["public"]
    private, public = new_signing_key()
    settings.set(Keys.DEVICE_SIGNING_KEY, {"private": private, "public": public})
    return public


ATTEMPTS = 3
"""Tries of one registration: a lost answer (cut, timed out, unreadable) is asked again with the same nonce."""


def _exchange(pump: "SyncPump", request: dict) -> tuple[EnrollmentWithCapabilities, str | None]:
    t = pump.timeouts
    for attempt in range(1, ATTEMPTS + 1):
        last = attempt == ATTEMPTS
        try:
            resp = pump.http.once("POST", Paths.REGISTER, data=compact(request),
                                  headers={"Content-Type": "application/json"}, timeout=(t.connect, t.read))
        except SyncError as exc:
            if exc.status == 429:  # too many wrong codes from here: the server waits Retry-After seconds
                raise RegistrationError("refused", *enrollment_limited(exc.retry_after), status=429,
                                        problem=Problems.ENROLLMENT_RATE_LIMITED.code,
                                        retry_after=exc.retry_after) from None
            if exc.transient and not last:
                pump._sleep(pump.policy.initial_wait * attempt)
                continue
            raise
        if resp.status_code == 403:
            raise RegistrationError("refused", "sync.enroll_code_invalid", status=403)
        if resp.status_code != 201:
            raise RegistrationError("refused", "sync.not_a_jemput_server", {"status": resp.status_code},
                                    status=resp.status_code)
        try:
            info = EnrollmentWithCapabilities.model_validate_json(resp.content)
        except ValidationError:
            if last:
                raise RegistrationError("refused", "sync.enroll_answer_unreadable") from None
            continue
        return info, resp.headers.get(CAPS_TAG_HEADER) or None
    raise AssertionError("unreachable")  # pragma: no cover


def _require_demo_server(pump: "SyncPump") -> None:
    """Refuse (`RegistrationError`, ``sync.demo_server_required``) unless the server says it is a demo server."""
    t = pump.timeouts
    resp = pump.http.once("GET", Paths.HEALTH, timeout=(t.connect, t.read))
    try:
        demo = resp.status_code == 200 and Health.model_validate_json(resp.content).demo
    except ValidationError:
        demo = False
    if not demo:
        log.warning("pendaftaran profil demo ditolak: server bukan server demo")
        raise RegistrationError("refused", "sync.demo_server_required")


def register(store, server_url: str, enrollment_code: str, device_name: str | None = None,  # noqa: ANN001
             *, ca_bundle: str | None = None) -> EnrollmentResponse:
    """`SyncPump.register` for a store (a one-off pump)."""
    from sync.client.pump import SyncPump

    pump = SyncPump(store)
    try:
        return pump.register(server_url, enrollment_code, device_name, ca_bundle=ca_bundle)
    finally:
        pump.close()
