"""`jemput import-regions`, `import-targets` and `export-targets`: master data and target lists.

Imports run in one transaction each; `export-targets` writes the stored target
list back out (CSV with the columns `import-targets` reads, or JSON) for checking:
like `export`, to a 0600 file only, for a supervisor, warned and audited (`app.cli.exporting`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from app.cli.common import (
    EXIT_OK,
    atomic_output,
    EXIT_USAGE,
    CliError,
    existing_file,
    number,
    open_store,
    profile_dir,
    say,
    warn,
)
from app.cli.exporting import audit_export, begin_export, export_path
from app.cli.progress import ProblemPrinter, ProgressBar, progress_enabled, report_file


def cmd_import_regions(args: argparse.Namespace) -> int:
    from app.core.regions import RegionImportError, RegionIndex
    from app.store.regions_store import replace_regions

    path = existing_file(args.file)
    problems: list[tuple[int, str]] = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            index = RegionIndex.from_csv(fh, errors=problems)
    except UnicodeDecodeError:
        raise CliError("berkas wilayah bukan teks UTF-8; simpan sebagai 'CSV UTF-8'") from None
    except RegionImportError as exc:  # the header itself is wrong
        line, reason = exc.problems[0]
        raise CliError(f"baris {line}: {reason}") from None
    for line, reason in problems[: args.max_errors]:
        print(f"baris {line}: {reason}", file=sys.stderr)
    if len(problems) > args.max_errors:
        print(f"... dan {number(len(problems) - args.max_errors)} baris tidak valid lainnya", file=sys.stderr)
    if len(index) == 0:
        raise CliError("tidak ada baris wilayah yang sah; data master tidak diubah")
    if problems and args.strict:
        raise CliError(f"{number(len(problems))} baris tidak valid; dengan --strict data master tidak diubah")
    with open_store(profile_dir(args)) as store:
        count = replace_regions(store, index)
    levels = index.counts_by_level()
    detail = ", ".join(f"{number(n)} {level.label.lower()}" for level, n in levels.items())
    say(f"Data master wilayah diganti: {number(count)} wilayah ({detail}); "
         f"{number(len(problems))} baris tidak valid dilewati.")
    return EXIT_OK


def cmd_import_targets(args: argparse.Namespace) -> int:
    from app.target_import import attach_regions, store_targets
    from app.targetfile import open_targets

    path = existing_file(args.file)
    if args.max_errors < 0:
        raise CliError("--max-errors tidak boleh negatif", EXIT_USAGE)
    bar = ProgressBar(sys.stderr, enabled=progress_enabled(args))
    with report_file(args.errors_file) as report:
        printer = ProblemPrinter(bar, args.max_errors, report)
        # The header is checked before the (slow) unlock: a wrong file fails at once.
        with open_targets(path, progress=bar.update, on_problem=printer) as target_file:
            for note in target_file.notes:
                warn(note)
            with open_store(profile_dir(args)) as store:
                if not attach_regions(store, target_file):
                    warn("data master wilayah kosong: kode kelurahan hanya diperiksa bentuknya "
                          "(impor dulu dengan 'jemput import-regions')")
                try:  # the one import path, shared with the window (app.target_import)
                    result = store_targets(store, target_file, source=path.name,
                                           dry_run=args.dry_run, strict=args.strict)
                finally:
                    bar.finish()
        printer.tail()
    for ordinal, reason in result.store_problems:  # rows the checks passed but the store refused
        warn(f"baris data sah ke-{ordinal} ditolak penyimpanan: {reason}")
    bad = result.bad
    summary = (f"{number(result.inserted)} baru, {number(result.updated)} diperbarui, "
               f"{number(bad)} baris tidak valid dilewati (dari {number(result.rows_read)} baris data)")
    if args.strict and bad:
        raise CliError(f"{number(bad)} baris tidak valid; dengan --strict tidak ada yang disimpan")
    if not result.written:
        say(f"Uji coba, tidak ada yang disimpan: {summary}.")
    else:
        say(f"Impor selesai: {summary}.")
    if result.rows_read == 0:
        warn("berkas tidak berisi baris data (hanya baris judul)")
    return EXIT_OK


def cmd_export_targets(args: argparse.Namespace) -> int:
    """The stored target list as CSV or JSON to a 0600 file (never stdout): supervisor only, warned and
    audited (the count; only the count is printed)."""
    from app.store.targets import TargetRepo
    from app.targetfile import COLUMNS

    output = export_path(args.output, args.format, prefix="jemput-target")
    count = 0
    with open_store(profile_dir(args)) as store:
        begin_export(store)
        with atomic_output(output) as fh:
            writer = csv.writer(fh) if args.format == "csv" else None
            if writer is not None:
                writer.writerow(COLUMNS)
            else:
                fh.write("[")
            for target in TargetRepo(store).each():
                row = _exported(target, COLUMNS)
                if writer is not None:
                    writer.writerow(row.values())
                else:
                    fh.write(("\n" if count == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
                count += 1
            if writer is None:
                fh.write("\n]\n" if count else "]\n")
        audit_export(store, "export.targets_written", {"count": count, "format": args.format})
    print(f"{number(count)} target diekspor ke {output} (mode 0600, tidak terenkripsi).", file=sys.stderr)
    return EXIT_OK


def _exported(target, columns: tuple[str, ...]) -> dict[str, str]:
    """One stored target as the columns of a target file (dates as YYYY-MM-DD, None as '')."""
    out = {}
    for name in columns:
        value = getattr(target, name)
        out[name] = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return out
