"""The work area after unlocking: side navigation and the eight pages.

Kept apart from `app.ui.main_window` so that the first screen (unlock or
welcome) shows without importing the pages, the store and the sync client;
`AppWindow` imports this module while the operator types the passphrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages.delivery import DeliveryPage
from app.ui.pages.enroll import EnrollPage
from app.ui.pages.home import HomePage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.schedule import SchedulePage
from app.ui.pages.settings import SettingsPage
from app.ui.pages.sync_page import SyncPage
from app.ui.pages.targets import TargetsPage
from app.ui.pages.trips import TripsPage

if TYPE_CHECKING:
    from app.ui.main_window import AppWindow

DRAFT_MESSAGE_MS = 30_000  # how long the status bar says where a left form's draft went


class MainArea(QWidget):
    """Side navigation and the eight pages."""

    PAGES = ("home", "targets", "enroll", "queue", "reports", "settings", "trips", "schedule", "delivery")

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
        self.trips = TripsPage(session, self)
        self.schedule = SchedulePage(session, self)
        self.delivery = DeliveryPage(session, self)
        titles = [
            self.tr("Beranda"), self.tr("Daftar Warga"), self.tr("Rekam Baru"),
            self.tr("Antrian & Sinkron"), self.tr("Laporan"), self.tr("Pengaturan"), self.tr("Kunjungan"),
            self.tr("Jadwal"), self.tr("Antar KTP-el"),
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
        self.enroll.saved.connect(self._recording_saved)
        self.enroll.draftKept.connect(lambda text: self.window_.statusBar().showMessage(text, DRAFT_MESSAGE_MS))
        self.enroll.closed.connect(lambda: self.nav.setCurrentRow(0))
        self.settings.languageChanged.connect(self.window_.change_language)
        self.trips.activeChanged.connect(self.window_.refresh_status)

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_recording)
        for i in range(len(self.PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self,
                      activated=lambda i=i: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

    def pages(self):
        return [self.home, self.targets, self.enroll, self.queue, self.reports, self.settings, self.trips,
                self.schedule, self.delivery]

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self.pages()[index]
        if self.stack.currentWidget() is self.enroll and page is not self.enroll:
            self.enroll.leave()  # the typing becomes a draft; the form waits for the operator's return
        self.stack.setCurrentWidget(page)
        if page is self.enroll:
            form = self.enroll.form
            if self.enroll.uuid is None and not form.dirty and not form.has_content():
                self.enroll.start_new()
            self.enroll.form.nik.setFocus()
        elif hasattr(page, "refresh"):
            page.refresh()

    def _recording_saved(self, _uuid: str, _complete: bool) -> None:
        self.window_.refresh_status()
        if self.stack.currentWidget() is self.home:  # a left form's draft lands while Beranda shows
            self.home.refresh()

    def new_recording(self) -> None:
        self.enroll.start_new()
        self._goto(self.enroll)

    def _goto(self, page) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.pages().index(page))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)

    def open_recording(self, uuid: str) -> None:
        if not self.enroll.holds_unsaved(uuid):  # else the form on screen is newer than the disk
            self.enroll.open_recording(self.session.get_recording(uuid))
        self._goto(self.enroll)

    def enroll_target(self, nik: str) -> None:
        """A resident from Daftar Warga: the recording this laptop holds of them, else a new form
        pre-filled from the list (one resident, once); finishing it opens the next of the same RT."""
        recorded = self.session.recording_of_target(nik)
        if recorded is not None:
            self.open_recording(recorded.uuid)
            return
        self.enroll.start_new(self.session.resident_from_target(nik), list_nik=nik)
        self._goto(self.enroll)
