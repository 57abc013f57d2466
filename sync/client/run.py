"""One run's state, shared by the main thread and the uploaders, and what it reports: progress and the report."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.store.chunking import chunks
from app.store.errors import NotFound
from app.store.outbox import OutboxEntry
from sync.client.config import SHORT_TRANSACTION
from sync.client.errors import error_text
from sync.protocol import ServerStatus

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["SyncProgress", "SyncReport", "Run", "Ack", "Prepared"]


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
        statuses_updated, targets_received: from the feeds; targets_dropped: the server's
            targets removed because the admin moved this device to another area.
        outcomes_synced, outcomes_refused: visit outcomes the server now holds / refused for good.
        deliveries_synced, deliveries_refused: delivery cards and events the server now holds / refused for good.
        registrations_synced, registrations_refused: no-NIK registrations the server now holds / refused for
            good; registrations_issued: those whose KK and NIKs came back in the status feed.
        marks_synced, marks_refused: changes of marked categories the server now holds / refused for good.
        audit_sent: audit entries posted; audit_flagged_at: the entry from which the server says this
            laptop's trail no longer continues its copy (None: not flagged).
        error, error_kind: the failure that stopped the run (None: it finished).
        error_code, error_params: that failure's stable code (`app.core.messages.SYNC`) and values.
        paused_reason: set when the queue is paused (401, revoked device); the words
            of ``paused_code`` with ``paused_params``.
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
    targets_dropped: int = 0
    outcomes_synced: int = 0
    outcomes_refused: int = 0
    deliveries_synced: int = 0
    deliveries_refused: int = 0
    audit_sent: int = 0
    audit_flagged_at: int | None = None
    registrations_synced: int = 0
    registrations_refused: int = 0
    registrations_issued: int = 0
    marks_synced: int = 0
    marks_refused: int = 0
    error: str | None = None
    error_kind: str | None = None
    paused_reason: str | None = None
    next_attempt_at: str | None = None
    skipped: str | None = None
    error_code: str | None = None
    error_params: dict[str, Any] = field(default_factory=dict)
    paused_code: str | None = None
    paused_params: dict[str, Any] = field(default_factory=dict)

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


@dataclass
class Prepared:
    """A recording ready to go: its outbox entry, its batch item as compact JSON, its media."""

    entry: OutboxEntry
    uuid: str
    body: bytes  # the item's compact JSON
    media: dict[str, tuple[str, int]]  # sha256 -> (kind, size)


@dataclass
class Ack:
    """An acknowledgement to write once the server holds the record and all its media."""

    uuid: str
    status: str
    content_sha256: str
    message: str | None


class Run:
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
        self.acks: list[Ack] = []
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

    def queue_ack(self, ack: Ack) -> None:
        with self.lock:
            self.acks.append(ack)

    def flush_acks(self) -> None:
        """Write the confirmed acknowledgements in short transactions."""
        with self.lock:
            acks, self.acks = self.acks, []
            reasons = {a.uuid: self.reasons.pop(a.uuid, None) for a in acks}
        if not acks:
            return
        pump = self.pump
        done = 0
        for part in chunks(acks, SHORT_TRANSACTION):  # short: capture shares the store
            with pump.store.transaction():
                for a in part:
                    if pump.outbox.mark_acked(a.uuid, a.status, content_sha256=a.content_sha256,
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

    def park(self, uuid: str, code: str, params: dict[str, Any] | None = None) -> None:
        """Park a recording for a person to look at, with the code (and words) saying why."""
        try:
            self.pump.outbox.park(uuid, error_text(code, params), code, params)
        except NotFound:
            pass
        with self.lock:
            self.open.pop(uuid, None)
            self.report.parked += 1
            self.records_done += 1
        self.emit()
