"""Find SBI device services: MOSIPDISC on every port 4501-4600 of 127.0.0.1 at once, bounded in time.

A closed port refuses at once; a port held by something that never answers
costs at most `per_port` seconds, and the whole scan never more than
`deadline`: what answered by then is the result. Discovery's digitalId is
unsigned (the spec): it is read as a bare payload or a JWS, never verified here.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterable
from urllib.parse import urlsplit

from app.biometrics.transport import request_json
from app.biometrics.jws import MalformedBlock, read_block
from app.biometrics.model import DeviceError, DeviceInfo
from app.core.biometric_positions import DISCOVER_ANY

PORTS = range(4501, 4601)


def _sub_ids(value: object) -> tuple[int, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            continue
    return tuple(out)


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),) if value not in (None, "") else ()


def callback_port(callback_id: object, port: int) -> int:
    """The port of ``callbackId`` ("takes precedence over future requests as a base URL"), only when it is
    ``http://127.0.0.1:<port in 4501-4600>``; else the port the answer came from."""
    try:
        parts = urlsplit(str(callback_id))
        if parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port in PORTS:
            return parts.port
    except ValueError:
        pass
    return port


def device_from(port: int, entry: dict, *, signed: bool = False) -> DeviceInfo:
    """A `DeviceInfo` from one discovery or device-info entry (missing fields left empty)."""
    port = callback_port(entry.get("callbackId"), port)
    raw_digital = entry.get("digitalId") or ""
    digital: dict = {}
    if isinstance(raw_digital, str) and raw_digital:
        try:
            digital = read_block(raw_digital, signed_required=False).payload
        except MalformedBlock:
            digital = {}
    error = entry.get("error") if isinstance(entry.get("error"), dict) else {}
    return DeviceInfo(
        port=port, device_id=str(entry.get("deviceId", "")), status=str(entry.get("deviceStatus", "")),
        device_type=str(digital.get("type", "")), device_sub_type=str(digital.get("deviceSubType", "")),
        sub_ids=_sub_ids(entry.get("deviceSubId", [])), certification=str(entry.get("certification", "")),
        purpose=str(entry.get("purpose", "")), env=str(entry.get("env", "")),
        service_version=str(entry.get("serviceVersion", "")), firmware=str(entry.get("firmware", "")),
        spec_versions=_strings(entry.get("specVersion")), device_code=str(entry.get("deviceCode", "")),
        callback_id=str(entry.get("callbackId", "")), digital_id=digital,
        digital_id_raw=raw_digital if isinstance(raw_digital, str) else "", signed=signed,
        error_code=str(error.get("errorCode", "")) if error else "")


def discover_port(port: int, device_type: str = DISCOVER_ANY, timeout: float = 1.0) -> list[DeviceInfo]:
    """The devices the service on `port` announces ([] when nothing SBI-like answers there)."""
    try:
        answer = request_json(port, "MOSIPDISC", "/device", {"type": device_type}, timeout)
    except DeviceError:
        return []
    entries = answer if isinstance(answer, list) else []
    return [device_from(port, e) for e in entries if isinstance(e, dict) and e.get("deviceId") not in (None, "")]


def discover(device_type: str = DISCOVER_ANY, ports: Iterable[int] = PORTS, *, per_port: float = 1.0,
             deadline: float = 3.0, workers: int = 25) -> list[DeviceInfo]:
    """Every device on `ports` that answers MOSIPDISC within `deadline` seconds, by port."""
    pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sbi-discover")
    try:
        futures = [pool.submit(discover_port, port, device_type, per_port) for port in ports]
        done, _pending = cf.wait(futures, timeout=deadline)
        found = [d for f in done if f.exception() is None for d in f.result()]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return sorted(found, key=lambda d: (d.port, d.device_id))
