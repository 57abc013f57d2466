"""The device's preview (SBI STREAM): an M-JPEG answer read frame by frame, and record images for display.

STREAM ``/stream`` with ``{"deviceId", "deviceSubId", "timeout"}`` answers
``multipart/x-mixed-replace`` parts of ``image/jpeg`` (3 or more a second).
`PreviewStream` yields each frame's JPEG bytes until the device ends the
stream, `close()` is called, or no frame comes within `frame_timeout`
(``sbi.timeout``); a device unplugged mid-stream ends it with
``sbi.disconnected``. An error answer (JSON ``{"error": …}``) raises its code.
`decode_view` turns an ISO record's image into a small grey image to show.
"""

from __future__ import annotations

import json

import cv2
import numpy as np

from app.biometrics.model import DeviceError, DeviceInfo
from app.biometrics.transport import _as_device_error, open_request
from app.core.sbi_codes import Fault, error_code_message

MAX_FRAME = 8 * 1024 * 1024
DISPLAY_MAX_SIDE = 320


class PreviewStream:
    """An open STREAM: iterate for JPEG frames (bytes); `close()` from any thread ends it."""

    def __init__(self, device: DeviceInfo, sub_id: int = 0, *, timeout_ms: int = 300_000,
                 frame_timeout: float = 3.0):
        self._timeout = frame_timeout
        body = {"deviceId": device.device_id, "deviceSubId": str(sub_id), "timeout": str(timeout_ms)}
        self._conn, self._response = open_request(device.port, "STREAM", "/stream", body, frame_timeout)
        kind = self._response.getheader("Content-Type", "")
        if self._response.status != 200 or "multipart" not in kind:
            raw = self._response.read(65536)
            self.close()
            raise _error_from(raw)
        marker = kind.partition("boundary=")[2].strip().strip('"')
        self._boundary = b"--" + marker.encode("ascii", "replace") if marker else None
        self._closed = False
        self._closed_by_caller = False

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if self._closed:
            raise StopIteration
        try:
            frame = self._read_part()
        except BaseException as exc:
            by_caller = self._closed_by_caller
            self._shutdown()
            if by_caller:
                raise StopIteration from None
            raise _as_device_error(exc, self._timeout) from None
        if frame is None:
            self._shutdown()
            raise StopIteration
        return frame

    def _read_part(self) -> bytes | None:
        fp = self._response
        line = b""
        while not line.strip():  # skip blank lines up to the boundary
            line = fp.readline(1024)
            if not line:
                return None
        if self._boundary and not line.strip().startswith(self._boundary):
            raise DeviceError(Fault.BAD_RESPONSE)
        if line.strip().endswith(b"--"):
            return None
        length = None
        while True:
            header = fp.readline(1024)
            if not header:
                raise DeviceError(Fault.DISCONNECTED)
            if not header.strip():
                break
            name, _, value = header.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length" and value.strip().isdigit():
                length = int(value.strip())
        if length is None or length > MAX_FRAME:
            raise DeviceError(Fault.BAD_RESPONSE)
        frame = fp.read(length)
        if len(frame) != length:
            raise DeviceError(Fault.DISCONNECTED)
        return frame

    def close(self) -> None:
        """End the stream (a frame being read ends the iteration quietly)."""
        self._closed_by_caller = True
        self._shutdown()

    def _shutdown(self) -> None:
        self._closed = True
        try:
            self._conn.close()
        except OSError:
            pass

    def __enter__(self) -> "PreviewStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _error_from(raw: bytes) -> DeviceError:
    try:
        error = json.loads(raw).get("error", {})
        code = str(error.get("errorCode", ""))
    except (ValueError, AttributeError):
        return DeviceError(Fault.BAD_RESPONSE)
    message = error_code_message(code)
    if message in ("", "sbi.unknown_error", "sbi.vendor_error"):
        params = {"code": code} if message == "sbi.unknown_error" else {"code": code, "info": str(error.get(
            "errorInfo", ""))[:200]}
        return DeviceError(message, params, device_code=code) if message else DeviceError(Fault.BAD_RESPONSE)
    return DeviceError(message, device_code=code)


def decode_frame(jpeg: bytes) -> np.ndarray | None:
    """A preview frame as a BGR image (None when it does not decode)."""
    return cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)


def decode_view(view: object, max_side: int = DISPLAY_MAX_SIDE) -> np.ndarray:
    """The image of an ISO view (JPEG 2000, PNG or JPEG) decoded and scaled for the screen.

    DeviceError ``iso.no_image`` when it does not decode (WSQ and raw images are not shown).
    """
    image = cv2.imdecode(np.frombuffer(view.image, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise DeviceError("iso.no_image")
    height, width = image.shape[:2]
    scale = max_side / max(height, width)
    if scale < 1:
        image = cv2.resize(image, (max(1, round(width * scale)), max(1, round(height * scale))),
                           interpolation=cv2.INTER_AREA)
    return image
