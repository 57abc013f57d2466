"""The simulated SBI device service: MOSIPDISC, MOSIPDINFO, RCAPTURE and STREAM over HTTP on 127.0.0.1.

One service holds a finger slap scanner (deviceId "1", sub ids 1-3: left
four, right four, two thumbs) and a double iris camera (deviceId "2", sub ids
1-3: left, right, both), as a certified device service would. `Behaviour`
holds what it does wrong, chosen by `--fault` or ``POST /control``:

- ``busy`` / ``not_ready`` / ``not_registered``: that status, and its error code on capture;
- ``timeout``: a capture answers only after `hang_seconds` (the client gives up first);
- ``low_score``: the captures score `low_score`;
- ``drop``: the answer is cut off half-way (a stream after two frames);
- ``broken_chain``, ``malformed_block``, ``bad_signature``, ``not_iso``, ``wrong_transaction``:
  an answer that looks whole but is not what it claims;
- ``vendor_error``: the vendor's own error 501;
- ``auth_device``: the devices announce the purpose "Auth" (an authentication device).

A fault given with ``times`` applies to that many captures, then clears.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from app.biometrics.jws import b64url_encode
from app.biometrics.simulator import images
from app.biometrics.simulator.signer import Signer, unsigned
from app.core.biometric_positions import EYE_BY_SBI, FINGER_BY_SBI, SEGMENT_BY_SUB_ID, Modality
from app.core.sbi_codes import chain_hash

FAULTS = ("busy", "not_ready", "not_registered", "timeout", "low_score", "drop", "broken_chain",
          "malformed_block", "bad_signature", "not_iso", "wrong_transaction", "vendor_error", "auth_device")
SPEC = "0.9.5"
SERVICE_VERSION = "1.0.0"
DEVICES = {
    "1": {"type": Modality.FINGER.value, "deviceSubType": "Slap", "serial": "JMPSIMF00000001"},
    "2": {"type": Modality.IRIS.value, "deviceSubType": "Double", "serial": "JMPSIMI00000002"},
}
IRIS_BY_SUB_ID = {1: ("Left",), 2: ("Right",), 3: ("Left", "Right")}


@dataclass
class Behaviour:
    """What the simulated devices do: scores, faults (name → captures left, None = until cleared)."""

    score: float = 85.0
    low_score: float = 25.0
    hang_seconds: float = 30.0
    faults: dict[str, int | None] = field(default_factory=dict)
    captures: int = 0

    def active(self, name: str) -> bool:
        return name in self.faults

    def spend(self) -> None:
        """One capture done: count down the faults given with ``times``."""
        for name, left in list(self.faults.items()):
            if left is not None:
                if left <= 1:
                    del self.faults[name]
                else:
                    self.faults[name] = left - 1


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class SbiService(ThreadingHTTPServer):
    """The HTTP server and the state its handlers share."""

    daemon_threads = True
    allow_reuse_address = True  # a port in TIME_WAIT after a restart; never one another service listens on

    def __init__(self, port: int, behaviour: Behaviour):
        super().__init__(("127.0.0.1", port), SbiHandler)
        self.behaviour = behaviour
        self.lock = threading.Lock()  # guards behaviour
        self.capture_lock = threading.Lock()  # one capture at a time: the others are "Busy"
        self.signer = Signer()
        self.closing = threading.Event()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def has_fault(self, name: str) -> bool:
        with self.lock:
            return self.behaviour.active(name)

    def status(self) -> str:
        with self.lock:
            b = self.behaviour
            if b.active("not_registered"):
                return "Not Registered"
            if b.active("not_ready"):
                return "Not Ready"
            if b.active("busy") or self.capture_lock.locked():
                return "Busy"
        return "Ready"

    def digital_id(self, device_id: str, signed: bool = True) -> str:
        device = DEVICES[device_id]
        payload = {"serialNo": device["serial"], "make": "Jemput", "model": "Simulator " + device["type"],
                   "type": device["type"], "deviceSubType": device["deviceSubType"],
                   "deviceProvider": "Jemput (latihan)", "deviceProviderId": "JEMPUT.SIM", "dateTime": _now()}
        return self.signer.sign(payload) if signed else unsigned(payload)

    def device_entry(self, device_id: str, *, signed_digital_id: bool) -> dict:
        status = self.status()
        registered = status != "Not Registered"
        code = {"Busy": "111", "Not Ready": "110", "Not Registered": "100"}.get(status, "0")
        return {"deviceId": device_id, "deviceStatus": status, "certification": "L0",
                "serviceVersion": SERVICE_VERSION, "deviceSubId": ["1", "2", "3"],
                "callbackId": f"http://127.0.0.1:{self.port}/",
                "digitalId": self.digital_id(device_id, signed_digital_id and registered),
                "deviceCode": DEVICES[device_id]["serial"], "specVersion": [SPEC],
                "purpose": ("Auth" if self.has_fault("auth_device") else "Registration") if registered else "",
                "firmware": SERVICE_VERSION,
                "env": "Staging" if registered else "None",
                "error": {"errorCode": code, "errorInfo": "Success" if code == "0" else status}}


class SbiHandler(BaseHTTPRequestHandler):
    """One request to the simulated service."""

    server: SbiService
    protocol_version = "HTTP/1.1"
    server_version = "JemputSBISimulator/1.0"

    def log_message(self, format: str, *args) -> None:  # quiet: tests and the demo read no access log
        return

    # ------------------------------------------------------------------ plumbing

    def _body(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _send(self, value: object, *, cut: bool = False) -> None:
        data = json.dumps(value).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("CACHE-CONTROL", "no-store")
        self.send_header("LOCATION", f"http://127.0.0.1:{self.server.port}")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(data[: len(data) // 2] if cut else data)
            self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def _error(self, code: str, info: str) -> dict:
        return {"biometrics": [{"specVersion": SPEC, "data": "", "hash": "",
                                "error": {"errorCode": code, "errorInfo": info}}]}

    # ------------------------------------------------------------------ SBI verbs

    def do_MOSIPDISC(self) -> None:
        wanted = str(self._body().get("type", ""))
        self._send([self.server.device_entry(d, signed_digital_id=False) for d, info in DEVICES.items()
                    if wanted in ("Biometric Device", info["type"])])

    def do_MOSIPDINFO(self) -> None:
        self._body()
        out = []
        for device_id in DEVICES:
            entry = self.server.device_entry(device_id, signed_digital_id=True)
            error = entry.pop("error")
            signed = entry["deviceStatus"] != "Not Registered"
            out.append({"deviceInfo": self.server.signer.sign(entry) if signed else unsigned(entry),
                        "error": error})
        self._send(out)

    def do_CAPTURE(self) -> None:  # authentication capture: not a registration device's verb
        self._body()
        self._send(self._error("501", "CAPTURE is not supported by a registration device"))

    def do_RCAPTURE(self) -> None:
        request = self._body()
        server = self.server
        status = server.status()
        if status != "Ready":
            code = {"Busy": "111", "Not Ready": "110", "Not Registered": "100"}[status]
            self._send(self._error(code, status))
            return
        if not server.capture_lock.acquire(blocking=False):
            self._send(self._error("111", "Busy"))
            return
        try:
            with server.lock:
                behaviour = server.behaviour
                faults = set(behaviour.faults)
                score = behaviour.low_score if "low_score" in faults else behaviour.score
                hang = behaviour.hang_seconds
                behaviour.captures += 1
                behaviour.spend()
            if "timeout" in faults:
                server.closing.wait(hang)
            answer = self._capture(request, faults, score)
        finally:
            server.capture_lock.release()  # free before the answer leaves: the next request may follow at once
        self._send(answer, cut="drop" in faults)

    def _capture(self, request: dict, faults: set[str], score: float) -> dict:
        transaction = str(request.get("transactionId", ""))
        if not (4 <= len(transaction) <= 50 and all(c.isalnum() or c == "-" for c in transaction)):
            return self._error("112", "Invalid Transaction ID")
        if "vendor_error" in faults:
            return self._error("501", "Sensor kotor")
        bio = (request.get("bio") or [{}])[0]
        device_id = str(bio.get("deviceId", ""))
        if device_id not in DEVICES or DEVICES[device_id]["type"] != bio.get("type"):
            return self._error("106", "Device not found")
        subtypes = _subtypes(bio)
        if not subtypes:
            return self._error("109", "Requested number of biometric not supported")
        previous = str(bio.get("previousHash", ""))
        requested = bio.get("requestedScore", "0")
        out = []
        for index, subtype in enumerate(subtypes):
            quality = max(0, min(100, round(score - 3 * index)))
            iso = _record(bio["type"], subtype, quality, "not_iso" in faults)
            payload = {"digitalId": self.server.digital_id(device_id), "deviceCode": DEVICES[device_id]["serial"],
                       "deviceServiceVersion": SERVICE_VERSION, "bioType": bio["type"], "bioSubType": subtype,
                       "purpose": "Registration", "env": str(request.get("env", "Staging")),
                       "bioValue": b64url_encode(iso),
                       "transactionId": transaction + ("-X" if "wrong_transaction" in faults else ""),
                       "timestamp": _now(), "requestedScore": str(requested), "qualityScore": str(quality)}
            data = self.server.signer.sign(payload)
            if "malformed_block" in faults:
                data = data.split(".")[0] + ".%%%." + data.split(".")[2]
            if "bad_signature" in faults:
                head, body, sig = data.split(".")
                data = f"{head}.{body}.{sig[:10]}{'A' if sig[10] != 'A' else 'B'}{sig[11:]}"
            current = chain_hash(previous, iso)
            sent = current if "broken_chain" not in faults else chain_hash(previous, iso + b"x")
            out.append({"specVersion": SPEC, "data": data, "hash": sent,
                        "error": {"errorCode": "0", "errorInfo": "Success"}})
            previous = current
        return {"biometrics": out}

    def do_STREAM(self) -> None:
        request = self._body()
        server = self.server
        status = server.status()
        if status in ("Not Ready", "Not Registered"):
            self._send({"error": {"errorCode": "110" if status == "Not Ready" else "100", "errorInfo": status}})
            return
        with server.lock:
            faults = set(server.behaviour.faults)
            score = server.behaviour.score
        try:
            limit = time.monotonic() + float(request.get("timeout", 300_000)) / 1000
        except (TypeError, ValueError):
            limit = time.monotonic() + 300
        self.send_response(200)
        self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        tick = 0
        try:
            while time.monotonic() < limit and not server.closing.is_set():
                if "drop" in faults and tick == 2:
                    self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n\r\nxx")
                    return
                if "timeout" in faults:
                    server.closing.wait(server.behaviour.hang_seconds)
                    return
                frame = images.preview_frame(f"{server.status()} NFIQ2 {score:.0f}", tick)
                self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: "
                                 + str(len(frame)).encode() + b"\r\n\r\n" + frame + b"\r\n")
                self.wfile.flush()
                tick += 1
                server.closing.wait(0.1)
            self.wfile.write(b"--frame--\r\n")
        except OSError:
            return

    # ------------------------------------------------------------------ control (tests, demo)

    def do_GET(self) -> None:
        if self.path != "/control":
            self.send_error(404)
            return
        with self.server.lock:
            b = self.server.behaviour
            self._send({"faults": dict(b.faults), "score": b.score, "captures": b.captures})

    def do_POST(self) -> None:
        if self.path != "/control":
            self.send_error(404)
            return
        body = self._body()
        names = body.get("faults", [])
        if not isinstance(names, list) or any(n not in FAULTS for n in names):
            self.send_error(400, "unknown fault")
            return
        with self.server.lock:
            b = self.server.behaviour
            times = body.get("times")
            b.faults = {n: (int(times) if times is not None else None) for n in names}
            for key in ("score", "low_score", "hang_seconds"):
                if key in body:
                    setattr(b, key, float(body[key]))
        self._send({"ok": True})


def _subtypes(bio: dict) -> list[str]:
    kind = bio.get("type")
    asked = [s for s in bio.get("bioSubType") or [] if isinstance(s, str)]
    exceptions = set(bio.get("exception") or [])
    try:
        sub_id = int(bio.get("deviceSubId", 0))
    except (TypeError, ValueError):
        sub_id = 0
    if kind == Modality.FINGER.value:
        by_sub = SEGMENT_BY_SUB_ID[sub_id].fingers if sub_id in SEGMENT_BY_SUB_ID else ()
        names = asked or list(by_sub)
        return [s for s in names if s in FINGER_BY_SBI and s not in exceptions]
    if kind == Modality.IRIS.value:
        names = asked or list(IRIS_BY_SUB_ID.get(sub_id, ()))
        return [s for s in names if s in EYE_BY_SBI and s not in exceptions]
    return []


def _record(kind: str, subtype: str, quality: int, not_iso: bool) -> bytes:
    if kind == Modality.FINGER.value:
        position = FINGER_BY_SBI[subtype].iso_position
        if not_iso:
            return images.encode(images.fingerprint(position, quality))[0]
        return images.finger_record(position, quality)
    label = EYE_BY_SBI[subtype].iso_label
    if not_iso:
        return images.encode(images.iris(label, quality))[0]
    return images.iris_record(label, quality)
