"""Reading target lists (wajib KTP belum rekam) from CSV or XLSX, row by row, checked with `app.core`.

Used by the laptop (`jemput import-targets`) and the server (`jemput-server
import-targets`) alike. Qt-free and SQL-free: it reads and checks, the caller
stores.

`open_targets(path)` reads the header at once (so a wrong file fails before
anything is written) and returns a `TargetFile`; iterating it streams the good
rows as dicts with the keys of `COLUMNS` (``tanggal_lahir`` as YYYY-MM-DD;
``no_kk`` and ``tempat_lahir`` only when the file has those columns). Bad rows
are skipped and reported as ``(line_number, reason)``; a NIK repeated inside
one file keeps its first row and reports the later ones.

Columns (header names are case-insensitive; spaces, dots and slashes count as
``_``, which may also be left out; SIAK's names such as ``NAMA_LGKP``,
``JENIS_KLMIN``, ``TMPT_LHR`` and common aliases such as ``NAMA LENGKAP``, ``JK``,
``L/P`` are accepted; without a kelurahan code column, SIAK's ``NO_PROP``,
``NO_KAB``, ``NO_KEC`` and ``NO_KEL`` make it): see `app.targetfile.columns`. Row checks: see
`app.targetfile.rows`; a CSV row whose cells are already clean takes the fast path of
`app.targetfile.fast_rows` (the same result, a few dict look-ups). School mode: ``kind="class_list"`` reads a school's class
list with the same reader (NIK, nama, tanggal_lahir, jenis_kelamin required;
kelas, no_kk, tempat_lahir optional; no address). Formats: `app.targetfile.csv_reader`, `app.targetfile.xlsx_reader`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

from app.core.regions import RegionIndex
from app.targetfile.cells import DateError, parse_birth_date
from app.targetfile.columns import (
    CLASS_LIST,
    CLASS_LIST_REQUIRED,
    TARGETS,
    COLUMN_ALIASES,
    COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    header_key,
    map_header,
)
from app.targetfile.csv_reader import MAX_LINE_BYTES, CsvTargetFile
from app.targetfile.reader import (
    DEFAULT_KEEP_PROBLEMS,
    ImportFileError,
    ProblemCallback,
    ProgressCallback,
    ReadProgress,
    TargetFile,
)
from app.targetfile.rows import RowChecker, join_reasons
from app.targetfile.xlsx_reader import XlsxTargetFile

__all__ = [
    "CLASS_LIST", "CLASS_LIST_REQUIRED", "TARGETS", "COLUMNS", "COLUMN_ALIASES", "DateError", "ImportFileError", "MAX_LINE_BYTES", "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS", "ReadProgress", "RowChecker", "TargetFile", "header_key", "join_reasons",
    "map_header", "open_targets", "parse_birth_date", "read_targets",
]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def open_targets(
    path: str | os.PathLike,
    *,
    regions: RegionIndex | None = None,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
    keep_problems: int = DEFAULT_KEEP_PROBLEMS,
    kind: str = TARGETS,
) -> TargetFile:
    """Open a target list and read its header; iterate the result for good rows.

    The format comes from the content (an XLSX is a zip file) and the file name.
    Raises `ImportFileError` for a file that cannot be a target list, and the
    usual `OSError`s (FileNotFoundError, PermissionError, IsADirectoryError).
    """
    path = Path(path)
    kwargs = dict(regions=regions, today=today, progress=progress, on_problem=on_problem,
                  keep_problems=keep_problems, kind=kind)
    if path.is_dir():
        raise IsADirectoryError(path)
    fh = open(path, "rb")  # noqa: SIM115 - handed to the reader, closed by it
    try:
        magic = fh.read(8)
        fh.seek(0)
        size = os.fstat(fh.fileno()).st_size
        suffix = path.suffix.lower()
        if magic.startswith(_OLE_MAGIC) or (suffix == ".xls" and not magic.startswith(_ZIP_MAGIC)):
            raise ImportFileError(
                "format Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau CSV UTF-8"
            )
        if magic.startswith(_ZIP_MAGIC) or suffix in (".xlsx", ".xlsm"):
            if size == 0:
                raise ImportFileError("berkas kosong")
            fh.close()
            return XlsxTargetFile(path, **kwargs)
        if size == 0:
            raise ImportFileError("berkas kosong")
        buffered = fh if isinstance(fh, io.BufferedReader) else io.BufferedReader(fh)
        return CsvTargetFile(path, buffered, size, **kwargs)
    except BaseException:
        fh.close()
        raise


def read_targets(path: str | os.PathLike, **kwargs: Any) -> tuple[list[dict[str, str]], list[tuple[int, str]]]:
    """All good rows and all problems of a (small) file, for tests and tools."""
    with open_targets(path, keep_problems=10**9, **kwargs) as target_file:
        rows = list(target_file)
    return rows, target_file.problems
