"""The outbox pump: probe the server, send queued recordings in batches, upload
their media resumably, pull verification statuses and the target list.

No Qt here: ``jemput sync`` (`app.cli_sync`) and the window's sync worker
(`app.ui.sync_worker`) both drive a `SyncPump` over an open `Store`.

One run (`SyncPump.run_once`):

1. ``GET /health`` with a short timeout (`probe`); unreachable -> stop, nothing
   is counted against the queued recordings.
2. Queued recordings go out oldest first in batches (``POST /recordings/batch``,
   items from `protocol.build_item`). The answer says per item what the server
   did and how much of each photo/signature it already holds, so a fresh upload
   starts without asking for the offset. Media go as raw bytes in chunks
   (``PUT /media/{sha256}`` with ``Upload-Offset``) from a few worker threads,
   while the next batch is already on its way. A 409 carries the server's offset:
   the upload resumes from there, so a link cut at 90 % re-sends only the
   chunk that was cut.
3. An outbox entry is acknowledged only when the server has confirmed the record
   AND every one of its media (the batch answer and the last chunk's answer);
   only then does the recording leave "menunggu" (queued). ``already_have`` is
   a success. ``conflict`` (same UUID, other content) and items the server
   cannot store are parked with the server's words; the rest carry on. A
   ``rejected`` verdict is an acknowledged receipt: the recording shows
   "ditolak" with the reasons and can be fixed and resent as a new version
   (``replaces``).
4. ``GET /status?since=`` and ``GET /targets?since=`` bring later changes
   (another device recorded the same NIK...), cursors kept in the settings.

Failures: connection errors, timeouts, 5xx and 429 are retried a few times
within the run (tenacity, exponential back-off with jitter), then the run stops
and the next one is scheduled after an exponential, jittered delay capped near
ten minutes; the pump never gives up on a recording. 401 pauses the whole queue
(``sync_paused_reason``) until a person acts; a revoked device is told so and
stops trying. All words for the operator are in Bahasa Indonesia and carry no
personal data, so they may be logged.

Stopping at any moment (`abort`, a crash, a killed server) loses nothing and
duplicates nothing: the server keys on the client UUID, a chunk is appended
only when it arrived whole, and the local acknowledgement is written last.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import json
import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import requests
from pydantic import ValidationError
from requests.adapters import HTTPAdapter
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from app.core.findings import Finding
from app.core.lifecycle import RecordingStatus, can_move
from app.store.errors import NotFound
from app.store.outbox import Outbox, OutboxEntry
from app.store.recordings import Recording, RecordingRepo, reasons_from_json, reasons_to_json
from app.store.settings import Settings
from app.store.targets import TargetRepo
from sync import protocol
from sync.protocol import (
    OFFSET_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BUNDLE_CONTENT_TYPE,
    BatchResponse,
    BundleResponse,
    Capabilities,
    EnrollmentResponse,
    ItemOutcome,
    ItemResult,
    MediaState,
    Paths,
    Reason,
    RecordingPayload,
    ServerStatus,
    StatusEntry,
    StatusFeed,
    TargetEntry,
    TargetFeed,
    build_item,
    parse_problem,
)

__all__ = [
    "Keys",
    "RetryPolicy",
    "Timeouts",
    "SyncError",
    "SyncProgress",
    "SyncReport",
    "SyncOverview",
    "ProblemRecord",
    "SyncPump",
    "register",
    "sync_overview",
    "normalize_server_url",
]

log = logging.getLogger("jemput.sync")


class Keys:
    """Setting keys the pump reads and writes (values are JSON)."""

    SERVER_URL = "server_url"
    TOKEN = "sync.device_token"
    DEVICE_ID = "sync.device_id"
    DEVICE_NAME = "sync.device_name"
    AREA = "sync.area_kode"
    CA_BUNDLE = "sync.ca_bundle"  # optional PEM file of the Dinas CA (self-signed server)
    PAUSED = "sync_paused_reason"  # words for the operator; set = the queue is paused
    PAUSED_KIND = "sync.paused_kind"  # auth | revoked | protocol
    LAST_ERROR = "sync.last_error"
    LAST_ERROR_AT = "sync.last_error_at"
    NEXT_ATTEMPT = "sync.next_attempt_at"
    FAILURES = "sync.failures"  # consecutive failed runs (the back-off exponent)
    LAST_SYNC = "last_sync_at"  # the status bar reads this one
    STATUS_CURSOR = "sync.status_cursor"
    TARGETS_CURSOR = "sync.targets_cursor"
    CAPABILITIES = "sync.capabilities"
    POLL_SECONDS = "sync.poll_seconds"  # the window's health poll (default 30 s)


PAUSE_KINDS = ("auth", "revoked", "protocol")
FAR_FUTURE = "9999-12-31T00:00:00.000+00:00"
CAPABILITIES_MAX_AGE_S = 6 * 3600
DEFAULT_POLL_SECONDS = 30
SHORT_TRANSACTION = 50  # rows written per transaction: the window's capture shares the store


# --------------------------------------------------------------------------- settings & errors


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try.

    Attributes:
        attempts: tries of one request within a run (transient failures only).
        initial_wait, max_wait: the in-run waits between those tries (seconds,
            exponential with jitter).
        backoff_base, backoff_cap: the delay before the next run after a failed
            one: ``base * 2**(failures-1)``, capped, then jittered into
            ``[delay/2, delay]`` so a team's laptops do not return in step.
    """

    attempts: int = 4
    initial_wait: float = 0.5
    max_wait: float = 8.0
    backoff_base: float = 10.0
    backoff_cap: float = 600.0

    def next_delay(self, failures: int, rng: random.Random) -> float:
        delay = min(self.backoff_cap, self.backoff_base * 2 ** max(0, failures - 1))
        return delay * (0.5 + 0.5 * rng.random())


@dataclass(frozen=True)
class Timeouts:
    """Seconds: `probe` for the health check; `connect`/`read` for everything else."""

    probe: float = 5.0
    connect: float = 10.0
    read: float = 60.0


class SyncError(Exception):
    """A sync failure told in the operator's words.

    Attributes:
        kind: ``offline``, ``timeout``, ``server``, ``busy`` (retried), ``tls``,
            ``config``, ``refused``, ``media`` (backed off), ``auth``,
            ``revoked``, ``protocol`` (pause the queue), ``aborted``.
        message: Bahasa Indonesia, no personal data.
        status: the HTTP status, when there was an answer.
        code: the problem code from the server's catalogue, if any.
    """

    TRANSIENT = frozenset({"offline", "timeout", "server", "busy"})

    def __init__(self, kind: str, message: str, *, status: int | None = None, code: str | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.code = code
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.kind in self.TRANSIENT


class RegistrationError(SyncError):
    """The enrollment code was refused (or the address is not a Jemput server)."""


MSG_OFFLINE = "Server tidak dapat dihubungi (tidak ada sinyal, atau server mati)."
MSG_TIMEOUT = "Server terlalu lama menjawab (sinyal lemah)."
MSG_TLS = ("Sertifikat server tidak dapat diverifikasi. Periksa alamat server, atau pasang berkas "
           "sertifikat (CA) Dinas di pengaturan sinkron.")
MSG_NOT_REGISTERED = "Perangkat ini belum didaftarkan ke server. Isi alamat server dan kode pendaftaran dari admin."
MSG_AUTH = ("Server tidak mengenali perangkat ini (token ditolak). Pengiriman dihentikan sementara: "
            "daftarkan ulang perangkat dengan kode baru dari admin. Rekaman tetap aman di laptop ini.")
MSG_REVOKED = ("Perangkat ini telah dicabut oleh admin server, jadi pengiriman dihentikan. Rekaman tetap aman "
               "di laptop ini. Hubungi admin Dinas untuk kode pendaftaran baru.")
MSG_PROTOCOL = "Versi aplikasi ini tidak didukung server. Perbarui aplikasi Jemput, lalu coba lagi."
MSG_ABORTED = "Sinkron dihentikan."
MSG_BUSY = "Sinkron sedang berjalan."
MSG_ENROLLMENT = "Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa). Minta kode baru ke admin."
MSG_ENROLLMENT_LIMITED = "Terlalu banyak percobaan kode pendaftaran. Coba lagi dalam {minutes} menit."
MSG_ENROLLMENT_LIMITED_LATER = "Terlalu banyak percobaan kode pendaftaran. Coba lagi nanti."


def enrollment_limited_message(retry_after: float | None) -> str:
    """What the operator reads when the server refuses registration for a while (429)."""
    if not retry_after or retry_after <= 0:
        return MSG_ENROLLMENT_LIMITED_LATER
    return MSG_ENROLLMENT_LIMITED.format(minutes=max(1, int(-(-retry_after // 60))))  # whole minutes, up
CONFLICT_PREFIX = "Server sudah memegang versi lain rekaman ini"
MSG_CONFLICT = (CONFLICT_PREFIX + " (UUID sama, isi berbeda); salinan server tidak diubah. Rekaman ini diubah "
                "setelah terkirim sebagian: pilih \"Jadikan versi baru\" untuk mengirim isi laptop ini sebagai versi "
                "baru yang menggantikannya, atau hubungi admin.")


def is_conflict_message(text: str | None) -> bool:
    """Whether a parked entry's words say "conflict" (this wording or an earlier one)."""
    return bool(text) and text.startswith(CONFLICT_PREFIX)


def _server_trouble(status: int) -> str:
    if status == 429:
        return "Server sedang sibuk (HTTP 429)."
    if status in (502, 503, 504):
        return f"Server sedang tidak tersedia (HTTP {status})."
    return f"Terjadi kesalahan di server (HTTP {status})."


# --------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class SyncProgress:
    """Where a run is: ``phase`` is probe, send, media, status, targets or done.

    ``records_done`` counts recordings finished in this run (acknowledged or
    parked); ``bytes_done`` media bytes the server confirmed holding.
    """

    phase: str
    records_done: int = 0
    records_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass
class SyncReport:
    """What one run did.

    Attributes:
        sent: recordings posted (batch items, replays included).
        acked: outbox entries acknowledged (the server holds record and media).
        parked: entries parked with the server's words (conflict, refused).
        failed: entries whose attempt failed and were rescheduled.
        rejected, duplicates: acknowledged with those verdicts (part of `acked`).
        bytes_media: media bytes in chunks the server answered (repeats included;
            chunks lost with a dropped connection are in `bytes_up` only).
        bytes_up, bytes_down: request/response bodies (every attempt).
        requests: HTTP requests made.
        statuses_updated, targets_received: from the feeds.
        error, error_kind: the failure that stopped the run (None: it finished).
        paused_reason: set when the queue is paused (401, revoked device).
        next_attempt_at: when the next automatic try is due (after a failure).
        skipped: why nothing was attempted (not due yet, paused, busy).
    """

    started_at: str = ""
    duration_s: float = 0.0
    reachable: bool | None = None
    sent: int = 0
    acked: int = 0
    parked: int = 0
    failed: int = 0
    rejected: int = 0
    duplicates: int = 0
    bytes_media: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    statuses_updated: int = 0
    targets_received: int = 0
    error: str | None = None
    error_kind: str | None = None
    paused_reason: str | None = None
    next_attempt_at: str | None = None
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.paused_reason is None and self.skipped is None

    @property
    def records_per_s(self) -> float:
        return self.acked / self.duration_s if self.duration_s > 0 else 0.0

    def summary(self) -> str:
        """One line for the operator."""
        parts = [f"{self.acked} rekaman diterima server"]
        if self.rejected:
            parts.append(f"{self.rejected} ditolak")
        if self.duplicates:
            parts.append(f"{self.duplicates} perlu ditinjau")
        if self.parked:
            parts.append(f"{self.parked} ditahan")
        if self.failed:
            parts.append(f"{self.failed} gagal (dicoba lagi nanti)")
        mb = self.bytes_media / 1e6
        line = ", ".join(parts) + f"; {mb:.1f} MB media dalam {self.duration_s:.1f} s".replace(".", ",")
        if self.acked and self.duration_s > 0:
            line += f" ({self.records_per_s:.1f} rekaman/s)".replace(".", ",")
        return line


# --------------------------------------------------------------------------- helpers


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def parse_iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def local_clock(text: str | None) -> str:
    """An ISO time as the laptop's local HH:MM (with the date when not today)."""
    moment = parse_iso(text)
    if moment is None:
        return ""
    local = moment.astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")


def normalize_server_url(text: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; ValueError otherwise."""
    url = (text or "").strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or len(url.split("://", 1)[1]) == 0:
        raise ValueError("Alamat server harus diawali https:// (atau http:// di jaringan lokal).")
    return url


def reasons_message(reasons: Iterable[Reason]) -> str:
    """The server's reasons as one line (their messages name no person)."""
    seen: list[str] = []
    for r in reasons:
        if r.message and r.message not in seen:
            seen.append(r.message)
    return " ".join(m if m.endswith(".") else m + "." for m in seen)


def reasons_json(reasons: Iterable[Reason]) -> str | None:
    """The server's reasons as the JSON list stored next to the message (None when there are none)."""
    return reasons_to_json(r.model_dump(mode="json") for r in reasons)


def _recording_date(created_at: str) -> str:
    """The day of the recording on the laptop's own calendar (what the form validated against)."""
    moment = parse_iso(created_at) or utc_now()
    return moment.astimezone().date().isoformat()


def build_payload(rec: Recording, media: list[tuple[str, str, str, int]]) -> RecordingPayload:
    """The wire payload of a recording; `media` is (kind, sha256, mime, size) rows.

    Deterministic: the same recording always gives the same payload (and hash),
    so a resend is a replay. ``app_version`` is left out on purpose: an app
    update between two attempts would otherwise turn a replay into a conflict.
    """
    return RecordingPayload.model_validate({
        "resident": rec.resident.to_dict(),
        "recording_date": _recording_date(rec.created_at),
        "recorded_at": rec.created_at,
        "operator": rec.operator,
        "acknowledgements": [a.to_dict() for a in rec.acknowledgements],
        "photo_exception": rec.photo_exception,
        "signature_exception": rec.signature_exception,
        "media": [{"sha256": sha, "size": size, "kind": kind, "mime": mime}
                  for kind, sha, mime, size in sorted(media)],
        "replaces": rec.replaces_uuid,
    })


def _field_names(exc: ValidationError) -> str:
    names = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if not isinstance(p, int))
        if loc and loc not in names:
            names.append(loc)
    return ", ".join(names) or "isi rekaman"


def _compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("jemput")
    except Exception:  # noqa: BLE001 - not installed
        return "dev"


def _chunks(seq: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


# --------------------------------------------------------------------------- HTTP


class _Aborted(SyncError):
    def __init__(self) -> None:
        super().__init__("aborted", MSG_ABORTED)


class _Http:
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
        })
        self._mount()
        self.base = ""
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes_up = 0
        self.bytes_down = 0

    def _mount(self) -> None:
        adapter = HTTPAdapter(pool_connections=2, pool_maxsize=16, max_retries=0)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def configure(self, base: str, token: str | None, verify: bool | str) -> None:
        if verify != self.session.verify or base != self.base:
            # Pooled connections keep the TLS settings they were opened with.
            for adapter in set(self.session.adapters.values()):
                adapter.close()
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

    def once(self, method: str, path: str, *, timeout: tuple[float, float] | None = None,
             **kw: Any) -> requests.Response:
        """One request; transport failures, 5xx, 429, 401 and 426 become `SyncError`."""
        self.pump._check_abort()
        t = self.pump.timeouts
        try:
            # verify passed per request: requests lets REQUESTS_CA_BUNDLE override Session.verify.
            resp = self.session.request(method, self.base + path, timeout=timeout or (t.connect, t.read),
                                        allow_redirects=False, verify=self.session.verify, **kw)
        except requests.exceptions.SSLError:
            raise SyncError("tls", MSG_TLS) from None
        except requests.exceptions.Timeout:
            raise SyncError("timeout", MSG_TIMEOUT) from None
        except (requests.exceptions.RequestException, OSError):
            raise SyncError("offline", MSG_OFFLINE) from None
        finally:
            body = kw.get("data")
            with self._lock:
                self.requests += 1
                self.bytes_up += len(body) if isinstance(body, (bytes, bytearray, memoryview)) else 0
        with self._lock:
            self.bytes_down += len(resp.content)
        status = resp.status_code
        if status >= 500 or status == 429:
            retry_after = None
            try:
                retry_after = float(resp.headers.get("Retry-After", ""))
            except ValueError:
                pass
            raise SyncError("busy" if status == 429 else "server", _server_trouble(status), status=status,
                            retry_after=retry_after)
        if status == 401:
            problem = _problem(resp)
            code = problem.code if problem else None
            if code == protocol.Problems.TOKEN_REVOKED.code:
                raise SyncError("revoked", MSG_REVOKED, status=401, code=code)
            raise SyncError("auth", MSG_AUTH, status=401, code=code)
        if status == 426:
            raise SyncError("protocol", MSG_PROTOCOL, status=426)
        return resp

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
                raise SyncError("server", "Jawaban server terpotong atau tidak dapat dibaca.",
                                status=resp.status_code) from None

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


def _problem(resp: requests.Response):  # noqa: ANN202
    try:
        return parse_problem(resp.json())
    except ValueError:
        return None


# --------------------------------------------------------------------------- the run


@dataclass
class _Prepared:
    entry: OutboxEntry
    uuid: str
    body: bytes  # the item's compact JSON
    media: dict[str, tuple[str, int]]  # sha256 -> (kind, size)


@dataclass
class _Ack:
    uuid: str
    status: str
    payload_sha256: str
    message: str | None


class _Run:
    """The state of one `run_once` (shared by the main thread and the uploaders)."""

    def __init__(self, pump: "SyncPump", report: SyncReport, progress_cb, records_total: int, bytes_total: int):
        self.pump = pump
        self.report = report
        self.progress_cb = progress_cb
        self.lock = threading.Lock()
        self.records_total = records_total
        self.bytes_total = bytes_total
        self.records_done = 0
        self.bytes_done = 0
        self.phase = "send"
        self.open: dict[str, OutboxEntry] = {}  # taken in this run, not finished yet
        self.acks: list[_Ack] = []
        self.reasons: dict[str, str | None] = {}  # uuid -> the batch answer's reasons (JSON), kept with the ack
        self.last_emit = 0.0

    def emit(self, phase: str | None = None, *, force: bool = False) -> None:
        with self.lock:
            if phase:
                self.phase = phase
            now = time.monotonic()
            if not force and now - self.last_emit < 0.1:
                return
            self.last_emit = now
            progress = SyncProgress(self.phase, self.records_done, max(self.records_total, self.records_done),
                                    min(self.bytes_done, max(self.bytes_total, self.bytes_done)),
                                    max(self.bytes_total, self.bytes_done))
        self.pump._set_progress(progress, self.progress_cb)

    def add_bytes(self, n: int) -> None:
        with self.lock:
            self.bytes_done += n
        self.emit()

    def queue_ack(self, ack: _Ack) -> None:
        with self.lock:
            self.acks.append(ack)

    def flush_acks(self) -> None:
        """Write the confirmed acknowledgements in one short transaction."""
        with self.lock:
            acks, self.acks = self.acks, []
            reasons = {a.uuid: self.reasons.pop(a.uuid, None) for a in acks}
        if not acks:
            return
        pump = self.pump
        done = 0
        for part in _chunks(acks, SHORT_TRANSACTION):  # short: capture shares the store
            with pump.store.transaction():
                for a in part:
                    if pump.outbox.mark_acked(a.uuid, a.status, payload_sha256=a.payload_sha256,
                                              server_message=a.message,
                                              server_reasons=reasons[a.uuid] if a.message else None):
                        done += 1
                        if a.status == ServerStatus.REJECTED.value:
                            self.report.rejected += 1
                        elif a.status == ServerStatus.DUPLICATE_REVIEW.value:
                            self.report.duplicates += 1
        with self.lock:
            for a in acks:
                self.open.pop(a.uuid, None)
            self.report.acked += done
            self.records_done += len(acks)
        self.emit(force=True)

    def park(self, uuid: str, message: str) -> None:
        try:
            self.pump.outbox.park(uuid, message)
        except NotFound:
            pass
        with self.lock:
            self.open.pop(uuid, None)
            self.report.parked += 1
            self.records_done += 1
        self.emit()


CLIENT_BUNDLE_BYTES = 1024 * 1024
BUNDLE_HEADROOM = 16 * 1024  # room for the bundle's manifest line
MIN_BUNDLE_BYTES = 128 * 1024  # after failures halve the bundles down to this, then send files one by one
"""The client's own ceiling for a media bundle: on a 1 Mbit/s link about 8 s of
sending, so a connection cut half-way costs little to repeat."""


@dataclass
class _BundlePart:
    uuid: str
    kind: str
    state: MediaState
    future: cf.Future


class _Uploader:
    """Media uploads on a few threads; a recording is acknowledged when its last file is held.

    Small files the server holds nothing of go several at a time in a media
    bundle (one request, one database transaction on the server); a file the
    bundle could not deliver, and every large or half-sent file, goes the
    resumable way (`_upload_file`: offsets, chunks, 409 resumes).
    """

    def __init__(self, run: _Run, chunk_size: int, workers: int, bundle_bytes: int = 0):
        self.run = run
        self.pump = run.pump
        self.chunk = max(1, chunk_size)
        self.bundle_bytes = max(0, bundle_bytes)
        self.bundle: list[_BundlePart] = []
        self.bundle_size = 0
        self.pool = cf.ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="jemput-media")
        self.lock = threading.Lock()
        self.by_sha: dict[str, cf.Future] = {}
        self.waiting: dict[str, set[str]] = {}  # recording uuid -> shas still to finish
        self.acks: dict[str, _Ack] = {}
        self.error: BaseException | None = None
        self.outstanding = 0
        self.idle = threading.Condition(self.lock)
        self.stopping = threading.Event()  # the run failed: stop at the next chunk

    def add(self, prep: _Prepared, states: list[MediaState], ack: _Ack) -> None:
        with self.lock:
            self.waiting[prep.uuid] = {s.sha256 for s in states}
            self.acks[prep.uuid] = ack
        for state in states:
            full: list[_BundlePart] = []
            with self.lock:
                fut = self.by_sha.get(state.sha256)
                if fut is None:
                    kind = prep.media.get(state.sha256, (state.kind.value if state.kind else "photo", 0))[0]
                    self.outstanding += 1
                    if self._bundled(state):
                        if (self.bundle_size + state.size > self.bundle_bytes - BUNDLE_HEADROOM
                                or len(self.bundle) >= protocol.MAX_BUNDLE_FILES):
                            full = self._take_bundle()
                        fut = cf.Future()
                        self.bundle.append(_BundlePart(prep.uuid, kind, state, fut))
                        self.bundle_size += state.size
                    else:
                        fut = self.pool.submit(self._upload, prep.uuid, kind, state)
                    self.by_sha[state.sha256] = fut
            if full:
                self.pool.submit(self._send_bundle, full)
            fut.add_done_callback(lambda f, u=prep.uuid, s=state.sha256: self._done(u, s, f))

    def _bundled(self, state: MediaState) -> bool:
        """Whether a file goes in a bundle: small, and none of it on the server yet."""
        return self.bundle_bytes > 0 and state.offset == 0 and 0 < state.size <= self.bundle_bytes // 4

    def _take_bundle(self) -> list[_BundlePart]:
        parts, self.bundle, self.bundle_size = self.bundle, [], 0
        return parts

    def flush_bundle(self) -> None:
        """Send the files gathered so far as one bundle (on an upload thread)."""
        with self.lock:
            parts = self._take_bundle()
        if parts:
            self.pool.submit(self._send_bundle, parts)

    def _local(self, uuid: str, kind: str, state: MediaState) -> bytes:
        """The file's bytes from the laptop's store, checked against what the server expects."""
        items = self.pump.recordings.media(uuid, kind)
        data = items[0].data if items else b""
        if len(data) != state.size or protocol.sha256_hex(data) != state.sha256:
            raise _LocalMediaError(uuid)
        return data

    def _send_bundle(self, parts: list[_BundlePart]) -> None:
        pump, run = self.pump, self.run
        try:
            ready: list[tuple[_BundlePart, bytes]] = []
            for part in parts:
                try:
                    ready.append((part, self._local(part.uuid, part.kind, part.state)))
                except _LocalMediaError as exc:
                    part.future.set_exception(exc)
            if not ready:
                return
            pump._check_abort()
            if self.stopping.is_set():
                raise _Aborted()
            body = protocol.encode_bundle([(p.state.sha256, data) for p, data in ready])

            def parse(r: requests.Response) -> Any:
                if r.status_code != 200:
                    return r
                answer = BundleResponse.model_validate_json(r.content)
                with run.lock:
                    run.report.bytes_media += sum(len(data) for _p, data in ready)
                return answer

            try:
                # One try: a bundle is all or nothing on the wire, so on a link that keeps
                # dropping, the same megabyte again may never get through. Its files go on
                # the resumable way (each one kept once sent), later bundles are smaller.
                answer = pump.http.call("POST", Paths.MEDIA_BUNDLE, data=body, parse=parse,
                                        headers={"Content-Type": BUNDLE_CONTENT_TYPE}, retry=False)
            except SyncError as exc:
                if not exc.transient or isinstance(exc, _Aborted):
                    raise
                with self.lock:
                    self.bundle_bytes //= 2
                    if self.bundle_bytes < MIN_BUNDLE_BYTES:
                        self.bundle_bytes = 0
                answer = None
            again: list[tuple[_BundlePart, int]] = []
            if isinstance(answer, BundleResponse) and len(answer.results) == len(ready) and all(
                    r.sha256 == p.state.sha256 for r, (p, _d) in zip(answer.results, ready)):
                for result, (part, _data) in zip(answer.results, ready):
                    if result.complete:
                        run.add_bytes(part.state.size)
                        part.future.set_result(None)
                    else:
                        again.append((part, max(0, min(result.offset, part.state.size))))
            else:
                if isinstance(answer, requests.Response) and answer.status_code in (404, 405, 413):
                    with self.lock:
                        self.bundle_bytes = 0  # this server takes no (such) bundles: resumable only
                again = [(part, 0) for part, _data in ready]
            for part, offset in again:  # one by one, the resumable way
                state = part.state.model_copy(update={"offset": offset})
                try:
                    self._upload_file(part.uuid, part.kind, state)
                except BaseException as exc:  # noqa: BLE001 - handed to the future
                    part.future.set_exception(exc)
                else:
                    part.future.set_result(None)
        except BaseException as exc:  # noqa: BLE001 - every file of the bundle fails with it
            for part in parts:
                if not part.future.done():
                    part.future.set_exception(exc)
        finally:
            for _part in parts:
                self._finish_one()

    def _done(self, uuid: str, sha: str, fut: cf.Future) -> None:
        if fut.cancelled():
            return
        exc = fut.exception()
        if isinstance(exc, _LocalMediaError):
            with self.lock:
                self.waiting.pop(uuid, None)
                self.acks.pop(uuid, None)
            self.run.park(uuid, exc.message)
            return
        with self.lock:
            if exc is not None:
                if self.error is None or isinstance(self.error, _Aborted):
                    self.error = exc
                return
            left = self.waiting.get(uuid)
            if left is None:
                return
            left.discard(sha)
            if left:
                return
            del self.waiting[uuid]
            ack = self.acks.pop(uuid)
        self.run.queue_ack(ack)

    def _finish_one(self) -> None:
        with self.lock:
            self.outstanding -= 1
            self.idle.notify_all()

    def _upload(self, uuid: str, kind: str, state: MediaState) -> None:
        try:
            self._upload_file(uuid, kind, state)
        finally:
            self._finish_one()

    def _upload_file(self, uuid: str, kind: str, state: MediaState) -> None:
        pump, run = self.pump, self.run
        sha, size = state.sha256, state.size
        data = self._local(uuid, kind, state)
        offset = min(max(state.offset, 0), size)
        run.add_bytes(offset)  # already on the server
        restarts = finals = 0
        while True:
            pump._check_abort()
            if self.stopping.is_set():
                raise _Aborted()
            chunk = data[offset:offset + self.chunk]
            if not chunk:
                # Every byte is there but the server has not verified the file yet
                # (e.g. it died before finishing): an empty chunk at the end asks it to.
                finals += 1
                if finals > 2:
                    raise SyncError("server", "Server belum mengonfirmasi media; dicoba lagi nanti.")

            def parse(r: requests.Response) -> tuple[requests.Response, MediaState | None]:
                with run.lock:
                    run.report.bytes_media += len(chunk)
                return r, (MediaState.model_validate_json(r.content) if r.status_code == 200 else None)

            resp, held = pump.http.call("PUT", Paths.media(sha), data=chunk, parse=parse, headers={
                OFFSET_HEADER: str(offset), "Content-Type": "application/octet-stream"})
            if held is not None:
                run.add_bytes(held.offset - offset)
                offset = held.offset
                if held.complete:
                    return
                continue
            problem = _problem(resp)
            details = problem.details if problem else {}
            if resp.status_code == 409:
                new = details.get("offset")
                if not isinstance(new, int):  # no offset in the answer: ask for it
                    head = pump.http.call("HEAD", Paths.media(sha))
                    try:
                        new = int(head.headers.get(OFFSET_HEADER, ""))
                    except ValueError:
                        raise SyncError("server", "Server tidak menyebut offset unggahan; dicoba lagi nanti.") from None
                    details = {"offset": new, "complete": head.headers.get(protocol.COMPLETE_HEADER) == "1"}
                if details.get("complete"):
                    run.add_bytes(size - offset)
                    return
                run.add_bytes(new - offset)
                offset = new
                continue
            if resp.status_code == 422 and problem and problem.code == protocol.Problems.MEDIA_HASH_MISMATCH.code:
                restarts += 1
                if restarts > 2:
                    raise SyncError("media", "Berkas media berulang kali rusak di jalan; dicoba lagi nanti.")
                run.add_bytes(-offset)
                offset = 0
                continue
            if resp.status_code == 404:
                raise SyncError("server", "Server belum mencatat media rekaman ini; dicoba lagi nanti.",
                                status=404)
            raise SyncError("refused", _refused(resp), status=resp.status_code,
                            code=problem.code if problem else None)

    def wait_below(self, limit: int) -> None:
        """Back-pressure: block while more than `limit` files are outstanding."""
        with self.lock:
            while self.outstanding > limit and self.error is None:
                self.idle.wait(0.1)

    def raise_if_failed(self) -> None:
        with self.lock:
            exc = self.error
        if exc is not None:
            raise exc

    def finish(self) -> None:
        """Wait for every upload; re-raise the first failure."""
        self.flush_bundle()
        while True:
            with self.lock:
                futures = [f for f in self.by_sha.values() if not f.done()]
            if not futures:
                break
            cf.wait(futures, timeout=0.2)
            self.run.flush_acks()
        self.raise_if_failed()

    def shutdown(self) -> None:
        self.stopping.set()  # after `finish` nothing is running; after a failure, stop soon
        self.pool.shutdown(wait=True, cancel_futures=True)


class _LocalMediaError(SyncError):
    def __init__(self, uuid: str):
        super().__init__("media", "Berkas foto/tanda tangan rekaman ini di laptop rusak (SHA-256 tidak cocok); "
                                  "rekam ulang foto atau tanda tangan.")
        self.uuid = uuid


def _refused(resp: requests.Response) -> str:
    problem = _problem(resp)
    words = problem.message if problem else ""
    return f"Server menolak permintaan (HTTP {resp.status_code}). {words}".strip()


# --------------------------------------------------------------------------- the pump


class SyncPump:
    """Sends one profile's outbox to the server and pulls what changed.

    Thread-safe where it matters: `run_once` runs in one thread at a time (a
    second call returns at once with ``skipped``); `abort`, `is_syncing`,
    `last_progress` and `probe` may be called from any thread. The store is
    shared with the window: every write is a short transaction of its own.

    Attributes:
        store: the open profile.
        policy, timeouts: see `RetryPolicy`, `Timeouts`.
        batch_size: recordings per batch (the server's limit wins).
        upload_workers: media uploads in flight at once.
    """

    def __init__(self, store, *, policy: RetryPolicy | None = None, timeouts: Timeouts | None = None,
                 batch_size: int = 50, first_batch: int = 10, upload_workers: int = 4,
                 rng: random.Random | None = None):
        self.store = store
        self.settings = Settings(store)
        self.outbox = Outbox(store)
        self.recordings = RecordingRepo(store)
        self.targets = TargetRepo(store)
        self.policy = policy or RetryPolicy()
        self.timeouts = timeouts or Timeouts()
        self.batch_size = max(1, min(batch_size, protocol.MAX_BATCH_ITEMS))
        self.first_batch = max(1, first_batch)
        self.upload_workers = max(1, upload_workers)
        self.rng = rng or random.Random()
        self.http = _Http(self)
        self._abort = threading.Event()
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._syncing = False
        self._progress: SyncProgress | None = None
        self._last_sync_monotonic: float | None = None
        self._caps: Capabilities | None = None
        self._configured: tuple | None = None
        self._cb_lock = threading.Lock()
        self._active_run: _Run | None = None

    # ------------------------------------------------------------------ state

    @property
    def is_syncing(self) -> bool:
        with self._state_lock:
            return self._syncing

    @property
    def last_progress(self) -> SyncProgress | None:
        with self._state_lock:
            return self._progress

    @property
    def last_sync_at(self) -> str | None:
        """When the last run finished without error (ISO UTC), from the settings."""
        return self.settings.get(Keys.LAST_SYNC)

    def seconds_since_last_sync(self) -> float | None:
        last = parse_iso(self.last_sync_at)
        return None if last is None else (utc_now() - last).total_seconds()

    def abort(self) -> None:
        """Ask a running `run_once` to stop at the next safe point (thread-safe)."""
        self._abort.set()

    @property
    def registered(self) -> bool:
        return bool(self.settings.get(Keys.SERVER_URL)) and bool(self.settings.get(Keys.TOKEN))

    @property
    def paused_reason(self) -> str | None:
        return self.settings.get(Keys.PAUSED)

    @property
    def revoked(self) -> bool:
        return self.settings.get(Keys.PAUSED_KIND) == "revoked"

    def has_work(self, *, due_only: bool = True) -> bool:
        """Whether queued recordings wait (`due_only`: their back-off has passed)."""
        return bool(self.outbox.pending(limit=1, now=None if due_only else FAR_FUTURE))

    def due(self) -> bool:
        """Whether an automatic run should go now: work is due, not paused, not backing off."""
        if not self.registered or self.paused_reason:
            return False
        nxt = parse_iso(self.settings.get(Keys.NEXT_ATTEMPT))
        if nxt is not None and nxt > utc_now():
            return False
        return self.has_work()

    def resume(self) -> bool:
        """Lift a pause after a 401 (not a revoked device); True if it was lifted."""
        if self.settings.get(Keys.PAUSED_KIND) in ("auth", "protocol"):
            self._clear_pause()
            return True
        return False

    def close(self) -> None:
        self.abort()
        self.http.close()

    # ------------------------------------------------------------------ config

    def _verify(self) -> bool | str:
        bundle = self.settings.get(Keys.CA_BUNDLE)
        if bundle:
            if not os.path.isfile(bundle):
                raise SyncError("config", f"Berkas sertifikat CA tidak ditemukan: {bundle}")
            return bundle
        return True

    def _configure(self, *, need_token: bool = True) -> str:
        url = self.settings.get(Keys.SERVER_URL)
        token = self.settings.get(Keys.TOKEN)
        if not url or (need_token and not token):
            raise SyncError("config", MSG_NOT_REGISTERED)
        key = (url, token, self._verify())
        if key != self._configured:
            self.http.configure(normalize_server_url(url), token, key[2])
            self._configured = key
            self._caps = None
        return url

    # ------------------------------------------------------------------ registration

    def register(self, server_url: str, enrollment_code: str, device_name: str | None = None,
                 *, ca_bundle: str | None = None) -> EnrollmentResponse:
        """Exchange the admin's one-time code for this device's token (kept in the
        encrypted settings). TLS certificates are verified (`ca_bundle`: a PEM file
        for a Dinas server with its own CA). Raises `RegistrationError`/`SyncError`."""
        url = normalize_server_url(server_url)
        self._abort.clear()
        code = (enrollment_code or "").strip()
        if not code:
            raise RegistrationError("config", "Kode pendaftaran belum diisi.")
        if ca_bundle is not None:
            self.settings.set(Keys.CA_BUNDLE, ca_bundle or None)
        verify = self._verify()
        self.http.configure(url, None, verify)
        self._configured = None
        label = (device_name or socket.gethostname() or "laptop").strip()[:100]
        request = {"enrollment_code": code, "device_label": label}
        previous = self.settings.get(Keys.TOKEN)
        if previous and self.settings.get(Keys.SERVER_URL) == url:  # never hand a token to another server
            request["previous_token"] = previous  # the server moves our recordings to the new device
        t = self.timeouts
        try:
            resp = self.http.once("POST", Paths.REGISTER, data=_compact(request),
                headers={"Content-Type": "application/json"}, timeout=(t.connect, t.read))
        except SyncError as exc:
            if exc.status == 429:  # too many wrong codes from here: the server waits Retry-After seconds
                raise RegistrationError("refused", enrollment_limited_message(exc.retry_after), status=429,
                                        code=protocol.Problems.ENROLLMENT_RATE_LIMITED.code,
                                        retry_after=exc.retry_after) from None
            raise
        if resp.status_code == 403:
            raise RegistrationError("refused", MSG_ENROLLMENT, status=403)
        if resp.status_code != 201:
            raise RegistrationError("refused", "Alamat ini tidak menjawab sebagai server Jemput "
                                               f"(HTTP {resp.status_code}). Periksa alamat server.",
                                    status=resp.status_code)
        try:
            info = EnrollmentResponse.model_validate_json(resp.content)
        except ValidationError:
            raise RegistrationError("refused", "Jawaban server tidak dapat dibaca. Periksa alamat server.") from None
        with self.store.transaction():
            self.settings.set(Keys.SERVER_URL, url)
            self.settings.set(Keys.TOKEN, info.token)
            self.settings.set(Keys.DEVICE_ID, info.device_id)
            self.settings.set(Keys.DEVICE_NAME, info.name)
            self.settings.set(Keys.AREA, info.area_kode)
            self.settings.set(Keys.STATUS_CURSOR, 0)
            self.settings.set(Keys.TARGETS_CURSOR, 0)
            self.settings.set(Keys.CAPABILITIES, None)
            self._clear_pause()
            self._clear_failure()
        log.info("perangkat terdaftar (id %d)", info.device_id)
        return info

    # ------------------------------------------------------------------ probe

    def probe(self, timeout: float | None = None) -> bool:
        """Whether the server answers ``GET /health`` within `timeout` seconds."""
        try:
            self._configure(need_token=False)
        except SyncError:
            return False
        seconds = timeout or self.timeouts.probe
        try:
            resp = self.http.session.get(self.http.base + Paths.HEALTH, timeout=(seconds, seconds),
                                         allow_redirects=False, verify=self.http.session.verify)
            with self.http._lock:
                self.http.requests += 1
                self.http.bytes_down += len(resp.content)
            if resp.status_code != 200:
                return False
            health = protocol.Health.model_validate_json(resp.content)
            return protocol.is_compatible(health.protocol_version)
        except (requests.RequestException, OSError, ValueError, ValidationError):
            return False

    # ------------------------------------------------------------------ run

    def run_once(self, progress_cb: Callable[[SyncProgress], None] | None = None, *, force: bool = False,
                 probed: bool = False, pull: bool = True) -> SyncReport:
        """One sync: send what is due, then pull statuses and targets.

        `force` (the operator pressed "Sinkron sekarang", or the connection just
        came back) ignores the back-off and retries a 401 pause once; a revoked
        device never tries. `probed`: the caller has just seen ``/health`` answer.
        `progress_cb` may be called from an upload thread (never two at once).
        Never raises for network or server trouble: the report says what happened.
        """
        report = SyncReport(started_at=iso(utc_now()))
        if not self._run_lock.acquire(blocking=False):
            report.skipped = MSG_BUSY
            return report
        started = time.monotonic()
        self._abort.clear()
        self.http.reset_counters()
        with self._state_lock:
            self._syncing = True
            self._progress = SyncProgress("probe")
        self._active_run = None
        try:
            self._run(report, progress_cb, force, probed, pull)
        except SyncError as exc:
            self._failed(report, exc, self._active_run)
        finally:
            report.duration_s = time.monotonic() - started
            report.requests = self.http.requests
            report.bytes_up = self.http.bytes_up
            report.bytes_down = self.http.bytes_down
            with self._state_lock:
                self._syncing = False
            self._run_lock.release()
        run = self._active_run
        self._active_run = None
        if run is not None:
            run.emit("done", force=True)
        log.info("sinkron: dikirim=%d diakui=%d ditahan=%d gagal=%d media=%dB %.2fs%s",
                 report.sent, report.acked, report.parked, report.failed, report.bytes_media,
                 report.duration_s, f" galat={report.error_kind}" if report.error_kind else "")
        return report

    def _run(self, report: SyncReport, progress_cb, force: bool, probed: bool, pull: bool) -> None:
        self._configure()
        paused = self.settings.get(Keys.PAUSED)
        if paused:
            kind = self.settings.get(Keys.PAUSED_KIND)
            if kind == "revoked" or not force:
                report.paused_reason = paused
                return
        if not force:
            nxt = self.settings.get(Keys.NEXT_ATTEMPT)
            moment = parse_iso(nxt)
            if moment is not None and moment > utc_now():
                report.skipped = "Menunggu jadwal percobaan berikutnya."
                report.next_attempt_at = nxt
                return
        if not probed:
            self._set_progress(SyncProgress("probe"), progress_cb)
            report.reachable = self.probe()
            if not report.reachable:
                raise SyncError("offline", MSG_OFFLINE)
        else:
            report.reachable = True
        caps = self._capabilities()
        run = self._send_outbox(report, progress_cb, force, caps)
        if pull:
            run.emit("status", force=True)
            self._pull_status(report)
            run.emit("targets", force=True)
            self._pull_targets(report)
        self._succeeded()

    def _capabilities(self) -> Capabilities:
        if self._caps is not None:
            return self._caps
        cached = self.settings.get(Keys.CAPABILITIES)
        if isinstance(cached, dict):
            try:
                caps = Capabilities.model_validate(cached["caps"])
                if (time.time() - float(cached.get("at", 0))) < CAPABILITIES_MAX_AGE_S \
                        and cached.get("url") == self.http.base:
                    self._caps = caps
                    return caps
            except (KeyError, ValueError, TypeError, ValidationError):
                pass
        resp = self.http.call("GET", Paths.CAPABILITIES)
        if resp.status_code != 200:
            raise SyncError("refused", _refused(resp), status=resp.status_code)
        caps = Capabilities.model_validate_json(resp.content)
        self._caps = caps
        self.settings.set(Keys.CAPABILITIES, {"caps": caps.model_dump(mode="json"), "at": time.time(),
                                              "url": self.http.base})
        return caps

    def _forget_capabilities(self) -> None:
        self._caps = None
        self.settings.set(Keys.CAPABILITIES, None)

    # ------------------------------------------------------------------ sending

    def _due_totals(self, now: str) -> tuple[int, int]:
        rows = self.store.query(
            "SELECT count(*), coalesce(sum((SELECT coalesce(sum(m.size), 0) FROM media m"
            " WHERE m.recording_uuid = o.recording_uuid)), 0)"
            " FROM outbox o WHERE o.state = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)",
            (now,))
        return int(rows[0][0]), int(rows[0][1])

    def _media_meta(self, uuids: list[str]) -> dict[str, list[tuple[str, str, str, int]]]:
        out: dict[str, list[tuple[str, str, str, int]]] = {u: [] for u in uuids}
        for part in _chunks(uuids):
            rows = self.store.query(
                f"SELECT recording_uuid, kind, sha256, mime, size FROM media"
                f" WHERE recording_uuid IN ({', '.join('?' * len(part))})", part)
            for uuid, kind, sha, mime, size in rows:
                out[uuid].append((kind, sha, mime, int(size)))
        return out

    def _prepare(self, entries: list[OutboxEntry], run: _Run) -> list[_Prepared]:
        meta = self._media_meta([e.recording_uuid for e in entries])
        preps = []
        for entry in entries:
            rec = self.recordings.find(entry.recording_uuid)
            if rec is None:
                with run.lock:
                    run.open.pop(entry.recording_uuid, None)
                continue
            media = meta.get(rec.uuid, [])
            try:
                payload = build_payload(rec, media)
            except ValidationError as exc:
                run.add_bytes(sum(m[3] for m in media))
                run.park(rec.uuid, f"Rekaman tidak dapat dikirim: isian tidak sesuai format ({_field_names(exc)}).")
                continue
            item = build_item(rec.uuid, payload)
            preps.append(_Prepared(entry, rec.uuid, _compact(item), {sha: (kind, size) for kind, sha, _m, size in media}))
        return preps

    def _send_outbox(self, report: SyncReport, progress_cb, force: bool, caps: Capabilities) -> _Run:
        when = FAR_FUTURE if force else iso(utc_now())
        total, total_bytes = self._due_totals(when)
        run = _Run(self, report, progress_cb, total, total_bytes)
        self._active_run = run
        run.emit("send", force=True)
        batch = max(1, min(self.batch_size, caps.max_batch_items))
        size = min(batch, self.first_batch)
        uploader = _Uploader(run, caps.max_chunk_bytes, self.upload_workers,
                             min(caps.max_bundle_bytes, CLIENT_BUNDLE_BYTES))
        seen: set[str] = set()
        try:
            while True:
                self._check_abort()
                uploader.raise_if_failed()
                uploader.wait_below(2 * batch)
                run.flush_acks()
                uploader.raise_if_failed()
                entries = [e for e in self.outbox.pending(limit=len(seen) + size, now=when)
                           if e.recording_uuid not in seen][:size]
                if not entries:
                    break
                for e in entries:
                    seen.add(e.recording_uuid)
                    with run.lock:
                        run.open[e.recording_uuid] = e
                preps = self._prepare(entries, run)
                if preps:
                    answered = self._post(preps, run)
                    # Stored on the server (media may still be on the way): from now on
                    # the recording is locked for editing (an edit would be a conflict).
                    self.outbox.mark_delivered([
                        (p.uuid, r.status.value, p.entry.payload_sha256) for p, r in answered
                        if r.status is not None and r.outcome is not ItemOutcome.CONFLICT])
                    for prep, result in answered:
                        self._handle(prep, result, run, uploader)
                    uploader.flush_bundle()
                size = batch
            run.emit("media", force=True)
            uploader.finish()
            run.flush_acks()
        finally:
            uploader.shutdown()
            run.flush_acks()
        return run

    def _post(self, preps: list[_Prepared], run: _Run) -> list[tuple[_Prepared, ItemResult]]:
        """POST one batch; split it when the server finds it too big or malformed."""
        body = b'{"items":[' + b",".join(p.body for p in preps) + b"]}"

        def parse(resp: requests.Response) -> Any:
            if resp.status_code == 200:
                return BatchResponse.model_validate_json(resp.content)
            return resp

        answer = self.http.call("POST", Paths.BATCH, data=body, headers={"Content-Type": "application/json"},
                                parse=parse)
        with run.lock:
            run.report.sent += len(preps)
        if isinstance(answer, BatchResponse):
            results = answer.results
            if len(results) != len(preps) or any(r.uuid != p.uuid for r, p in zip(results, preps)):
                raise SyncError("server", "Jawaban server tidak sesuai kiriman; dicoba lagi nanti.")
            with run.lock:  # the structured reasons travel to `flush_acks` beside the `_Ack`
                run.reasons.update((r.uuid, reasons_json(r.reasons)) for r in results)
            return list(zip(preps, results))
        resp: requests.Response = answer
        problem = _problem(resp)
        code = problem.code if problem else ""
        with run.lock:
            run.report.sent -= len(preps)
        if resp.status_code == 413 and code == protocol.Problems.BATCH_TOO_LARGE.code:
            limit = (problem.details or {}).get("limit") if problem else None
            self._forget_capabilities()
            if isinstance(limit, int) and limit >= 1:
                self.batch_size = min(self.batch_size, limit)
        if resp.status_code in (413, 422) and len(preps) > 1:
            half = len(preps) // 2
            return self._post(preps[:half], run) + self._post(preps[half:], run)
        if resp.status_code in (413, 422):
            words = problem.message if problem else ""
            run.park(preps[0].uuid, f"Server tidak dapat menerima rekaman ini (HTTP {resp.status_code}). {words}".strip())
            return []
        raise SyncError("refused", _refused(resp), status=resp.status_code, code=code or None)

    def _handle(self, prep: _Prepared, result: ItemResult, run: _Run, uploader: _Uploader) -> None:
        message = reasons_message(result.reasons) or None
        unsent = sum(size for _kind, size in prep.media.values())  # for the progress bar: nothing more to send
        if result.outcome is ItemOutcome.CONFLICT:
            run.add_bytes(unsent)
            run.park(prep.uuid, MSG_CONFLICT)
            return
        if result.status is None:  # not stored (e.g. the payload hash did not match)
            run.add_bytes(unsent)
            run.park(prep.uuid, message or "Server tidak menyimpan rekaman ini.")
            return
        ack = _Ack(prep.uuid, result.status.value, prep.entry.payload_sha256, message)
        if result.status is ServerStatus.REJECTED:
            run.add_bytes(unsent)
            run.queue_ack(ack)  # a verdict: nothing more to send; the operator fixes it as a new version
            return
        missing = [m for m in result.media if not m.complete]
        complete_bytes = sum(m.size for m in result.media if m.complete)
        if complete_bytes:
            run.add_bytes(complete_bytes)
        if not missing:
            run.queue_ack(ack)
            return
        uploader.add(prep, missing, ack)

    # ------------------------------------------------------------------ pulling

    def _pull_feed(self, path: str, model: type, cursor_key: str, apply: Callable[[list], None]) -> None:
        """Page through a cursor feed (``GET path?since=CURSOR``) until it has no more,
        handing each page's items to `apply` and keeping the cursor after each page."""
        cursor = int(self.settings.get(cursor_key, 0) or 0)
        while True:
            feed = self.http.call("GET", path, params={"since": cursor},
                                  parse=lambda r: model.model_validate_json(r.content) if r.status_code == 200
                                  else r)
            if not isinstance(feed, model):
                raise SyncError("refused", _refused(feed), status=feed.status_code)
            if feed.items:
                apply(feed.items)
            cursor = feed.next_cursor
            self.settings.set(cursor_key, cursor)
            if not feed.more or not feed.items:
                return

    def _pull_status(self, report: SyncReport) -> None:
        def apply(items: list[StatusEntry]) -> None:
            report.statuses_updated += self._apply_statuses(items)

        self._pull_feed(Paths.STATUS, StatusFeed, Keys.STATUS_CURSOR, apply)

    def _apply_statuses(self, items: list[StatusEntry]) -> int:
        """Move acknowledged recordings to the server's latest verdict; returns how many moved."""
        latest: dict[str, StatusEntry] = {}
        for e in items:
            latest[e.uuid] = e
        if not latest:
            return 0
        current: dict[str, str] = {}
        uuids = list(latest)
        for part in _chunks(uuids):
            current.update(self.store.query(
                f"SELECT uuid, status FROM recordings WHERE uuid IN ({', '.join('?' * len(part))})", part))
        moves = []
        for uuid, e in latest.items():
            cur = current.get(uuid)
            if cur is None:
                continue
            cur_status = RecordingStatus(cur)
            if cur_status in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE, RecordingStatus.QUEUED):
                continue  # the outbox still owns it: only a batch answer acknowledges
            if e.status is ServerStatus.REPLACED:
                continue  # a newer version took over; the old one keeps its last verdict
            if e.status is not ServerStatus.REJECTED and not e.received_complete:
                continue
            new = RecordingStatus(e.status.value)
            if new is cur_status or not can_move(cur_status, new):
                continue
            moves.append((uuid, new, {"status": e.status.value, "message": reasons_message(e.reasons),
                                      "reasons": reasons_json(e.reasons) or "[]"}))
        for part in _chunks(moves, SHORT_TRANSACTION):
            with self.store.transaction():
                for uuid, new, info in part:
                    self.recordings.set_status(uuid, new, info)
        return len(moves)

    def _pull_targets(self, report: SyncReport) -> None:
        def apply(items: list[TargetEntry]) -> None:
            niks = [t.nik for t in items]
            known: dict[str, str] = {}
            for part in _chunks(niks):
                known.update(self.store.query(
                    f"SELECT nik, status_ktp FROM targets WHERE nik IN ({', '.join('?' * len(part))})", part))
            rows = [{
                "nik": t.nik, "nama": t.nama, "tanggal_lahir": t.tanggal_lahir,
                "jenis_kelamin": t.jenis_kelamin, "alamat": t.alamat, "rt": t.rt, "rw": t.rw,
                "kelurahan_kode": t.kelurahan_kode, "status_ktp": known.get(t.nik, ""), "source": "server",
                # "this_device" needs no flag: the recording is here and counts already.
                "recorded_elsewhere": t.recorded_by == "other_device",
            } for t in items]
            errors: list[tuple[int, str]] = []
            self.targets.upsert_many(rows, batch=4 * SHORT_TRANSACTION, errors=errors, source="server")
            report.targets_received += len(rows) - len(errors)

        self._pull_feed(Paths.TARGETS, TargetFeed, Keys.TARGETS_CURSOR, apply)

    # ------------------------------------------------------------------ outcomes

    def _succeeded(self) -> None:
        with self.store.transaction():
            self._clear_failure()
            if self.settings.get(Keys.PAUSED):
                self._clear_pause()
            self.settings.set(Keys.LAST_SYNC, iso(utc_now()))

    def _clear_failure(self) -> None:
        for key in (Keys.LAST_ERROR, Keys.LAST_ERROR_AT, Keys.NEXT_ATTEMPT):
            self.settings.set(key, None)
        self.settings.set(Keys.FAILURES, 0)

    def _clear_pause(self) -> None:
        self.settings.set(Keys.PAUSED, None)
        self.settings.set(Keys.PAUSED_KIND, None)

    def _failed(self, report: SyncReport, exc: SyncError, run: _Run | None) -> None:
        report.error = exc.message
        report.error_kind = exc.kind
        if exc.kind == "aborted":
            return
        now = utc_now()
        if exc.kind == "config":  # not registered, CA file missing: nothing to retry until someone acts
            self.settings.set(Keys.LAST_ERROR, exc.message)
            self.settings.set(Keys.LAST_ERROR_AT, iso(now))
            return
        if exc.kind in PAUSE_KINDS:
            with self.store.transaction():
                self.settings.set(Keys.PAUSED, exc.message)
                self.settings.set(Keys.PAUSED_KIND, exc.kind)
                self.settings.set(Keys.LAST_ERROR, exc.message)
                self.settings.set(Keys.LAST_ERROR_AT, iso(now))
            report.paused_reason = exc.message
            log.warning("sinkron dihentikan sementara (%s)", exc.kind)
            return
        failures = int(self.settings.get(Keys.FAILURES, 0) or 0) + 1
        nxt = iso(now + dt.timedelta(seconds=self.policy.next_delay(failures, self.rng)))
        report.next_attempt_at = nxt
        with self.store.transaction():
            self.settings.set(Keys.FAILURES, failures)
            self.settings.set(Keys.NEXT_ATTEMPT, nxt)
            self.settings.set(Keys.LAST_ERROR, exc.message)
            self.settings.set(Keys.LAST_ERROR_AT, iso(now))
            if run is not None:
                with run.lock:
                    open_entries = list(run.open.values())
                    run.open.clear()
                for entry in open_entries:
                    try:
                        self.outbox.record_failure(entry.recording_uuid, exc.message, nxt)
                        report.failed += 1
                    except NotFound:
                        pass
        log.warning("sinkron gagal (%s); dicoba lagi %s", exc.kind, nxt)

    # ------------------------------------------------------------------ plumbing

    def _check_abort(self) -> None:
        if self._abort.is_set():
            raise _Aborted()

    def _sleep(self, seconds: float) -> None:
        if self._abort.wait(max(0.0, seconds)):
            raise _Aborted()

    def _set_progress(self, progress: SyncProgress, cb) -> None:  # noqa: ANN001
        with self._state_lock:
            self._progress = progress
        if cb is not None:
            with self._cb_lock:
                try:
                    cb(progress)
                except Exception as exc:  # noqa: BLE001 - a display problem must not stop the sync
                    log.error("progress callback failed: %s", type(exc).__name__)


def register(store, server_url: str, enrollment_code: str, device_name: str | None = None,
             *, ca_bundle: str | None = None) -> EnrollmentResponse:
    """`SyncPump.register` for a store (a one-off pump)."""
    pump = SyncPump(store)
    try:
        return pump.register(server_url, enrollment_code, device_name, ca_bundle=ca_bundle)
    finally:
        pump.close()


# --------------------------------------------------------------------------- overview for the UI


@dataclass(frozen=True)
class ProblemRecord:
    """A recording that needs a person: rejected, in duplicate review, or parked.

    ``fixed``: a corrected version of this rejected recording already exists.
    ``conflict``: parked because the server holds this UUID with other content
    (`app.session.Session.resend_conflict_as_new_version` is the way out).
    """

    uuid: str
    kind: str  # rejected | duplicate_review | parked
    nama: str
    nik: str
    message: str
    fixed: bool = False
    conflict: bool = False
    reasons: tuple[Finding, ...] = ()  # the server's reasons, structured (empty: only `message`)


@dataclass(frozen=True)
class SyncOverview:
    """Everything the Antrian & Sinkron screen shows, read in a few short queries."""

    registered: bool
    server_url: str | None
    device_name: str | None
    paused_reason: str | None
    revoked: bool
    last_error: str | None
    last_error_at: str | None
    next_attempt_at: str | None
    last_sync_at: str | None
    status_counts: dict[str, int] = field(default_factory=dict)
    outbox_counts: dict[str, int] = field(default_factory=dict)
    problems: list[ProblemRecord] = field(default_factory=list)

    @property
    def waiting(self) -> int:
        return self.status_counts.get("queued", 0) + self.status_counts.get("complete", 0)


def sync_overview(store, *, problem_limit: int = 500) -> SyncOverview:
    """The queue and the sync state (no network; quick enough for the GUI thread)."""
    settings = Settings(store).all()
    counts = {s.value: 0 for s in RecordingStatus}
    counts.update(dict(store.query("SELECT status, count(*) FROM recordings GROUP BY status")))
    outbox = {"pending": 0, "acked": 0, "parked": 0}
    outbox.update(dict(store.query("SELECT state, count(*) FROM outbox GROUP BY state")))
    fixed = {row[0] for row in store.query(
        "SELECT DISTINCT replaces_uuid FROM recordings WHERE replaces_uuid IS NOT NULL")}
    problems: list[ProblemRecord] = []
    for uuid, nama, nik, message in store.query(
            "SELECT r.uuid, r.nama, r.nik, o.last_error FROM outbox o JOIN recordings r ON r.uuid = o.recording_uuid"
            " WHERE o.state = 'parked' ORDER BY o.enqueued_at LIMIT ?", (problem_limit,)):
        problems.append(ProblemRecord(uuid, "parked", nama or "", nik or "", message or "",
                                      conflict=is_conflict_message(message)))
    # A rejected recording purged by the retention purge was fixed and its new version
    # accepted (that is what made it purgeable): no longer a problem, and nameless anyway.
    for uuid, status, nama, nik, message, reasons in store.query(
            "SELECT uuid, status, nama, nik, server_message, server_reasons FROM recordings r"
            " WHERE status IN ('rejected', 'duplicate_review') AND NOT (status = 'rejected' AND purged_at IS NOT NULL AND EXISTS ("
            "SELECT 1 FROM recordings n WHERE n.replaces_uuid = r.uuid)) ORDER BY updated_at DESC LIMIT ?",
            (problem_limit,)):
        problems.append(ProblemRecord(uuid, status, nama or "", nik or "", message or "", uuid in fixed,
                                      reasons=reasons_from_json(reasons)))
    return SyncOverview(
        registered=bool(settings.get(Keys.SERVER_URL)) and bool(settings.get(Keys.TOKEN)),
        server_url=settings.get(Keys.SERVER_URL),
        device_name=settings.get(Keys.DEVICE_NAME),
        paused_reason=settings.get(Keys.PAUSED),
        revoked=settings.get(Keys.PAUSED_KIND) == "revoked",
        last_error=settings.get(Keys.LAST_ERROR),
        last_error_at=settings.get(Keys.LAST_ERROR_AT),
        next_attempt_at=settings.get(Keys.NEXT_ATTEMPT),
        last_sync_at=settings.get(Keys.LAST_SYNC),
        status_counts=counts,
        outbox_counts=outbox,
        problems=problems,
    )
