"""Antar KTP-el: batches of printed cards, the round per kelurahan and RT, handovers and attempts, progress,
and the delivery list on paper.

The rules are `app.core.card_delivery`; the rows `app.store.card_delivery`
(through the session). Reading a batch file, reading the round and writing the
PDF run off the GUI thread (`app.ui.workers.run_task`). Keyboard: type or scan a
NIK and Enter (a card here is selected; any other NIK is kept for a new batch),
F5 hands the selected card over, F6 records why it was not, Ctrl+P prints.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.card_delivery import CardState, Reason
from app.core.day_report import masked_nik
from app.core.messages import CodedError
from app.core.nik import normalize_nik_input
from app.store.targets import TargetRepo
from app.ui.pages.common import count_text, fill_placeholders, page_title
from app.ui.pages.delivery_dialogs import AttemptDialog, HandoverDialog
from app.ui.pages.trips import _fill, _key, _table
from app.ui.texts import error_text, message_text
from app.ui.workers import run_task

ALL = "*"


def _read_round(delivery, targets, kelurahan: str | None, rt: str | None):  # noqa: ANN001, ANN202
    """On the database worker: the round, the delivery progress per (kelurahan, RT) and the recording
    progress beside it ((recorded, target) per (kelurahan, RT))."""
    recording: dict[tuple[str, str], tuple[int, int]] = {}
    for p in targets.progress_by("rt"):
        key = (p.key[0], p.key[2])
        done, total = recording.get(key, (0, 0))
        recording[key] = (done + p.recorded, total + p.target)
    return delivery.round_list(kelurahan, rt), delivery.progress(), recording


class DeliveryPage(QWidget):
    """The Antar KTP-el page (see the module's docstring)."""

    def __init__(self, session, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.session = session
        self._today = today  # a fixed day for tests and screenshots; None: the calendar's
        self.dialog = None
        self.cards = []
        self.progress = {}
        self.scanned: list[str] = []
        self._asked = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page_title(self.tr("Antar KTP-el"), self))

        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Impor kiriman kartu…"), self)
        self.hand_button = QPushButton(self.tr("&Serahkan (F5)"), self)
        self.attempt_button = QPushButton(self.tr("&Tidak terserahkan (F6)"), self)
        self.print_button = QPushButton(self.tr("&Cetak daftar antar… (Ctrl+P)"), self)
        for button in (self.import_button, self.hand_button, self.attempt_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        scan = QHBoxLayout()
        self.nik = QLineEdit(self)
        self.nik.setPlaceholderText(self.tr("Pindai atau ketik NIK, lalu Enter"))
        self.nik.setMaxLength(40)
        self.scanned_label = QLabel(self)
        self.save_scanned = QPushButton(self.tr("Simpan &pindaian sebagai kiriman"), self)
        scan.addWidget(self.nik, 1)
        scan.addWidget(self.scanned_label)
        scan.addWidget(self.save_scanned)
        layout.addLayout(scan)

        filters = QHBoxLayout()
        self.kelurahan = QComboBox(self)
        self.rt = QComboBox(self)
        filters.addWidget(QLabel(self.tr("Kelurahan/desa:"), self))
        filters.addWidget(self.kelurahan, 1)
        filters.addWidget(QLabel(self.tr("RT:"), self))
        filters.addWidget(self.rt)
        layout.addLayout(filters)
        self.summary = QLabel(self)
        self.summary.setObjectName("deliverySummary")
        layout.addWidget(self.summary)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.round = _table(self, [self.tr("No"), self.tr("Nama"), self.tr("Alamat"), self.tr("RT/RW"),
                                   self.tr("NIK"), self.tr("Status")], stretch=2)
        layout.addWidget(self.round, 3)
        self.per_rt = _table(self, [self.tr("Kelurahan/desa"), self.tr("RT"), self.tr("Kartu"),
                                    self.tr("Diserahkan"), self.tr("Tidak terserahkan"), self.tr("Belum diantar"),
                                    self.tr("%"), self.tr("Sudah rekam/target")], stretch=0)
        layout.addWidget(self.per_rt, 1)

        self.import_button.clicked.connect(self.choose_batch)
        self.hand_button.clicked.connect(self.hand_over)
        self.attempt_button.clicked.connect(self.not_delivered)
        self.print_button.clicked.connect(self.choose_pdf)
        self.save_scanned.clicked.connect(self.store_scanned)
        self.nik.returnPressed.connect(self.nik_entered)
        self.kelurahan.activated.connect(lambda _i: self._kelurahan_chosen())
        self.rt.activated.connect(lambda _i: self.refresh())
        self.round.itemActivated.connect(lambda _item: self.hand_over())
        QShortcut(QKeySequence("F5"), self, activated=self.hand_over)
        QShortcut(QKeySequence("F6"), self, activated=self.not_delivered)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.choose_pdf)
        self._show_scanned()
        self.refresh()

    # ----------------------------------------------------------------- reading
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _area(self) -> tuple[str | None, str | None]:
        kel, rt = self.kelurahan.currentData(), self.rt.currentData()
        return (None if kel in (None, ALL) else kel), (None if rt in (None, ALL) else rt)

    def refresh(self) -> None:
        """Read the round of the chosen area and the progress on the database worker."""
        self._asked += 1
        asked, delivery, targets = self._asked, self.session.delivery, TargetRepo(self.session.store)
        kel, rt = self._area()
        run_task(lambda: _read_round(delivery, targets, kel, rt), lambda result: self._show(result, asked),
                 lambda exc: self._say(error_text(exc), error=True))

    def _show(self, result, asked: int) -> None:  # noqa: ANN001
        if asked != self._asked:
            return  # an older answer
        self.cards, self.progress, recording = result
        self._fill_filters()
        rows = [[str(i), c.nama or "-", c.alamat or "-", f"{c.rt or '-'}/{c.rw or '-'}", masked_nik(c.nik),
                 self._status(c)] for i, c in enumerate(self.cards, 1)]
        _fill(self.round, rows, [c.nik for c in self.cards])
        kel, rt = self._area()
        shown = [(k, p) for k, p in sorted(self.progress.items())
                 if (kel is None or k[0] == kel) and (rt is None or k[1] == rt)]
        _fill(self.per_rt, [[self._kelurahan_name(k[0]), k[1] or "-", count_text(p.cards), count_text(p.handed),
                             count_text(p.undelivered), count_text(p.waiting), p.percent,
                             "{}/{}".format(*map(count_text, recording.get(k, (0, 0))))] for k, p in shown],
              [f"{k[0]}|{k[1]}" for k, _ in shown])
        cards = sum(p.cards for _, p in shown)
        handed = sum(p.handed for _, p in shown)
        undelivered = sum(p.undelivered for _, p in shown)
        self.summary.setText(fill_placeholders(
            self.tr("Kartu %1 · diserahkan %2 · tidak terserahkan %3 · belum diantar %4"),
            count_text(cards), count_text(handed), count_text(undelivered), count_text(cards - handed - undelivered)))

    def _status(self, card) -> str:  # noqa: ANN001
        if card.state is CardState.TIDAK_TERSERAHKAN and card.reason:
            return message_text(f"delivery_reason.{Reason(card.reason).value}")
        return message_text(f"delivery_state.{card.state.value}")

    def _kelurahan_name(self, kode: str) -> str:
        if not kode:
            return self.tr("(tanpa wilayah)")
        region = self.session.regions.get(kode) if getattr(self.session, "regions", None) else None
        return f"{kode} {region.nama}" if region else kode

    def _fill_filters(self) -> None:
        """The kelurahan and RT choices from the progress (every area with a card), keeping the choice."""
        kel_now, rt_now = self.kelurahan.currentData(), self.rt.currentData()
        kels = sorted({k for k, _ in self.progress})
        self.kelurahan.blockSignals(True)
        self.kelurahan.clear()
        self.kelurahan.addItem(self.tr("Semua"), ALL)
        for k in kels:
            self.kelurahan.addItem(self._kelurahan_name(k), k)
        self.kelurahan.setCurrentIndex(max(0, self.kelurahan.findData(kel_now)))
        self.kelurahan.blockSignals(False)
        kel = self.kelurahan.currentData()
        rts = sorted({rt for k, rt in self.progress if kel == ALL or k == kel})
        self.rt.blockSignals(True)
        self.rt.clear()
        self.rt.addItem(self.tr("Semua"), ALL)
        for rt in rts:
            self.rt.addItem(rt or "-", rt)
        self.rt.setCurrentIndex(max(0, self.rt.findData(rt_now)))
        self.rt.blockSignals(False)

    def _kelurahan_chosen(self) -> None:
        self.rt.setCurrentIndex(0)
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b71c1c;" if error else "")

    def selected_card(self):  # noqa: ANN201
        nik = _key(self.round)
        return next((c for c in self.cards if c.nik == nik), None)

    # ----------------------------------------------------------------- batches
    def choose_batch(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Impor kiriman kartu"), "",
            self.tr("Daftar NIK kartu tercetak (*.csv *.txt *.xlsx);;Semua berkas (*)"))
        if path:
            self.import_batch(path)

    def import_batch(self, path: str, name: str | None = None) -> None:
        """Read a batch file and store its cards on the database worker (all or nothing)."""
        from app.targetfile.niks import nik_cells

        delivery, actor = self.session.delivery, self.session.operator_name
        name = name or Path(path).stem
        self.import_button.setEnabled(False)
        self._say(self.tr("Membaca kiriman kartu…"))
        run_task(lambda: delivery.import_batch(name, nik_cells(path), source=Path(path).name, actor=actor),
                 self._imported, self._import_failed)

    def _imported(self, info) -> None:  # noqa: ANN001
        self.import_button.setEnabled(True)
        text = fill_placeholders(self.tr("Kiriman \u201c%1\u201d disimpan: %2 kartu."), info.name,
                                 count_text(info.cards))
        if info.without_area:
            text += " " + fill_placeholders(self.tr("%1 NIK tidak ada di daftar target: tanpa alamat."),
                                            count_text(info.without_area))
        self._say(text)
        self.refresh()

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.save_scanned.setEnabled(True)
        self._say(error_text(exc), error=True)

    def nik_entered(self) -> None:
        """A card here is selected; any other NIK is kept for a batch of scanned cards."""
        nik = normalize_nik_input(self.nik.text())
        self.nik.clear()
        if not nik:
            return
        row = next((i for i, c in enumerate(self.cards) if c.nik == nik), None)
        if row is not None:
            self.round.selectRow(row)
            self.round.setFocus()
            return
        if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
            self._say(message_text("delivery.batch_bad_lines", {"count": 1, "lines": "1"}), error=True)
            return
        if nik in self.scanned:
            self._say(self.tr("NIK ini sudah dipindai."), error=True)
            return
        self.scanned.append(nik)
        self._say("")
        self._show_scanned()

    def _show_scanned(self) -> None:
        self.scanned_label.setText(fill_placeholders(self.tr("%1 NIK pindaian belum disimpan"),
                                                     count_text(len(self.scanned))))
        self.save_scanned.setEnabled(bool(self.scanned))

    def store_scanned(self) -> None:
        if not self.scanned:
            return
        delivery, actor, niks = self.session.delivery, self.session.operator_name, list(self.scanned)
        name = fill_placeholders(self.tr("Pindaian %1"), self.today().strftime("%d-%m-%Y"))
        self.save_scanned.setEnabled(False)

        def done(info) -> None:  # noqa: ANN001
            self.scanned = [n for n in self.scanned if n not in niks]
            self._show_scanned()
            self._imported(info)

        run_task(lambda: delivery.import_batch(name, list(enumerate(niks, 1)), source="pindai", actor=actor),
                 done, self._import_failed)

    # ----------------------------------------------------------------- handovers
    def hand_over(self) -> None:
        """F5: the selected card handed over (who received it, relation, day, signature)."""
        self._record(HandoverDialog, "handed_on", lambda card, v: self.session.delivery.hand_over(
            card.nik, v["receiver_name"], v["relation"], v["handed_on"], proof=v["proof"], today=self.today(),
            operator=self.session.operator_name, note=v["note"], school=v["school"]))

    def not_delivered(self) -> None:
        """F6: the selected card not handed over (reason, day, note)."""
        self._record(AttemptDialog, "tried_on", lambda card, v: self.session.delivery.not_delivered(
            card.nik, v["reason"], v["tried_on"], today=self.today(), operator=self.session.operator_name,
            note=v["note"]))

    def _record(self, kind, day_key: str, write) -> None:  # noqa: ANN001
        """Open `kind` for the selected card; its values go to `write(card, values)`; a refusal stays in it."""
        card = self.selected_card()
        if card is None:
            return
        dialog = kind(card.nama or masked_nik(card.nik), self, today=self.today())

        def save(values: dict) -> None:
            try:
                if values[day_key] is None:
                    raise CodedError("delivery.date_required")
                write(card, values)
            except ValueError as exc:
                dialog.show_error(error_text(exc))
                return
            dialog.done_ok()
            self._next_after(card)

        dialog.chosen.connect(save)
        dialog.finished.connect(lambda _result: self.round.setFocus())
        self.dialog = dialog
        dialog.open()

    def _next_after(self, card) -> None:  # noqa: ANN001
        """Refresh and move to the next card of the round."""
        row = self.round.currentRow()
        self._say(fill_placeholders(self.tr("Dicatat: %1."), card.nama or masked_nik(card.nik)))
        self.refresh()
        self.round.selectRow(min(row + 1, max(0, self.round.rowCount() - 1)))

    # ----------------------------------------------------------------- paper
    def choose_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan daftar antar"), "daftar-antar-ktp.pdf",
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        """The delivery list of the chosen area (one sheet per RT), written off the GUI thread."""
        from app.core.delivery_list import build_sheets
        from app.ui.delivery_pdf import write_delivery_pdf

        names = {k: self._kelurahan_name(k).partition(" ")[2] for k, _ in self.progress}
        sheets = build_sheets(self.cards, printed_on=self.today(), names=names)
        self._say(self.tr("Menyimpan daftar antar…"))

        def work() -> str:
            write_delivery_pdf(sheets, path)
            return path

        run_task(work, lambda done: self._say(fill_placeholders(self.tr("Daftar antar disimpan di %1."), done)),
                 lambda exc: self._say(error_text(exc), error=True), pool=QThreadPool.globalInstance())
