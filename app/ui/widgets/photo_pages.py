"""The photo step's pages as widgets: live preview, review and approval, background compare, exception, done.

Each `build_*` adds one page to ``step.pages`` and sets its widgets as
attributes of the step (``step.capture_button``...), wiring buttons and keys
to the step's methods; the `fill_*` functions put a photo or a result on a
page. The step (`app.ui.widgets.photo_step`) keeps the state and the moves
between pages.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.exceptions import PhotoExceptionReason, PhotoFlag
from app.core.photo_rules import BackgroundColour
from app.ui.camera_worker import bgr_to_qimage
from app.ui.texts import finding_text
from app.ui.widgets.camera_chooser import CameraChooser
from app.ui.widgets.photo_live import LivePicture
from app.ui.widgets.photo_result import ROLE_RESIDENT, Capture, PhotoResult
from app.ui.widgets.photo_views import COLOURS, ChecksList, ImageView, set_message
from app.ui.widgets.step_widgets import button as _button
from app.ui.widgets.step_widgets import REASON_MAX_LENGTH
from app.ui.widgets.step_widgets import hint as _hint
from app.ui.widgets.step_widgets import title as _title

if TYPE_CHECKING:
    from app.ui.widgets.photo_step import PhotoStep

translate = QCoreApplication.translate


def _page_shortcut(page: QWidget, key: Qt.Key, slot) -> QShortcut:
    """A key that acts while focus is anywhere on `page` (a page of the step's stack)."""
    sc = QShortcut(QKeySequence(key), page)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def build_live(step: "PhotoStep") -> None:
    page = QWidget(step)
    step.live_page = page
    step.live = LivePicture(page)
    step.preview, step.preview_stack, step.camera_panel = step.live.preview, step.live, step.live.panel
    step.camera_title, step.camera_message = step.live.title, step.live.message
    step.retry_button = step.live.retry_button

    step.live_message = _hint("", page)
    step.live_message.hide()
    step.take_busy = QProgressBar(page)  # a moving bar while a take is checked off the GUI thread
    step.take_busy.setRange(0, 0)
    step.take_busy.setTextVisible(False)
    step.take_busy.setFixedHeight(8)
    step.take_busy.hide()
    step.capture_button = _button(translate("PhotoStep", "Ambil foto (Spasi)"), page, primary=True)
    step.capture_button.clicked.connect(step.capture)
    step.import_button = _button(translate("PhotoStep", "Impor dari berkas…"), page)
    step.import_button.clicked.connect(step.choose_file)
    step.exception_button = _button(translate("PhotoStep", "Foto dengan pengecualian…"), page)
    step.exception_button.setToolTip(translate(
        "PhotoStep", "Warga tidak dapat duduk atau menegakkan kepala: simpan foto terbaik dengan alasan"))
    step.exception_button.clicked.connect(step.show_exception)
    step.capture_button.setMinimumHeight(36)
    buttons = QGridLayout()
    buttons.setHorizontalSpacing(6)
    buttons.setVerticalSpacing(4)
    buttons.addWidget(step.capture_button, 0, 0, 2, 1)
    buttons.addWidget(step.import_button, 0, 1)
    buttons.addWidget(step.exception_button, 1, 1)
    buttons.setColumnStretch(0, 3)
    buttons.setColumnStretch(1, 2)

    step.camera_chooser = CameraChooser(page)
    step.camera_chooser.chosen.connect(step.start_camera)
    step.camera_chooser.listed.connect(step._on_cameras_listed)

    left = QVBoxLayout()
    left.addWidget(step.camera_chooser)
    left.addWidget(step.preview_stack, 1)
    left.addWidget(step.take_busy)
    left.addWidget(step.live_message)
    left.addLayout(buttons)

    step.background_chip = QLabel(page)
    step.background_chip.setObjectName("backgroundChip")
    step.background_chip.setWordWrap(True)
    step.checks = ChecksList(page)
    checks_box = QGroupBox(translate("PhotoStep", "Pemeriksaan langsung"), page)
    cb = QVBoxLayout(checks_box)
    cb.setContentsMargins(8, 12, 8, 8)
    cb.addWidget(step.checks)
    right_w = QWidget(page)
    right_w.setFixedWidth(310)
    right = QVBoxLayout(right_w)
    right.setContentsMargins(0, 0, 0, 0)
    right.addWidget(step.background_chip)
    right.addWidget(checks_box)
    right.addStretch(1)

    h = QHBoxLayout(page)
    h.setContentsMargins(6, 6, 6, 6)
    h.addLayout(left, 1)
    h.addWidget(right_w)
    step.pages.addWidget(page)

    step._space_shortcut = _page_shortcut(page, Qt.Key.Key_Space, step.capture)


def build_review(step: "PhotoStep") -> None:
    page = QWidget(step)
    step.review_page = page
    step.review_view = ImageView("", page, aspect=3 / 4)
    step.review_view.setMinimumSize(300, 400)
    step.review_view.setMaximumWidth(420)

    right = QVBoxLayout()
    right.addWidget(_title(translate("PhotoStep", "Tunjukkan foto ini kepada warga"), page))
    step.review_findings = QLabel(page)
    step.review_findings.setWordWrap(True)
    step.review_findings.setTextFormat(Qt.TextFormat.RichText)
    right.addWidget(step.review_findings)

    tools = QHBoxLayout()
    step.retake_button = _button(translate("PhotoStep", "Ulangi foto (R)"), page)
    step.retake_button.clicked.connect(step.retake)
    step.replace_button = _button(translate("PhotoStep", "Ganti latar…"), page)
    step.replace_button.clicked.connect(step.request_background_replacement)
    tools.addWidget(step.retake_button)
    tools.addWidget(step.replace_button)
    tools.addStretch(1)
    right.addLayout(tools)
    step.bg_status = _hint("", page)
    step.bg_status.hide()
    right.addWidget(step.bg_status)

    box = QGroupBox(translate("PhotoStep", "Persetujuan warga"), page)
    g = QGridLayout(box)
    g.setContentsMargins(10, 14, 10, 10)
    step.approver_resident = QRadioButton(translate("PhotoStep", "Warga sendiri"), box)
    step.approver_guardian = QRadioButton(translate("PhotoStep", "Keluarga/wali, nama:"), box)
    step.approver_group = QButtonGroup(box)
    step.approver_group.addButton(step.approver_resident)
    step.approver_group.addButton(step.approver_guardian)
    step.approver_resident.setChecked(True)
    step.guardian_name = QLineEdit(box)
    step.guardian_name.setMaxLength(60)
    step.guardian_name.setPlaceholderText(translate("PhotoStep", "nama yang menyetujui"))
    step.guardian_name.setEnabled(False)
    step.approver_guardian.toggled.connect(step._guardian_toggled)
    step.guardian_name.returnPressed.connect(step.approve)
    step.approval_message = _hint("", box, "errorText")
    step.approval_message.hide()
    step.approve_button = _button(translate("PhotoStep", "Warga setuju dengan foto ini"), box, primary=True)
    step.approve_button.setMinimumHeight(40)
    step.approve_button.clicked.connect(step.approve)
    g.addWidget(step.approver_resident, 0, 0, 1, 2)
    g.addWidget(step.approver_guardian, 1, 0)
    g.addWidget(step.guardian_name, 1, 1)
    g.addWidget(step.approval_message, 2, 0, 1, 2)
    g.addWidget(step.approve_button, 3, 0, 1, 2)
    g.addWidget(_hint(translate("PhotoStep",
                                "Tekan setelah warga melihat foto dan setuju. Waktu persetujuan dicatat."), box),
                4, 0, 1, 2)
    right.addWidget(box)
    right.addStretch(1)

    h = QHBoxLayout(page)
    h.setContentsMargins(6, 6, 6, 6)
    h.addWidget(step.review_view, 1)
    h.addLayout(right, 1)
    step.pages.addWidget(page)

    _page_shortcut(page, Qt.Key.Key_R, step.retake)


def build_compare(step: "PhotoStep") -> None:
    page = QWidget(step)
    step.compare_page = page
    v = QVBoxLayout(page)
    v.setContentsMargins(6, 6, 6, 6)
    v.addWidget(_title(translate("PhotoStep", "Bandingkan latar belakang"), page))
    v.addWidget(_hint(translate("PhotoStep",
                                "Kiri foto asli, kanan dengan latar baru. Periksa tepi rambut, telinga dan "
                                "bahu bersama warga sebelum memakai latar baru."), page))
    row = QHBoxLayout()
    step.compare_original = ImageView("", page, aspect=3 / 4)
    step.compare_replaced = ImageView("", page, aspect=3 / 4)
    for view, caption in ((step.compare_original, translate("PhotoStep", "Asli")),
                          (step.compare_replaced, translate("PhotoStep", "Latar baru"))):
        col = QVBoxLayout()
        view.setMinimumSize(240, 320)
        col.addWidget(view, 1)
        label = QLabel(caption, page)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-weight: bold;")
        col.addWidget(label)
        if view is step.compare_replaced:
            step.compare_caption = label
        row.addLayout(col)
    v.addLayout(row, 1)
    step.compare_hint = _hint("", page)
    v.addWidget(step.compare_hint)
    buttons = QHBoxLayout()
    step.reject_button = _button(translate("PhotoStep", "Tetap foto asli (Esc)"), page)
    step.reject_button.clicked.connect(step.reject_replacement)
    step.accept_button = _button(translate("PhotoStep", "Pakai latar baru"), page, primary=True)
    step.accept_button.clicked.connect(step.accept_replacement)
    buttons.addStretch(1)
    buttons.addWidget(step.reject_button)
    buttons.addWidget(step.accept_button)
    v.addLayout(buttons)
    step.pages.addWidget(page)
    _page_shortcut(page, Qt.Key.Key_Escape, step.reject_replacement)


def build_exception(step: "PhotoStep") -> None:
    """The photo with an exception: the best frame the camera saw, the checks that failed,
    a reason from the list (words required for "Lainnya"); or, without any frame, no photo."""
    page = QWidget(step)
    step.exception_page = page
    step.exception_view = ImageView(translate("PhotoStep", "Tanpa foto"), page, aspect=3 / 4)
    step.exception_view.setMinimumSize(270, 360)
    step.exception_view.setMaximumWidth(420)

    right = QVBoxLayout()
    step.exception_title = _title("", page)
    right.addWidget(step.exception_title)
    step.exception_hint = _hint("", page)
    right.addWidget(step.exception_hint)
    step.exception_checks = QLabel(page)
    step.exception_checks.setWordWrap(True)
    step.exception_checks.setTextFormat(Qt.TextFormat.RichText)
    right.addWidget(step.exception_checks)

    form = QGridLayout()
    form.setHorizontalSpacing(8)
    step.exception_reason_choice = QComboBox(page)
    step.exception_reason_choice.addItem(translate("PhotoStep", "\u2014 pilih alasan \u2014"), None)
    for reason in PhotoExceptionReason:
        step.exception_reason_choice.addItem(reason_label(reason), reason.value)
    step.exception_reason_choice.currentIndexChanged.connect(step._exception_reason_changed)
    reason_label_widget = QLabel(translate("PhotoStep", "&Alasan:"), page)
    reason_label_widget.setBuddy(step.exception_reason_choice)
    step.exception_reason = QLineEdit(page)
    step.exception_reason.setMaxLength(REASON_MAX_LENGTH)
    step.exception_reason.setPlaceholderText(translate("PhotoStep", "keterangan (wajib untuk \u201cLainnya\u201d)"))
    step.exception_reason.returnPressed.connect(step._confirm_exception)
    step.exception_reason.textChanged.connect(lambda _t: set_message(step.exception_message, ""))
    text_label = QLabel(translate("PhotoStep", "&Keterangan:"), page)
    text_label.setBuddy(step.exception_reason)
    form.addWidget(reason_label_widget, 0, 0)
    form.addWidget(step.exception_reason_choice, 0, 1)
    form.addWidget(text_label, 1, 0)
    form.addWidget(step.exception_reason, 1, 1)
    form.setColumnStretch(1, 1)
    right.addLayout(form)
    step.exception_message = _hint("", page, "errorText")
    step.exception_message.hide()
    right.addWidget(step.exception_message)

    row = QHBoxLayout()
    step.exception_cancel = _button(translate("PhotoStep", "Batal (Esc)"), page)
    step.exception_cancel.clicked.connect(step.cancel_exception)
    step.exception_without_photo = _button(translate("PhotoStep", "Simpan tanpa foto"), page)
    step.exception_without_photo.clicked.connect(step._confirm_without_photo)
    step.exception_confirm = _button("", page, primary=True)
    step.exception_confirm.setMinimumHeight(36)
    step.exception_confirm.clicked.connect(step._confirm_exception)
    row.addWidget(step.exception_cancel)
    row.addStretch(1)
    row.addWidget(step.exception_without_photo)
    row.addWidget(step.exception_confirm)
    right.addLayout(row)
    right.addStretch(1)

    h = QHBoxLayout(page)
    h.setContentsMargins(6, 6, 6, 6)
    h.addWidget(step.exception_view, 1)
    h.addLayout(right, 1)
    step.pages.addWidget(page)
    _page_shortcut(page, Qt.Key.Key_Escape, step.cancel_exception)


def reason_label(reason: PhotoExceptionReason) -> str:
    """The reason as the operator reads it."""
    return {
        PhotoExceptionReason.TERBARING: translate("PhotoStep", "Terbaring"),
        PhotoExceptionReason.TIDAK_DAPAT_DUDUK_TEGAK: translate("PhotoStep", "Tidak dapat duduk tegak"),
        PhotoExceptionReason.DISABILITAS: translate("PhotoStep", "Disabilitas"),
        PhotoExceptionReason.LAINNYA: translate("PhotoStep", "Lainnya"),
    }[reason]


def fill_exception(step: "PhotoStep", cap: Capture | None) -> None:
    """The exception page with the best frame and its failed checks, or without any frame."""
    if cap is not None:
        step.exception_view.set_image(bgr_to_qimage(cap.image))
        step.exception_title.setText(translate("PhotoStep", "Foto dengan pengecualian"))
        step.exception_hint.setText(translate(
            "PhotoStep", "Untuk warga yang tidak dapat duduk atau menegakkan kepala: foto terbaik yang "
                         "terlihat kamera disimpan walaupun pemeriksaan gagal. Rekaman ditandai untuk "
                         "supervisor dan server."))
        failed = cap.report.findings
        if failed:
            items = "".join(f"<li>{html.escape(finding_text(f))}</li>" for f in failed)
            step.exception_checks.setText(
                f"<span style='color:{COLOURS['warning']}; font-weight:bold'>"
                + translate("PhotoStep", "Pemeriksaan yang gagal (ikut tersimpan):")
                + f"</span><ul style='margin-left:-20px'>{items}</ul>")
        else:
            step.exception_checks.setText(translate("PhotoStep", "Semua pemeriksaan lolos pada foto ini."))
        step.exception_confirm.setText(translate("PhotoStep", "Simpan foto dengan pengecualian"))
        step.exception_without_photo.show()
    else:
        step.exception_view.set_image(None)
        step.exception_title.setText(translate("PhotoStep", "Foto tidak memungkinkan"))
        step.exception_hint.setText(translate(
            "PhotoStep", "Belum ada gambar dari kamera. Rekaman disimpan tanpa foto dan ditandai untuk "
                         "supervisor; alasan wajib. Bila kamera bisa dinyalakan, foto dengan pengecualian "
                         "lebih baik daripada tanpa foto."))
        step.exception_checks.setText("")
        step.exception_confirm.setText(translate("PhotoStep", "Simpan tanpa foto"))
        step.exception_without_photo.hide()


def build_done(step: "PhotoStep") -> None:
    page = QWidget(step)
    step.done_page = page
    step.done_view = ImageView(translate("PhotoStep", "Tanpa foto"), page, aspect=3 / 4)
    step.done_view.setFixedSize(240, 320)
    step.done_title = _title("", page)
    step.done_details = _hint("", page)
    step.redo_button = _button(translate("PhotoStep", "Ambil ulang foto"), page)
    step.redo_button.clicked.connect(step.reset)
    right = QVBoxLayout()
    right.addWidget(step.done_title)
    right.addWidget(step.done_details)
    row = QHBoxLayout()
    row.addWidget(step.redo_button)
    row.addStretch(1)
    right.addLayout(row)
    right.addStretch(1)
    h = QHBoxLayout(page)
    h.setContentsMargins(6, 6, 6, 6)
    h.addWidget(step.done_view, 0, Qt.AlignmentFlag.AlignTop)
    h.addLayout(right, 1)
    step.pages.addWidget(page)


# ------------------------------------------------------------ filling the pages

def show_background_chip(chip: QLabel, colour: BackgroundColour | None, why: str) -> None:
    """The chip above the checks: the background colour the photo needs, and why."""
    if colour is None:
        chip.setText(translate("PhotoStep", "Latar: ? (isi tahun lahir)"))
        chip.setStyleSheet("background: #e6eaee; color: #1f3b57; border: 1px dashed #9aa5b1;"
                           " border-radius: 4px; padding: 6px 10px; font-weight: bold; font-size: 11pt;")
    else:
        r, g, b = colour.rgb
        chip.setText(translate("PhotoStep", "Latar: {colour} ({why})").format(colour=colour.label.upper(), why=why))
        chip.setStyleSheet(f"background: rgb({r},{g},{b}); color: white; border-radius: 4px;"
                           " padding: 6px 10px; font-weight: bold; font-size: 11pt;")


def fill_review(step: "PhotoStep", cap: Capture) -> None:
    """The photo to show the resident and what the checks noted on it."""
    step.review_view.set_image(bgr_to_qimage(cap.final_image))
    findings = cap.final_findings
    if findings:
        items = "".join(f"<li>{html.escape(finding_text(f))}</li>" for f in findings)
        text = (f"<span style='color:{COLOURS['warning']}; font-weight:bold'>"
                + translate("PhotoStep", "Catatan pemeriksaan (ikut tersimpan dengan foto):")
                + f"</span><ul style='margin-left:-20px'>{items}</ul>")
    else:
        text = (f"<span style='color:{COLOURS['ok']}; font-weight:bold'>\u2713 "
                + translate("PhotoStep", "Semua pemeriksaan lolos.") + "</span>")
    if cap.use_replaced:
        text += "<p>" + translate("PhotoStep", "Latar belakang sudah diganti.") + "</p>"
    step.review_findings.setText(text)


def fill_compare(step: "PhotoStep", cap: Capture) -> None:
    """The original and the replaced background side by side, and how clean the cut looks."""
    step.compare_original.set_image(bgr_to_qimage(cap.image))
    step.compare_replaced.set_image(bgr_to_qimage(cap.replaced_image))
    colour = cap.replaced_colour.label.lower() if cap.replaced_colour is not None else ""
    step.compare_caption.setText(translate("PhotoStep", "Latar baru ({colour})").format(colour=colour))
    if cap.replaced_clean:
        set_message(step.compare_hint, translate("PhotoStep", "Tepi potongan tampak rapi."), "okText")
    else:
        set_message(step.compare_hint,
                    translate("PhotoStep", "Tepi potongan mungkin kurang rapi (rambut, bahu). "
                                           "Jika ragu, tetap pakai foto asli atau pasang kain latar."),
                    "errorText")


def fill_done(step: "PhotoStep", res: PhotoResult) -> None:
    """What was recorded: the approved photo and who approved it when, or the reason for none."""
    when = datetime.fromisoformat(res.approved_at).astimezone().strftime("%H:%M")
    if res.jpeg is not None and res.flag is None:
        step.done_view.set_image(QImage.fromData(res.jpeg, "JPG"))
        step.done_title.setText(translate("PhotoStep", "Foto disetujui"))
        who = translate("PhotoStep", "warga sendiri") if res.approver_role == ROLE_RESIDENT else \
            translate("PhotoStep", "keluarga/wali ({name})").format(name=res.approver_name)
        details = translate("PhotoStep", "Disetujui oleh {who} pukul {when}.").format(who=who, when=when)
        if res.findings:
            details += " " + translate("PhotoStep", "{n} catatan pemeriksaan ikut tersimpan.").format(
                n=len(res.findings))
        if res.background_replaced:
            details += " " + translate("PhotoStep", "Latar belakang diganti.")
    elif res.jpeg is not None and res.flag is not None:
        step.done_view.set_image(QImage.fromData(res.jpeg, "JPG"))
        step.done_title.setText(translate("PhotoStep", "Foto dengan pengecualian"))
        flag = PhotoFlag.from_dict(res.flag)
        reason = reason_label(flag.reason) if flag is not None and flag.reason is not None else "?"
        if flag is not None and flag.text:
            reason += f": {flag.text}"
        details = translate("PhotoStep", "Alasan: {reason}. {n} pemeriksaan gagal ikut tersimpan; rekaman "
                                         "ditandai untuk supervisor dan server (pukul {when}).").format(
            reason=reason, n=len(flag.failed_checks) if flag is not None else 0, when=when)
    else:
        step.done_view.set_image(None)
        step.done_title.setText(translate("PhotoStep", "Tanpa foto"))
        details = translate("PhotoStep", "Alasan: {reason} (dicatat pukul {when}).").format(
            reason=res.exception_reason, when=when)
    step.done_details.setText(details)
