"""Rekam Baru: the enrollment form plus saving it off the GUI thread.

The page knows which recording it is editing (a uuid, or none for a new
one) and whether it may be edited at all (only before it is sent). Saving
runs on the database worker; the form stays usable and a message says when
the recording is safely on disk. Nothing typed is lost: the typing is saved
as a draft `AUTOSAVE_MS` after the last change, and whenever the operator
leaves the form (`leave`: Tutup, a new form, another page), which says where
the draft went.

Completing goes through a review (`app.ui.review_dialog`): Ctrl+Enter on a
complete form shows everything, Enter saves it completed, and the dialog then
says so with the registration number, prints the resident's receipt on
request (`app.ui.receipt_output`) and opens the next resident: the next
target of the same RT when the form came from Daftar Warga, else a blank form.

One resident, once: as soon as the NIK has 16 digits the page asks the
database worker for the NIK's other recordings here; a notice beside the title
names the latest with "Buka rekaman itu", and the form's checks carry the
warning that a second recording needs a reason (`app.core.repeat`). A
recording the server holds opens read-only, with "Koreksi (versi baru)": the
correction is the next version of that recording (`Session.correct`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.biometric_content import is_proof_kind, slot_of_kind
from app.core.biometric_positions import Modality
from app.core.biometric_requirement import BiometricMode
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.lifecycle import RecordingStatus
from app.core.repeat import lookup_nik, repeat_finding
from app.ui.labels import status_label
from app.ui.enrollment_form import EnrollmentForm, FormResult, MediaSlot
from app.ui.pages.common import fill_placeholders
from app.ui.receipt_output import ReceiptOutput
from app.ui.review_dialog import DONE, SAVING, ReviewDialog
from app.ui.widgets.fingerprint_step import FingerprintStep
from app.ui.widgets.form_error import show_message
from app.ui.widgets.iris_step import IrisStep
from app.ui.widgets.photo_step import PhotoStep
from app.ui.widgets.repeat_notice import RepeatNotice
from app.ui.widgets.signature_step import SignatureStep
from app.ui.texts import error_text, message_text
from app.ui.workers import run_task


class StepDialog(QDialog):
    """A modal window around the photo or signature step (Esc closes it)."""

    def __init__(self, title: str, step: QWidget, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(step)
        self.resize(940, 600)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()
        # Focus where the step's keys work: the slots (Space), the live preview (Space) or the pad (Enter).
        target = (getattr(self.step, "diagram", None) or getattr(self.step, "preview", None)
                  or getattr(self.step, "pad", None) or self.step)
        target.setFocus()


AUTOSAVE_MS = 2000  # the typing is on disk this long after the last change


class _Target:
    """The recording one form writes to. Its uuid is set on the database worker by
    the first save, so every save queued after it writes the same recording."""

    def __init__(self, uuid: str | None = None):
        self.uuid = uuid


class EnrollPage(QWidget):
    """Signals:
        saved(str, bool): uuid and whether it was completed.
        closed: the operator left the form.
        draftKept(str): the operator left a form; the words say where its draft went.
    """

    saved = Signal(str, bool)
    closed = Signal()
    draftKept = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.uuid: str | None = None
        self.title = QLabel(self.tr("Rekam Baru"), self)
        self.title.setObjectName("pageTitle")
        self.message = QLabel(self)
        self.message.setObjectName("okText")
        self.repeat_notice = RepeatNotice(self)
        self.repeat_notice.openRequested.connect(self.open_earlier)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.repeat_notice, 1)
        head.addWidget(self.message)
        self.form = EnrollmentForm(session.regions, session.validation_context, self)
        self.form.saveRequested.connect(self._save_requested)
        self.form.cancelRequested.connect(self.close_form)
        self.form.edited.connect(self._edited)
        self.form.photoRequested.connect(self.open_photo_step)
        self.form.signatureRequested.connect(self.open_signature_step)
        self.form.fingerprintRequested.connect(self.open_fingerprint_step)
        self.form.irisRequested.connect(self.open_iris_step)
        self.form.set_biometric_mode(session.biometric_mode())
        self.dialog: StepDialog | None = None
        self.review: ReviewDialog | None = None
        self.receipt_output: ReceiptOutput | None = None
        self.receipt = None  # the receipt of the recording just completed
        self._list_nik: str | None = None  # the form came from Daftar Warga: this target's NIK
        self.readonly_note = QLabel(self)
        self.readonly_note.setObjectName("hint")
        self.readonly_note.hide()
        self.correct_button = QPushButton(self.tr("Koreksi (versi baru)"), self)
        self.correct_button.setToolTip(self.tr(
            "Buat versi baru rekaman ini untuk diperbaiki; server mengganti versi lama setelah versi baru tiba."))
        self.correct_button.clicked.connect(self.correct)
        self.correct_button.hide()
        note = QHBoxLayout()
        note.addWidget(self.readonly_note, 1)
        note.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addLayout(note)
        layout.addWidget(self.form, 1)
        self._target = _Target()
        self._editable = True
        self._completing = False
        self._draft_name: str | None = None  # the form's recording is a draft on disk under this name
        self._typed = False  # the operator changed this form since it was opened
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._nik_asked: str | None = None  # the NIK text last looked up
        self._lookups = 0  # lookups asked for; only the newest answer is shown

    def _new_target(self, uuid: str | None, draft_name: str | None = None) -> None:
        self._autosave.stop()
        self._target = _Target(uuid)
        self.uuid = uuid
        self._draft_name = draft_name
        self._typed = False

    def start_new(self, prefill=None, *, list_nik: str | None = None) -> None:
        """A new form (empty, or `prefill`; `list_nik`: the target it came from in Daftar Warga);
        the one it replaces is kept as a draft first."""
        self.leave()
        self._forget_earlier()
        self.title.setText(self.tr("Rekam Baru"))
        self.message.clear()
        self._set_editable(True, "")
        self.form.set_biometric_mode(self.session.biometric_mode())
        if prefill is not None:
            self.form.load(prefill)
        else:
            self.form.clear()
        self._new_target(None)
        self._list_nik = list_nik
        self.check_nik()
        self.form.nik.setFocus()

    def focus_first_empty(self) -> None:
        """Put the keyboard on the first field still empty (a pre-filled form is ready to type)."""
        for widget in self.form.focus_chain():
            text = widget.currentText() if isinstance(widget, QComboBox) else (
                widget.text() if isinstance(widget, QLineEdit) else None)
            if text is not None and not text.strip() and widget.isEnabled():
                widget.setFocus()
                return
        self.form.nik.setFocus()

    def close_form(self) -> None:
        """Tutup: the typing is kept as a draft, the form empties for the next resident, the page is left."""
        self.start_new()
        self.closed.emit()

    def holds_unsaved(self, uuid: str) -> bool:
        """This form holds `uuid` with changes not yet on disk (reopening it from disk would show less)."""
        return self.form.dirty and self._target.uuid == uuid

    def open_recording(self, recording) -> None:
        """Show a stored recording; the form it replaces is kept as a draft first."""
        self.leave()
        self._list_nik = None
        self._show_recording(recording)

    def _show_recording(self, recording) -> None:
        self.message.clear()
        self._forget_earlier()
        photo, signature = self.session.media_slots(recording)
        self.form.set_biometric_mode(self.session.biometric_mode())
        self.form.load(recording.resident, list(recording.acknowledgements), photo, signature,
                       self.session.biometric_slot(recording))
        editable = self.session.recordings.can_edit(recording.uuid)
        self.title.setText(self.tr("Rekaman: ") + status_label(recording.status))
        if getattr(recording, "purged", False):
            note = message_text("recording.purged")  # the store's refusal, worded once in the catalogue
            editable = False
        elif editable:
            returned = self.session.returned_words(recording.uuid) if recording.status is RecordingStatus.DRAFT else ""
            note = message_text("approval.returned", {"words": returned}) if returned else ""
        elif recording.status.editable:  # queued, and the server already holds the record
            note = self.tr(
                "Rekaman ini sudah sampai di server (foto/tanda tangan mungkin masih dikirim) dan tidak "
                "dapat diubah lagi. Jika ada yang salah, perbaiki sebagai versi baru.")
        else:
            note = self.tr(
                "Rekaman ini sudah dikirim ke server dan tidak dapat diubah lagi. "
                "Jika ada yang salah, perbaiki sebagai versi baru.")
        version = self.session.version_of(recording.uuid)
        if version > 1:
            self.title.setText(self.title.text() + self.tr(" — versi %1").replace("%1", str(version)))
        self._set_editable(editable, note)
        self.correct_button.setVisible(not editable and self.session.can_correct(recording.uuid))
        draft = editable and recording.status is RecordingStatus.DRAFT
        self._new_target(recording.uuid, recording.resident.nama if draft else None)
        self.check_nik()

    def _set_editable(self, editable: bool, note: str) -> None:
        self._editable = editable
        self.correct_button.hide()
        self.form.set_read_only(not editable)
        self.form.save_button.setVisible(editable)
        self.form.complete_button.setVisible(editable)
        self.readonly_note.setText(note)
        self.readonly_note.setVisible(bool(note))

    # ----------------------------------------------------------- one resident, once
    def check_nik(self) -> None:
        """Look the typed NIK up among the other recordings here (on the database worker) and show
        the answer: the notice with "Buka rekaman itu", and the warning in the form's checks."""
        text = self.form.nik.text()
        self._nik_asked = text
        self._lookups += 1
        asked, target = self._lookups, self._target
        nik = lookup_nik(text) if self._editable else None
        if nik is None:
            self._show_earlier([], asked)
            return
        # target.uuid is read on the worker: a first save queued before this lookup is excluded too
        run_task(lambda: self.session.earlier_recordings(nik, target.uuid),
                 lambda earlier: self._show_earlier(earlier, asked) if target is self._target else None,
                 lambda _exc: None)  # no answer, no notice: completing checks again (`Session.save_form`)

    def _forget_earlier(self) -> None:
        """Another form comes: what was found for the last one goes at once (answers still due too)."""
        self._lookups += 1
        self.repeat_notice.show_earlier([])
        self.form.set_context_findings([])

    def _show_earlier(self, earlier, asked: int) -> None:
        if asked != self._lookups:
            return  # the NIK changed since
        self.repeat_notice.show_earlier(earlier)
        found = repeat_finding(earlier)
        self.form.set_context_findings([found] if found is not None else [])

    def open_earlier(self, uuid: str) -> None:
        """"Buka rekaman itu": the other recording of the NIK replaces this form. A form that holds
        nothing but that NIK is dropped (the recording opened holds it); other typing is kept as a draft."""
        if self._editable and self._holds_only_nik():
            self._drop_form()
        recording = self.session.get_recording(uuid)
        self.open_recording(recording)
        self.form.nik.setFocus()

    def _holds_only_nik(self) -> bool:
        r, form = self.form.resident(), self.form
        return not any([r.no_kk, r.nama.strip(), r.tempat_lahir.strip(), r.tanggal_lahir, r.alamat.strip(),
                        form.photo.data is not None, form.signature.data is not None])

    def _drop_form(self) -> None:
        """Forget this form's typing (only the NIK): no draft is made, one already made is deleted."""
        self._autosave.stop()
        self.form.dirty = False
        self._typed = False
        target = self._target
        if target.uuid is not None and self._draft_name is not None:
            run_task(lambda: self.session.recordings.delete_draft(target.uuid), None, lambda _exc: None)

    def correct(self) -> None:
        """"Koreksi (versi baru)": the next version of the recording on screen, as a draft to fix."""
        uuid = self.uuid
        if uuid is None or self._editable:
            return
        self.correct_button.setEnabled(False)
        run_task(lambda: self.session.correct(uuid), self._correction_ready, self._correction_failed)

    def _correction_ready(self, recording) -> None:
        self.correct_button.setEnabled(True)
        self._show_recording(recording)
        self._show_message("okText", self.tr("Versi baru dibuat: perbaiki lalu selesaikan."))
        self.form.nik.setFocus()

    def _correction_failed(self, exc: BaseException) -> None:
        self.correct_button.setEnabled(True)
        self._show_message("errorText", error_text(exc))

    # ----------------------------------------------------------- media steps
    def open_photo_step(self) -> None:
        step = PhotoStep(self)
        resident = self.form.resident()
        step.set_expected(resident.tanggal_lahir.year if resident.tanggal_lahir else None,
                          resident.kewarganegaraan)
        step.set_thresholds(self.session.photo_thresholds())
        step.completed.connect(self._photo_done)
        self.dialog = StepDialog(self.tr("Foto warga"), step, self)
        self.dialog.finished.connect(lambda _r: step.stop_camera())
        step.start_camera(self.session.camera_source())
        step.find_cameras(self.session.camera_sources(), self.session.camera_source())
        step.camera_chooser.chosen.connect(self.session.choose_camera)
        self.dialog.open()

    def _photo_done(self, result) -> None:
        if result.flag is not None:
            summary = PhotoFlag.from_dict(result.flag).summary()
            slot = MediaSlot(result.jpeg, "image/jpeg", result.to_meta(), True, summary, summary, result.flag)
        elif result.jpeg is not None:
            summary = self.tr("Foto diambil, disetujui oleh %1 (%2).").replace(
                "%1", result.approved_by).replace("%2", result.approved_at[11:16])
            slot = MediaSlot(result.jpeg, "image/jpeg", result.to_meta(), True, None, summary)
        else:
            slot = MediaSlot(None, "", result.to_meta(), False, result.exception_reason,
                             self.tr("Tanpa foto: ") + (result.exception_reason or ""))
        self.form.set_photo(slot)
        if result.flag is not None:
            self.form.suggest_disabilitas(PhotoFlag.from_dict(result.flag).reason)
        steps = self.form.biometric_mode.steps and self.form.fingerprint_button.isEnabled()
        self._close_dialog(self.form.fingerprint_button if steps else self.form.signature_button)

    def open_fingerprint_step(self) -> None:
        self._open_biometric_step(FingerprintStep, self.tr("Sidik jari warga"))

    def open_iris_step(self) -> None:
        self._open_biometric_step(IrisStep, self.tr("Iris mata warga"))

    def _open_biometric_step(self, cls, title: str) -> None:
        """F4 / F5 (after the photo is approved): the step finds its device off the GUI thread when shown."""
        step = cls(policy=self.session.biometric_policy(), ports=self.session.sbi_ports(), parent=self)
        step.set_camera_source(self.session.camera_source())
        step.set_no_device_hint(self.tr(
            "Tanpa alat: tutup langkah ini (Esc) dan simpan draf; selesaikan setelah alat tersedia.")
            if self.form.biometric_mode is BiometricMode.REQUIRED else self.tr(
            "Tanpa alat: tutup langkah ini (Esc). Tanpa sidik jari maupun iris, rekaman dapat diselesaikan "
            "dengan alasan di Pemeriksaan; bila sebagian sudah direkam, tandai sisanya pengecualian "
            "“Lainnya: perangkat tidak tersedia”."))
        step.completed.connect(self._biometrics_done)
        name = " ".join(self.form.nama.text().split())
        self.dialog = StepDialog(f"{title} — {name}" if name else title, step, self)  # whose fingers
        self.dialog.resize(1300, 670)  # fits 1366x768 with a title bar and a taskbar, as the review does
        self.dialog.open()

    def _biometrics_done(self, result) -> None:
        """A step's fingers or eyes replace what the form held for them; on to the next step."""
        slot = self.form.biometrics.with_step(result.modality, result.biometrics, result.captures,
                                              result.proofs, result.device_id)
        self.form.set_biometrics(slot)
        after = self.form.iris_button if result.modality is Modality.FINGER else self.form.signature_button
        self._close_dialog(after)

    def open_signature_step(self) -> None:
        step = SignatureStep(self)
        step.set_camera_source(self.session.camera_source())
        step.completed.connect(self._signature_done)
        self.dialog = StepDialog(self.tr("Tanda tangan warga"), step, self)
        self.dialog.open()

    def _signature_done(self, result) -> None:
        if result.flag is not None:
            summary = SignatureFlag.from_dict(result.flag).summary()
            slot = MediaSlot(result.png, "image/png" if result.png is not None else "", result.to_meta(),
                             result.png is not None, result.exception_reason or summary, summary, result.flag)
        elif result.png is not None:
            slot = MediaSlot(result.png, "image/png", result.to_meta(), True, None,
                             self.tr("Tanda tangan tersimpan."))
        else:
            slot = MediaSlot(None, "", result.to_meta(), False, result.exception_reason,
                             self.tr("Tanpa tanda tangan: ") + (result.exception_reason or ""))
        self.form.set_signature(slot)
        self._close_dialog(self.form.complete_button if self.form.can_complete() else self.form.save_button)

    def _close_dialog(self, next_focus: QWidget) -> None:
        """Close the step and put the keyboard on what comes next in the flow."""
        if self.dialog is not None:
            self.dialog.accept()
        self.window().activateWindow()
        next_focus.setFocus()

    # ------------------------------------------------------ review, receipt
    def _save_requested(self, result: FormResult) -> None:
        if result.complete and self._editable:
            self.open_review(result)
        else:
            self._save(result)

    def _stored_media(self, kind: str, slot: MediaSlot) -> bytes | None:
        """The image to show for a photo/signature: new bytes, else what the recording stored."""
        if slot.data is not None or not slot.present or self._target.uuid is None:
            return slot.data
        items = [m for m in self.session.recordings.media(self._target.uuid) if m.kind == kind]
        return items[0].data if items else None

    def _proof_photos(self, bio) -> dict[str, bytes]:
        """Slot -> proof photo for the review: new ones, else what the recording stored."""
        out = {}
        stored = bio.stored_proofs - set(bio.proofs)
        if stored and self._target.uuid is not None:
            for item in self.session.recordings.media(self._target.uuid):
                if is_proof_kind(item.kind) and slot_of_kind(item.kind) in stored:
                    out[slot_of_kind(item.kind)] = item.data
        return out | dict(bio.proofs)

    def open_review(self, result: FormResult) -> None:
        """Everything on one screen before the recording is completed (Enter saves, Esc goes back)."""
        if self._completing or (self.review is not None and self.review.isVisible()):
            return
        if self.review is not None:
            self.review.deleteLater()
        self.review = ReviewDialog(self)
        bio = result.biometrics if (self.form.biometric_mode.steps or result.biometrics.biometrics.slots) else None
        self.review.show_review(result.resident, self.form.findings(), result.acknowledgements,
                                result.photo, result.signature, self._stored_media("photo", result.photo),
                                self._stored_media("signature", result.signature),
                                bio, self._proof_photos(bio) if bio is not None else {})
        self.review.confirmed.connect(lambda: self._save(result))
        self.review.printRequested.connect(self.print_receipt)
        self.review.finished.connect(self._review_closed)
        self.review.open()

    def _review_closed(self, _result: int) -> None:
        review = self.sender() if isinstance(self.sender(), ReviewDialog) else self.review
        done = review is not None and review.state == DONE
        self._return_keyboard(done)
        QTimer.singleShot(0, lambda: self._return_keyboard(done))  # again once the dialog is gone

    def _return_keyboard(self, done: bool) -> None:
        self.window().activateWindow()
        if done:
            self.focus_first_empty()  # the next resident's form
        else:
            self.form.complete_button.setFocus()  # back to the form, as it was

    def print_receipt(self) -> None:
        """Print (or, without a printer, save as PDF) the receipt of the recording just completed."""
        if self.receipt is None or self.review is None:
            return
        if self.receipt_output is None or self.receipt_output.parent_widget is not self.review:
            self.receipt_output = ReceiptOutput(self.session, self.review)  # goes with its dialog
            self.receipt_output.finished.connect(self.review.show_output)
        self.receipt_output.start(self.receipt)

    def _finish(self, recording) -> None:
        """Completed: make the receipt and find the next resident (database worker), then show both."""
        list_nik, session = self._list_nik, self.session
        run_task(lambda: (session.receipt(recording.uuid),
                          session.next_target_in_rt(list_nik) if list_nik else None),
                 lambda out: self._finished(recording, list_nik, *out),
                 lambda exc: self._finished_without_receipt(recording, exc))

    def _finished(self, recording, list_nik: str | None, receipt, next_resident) -> None:
        self.receipt = receipt
        self.start_new(next_resident, list_nik=next_resident.nik if next_resident is not None else None)
        if next_resident is not None:
            next_text = fill_placeholders(
                self.tr("Berikutnya di RT %1/RW %2: %3 (formulirnya sudah terbuka)."),
                next_resident.rt or "-", next_resident.rw or "-", next_resident.nama)
        elif list_nik:
            next_text = self.tr("Semua warga RT ini di daftar sudah direkam. Berikutnya: formulir kosong.")
        else:
            next_text = self.tr("Berikutnya: formulir kosong untuk warga baru.")
        waiting = recording.status is RecordingStatus.COMPLETE  # approval on: a supervisor queues it
        self._show_message("okText", fill_placeholders(
            self.tr("Rekaman selesai: %1, nomor registrasi %2, menunggu persetujuan supervisor.") if waiting
            else self.tr("Rekaman selesai: %1, nomor registrasi %2, masuk antrian kirim."),
            recording.resident.nama, receipt.number))
        if self.review is not None and self.review.state == SAVING:
            self.review.show_done(receipt, recording.resident.nama, recording.resident.nik, next_text,
                                  waiting=waiting)
        else:
            self.focus_first_empty()

    def _finished_without_receipt(self, recording, exc: BaseException) -> None:
        self.start_new()
        self._show_message("errorText", fill_placeholders(
            self.tr("Rekaman selesai (%1), tetapi bukti tidak dapat dibuat: "), recording.resident.nama)
            + error_text(exc))
        if self.review is not None:
            self.review.state = DONE
            self.review.accept()

    # ----------------------------------------------------------- saving
    def _edited(self) -> None:
        if self._editable:
            self._typed = True
            self._autosave.start()
            if self.form.nik.text() != self._nik_asked:
                self.check_nik()

    def _needs_saving(self) -> bool:
        """Changes to keep: in an editable form, and (for a form never saved) something worth a draft."""
        form = self.form
        return (self._editable and not self._completing and form.dirty
                and (self._target.uuid is not None or form.has_content()))

    def _kept_text(self, name: str) -> str:
        return self.tr("Draf tersimpan: %1 — buka dari Beranda.").replace(
            "%1", name.strip() or self.tr("tanpa nama"))

    def autosave(self) -> None:
        """Save the typing as a draft, quietly (the timer calls this after the last change)."""
        if self._needs_saving():
            self._save(self.form.draft_result(), auto=True)

    def leave(self) -> None:
        """The operator leaves this form: its typing is saved as a draft now (off the GUI thread)
        and `draftKept` says where it went, once it is on disk."""
        self._autosave.stop()
        if self._needs_saving():
            self._save(self.form.draft_result(), auto=True, announce=True)
        elif self._typed and self._draft_name is not None:  # typed, and already autosaved
            self.draftKept.emit(self._kept_text(self._draft_name))

    def save_unsaved_as_draft(self) -> bool:
        """Synchronously keep unsaved changes as a draft (the window closes; call it once the
        database worker is idle). Returns whether something was written."""
        self._autosave.stop()
        if not self._needs_saving():
            if self._typed and self._draft_name is not None:
                self.draftKept.emit(self._kept_text(self._draft_name))
            return False
        uuid = self._target.uuid
        if uuid is not None and not self.session.recordings.can_edit(uuid):
            return False
        recording = self._write(self._target, self.form.draft_result())
        self.uuid = recording.uuid
        self.form.dirty = False
        self.draftKept.emit(self._kept_text(recording.resident.nama))
        return True

    def _write(self, target: _Target, result: FormResult):
        """On the database worker (or at closing): save into `target`'s recording, creating it the first time."""
        recording = self.session.save_form(result, target.uuid)
        target.uuid = recording.uuid
        return recording

    def _save(self, result: FormResult, *, auto: bool = False, announce: bool = False) -> None:
        if self._completing:
            return
        self._autosave.stop()
        self._completing = result.complete
        if not auto:
            self._show_message("hint", self.tr("Menyimpan…"))
        target, edits = self._target, self.form.edits
        run_task(lambda: self._write(target, result),
                 lambda rec: self._saved(rec, target, edits, result.complete, auto, announce),
                 lambda exc: self._failed(exc, result.complete, announce))

    def _saved(self, recording, target: _Target, edits: int, complete: bool, auto: bool, announce: bool) -> None:
        if complete:
            self._completing = False
        draft = recording.status is RecordingStatus.DRAFT
        if announce and draft:
            self.draftKept.emit(self._kept_text(recording.resident.nama))
        if target is self._target:  # still the form on screen
            self.uuid = recording.uuid
            self._draft_name = recording.resident.nama if draft else None
            if self.form.edits == edits:
                self.form.dirty = False
            if complete:
                # the next form follows (`_finish`)
                text = (self.tr("Rekaman selesai dan menunggu persetujuan supervisor.")
                        if recording.status is RecordingStatus.COMPLETE
                        else self.tr("Rekaman selesai dan masuk antrian kirim."))
            elif auto:
                text = self.tr("Draf tersimpan otomatis (%1).").replace("%1", dt.datetime.now().strftime("%H:%M"))
            else:
                text = self.tr("Draf tersimpan.")
            self._show_message("okText", text)
            if self.title.text() != self.tr("Rekam Baru"):
                self.title.setText(self.tr("Rekaman: ") + status_label(recording.status))
        self.saved.emit(recording.uuid, complete)
        if complete and target is self._target:
            self._finish(recording)

    def _failed(self, exc: BaseException, complete: bool, announce: bool) -> None:
        if complete:
            self._completing = False
        text = self.tr("Gagal menyimpan: ") + error_text(exc)
        self._show_message("errorText", text)
        if complete and self.review is not None and self.review.state == SAVING:
            self.review.save_failed(text)
        if announce:
            self.draftKept.emit(text)

    def _show_message(self, kind: str, text: str) -> None:
        show_message(self.message, text, kind)
