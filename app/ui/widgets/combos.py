"""Combo boxes with type-to-search: value lists and the cascading region picker.

`SearchCombo` is an editable combo whose completer matches anywhere in the
label (typing "tani" finds "Petani/Pekebun" and "Buruh Tani/Perkebunan").
Only items of the list count as a value: free text gives `value()` None.
Enter settles the field and says so (`entered`, the form moves on): the
highlighted candidate, else the one item the text matches; when the text
matches several, Enter shows them instead and the keyboard stays.
`RegionPicker` chains four of them provinsi -> kabupaten/kota -> kecamatan ->
kelurahan/desa over a `RegionIndex`.
"""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QMenu, QSizePolicy, QToolButton, QWidget


def _is_enter(event) -> bool:
    """Return or Enter without Ctrl (Ctrl+Enter is the form's Selesai)."""
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
        event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class SearchCombo(QComboBox):
    """Editable combo restricted to its items, with contains-matching completion.

    Signals:
        valueChanged: the chosen item's data changed (None when cleared or invalid).
        entered: Enter settled the field (a choice, nothing typed, or text no item matches).
    """

    valueChanged = Signal(object)
    entered = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # Long lists (89 pekerjaan) must not widen the form past a 1366-px screen.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated[str].connect(self._completed)
        self.lineEdit().setPlaceholderText(placeholder)
        self._last: Any = None
        self.currentIndexChanged.connect(lambda _i: self._emit_if_changed())
        self.lineEdit().editingFinished.connect(self._snap_to_item)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        # Snap on Tab before Qt picks the next field, so the next region level
        # is already enabled and filled when focus moves on.
        self.lineEdit().installEventFilter(self)
        completer.popup().installEventFilter(self)
        self.view().installEventFilter(self)  # Enter in the drop-down list moves on too
        self.lineEdit().textEdited.connect(lambda _t: self._emit_if_changed())

    def event(self, event):
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:  # isinstance first: cheap
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._snap_to_item()
            elif _is_enter(event):  # the keyboard's keys come to the combo, not its line edit
                self._enter()
                return True
        return super().event(event)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if not isinstance(event, QKeyEvent):  # only keys matter here (and asking each event's type is dear)
            return super().eventFilter(obj, event)
        if obj is self.view():
            if event.type() == QEvent.Type.KeyPress and _is_enter(event):
                # the list takes the highlighted item and closes; then the form moves on
                QTimer.singleShot(0, self._entered_from_list)
            return super().eventFilter(obj, event)
        if event.type() == QEvent.Type.KeyPress:
            if _is_enter(event):
                # The completer would take Enter in its popup and leave the keyboard here
                # (the next typing then lands in this field): settle it here instead.
                popup = self.completer().popup()
                index = popup.currentIndex() if obj is popup and popup.isVisible() else None
                if index is not None and index.isValid():
                    popup.hide()
                    self._completed(index.data())
                    self.entered.emit()
                else:
                    self._enter()
                return True
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._snap_to_item()
        return super().eventFilter(obj, event)

    def _entered_from_list(self) -> None:
        if self.value() is not None and not self.view().isVisible():
            self.entered.emit()

    def _enter(self) -> None:
        """Enter on the typed text: settle it and move on, or offer the candidates when it is ambiguous."""
        self._snap_to_item()
        candidates = self._matches(self.lineEdit().text().strip())
        if self.value() is None and len(candidates) > 1:
            self.offer_candidates()
            return
        self.completer().popup().hide()
        self.entered.emit()

    def offer_candidates(self) -> None:
        """Open the completer's list on the typed text (arrow down to one, Enter takes it)."""
        completer = self.completer()
        completer.setCompletionPrefix(self.lineEdit().text().strip())
        completer.complete()

    def _matches(self, text: str) -> list[int]:
        """The items whose label holds `text` (as the completer matches), none for no text."""
        needle = text.lower()
        return [i for i in range(self.count()) if needle in self.itemText(i).lower()] if needle else []

    def _focus_changed(self, old, new) -> None:
        # Leaving the box while the completer popup is open sends neither
        # editingFinished nor a focus-out to the combo: watch the app instead.
        mine = (self, self.lineEdit(), self.completer().popup())
        if old in mine and new not in mine:
            self.completer().popup().hide()
            self._snap_to_item()

    def set_items(self, items: Iterable[tuple[str, Any]]) -> None:
        """Replace the items with (label, data) pairs, keeping nothing selected."""
        self.blockSignals(True)
        self.clear()
        for label, data in items:
            self.addItem(label, data)
        self._fit_lists()
        self.setCurrentIndex(-1)
        self.lineEdit().clear()
        self.blockSignals(False)
        self._emit_if_changed()

    def _fit_lists(self) -> None:
        """Both lists (the drop-down and the completer's) wide enough for every label whole."""
        for view in (self.view(), self.completer().popup()):
            view.ensurePolished()  # the style sheet's font
            metrics = view.fontMetrics()
            widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
            view.setMinimumWidth(widest + 2 * metrics.averageCharWidth() + 24)  # margins and a scroll bar

    def _show_start(self) -> None:
        """A chosen value is shown from its first letter (a long one is cut at the end, not the start)."""
        if self.value() is not None:
            self.lineEdit().setCursorPosition(0)

    def _completed(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.setCurrentIndex(index)
        self._show_start()
        self._emit_if_changed()

    def _snap_to_item(self) -> None:
        """On leaving the field, a unique contains-match becomes the choice."""
        text = self.lineEdit().text().strip()
        if not text:
            self.setCurrentIndex(-1)
            self._emit_if_changed()
            return
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            self.setCurrentIndex(exact)
        else:
            matches = self._matches(text)
            if len(matches) == 1:
                self.setCurrentIndex(matches[0])
        self._show_start()
        self._emit_if_changed()

    def value(self) -> Any:
        text = self.lineEdit().text().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        return self.itemData(index) if index >= 0 else None

    def set_value(self, data: Any) -> None:
        if data is None:
            self.setCurrentIndex(-1)
            self.lineEdit().clear()
        else:
            index = self.findData(data)
            self.setCurrentIndex(index)
            if index < 0:
                self.lineEdit().clear()
        self._show_start()
        self._emit_if_changed()

    def has_invalid_text(self) -> bool:
        return bool(self.lineEdit().text().strip()) and self.value() is None

    def _emit_if_changed(self) -> None:
        value = self.value()
        if value != self._last:
            self._last = value
            self.valueChanged.emit(value)


class EnumCombo(SearchCombo):
    """A SearchCombo over a SIAK enumeration (labels shown, members as data)."""

    def __init__(self, enum_cls, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent, placeholder)
        self.enum_cls = enum_cls
        self.set_items((member.label, member) for member in enum_cls)


class RegionPicker(QWidget):
    """Not a layout itself: owns four SearchCombos that the form places.

    Signals:
        changed: any level changed.
    """

    changed = Signal()

    LEVELS = ("provinsi", "kabupaten", "kecamatan", "kelurahan")

    def __init__(self, regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = regions
        self.combos: dict[str, SearchCombo] = {
            "provinsi": SearchCombo(parent, self.tr("Ketik nama provinsi")),
            "kabupaten": SearchCombo(parent, self.tr("Ketik nama kabupaten/kota")),
            "kecamatan": SearchCombo(parent, self.tr("Ketik nama kecamatan")),
            "kelurahan": SearchCombo(parent, self.tr("Ketik nama kelurahan/desa")),
        }
        for level, combo in self.combos.items():
            combo.valueChanged.connect(lambda value, lv=level: self._level_changed(lv, value))
        self.set_regions(regions)

    def set_regions(self, regions) -> None:
        self.regions = regions
        for level in self.LEVELS[1:]:
            self._fill(level, None)
        self._fill("provinsi", None)

    def _fill(self, level: str, parent_code: str | None) -> None:
        items = []
        if self.regions is not None and (parent_code or level == "provinsi"):
            items = [(r.nama, r.kode) for r in self.regions.children(parent_code)]
        combo = self.combos[level]
        combo.set_items(items)
        combo.setEnabled(bool(items))

    def _level_changed(self, level: str, value) -> None:
        index = self.LEVELS.index(level)
        if index + 1 < len(self.LEVELS):
            self._fill(self.LEVELS[index + 1], value)
        self.changed.emit()

    def codes(self) -> dict[str, tuple[str, str]]:
        """{level: (kode, nama)} for the levels chosen, '' for the others."""
        out = {}
        for level, combo in self.combos.items():
            code = combo.value()
            out[level] = (code or "", combo.currentText() if code else "")
        return out

    def set_kelurahan(self, kode: str) -> None:
        """Select the whole chain down to a kelurahan (or a shorter code)."""
        if not kode or self.regions is None:
            return
        parts = kode.split(".")
        for depth, level in enumerate(self.LEVELS, start=1):
            if depth > len(parts):
                break
            self.combos[level].set_value(".".join(parts[:depth]))


class MultiSelectButton(QToolButton):
    """One tab stop for a multi-choice list: Space or Enter opens checkable items.

    Signals:
        changed: the set of chosen values changed.
    """

    changed = Signal()

    def __init__(self, items: Iterable[tuple[str, Any]], empty_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = empty_text
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        menu = QMenu(self)
        self._actions = []
        for label, data in items:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setData(data)
            action.toggled.connect(self._toggled)
            self._actions.append(action)
        self.setMenu(menu)
        self._refresh_text()

    def _toggled(self, _on: bool) -> None:
        self._refresh_text()
        self.changed.emit()

    def _refresh_text(self) -> None:
        chosen = [a.text() for a in self._actions if a.isChecked()]
        self.setText(", ".join(chosen) if chosen else self.empty_text)

    def values(self) -> list[Any]:
        return [a.data() for a in self._actions if a.isChecked()]

    def set_values(self, values: Iterable[Any]) -> None:
        wanted = list(values)
        for action in self._actions:
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._refresh_text()
        self.changed.emit()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.focusNextChild()
            return
        super().keyPressEvent(event)
