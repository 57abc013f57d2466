"""XLSX target lists: openpyxl in read-only (streaming) mode, every worksheet with a header.

Excel holds at most 1,048,576 rows a sheet, so a city-sized list comes split:
every sheet whose first rows hold a header with the required columns is read.
Progress is in rows. Excel's own date cells and date serial numbers are
accepted. A NIK or KK number in a number cell is refused: Excel keeps 15
significant digits, so the 16th may already be lost (the column must be
formatted as Text).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.targetfile.cells import cell_text
from app.targetfile.columns import CLASS_LIST, header_error, map_header, missing_columns
from app.targetfile.reader import (
    MAX_TITLE_LINES,
    PROGRESS_EVERY_ROWS,
    ImportFileError,
    ReadProgress,
    TargetFile,
)
from app.targetfile.rows import RowChecker, join_reasons, repeated_nik_reason

_LINE_BITS = 21


class XlsxTargetFile(TargetFile):
    """An XLSX target list: every sheet with a header, streamed by openpyxl (read-only)."""

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

    def _line_key(self, line: int, sheet: int) -> int:
        return sheet << _LINE_BITS | line  # a sheet has at most 1,048,576 rows (< 2**21)

    def _repeated(self, first_key: int, sheet: int, line: int) -> str:
        first_sheet, first_line = first_key >> _LINE_BITS, first_key & ((1 << _LINE_BITS) - 1)
        where = "" if first_sheet == sheet else f" di lembar '{self._sheets[first_sheet][0].title}'"
        return repeated_nik_reason(first_line, line, where)

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
                missing = missing_columns(positions, self.kind)
                if missing or dup:
                    missing_report.append(
                        f"lembar '{ws.title}': " + (header_error(missing, self.kind) if missing else "; ".join(dup))
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

    def _find_header(self, ws) -> tuple[tuple | None, int, int]:
        """(header cells, its row number, non-empty rows above it) of a sheet.

        The header is the first row naming every required column among the
        first `MAX_TITLE_LINES` non-empty rows; failing that, the first
        non-empty row (so the error names what it lacks); (None, 0, 0) if empty.
        """
        first: tuple[tuple, int] | None = None
        seen = 0
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if not (row and any(cell_text(v) for v in row)):
                continue
            if first is None:
                first = (row, number)
            if not missing_columns(map_header(list(row))[0], self.kind):
                return row, number, seen
            seen += 1
            if seen >= MAX_TITLE_LINES:
                break
        return (first[0], first[1], 0) if first is not None else (None, 0, 0)

    def _rows(self) -> Iterator[dict[str, str]]:
        checker = RowChecker(self.regions, self.today, epoch=self._wb.epoch, class_list=self.kind == CLASS_LIST)
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
                if not row or not any(v is not None and cell_text(v) for v in row):
                    continue
                self.rows_read += 1
                if self.rows_read % every == 0:
                    self._report()
                cells = {name: (row[index] if index < len(row) else None) for name, index in items}
                good, reasons = checker.check(cells)
                if good is None:
                    self.problem(number, prefix + join_reasons(reasons))
                    continue
                if not self.first_of_its_nik(good, number, sheet_index, prefix):
                    continue
                self.good_rows += 1
                yield good
