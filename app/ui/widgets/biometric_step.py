"""The capture loop the fingerprint (F4) and iris (F5) steps share, around an SBI device.

Finding the device (MOSIPDISC over the given ports), asking it whether it is
ready (MOSIPDINFO) and the registration capture (RCAPTURE) run in Qt's global
thread pool (`app.ui.workers.run_task`); their answers come back to the GUI
thread, which only records them: a try's score goes into its unit's
`Attempts` (accepted at the threshold, else tried again until the tries are
spent and the best kept), each device error is shown as the catalogue's
sentence, and a device gone mid-capture changes nothing already captured (it
is looked for again on the next capture). A subclass gives the units, the
diagram and how a capture is asked for.

Signals:
    completed(object): the `BiometricStepResult`, when every slot is captured or excepted and the
        operator finishes the step (button or Ctrl+Enter).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.biometrics.client import PURPOSE, SbiClient
from app.biometrics.discovery import PORTS, discover
from app.biometrics.model import Capture, CaptureResult, DeviceError, DeviceInfo
from app.biometrics.stream import decode_view
from app.core.biometric_attempts import ACCEPTED, BEST_KEPT, QualityPolicy
from app.core.biometric_positions import Modality
from app.core.biometric_set import BiometricSet, Captured, Excepted
from app.core.sbi_codes import FIRST_PREVIOUS_HASH, Fault
from app.ui.texts import error_text, message_text
from app.ui.widgets.biometric_parts import (
    CAPTURED, EXCEPTION, FAILED, LOW, PENDING, BiometricStepResult, ExceptionPanel, SlotDiagram, Unit, gray_pixmap,
    legend, word,
)
from app.ui.widgets.message_line import MessageLine
from app.ui.widgets.step_widgets import button as _button
from app.ui.widgets.step_widgets import hint as _hint
from app.ui.widgets.step_widgets import title as _title
from app.ui.workers import run_task

_LOST = {Fault.NO_DEVICE, Fault.DISCONNECTED, Fault.TIMEOUT, "sbi.device_not_found"}
"""Errors after which the device is looked for again on the next capture."""


def find_device(modality: Modality, ports: Iterable[int]) -> DeviceInfo:
    """The first registration device of `modality` answering on `ports` (DeviceError sbi.no_device)."""
    found = [d for d in discover(modality.value, ports) if d.device_type == modality.value]
    found.sort(key=lambda d: d.purpose != PURPOSE)
    if not found:
        raise DeviceError(Fault.NO_DEVICE)
    return found[0]


class BiometricStep(QWidget):
    """The shared step: a diagram of slots, capture and exception by keyboard, the result when complete."""

    completed = Signal(object)
    modality = Modality.FINGER

    def __init__(self, *, client: SbiClient | None = None, policy: QualityPolicy | None = None,
                 ports: Iterable[int] = PORTS, timeout_ms: int = 10_000, pool: QThreadPool | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client or SbiClient(decode=decode_view)
        self.policy = policy or QualityPolicy()
        self.ports = tuple(ports)
        self.timeout_ms = timeout_ms
        self._pool = pool or QThreadPool.globalInstance()
        self.units: list[Unit] = self.make_units()
        self.exceptions: dict[str, Excepted] = {}
        self.proofs: dict[str, bytes] = {}  # slot -> proof-of-exception JPEG
        self.camera_source: object = 0  # where proof photos come from (Pengaturan's camera)
        self.no_device_hint = ""  # what the operator may do without a device (the profile's policy)
        self._proof_token = 0
        self.device: DeviceInfo | None = None
        self.last_hash = FIRST_PREVIOUS_HASH
        self.busy = False
        self._started = False
        self._build()
        self.refresh()

    # ------------------------------------------------------------------ what a subclass gives

    def make_units(self) -> list[Unit]:
        raise NotImplementedError

    def make_diagram(self) -> SlotDiagram:
        raise NotImplementedError

    def texts(self) -> tuple[str, str]:
        """The step's title and its hint."""
        raise NotImplementedError

    def plan(self, unit: Unit) -> tuple[list[Unit], int]:
        """The units one capture for `unit` takes (their slots not excepted are asked for) and its deviceSubId."""
        return [unit], unit.sub_id

    def unit_score(self, unit: Unit, captures: dict[str, Capture]) -> float:
        raise NotImplementedError

    def instruction(self, unit: Unit) -> str:
        raise NotImplementedError

    # ------------------------------------------------------------------ the widgets

    def _build(self) -> None:
        title, hint = self.texts()
        self.diagram = self.make_diagram()
        self.diagram.action.connect(self._act)
        self.diagram.selected.connect(lambda _slot: self.refresh())
        self.instruction_label = _hint("", self, "instruction")
        self.instruction_label.setStyleSheet("font-size: 11pt;")
        self.device_label = QLabel(self)
        self.device_label.setObjectName("deviceStatus")
        self.preview = QLabel(self)
        self.preview.setFixedSize(240, 240)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #e9eef3; border: 1px solid #b0bec5;")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.panel = ExceptionPanel(self.modality, self)
        self.panel.hide()
        self.panel.chosen.connect(self._excepted)
        self.panel.cancelled.connect(self._close_panel)
        self.panel.proofRequested.connect(self.take_proof)
        self.message = MessageLine(self)
        self.message.setObjectName("stepMessage")
        self.capture_button = _button(QCoreApplication.translate("BiometricStep", "Rekam (Spasi)"), self, primary=True)
        self.exception_button = _button(QCoreApplication.translate("BiometricStep", "Pengecualian (E)"), self)
        self.search_button = _button(QCoreApplication.translate("BiometricStep", "Cari ulang (Ctrl+R)"), self)
        self.finish_button = _button(QCoreApplication.translate("BiometricStep", "Selesai (Ctrl+Enter)"), self)
        self.capture_button.clicked.connect(self.capture)
        self.exception_button.clicked.connect(self.open_exception)
        self.search_button.clicked.connect(self.search)
        self.finish_button.clicked.connect(self.finish)
        for keys, slot in (("Ctrl+Return", self.finish), ("Ctrl+Enter", self.finish), ("Ctrl+R", self.search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        side = QVBoxLayout()
        side.addWidget(self.device_label)
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.summary)
        side.addWidget(self.panel)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.diagram, 3)
        middle.addLayout(side, 2)
        buttons = QHBoxLayout()
        for b in (self.search_button, self.exception_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(title, self))
        layout.addWidget(_hint(hint, self))
        layout.addWidget(self.instruction_label)
        layout.addLayout(middle, 1)
        layout.addWidget(legend(self))
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setFocusProxy(self.diagram)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override: look for the device once shown
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.search()

    # ------------------------------------------------------------------ state

    def unit_of(self, slot: str) -> Unit:
        return next(u for u in self.units if slot in u.slots)

    def slot_label(self, slot: str) -> str:
        raise NotImplementedError

    def state_of(self, slot: str) -> tuple[str, str]:
        """(state, text) of `slot` for the diagram: exception, captured / low (score), failed, pending."""
        if slot in self.exceptions:
            return EXCEPTION, ""
        unit = self.unit_of(slot)
        kept = unit.kept()
        if slot in kept:
            return (CAPTURED if unit.reached else LOW), str(round(kept[slot].quality_score))
        if unit.tries and slot in unit.tries[-1]:
            return FAILED, str(round(unit.tries[-1][slot].quality_score))
        return PENDING, ""

    def result(self) -> BiometricStepResult:
        """The step's outcome so far (`missing()` empty once every slot is captured or excepted)."""
        biometrics, captures = BiometricSet(), {}
        for unit in self.units:
            kept = unit.kept()
            for slot in unit.slots:
                if slot in self.exceptions:
                    biometrics = biometrics.with_slot(slot, self.exceptions[slot])
                elif slot in kept:
                    captures[slot] = kept[slot]
                    biometrics = biometrics.with_slot(slot, Captured(
                        kept[slot].quality_score, len(unit.attempts.scores), unit.reached))
        device_id = next((c.device_id for c in captures.values()), "")
        proofs = {s: p for s, p in self.proofs.items() if s in self.exceptions}
        return BiometricStepResult(self.modality, biometrics, captures, device_id, proofs)

    def refresh(self) -> None:
        slot = self.diagram.current
        unit = self.unit_of(slot)
        done = not self.result().missing()
        self.instruction_label.setText(QCoreApplication.translate(
            "BiometricStep", "Semua lengkap: periksa, lalu Ctrl+Enter untuk selesai (Spasi merekam ulang yang dipilih).")
            if done else self.instruction(unit))
        state, _text = self.state_of(slot)
        kept = unit.kept().get(slot) or (unit.tries[-1].get(slot) if unit.tries else None)
        pixmap = gray_pixmap(kept.display, 232) if kept is not None and state != EXCEPTION else None
        if pixmap is not None:
            self.preview.setPixmap(pixmap)
        else:
            self.preview.clear()
            self.preview.setText(word(self.slot_label(slot)))
        self.summary.setText("\n".join(self._summary_line(s) for s in self.diagram.slots))
        if self.device is None:
            self.device_label.setText(QCoreApplication.translate("BiometricStep", "Alat: belum ditemukan"))
        else:
            self.device_label.setText(QCoreApplication.translate(
                "BiometricStep", "Alat: {device} (port {port})").format(
                device=self.device.digital_id.get("model") or self.device.device_id, port=self.device.port))
        self.capture_button.setEnabled(not self.busy)
        self.search_button.setEnabled(not self.busy)
        self.finish_button.setEnabled(not self.result().missing() and not self.busy)
        self.diagram.update()

    def _summary_line(self, slot: str) -> str:
        state, text = self.state_of(slot)
        name = word(self.slot_label(slot))
        if state == EXCEPTION:
            proof = (QCoreApplication.translate("BiometricStep", "foto bukti \u2713") if slot in self.proofs
                     else QCoreApplication.translate("BiometricStep", "tanpa foto bukti"))
            return QCoreApplication.translate(
                "BiometricStep", "{slot}: pengecualian ({reason}), {proof}").format(
                slot=name, reason=word(self.exceptions[slot].reason.label), proof=proof)
        if state == CAPTURED:
            return QCoreApplication.translate("BiometricStep", "{slot}: {score} \u2713").format(slot=name, score=text)
        if state == LOW:
            return QCoreApplication.translate(
                "BiometricStep", "{slot}: {score} (terbaik, di bawah batas)").format(slot=name, score=text)
        if state == FAILED:
            return QCoreApplication.translate("BiometricStep", "{slot}: {score} (ulangi)").format(slot=name, score=text)
        return QCoreApplication.translate("BiometricStep", "{slot}: belum").format(slot=name)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #1f3b57;")
        self.message.setText(text)

    # ------------------------------------------------------------------ actions

    def _act(self, what: str) -> None:
        {"capture": self.capture, "exception": self.open_exception, "clear": self.clear_exception,
         "finish": self.finish, "search": self.search}[what]()

    def search(self) -> None:
        """Look for the device again (off the GUI thread)."""
        if self.busy:
            return
        self.busy = True
        self.say(QCoreApplication.translate("BiometricStep", "Mencari alat biometrik\u2026"))
        modality, ports = self.modality, self.ports
        self._run(lambda: find_device(modality, ports), self._found)

    def _found(self, device: DeviceInfo) -> None:
        self.device = device
        self.say(QCoreApplication.translate("BiometricStep", "Alat ditemukan. Tekan Spasi untuk merekam."))

    def capture(self) -> None:
        """RCAPTURE the selected slot's unit (with what else it takes), off the GUI thread."""
        if self.busy:
            return
        units, sub_id = self.plan(self.unit_of(self.diagram.current))
        subtypes = [s for u in units for s in u.slots if s not in self.exceptions]
        if not subtypes:
            self.say(QCoreApplication.translate(
                "BiometricStep", "Semua yang dipilih sudah pengecualian; tidak ada yang direkam."), error=True)
            return
        excepted = [s for u in units for s in u.slots if s in self.exceptions]
        self.busy = True
        self.say(QCoreApplication.translate("BiometricStep", "Merekam\u2026 tahan posisi sampai selesai."))
        client, device, modality, ports = self.client, self.device, self.modality, self.ports
        required = units[0].attempts.required
        previous, timeout_ms = self.last_hash, self.timeout_ms

        def work() -> tuple[DeviceInfo, CaptureResult]:
            found = device or find_device(modality, ports)
            client.ready(found)
            return found, client.rcapture(found, modality, subtypes, exceptions=excepted, requested_score=required,
                                          sub_id=sub_id, previous_hash=previous, timeout_ms=timeout_ms)

        self._run(work, lambda answer: self._captured(units, *answer))

    def _captured(self, units: list[Unit], device: DeviceInfo, result: CaptureResult) -> None:
        self.device = device
        self.last_hash = result.last_hash
        by = result.by_subtype()
        lines = []
        for unit in units:
            caps = {s: by[s] for s in unit.slots if s in by}
            if not caps:
                continue
            unit.record(caps, self.unit_score(unit, caps))
            lines.append(self._verdict_text(unit))
        self.say(" ".join(lines), error=any(u.attempts.verdict != ACCEPTED for u in units))
        if all(u.attempts.verdict != "retry" for u in units):
            self._advance()

    def _verdict_text(self, unit: Unit) -> str:
        attempts, label = unit.attempts, word(unit.label)
        score = round(attempts.scores[-1])
        if attempts.verdict == ACCEPTED:
            return QCoreApplication.translate(
                "BiometricStep", "{unit}: kualitas {score}, diterima.").format(unit=label, score=score)
        low = attempts.low_score(label)
        text = message_text(*low) if low else ""
        if attempts.verdict == BEST_KEPT:
            best = round(attempts.scores[attempts.best])
            return QCoreApplication.translate(
                "BiometricStep", "{unit}: setelah {tries} kali, hasil terbaik ({score}) disimpan. "
                "Bila jari/mata memang tidak dapat direkam lebih baik, tandai pengecualian (E).").format(
                unit=label, tries=len(attempts.scores), score=best)
        left = attempts.tries - len(attempts.scores)
        return text + " " + QCoreApplication.translate("BiometricStep", "Sisa percobaan: {left}.").format(left=left)

    def _advance(self) -> None:
        """Select the first slot still to do (none left: the finish button)."""
        missing = set(self.result().missing())
        todo = [s for s in self.diagram.slots if s in missing]
        if todo:
            self.diagram.select(todo[0])
        else:
            self.say(self.message.text() + " " + QCoreApplication.translate(
                "BiometricStep", "Semua lengkap: tekan Ctrl+Enter untuk selesai."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeviceError):
            text = message_text(exc.code, exc.params)
            if exc.code in _LOST:
                self.device = None
                if self.no_device_hint and not self.result().captures:
                    text += " " + self.no_device_hint
        else:
            text = error_text(exc)
        self.say(text, error=True)

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        def finish(handler: Callable[[object], None]) -> Callable[[object], None]:
            def deliver(value: object) -> None:
                if not shiboken6.isValid(self):  # the step was closed while the device worked
                    return
                self.busy = False
                try:
                    handler(value)
                finally:
                    self.refresh()
            return deliver

        self.refresh()
        run_task(work, finish(done), finish(self._failed), pool=self._pool)

    # ------------------------------------------------------------------ exceptions

    def set_camera_source(self, spec: object) -> None:
        """The frame source proof photos are read from (camera index, file or folder)."""
        self.camera_source = spec

    def set_no_device_hint(self, text: str) -> None:
        """What the step adds when no device answers and nothing is captured yet (the profile's policy)."""
        self.no_device_hint = text

    def open_exception(self) -> None:
        slot = self.diagram.current
        self.preview.hide()  # the panel takes its place: the step keeps its height
        self.panel.open_for(word(self.slot_label(slot)), self.exceptions.get(slot), self.proofs.get(slot))

    def take_proof(self) -> None:
        """The proof photo from the camera, off the GUI thread (`app.capture.proof`)."""
        if not self.panel.isVisible() or not self.panel.proof_button.isEnabled():
            return
        from app.capture.proof import read_proof_photo

        self._proof_token += 1
        token, source = self._proof_token, self.camera_source
        self.panel.taking_proof()

        def done(jpeg: bytes) -> None:
            if shiboken6.isValid(self) and token == self._proof_token:
                self.panel.show_proof(jpeg)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and token == self._proof_token:
                code = getattr(exc, "code", None)
                self.panel.proof_failed(message_text(code, getattr(exc, "params", {}) or {})
                                        if isinstance(code, str) else error_text(exc))

        run_task(lambda: read_proof_photo(source), done, failed, pool=self._pool)

    def _excepted(self, state: Excepted) -> None:
        slot = self.diagram.current
        self.exceptions[slot] = state
        if self.panel.proof is not None:
            self.proofs[slot] = self.panel.proof
        else:
            self.proofs.pop(slot, None)
        self._proof_token += 1  # a photo still being taken belongs to no exception now
        self._close_panel()
        text = QCoreApplication.translate("BiometricStep", "{slot} ditandai pengecualian: {reason}.").format(
            slot=word(self.slot_label(slot)), reason=word(state.reason.label))
        if slot not in self.proofs:
            text += " " + QCoreApplication.translate(
                "BiometricStep", "Belum ada foto bukti: tekan E lagi lalu F6 untuk mengambilnya.")
        self.say(text, error=slot not in self.proofs)
        self.refresh()

    def _close_panel(self) -> None:
        self._proof_token += 1
        self.panel.hide()
        self.preview.show()
        self.diagram.setFocus()

    def clear_exception(self) -> None:
        slot = self.diagram.current
        self.proofs.pop(slot, None)
        if self.exceptions.pop(slot, None) is not None:
            self.say(QCoreApplication.translate(
                "BiometricStep", "Pengecualian {slot} dihapus; rekam jari/mata itu.").format(
                slot=word(self.slot_label(slot))))
            self.refresh()

    def finish(self) -> None:
        if self.busy:
            return
        result = self.result()
        if result.missing():
            names = ", ".join(word(self.slot_label(s)) for s in result.missing())
            self.say(QCoreApplication.translate(
                "BiometricStep", "Belum lengkap: {slots}. Rekam atau tandai pengecualian.").format(
                slots=names), error=True)
            return
        self.completed.emit(result)
