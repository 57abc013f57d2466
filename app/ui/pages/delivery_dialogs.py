"""The dialogs of the Antar KTP-el page: a handover (who received the card, relation, day, signature or a photo
of the recipient from a file) and an
attempt that did not hand it over (reason, day, note).

Window-modal, opened (never exec'd). The checks are `app.core.card_delivery`'s
(run by the receiver of the signal); a refusal is shown with `show_error` and
the dialog stays open.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPushButton

from app.core.card_delivery import MAX_NOTE, MAX_RECEIVER, Proof, ProofKind, Reason, Relation
from app.ui.pages.trip_dialogs import _Dialog
from app.ui.pages.common import fill_placeholders
from app.ui.texts import message_text
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.signature_pad import SignaturePad


PHOTO_SIDE = 640  # a recipient's photo is kept at most this many pixels on its long side


class HandoverDialog(_Dialog):
    """A card handed over.

    Signals:
        chosen(dict): receiver_name, relation, handed_on (date or None), school, note, proof (`Proof` or None).
    """

    chosen = Signal(dict)

    def __init__(self, resident: str, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Serahkan kartu"))
        self.resident = resident
        self.relation = QComboBox(self)
        for relation in Relation:
            self.relation.addItem(message_text(f"delivery_relation.{relation.value}"), relation.value)
        self.receiver = QLineEdit(resident, self)
        self.receiver.setMaxLength(MAX_RECEIVER)
        self.school = QLineEdit(self)
        self.school.setMaxLength(MAX_RECEIVER)
        self.school.setPlaceholderText(self.tr("hanya bila kartu diterima sekolah"))
        self.day = DateEdit(self)
        self.day.set_date(today or dt.date.today())
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        self.pad = SignaturePad(self)
        self.pad.setMinimumHeight(120)
        clear = QPushButton(self.tr("Hapus tanda tangan"), self)
        clear.clicked.connect(self.pad.clear)
        self.photo: bytes | None = None
        self.photo_button = QPushButton(self.tr("&Foto penerima dari berkas…"), self)
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_label = QLabel(self)
        self.relation.currentIndexChanged.connect(self._relation_changed)
        form = QFormLayout()
        form.addRow(self.tr("Warga:"), QLabel(resident, self))
        form.addRow(self.tr("Hubungan penerima:"), self.relation)
        form.addRow(self.tr("Diterima oleh:"), self.receiver)
        form.addRow(self.tr("Sekolah:"), self.school)
        form.addRow(self.tr("Tanggal:"), self.day)
        form.addRow(self.tr("Catatan:"), self.note)
        form.addRow(self.tr("Tanda tangan penerima:"), self.pad)
        form.addRow("", clear)
        form.addRow(self.tr("atau foto penerima:"), self.photo_button)
        form.addRow("", self.photo_label)
        self._finish(form)
        self.first_field = self.relation

    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Foto penerima"), "",
                                                    self.tr("Gambar (*.jpg *.jpeg *.png)"))
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        """The recipient's photo from a file (a phone's picture), made small: at most PHOTO_SIDE pixels, JPEG."""
        image = QImage(path)
        if image.isNull():
            self.show_error(message_text("delivery.proof_format"))
            return
        if max(image.width(), image.height()) > PHOTO_SIDE:
            image = image.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPEG", 80)
        buffer.close()
        self.photo = bytes(data.data())
        self.photo_label.setText(fill_placeholders(self.tr("Foto dipilih: %1×%2, %3 KB"), str(image.width()),
                                                   str(image.height()), str(len(self.photo) // 1024 + 1)))

    def _relation_changed(self) -> None:
        """The resident's own name for 'Warga sendiri'; the field empties for anyone else."""
        own = self.relation.currentData() == Relation.SENDIRI.value
        if own:
            self.receiver.setText(self.resident)
        elif self.receiver.text() == self.resident:
            self.receiver.clear()

    def _save(self) -> None:
        if not self.pad.is_empty() and self.pad.problem():
            self.show_error(self.pad.problem())
            return
        proof = None if self.pad.is_empty() else Proof(ProofKind.TANDA_TANGAN, "image/png", self.pad.png_bytes())
        if proof is None and self.photo is not None:
            proof = Proof(ProofKind.FOTO, "image/jpeg", self.photo)
        self.chosen.emit({"receiver_name": self.receiver.text(), "relation": self.relation.currentData(),
                          "handed_on": self.day.date(), "school": self.school.text(), "note": self.note.text(),
                          "proof": proof})


class AttemptDialog(_Dialog):
    """A card not handed over on this visit.

    Signals:
        chosen(dict): reason, tried_on (date or None), note.
    """

    chosen = Signal(dict)

    def __init__(self, resident: str, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kartu tidak terserahkan"))
        self.reason = QComboBox(self)
        for reason in Reason:
            self.reason.addItem(message_text(f"delivery_reason.{reason.value}"), reason.value)
        self.day = DateEdit(self)
        self.day.set_date(today or dt.date.today())
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        form = QFormLayout()
        form.addRow(self.tr("Warga:"), QLabel(resident, self))
        form.addRow(self.tr("Alasan:"), self.reason)
        form.addRow(self.tr("Tanggal:"), self.day)
        form.addRow(self.tr("Catatan:"), self.note)
        self._finish(form)
        self.first_field = self.reason

    def _save(self) -> None:
        self.chosen.emit({"reason": self.reason.currentData(), "tried_on": self.day.date(), "note": self.note.text()})
