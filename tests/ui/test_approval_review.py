"""The supervisor's review on the real window, by keyboard: Ctrl+R opens what waits with photo, signature
and every exception; Enter approves into the sync queue, Ctrl+R + reason + note + Enter returns to the
operator; Esc closes. The limits banner warns, then stops; an operator sees no review and cannot decide;
the day-end report button writes the PDF (0600, audited)."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import roles
from app.core.exceptions import PhotoFlag
from app.core.lifecycle import RecordingStatus
from app.demo import demo_residents
from app.session import Session
from app.store import approvals, people
from app.store.audit import AuditLog
from app.store.limits import WAITING_WARN_KEY
from app.store.media import MediaItem
from app.store.outbox import Outbox
from app.store.recordings import Recording
from app.ui.approval_dialog import ApprovalDialog
from support.images import image_bytes
from support.profiles import PASSPHRASE
from support.window import unlocked_window

ANI = "jeruk-nipis-sepeda-41"
NOTE = "tanda tangan terpotong di tepi"


def _waiting(session: Session, count: int = 3) -> list[Recording]:
    """`count` completed recordings (photo and signature) waiting for approval, the second one flagged."""
    made = []
    residents = [r for r in demo_residents(20, seed=1212, today=dt.date.today()) if r.tanggal_lahir.year < 2005]
    for i, resident in enumerate(residents[:count]):
        flag = PhotoFlag.make("terbaring", failed_checks=["photo.eyes_closed"]).to_dict() if i == 1 else None
        rec = Recording.new(resident, operator="Ani", status=RecordingStatus.COMPLETE, photo_flag=flag)
        session.recordings.save(rec, [MediaItem("photo", "image/png", image_bytes(4000), {}),
                                      MediaItem("signature", "image/png", image_bytes(2000), {})], enqueue=False)
        approvals.mark_waiting(session.store, rec.uuid, actor="Ani")
        made.append(rec)
    return made


@pytest.fixture
def team_dir(profile_templates, tmp_path):
    directory = profile_templates.copy(tmp_path / "tim", operator="Admin Tim", approval=True)
    admin = Session.open(directory, PASSPHRASE)
    people.add_person(admin.store, "Ani", roles.OPERATOR, ANI)
    admin.close()
    return directory


@pytest.fixture
def window(qtbot, team_dir):
    win = unlocked_window(qtbot, team_dir, PASSPHRASE)
    yield win
    win.close()


def _dialog(qtbot, window) -> ApprovalDialog:
    qtbot.waitUntil(lambda: window.main.home.supervisor_bar.dialog is not None
                    and window.main.home.supervisor_bar.dialog.isVisible(), timeout=5_000)
    return window.main.home.supervisor_bar.dialog


def test_the_supervisor_approves_and_returns_by_keyboard(qtbot, window):
    session = window.session
    made = _waiting(session)
    window.main.home.refresh()
    bar = window.main.home.supervisor_bar
    assert bar.isVisible() and "(3)" in bar.review_button.text()
    qtbot.keyClick(window.main.home.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: len(dialog.items) == 3 and dialog.photo.pixmap() is not None
                    and not dialog.photo.pixmap().isNull(), timeout=10_000)
    assert [i.uuid for i in dialog.items] == [r.uuid for r in made]
    assert dialog.signature.pixmap() is not None and not dialog.signature.pixmap().isNull()
    assert "3 rekaman menunggu persetujuan" in dialog.summary.text()
    assert dialog.exceptions.text() == "Tidak ada pengecualian."
    assert QApplication.focusWidget() is dialog.list

    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the flagged one shows its exception
    assert "Terbaring" in dialog.exceptions.text() and made[1].resident.nama in dialog.who.text()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter approves the first
    qtbot.waitUntil(lambda: len(dialog.items) == 2, timeout=10_000)
    assert session.get_recording(made[0].uuid).status is RecordingStatus.QUEUED
    assert Outbox(session.store).get(made[0].uuid) is not None
    assert "Disetujui" in dialog.message.text()

    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the third one
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialog.return_panel.isVisible() and QApplication.focusWidget() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # "Tanda tangan perlu diulang"
    assert dialog.reason.currentData() == "tanda_tangan"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, NOTE)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=10_000)
    returned = session.get_recording(made[2].uuid)
    assert returned.status is RecordingStatus.DRAFT and Outbox(session.store).get(returned.uuid) is None
    assert session.returned_words(returned.uuid) == f"Tanda tangan perlu diulang: {NOTE}"
    assert not dialog.return_panel.isVisible()

    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)  # Esc closes the panel first, nothing returned
    assert not dialog.return_panel.isVisible() and dialog.isVisible() and len(dialog.items) == 1
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "(1)" in bar.review_button.text(), timeout=5_000)  # the window followed
    window.main.queue.refresh()  # Antrian & Sinkron: what waits for approval is not "to send"
    assert window.main.queue.counts["approval"].text() == "1" and window.main.queue.counts["waiting"].text() == "1"

    window.main.open_recording(returned.uuid)  # the operator reads why it came back
    note = window.main.enroll.readonly_note
    assert note.isVisible() and "Dikembalikan supervisor" in note.text() and NOTE in note.text()


def test_an_empty_or_lacking_return_is_refused_in_the_dialog(qtbot, window):
    _waiting(window.session, 1)
    window.main.home.supervisor_bar.open_review()
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=10_000)
    dialog.open_return()
    dialog.reason.setCurrentIndex(dialog.reason.findData("lainnya"))
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # "Lainnya" without a note
    qtbot.waitUntil(lambda: "catatan" in dialog.message.text().lower(), timeout=10_000)
    assert len(dialog.items) == 1 and dialog.return_panel.isVisible()
    assert window.session.get_recording(dialog.items[0].uuid).status is RecordingStatus.COMPLETE


def test_the_limits_banner_warns_then_says_new_recordings_stop(qtbot, window):
    session = window.session
    window.refresh_status()
    assert not window.limits_banner.isVisible()
    _waiting(session, 2)
    session.set_setting(WAITING_WARN_KEY, 1)
    window.refresh_status()
    assert window.limits_banner.isVisible() and window.limits_banner.property("level") == "warn"
    assert window.limits_banner.text() == "2 rekaman menunggu persetujuan supervisor."
    session.set_setting("limits.waiting_stop_count", 2)
    window.refresh_status()
    assert window.limits_banner.property("level") == "stop"
    assert window.limits_banner.text().startswith("Rekaman baru dihentikan: 2 rekaman")


def test_an_operator_sees_no_review_and_cannot_decide(qtbot, team_dir):
    session = Session.open(team_dir, ANI)
    try:
        made = _waiting(session, 1)
        from app.ui.pages.home import HomePage

        home = HomePage(session)
        qtbot.addWidget(home)
        home.refresh()
        assert home.supervisor_bar.isHidden() and not home.supervisor_bar.may_approve
        dialog = ApprovalDialog(session)  # even if opened some other way, the session refuses her
        qtbot.addWidget(dialog)
        dialog.load()
        qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=10_000)
        dialog.approve_current()
        qtbot.waitUntil(lambda: "tidak boleh" in dialog.message.text(), timeout=10_000)
        assert session.get_recording(made[0].uuid).status is RecordingStatus.COMPLETE
    finally:
        session.close()


def test_the_day_end_report_button_writes_a_private_pdf_and_audits_it(qtbot, window, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext missing: install Debian's poppler-utils (.ci/run does)"
    made = _waiting(window.session, 2)
    bar = window.main.home.supervisor_bar
    qtbot.mouseClick(bar.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.report.dialog is not None and bar.report.dialog.isVisible(), timeout=5_000)
    assert "TIDAK terenkripsi" in bar.report.dialog.windowTitle()
    path = tmp_path / "laporan.pdf"
    with qtbot.waitSignal(bar.report.finished, timeout=20_000) as done:
        bar.report.dialog.fileSelected.emit(str(path))
    assert done.args[0] is True and "tidak terenkripsi" in done.args[1]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Laporan Akhir Hari" in text and "Operator: Ani" in text and made[0].resident.nama in text
    assert made[0].resident.nik not in text
    [entry] = AuditLog(window.session.store).entries(action="report.day_written")
    assert entry.detail == {"day": dt.date.today().isoformat(), "operators": 1, "recordings": 2}
    assert bar.message.text().startswith("Laporan akhir hari tersimpan")


def test_the_review_hides_under_the_idle_lock_and_goes_when_an_operator_unlocks(qtbot, window):
    _waiting(window.session, 1)
    window.main.home.supervisor_bar.open_review()
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=10_000)
    window.start_idle_lock(100)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not dialog.isVisible()
    window.start_idle_lock(60_000)
    window.lock_page.passphrase.setText(ANI)
    qtbot.keyClick(window.lock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=30_000)
    assert window.session.role == roles.OPERATOR
    qtbot.waitUntil(lambda: not any(isinstance(w, ApprovalDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=5_000)
    assert window.main.home.supervisor_bar.isHidden()
