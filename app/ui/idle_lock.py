"""The idle lock: after a quiet period the window hides every resident's data until a passphrase is typed.

`IdleWatch` watches the application's input (keys, mouse, wheel, touch) and
emits `idle` when none came for the set period (Pengaturan → Keamanan,
``idle_lock_minutes``, default 5; 0 = never). `AppWindow` then shows its
lock page instead of the work area and hides every other top-level window
(the review dialog, a receipt preview), and shows them again only when
`Session.check_unlock` accepts a passphrase, counted and slowed like any
unlock (`app.store.unlock_guard`). The store stays open: a sync or backup
in progress finishes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent
from PySide6.QtWidgets import QApplication

IDLE_KEY = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


def idle_minutes(session) -> int:
    try:
        return max(0, int(session.get_setting(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


class IdleWatch(QObject):
    """Emits `idle` after `interval_ms` without input anywhere in the application (0: never)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # one timer: a coarse one could fire 5% late
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        QApplication.instance().installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        self.timer.stop()
        self.interval_ms = int(interval_ms)
        if self.interval_ms > 0:
            self.timer.start(self.interval_ms)

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.set_interval(self.interval_ms)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        # Every event of the application passes here: the isinstance test first is cheap,
        # asking the type of each (building a page sends thousands) is not.
        if isinstance(event, QInputEvent) and event.type() in _INPUT and self.timer.isActive():
            self.timer.start(self.interval_ms)
        return False
