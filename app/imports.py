"""Read a target list (wajib KTP belum rekam) from CSV or XLSX, row by row, checked with `app.core`.

`open_targets(path)` reads the header at once (so a wrong file fails before
anything is written) and returns a `TargetFile`; iterating it streams the good
rows as dicts with the keys `app.store.targets.TargetRepo.upsert_many` takes.
Bad rows are skipped and reported as ``(line_number, reason)``; a reason is in
Bahasa Indonesia and never quotes the NIK, the name or the birth date.

Formats:
- CSV: UTF-8 with or without BOM; comma, semicolon, tab or ``|`` (taken from
  the header line). Read line by line from the binary file, so memory stays flat
  at any size and progress is in bytes. A physical line over `MAX_LINE_BYTES`
  is skipped and reported without being held in memory.
- XLSX: openpyxl in read-only (streaming) mode, every worksheet whose first row
  is a header with the required columns (Excel holds at most 1,048,576 rows a
  sheet, so a city-sized list comes split). Progress is in rows. Excel's own
  date cells and date serial numbers are accepted. A NIK or KK number in a
  number cell is refused: Excel keeps 15 significant digits, so the 16th may
  already be lost (the column must be formatted as Text).

Columns (header names are case-insensitive; spaces, dots and slashes count as
``_``; common Indonesian aliases such as ``NAMA LENGKAP``, ``TGL LAHIR``, ``JK``,
``L/P`` are accepted): required nik, nama, tanggal_lahir, jenis_kelamin,
alamat, rt, rw, kelurahan_kode; optional no_kk, tempat_lahir, status_ktp.

Row checks: NIK structure (`check_nik` errors; its warnings are fine for a
target list), name (`check_name`), birth date real, not before 1900 and not
after today (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, YYYY/MM/DD or an
Excel date; day before month as Indonesia writes it), jenis kelamin (L/P,
LK/PR, Laki-laki/Perempuan), kelurahan code well-formed (dotted or 10 digits)
and, with a `RegionIndex`, known; RT/RW 1-3 digits (padded to 3) or empty;
alamat at most 120 characters; no_kk (`check_kk` errors) and tempat_lahir
when given; status_ktp one of the SIAK values (default BELUM REKAM).
A NIK repeated inside one file is not flagged: the later row wins (upsert).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.findings import Severity
from app.core.kk import check_kk
from app.core.names import check_name, normalize_name
from app.core.nik import check_nik
from app.core.regions import RegionIndex, RegionLevel, level_of, to_dotted
from app.core.validation import MAX_ALAMAT_LENGTH
from app.core.values import JenisKelamin, StatusKtpEl

REQUIRED_COLUMNS = (
    "nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
)
OPTIONAL_COLUMNS = ("no_kk", "tempat_lahir", "status_ktp")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan"),
    "nama": ("nama", "nama_lengkap", "nama_penduduk", "nama_warga"),
    "tanggal_lahir": (
        "tanggal_lahir", "tgl_lahir", "tgl_lhr", "tanggal_lhr", "tgllahir", "tanggallahir",
    ),
    "jenis_kelamin": (
        "jenis_kelamin", "jk", "kelamin", "l_p", "lp", "jns_kelamin", "jenkel", "sex",
    ),
    "alamat": ("alamat", "alamat_lengkap", "alamat_rumah", "jalan"),
    "rt": ("rt", "no_rt", "nomor_rt"),
    "rw": ("rw", "no_rw", "nomor_rw"),
    "kelurahan_kode": (
        "kelurahan_kode", "kode_kelurahan", "kode_kel", "kd_kel", "kel_kode", "kode_desa",
        "desa_kode", "kode_kelurahan_desa", "kode_kel_desa", "kode_wilayah",
    ),
    "no_kk": ("no_kk", "nomor_kk", "nkk", "kk", "no_kartu_keluarga", "nomor_kartu_keluarga"),
    "tempat_lahir": ("tempat_lahir", "tmp_lahir", "tmpt_lahir", "tempat_lhr"),
    "status_ktp": (
        "status_ktp", "status_ktp_el", "status_ektp", "status_e_ktp", "status_rekam",
        "status_perekaman",
    ),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases}

MAX_LINE_BYTES = 64 * 1024
"""A CSV line longer than this (a real row is under 1 KB) is skipped unread."""
MIN_BIRTH_YEAR = 1900
PROGRESS_EVERY_ROWS = 2000
MAX_TITLE_LINES = 20
"""Lines (CSV) or rows (XLSX) searched for the header before giving up."""
DEFAULT_KEEP_PROBLEMS = 10_000
_DELIMITERS = (",", ";", "\t", "|")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing, wrong format, no header...).

    ``str(error)`` is the operator's message in Bahasa Indonesia, without
    personal data.
    """


@dataclass(frozen=True)
class ReadProgress:
    """How far the reader is.

    Attributes:
        rows: data rows read so far (good and bad).
        done: bytes read (CSV) or sheet rows read (XLSX).
        total: file size in bytes (CSV) or the rows the sheets declare (XLSX); None if unknown.
        unit: ``"byte"`` or ``"baris"``.
    """

    rows: int
    done: int
    total: int | None
    unit: str

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


ProgressCallback = Callable[[ReadProgress], None]
ProblemCallback = Callable[[int, str], None]


# -- header -------------------------------------------------------------------

def header_key(text: object) -> str:
    """'TGL. LAHIR' -> 'tgl_lahir', 'L/P' -> 'l_p', 'Nama Lengkap' -> 'nama_lengkap'."""
    value = "" if text is None else str(text)
    value = unicodedata.normalize("NFKC", value).strip().lstrip("\ufeff").lower()
    return re.sub(r"[^0-9a-z]+", "_", value).strip("_")


def map_header(cells: list[object]) -> tuple[dict[str, int], list[str]]:
    """Column positions of the known fields, and problems (duplicate columns).

    Unknown columns are ignored.
    """
    positions: dict[str, int] = {}
    problems: list[str] = []
    for index, cell in enumerate(cells):
        name = _ALIAS_TO_FIELD.get(header_key(cell))
        if name is None:
            continue
        if name in positions:
            problems.append(f"kolom {name} muncul lebih dari sekali (kolom {positions[name] + 1} dan {index + 1})")
            continue
        positions[name] = index
    return positions, problems


def _missing_columns(positions: dict[str, int]) -> list[str]:
    return [name for name in REQUIRED_COLUMNS if name not in positions]


def _header_error(missing: list[str]) -> str:
    return (
        f"kolom wajib tidak ada di baris judul: {', '.join(missing)} "
        f"(kolom yang dibutuhkan: {', '.join(REQUIRED_COLUMNS)})"
    )


# -- values -------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")


class _DateError(ValueError):
    pass


def parse_birth_date(value: object, *, epoch: dt.datetime | None = None) -> dt.date:
    """A birth date from a cell; `_DateError` (a ValueError) with the reason otherwise.

    Text: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, YYYY/MM/DD (a time
    part such as ``00:00:00`` is ignored). XLSX: date cells and, with `epoch`,
    date serial numbers.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if epoch is None:
            raise _DateError("tanggal lahir tidak dikenali")
        from openpyxl.utils.datetime import from_excel

        try:
            moment = from_excel(value, epoch=epoch)
        except (ValueError, OverflowError, TypeError):
            raise _DateError("tanggal lahir (angka tanggal Excel) tidak valid") from None
        if not isinstance(moment, dt.datetime):
            raise _DateError("tanggal lahir (angka tanggal Excel) tidak valid")
        return moment.date()
    text = "" if value is None else str(value).strip()
    if not text:
        raise _DateError("tanggal lahir wajib diisi")
    if len(text) == 10 and text.isascii():  # fast paths: YYYY-MM-DD and DD-MM-YYYY
        try:
            if text[4] == "-" and text[7] == "-":
                return dt.date.fromisoformat(text)
            sep = text[2]
            if sep in "-/." and text[5] == sep and text[:2].isdigit() and text[3:5].isdigit() \
                    and text[6:].isdigit():
                return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
        except ValueError:
            pass  # not a real date, or another layout: the full parse below says which
    if len(text) > 10:
        tail = _TIME_TAIL.fullmatch(text[10:]) if len(text) > 10 else None
        if tail is not None:
            text = text[:10]
    match = _ISO.fullmatch(text)
    if match is not None:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _DMY.fullmatch(text)
        if match is None:
            raise _DateError(
                "tanggal lahir tidak dikenali (pakai YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)"
            )
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _DateError("tanggal lahir bukan tanggal yang ada di kalender") from None


def _text(value: object) -> str:
    """A cell as stripped text; integral floats lose their '.0' (Excel numbers)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value).strip()


def _number_text(value: object, label: str) -> str:
    """A NIK/KK cell as text; an Excel number is refused.

    Excel keeps 15 significant digits, so a 16-digit number typed into a
    number cell has already lost its last digit, and nothing in the file
    shows it. Only text cells are trusted.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(
            f"{label} tersimpan sebagai angka di Excel (hanya 15 digit yang disimpan, digit "
            "terakhir bisa berubah); format kolom sebagai Teks lalu isi ulang"
        )
    return _text(value)


def _pad_rt_rw(text: str, label: str) -> str:
    if not text:
        return ""
    if len(text) <= 3 and text.isascii() and text.isdigit() and int(text) > 0:
        return text.zfill(3)
    raise ValueError(f"{label} harus 1-3 angka dan bukan 0 (mis. 001)")


def _finding_errors(findings) -> list[str]:
    return [f.message.rstrip(".") for f in findings if f.severity is Severity.ERROR]


_STATUS_BY_KEY = {re.sub(r"[^A-Z]", "", s.value): s.value for s in StatusKtpEl}


def _status_ktp(text: str) -> str:
    if not text:
        return StatusKtpEl.BELUM_REKAM.value
    value = _STATUS_BY_KEY.get(re.sub(r"[^A-Z]", "", text.upper()))
    if value is None:
        raise ValueError(
            "status KTP-el tidak dikenal (pakai BELUM REKAM, SUDAH REKAM, PRINT READY RECORD, "
            "CARD PRINTED atau BELUM WAJIB)"
        )
    return value


class RowChecker:
    """Turns one row's cells into a target dict, or a list of reasons.

    Args:
        regions: master data; None checks kelurahan codes by shape only.
        today: the latest allowed birth date (default: the system date).
        epoch: the XLSX workbook's date epoch (for date serial numbers).
    """

    def __init__(self, regions: RegionIndex | None = None, today: dt.date | None = None,
                 epoch: dt.datetime | None = None):
        self.regions = regions if regions is not None and len(regions) > 0 else None
        self.today = today or dt.date.today()
        self.epoch = epoch
        # Kelurahan codes, RT/RW and status values repeat across a city: remember each answer.
        self._kelurahan_cache: dict[str, tuple[str | None, str | None]] = {}
        self._small_cache: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def check(self, cells: dict[str, object]) -> tuple[dict[str, str] | None, list[str]]:
        reasons: list[str] = []
        out: dict[str, str] = {}

        try:
            nik = _number_text(cells.get("nik"), "NIK")
            reasons += _finding_errors(check_nik(nik))
        except ValueError as exc:
            reasons.append(str(exc))
            nik = ""
        out["nik"] = nik

        name_errors = _finding_errors(check_name(cells.get("nama"), "nama"))
        reasons += name_errors
        if not name_errors:
            out["nama"] = normalize_name(cells.get("nama"))

        try:
            born = parse_birth_date(cells.get("tanggal_lahir"), epoch=self.epoch)
            if born.year < MIN_BIRTH_YEAR:
                reasons.append(f"tanggal lahir sebelum tahun {MIN_BIRTH_YEAR}")
            elif born > self.today:
                reasons.append("tanggal lahir di masa depan")
            out["tanggal_lahir"] = born.isoformat()
        except ValueError as exc:
            reasons.append(str(exc))

        sex = _text(cells.get("jenis_kelamin"))
        if not sex:
            reasons.append("jenis kelamin wajib diisi")
        else:
            try:
                out["jenis_kelamin"] = JenisKelamin.parse(sex).value
            except ValueError:
                reasons.append("jenis kelamin tidak dikenal (pakai L/P, LK/PR atau Laki-laki/Perempuan)")

        alamat = " ".join(_text(cells.get("alamat")).split()).upper()
        if len(alamat) > MAX_ALAMAT_LENGTH:
            reasons.append(f"alamat lebih dari {MAX_ALAMAT_LENGTH} karakter")
        out["alamat"] = alamat

        for key, label in (("rt", "RT"), ("rw", "RW")):
            value, reason = self._small(key, _text(cells.get(key)), label)
            if reason is None:
                out[key] = value
            else:
                reasons.append(reason)

        dotted, reason = self._kelurahan(_text(cells.get("kelurahan_kode")))
        if reason is None:
            out["kelurahan_kode"] = dotted
        else:
            reasons.append(reason)

        if "no_kk" in cells:
            try:
                kk = _number_text(cells.get("no_kk"), "Nomor KK")
                if kk:
                    reasons += _finding_errors(check_kk(kk))
                out["no_kk"] = kk
            except ValueError as exc:
                reasons.append(str(exc))
        if "tempat_lahir" in cells:
            place_errors = _finding_errors(
                check_name(cells.get("tempat_lahir"), "tempat_lahir", required=False)
            )
            reasons += place_errors
            if not place_errors:
                out["tempat_lahir"] = normalize_name(cells.get("tempat_lahir"))
        value, reason = self._small("status_ktp", _text(cells.get("status_ktp")), "")
        if reason is None:
            out["status_ktp"] = value
        else:
            reasons.append(reason)

        if reasons:
            return None, reasons
        return out, []

    _CACHE_LIMIT = 200_000

    def _small(self, key: str, text: str, label: str) -> tuple[str | None, str | None]:
        """RT/RW padded or status_ktp normalised, as (value, None) or (None, reason)."""
        cached = self._small_cache.get((key, text))
        if cached is not None:
            return cached
        try:
            result = (_status_ktp(text) if key == "status_ktp" else _pad_rt_rw(text, label)), None
        except ValueError as exc:
            result = None, str(exc)
        if len(text) <= 40 and len(self._small_cache) < self._CACHE_LIMIT:
            self._small_cache[(key, text)] = result
        return result

    def _kelurahan(self, code: str) -> tuple[str | None, str | None]:
        """The dotted code, or a reason, for a kelurahan cell."""
        cached = self._kelurahan_cache.get(code)
        if cached is not None:
            return cached
        if not code:
            result: tuple[str | None, str | None] = (None, "kode kelurahan wajib diisi")
        elif level_of(code) is not RegionLevel.KELURAHAN:
            result = (None, "kode kelurahan tidak valid (pakai 10 angka, mis. 13.72.01.1001 atau 1372011001)")
        else:
            dotted = to_dotted(code)
            if self.regions is not None and not self.regions.is_valid(dotted, RegionLevel.KELURAHAN):
                result = (None, f"kode kelurahan {dotted} tidak ada dalam data master wilayah")
            else:
                result = (dotted, None)
        if len(code) <= 20 and len(self._kelurahan_cache) < self._CACHE_LIMIT:
            self._kelurahan_cache[code] = result
        return result


def _capitalised(reason: str) -> str:
    return reason[:1].upper() + reason[1:]


def join_reasons(reasons: list[str]) -> str:
    return "; ".join(_capitalised(r) for r in reasons)


# -- files --------------------------------------------------------------------

class TargetFile:
    """An open target list; iterate it for the good rows (once).

    Attributes:
        path: the file.
        format: ``"csv"`` or ``"xlsx"``.
        delimiter: the CSV delimiter found (None for XLSX).
        columns: the known columns found, in file order.
        rows_read: data rows read so far (blank rows not counted).
        good_rows: rows yielded.
        problem_count: bad rows so far.
        problems: the first `keep_problems` of them as ``(line_number, reason)``.
        notes: remarks about the file as a whole (e.g. sheets skipped), in Indonesian.
    """

    format = ""

    def __init__(self, path: Path, *, regions: RegionIndex | None, today: dt.date | None,
                 progress: ProgressCallback | None, on_problem: ProblemCallback | None,
                 keep_problems: int):
        self.path = path
        self.regions = regions
        self.today = today
        self.progress = progress
        self.on_problem = on_problem
        self.keep_problems = keep_problems
        self.delimiter: str | None = None
        self.columns: list[str] = []
        self.rows_read = 0
        self.good_rows = 0
        self.problem_count = 0
        self.problems: list[tuple[int, str]] = []
        self.notes: list[str] = []
        self._started = False

    def problem(self, line: int, reason: str) -> None:
        reason = _capitalised(reason)
        self.problem_count += 1
        if len(self.problems) < self.keep_problems:
            self.problems.append((line, reason))
        if self.on_problem is not None:
            self.on_problem(line, reason)

    def __iter__(self) -> Iterator[dict[str, str]]:
        if self._started:
            raise RuntimeError("TargetFile hanya dapat dibaca sekali")
        self._started = True
        try:
            yield from self._rows()
        finally:
            self._report()
            self.close()

    def _rows(self) -> Iterator[dict[str, str]]:  # pragma: no cover - interface
        raise NotImplementedError

    def _progress_state(self) -> ReadProgress:  # pragma: no cover - interface
        raise NotImplementedError

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self._progress_state())

    def close(self) -> None:
        pass

    def __enter__(self) -> "TargetFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _best_delimiter(text: str) -> tuple[str, dict[str, int], list[str]]:
    """The delimiter that makes the most known columns of a header line (ties: the most used)."""
    best: tuple[int, int, str, dict[str, int], list[str]] | None = None
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([text], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        positions, dup = map_header(cells)
        score = (len(positions), text.count(delimiter))
        if best is None or score > best[:2]:
            best = (*score, delimiter, positions, dup)
    assert best is not None
    return best[2], best[3], best[4]


class _CsvTargetFile(TargetFile):
    format = "csv"

    def __init__(self, path: Path, fh, size: int, **kwargs: Any):
        super().__init__(path, **kwargs)
        self._fh = fh
        self.size = size
        self.bytes_read = 0
        self.line_no = 0  # physical lines handed to the csv reader
        self._flagged: dict[int, str] = {}
        self._read_header()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    def _progress_state(self) -> ReadProgress:
        return ReadProgress(self.rows_read, self.bytes_read, self.size, "byte")

    def _raw_lines(self) -> Iterator[bytes]:
        fh = self._fh
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            self.bytes_read += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while True:  # skip the rest of the physical line without keeping it
                    more = fh.readline(MAX_LINE_BYTES)
                    self.bytes_read += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                self.line_no += 1
                self._flagged[self.line_no] = (
                    f"baris terlalu panjang (lebih dari {MAX_LINE_BYTES // 1024} KB), dilewati"
                )
                yield b"\n"
                continue
            self.line_no += 1
            yield raw

    def _text_lines(self, raws: Iterator[bytes]) -> Iterator[str]:
        for raw in raws:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self._flagged.setdefault(
                    self.line_no, "teks bukan UTF-8 (simpan berkas sebagai 'CSV UTF-8')"
                )
                yield raw.decode("utf-8", "replace")

    def _read_header(self) -> None:
        head = self._fh.peek(4096)[:4096] if hasattr(self._fh, "peek") else b""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportFileError(
                "berkas CSV berformat UTF-16; simpan ulang sebagai 'CSV UTF-8'"
            )
        if b"\x00" in head:
            raise ImportFileError("berkas bukan teks CSV (berisi data biner)")
        raws = self._raw_lines()
        # The header is the first line naming the required columns; title lines
        # above it (common in exports: "DAFTAR WAJIB KTP ...") are skipped.
        first: tuple[str, dict[str, int], list[str]] | None = None
        found: tuple[str, str, dict[str, int], list[str]] | None = None
        looked = 0
        for raw in raws:
            if self.line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if self._flagged.pop(self.line_no, None) is not None:
                raise ImportFileError(f"baris {self.line_no} terlalu panjang untuk baris judul")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise ImportFileError(
                    "baris judul bukan teks UTF-8; simpan berkas sebagai 'CSV UTF-8'"
                ) from None
            if not text.strip(" \t\r\n,;|\"'"):
                continue  # blank, or only delimiters (an empty spreadsheet row)
            delimiter, positions, dup = _best_delimiter(text)
            if first is None:
                first = (delimiter, positions, dup)
            if not _missing_columns(positions):
                found = (text, delimiter, positions, dup)
                break
            looked += 1
            if looked >= MAX_TITLE_LINES:
                break
        if first is None:
            raise ImportFileError("berkas kosong: tidak ada baris judul")
        if found is None:
            raise ImportFileError(_header_error(_missing_columns(first[1])))
        header_text, delimiter, positions, dup = found
        if looked:
            self.notes.append(f"{looked} baris di atas baris judul dilewati")
        self.header_line = self.line_no
        if dup:
            raise ImportFileError("baris judul: " + "; ".join(dup))
        self.delimiter = delimiter
        self._positions = positions
        self.columns = sorted(positions, key=positions.get)
        self._width = len(next(csv.reader([header_text], delimiter=delimiter)))
        self._raws = raws

    def _rows(self) -> Iterator[dict[str, str]]:
        checker = RowChecker(self.regions, self.today)
        reader = csv.reader(self._text_lines(self._raws), delimiter=self.delimiter)
        positions = list(self._positions.items())
        width = self._width
        flagged = self._flagged
        last_line = self.header_line
        every = PROGRESS_EVERY_ROWS
        while True:
            try:
                row = next(reader)
                error = None
            except StopIteration:
                break
            except csv.Error as exc:
                row, error = None, _csv_error_reason(exc)
            first, last_line = last_line + 1, self.line_no
            if flagged:
                hits = [flagged.pop(n) for n in sorted(flagged) if n <= last_line]
                if hits:
                    error = hits[0]
            if row is not None and error is None and not any(cell.strip() for cell in row):
                continue  # blank line
            self.rows_read += 1
            if self.rows_read % every == 0:
                self._report()
            if error is not None:
                if last_line > first:
                    error += f" (baris {first}-{last_line})"
                self.problem(first, error)
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                self.problem(first, f"baris berisi {len(row)} kolom, baris judul {width} kolom")
                continue
            cells = {name: (row[index] if index < len(row) else "") for name, index in positions}
            good, reasons = checker.check(cells)
            if good is None:
                self.problem(first, join_reasons(reasons))
                continue
            self.good_rows += 1
            yield good


def _csv_error_reason(exc: csv.Error) -> str:
    text = str(exc).lower()
    if "nul" in text:
        return "baris berisi karakter NUL (data biner)"
    if "field limit" in text:
        return "kolom terlalu panjang (tanda kutip \" tidak ditutup?)"
    return "baris CSV rusak (periksa tanda kutip \")"


class _XlsxTargetFile(TargetFile):
    format = "xlsx"

    def __init__(self, path: Path, **kwargs: Any):
        super().__init__(path, **kwargs)
        self.rows_done = 0
        self.total_rows: int | None = None
        self._sheets: list[tuple[Any, dict[str, int], int]] = []
        self._wb = None
        self._fh = None
        self._open()

    def close(self) -> None:
        try:
            if self._wb is not None:
                self._wb.close()
        finally:
            self._wb = None
            if self._fh is not None:
                self._fh.close()

    def _progress_state(self) -> ReadProgress:
        return ReadProgress(self.rows_read, self.rows_done, self.total_rows, "baris")

    def _open(self) -> None:
        import openpyxl

        # A file object, not a path: openpyxl refuses names not ending in .xlsx.
        self._fh = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._wb = openpyxl.load_workbook(self._fh, read_only=True, data_only=True)
        except MemoryError:
            self.close()
            raise
        except Exception:  # zipfile, XML parser and openpyxl's own errors
            self.close()
            raise ImportFileError("berkas XLSX rusak atau bukan berkas Excel (.xlsx)") from None
        total = 0
        missing_report: list[str] = []
        try:
            for ws in self._wb.worksheets:
                declared = getattr(ws, "max_row", None)
                if hasattr(ws, "reset_dimensions"):
                    ws.reset_dimensions()  # declared dimensions may be wrong: read every row
                header, header_row, skipped = self._find_header(ws)
                if header is None:
                    self.notes.append(f"lembar '{ws.title}' kosong, dilewati")
                    continue
                positions, dup = map_header(list(header))
                missing = _missing_columns(positions)
                if missing or dup:
                    missing_report.append(
                        f"lembar '{ws.title}': " + (_header_error(missing) if missing else "; ".join(dup))
                    )
                    continue
                if skipped:
                    self.notes.append(f"lembar '{ws.title}': {skipped} baris di atas baris judul dilewati")
                self._sheets.append((ws, positions, header_row))
                if declared:
                    total += declared
        except ImportFileError:
            raise
        except Exception:
            self.close()
            raise ImportFileError("berkas XLSX rusak atau tidak dapat dibaca") from None
        if not self._sheets:
            self.close()
            if not missing_report:
                raise ImportFileError("berkas XLSX tidak berisi data")
            if len(missing_report) == 1:
                raise ImportFileError(missing_report[0])
            raise ImportFileError(
                "tidak ada lembar dengan baris judul yang sesuai: " + " | ".join(missing_report)
            )
        self.notes += [f"{m}; lembar dilewati" for m in missing_report]
        self.total_rows = total or None
        first_positions = self._sheets[0][1]
        self.columns = sorted(first_positions, key=first_positions.get)

    @staticmethod
    def _find_header(ws) -> tuple[tuple | None, int, int]:
        """(header cells, its row number, non-empty rows above it) of a sheet.

        The header is the first row naming every required column among the
        first `MAX_TITLE_LINES` non-empty rows; failing that, the first
        non-empty row (so the error names what it lacks); (None, 0, 0) if empty.
        """
        first: tuple[tuple, int] | None = None
        seen = 0
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if not (row and any(_text(v) for v in row)):
                continue
            if first is None:
                first = (row, number)
            if not _missing_columns(map_header(list(row))[0]):
                return row, number, seen
            seen += 1
            if seen >= MAX_TITLE_LINES:
                break
        return (first[0], first[1], 0) if first is not None else (None, 0, 0)

    def _rows(self) -> Iterator[dict[str, str]]:
        checker = RowChecker(self.regions, self.today, epoch=self._wb.epoch)
        every = PROGRESS_EVERY_ROWS
        for sheet_index, (ws, positions, header_row) in enumerate(self._sheets):
            prefix = "" if sheet_index == 0 else f"lembar '{ws.title}': "
            items = list(positions.items())
            rows = ws.iter_rows(min_row=header_row + 1, values_only=True)
            number = header_row
            while True:
                try:
                    row = next(rows)
                except StopIteration:
                    break
                except Exception:
                    raise ImportFileError(
                        f"{prefix}berkas XLSX rusak di sekitar baris {number + 1}"
                    ) from None
                number += 1
                self.rows_done += 1
                if not row or not any(v is not None and _text(v) for v in row):
                    continue
                self.rows_read += 1
                if self.rows_read % every == 0:
                    self._report()
                cells = {name: (row[index] if index < len(row) else None) for name, index in items}
                good, reasons = checker.check(cells)
                if good is None:
                    self.problem(number, prefix + join_reasons(reasons))
                    continue
                self.good_rows += 1
                yield good


def open_targets(
    path: str | os.PathLike,
    *,
    regions: RegionIndex | None = None,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
    keep_problems: int = DEFAULT_KEEP_PROBLEMS,
) -> TargetFile:
    """Open a target list and read its header; iterate the result for good rows.

    The format comes from the content (an XLSX is a zip file) and the file name.
    Raises `ImportFileError` for a file that cannot be a target list, and the
    usual `OSError`s (FileNotFoundError, PermissionError, IsADirectoryError).
    """
    path = Path(path)
    kwargs = dict(regions=regions, today=today, progress=progress, on_problem=on_problem,
                  keep_problems=keep_problems)
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
            return _XlsxTargetFile(path, **kwargs)
        if size == 0:
            raise ImportFileError("berkas kosong")
        buffered = fh if isinstance(fh, io.BufferedReader) else io.BufferedReader(fh)
        return _CsvTargetFile(path, buffered, size, **kwargs)
    except BaseException:
        fh.close()
        raise


def read_targets(path: str | os.PathLike, **kwargs: Any) -> tuple[list[dict[str, str]], list[tuple[int, str]]]:
    """All good rows and all problems of a (small) file, for tests and tools."""
    with open_targets(path, keep_problems=10**9, **kwargs) as target_file:
        rows = list(target_file)
    return rows, target_file.problems
