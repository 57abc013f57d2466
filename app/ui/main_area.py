"""The work area after unlocking: side navigation and the nine pages, each built when first shown.

Kept apart from `app.ui.main_window` so that the first screen (unlock or
welcome) shows without importing the pages, the store and the sync client.
Only the page the operator lands on (Beranda) is built with the area; every
other page (and its module: OpenCV, QtCharts, the PDF writers, the SBI client)
is imported and built the first time it is shown or asked for
(`MainArea.page(name)`, or the attribute of the same name: `main.enroll`).
"""

from __future__ import annotations

import importlib
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

if TYPE_CHECKING:
    from app.ui.main_window import AppWindow

DRAFT_MESSAGE_MS = 30_000  # how long the status bar says where a left form's draft went

PAGE_CLASSES = {
    "home": ("app.ui.pages.home", "HomePage"),
    "targets": ("app.ui.pages.targets", "TargetsPage"),
    "enroll": ("app.ui.pages.enroll", "EnrollPage"),
    "queue": ("app.ui.pages.sync_page", "SyncPage"),
    "reports": ("app.ui.pages.reports", "ReportsPage"),
    "settings": ("app.ui.pages.settings", "SettingsPage"),
    "trips": ("app.ui.pages.trips", "TripsPage"),
    "schedule": ("app.ui.pages.schedule", "SchedulePage"),
    "delivery": ("app.ui.pages.delivery", "DeliveryPage"),
}
"""Each page's module and class, in the order of the navigation (Ctrl+1 … Ctrl+9)."""


class _Page:
    """`main.home`, `main.enroll`…: the page, built on first access."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, area: "MainArea | None", owner=None):
        return self if area is None else area.page(self.name)


class MainArea(QWidget):
    """Side navigation and the nine pages (built when first shown)."""

    PAGES = tuple(PAGE_CLASSES)
    home = _Page()
    targets = _Page()
    enroll = _Page()
    queue = _Page()
    reports = _Page()
    settings = _Page()
    trips = _Page()
    schedule = _Page()
    delivery = _Page()

    def __init__(self, session, window: "AppWindow"):
        super().__init__(window)
        self.session = session
        self.window_ = window
        self._built: dict[str, QWidget] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navList")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        titles = [
            self.tr("Beranda"), self.tr("Daftar Warga"), self.tr("Rekam Baru"),
            self.tr("Antrian & Sinkron"), self.tr("Laporan"), self.tr("Pengaturan"), self.tr("Kunjungan"),
            self.tr("Jadwal"), self.tr("Antar KTP-el"),
        ]
        for i, title in enumerate(titles):
            item = QListWidgetItem(f"{title}")
            item.setToolTip(f"Ctrl+{i + 1}")
            self.nav.addItem(item)
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

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_recording)
        for i in range(len(self.PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self,
                      activated=lambda i=i: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

    # ----------------------------------------------------------- pages, built on demand
    def page(self, name: str) -> QWidget:
        """The page `name` (one of `PAGES`), imported and built now if it was not yet."""
        page = self._built.get(name)
        if page is None:
            page = self._build(name)
        return page

    def is_built(self, name: str) -> bool:
        return name in self._built

    def pages(self) -> list[QWidget]:
        """Every page in navigation order (builds those not built yet)."""
        return [self.page(name) for name in self.PAGES]

    def _build(self, name: str) -> QWidget:
        module, class_name = PAGE_CLASSES[name]
        self.window_.wait_for_imports()
        cls = getattr(importlib.import_module(module), class_name)
        if name == "queue":
            page = cls(self.session, self, worker=self.window_.ensure_sync_worker())
        else:
            page = cls(self.session, self)
        self._built[name] = page
        self.stack.addWidget(page)
        self._connect(name, page)
        return page

    def _connect(self, name: str, page) -> None:
        """What a page tells the area and the window, wired when the page is built."""
        if name == "home":
            page.openRecording.connect(self.open_recording)
            page.supervisor_bar.decided.connect(self._decided)
        elif name == "queue":
            page.fixRecording.connect(self.open_recording)
        elif name == "targets":
            page.enrollTarget.connect(self.enroll_target)
            page.enrollResident.connect(self.enroll_resident)
        elif name == "enroll":
            page.saved.connect(self._recording_saved)
            page.draftKept.connect(lambda text: self.window_.statusBar().showMessage(text, DRAFT_MESSAGE_MS))
            page.closed.connect(lambda: self.nav.setCurrentRow(0))
        elif name == "settings":
            page.languageChanged.connect(self.window_.change_language)
        elif name == "trips":
            page.activeChanged.connect(self.window_.refresh_status)

    def _showing(self, name: str) -> bool:
        return self.is_built(name) and self.stack.currentWidget() is self._built[name]

    def save_unsaved_as_draft(self) -> None:
        """The form's typing becomes a draft (closing, rebuilding); nothing when the form was never opened."""
        if self.is_built("enroll"):
            self.enroll.save_unsaved_as_draft()

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        name = self.PAGES[index]
        if self._showing("enroll") and name != "enroll":
            self.enroll.leave()  # the typing becomes a draft; the form waits for the operator's return
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        if name == "enroll":
            form = self.enroll.form
            if self.enroll.uuid is None and not form.dirty and not form.has_content():
                self.enroll.start_new()
            self.enroll.form.nik.setFocus()
        elif hasattr(page, "refresh"):
            page.refresh()

    def _recording_saved(self, _uuid: str, _complete: bool) -> None:
        self.window_.refresh_status()
        if self._showing("home"):  # a left form's draft lands while Beranda shows
            self.home.refresh()

    def _decided(self) -> None:
        """The supervisor approved or returned a recording: counts, banner and the list follow."""
        self.window_.refresh_status()
        if self._showing("home"):
            self.home.refresh()

    def new_recording(self) -> None:
        self.enroll.start_new()
        self._goto("enroll")

    def _goto(self, name: str) -> None:
        """Show page `name` as it is (no refresh, no new form: the caller has filled it)."""
        page = self.page(name)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.PAGES.index(name))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)

    def open_recording(self, uuid: str) -> None:
        if not self.enroll.holds_unsaved(uuid):  # else the form on screen is newer than the disk
            self.enroll.open_recording(self.session.get_recording(uuid))
        self._goto("enroll")

    def enroll_resident(self, resident) -> None:  # noqa: ANN001 - app.core.resident.Resident
        """A new form pre-filled with `resident` (a registered family's member whose NIK was issued)."""
        self.enroll.start_new(resident)
        self._goto("enroll")

    def enroll_target(self, nik: str) -> None:
        """A resident from Daftar Warga: the recording this laptop holds of them, else a new form
        pre-filled from the list (one resident, once); finishing it opens the next of the same RT."""
        recorded = self.session.recording_of_target(nik)
        if recorded is not None:
            self.open_recording(recorded.uuid)
            return
        self.enroll.start_new(self.session.resident_from_target(nik), list_nik=nik)
        self._goto("enroll")
