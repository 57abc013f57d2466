"""The application window: first run or unlock, then the main work area.

`AppWindow` owns the profile folder and switches between the welcome page
(no profile yet), the unlock page and the `MainArea` with its side
navigation and status bar. Opening or creating a profile runs the slow KDF
on the database worker, never on the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import session as session_mod
from app.ui import i18n
from app.ui.pages.enroll import EnrollPage
from app.ui.pages.home import HomePage
from app.ui.pages.other import ReportsPage, SettingsPage
from app.ui.pages.sync_page import SyncPage
from app.ui.pages.targets import TargetsPage
from app.ui.start_pages import UnlockPage, WelcomePage
from app.ui.sync_worker import SyncWorker
from app.ui.workers import db_pool, run_task

log = logging.getLogger(__name__)


class MainArea(QWidget):
    """Side navigation and the six pages."""

    PAGES = ("home", "targets", "enroll", "queue", "reports", "settings")

    def __init__(self, session, window: "AppWindow"):
        super().__init__(window)
        self.session = session
        self.window_ = window
        self.nav = QListWidget(self)
        self.nav.setObjectName("navList")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        self.home = HomePage(session, self)
        self.targets = TargetsPage(session, self)
        self.enroll = EnrollPage(session, self)
        self.queue = SyncPage(session, self, worker=window.sync_worker)
        self.reports = ReportsPage(session, self)
        self.settings = SettingsPage(session, self)
        titles = [
            self.tr("Beranda"), self.tr("Daftar Warga"), self.tr("Rekam Baru"),
            self.tr("Antrian & Sinkron"), self.tr("Laporan"), self.tr("Pengaturan"),
        ]
        for i, (title, page) in enumerate(zip(titles, self.pages())):
            item = QListWidgetItem(f"{title}")
            item.setToolTip(f"Ctrl+{i + 1}")
            self.nav.addItem(item)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.show_page)
        app_title = QLabel("Jemput", self)
        app_title.setObjectName("appTitle")
        who = QLabel(self.tr("Operator: ") + (session.operator_name or "-"), self)
        who.setObjectName("appTitle")
        who.setStyleSheet("font-size: 9pt; font-weight: normal; padding-top: 0;")
        left = QVBoxLayout()
        left.setSpacing(0)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(app_title)
        left.addWidget(who)
        left.addWidget(self.nav, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)

        self.home.openRecording.connect(self.open_recording)
        self.queue.fixRecording.connect(self.open_recording)
        self.targets.enrollTarget.connect(self.enroll_target)
        self.enroll.saved.connect(lambda _u, _c: self.window_.refresh_status())
        self.enroll.closed.connect(lambda: self.nav.setCurrentRow(0))
        self.settings.languageChanged.connect(self.window_.change_language)

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_recording)
        for i in range(len(self.PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self,
                      activated=lambda i=i: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

    def pages(self):
        return [self.home, self.targets, self.enroll, self.queue, self.reports, self.settings]

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self.pages()[index]
        self.stack.setCurrentWidget(page)
        if page is self.enroll:
            if self.enroll.uuid is None and not self.enroll.form.nik.text():
                self.enroll.start_new()
            self.enroll.form.nik.setFocus()
        elif hasattr(page, "refresh"):
            page.refresh()

    def new_recording(self) -> None:
        self.enroll.start_new()
        self._goto(self.enroll)

    def _goto(self, page) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.pages().index(page))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)

    def open_recording(self, uuid: str) -> None:
        recording = self.session.get_recording(uuid)
        self.enroll.open_recording(recording)
        self._goto(self.enroll)

    def enroll_target(self, nik: str) -> None:
        self.enroll.start_new(self.session.resident_from_target(nik))
        self._goto(self.enroll)


class AppWindow(QMainWindow):
    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.session = None
        self.setWindowTitle(self.tr("Jemput — Perekaman KTP-el"))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage(session_mod.DEMO_PASSPHRASE, self)
        self.unlock = UnlockPage(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.unlock)
        self.main: MainArea | None = None
        self.sync_worker: SyncWorker | None = None
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.setupRequested.connect(self.create_profile)
        self.unlock.unlockRequested.connect(self.try_unlock)
        self.unlock.demoRequested.connect(self.open_demo)

        self.queue_label = QLabel(self)
        self.net_label = QLabel(self)
        self.sync_label = QLabel(self)
        for label in (self.queue_label, self.net_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().hide()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(30_000)
        self._status_timer.timeout.connect(self.refresh_status)

        if session_mod.profile_exists(self.data_dir):
            self.unlock.set_profile_label(self.tr("Profil: ") + str(self.data_dir))
            self.stack.setCurrentWidget(self.unlock)
            self.unlock.passphrase.setFocus()
        else:
            self.stack.setCurrentWidget(self.welcome)

    # ----------------------------------------------------------- profiles
    def try_unlock(self, passphrase: str) -> None:
        run_task(lambda: session_mod.Session.open(self.data_dir, passphrase),
                 self._opened, self._unlock_failed)

    def _unlock_failed(self, exc: BaseException) -> None:
        self.unlock.failed(session_mod.describe_error(exc))

    def open_demo(self) -> None:
        self.welcome.set_busy(True)
        self.unlock.set_busy(True)
        run_task(lambda: session_mod.Session.open_demo(self.data_dir), self._opened, self._start_failed)

    def create_profile(self, info: dict) -> None:
        run_task(lambda: session_mod.Session.create(
            self.data_dir, info["passphrase"], operator=info["operator"], server_url=info["server_url"]),
            self._opened, self._start_failed)

    def _start_failed(self, exc: BaseException) -> None:
        self.welcome.set_busy(False)
        self.unlock.set_busy(False)
        message = session_mod.describe_error(exc)
        self.welcome.show_error(message)
        self.unlock.message.setText(message)

    def _opened(self, session) -> None:
        self.session = session
        i18n.install(session.language())
        # The worker belongs to the window so it survives a rebuild of the pages.
        self.sync_worker = SyncWorker(session, self)
        self.sync_worker.connectivityChanged.connect(lambda _online: self.refresh_status())
        self.sync_worker.finished.connect(lambda _report: self.refresh_status())
        self._build_main()
        self.statusBar().show()
        self.refresh_status()
        self._status_timer.start()
        self.sync_worker.start()

    def _build_main(self) -> None:
        if self.main is not None:
            self.stack.removeWidget(self.main)
            self.main.deleteLater()
        self.main = MainArea(self.session, self)
        self.stack.addWidget(self.main)
        self.stack.setCurrentWidget(self.main)
        self.main.nav.setFocus()

    def change_language(self, lang: str) -> None:
        i18n.install(lang)
        self.setWindowTitle(self.tr("Jemput — Perekaman KTP-el"))
        page = self.main.nav.currentRow() if self.main else 0
        self._build_main()
        self.main.nav.setCurrentRow(page)
        self.refresh_status()

    def refresh_status(self) -> None:
        if self.session is None:
            return
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
        last = self.session.get_setting("last_sync_at")
        self.sync_label.setText(self.tr("Sinkron terakhir: ") + (last or self.tr("belum pernah")))

    def closeEvent(self, event):  # noqa: N802 - Qt override
        """Closing never loses typed work: unsaved changes become a draft, no question asked."""
        self._status_timer.stop()
        if self.sync_worker is not None:
            self.sync_worker.stop()
        db_pool().waitForDone(10_000)  # let a save in flight reach the disk first
        if self.main is not None and self.session is not None and not self.session.store.closed:
            self.main.enroll.save_unsaved_as_draft()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
