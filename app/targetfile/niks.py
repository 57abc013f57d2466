"""A plain list of NIKs (a text or CSV file, the NIK in the first field of each line): a prison's roll,
a company's staff list, a trip's plan. NIKs may be written with spaces, hyphens or dots
(`app.core.nik.normalize_nik_input`); lines without one (a header, an empty line) are counted."""

from __future__ import annotations

import csv
import os


class NikListError(ValueError):
    """The file is not UTF-8 text (the message is the operator's, in Indonesian)."""


def read_niks(path: str | os.PathLike) -> tuple[list[str], int]:
    """(NIKs in file order, lines without one)."""
    from app.core.nik import normalize_nik_input

    niks: list[str] = []
    skipped = 0
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            sample = fh.read(4096)
            fh.seek(0)
            delimiter = ";" if sample.count(";") > sample.count(",") else ","
            for row in csv.reader(fh, delimiter=delimiter):
                nik = normalize_nik_input(row[0]) if row else ""
                if len(nik) == 16 and nik.isascii() and nik.isdigit():
                    niks.append(nik)
                else:
                    skipped += 1
    except UnicodeDecodeError:
        raise NikListError("berkas bukan teks UTF-8; simpan sebagai 'CSV UTF-8'") from None
    return niks, skipped


MAX_BATCH_FILE_BYTES = 20 * 1024 * 1024


def nik_cells(path: str | os.PathLike, *, max_bytes: int = MAX_BATCH_FILE_BYTES) -> list[tuple[int, str]]:
    """(line number, first cell) of every line of a TXT/CSV or XLSX list of NIKs (a card batch);
    `app.core.card_delivery.parse_batch` reads the NIKs. Raises `CodedError` for a file too big or unreadable."""
    from app.core.messages import CodedError

    size = os.path.getsize(path)
    if size > max_bytes:
        raise CodedError("delivery.batch_file_too_big", {"limit": max_bytes // (1024 * 1024)})
    with open(path, "rb") as fh:
        magic = fh.read(4)
    try:
        if magic == b"PK\x03\x04":
            return _xlsx_cells(path)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            sample = fh.read(4096)
            fh.seek(0)
            delimiter = ";" if sample.count(";") > sample.count(",") else ","
            return [(n, row[0] if row else "") for n, row in enumerate(csv.reader(fh, delimiter=delimiter), 1)]
    except (UnicodeDecodeError, csv.Error):
        raise CodedError("delivery.batch_unreadable") from None


def _xlsx_cells(path: str | os.PathLike) -> list[tuple[int, str]]:
    import openpyxl

    from app.core.messages import CodedError

    try:
        with open(path, "rb") as fh:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
            try:
                ws = wb.worksheets[0]
                out = []
                for n, row in enumerate(ws.iter_rows(max_col=1, values_only=True), 1):
                    value = row[0] if row else None
                    if isinstance(value, float) and value.is_integer():
                        value = int(value)  # a NIK typed as a number (Excel keeps 15 digits only: refused later)
                    out.append((n, "" if value is None else str(value)))
                return out
            finally:
                wb.close()
    except Exception:  # zipfile, XML parser and openpyxl's own errors
        raise CodedError("delivery.batch_unreadable") from None
