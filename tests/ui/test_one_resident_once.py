"""One resident, once: a resident already recorded on this laptop is opened, never recorded again by
accident. A target recorded here opens its recording (read-only once the server holds it); a NIK typed
into a new form that another recording or draft here holds says so at once, with "Buka rekaman itu";
a second recording of the NIK completes only with a reason, which reaches the payload; a correction of
a recording the server holds is version 2 of the same recording, not a second one.

Real widgets offscreen on a real encrypted profile; generated residents only.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus
from app.core.recording_check import check_recording
from app.core.repeat import REPEAT_CODE, repeat_reason
from app.demo import demo_residents
from app.session import IncompleteRecordingError, MediaSlot
from app.store.errors import NotFound
from app.store.recordings import Recording
from app.ui.enrollment_form import FormResult
from app.ui.main_window import AppWindow
from app.ui.pages.enroll import EnrollPage
from app.ui.workers import db_pool
from sync.client.payload import build_payload

from support.profiles import PASSPHRASE
from support.window import show_window

TODAY = dt.date.today()
REASON = "rekaman pertama hilang fotonya, warga datang lagi"


def _residents(session, n: int):
    """`n` generated residents that complete without a warning today."""
    out = []
    for resident in demo_residents(60, seed=23, today=TODAY):
        photo, signature = _exceptions()
        check = check_recording(resident, session.validation_context(), has_photo=False,
                                photo_exception=photo.exception, has_signature=False,
                                signature_exception=signature.exception)
        if not check.findings:
            out.append(resident)
        if len(out) == n:
            return out
    raise AssertionError("not enough generated residents")


def _exceptions():
    return (MediaSlot(exception="warga terbaring di tempat tidur", summary="-"),
            MediaSlot(exception="tidak dapat menandatangani", summary="-"))


def _record(session, resident, *, status=RecordingStatus.QUEUED) -> Recording:
    """A completed recording of `resident` through the session (as Selesai saves it), moved on to `status`."""
    photo, signature = _exceptions()
    rec = session.save_form(FormResult(resident, [], True, photo, signature), None)
    if status is not RecordingStatus.QUEUED:
        session.recordings.set_status(rec.uuid, status, {"status": status.value, "message": "oke"})
    return session.get_recording(rec.uuid)


def _draft(session, resident) -> Recording:
    return session.save_form(FormResult(resident, [], False, *_exceptions()), None)


@pytest.fixture
def page(qtbot, session):
    p = EnrollPage(session)
    qtbot.addWidget(p)
    p.resize(1180, 680)
    p.show()
    qtbot.waitExposed(p)
    p.start_new()
    return p


def _confirm_review(qtbot, page) -> None:
    """Completing opens the review: Enter saves, and the done page closes (on to the next form)."""
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=5000)
    qtbot.keyClick(page.review.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)
    page.review.accept()


def _repeat_warnings(form):
    return [f for f in form.findings() if f.code == REPEAT_CODE]


def _field_geometry(page) -> dict:
    """Where every field of the form stands on the page, and its size."""
    return {key: (w.mapTo(page, w.rect().topLeft()), w.size()) for key, w in page.form._field_widgets.items()}


def _wait_notice(qtbot, page, shown: bool = True) -> None:
    qtbot.waitUntil(lambda: page.repeat_notice.isVisible() is shown, timeout=5000)
    db_pool().waitForDone(5000)
    QApplication.processEvents()


# ------------------------------------------------------------------ a typed NIK


def test_a_nik_recorded_here_says_so_at_once_and_opens_that_recording(qtbot, page, session):
    first, = _residents(session, 1)
    rec = _record(session, first)
    form = page.form
    geometry = _field_geometry(page)

    qtbot.keyClicks(form.nik, first.nik[:15])  # still typing: nothing said
    db_pool().waitForDone(5000)
    QApplication.processEvents()
    assert not page.repeat_notice.isVisible() and not _repeat_warnings(form)

    qtbot.keyClicks(form.nik, first.nik[15])
    _wait_notice(qtbot, page)
    assert page.repeat_notice.text.text() == (
        f"NIK ini sudah ada di laptop ini: Menunggu kirim, {TODAY.strftime('%d-%m-%Y')}.")
    assert page.repeat_notice.open_button.text() == "Buka rekaman itu"
    (warning,) = _repeat_warnings(form)
    assert warning.field == "nik" and "perlu alasan" in warning.message
    assert not form.complete_button.isEnabled()
    # The notice stands where room was kept for it, the warning in the findings panel: no field moved.
    assert _field_geometry(page) == geometry

    # Non-blocking: typing goes on in the form.
    assert QApplication.focusWidget() is form.nik
    qtbot.mouseClick(page.repeat_notice.open_button, Qt.MouseButton.LeftButton)
    assert page.uuid == rec.uuid and form.nama.text() == first.nama
    assert not page.repeat_notice.isVisible(), "a recording is not a repeat of itself"
    db_pool().waitForDone(5000)
    # The form held nothing but the NIK: no stray draft of it is left behind.
    assert [r.uuid for r in session.recordings.list()] == [rec.uuid]


def test_a_draft_of_the_nik_is_named_and_typing_beyond_the_nik_is_kept(qtbot, page, session):
    first, = _residents(session, 1)
    draft = _draft(session, first)
    form = page.form
    qtbot.keyClicks(form.nik, "  " + " ".join([first.nik[:4], first.nik[4:8], first.nik[8:12], first.nik[12:]]))
    _wait_notice(qtbot, page)  # pasted with spaces: the same NIK
    assert "Draf" in page.repeat_notice.text.text()
    qtbot.keyClicks(form.nama, "ANI")
    qtbot.mouseClick(page.repeat_notice.open_button, Qt.MouseButton.LeftButton)
    assert page.uuid == draft.uuid
    db_pool().waitForDone(5000)
    kept = [r for r in session.recordings.list() if r.uuid != draft.uuid]
    assert [r.resident.nama for r in kept] == ["ANI"], "typing beyond the NIK is kept as a draft"


def test_changing_the_nik_away_takes_the_notice_and_the_warning_away(qtbot, page, session):
    first, = _residents(session, 1)
    _record(session, first)
    form = page.form
    qtbot.keyClicks(form.nik, first.nik)
    _wait_notice(qtbot, page)
    qtbot.keyClick(form.nik, Qt.Key.Key_Backspace)
    _wait_notice(qtbot, page, shown=False)
    assert not _repeat_warnings(form) and page.repeat_notice.uuid is None
    other = ("1" if first.nik[-1] != "1" else "2")
    qtbot.keyClicks(form.nik, other)  # 16 digits again, another NIK nobody recorded
    db_pool().waitForDone(5000)
    QApplication.processEvents()
    assert not page.repeat_notice.isVisible() and not _repeat_warnings(form)


@pytest.mark.parametrize("typed", ["", "abcdefghijklmnop", "1" * 15, "1" * 17, "١٦٧١٠١٢٣٤٥٦٧٨٩٠١"])
def test_bad_nik_input_finds_nothing(qtbot, page, session, typed):
    first, = _residents(session, 1)
    _record(session, first)
    page.form.nik.setText(typed)
    page.check_nik()
    db_pool().waitForDone(5000)
    QApplication.processEvents()
    assert not page.repeat_notice.isVisible() and not _repeat_warnings(page.form)
    assert session.earlier_recordings(typed) == []


# ------------------------------------------------------------------ a second recording needs a reason


def test_a_second_recording_completes_only_with_a_reason_that_reaches_the_payload(qtbot, page, session):
    first, = _residents(session, 1)
    earlier = _record(session, first, status=RecordingStatus.ACCEPTED)
    form = page.form
    photo, signature = _exceptions()
    form.load(first, [], photo, signature)
    form.dirty = True
    page.check_nik()
    qtbot.waitUntil(lambda: bool(_repeat_warnings(form)), timeout=5000)
    assert "Diterima" in page.repeat_notice.text.text()

    form.request_save(True)  # refused: the reason is missing
    db_pool().waitForDone(5000)
    assert [r.uuid for r in session.recordings.list()] == [earlier.uuid]
    row = form.findings_panel._rows[(REPEAT_CODE, "nik")]
    row.check.setChecked(True)
    qtbot.keyClicks(row.reason, "ab")  # too short to count as a reason
    assert not form.can_complete()
    qtbot.keyClicks(row.reason, "c " + REASON)
    assert form.can_complete()
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        form.request_save(True)
        _confirm_review(qtbot, page)
    second = session.get_recording(saved.args[0])
    assert second.uuid != earlier.uuid and second.status is RecordingStatus.QUEUED
    assert second.replaces_uuid is None, "a second recording, not a version of the first"
    payload = build_payload(second, session.recordings.media_meta([second.uuid])[second.uuid])
    assert repeat_reason(payload.model_dump(mode="json")["acknowledgements"]) == "abc " + REASON


def test_the_session_refuses_a_second_recording_without_a_reason(session):
    first, = _residents(session, 1)
    _record(session, first)
    photo, signature = _exceptions()
    with pytest.raises(IncompleteRecordingError) as refused:
        session.save_form(FormResult(first, [], True, photo, signature), None)
    assert [(f.code, f.field) for f in refused.value.check.verdict.blocking] == [(REPEAT_CODE, "nik")]
    for blank in ("", "   ", "ok"):  # no reason, blank, too short
        with pytest.raises(IncompleteRecordingError):
            session.save_form(FormResult(first, [Acknowledgement(REPEAT_CODE, "nik", blank)], True,
                                         photo, signature), None)
    assert len(session.recordings.list()) == 1
    huge = "alasan " * 300  # long reasons are kept as given (the payload caps acknowledgement text)
    second = session.save_form(FormResult(first, [Acknowledgement(REPEAT_CODE, "nik", REASON)], True,
                                          photo, signature), None)
    assert second.status is RecordingStatus.QUEUED and len(session.recordings.list()) == 2
    # Drafts are never refused: only completing needs the reason.
    draft = session.save_form(FormResult(first, [Acknowledgement(REPEAT_CODE, "nik", huge)], False,
                                         photo, signature), None)
    assert draft.status is RecordingStatus.DRAFT


# ------------------------------------------------------------------ a correction is the next version


def test_a_correction_of_an_accepted_recording_is_its_version_2(qtbot, page, session):
    first, = _residents(session, 1)
    rec = _record(session, first, status=RecordingStatus.ACCEPTED)
    page.open_recording(rec)
    form = page.form
    assert not form.save_button.isVisible() and page.readonly_note.isVisible()
    assert page.correct_button.isVisible() and page.correct_button.text() == "Koreksi (versi baru)"

    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.uuid != rec.uuid, timeout=5000)
    fix = session.get_recording(page.uuid)
    assert fix.replaces_uuid == rec.uuid and fix.status is RecordingStatus.DRAFT
    assert session.version_of(fix.uuid) == 2 and session.version_of(rec.uuid) == 1
    assert page.title.text() == "Rekaman: Draf — versi 2"
    assert form.save_button.isVisible() and not page.correct_button.isVisible()
    db_pool().waitForDone(5000)
    QApplication.processEvents()
    assert not page.repeat_notice.isVisible() and not _repeat_warnings(form), \
        "the version it corrects is not another recording of the NIK"

    form.alamat.selectAll()
    qtbot.keyClicks(form.alamat, "JL. MERDEKA NO. 12")  # the typo fixed
    with qtbot.waitSignal(page.saved, timeout=5000):
        form.request_save(True)
        _confirm_review(qtbot, page)
    done = session.get_recording(fix.uuid)
    assert done.status is RecordingStatus.QUEUED and done.resident.alamat == "JL. MERDEKA NO. 12"
    assert build_payload(done, []).replaces == rec.uuid
    assert len(session.recordings.list()) == 2 and session.get_recording(rec.uuid).resident == rec.resident

    # Opening the first version again shows the correction's way: asking again gives no third version.
    page.open_recording(session.get_recording(rec.uuid))
    assert not page.correct_button.isVisible(), "its correction was sent already"
    with pytest.raises(Exception, match="sudah diperbaiki"):
        session.correct(rec.uuid)


def test_correcting_asks_twice_gives_one_draft_and_refuses_what_is_still_editable(session):
    first, second = _residents(session, 2)
    sent = _record(session, first, status=RecordingStatus.SENT)
    queued = _record(session, second)
    fix = session.correct(sent.uuid)
    assert session.correct(sent.uuid).uuid == fix.uuid
    assert session.can_correct(sent.uuid) and not session.can_correct(queued.uuid)
    with pytest.raises(Exception, match="ubah langsung"):
        session.correct(queued.uuid)  # not on the server yet: edited in place
    with pytest.raises(NotFound):
        session.correct("00000000-0000-4000-8000-000000000000")
    assert not session.can_correct("00000000-0000-4000-8000-000000000000")
    assert session.version_of("00000000-0000-4000-8000-000000000000") == 1


# ------------------------------------------------------------------ Daftar Warga


def _unlock(qtbot, win) -> None:
    qtbot.keyClicks(win.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)


@pytest.fixture
def window(qtbot, profile_dir):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    _unlock(qtbot, win)
    yield win
    win.close()


def _target(session, resident) -> None:
    session.targets.upsert_many([{
        "nik": resident.nik, "nama": resident.nama, "tanggal_lahir": resident.tanggal_lahir,
        "jenis_kelamin": resident.jenis_kelamin.value, "alamat": resident.alamat, "rt": resident.rt,
        "rw": resident.rw, "kelurahan_kode": resident.kelurahan_kode, "status_ktp": "BELUM REKAM"}],
        source="server")


def _open_from_list(qtbot, window, nik: str) -> None:
    targets = window.main.targets
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    targets.show_filter.setCurrentIndex(targets.show_filter.findData("all"))
    qtbot.waitUntil(lambda: any(targets.model.nik_at(r) == nik for r in range(targets.model.rowCount())),
                    timeout=5000)
    row = next(r for r in range(targets.model.rowCount()) if targets.model.nik_at(r) == nik)
    targets.table.setFocus()
    targets.table.setCurrentIndex(targets.model.index(row, 0))
    qtbot.keyClick(targets.table, Qt.Key.Key_Return)


def test_a_target_recorded_here_opens_its_recording(qtbot, window):
    session = window.session
    queued, accepted, fresh = _residents(session, 3)
    for r in (queued, accepted, fresh):
        _target(session, r)
    rec_q = _record(session, queued)
    rec_a = _record(session, accepted, status=RecordingStatus.ACCEPTED)
    enroll, main = window.main.enroll, window.main

    _open_from_list(qtbot, window, queued.nik)  # recorded, the server does not hold it: editable
    assert main.stack.currentWidget() is enroll and enroll.uuid == rec_q.uuid
    assert enroll.form.save_button.isVisible() and enroll.title.text() == "Rekaman: Menunggu kirim"

    _open_from_list(qtbot, window, accepted.nik)  # the server holds it: read-only, with Koreksi
    assert enroll.uuid == rec_a.uuid and not enroll.form.save_button.isVisible()
    assert enroll.readonly_note.isVisible() and enroll.correct_button.isVisible()
    assert window.main.targets.confirm is None, "no 'Tetap rekam?' for a resident recorded here"

    _open_from_list(qtbot, window, fresh.nik)  # not recorded: a new form from the list
    assert enroll.uuid is None and enroll.form.nik.text() == fresh.nik
    assert enroll.title.text() == "Rekam Baru"
    db_pool().waitForDone(5000)
    assert len(session.recordings.list()) == 2, "opening residents made no recording"


def test_a_target_with_a_draft_here_opens_the_draft(qtbot, window):
    session = window.session
    resident, = _residents(session, 1)
    _target(session, resident)
    draft = _draft(session, resident)
    _open_from_list(qtbot, window, resident.nik)
    enroll = window.main.enroll
    assert enroll.uuid == draft.uuid and enroll.form.save_button.isVisible()
    assert enroll.title.text() == "Rekaman: Draf"


def test_a_resident_recorded_here_and_by_another_team_opens_without_asking(qtbot, session):
    from app.ui.pages.targets import SHOW_ALL, TargetsPage

    resident, = _residents(session, 1)
    _target(session, resident)
    session.targets.upsert_many([{"nik": resident.nik, "nama": resident.nama, "recorded_elsewhere": True,
                                  "kelurahan_kode": resident.kelurahan_kode, "rt": resident.rt, "rw": resident.rw}],
                                source="server")
    _record(session, resident)
    page = TargetsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.show_filter.setCurrentIndex(page.show_filter.findData(SHOW_ALL))
    assert page.model.recorded_elsewhere_at(0) and page.model.row_value(0, "recorded")
    with qtbot.waitSignal(page.enrollTarget, timeout=3000) as asked:
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(0, 0))
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert asked.args == [resident.nik] and page.confirm is None


def test_a_purged_recording_still_counts_and_opens_read_only_without_koreksi(qtbot, page, session):
    resident, = _residents(session, 1)
    _target(session, resident)  # on the list: the purge keeps the NIK
    rec = _record(session, resident, status=RecordingStatus.ACCEPTED)
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)
    assert session.recordings.purge_settled(1, now=later).recordings == 1
    purged = session.recording_of_target(resident.nik)
    assert purged.uuid == rec.uuid and purged.purged
    page.open_recording(purged)
    assert not page.form.save_button.isVisible() and not page.correct_button.isVisible()
    assert page.readonly_note.isVisible()
    with pytest.raises(Exception, match="sudah dihapus"):
        session.correct(rec.uuid)
    assert [e.uuid for e in session.earlier_recordings(resident.nik)] == [rec.uuid]
