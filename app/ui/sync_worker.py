"""The window's sync worker: a thin Qt wrapper around `sync.client.SyncPump`.

A `QTimer` asks the server's ``/health`` every few seconds (setting
``sync.poll_seconds``, default 30) — never only the operating system's network
events, which lie on a weak 3G link. When the server answers and there is work
(queued recordings whose back-off has passed, the connection just came back,
or statuses not pulled for a while), the pump's `run_once` runs on the
worker's own thread, never the GUI thread. The operator's "Sinkron sekarang"
(`sync_now`) runs at once and ignores the back-off. The store is shared with
capture: the pump writes in short transactions only.

After a run that finished cleanly, the retention purge (`Session.purge_settled`,
setting ``retention_days``; `app.store.retention`) runs on the same worker
thread: recordings the server settled long enough ago lose their media and
personal data. A failing purge is logged (its kind only) and never fails the sync.

Errors from automatic runs are only shown in the page's status (like Anki's
media sync); a run the operator started reports its error through `failed`,
and so does a paused queue (it needs a person).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from app.core.messages import render
from app.ui.texts import code_text
from sync.client import DEFAULT_POLL_SECONDS, Keys, SyncProgress, SyncPump, SyncReport

log = logging.getLogger(__name__)

PULL_INTERVAL_S = 300  # pull statuses/targets at least this often while online


class _JobSignals(QObject):
    online = Signal(bool)
    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    idle = Signal()
    purged = Signal(object)


class _Job(QRunnable):
    """Probe, then (if there is reason to) one `run_once`; runs on the worker's thread."""

    def __init__(self, pump: SyncPump, signals: _JobSignals, *, manual: bool, was_online: bool | None,
                 pull_interval: float, after_success: Callable[[], object] | None = None):
        super().__init__()
        self.pump = pump
        self.after_success = after_success
        self.signals = signals
        self.manual = manual
        self.was_online = was_online
        self.pull_interval = pull_interval
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # noqa: BLE001 - never let a thread die silently
            log.error("sync job failed: %s", type(exc).__name__)
            params = {"kind": type(exc).__name__}
            report = SyncReport(error=render("sync.unexpected", params), error_kind="bug",
                                error_code="sync.unexpected", error_params=params)
            self.signals.finished.emit(report)

    def _run(self) -> None:
        pump = self.pump
        if not pump.registered or (pump.paused and not self.manual):
            self.signals.idle.emit()  # a paused queue waits for a person (the button)
            return
        online = pump.probe()
        self.signals.online.emit(online)
        if not online and not self.manual:
            self.signals.idle.emit()
            return
        came_back = online and self.was_online is not True
        since = pump.seconds_since_last_sync()
        pull_due = since is None or since >= self.pull_interval
        if not (self.manual or came_back or pump.due() or pull_due):
            self.signals.idle.emit()
            return
        self.signals.started.emit()
        report = pump.run_once(self.signals.progress.emit, force=self.manual or came_back, probed=online)
        if report.ok and self.after_success is not None:
            self._purge()
        self.signals.finished.emit(report)

    def _purge(self) -> None:
        try:
            result = self.after_success()
        except Exception as exc:  # noqa: BLE001 - the sync itself went well; say so
            log.error("retention purge failed: %s", type(exc).__name__)
            return
        if result is not None and getattr(result, "recordings", 0):
            log.info("retention purge: %d recordings, %d media items", result.recordings, result.media)
            self.signals.purged.emit(result)


class SyncWorker(QObject):
    """Polls the server and runs the pump off the GUI thread.

    Signals:
        syncStarted(): a run began.
        progress(object): a `SyncProgress` (records_done/records_total, bytes_done/bytes_total).
        finished(object): the run's `SyncReport`.
        failed(str): a run the operator started ended in an error, or the queue got paused
            (told by its code, in the window's language).
        connectivityChanged(bool): the server became reachable / unreachable.
        purged(object): the retention purge after a clean run removed something
            (an `app.store.retention.PurgeResult`).

    Args:
        session: the open `app.session.Session` (its store is shared).
        interval_s: the health poll; default the ``sync.poll_seconds`` setting (30 s).
        pump: a ready `SyncPump` (tests pass one with fast retries).
        purge: what runs after a clean run (default `session.purge_settled`, which
            follows the ``retention_days`` setting); None turns it off.
    """

    syncStarted = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    connectivityChanged = Signal(bool)
    purged = Signal(object)

    _DEFAULT = object()

    def __init__(self, session, parent: QObject | None = None, *, interval_s: float | None = None,
                 pump: SyncPump | None = None, pull_interval_s: float = PULL_INTERVAL_S,
                 purge: Callable[[], object] | None | object = _DEFAULT):
        super().__init__(parent)
        self.session = session
        self.purge = getattr(session, "purge_settled", None) if purge is SyncWorker._DEFAULT else purge
        self.pump = pump or SyncPump(session.store)
        if interval_s is None:
            interval_s = float(session.get_setting(Keys.POLL_SECONDS, DEFAULT_POLL_SECONDS) or DEFAULT_POLL_SECONDS)
        self.pull_interval_s = pull_interval_s
        self.timer = QTimer(self)
        self.timer.setInterval(max(200, int(interval_s * 1000)))
        self.timer.timeout.connect(self.poll)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._busy = False
        self._online: bool | None = None
        self._manual_waiting = False
        self._running_manual = False
        self._signals: set[_JobSignals] = set()
        self._last_progress: SyncProgress | None = None
        self._stopped = False  # after stop(): results still queued for the GUI thread are dropped

    # ----------------------------------------------------------------- state

    @property
    def online(self) -> bool | None:
        """Whether the server answered the last probe (None: not asked yet)."""
        return self._online

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def is_syncing(self) -> bool:
        return self.pump.is_syncing

    @property
    def last_progress(self) -> SyncProgress | None:
        return self._last_progress

    # ----------------------------------------------------------------- control

    def start(self) -> None:
        """Start polling (a first probe right away)."""
        self._stopped = False
        self.timer.start()
        QTimer.singleShot(0, self.poll)

    def stop(self, wait_ms: int = 10_000) -> None:
        """Stop polling, ask a running sync to stop, and wait for the thread."""
        self.timer.stop()
        self.pump.abort()
        self.pool.waitForDone(wait_ms)
        # A job that ended just now may still have its results queued for this
        # thread: the window (and its profile) may be gone when they arrive.
        self._stopped = True

    @Slot()
    def poll(self) -> None:
        """Probe the server; sync if there is work (what the timer calls; nothing once stopped)."""
        if not self._stopped:
            self._launch(manual=False)

    @Slot()
    def sync_now(self) -> None:
        """The operator's button: sync at once, ignoring the back-off."""
        if self._busy:
            self._manual_waiting = True
            return
        self._launch(manual=True)

    def abort(self) -> None:
        self.pump.abort()

    def _launch(self, *, manual: bool) -> None:
        if self._busy:
            return
        self._busy = True
        self._running_manual = manual
        signals = _JobSignals()
        self._signals.add(signals)
        signals.online.connect(self._on_online)
        signals.started.connect(lambda: None if self._stopped else self.syncStarted.emit())
        signals.progress.connect(self._on_progress)
        signals.finished.connect(lambda report, s=signals: self._on_finished(report, s))
        signals.idle.connect(lambda s=signals: self._on_idle(s))
        signals.purged.connect(lambda result: None if self._stopped else self.purged.emit(result))
        self.pool.start(_Job(self.pump, signals, manual=manual, was_online=self._online,
                             pull_interval=self.pull_interval_s, after_success=self.purge))

    # ----------------------------------------------------------------- results (GUI thread)

    def _on_online(self, online: bool) -> None:
        if self._stopped:
            return
        if online != self._online:
            self._online = online
            self.connectivityChanged.emit(online)

    def _on_progress(self, progress: SyncProgress) -> None:
        if self._stopped:
            return
        self._last_progress = progress
        self.progress.emit(progress)

    def _on_idle(self, signals: _JobSignals) -> None:
        self._done(signals)

    def _on_finished(self, report: SyncReport, signals: _JobSignals) -> None:
        manual = self._running_manual
        if self._stopped:
            self._signals.discard(signals)
            return
        if report.reachable is not None:
            self._on_online(bool(report.reachable) and report.error_kind != "offline")
        self._done(signals)
        self.finished.emit(report)
        if report.paused_reason:
            self.failed.emit(code_text(report.paused_code, report.paused_params, report.paused_reason))
        elif report.error and manual:
            self.failed.emit(code_text(report.error_code, report.error_params, report.error))

    def _done(self, signals: _JobSignals) -> None:
        self._signals.discard(signals)
        self._busy = False
        if self._manual_waiting:
            self._manual_waiting = False
            QTimer.singleShot(0, self.sync_now)
