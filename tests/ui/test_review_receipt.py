"""Review, then finish; the resident's receipt (bukti perekaman): real widgets, a real encrypted profile,
the receipt read back from its PDF as text (pdftotext) and as pixels (pdftoppm + OpenCV's QR reader)."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
from pathlib import Path

import cv2
import pytest
from faker import Faker
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.core.receipt_number import format_registration_number, registration_number
from app.core.resident import Resident
from app.session import MediaSlot
from app.store.recordings import Recording
from app.ui.main_window import AppWindow
from app.ui.pages.enroll import EnrollPage
from app.ui.pages.home import HomePage
from app.ui.pages.targets import SHOW_ALL, TargetsPage
from app.ui.receipt_output import printer_names
from app.ui.receipt_pdf import paint_on_paged_device, write_receipt_pdf

from support.people import GeneratedPeople
from support.profiles import PASSPHRASE
from support.window import show_window

FACE = Path(__file__).resolve().parents[1] / "data" / "faces" / "obama.jpg"
AREA = "13.72"  # Kota Solok in the seed master data


def _tools() -> None:
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    assert not missing, f"{missing} missing: install Debian's poppler-utils (.ci/run does)"


@pytest.fixture
def people(session) -> GeneratedPeople:
    fake = Faker("id_ID")
    fake.seed_instance(1010)
    return GeneratedPeople(session.regions, fake, random.Random(1010))


def _resident(people, **changes) -> Resident:
    return Resident.from_dict(people.resident_data(AREA, dt.date.today(), **changes))


def _signature_png() -> bytes:
    image = QImage(600, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 4))
    painter.drawLine(40, 150, 200, 40)
    painter.drawLine(200, 40, 380, 160)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _media(form) -> None:
    form.set_photo(MediaSlot(FACE.read_bytes(), "image/jpeg", {"approved_by": "warga"}, True, None, "Foto diambil."))
    form.set_signature(MediaSlot(_signature_png(), "image/png", {}, True, None, "Tanda tangan tersimpan."))


@pytest.fixture
def page(qtbot, session):
    p = EnrollPage(session)
    qtbot.addWidget(p)
    show_window(qtbot, p)
    p.start_new()
    return p


def _ctrl_enter(qtbot, page) -> None:
    page.form.nama.setFocus()
    qtbot.keyClick(page.form.nama, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.review is not None and page.review.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.review.confirm_button, timeout=5000)


def _completed(session) -> list[Recording]:
    return [r for r in session.recordings.list() if r.status is RecordingStatus.QUEUED]


# ------------------------------------------------------------------ the review

def test_review_lists_everything_escape_goes_back_enter_finishes(qtbot, page, session, people):
    form = page.form
    resident = _resident(people, catatan="<b>rumah cat hijau</b>", telepon="081234567890")
    # The KK's date is one day off the NIK's: a warning the operator confirms with a reason.
    resident = resident.with_changes(tanggal_lahir=resident.tanggal_lahir + dt.timedelta(days=1))
    form.load(resident)
    _media(form)
    form.revalidate()
    (row,) = form.findings_panel._rows.values()
    row.check.setChecked(True)
    qtbot.keyClicks(row.reason, "NIK lama, tanggal di KK benar")
    assert form.can_complete()
    typed = form.resident()

    _ctrl_enter(qtbot, page)
    review = page.review
    values = review.values
    every_field = {"nik", "no_kk", "nama", "jenis_kelamin", "kewarganegaraan", "agama", "golongan_darah",
                   "tempat_lahir", "tanggal_lahir", "alamat", "rt", "provinsi_kode", "kabupaten_kode",
                   "kecamatan_kode", "kelurahan_kode", "status_perkawinan", "hubungan_keluarga", "nama_ayah",
                   "nama_ibu", "pendidikan", "pekerjaan", "disabilitas", "telepon", "catatan", "photo",
                   "signature", "findings"}
    assert set(values) == every_field
    assert all(values[key] not in ("", "-") for key in every_field), values
    assert values["nik"] == resident.nik and values["no_kk"] == resident.no_kk
    assert values["nama"] == resident.nama and values["nama_ibu"] == resident.nama_ibu
    assert values["tanggal_lahir"] == resident.tanggal_lahir.strftime("%d-%m-%Y")
    assert values["rt"] == f"{resident.rt} / {resident.rw}"
    assert values["kelurahan_kode"] == resident.kelurahan_nama and values["provinsi_kode"] == resident.provinsi_nama
    assert values["agama"] == resident.agama.label and values["pekerjaan"] == resident.pekerjaan.label
    assert values["jenis_kelamin"] == resident.jenis_kelamin.label
    assert values["golongan_darah"] == resident.golongan_darah.label
    assert values["catatan"] == "<b>rumah cat hijau</b>"  # shown as typed, not as markup
    assert values["disabilitas"] == "Tidak ada"
    assert values["photo"] == "Foto diambil." and values["signature"] == "Tanda tangan tersimpan."
    assert "Dikonfirmasi, alasan: NIK lama, tanggal di KK benar" in values["findings"]
    assert "NIK" in values["findings"]
    shown = {label.text() for label in review.findChildren(QLabel)}
    assert "<b>rumah cat hijau</b>" in shown and resident.nik in shown
    for name in ("photoPreview", "signaturePreview"):
        preview = review.findChild(QLabel, name)
        assert preview is not None and not preview.pixmap().isNull(), name

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the form, nothing lost
    qtbot.waitUntil(lambda: not review.isVisible(), timeout=5000)
    assert form.resident() == typed
    assert [a.reason for a in form.findings_panel.acknowledgements()] == ["NIK lama, tanggal di KK benar"]
    assert form.photo.present and form.signature.present
    assert _completed(session) == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.complete_button, timeout=5000)

    _ctrl_enter(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter confirms
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)
    (rec,) = _completed(session)
    assert rec.resident.nik == resident.nik
    assert rec.acknowledgements == [Acknowledgement("nik.birth_date_mismatch", "nik", "NIK lama, tanggal di KK benar")]
    assert {m.kind for m in session.recordings.media(rec.uuid)} == {"photo", "signature"}
    number = format_registration_number(registration_number(rec.uuid))
    assert page.review.done_number.text() == number
    assert "Rekaman selesai" in page.review.done_title.text()
    assert "formulir kosong" in page.review.done_next.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.review.next_button, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # on to the next resident
    qtbot.waitUntil(lambda: not page.review.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nik, timeout=5000)
    assert not form.has_content() and page.uuid is None
    qtbot.wait(300)  # the confirmation stays (it used to be cleared at once)
    assert "Rekaman selesai" in page.message.text() and number in page.message.text()
    assert resident.nama in page.message.text()


def test_review_shows_media_exceptions(qtbot, page, session, people):
    form = page.form
    form.load(_resident(people))
    form.set_photo(MediaSlot(exception="warga terbaring, tidak dapat duduk tegak", summary="-"))
    form.set_signature(MediaSlot(exception="tidak dapat menandatangani", summary="-"))
    assert form.can_complete()
    _ctrl_enter(qtbot, page)
    assert page.review.values["photo"] == "Pengecualian: warga terbaring, tidak dapat duduk tegak"
    assert page.review.values["signature"] == "Pengecualian: tidak dapat menandatangani"
    assert page.review.findChild(QLabel, "photoPreview") is None
    assert "Tidak ada peringatan" in page.review.values["findings"]
    page.review.reject()
    assert _completed(session) == []


def test_an_incomplete_form_opens_no_review(qtbot, page, session, people):
    page.form.load(_resident(people))  # no photo, no signature
    assert not page.form.can_complete()
    page.form.request_save(True)
    qtbot.wait(100)
    assert page.review is None or not page.review.isVisible()
    assert _completed(session) == []


# -------------------------------------------------- the next resident of the RT

def _unlock(qtbot, win) -> None:
    win.unlock.passphrase.setFocus()
    qtbot.keyClicks(win.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)


def test_after_finishing_from_the_list_the_next_target_of_the_rt_opens(qtbot, profile_dir, people):
    win = AppWindow(profile_dir)
    show_window(qtbot, win)
    _unlock(qtbot, win)
    session, main = win.session, win.main
    kel = people.kelurahan(AREA)
    residents = {name: _resident(people, nama=name, rt="003", rw="001") for name in ("ANI", "BUDI", "CITRA")}
    rows = [{"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir, "jenis_kelamin": r.jenis_kelamin.value,
             "alamat": r.alamat, "rt": "003", "rw": "001", "kelurahan_kode": kel.kode, "no_kk": r.no_kk,
             "tempat_lahir": r.tempat_lahir} for r in residents.values()]
    other = _resident(people, nama="AAN", rt="004", rw="001")  # first in the list, but another RT
    rows.append({"nik": other.nik, "nama": other.nama, "rt": "004", "rw": "001", "kelurahan_kode": kel.kode})
    session.targets.upsert_many(rows)

    qtbot.keyClick(main.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    targets = main.targets
    qtbot.waitUntil(lambda: targets.model.rowCount() == 4, timeout=5000)
    row = next(r for r in range(4) if targets.model.nik_at(r) == residents["ANI"].nik)
    targets.table.setFocus()
    targets.table.setCurrentIndex(targets.model.index(row, 0))
    qtbot.keyClick(targets.table, Qt.Key.Key_Return)
    page, form = main.enroll, main.enroll.form
    assert form.nik.text() == residents["ANI"].nik
    # The rest as the resident answers (lists, parents' names), then photo and signature.
    ani = residents["ANI"]
    form.load(form.resident().with_changes(
        kelurahan_kode=ani.kelurahan_kode, kelurahan_nama=ani.kelurahan_nama, kecamatan_kode=ani.kecamatan_kode,
        kecamatan_nama=ani.kecamatan_nama, kabupaten_kode=ani.kabupaten_kode, kabupaten_nama=ani.kabupaten_nama,
        provinsi_kode=ani.provinsi_kode, provinsi_nama=ani.provinsi_nama, agama=ani.agama,
        golongan_darah=ani.golongan_darah, status_perkawinan=ani.status_perkawinan, pekerjaan=ani.pekerjaan,
        pendidikan=ani.pendidikan, hubungan_keluarga=ani.hubungan_keluarga, nama_ayah=ani.nama_ayah,
        nama_ibu=ani.nama_ibu))
    _media(form)
    assert form.can_complete(), [f.code for f in form.findings()]
    _ctrl_enter(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)
    assert "RT 003/RW 001: BUDI" in page.review.done_next.text()
    assert form.nik.text() == residents["BUDI"].nik and form.nama.text() == "BUDI"  # already open behind
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.review.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    focus = QApplication.focusWidget()
    assert focus in form.focus_chain() or focus.parent() in form.focus_chain()
    typed = focus.currentText() if hasattr(focus, "currentText") else focus.text()
    assert focus is not form.nik and typed == ""  # ready to type what the list does not know
    assert "ANI" in page.message.text()
    assert session.targets.get(residents["ANI"].nik).recorded
    assert session.targets.next_open_in_rt(residents["BUDI"].nik).nik == residents["CITRA"].nik
    win.close()


# --------------------------------------------------------------- the receipt

@pytest.fixture
def completed(session, people) -> Recording:
    resident = _resident(people, nama="SITI NUR'AINI", rt="003", rw="001")
    rec = Recording.new(resident, operator="Operator Uji", status=RecordingStatus.COMPLETE)
    session.recordings.save(rec, enqueue=True)
    return session.get_recording(rec.uuid)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _qr_in_pdf(path: Path, tmp_path: Path) -> str:
    """The QR code read off the page rendered at 300 dpi, as a phone or scanner would. OpenCV's classic
    detector misses about 1 code in 30 at 150 dpi (seen in CI with one random UUID); its ArUco-based
    detector is the second reader."""
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    image = cv2.imread(str(tmp_path / "page.png"))
    assert image is not None and image.shape[0] > image.shape[1]  # one A4 portrait page
    return cv2.QRCodeDetector().detectAndDecode(image)[0] or cv2.QRCodeDetectorAruco().detectAndDecode(image)[0]


def test_receipt_pdf_says_who_when_where_and_its_qr_reads_back(session, completed, tmp_path, qapp):
    _tools()
    session.set_setting("receipt_office", "Dinas Kependudukan dan Pencatatan Sipil Kota Solok")
    session.set_setting("receipt_contact", "Kantor Disdukcapil Kota Solok, telp. (0755) 20001")
    receipt = session.receipt(completed.uuid)
    path = tmp_path / "bukti.pdf"
    write_receipt_pdf(receipt, str(path))
    text = _pdf_text(path)
    number = registration_number(completed.uuid)
    for expected in ("BUKTI PEREKAMAN KTP-EL", "SITI NUR'AINI", completed.resident.nik,
                     format_registration_number(number), "Kantor Disdukcapil Kota Solok, telp. (0755) 20001",
                     "Operator Uji, Dinas Kependudukan", "Dinas Kependudukan dan Pencatatan Sipil Kota Solok",
                     completed.resident.kelurahan_nama, "diverifikasi"):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    assert _qr_in_pdf(path, tmp_path) == number


def test_receipt_printed_through_a_printer_is_the_same_page(session, completed, tmp_path, qapp):
    """The print path paints on a QPrinter; a PDF printer shows what paper would get."""
    _tools()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_on_paged_device(printer, session.receipt(completed.uuid))
    text = _pdf_text(tmp_path / "printed.pdf")
    assert completed.resident.nik in text and "SITI NUR'AINI" in text
    assert _qr_in_pdf(tmp_path / "printed.pdf", tmp_path) == registration_number(completed.uuid)


def test_a_draft_or_a_purged_recording_has_no_receipt(session, people):
    draft = Recording.new(_resident(people))
    session.recordings.save(draft, enqueue=False)
    with pytest.raises(CodedError) as refused:
        session.receipt(draft.uuid)
    assert refused.value.code == "receipt.not_complete"
    with pytest.raises(CodedError):
        session.receipt_for_target(draft.resident.nik)
    with pytest.raises(Exception):
        session.receipt("no-such-uuid")


def _accept_save_dialog(qtbot, output, path: Path) -> None:
    qtbot.waitUntil(lambda: output.dialog is not None and output.dialog.isVisible(), timeout=5000)
    dialog = output.dialog
    dialog.setDirectory(str(path.parent))  # as the operator picks a folder and types a name
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(path.name)
    dialog.accept()


def test_beranda_prints_a_completed_recording_again_and_refuses_a_draft(qtbot, session, completed, people,
                                                                        tmp_path):
    assert printer_names() == [], "this test expects no printer (the PDF path)"
    draft = Recording.new(_resident(people, nama="DRAF SAJA"))
    session.recordings.save(draft, enqueue=False)
    home = HomePage(session)
    show_window(qtbot, home)
    home.refresh()
    bar = home.receipt_bar
    rows = {home.model.uuid_at(r): r for r in range(home.model.rowCount())}
    home.table.setCurrentIndex(home.model.index(rows[draft.uuid], 0))
    assert not bar.button.isEnabled()
    qtbot.keyClick(home.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "sudah selesai" in bar.message.text() and bar.output.dialog is None

    home.table.setCurrentIndex(home.model.index(rows[completed.uuid], 0))
    assert bar.button.isEnabled()
    qtbot.keyClick(home.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bar.output.dialog is not None, timeout=5000)
    proposed = bar.output.dialog.selectedFiles()[0]
    assert proposed.endswith(f"bukti-{registration_number(completed.uuid)}.pdf")
    target = tmp_path / "cetak ulang" / "bukti warga.pdf"
    target.parent.mkdir()
    _accept_save_dialog(qtbot, bar.output, target)
    qtbot.waitUntil(target.is_file, timeout=5000)
    assert "Bukti tersimpan" in bar.message.text() and str(target) in bar.message.text()
    assert session.get_setting("receipt_folder") == str(target.parent)  # proposed first next time
    assert list(tmp_path.glob("**/*.pdf")) == [target]  # nothing written anywhere else

    bar.output.save_pdf(str(tmp_path / "no such folder" / "x.pdf"))  # e.g. the USB stick was pulled
    assert bar.message.objectName() == "errorText" and "gagal" in bar.message.text()


def test_daftar_warga_prints_the_receipt_of_a_resident_recorded_here(qtbot, session, completed, tmp_path):
    r = completed.resident
    session.targets.upsert_many([{"nik": r.nik, "nama": r.nama, "rt": r.rt, "rw": r.rw,
                                  "kelurahan_kode": r.kelurahan_kode},
                                 {"nik": "1372010101900001", "nama": "BELUM DIREKAM", "rt": r.rt, "rw": r.rw,
                                  "kelurahan_kode": r.kelurahan_kode}])
    page = TargetsPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.show_filter.setCurrentIndex(page.show_filter.findData(SHOW_ALL))
    page.refresh()
    rows = {page.model.nik_at(i): i for i in range(page.model.rowCount())}
    page.table.setCurrentIndex(page.model.index(rows["1372010101900001"], 0))
    assert not page.receipt_bar.button.isEnabled()
    page.table.setCurrentIndex(page.model.index(rows[r.nik], 0))
    assert page.receipt_bar.button.isEnabled()
    page.receipt_bar.button.click()
    _accept_save_dialog(qtbot, page.receipt_bar.output, tmp_path / "bukti.pdf")
    qtbot.waitUntil((tmp_path / "bukti.pdf").is_file, timeout=5000)
    assert page.receipt_bar.output.receipt.qr_payload == registration_number(completed.uuid)


def test_pengaturan_sets_the_dinas_and_where_to_ask_on_the_receipt(qtbot, session, completed):
    from app.core.receipt import DEFAULT_CONTACT, DEFAULT_OFFICE
    from app.ui.pages.settings import SettingsPage

    assert session.receipt(completed.uuid).office == DEFAULT_OFFICE  # a sensible default before any setting
    page = SettingsPage(session)
    show_window(qtbot, page)
    page.refresh()
    assert page.receipt_office.text() == "" and page.receipt_office.placeholderText() == DEFAULT_OFFICE
    qtbot.keyClicks(page.receipt_office, "  Disdukcapil   Kota Solok ")
    qtbot.keyClicks(page.receipt_contact, "Jl. Lubuk Sikarah 1, telp. (0755) 20001 " + "x" * 500)  # capped
    page.save.click()
    receipt = session.receipt(completed.uuid)
    assert receipt.office == "Disdukcapil Kota Solok"
    assert receipt.where_to_ask.startswith("Jl. Lubuk Sikarah 1") and len(receipt.where_to_ask) <= 200
    page.receipt_contact.clear()
    page.save.click()
    assert session.receipt(completed.uuid).where_to_ask == DEFAULT_CONTACT


def test_long_and_hostile_text_stays_on_one_readable_page(session, people, tmp_path, qapp):
    _tools()
    resident = _resident(people, nama="MUHAMMAD " + "A" * 50, alamat="JL. " + "PANJANG SEKALI " * 8)
    rec = Recording.new(resident, operator="<script>alert(1)</script>", status=RecordingStatus.COMPLETE)
    session.recordings.save(rec, enqueue=True)
    session.set_setting("receipt_contact", "Kantor %1 {nama} <b>Disdukcapil</b> " + "telp. 0755-20001 " * 20)
    path = tmp_path / "bukti.pdf"
    write_receipt_pdf(session.receipt(rec.uuid), str(path))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    text = " ".join(_pdf_text(path).split())
    assert "<script>alert(1)</script>" in text and "Kantor %1 {nama} <b>Disdukcapil</b>" in text
    assert resident.nik in text and "A" * 50 in text.replace(" ", "")  # a word too long for a line wraps
    assert _qr_in_pdf(path, tmp_path) == registration_number(rec.uuid)


def test_a_photo_kept_with_an_exception_shows_both(qtbot, people):
    from app.ui.review_dialog import ReviewDialog

    dialog = ReviewDialog()
    qtbot.addWidget(dialog)
    photo = MediaSlot(FACE.read_bytes(), "image/jpeg", {}, True, "terbaring: kepala miring", "Foto diambil.")
    dialog.show_review(_resident(people), [], [], photo, MediaSlot(), photo.data, None)
    assert dialog.values["photo"] == "Foto diambil.\nPengecualian: terbaring: kepala miring"
    assert dialog.values["signature"] == "-"
    flagged = MediaSlot(None, "image/jpeg", {}, True, "Foto dengan pengecualian: terbaring", "Foto dengan pengecualian: "
                        "terbaring")  # as a stored flagged photo comes back (summary = exception)
    dialog.show_review(_resident(people), [], [], flagged, MediaSlot(), FACE.read_bytes(), None)
    assert dialog.values["photo"] == "Pengecualian: Foto dengan pengecualian: terbaring"
    assert not dialog.findChild(QLabel, "photoPreview").pixmap().isNull()


def test_ctrl_p_waits_for_the_save_and_escape_on_the_done_page_goes_on(qtbot, page, session, people):
    form = page.form
    form.load(_resident(people))
    _media(form)
    _ctrl_enter(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page.receipt_output is None  # nothing saved yet: no receipt to print
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.review.state == "done", timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.review.next_button, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.review.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nik, timeout=5000)
    assert not form.has_content() and len(_completed(session)) == 1
