"""Progress and problem output of the import commands: the in-place bar, the bad-row lines, the report file."""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TextIO

from app.cli.common import atomic_output, number, size


class ProgressBar:
    """A one-line text bar on a stream, redrawn in place (carriage return).

    Draws at most every `interval` seconds; `clear()` wipes it so other
    lines can be printed, `finish()` wipes it for good.
    """

    def __init__(self, stream: TextIO, *, enabled: bool, width: int = 28, interval: float = 0.1):
        self.stream = stream
        self.enabled = enabled
        self.width = width
        self.interval = interval
        self._last = 0.0
        self._shown = 0

    def update(self, state) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        complete = bool(state.total) and state.done >= state.total
        if now - self._last < self.interval and not complete:
            return
        self._last = now
        self._draw(self.render(state))

    def render(self, state) -> str:
        rows = f"{number(state.rows)} baris"
        fraction = state.fraction
        if fraction is None:
            return f"{rows} dibaca"
        filled = int(round(fraction * self.width))
        bar = "#" * filled + "-" * (self.width - filled)
        if state.unit == "byte":
            amount = f"{size(state.done)}/{size(state.total)}"
        else:
            amount = f"{number(state.done)}/{number(state.total)} baris lembar"
        return f"[{bar}] {fraction * 100:3.0f}%  {rows}  {amount}"

    def _draw(self, text: str) -> None:
        pad = max(0, self._shown - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0
            self._last = 0.0

    def finish(self) -> None:
        self.clear()


def progress_enabled(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return args.progress
    return bool(sys.stderr and sys.stderr.isatty())


class ProblemPrinter:
    """Prints the first bad rows on stderr and writes every one to an optional report."""

    def __init__(self, bar: ProgressBar | None, limit: int, report: IO[str] | None):
        self.bar = bar
        self.limit = limit
        self.shown = 0
        self.count = 0
        self.writer = csv.writer(report) if report is not None else None
        if self.writer is not None:
            self.writer.writerow(["baris", "alasan"])

    def __call__(self, line: int, reason: str) -> None:
        self.count += 1
        if self.writer is not None:
            self.writer.writerow([line, reason])
        if self.shown < self.limit:
            self.shown += 1
            if self.bar is not None:
                self.bar.clear()
            print(f"baris {line}: {reason}", file=sys.stderr)

    def tail(self) -> None:
        hidden = self.count - self.shown
        if hidden > 0:
            hint = "" if self.writer is not None else " (pakai --errors-file untuk daftar lengkap)"
            print(f"... dan {number(hidden)} baris tidak valid lainnya{hint}", file=sys.stderr)


@contextlib.contextmanager
def report_file(name: str | None) -> Iterator[IO[str] | None]:
    if not name:
        yield None
        return
    with atomic_output(Path(name).expanduser()) as fh:
        yield fh
