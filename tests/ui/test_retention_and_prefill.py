"""Pengaturan's retention setting, a purged recording opening read-only with its note, and
Daftar Warga pre-filling Nomor KK and Tempat lahir from an imported target list."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from faker import Faker
from PySide6.QtCore import Qt

from app.core.lifecycle import RecordingStatus
from app.core.nik import build_nik
from app.core.resident import Resident
from app.targetfile import open_targets
from app.session import Session
from app.store._util import to_utc_iso
from app.store.outbox import Outbox
from app.store.recordings import Recording
from app.store.media import MediaItem
from app.ui.main_window import AppWindow
from app.ui.pages.enroll import EnrollPage
from app.ui.pages.settings import SettingsPage
from app.ui.recordings_model import RecordingsModel
from support.profiles import PASSPHRASE

pytestmark = pytest.mark.gui

KEL = "16.71.01.1001"
PURGED_NOTE = "Data pribadi rekaman ini sudah dihapus dari laptop setelah diterima server."


def test_retention_days_is_set_in_pengaturan(qtbot, session):
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.retention.value() == 30 and page.retention.text() == "30 hari"  # the default
    page.retention.setValue(0)
    assert page.retention.text() == "Tidak pernah"
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert session.get_setting("retention_days") == 0
    assert session.purge_settled() is None  # 0 = never
    page.retention.selectAll()
    qtbot.keyClicks(page.retention, "45")
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert session.get_setting("retention_days") == 45 == session.retention_days()
    page.retention.setValue(3)
    page.refresh()  # what is stored wins over what was typed and not saved
    assert page.retention.value() == 45


def _accepted(session, fake, days_ago: int) -> Recording:
    born = fake.date_of_birth(minimum_age=20, maximum_age=60)
    resident = Resident(nik=build_nik("167101", born, "L", 7), nama=fake.name().upper(), tanggal_lahir=born,
                        alamat=fake.street_address().upper(), kelurahan_kode=KEL, rt="003", rw="001")
    rec = Recording.new(resident, operator="Operator Uji", status=RecordingStatus.COMPLETE)
    session.recordings.save(rec, [MediaItem("photo", "image/jpeg", b"\xff\xd8" + bytes(500), {})], enqueue=True)
    assert Outbox(session.store).mark_acked(rec.uuid, "accepted")
    when = to_utc_iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days_ago))
    with session.store.transaction() as db:
        db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?", (when, rec.uuid))
    return session.get_recording(rec.uuid)


def test_a_purged_recording_opens_read_only_with_a_clear_note(qtbot, session):
    fake = Faker("id_ID")
    fake.seed_instance(9071)
    old, recent = _accepted(session, fake, 40), _accepted(session, fake, 2)
    result = session.purge_settled()
    assert result.recordings == 1
    page = EnrollPage(session)
    qtbot.addWidget(page)
    page.show()

    page.open_recording(session.get_recording(recent.uuid))  # accepted, still here: the usual note
    assert page.readonly_note.isVisible() and page.readonly_note.text() != PURGED_NOTE
    assert page.form.nama.text() == recent.resident.nama

    page.open_recording(session.get_recording(old.uuid))
    assert page.readonly_note.isVisible() and page.readonly_note.text() == PURGED_NOTE
    assert not page.form.save_button.isVisible() and not page.form.complete_button.isVisible()
    assert not page.form.nama.isEnabled()
    assert (page.form.nik.text(), page.form.nama.text(), page.form.alamat.text()) == ("", "", "")
    assert not page.form.photo.present

    model = RecordingsModel(session)
    model.reload()
    names = {model.uuid_at(r): model.index(r, 0).data() for r in range(model.rowCount())}
    assert names == {old.uuid: "(data pribadi sudah dihapus)", recent.uuid: recent.resident.nama}


def test_imported_no_kk_and_tempat_lahir_prefill_the_form(qtbot, profile_dir, tmp_path):
    fake = Faker("id_ID")
    fake.seed_instance(5121)
    born = dt.date(1988, 7, 21)
    nik = build_nik("167101", born, "P", 12)
    no_kk, place, name = "1671011203080007", fake.city().upper(), fake.name_female().upper()
    path = tmp_path / "target.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["NIK", "No KK", "Nama", "Tempat Lahir", "Tgl Lahir", "JK", "Alamat", "RT", "RW",
                         "Kode Kelurahan"])
        writer.writerow([nik, no_kk, name, place.title(), born.strftime("%d-%m-%Y"), "P",
                         fake.street_address(), "2", "5", KEL])
    session = Session.open(profile_dir, PASSPHRASE)
    try:
        with open_targets(path, regions=session.regions) as rows:
            assert session.targets.upsert_many(rows) == (1, 0)
            assert rows.problems == []
        target = session.targets.get(nik)
        assert (target.no_kk, target.tempat_lahir) == (no_kk, place)
    finally:
        session.close()

    win = AppWindow(profile_dir)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    try:
        win.try_unlock(PASSPHRASE)
        qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)
        main = win.main
        main.nav.setCurrentRow(main.pages().index(main.targets))
        qtbot.waitUntil(lambda: main.targets.model.rowCount() == 1, timeout=5000)
        assert main.targets.model.nik_at(0) == nik
        main.targets.table.setFocus()
        main.targets.table.setCurrentIndex(main.targets.model.index(0, 0))
        qtbot.keyClick(main.targets.table, Qt.Key.Key_Return)
        form = main.enroll.form
        qtbot.waitUntil(lambda: main.stack.currentWidget() is main.enroll, timeout=3000)
        assert (form.nik.text(), form.nama.text()) == (nik, name)
        assert form.no_kk.text() == no_kk
        assert form.tempat_lahir.text() == place
    finally:
        win.close()
