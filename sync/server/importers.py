"""Reading the target list (wajib KTP belum rekam) from CSV or XLSX.

Columns (header row, any order, case-insensitive): ``nik, nama, tanggal_lahir,
jenis_kelamin, alamat, rt, rw, kelurahan_kode`` — the format the desktop app
imports. Bad rows are reported as ``(line number, reason)`` and skipped; the
reasons never repeat the NIK or the name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from app.core.findings import Severity
from app.core.names import check_name, normalize_name
from app.core.nik import check_nik
from app.core.regions import RegionIndex, RegionLevel, level_of, to_digits, to_dotted
from app.core.values import JenisKelamin

COLUMNS = ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode")
REQUIRED = ("nik", "nama", "kelurahan_kode")


class TargetFileError(ValueError):
    """The file cannot be read at all (missing columns, unknown format)."""


@dataclass
class TargetRows:
    """The good rows of a target file and the problems of the others."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_targets(path: Path, regions: RegionIndex | None = None) -> TargetRows:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        numbered = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        numbered = _csv_rows(path)
    else:
        raise TargetFileError("format berkas tidak dikenal: gunakan .csv atau .xlsx")
    out = TargetRows()
    seen: dict[str, int] = {}
    header = next(numbered, None)
    if header is None:
        raise TargetFileError("berkas kosong")
    names = [str(h or "").strip().lstrip("\ufeff").lower() for h in header[1]]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise TargetFileError(f"kolom tidak ada: {', '.join(missing)} (baris judul harus memuat {','.join(COLUMNS)})")
    index = {c: names.index(c) for c in COLUMNS}
    for line, cells in numbered:
        if all(c in (None, "") or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        values = {c: (cells[i] if i < len(cells) else None) for c, i in index.items()}
        row, problem = clean_target(values, regions)
        if problem is None and row["nik"] in seen:
            problem = f"NIK sama dengan baris {seen[row['nik']]}"
        if problem is not None:
            out.problems.append((line, problem))
            continue
        seen[row["nik"]] = line
        out.rows.append(row)
    return out


def clean_target(values: dict[str, Any], regions: RegionIndex | None) -> tuple[dict[str, Any], str | None]:
    """One row checked and normalised; (row, None) or ({}, reason)."""
    nik = values["nik"]
    if isinstance(nik, (int, float)) and not isinstance(nik, bool):
        # Excel keeps 15 significant digits: a 16-digit NIK typed as a number
        # may already have lost its last digit, and nothing shows which.
        return {}, "NIK tersimpan sebagai angka (Excel hanya menyimpan 15 digit); jadikan kolom NIK teks"
    nik = _text(nik)
    errors = [f for f in check_nik(nik) if f.severity is Severity.ERROR]
    if errors:
        return {}, errors[0].message
    nama = normalize_name(_text(values["nama"]))
    errors = [f for f in check_name(nama) if f.severity is Severity.ERROR]
    if errors:
        return {}, errors[0].message
    try:
        tanggal = _date(values["tanggal_lahir"])
    except ValueError:
        return {}, "tanggal_lahir tidak valid (gunakan YYYY-MM-DD atau DD-MM-YYYY)"
    jk_text = _text(values["jenis_kelamin"])
    try:
        jk = JenisKelamin.parse(jk_text).value if jk_text else None
    except ValueError:
        return {}, "jenis_kelamin tidak dikenal (L/P)"
    rt, rw = _text(values["rt"]), _text(values["rw"])
    for label, value in (("RT", rt), ("RW", rw)):
        if value and not (value.isascii() and value.isdigit() and len(value) <= 3):
            return {}, f"{label} harus 1-3 angka"
    kode = _text(values["kelurahan_kode"])
    if level_of(kode) is not RegionLevel.KELURAHAN:
        return {}, "kelurahan_kode bukan kode kelurahan/desa (contoh 13.72.01.1001)"
    if regions is not None and regions.get(kode) is None:
        return {}, "kelurahan_kode tidak ada dalam data wilayah"
    return {
        "nik": nik,
        "nama": nama,
        "tanggal_lahir": tanggal,
        "jenis_kelamin": jk,
        "alamat": " ".join(_text(values["alamat"]).upper().split())[:500],
        "rt": rt.zfill(3) if rt else "",
        "rw": rw.zfill(3) if rw else "",
        "kelurahan_kode": to_dotted(kode),
        "kelurahan_digits": to_digits(kode),
    }, None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("tanggal")


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        yield reader.line_num, row


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()
