"""The schedule's papers from a real profile: invitations (three a sheet, cut lines), the ketua RT's list and
the pick-up list, read back as text (pdftotext: names, dates, counts) and as pixels (pdftoppm: ink on every
sheet, in each third of an invitation sheet)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from app.core.schedules import check_window
from app.store.schedules import Schedules
from app.store.visits import VisitOutcomes
from app.ui.schedule_pdf import write_invitations_pdf, write_pickup_pdf, write_rt_list_pdf
from support.schedule_data import add_rt_targets, rt_keys

MONDAY = dt.date(2026, 12, 7)
OFFICE = "Dinas Kependudukan dan Pencatatan Sipil Kota Palembang"


@pytest.fixture(autouse=True)
def _tools() -> None:
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    assert not missing, f"{missing} missing: install Debian's poppler-utils (.ci/run does)"


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pages(path: Path, tmp_path: Path) -> list[np.ndarray]:
    prefix = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(path), str(prefix)], check=True)
    out = []
    for png in sorted(tmp_path.glob(f"{path.stem}-*.pgm")):
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
        bits = image.constBits()
        out.append(np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine())[:, :image.width()])
    return out


@pytest.fixture
def planned(session):
    store = session.store
    rt = rt_keys(1)[0]
    rows = add_rt_targets(store, [rt], 10)
    VisitOutcomes(store).mark([rows[1]["nik"]], "difabel")
    schedules = Schedules(store)
    schedules.plan(rt, MONDAY, check_window("Balai RW 03", dt.time(8), dt.time(9), 1, 10), today=MONDAY)
    schedules.assign(rt, "urut", today=MONDAY)
    return schedules.invitations(rt), rows


def test_invitations_three_a_sheet_with_names_dates_and_what_to_bring(planned, tmp_path):
    invitations, rows = planned
    path = tmp_path / "undangan.pdf"
    assert write_invitations_pdf(str(path), invitations, office=OFFICE) == 4  # 10 invitations, 3 a sheet
    text = _text(path)
    assert text.count("UNDANGAN PEREKAMAN KTP-EL") == 10
    for row in rows:
        assert row["nama"].upper() in text
    assert text.count("Senin, 7 Desember 2026") == 6 and text.count("Selasa, 8 Desember 2026") == 4
    assert "08.00\u201309.00" in text and "Balai RW 03" in text and "Kartu Keluarga (KK)" in text
    assert "Surat pengantar dari RT/RW" in text
    fetched = sum(1 for i in invitations if i.reasons)
    assert fetched == 2 and text.count("dijemput petugas") == fetched  # one lansia, one difabel
    assert rows[0]["nik"] not in text  # no NIK on a paper that travels
    sheets = _pages(path, tmp_path)
    assert len(sheets) == 4
    first = sheets[0]
    thirds = np.array_split(first, 3, axis=0)
    assert all((third < 128).mean() > 0.01 for third in thirds)  # ink in each invitation
    assert (sheets[-1][sheets[-1].shape[0] // 2:] < 128).mean() < 0.001  # the last sheet: one invitation


def test_rt_list_and_pickup_list(planned, tmp_path):
    invitations, rows = planned
    rt_path, pick_path = tmp_path / "rt.pdf", tmp_path / "jemput.pdf"
    write_rt_list_pdf(str(rt_path), invitations, office=OFFICE)
    write_pickup_pdf(str(pick_path), invitations, office=OFFICE)
    text = _text(rt_path)
    assert "DAFTAR UNDANGAN PEREKAMAN KTP-EL" in text and "RT 001/RW 003" in text
    assert "Senin, 7 Desember 2026, pukul 08.00\u201309.00: 6 warga" in text
    assert "Selasa, 8 Desember 2026, pukul 08.00\u201309.00: 4 warga" in text
    assert "Jumlah: 10 warga" in text
    for row in rows:
        assert row["nama"].upper()[:20] in text
    pick = _text(pick_path)
    assert "DAFTAR PENJEMPUTAN WARGA" in pick and "Jumlah: 2 warga" in pick
    assert "Lansia" in pick and "Difabel" in pick
    assert rows[0]["nama"].upper()[:20] in pick and rows[1]["nama"].upper()[:20] in pick
    assert rows[2]["nama"].upper()[:20] not in pick
    for path in (rt_path, pick_path):
        (page,) = _pages(path, tmp_path)
        assert (page < 128).mean() > 0.005


def test_a_long_list_runs_over_pages_and_an_empty_one_says_so(session, tmp_path):
    store = session.store
    rt = rt_keys(1)[0]
    add_rt_targets(store, [rt], 120)
    schedules = Schedules(store)
    schedules.plan(rt, MONDAY, check_window("Balai RW 03", dt.time(8), dt.time(20), 1, 6), today=MONDAY)
    schedules.assign(rt, "acak", 99, today=MONDAY)
    path = tmp_path / "panjang.pdf"
    write_rt_list_pdf(str(path), schedules.invitations(rt), office=OFFICE)
    assert len(_pages(path, tmp_path)) >= 3
    assert "Jumlah: 120 warga" in _text(path)
    empty = tmp_path / "kosong.pdf"
    write_pickup_pdf(str(empty), [], office=OFFICE, area="RT 009/RW 001")
    assert "tidak ada warga" in _text(empty)
