"""Storing a target list read by `app.targetfile`: the one import path of `jemput import-targets` and the window.

Qt-free. `attach_regions` gives the reader the profile's master data;
`store_targets` stores the good rows in ONE transaction, so an interruption
(Ctrl+C in the terminal, Batal in the window) leaves nothing of that import;
`import_targets` does both for a path; `RefusedReport` writes the refused lines
(line number and reason; they may hold NIKs) to an owner-only file beside the
list.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.fsio import fsync_dir, open_private
from app.store.database import Store
from app.store.regions_store import load_region_index
from app.store.targets import TargetRepo
from app.targetfile import TargetFile, open_targets
from app.targetfile.reader import ProblemCallback, ProgressCallback

REPORT_SUFFIX = ".laporan-impor.txt"


class ImportCancelled(Exception):
    """The operator cancelled the import; its transaction was rolled back (nothing of it is stored)."""


class _Rollback(Exception):
    """Leave the import transaction without writing (dry run, strict refusal)."""


@dataclass
class TargetImportResult:
    """What one import did.

    Attributes:
        inserted, updated: targets new to the list and targets already known.
        bad: lines refused (by the checks or by the store).
        rows_read: data rows in the file.
        written: False for a dry run, a strict refusal or a cancel (nothing stored).
        cancelled: the operator cancelled (`import_targets` only): nothing of the import is stored.
        store_problems: rows the checks passed but the store refused, as (ordinal of good row, reason).
        notes: remarks about the file as a whole, in Indonesian.
        report: the refused-lines report written beside the file, if any.
    """

    inserted: int = 0
    updated: int = 0
    bad: int = 0
    rows_read: int = 0
    written: bool = False
    cancelled: bool = False
    store_problems: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    report: Path | None = None


def attach_regions(store: Store, target_file: TargetFile) -> bool:
    """Check kelurahan codes against the profile's master data; False when it is empty (form only)."""
    regions = load_region_index(store)
    if len(regions) == 0:
        return False
    target_file.regions = regions
    return True


def _watched(rows: Iterable[dict], cancelled: Callable[[], bool] | None) -> Iterator[dict]:
    if cancelled is None:
        yield from rows
        return
    for row in rows:
        if cancelled():
            raise ImportCancelled()
        yield row


def store_targets(store: Store, target_file: TargetFile, *, source: str, dry_run: bool = False,
                  strict: bool = False, cancelled: Callable[[], bool] | None = None) -> TargetImportResult:
    """Store the good rows of `target_file` in one transaction (see the module docstring).

    A dry run, or `strict` with any refused line, rolls back (``written`` False).
    `cancelled()` is asked before each row; when it says True, `ImportCancelled`
    is raised after the rollback.
    """
    result = TargetImportResult()
    try:
        with store.transaction():
            result.inserted, result.updated = TargetRepo(store).upsert_many(
                _watched(target_file, cancelled), source=source, errors=result.store_problems,
                read_ahead_thread=cancelled is None,  # the terminal's import; the window's keeps its GUI smooth
            )
            result.bad = target_file.problem_count + len(result.store_problems)
            if dry_run or (strict and result.bad):
                raise _Rollback()
        result.written = True
    except _Rollback:
        pass
    result.rows_read = target_file.rows_read
    result.notes = list(target_file.notes)
    return result


def import_targets(store: Store, path: str | os.PathLike, *, progress: ProgressCallback | None = None,
                   cancelled: Callable[[], bool] | None = None, report: bool = True) -> TargetImportResult:
    """Read, check and store the target list at `path` (the window's import).

    Raises `app.targetfile.ImportFileError` (or an `OSError`) for a file that is
    not a target list, before anything is written. Cancelled, it returns a result
    with ``cancelled`` set (and no report). With `report`, refused lines go to
    `report_path(path)` (0600).
    """
    path = Path(path)
    with contextlib.ExitStack() as stack:
        refused = stack.enter_context(RefusedReport(path)) if report else None
        target_file = stack.enter_context(open_targets(path, progress=progress, on_problem=refused))
        attach_regions(store, target_file)
        try:
            result = store_targets(store, target_file, source=path.name, cancelled=cancelled)
        except ImportCancelled:
            return TargetImportResult(rows_read=target_file.rows_read, cancelled=True)
        if refused is not None:
            for ordinal, reason in result.store_problems:
                refused.add_store_problem(ordinal, reason)
            result.report = refused.keep()
    return result


def report_path(path: Path) -> Path:
    """Where the refused lines of the list at `path` are written: beside it."""
    return path.with_name(path.name + REPORT_SUFFIX)


class RefusedReport:
    """The refused lines of one import, streamed to a temporary owner-only file.

    Call it as the reader's problem callback; `keep()` renames it to
    `report_path(path)` when any line was refused (else removes it) and returns
    the path. Leaving the ``with`` block without `keep()` removes it.
    """

    def __init__(self, path: Path):
        self.path = report_path(path)
        self.count = 0
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._fh = None

    def __enter__(self) -> "RefusedReport":
        return self

    def _write(self, text: str) -> None:
        if self._fh is None:
            self._fh = os.fdopen(open_private(self._tmp), "w", encoding="utf-8", newline="\n")
            stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
            self._fh.write(f"Baris yang ditolak saat impor {self.path.name[:-len(REPORT_SUFFIX)]} ({stamp})\n")
        self._fh.write(text + "\n")

    def __call__(self, line: int, reason: str) -> None:
        self.count += 1
        self._write(f"baris {line}: {reason}")

    def add_store_problem(self, ordinal: int, reason: str) -> None:
        self.count += 1
        self._write(f"baris data sah ke-{ordinal} ditolak penyimpanan: {reason}")

    def keep(self) -> Path | None:
        if self._fh is None:
            return None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self._tmp, self.path)
        fsync_dir(self.path.parent)
        return self.path

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            with contextlib.suppress(OSError):
                self._tmp.unlink()


__all__ = ["ImportCancelled", "ProblemCallback", "RefusedReport", "TargetImportResult", "attach_regions",
           "import_targets", "report_path", "store_targets"]
