"""The camera chooser: "Kamera: [the cameras found ▾] [Cari ulang]", used by the photo step and Pengaturan.

Finding the cameras (`app.capture.camera_list.list_cameras`) runs off the GUI
thread; the list arrives with `listed`. Choosing an entry emits `chosen`
with what `open_source` opens (a camera index or a file/folder path). With
none found the box says so and `none_found` is true.
"""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from app.capture.camera_list import CameraChoice, list_cameras, source_choice
from app.ui.workers import run_task


class CameraChooser(QWidget):
    """A combobox of the cameras found and the configured file/folder sources.

    Signals:
        listed(list): the `CameraChoice` entries, after each search.
        chosen(object): the operator picked another entry (its spec).

    Attributes:
        choices: the entries shown. searching: a search is running.
        lister: how cameras are found (`list_cameras`; e.g. another device folder).
    """

    listed = Signal(list)
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[CameraChoice] = []
        self.searching = False
        self._configured: list[Any] = []
        self._wanted: Any = None
        self.lister = list_cameras
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Kamera:"), self)
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(260)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        self.search_button = QPushButton(self.tr("Cari ulang"), self)
        self.search_button.setToolTip(self.tr("Cari lagi kamera yang terpasang (mis. setelah kamera USB dicolok)"))
        self.search_button.clicked.connect(lambda: self.search())
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.search_button)
        self.combo.activated.connect(self._activated)
        self.combo.setEnabled(False)  # empty until the first search
        self._searched = False

    @property
    def none_found(self) -> bool:
        """A search ended and found nothing."""
        return self._searched and not self.searching and not self.choices

    def current_spec(self) -> Any:
        """The chosen entry's spec, or None (nothing found)."""
        index = self.combo.currentIndex()
        return self.choices[index].spec if 0 <= index < len(self.choices) else None

    def is_current(self, spec: Any) -> bool:
        """Whether `spec` ("0", 0, a path) is the entry chosen now."""
        return spec is not None and _normal(spec) == self.current_spec()

    def search(self, configured: Iterable[Any] | None = None, current: Any = None) -> None:
        """Look for cameras (off the GUI thread); `configured`: file/folder sources to list too,
        `current`: the entry to select when found (default: the one selected now)."""
        if configured is not None:
            self._configured = list(configured)
        self._wanted = current if current is not None else self.current_spec()
        self.searching = True
        self.search_button.setEnabled(False)
        self.combo.setEnabled(False)
        self.combo.clear()
        self.combo.addItem(self.tr("Mencari kamera…"))
        extra, lister = list(self._configured), self.lister
        run_task(lambda: lister(extra), self._found, self._search_failed, pool=QThreadPool.globalInstance())

    def add_source(self, spec: Any) -> bool:
        """Add a file/folder source to the list and choose it; False when it does not exist."""
        choice = source_choice(spec)
        if choice is None:
            return False
        if choice.spec not in [c.spec for c in self.choices]:
            self._configured.append(choice.spec)
            self.choices.append(choice)
            self.combo.addItem(choice.label, userData=choice.spec)
        self.combo.setEnabled(True)
        self.combo.setCurrentIndex([c.spec for c in self.choices].index(choice.spec))
        self.chosen.emit(choice.spec)
        return True

    # ------------------------------------------------------------ internals
    def _found(self, choices: list[CameraChoice]) -> None:
        if not isValid(self):
            return  # the dialog closed while searching
        self._show(choices)

    def _search_failed(self, _exc: BaseException) -> None:
        if isValid(self):
            self._show([])

    def _show(self, choices: list[CameraChoice]) -> None:
        self.searching = False
        self._searched = True
        self.choices = list(choices)
        self.combo.clear()
        for choice in self.choices:
            self.combo.addItem(choice.label, userData=choice.spec)
        if not self.choices:
            self.combo.addItem(self.tr("Tidak ada kamera ditemukan"))
        self.combo.setEnabled(bool(self.choices))
        self.search_button.setEnabled(True)
        specs = [c.spec for c in self.choices]
        wanted = _normal(self._wanted)
        self.combo.setCurrentIndex(specs.index(wanted) if wanted in specs else 0)
        self.listed.emit(self.choices)

    def _activated(self, index: int) -> None:
        if 0 <= index < len(self.choices):
            self.chosen.emit(self.choices[index].spec)


def _normal(spec: Any) -> Any:
    """The spec as the list holds it ("0" is camera 0; a path written as `source_choice` writes it)."""
    if spec is None:
        return None
    choice = source_choice(spec)
    return choice.spec if choice is not None else spec
