"""The application window: first run or unlock, then the main work area.

`AppWindow` owns the profile folder and switches between the welcome page
(no profile yet), the unlock page and the `MainArea` with its side
navigation and status bar. Opening or creating a profile runs the slow KDF
on the database worker, never on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import importlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.store.profile_files import profile_exists
from app.ui import i18n
from app.ui.start_pages import UnlockPage, WelcomePage

if TYPE_CHECKING:
    from app.ui.main_area import MainArea
    from app.ui.sync_worker import SyncWorker

# Imported after the first screen shows, not before it. While the unlock screen
# waits for the passphrase: the store (sqlite_utils) on a background thread as soon
# as the event loop runs, then the work area and its landing page (Beranda) on the
# GUI thread (`AppWindow._preload`). Once Beranda shows: the sync client (pydantic,
# requests), then the other pages' modules (OpenCV, QtCharts, the PDF writers, the
# SBI client) on a background thread (`AppWindow._warm_up`), so that each page
# builds quickly the first time it is opened.
_LATER = ("app.ui.main_area", "app.ui.pages.home", "app.ui.texts", "app.ui.idle_lock")
_LATER_WITHOUT_QT = ("app.session", "app.store.limits")
_AFTER_LANDING = ("sync.client", "app.ui.sync_worker")
PRELOAD_AFTER_MS = 150
PRELOAD_POLL_MS = 20
DEMO_STYLE = ("background: #ffa000; color: #111111; font-size: 11pt; font-weight: bold; "
              "padding: 6px 12px; border-bottom: 3px solid #7a4300;")
"""The DEMO marking: amber, black bold text (no page of the real app uses amber)."""
LIMIT_STYLES = {
    "warn": "background: #fff4ce; color: #3d2f00; padding: 6px 12px; border-bottom: 2px solid #c9a400;",
    "stop": "background: #b3261e; color: #ffffff; font-weight: bold; padding: 6px 12px;",
}
"""The limits banner: pale yellow for a warning, red for a stop on new recordings."""


def _import_quietly(names: tuple[str, ...]) -> None:
    """Import `names` ahead of use; a failure is left for the real import to raise where it is handled."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - only a head start; the type only, never data
            log.warning("preloading %s failed: %s", name, type(exc).__name__)


def run_task(*args) -> None:
    """`app.ui.workers.run_task`, imported when first used (it loads the store's errors and SQLCipher)."""
    from app.ui.workers import run_task as run

    run(*args)


def db_pool():
    from app.ui.workers import db_pool as pool

    return pool()


def _page_modules():
    from app.ui.main_area import PAGE_CLASSES

    return PAGE_CLASSES.values()



log = logging.getLogger(__name__)


class AppWindow(QMainWindow):
    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.session = None
        self.demo_devices = None  # the demo profile's SBI simulator (`app.demo.devices`)
        self.stack = QStackedWidget(self)
        self.demo_banner = _demo_banner(self)
        self.limits_banner = _limits_banner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_banner)
        column.addWidget(self.limits_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._welcome: WelcomePage | None = None  # built when shown (`welcome`, `lock_page`)
        self._lock_page: UnlockPage | None = None
        self.unlock = UnlockPage(self)
        self.stack.addWidget(self.unlock)
        self.idle = None
        self.locked = False
        self._hidden_windows: list[QWidget] = []
        self.main: MainArea | None = None
        self.sync_worker: SyncWorker | None = None
        self.unlock.unlockRequested.connect(self.try_unlock)

        self.queue_label = QLabel(self)
        self.net_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.trip_label = QLabel(self)
        self.trip_label.setObjectName("tripStatus")
        self.demo_status = QLabel("DEMO", self)
        self.demo_status.setStyleSheet(DEMO_STYLE)
        for label in (self.demo_status, self.trip_label, self.queue_label, self.net_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().hide()
        self._show_title()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(30_000)
        self._status_timer.timeout.connect(self.refresh_status)

        if profile_exists(self.data_dir):
            self.unlock.set_profile_label(self.tr("Profil: ") + str(self.data_dir))
            self.stack.setCurrentWidget(self.unlock)
            self.unlock.passphrase.setFocus()
        else:
            self.stack.setCurrentWidget(self.welcome)
        # The rest of the app loads once the first screen is up (the operator is
        # reading or typing the passphrase by then): a short, early first screen.
        self._preloader: threading.Thread | None = None
        self._warmer: threading.Thread | None = None
        self._sync_loaded = threading.Event()
        QTimer.singleShot(0, self._preload_without_qt)
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload)

    @property
    def welcome(self) -> WelcomePage:
        """The first-run page (demo or set-up), built the first time it is needed."""
        if self._welcome is None:
            from app.demo.passphrase import DEMO_PASSPHRASE

            self._welcome = WelcomePage(DEMO_PASSPHRASE, self)
            self.stack.addWidget(self._welcome)
            self._welcome.demoRequested.connect(self.open_demo)
            self._welcome.setupRequested.connect(self.create_profile)
        return self._welcome

    @property
    def lock_page(self) -> UnlockPage:
        """The idle lock's passphrase page (`app.ui.idle_lock`), built the first time the window locks."""
        if self._lock_page is None:
            self._lock_page = UnlockPage(self)
            self._lock_page.set_profile_label(self.tr(
                "Layar terkunci karena tidak dipakai. Ketik kata sandi Anda untuk melanjutkan."))
            self.stack.addWidget(self._lock_page)
            self._lock_page.unlockRequested.connect(self._try_lock_unlock)
        return self._lock_page

    def _preload_without_qt(self) -> threading.Thread:
        """Start importing the modules without Qt on a background thread (once)."""
        if self._preloader is None:
            self._preloader = threading.Thread(target=_import_quietly, args=(_LATER_WITHOUT_QT,),
                                               name="jemput-preload", daemon=True)
            self._preloader.start()
        return self._preloader

    def _preload(self, wait: bool = False) -> None:
        """Import the Qt pages once the background part is done (the GUI thread would only
        wait for its module locks meanwhile, and the passphrase field would not echo);
        with `wait`, block until then (the startup probe)."""
        thread = self._preload_without_qt()
        if wait:
            thread.join()
        elif thread.is_alive():
            QTimer.singleShot(PRELOAD_POLL_MS, self._preload)
            return
        for name in _LATER:
            importlib.import_module(name)

    # ----------------------------------------------------------- profiles
    def _session_mod(self):
        self.wait_for_imports()
        return importlib.import_module("app.session")

    def try_unlock(self, passphrase: str) -> None:
        session_mod = self._session_mod()
        run_task(lambda: session_mod.Session.open(self.data_dir, passphrase),
                 self._opened, self._unlock_failed)

    def _unlock_failed(self, exc: BaseException) -> None:
        from app.ui.texts import error_text

        self.unlock.failed(error_text(exc), _wait_of(exc, self.data_dir))

    # ----------------------------------------------------------- idle lock
    def start_idle_lock(self, interval_ms: int | None = None) -> None:
        """Watch for idleness (`interval_ms`, default the profile's setting in minutes)."""
        from app.ui.idle_lock import IdleWatch, idle_minutes

        if interval_ms is None:
            interval_ms = idle_minutes(self.session) * 60_000
        if self.idle is not None:
            self.idle.set_interval(interval_ms)
            return
        self.idle = IdleWatch(interval_ms, self)
        self.idle.idle.connect(self.lock)

    def lock(self) -> None:
        """Hide every resident's data (the work area and any other window) until a passphrase is typed."""
        if self.main is None or self.locked:
            return
        self.locked = True
        self._locked_by = getattr(self.session.store.person, "id", None)
        if self.idle is not None:
            self.idle.pause()
        self._hidden_windows = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible()]
        for w in self._hidden_windows:
            w.hide()
        self.main.hide()
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.passphrase.clear()
        self.lock_page.message.clear()
        self.lock_page.set_busy(False)
        log.info("window locked after idle time")

    def _try_lock_unlock(self, passphrase: str) -> None:
        session = self.session
        run_task(lambda: session.check_unlock(passphrase), self._lock_checked, self._lock_failed)

    def _lock_checked(self, ok: bool) -> None:
        if not ok:
            self.lock_page.failed(self.tr("Kata sandi salah."), _wait_of(None, self.data_dir))
            return
        self.locked = False
        self.lock_page.passphrase.clear()
        self.lock_page.failures = 0
        if getattr(self.session.store.person, "id", None) != self._locked_by:
            # Another person: the pages are built again for their name and role (typing kept as a draft).
            self.main.show()
            self._build_main()
        self.stack.setCurrentWidget(self.main)
        self.main.show()
        for w in self._hidden_windows:
            w.show()
        self._hidden_windows = []
        if self.idle is not None:
            self.idle.resume()

    def _lock_failed(self, exc: BaseException) -> None:
        from app.ui.texts import error_text

        self.lock_page.failed(error_text(exc), _wait_of(exc, self.data_dir))

    def open_demo(self) -> None:
        if self._welcome is not None:
            self._welcome.set_busy(True)
        self.unlock.set_busy(True)
        session_mod = self._session_mod()
        run_task(lambda: session_mod.Session.open_demo(self.data_dir), self._opened, self._start_failed)

    def create_profile(self, info: dict) -> None:
        session_mod = self._session_mod()
        run_task(lambda: session_mod.Session.create(
            self.data_dir, info["passphrase"], operator=info["operator"], server_url=info["server_url"]),
            self._opened, self._start_failed)

    def _start_failed(self, exc: BaseException) -> None:
        from app.ui.texts import error_text

        self.unlock.set_busy(False)
        message = error_text(exc)
        if self._welcome is not None:
            self._welcome.set_busy(False)
            self._welcome.show_error(message)
        self.unlock.message.setText(message)

    def _opened(self, session) -> None:
        self.session = session
        i18n.install(session.language())
        self._show_title()
        if session.is_demo and self.demo_devices is None:  # the fingerprint and iris steps work out of the box
            from app.demo.devices import start_devices

            self.demo_devices = start_devices()
        self._build_main()
        self.statusBar().show()
        self.refresh_status()
        self._say_drafts_left()
        self._status_timer.start()
        self.start_idle_lock()
        # Beranda is up: the sync client and the other pages load behind it.
        QTimer.singleShot(0, self._warm_up)

    # ----------------------------------------------------------- after the landing page
    def _warm_up(self) -> None:
        """Import the sync client, then the other pages' modules, on a background thread (once);
        the sync worker starts when its client is loaded."""
        if self._warmer is None and self.session is not None:
            pages = tuple(module for module, _cls in _page_modules())

            def warm_up() -> None:
                _import_quietly(_AFTER_LANDING)
                self._sync_loaded.set()
                _import_quietly(pages)

            self._warmer = threading.Thread(target=warm_up, name="jemput-warm-up", daemon=True)
            self._warmer.start()
        self._start_sync_when_loaded()

    def _start_sync_when_loaded(self) -> None:
        if self.session is None or self.sync_worker is not None:
            return
        if self._sync_loaded.is_set():
            self.ensure_sync_worker()
        else:
            QTimer.singleShot(PRELOAD_POLL_MS, self._start_sync_when_loaded)

    def wait_for_imports(self) -> None:
        """Wait for a background import still running (two threads importing the same modules
        could meet in a circular import); the GUI thread calls this before importing itself."""
        for thread in (self._preloader, self._warmer):
            if thread is not None and thread is not threading.current_thread():
                thread.join()

    def ensure_sync_worker(self) -> "SyncWorker":
        """The window's sync worker, made and started now if it was not yet (the queue page needs it)."""
        if self.sync_worker is None:
            if not self._sync_loaded.is_set():
                self.wait_for_imports()
            # The worker belongs to the window so it survives a rebuild of the pages.
            from app.ui.sync_worker import SyncWorker

            self.sync_worker = SyncWorker(self.session, self)
            self.sync_worker.connectivityChanged.connect(lambda _online: self.refresh_status())
            self.sync_worker.finished.connect(lambda _report: self.refresh_status())
            self.sync_worker.start()
            self.refresh_status()
        return self.sync_worker


    def _say_drafts_left(self) -> None:
        """Where the drafts of an earlier session (closed, or ended abruptly) are."""
        from app.core.lifecycle import RecordingStatus

        drafts = self.session.status_counts().get(RecordingStatus.DRAFT.value, 0)
        if drafts:
            self.statusBar().showMessage(self.tr("%n draf belum selesai — buka dari Beranda.", "", drafts), 30_000)

    def _build_main(self) -> None:
        if self.main is not None:  # rebuilt (another language): the form's typing is kept as a draft first
            db_pool().waitForDone(10_000)
            self.main.save_unsaved_as_draft()
            self.stack.removeWidget(self.main)
            self.main.deleteLater()
        from app.ui.main_area import MainArea

        self.main = MainArea(self.session, self)
        self.stack.addWidget(self.main)
        self.stack.setCurrentWidget(self.main)
        self.main.nav.setFocus()

    def change_language(self, lang: str) -> None:
        i18n.install(lang)
        self._show_title()
        page = self.main.nav.currentRow() if self.main else 0
        self._build_main()
        self.main.nav.setCurrentRow(page)
        self.refresh_status()

    @property
    def is_demo(self) -> bool:
        return self.session is not None and self.session.is_demo

    def _show_title(self) -> None:
        """The window title, and the DEMO banner above every page while a demo profile is open."""
        title = self.tr("Jemput — Perekaman KTP-el")
        demo = self.is_demo
        self.setWindowTitle(self.tr("DEMO (latihan)") + " — " + title if demo else title)
        self.demo_banner.setText(self.tr(
            "DEMO — profil latihan berisi warga buatan. Jangan rekam warga sungguhan di sini; "
            "rekaman demo hanya dapat dikirim ke server latihan."))
        self.demo_banner.setVisible(demo)
        self.demo_status.setVisible(demo)

    def refresh_status(self) -> None:
        if self.session is None or self.session.importing:
            return  # an import holds the store: the next tick shows the counts
        counts = self.session.status_counts()
        waiting = counts.get("queued", 0) + counts.get("complete", 0)
        self.queue_label.setText(self.tr("Antrian: %n rekaman", "", waiting))
        url = self.session.get_setting("server_url")
        online = self.sync_worker.online if self.sync_worker is not None else None
        if not url:
            self.net_label.setText(self.tr("Server belum diatur (offline)"))
        elif online is None:
            self.net_label.setText(self.tr("Server: belum dicek"))
        elif online:
            self.net_label.setText(self.tr("Server terhubung"))
        else:
            self.net_label.setText(self.tr("Tidak ada sambungan ke server"))
        if self.sync_worker is not None:  # the sync client is loaded (`_warm_up`): its clock says the time
            from sync.client import local_clock

            last = local_clock(self.session.get_setting("last_sync_at"))
            self.sync_label.setText(self.tr("Sinkron terakhir: ") + (last or self.tr("belum pernah")))
        self._show_trip()
        self._show_limits()

    def _show_limits(self) -> None:
        """The limits banner (`app.core.limits`): a warning, or that new recordings are stopped, and why."""
        from app.ui.texts import message_text

        state = self.session.limits_state()
        lines = [message_text(code, params) for code, params in state.warnings()]
        self.limits_banner.setVisible(bool(lines))
        self.limits_banner.setText("\n".join(lines))
        self.limits_banner.setStyleSheet(LIMIT_STYLES.get(state.level, ""))
        self.limits_banner.setProperty("level", state.level)

    def _show_trip(self) -> None:
        """The active trip (kunjungan) in the status bar: recordings and outcomes attach to it."""
        trip = self.session.trips.active(dt.date.today())
        self.trip_label.setVisible(trip is not None)
        if trip is not None:
            from app.ui.texts import message_text

            self.trip_label.setText(message_text("trip.active", {"name": trip.name,
                                                                 "type": message_text(trip.type.code)}))

    def closeEvent(self, event):  # noqa: N802 - Qt override
        """Closing never loses typed work: unsaved changes become a draft, no question asked."""
        self._status_timer.stop()
        if self.idle is not None:
            self.idle.stop()
        if self.sync_worker is not None:
            self.sync_worker.stop()
        db_pool().waitForDone(10_000)  # let a save in flight reach the disk first
        if self.main is not None and self.session is not None and not self.session.store.closed:
            self.main.save_unsaved_as_draft()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.demo_devices is not None:
            self.demo_devices.stop()
            self.demo_devices = None
        super().closeEvent(event)


def _demo_banner(parent: QWidget) -> QLabel:
    """The strip above every page of a demo profile (hidden otherwise)."""
    banner = QLabel(parent)
    banner.setObjectName("demoBanner")
    banner.setStyleSheet(DEMO_STYLE)  # its own: the marking holds whatever style sheet is loaded
    banner.setWordWrap(True)
    banner.setAccessibleName("DEMO")
    banner.hide()
    return banner


def _limits_banner(parent: QWidget) -> QLabel:
    """The strip saying that recordings wait too long or too many wait (hidden while all is well)."""
    banner = QLabel(parent)
    banner.setObjectName("limitsBanner")
    banner.setWordWrap(True)
    banner.hide()
    return banner


def _wait_of(exc: BaseException | None, data_dir: Path) -> float:
    """Seconds before the next unlock attempt, as the profile counts them (0 when none)."""
    import time

    from app.store.profile import read_profile
    from app.store.unlock_guard import seconds_left

    params = getattr(exc, "params", None) or {}
    if getattr(exc, "code", None) == "unlock.wait":
        return float(params.get("seconds", 0))
    try:
        return seconds_left(read_profile(data_dir), time.time())
    except Exception:  # noqa: BLE001 - no profile file (yet): no wait
        return 0.0
