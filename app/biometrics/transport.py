"""One SBI request over plain HTTP on 127.0.0.1: a custom method, a JSON body, and its failures as codes.

SBI's verbs are HTTP methods of their own (MOSIPDISC, MOSIPDINFO, RCAPTURE,
STREAM); `http.client` sends any method. Each request opens its own
connection (the device service answers ``Connection: Closed``). What goes
wrong maps to the catalogue: nothing listening → ``sbi.no_device``, no answer
in time → ``sbi.timeout``, a connection closed mid-answer → ``sbi.disconnected``,
an answer that is not JSON → ``sbi.bad_response``.
"""

from __future__ import annotations

import http.client
import json
import math
import socket

from app.biometrics.model import DeviceError
from app.core.sbi_codes import Fault

HOST = "127.0.0.1"  # the spec: 127.0.0.1, never "localhost"
APP_NAME = "Jemput"


def _seconds(timeout: float) -> int:
    return max(1, math.ceil(timeout))


def open_request(port: int, method: str, path: str, body: object | None, timeout: float
                 ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """Send `method` `path` with a JSON `body`; the open connection and its response (headers read)."""
    payload = b"" if body is None else json.dumps(body).encode("utf-8")
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=payload, headers={
            "Host": f"{HOST}:{port}", "EXT": APP_NAME, "Content-Type": "application/json",
            "Connection": "close"})
        return conn, conn.getresponse()
    except BaseException as exc:
        conn.close()
        raise _as_device_error(exc, timeout) from None


def _as_device_error(exc: BaseException, timeout: float) -> BaseException:
    if isinstance(exc, DeviceError):
        return exc
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return DeviceError(Fault.TIMEOUT, {"seconds": _seconds(timeout)})
    if isinstance(exc, ConnectionRefusedError):
        return DeviceError(Fault.NO_DEVICE)
    if isinstance(exc, (http.client.RemoteDisconnected, http.client.IncompleteRead, ConnectionError,
                        http.client.BadStatusLine)):
        return DeviceError(Fault.DISCONNECTED)
    if isinstance(exc, (OSError, http.client.HTTPException)):
        return DeviceError(Fault.DISCONNECTED)
    return exc


def request_json(port: int, method: str, path: str, body: object | None, timeout: float) -> object:
    """`open_request` and read the whole answer as JSON."""
    conn, response = open_request(port, method, path, body, timeout)
    try:
        raw = response.read()
        length = response.getheader("Content-Length")
        if length is not None and length.isdigit() and int(length) != len(raw):
            raise DeviceError(Fault.DISCONNECTED)
    except BaseException as exc:
        raise _as_device_error(exc, timeout) from None
    finally:
        conn.close()
    if response.status != 200:
        raise DeviceError(Fault.BAD_RESPONSE)
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise DeviceError(Fault.BAD_RESPONSE) from None
