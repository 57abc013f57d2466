"""Run slow work off the GUI thread and get the result back by signal.

Follows anki's `QueryOp`: the work function never touches widgets; `on_done`
and `on_error` run back on the GUI thread. Database work goes through one
serial pool (a store is used by one thread at a time); other work (camera
probing, network) may use the global pool.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.core.messages import CodedError
from app.store.errors import StoreError

log = logging.getLogger(__name__)

_EXPECTED_STORE_KINDS = frozenset({
    "wrong_passphrase", "invalid", "exists", "not_found", "busy", "closed", "throttled", "class_list",
    "profile_missing",
})
"""Store refusals the operator is told about and can act on: not faults of the program."""


def is_expected(exc: BaseException) -> bool:
    """A refusal with a catalogue code (a weak passphrase, a busy device, a wrong input): the window
    says it in words; the log needs no traceback for it."""
    if isinstance(exc, StoreError):
        return exc.kind in _EXPECTED_STORE_KINDS
    return isinstance(exc, CodedError)


def log_failure(exc: BaseException) -> None:
    """Log a failed background task by type and code only (messages may carry personal data):
    an expected refusal at info level, anything else at error level with its traceback."""
    if is_expected(exc):
        log.info("background task refused: %s (%s)", type(exc).__name__, getattr(exc, "code", None) or "-")
        return
    log.error("background task failed: %s\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))

_db_pool: QThreadPool | None = None


def db_pool() -> QThreadPool:
    """The single-thread pool that serializes database work."""
    global _db_pool
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
        _db_pool.setExpiryTimeout(-1)
    return _db_pool


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            log_failure(exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_alive: set[_Signals] = set()


def _late_safe(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """A result that arrives after the window closed the profile (e.g. "Selesai"
    pressed just before closing: the save finished, its callback comes later)
    has nothing left to show; reading the closed store then is not an error."""

    def deliver(value: Any) -> None:
        try:
            callback(value)
        except StoreError as exc:
            if exc.kind != "closed":
                raise
            log.info("a background result arrived after the profile was closed; ignored")

    return deliver


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run `fn` in `pool` (default: the serial database pool)."""
    signals = _Signals()
    _alive.add(signals)

    def finish(_=None):
        _alive.discard(signals)

    if on_done is not None:
        signals.done.connect(_late_safe(on_done))
    if on_error is not None:
        signals.failed.connect(_late_safe(on_error))
    signals.done.connect(finish)
    signals.failed.connect(finish)
    (pool or db_pool()).start(_Task(fn, signals))
