"""The day-end report: one day of the profile per operator (visit outcomes counted, recordings listed with
their exceptions, drafts and other days left out but a returned one shown), a team page first, written as a
PDF through Qt's QPdfWriter and read back as text (pdftotext) and pixels (pdftoppm: the signature lines are
drawn)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from faker import Faker
from PySide6.QtGui import QImage

from app.core.day_report import masked_nik
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.lifecycle import RecordingStatus
from app.core.outcomes import Outcome
from app.store import approvals
from app.store.day_report import read_day_report
from app.store.recordings import RecordingRepo
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from store_support import make_media, make_recording

UTC = dt.timezone.utc
DAY = dt.datetime.now(dt.timezone.utc).date()  # visit outcomes are dated now


def _at(hour: int, day: dt.date = DAY) -> str:
    return dt.datetime.combine(day, dt.time(hour), UTC).isoformat(timespec="milliseconds")


@pytest.fixture
def day_store(store):
    fake = Faker("id_ID")
    fake.seed_instance(1212)
    repo = RecordingRepo(store)
    def rec(operator: str, hour: int, day: dt.date = DAY, status=RecordingStatus.COMPLETE, **kw):
        return make_recording(fake, status, **kw).with_changes(operator=operator, created_at=_at(hour, day))

    made = {
        "ani1": rec("Ani", 9),
        "ani2": rec("Ani", 10, photo_flag=PhotoFlag.make("terbaring", failed_checks=["photo.eyes_closed"]).to_dict(),
                    signature_flag=SignatureFlag.make("cap_jempol").to_dict()),
        "budi": rec("Budi", 11),
        "returned": rec("Budi", 11),
        "draft": rec("Budi", 12, status=RecordingStatus.DRAFT),
        "other_day": rec("Ani", 9, DAY - dt.timedelta(days=1)),
    }
    for rec in made.values():
        repo.save(rec, make_media(2_000, 500), enqueue=False)
    approvals.return_recording(store, made["returned"].uuid, "foto", "gelap", actor="Siti")  # a draft again
    targets = [make_recording(fake).resident for _ in range(3)]
    TargetRepo(store).upsert_many([{"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir,
                                    "kelurahan_kode": "", "rt": "", "rw": ""} for r in targets])
    visits = VisitOutcomes(store)
    for resident, operator, outcome in zip(targets, ("Ani", "Ani", "Budi"),
                                           (Outcome.TIDAK_DI_RUMAH, Outcome.MENOLAK, Outcome.TIDAK_DI_RUMAH)):
        visits.record(resident.nik, outcome, today=DAY, operator=operator)
    return store, made


def test_the_day_is_read_per_operator(day_store):
    store, made = day_store
    report = read_day_report(store, DAY, team="Tim Uji", tz=UTC)
    assert [d.operator for d in report.operators] == ["Ani", "Budi"]
    ani, budi = report.operators
    assert [r.nama for r in ani.recordings] == [made["ani1"].resident.nama, made["ani2"].resident.nama]
    # no draft but the returned one, no other day
    assert [r.nama for r in budi.recordings] == [made["budi"].resident.nama, made["returned"].resident.nama]
    assert [r.status for r in budi.recordings] == ["Menunggu persetujuan", "Dikembalikan supervisor"]
    assert report.team_statuses() == {"Menunggu persetujuan": 3, "Dikembalikan supervisor": 1}
    assert report.team_outcomes()["Tidak di rumah"] == 2
    assert ani.recordings[1].nik == masked_nik(made["ani2"].resident.nik) and "*" * 12 in ani.recordings[1].nik
    assert ani.exception_count == 1 and any("Terbaring" in e for e in ani.recordings[1].exceptions)
    assert ani.outcomes["Tidak di rumah"] == 1 and ani.outcomes["Menolak"] == 1
    assert budi.outcomes["Tidak di rumah"] == 1 and budi.outcomes["Menolak"] == 0


def test_the_pdf_reads_back_as_text_and_pixels(qapp, day_store, tmp_path):
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    assert not missing, f"{missing} missing: install Debian's poppler-utils (.ci/run does)"
    from app.ui.day_report_pdf import write_day_report_pdf

    store, made = day_store
    report = read_day_report(store, DAY, team="Tim Uji", tz=UTC)
    path = tmp_path / "laporan.pdf"
    write_day_report_pdf(report, str(path))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == 3  # the team's page, then one page per operator
    team, ani, budi = pages
    assert "Ringkasan tim (2 operator)" in team and "Tim: Tim Uji" in team
    assert "Menunggu persetujuan" in team and "Dikembalikan supervisor" in team
    assert made["ani1"].resident.nama not in team  # names only on the operators' pages
    assert f"Laporan Akhir Hari {DAY:%d-%m-%Y}" in ani and "Operator: Ani" in ani
    assert made["ani2"].resident.nama in ani and made["budi"].resident.nama in budi
    assert made["ani2"].resident.nik not in text and made["ani2"].resident.nik[-4:] in ani
    assert made["draft"].resident.nama not in text and made["other_day"].resident.nama not in text
    assert "Terbaring" in ani and "Cap jempol" in ani
    for page in pages:
        assert "Tanda tangan supervisor" in page
        assert "TIDAK terenkripsi" in page and "petugas Disdukcapil yang berwenang" in " ".join(page.split())
    assert "Tanda tangan operator" in ani and "Tanda tangan operator" in budi
    assert "Rekaman hari ini: 2; dengan pengecualian: 1" in ani

    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "2", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    assert image.width() == 827  # A4 at 100 dpi
    dark_rows = [y for y in range(image.height())
                 if sum(1 for x in range(0, image.width(), 4) if image.pixelColor(x, y).lightness() < 100) > 60]
    assert dark_rows, "no long horizontal line drawn (the rules and signature lines)"
    assert max(dark_rows) > image.height() * 0.25  # the signature lines below the table


def test_finger_and_eye_exceptions_are_listed_for_the_supervisor(store):
    from app.core.biometric_set import BiometricExceptionReason as Reason
    from support.biometrics import biometric_recording

    fake = Faker("id_ID")
    fake.seed_instance(1313)
    content, media = biometric_recording({"Right Thumb": Reason.AMPUTASI, "Left": Reason.TIDAK_DAPAT_MEMBUKA_MATA})
    rec = make_recording(fake, RecordingStatus.COMPLETE).with_changes(operator="Ani", created_at=_at(9),
                                                                       biometrics=content)
    RecordingRepo(store).save(rec, media, enqueue=False)
    (ani,) = read_day_report(store, DAY).operators
    (line,) = ani.recordings
    assert set(line.exceptions) == {"Jempol kanan: Amputasi", "Mata kiri: Tidak dapat membuka mata"}
    assert ani.exception_count == 1
