"""What every target-list reader shares: the file error, progress, problems and the repeated-NIK rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.regions import RegionIndex
from app.targetfile.columns import CLASS_LIST, TARGETS
from app.targetfile.repeats import FirstLines
from app.targetfile.rows import capitalised, repeated_nik_reason

PROGRESS_EVERY_ROWS = 2000
MAX_TITLE_LINES = 20
"""Lines (CSV) or rows (XLSX) searched for the header before giving up."""
DEFAULT_KEEP_PROBLEMS = 10_000


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


class TargetFile:
    """An open target list; iterate it for the good rows (once).

    A NIK repeated inside the file: the first row is kept, each later one is
    a problem naming both lines ("NIK sama dengan baris N (baris N yang disimpan, baris M dilewati)").

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
        kind: ``"targets"`` (the office's list) or ``"class_list"`` (a school's: no address
            columns; rows carry ``kelas`` instead of alamat, RT, RW and kelurahan).
    """

    format = ""

    def __init__(self, path: Path, *, regions: RegionIndex | None, today: dt.date | None,
                 progress: ProgressCallback | None, on_problem: ProblemCallback | None,
                 keep_problems: int, kind: str = TARGETS):
        if kind not in (TARGETS, CLASS_LIST):
            raise ValueError(f"jenis daftar tidak dikenal: {kind}")
        self.kind = kind
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
        self._first_lines = FirstLines()

    def problem(self, line: int, reason: str) -> None:
        reason = capitalised(reason)
        self.problem_count += 1
        if len(self.problems) < self.keep_problems:
            self.problems.append((line, reason))
        if self.on_problem is not None:
            self.on_problem(line, reason)

    def first_of_its_nik(self, row: dict[str, str], line: int, sheet: int = 0, prefix: str = "") -> bool:
        """True for the first row of a NIK; a later one is reported as a problem."""
        earlier = self._first_lines.first(row["nik"], self._line_key(line, sheet))
        if earlier is None:
            return True
        self.problem(line, prefix + self._repeated(earlier, sheet, line))
        return False

    def _line_key(self, line: int, sheet: int) -> int:
        """Where a row is, as one number under 2**32."""
        return min(line, 0xFFFFFFFF)

    def _repeated(self, first_key: int, sheet: int, line: int) -> str:
        """The reason for row `line` whose NIK was first seen at `first_key` (a `_line_key`)."""
        return repeated_nik_reason(first_key, line)

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
