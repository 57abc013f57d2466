"""CSV target lists: UTF-8 (BOM or not), delimiter from the header line, streamed line by line.

Read from the binary file, so memory stays flat at any size and progress is in
bytes. A physical line over `MAX_LINE_BYTES` is skipped and reported without
being held in memory. Title lines above the header are skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
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
        fast = None if self.kind == CLASS_LIST else FastRows(checker, self._positions).compile()
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
            good = None if fast is None else fast(row)
            if good is None:
                cells = {name: (row[index] if index < len(row) else "") for name, index in positions}
                good, reasons = checker.check(cells)
                if good is None:
                    self.problem(first, join_reasons(reasons))
                    continue
                good = CheckedRow(good)
            if not self.first_of_its_nik(good, first):
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
