"""The pump's HTTP layer: one keep-alive session, failures as `SyncError` codes, retries and byte counts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import requests
from pydantic import ValidationError
from requests.adapters import HTTPAdapter
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from sync.client.errors import SyncError, Unreached, server_trouble
from sync.client.pace import LinkMeter
from sync.client.transport import PIN_MISMATCH, PinnedAdapter
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.protocol_caps import CAPS_TAG_HEADER, GZIP_MIN_BYTES, gzip_bytes
from sync.protocol_problems import Problems, parse_problem

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["Http", "problem_of", "refused"]


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("jemput")
    except Exception:  # noqa: BLE001 - not installed
        return "dev"


class Http:
    """One keep-alive `requests.Session` with the device's headers, the retry loop
    and byte counting. Safe to share between the pump's threads."""

    def __init__(self, pump: "SyncPump"):
        self.pump = pump
        self.session = requests.Session()
        # Only what the server needs: fewer header bytes on a slow link.
        self.session.headers.clear()
        self.session.headers.update({
            "User-Agent": f"jemput/{_app_version()}",
            PROTOCOL_HEADER: PROTOCOL_VERSION,
            "Accept-Encoding": "gzip",  # the target feed comes compressed; requests decodes it
        })
        self.pin: str | None = None
        self._mount()
        self.base = ""
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.meter = LinkMeter()
        self.unconfirmed = False  # the run's first answer is awaited: it stands in for the probe
        self.answered = False  # some request of this run was answered

    def _mount(self) -> None:
        pool = {"pool_connections": 2, "pool_maxsize": 16, "max_retries": 0}
        self.session.mount("http://", HTTPAdapter(**pool))
        self.session.mount("https://", PinnedAdapter(self.pin, **pool) if self.pin else HTTPAdapter(**pool))

    def configure(self, base: str, token: str | None, verify: bool | str, pin: str | None = None) -> None:
        """The server's base URL, the device token, TLS verification (True or a CA file) and
        the optional certificate pin (`sync.client.transport`)."""
        if verify != self.session.verify or base != self.base or pin != self.pin:
            # Pooled connections keep the TLS settings they were opened with.
            for adapter in set(self.session.adapters.values()):
                adapter.close()
            self.pin = pin
            self._mount()
        self.base = base
        self.session.verify = verify
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        else:
            self.session.headers.pop("Authorization", None)

    def reset_counters(self) -> None:
        with self._lock:
            self.requests = self.bytes_up = self.bytes_down = 0
            self.answered = False
        self.meter.reset()

    def count(self, *, up: int = 0, down: int = 0) -> None:
        """Count one request made outside `once` (the health probe)."""
        with self._lock:
            self.requests += 1
            self.bytes_up += up
            self.bytes_down += down

    def once(self, method: str, path: str, *, timeout: tuple[float, float] | None = None,
             **kw: Any) -> requests.Response:
        """One request; transport failures, 5xx, 429, 401 and 426 become `SyncError`."""
        self.pump._check_abort()
        t = self.pump.timeouts
        probing = self.unconfirmed
        if timeout is None:
            timeout = (min(t.connect, t.probe) if probing else t.connect, t.read)
        body = kw.get("data")
        sent = len(body) if isinstance(body, (bytes, bytearray, memoryview)) else 0
        answered = 0
        if sent:
            self.meter.begin()
        try:
            # verify passed per request: requests lets REQUESTS_CA_BUNDLE override Session.verify.
            resp = self.session.request(method, self.base + path, timeout=timeout,
                                        allow_redirects=False, verify=self.session.verify, **kw)
            answered = sent
        except requests.exceptions.SSLError as exc:
            if PIN_MISMATCH in str(exc):
                raise SyncError("tls", "sync.cert_pin_mismatch") from None
            raise SyncError("tls", "sync.tls") from None
        except requests.exceptions.Timeout as exc:
            if probing and isinstance(exc, requests.exceptions.ConnectTimeout) and self.unconfirmed:
                raise Unreached() from None
            raise SyncError("timeout", "sync.timeout") from None
        except (requests.exceptions.RequestException, OSError):
            if probing and self.unconfirmed:
                raise Unreached() from None
            raise SyncError("offline", "sync.unreachable") from None
        finally:
            if sent:
                self.meter.end(answered)
            with self._lock:
                self.requests += 1
                self.bytes_up += sent
        with self._lock:
            self.bytes_down += wire_bytes(resp)
            self.answered = True
        self.unconfirmed = False
        status = resp.status_code
        if status < 500:
            self.pump._note_caps_tag(resp.headers.get(CAPS_TAG_HEADER))
        if status >= 500 or status == 429:
            retry_after = None
            try:
                retry_after = float(resp.headers.get("Retry-After", ""))
            except ValueError:
                pass
            raise SyncError("busy" if status == 429 else "server", *server_trouble(status), status=status,
                            retry_after=retry_after)
        if status == 401:
            problem = problem_of(resp)
            code = problem.code if problem else None
            if code == Problems.TOKEN_REVOKED.code:
                raise SyncError("revoked", "sync.revoked", status=401, problem=code)
            raise SyncError("auth", "sync.token_rejected", status=401, problem=code)
        if status == 426:
            raise SyncError("protocol", "sync.version_unsupported", status=426)
        return resp

    def json_body(self, body: bytes) -> tuple[bytes, dict[str, str]]:
        """A JSON request body and its headers, gzip-compressed for a server that reads that
        (``Capabilities.gzip_requests``, `sync.protocol_caps`) when it is worth it."""
        headers = {"Content-Type": "application/json"}
        caps = self.pump._caps
        if caps is not None and caps.gzip_requests and len(body) >= GZIP_MIN_BYTES:
            return gzip_bytes(body), {**headers, "Content-Encoding": "gzip"}
        return body, headers

    def call(self, method: str, path: str, *, parse: Callable[[requests.Response], Any] | None = None,
             retry: bool = True, **kw: Any) -> Any:
        """`once` inside tenacity's attempt loop; `parse` runs inside it too, so an
        answer cut short (unreadable JSON) is retried like a dropped connection."""

        def attempt() -> Any:
            resp = self.once(method, path, **kw)
            if parse is None:
                return resp
            try:
                return parse(resp)
            except (ValueError, ValidationError):
                raise SyncError("server", "sync.answer_unreadable", status=resp.status_code) from None

        if not retry:
            return attempt()
        policy = self.pump.policy
        base_wait = wait_exponential_jitter(multiplier=policy.initial_wait, max=policy.max_wait,
                                            jitter=policy.initial_wait)

        def wait(state) -> float:  # noqa: ANN001
            seconds = base_wait(state)
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, SyncError) and exc.retry_after:
                seconds = max(seconds, min(exc.retry_after, policy.max_wait))
            return seconds

        retrying = Retrying(
            stop=stop_after_attempt(max(1, policy.attempts)),
            wait=wait,
            retry=retry_if_exception(lambda e: isinstance(e, SyncError) and e.transient),
            sleep=self.pump._sleep,
            reraise=True,
        )
        return retrying(attempt)

    def close(self) -> None:
        self.session.close()


def wire_bytes(resp: requests.Response) -> int:
    """The body's size on the wire: Content-Length (compressed) when given, else the decoded size."""
    try:
        return int(resp.headers["Content-Length"])
    except (KeyError, ValueError):
        return len(resp.content)


def problem_of(resp: requests.Response):  # noqa: ANN201
    """The server's problem document in an answer, if it has one."""
    try:
        return parse_problem(resp.json())
    except ValueError:
        return None


def refused(resp: requests.Response, kind: str = "refused") -> SyncError:
    """The error for an answer the pump cannot use (the server's words kept as a parameter)."""
    problem = problem_of(resp)
    return SyncError(kind, "sync.refused", {"status": resp.status_code, "words": problem.message if problem else ""},
                     status=resp.status_code, problem=problem.code if problem else None)
