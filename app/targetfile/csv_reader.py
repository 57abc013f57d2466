"""CSV target lists: UTF-8 (BOM or not), delimiter from the header line, streamed line by line.

Read from the binary file, so memory stays flat at any size and progress is in
bytes. A physical line over `MAX_LINE_BYTES` is skipped and reported without
being held in memory. Title lines above the header are skipped. Rows are read
`BATCH_ROWS` at a time: a batch of clean one-line rows is checked a column at a
time (`FastRows.compile_batch`) and its NIKs looked up together
(`FirstLines.first_many`); any other batch goes row by row, with the same result.
"""

from __future__ import annotations

import csv
import itertools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.targetfile.columns import CLASS_LIST, header_error, map_header, missing_columns
from app.targetfile.reader import (
    MAX_TITLE_LINES,
    PROGRESS_EVERY_ROWS,
    ImportFileError,
    ReadProgress,
    TargetFile,
)
from app.core.checked_row import CheckedRow
from app.targetfile.fast_rows import FastRows
from app.targetfile.rows import RowChecker, join_reasons

BATCH_ROWS = 512
"""Rows read and checked together (the fast checks go a column at a time)."""
_NIK_OF = operator.itemgetter("nik")
MAX_LINE_BYTES = 64 * 1024
"""A CSV line longer than this (a real row is under 1 KB) is skipped unread."""
_DELIMITERS = (",", ";", "\t", "|")


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


class CsvTargetFile(TargetFile):
    """A CSV target list, read line by line from the binary file."""

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
            if not missing_columns(positions, self.kind):
                found = (text, delimiter, positions, dup)
                break
            looked += 1
            if looked >= MAX_TITLE_LINES:
                break
        if first is None:
            raise ImportFileError("berkas kosong: tidak ada baris judul")
        if found is None:
            raise ImportFileError(header_error(missing_columns(first[1], self.kind), self.kind))
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
        checker = RowChecker(self.regions, self.today, class_list=self.kind == CLASS_LIST)
        fast_rows = None if self.kind == CLASS_LIST else FastRows(checker, self._positions)
        reader = csv.reader(self._text_lines(self._raws), delimiter=self.delimiter)
        check = _Checks(checker, None if fast_rows is None else fast_rows.compile_batch(),
                        list(self._positions.items()))
        self._last_line = self.header_line
        while True:
            rows, ends, errors, more = self._read_batch(reader)
            if rows:
                yield from self._batch(rows, ends, errors, check)
            if not more:
                return

    def _read_batch(self, reader) -> tuple[list[list[str] | None], list[int], dict[int, str], bool]:
        """Up to `BATCH_ROWS` parsed rows (None where the CSV is broken), the line each ends on,
        the broken ones' reasons by index, and whether the file goes on."""
        rows: list[list[str] | None] = []
        ends: list[int] = []
        errors: dict[int, str] = {}
        while len(rows) < BATCH_ROWS:
            try:
                rows.append(next(reader))
            except StopIteration:
                return rows, ends, errors, False
            except csv.Error as exc:
                errors[len(rows)] = _csv_error_reason(exc)
                rows.append(None)
            ends.append(self.line_no)
        return rows, ends, errors, True

    def _batch(self, rows: list[list[str] | None], ends: list[int], errors: dict[int, str],
               check: "_Checks") -> Iterator[dict[str, str]]:
        """The good rows of one batch. The common case (one line a row, nothing flagged, every row
        passing the fast checks) goes whole; any other batch goes row by row, with the same result."""
        first = self._last_line + 1
        fast = None if errors or check.batch is None else check.batch(rows)
        if (fast is not None and ends[-1] - self._last_line == len(rows) and not self._flagged
                and None not in fast and max(map(len, rows)) <= self._width):
            self._last_line = ends[-1]
            self._count_read(len(rows))
            lines = range(first, first + len(rows))
            earlier = self._first_lines.first_many(list(map(_NIK_OF, fast)),
                                                   list(map(self._line_key, lines, itertools.repeat(0))))
            if earlier.count(None) == len(fast):
                self.good_rows += len(fast)
                yield from fast
                return
            for good, line, seen in zip(fast, lines, earlier):
                if seen is None:
                    self.good_rows += 1
                    yield good
                else:
                    self.problem(line, self._repeated(seen, 0, line))
            return
        for i, row in enumerate(rows):
            good = self._one(row, errors.get(i), ends[i], None if fast is None else fast[i], check)
            if good is not None:
                yield good

    def _count_read(self, rows: int) -> None:
        before = self.rows_read
        self.rows_read += rows
        if self.rows_read // PROGRESS_EVERY_ROWS > before // PROGRESS_EVERY_ROWS:
            self._report()

    def _one(self, row: list[str] | None, error: str | None, last_line: int, fast: CheckedRow | None,
             check: "_Checks") -> dict[str, str] | None:
        """One row ending on `last_line` checked alone: the good row, or None (blank, refused, repeated)."""
        first, self._last_line = self._last_line + 1, last_line
        flagged = self._flagged
        if flagged:
            hits = [flagged.pop(n) for n in sorted(flagged) if n <= last_line]
            if hits:
                error = hits[0]
        if row is not None and error is None and not any(cell.strip() for cell in row):
            return None  # blank line
        self._count_read(1)
        if error is not None:
            if last_line > first:
                error += f" (baris {first}-{last_line})"
            self.problem(first, error)
            return None
        width = self._width
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            self.problem(first, f"baris berisi {len(row)} kolom, baris judul {width} kolom")
            return None
        good = fast
        if good is None:
            cells = {name: (row[index] if index < len(row) else "") for name, index in check.positions}
            good, reasons = check.checker.check(cells)
            if good is None:
                self.problem(first, join_reasons(reasons))
                return None
            good = CheckedRow(good)
        if not self.first_of_its_nik(good, first):
            return None
        self.good_rows += 1
        return good


@dataclass(frozen=True)
class _Checks:
    """What checks a file's rows: the full check, the fast batch check (None for a class list), the columns."""

    checker: RowChecker
    batch: Callable[[list[list[str]]], list[CheckedRow | None]] | None
    positions: list[tuple[str, int]]


def _csv_error_reason(exc: csv.Error) -> str:
    text = str(exc).lower()
    if "nul" in text:
        return "baris berisi karakter NUL (data biner)"
    if "field limit" in text:
        return "kolom terlalu panjang (tanda kutip \" tidak ditutup?)"
    return "baris CSV rusak (periksa tanda kutip \")"
