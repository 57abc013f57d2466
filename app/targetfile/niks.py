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
