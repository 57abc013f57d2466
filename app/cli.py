"""`jemput <command>`: the headless commands; with no command, the window opens.

Commands: ``init``, ``change-passphrase``, ``import-regions``, ``import-targets``,
``list``, ``export``, ``purge``, ``demo``, ``doctor`` (``sync`` lives with the sync client,
``backup`` and ``restore`` in `app.cli_backup`). ``--data DIR``
(before or after the command) is the profile folder; default ``$JEMPUT_HOME``,
else the per-user data folder (``~/.local/share/jemput``). ``demo`` builds its
profile in ``DIR/demo``, the folder the window's "demo" button opens. The
passphrase comes from ``$JEMPUT_PASSPHRASE`` or a hidden prompt, never from an
argument (it would show in ``ps``). ``change-passphrase`` reads the new one
from ``$JEMPUT_NEW_PASSPHRASE`` or asks for it twice.

``doctor`` prints one line per check, OK / PERINGATAN (warning) / GAGAL
(failed) / LEWAT (skipped), and exits 1 if any check failed. No camera is a
warning, not a failure: the laptop may get its USB camera later, and the
command also runs where there is none.

Exit codes: 0 done; 1 an error (one line on stderr starting ``jemput: ``,
nothing written); 2 a usage error; 130 cancelled with Ctrl+C (nothing written).

Imports (``import-targets``, ``import-regions``) run in ONE transaction: bad
rows are skipped and listed with their line numbers, the good rows are written
together at the end, and an I/O error, a broken file or Ctrl+C half-way leaves
the database exactly as it was. ``--strict`` refuses the whole file when any
row is bad; ``--dry-run`` checks everything and writes nothing.

``purge [--days N] [--dry-run]`` removes photos, signatures and personal data
of recordings the server accepted more than N days ago (default: the profile's
``retention_days``, 30; see `app.store.retention`) and prints the counts.

Nothing here imports Qt except the window path, lazily.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO
from app.store._util import fsync_dir, make_private_dir
from app.store.keys import MIN_PASSPHRASE_LENGTH

PASSPHRASE_ENV = "JEMPUT_PASSPHRASE"
NEW_PASSPHRASE_ENV = "JEMPUT_NEW_PASSPHRASE"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130
LOW_DISK_BYTES = 500 * 1024 * 1024
SERVER_TIMEOUT_S = 3.0
# Beside app/ in a checkout and inside _internal/ in the PyInstaller folder build.
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
SEED_REGIONS_CSV = RESOURCES_DIR / "regions" / "seed_cities.csv"


class CliError(Exception):
    """An expected failure: one line for the operator, and the exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.code = code


class _Rollback(Exception):
    """Leave the import transaction without writing (dry run, strict refusal)."""


# -- small helpers --------------------------------------------------------------

def _say(*parts: object, file: TextIO | None = None) -> None:
    print(*parts, file=file or sys.stdout)


def _warn(message: str) -> None:
    print(f"jemput: {message}", file=sys.stderr)


def _number(n: int) -> str:
    """12345 -> '12.345' (Indonesian grouping)."""
    return f"{n:,}".replace(",", ".")


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            text = f"{n:.0f}" if unit == "B" else f"{n:.1f}".replace(".", ",")
            return f"{text} {unit}"
        n /= 1024
    return str(n)  # pragma: no cover


def default_data_dir() -> Path:
    """``$JEMPUT_HOME``, else the platform's per-user data folder (no Qt needed)."""
    from app.session import default_data_dir as session_default

    return session_default()


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data).expanduser() if args.data else default_data_dir()


def _passphrase(*, confirm: bool = False, prompt: str = "Kata sandi: ") -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        if not value:
            raise CliError(f"{PASSPHRASE_ENV} kosong; isi dengan kata sandi profil")
        return value
    if not (sys.stdin and sys.stdin.isatty()):
        raise CliError(
            f"kata sandi tidak diberikan: setel {PASSPHRASE_ENV} atau jalankan di terminal"
        )
    import getpass

    try:
        value = getpass.getpass(prompt)
        if confirm:
            again = getpass.getpass("Ulangi kata sandi: ")
            if again != value:
                raise CliError("kedua kata sandi tidak sama; tidak ada yang diubah")
    except EOFError:
        raise CliError("kata sandi tidak diberikan") from None
    if not value:
        raise CliError("kata sandi tidak boleh kosong")
    return value


def _new_passphrase() -> str:
    """The new passphrase for ``change-passphrase``: $JEMPUT_NEW_PASSPHRASE, or asked twice."""
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value is None:
        if not (sys.stdin and sys.stdin.isatty()):
            raise CliError(
                f"kata sandi baru tidak diberikan: setel {NEW_PASSPHRASE_ENV} atau jalankan di terminal"
            )
        import getpass

        try:
            value = getpass.getpass("Kata sandi baru: ")
            if value and len(value) >= MIN_PASSPHRASE_LENGTH:
                if getpass.getpass("Ulangi kata sandi baru: ") != value:
                    raise CliError("kedua kata sandi baru tidak sama; tidak ada yang diubah")
        except EOFError:
            raise CliError("kata sandi baru tidak diberikan") from None
    if not value:
        raise CliError("kata sandi baru tidak boleh kosong; tidak ada yang diubah")
    if len(value) < MIN_PASSPHRASE_LENGTH:
        raise CliError(f"kata sandi baru minimal {MIN_PASSPHRASE_LENGTH} karakter; tidak ada yang diubah")
    return value


def _open_store(data_dir: Path):
    from app.store.database import open_profile, profile_exists

    if not profile_exists(data_dir):
        raise CliError(
            f"profil tidak ditemukan di {data_dir}; buat dulu dengan 'jemput init' "
            "(atau pilih folder lain dengan --data)"
        )
    return open_profile(data_dir, _passphrase())


def _existing_file(name: str) -> Path:
    path = Path(name).expanduser()
    if not path.exists():
        raise CliError(f"berkas tidak ditemukan: {path}")
    if path.is_dir():
        raise CliError(f"{path} adalah folder, bukan berkas")
    return path




@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a text file written to a temporary name and renamed when complete.

    The file is created with mode 0600 (it holds personal data). On any error
    the temporary file is removed and an existing file at `path` is untouched.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    if path.is_dir():
        raise CliError(f"{path} adalah folder; beri nama berkas tujuan")
    if not path.parent.is_dir():
        raise CliError(f"folder tujuan tidak ada: {path.parent}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# -- progress bar ---------------------------------------------------------------

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
        rows = f"{_number(state.rows)} baris"
        fraction = state.fraction
        if fraction is None:
            return f"{rows} dibaca"
        filled = int(round(fraction * self.width))
        bar = "#" * filled + "-" * (self.width - filled)
        if state.unit == "byte":
            amount = f"{_size(state.done)}/{_size(state.total)}"
        else:
            amount = f"{_number(state.done)}/{_number(state.total)} baris lembar"
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


def _progress_enabled(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return args.progress
    return bool(sys.stderr and sys.stderr.isatty())


class _ProblemPrinter:
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
            print(f"... dan {_number(hidden)} baris tidak valid lainnya{hint}", file=sys.stderr)


@contextlib.contextmanager
def _report_file(name: str | None) -> Iterator[IO[str] | None]:
    if not name:
        yield None
        return
    with atomic_output(Path(name).expanduser()) as fh:
        yield fh


# -- commands -------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from app.store.database import create_profile, profile_exists
    from app.store.operators import MAX_NAME_LENGTH, OperatorRepo
    from app.store.profile import db_path
    from app.store.regions_store import import_regions_csv
    from app.store.settings import Settings

    data_dir = _data_dir(args)
    if profile_exists(data_dir) or (db_path(data_dir).is_file() and db_path(data_dir).stat().st_size > 0):
        raise CliError(f"sudah ada profil di {data_dir}; tidak ada yang diubah")
    operator = " ".join(args.operator.split())
    if not operator:
        raise CliError("nama operator tidak boleh kosong", EXIT_USAGE)
    if len(operator) > MAX_NAME_LENGTH:
        raise CliError(f"nama operator paling banyak {MAX_NAME_LENGTH} karakter", EXIT_USAGE)
    if args.min_age is not None and not 1 <= args.min_age <= 17:
        raise CliError("--min-age harus 1-17", EXIT_USAGE)
    passphrase = _passphrase(confirm=True)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise CliError(f"kata sandi minimal {MIN_PASSPHRASE_LENGTH} karakter")
    seed = SEED_REGIONS_CSV

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # Built beside the target and moved in when complete: an interrupted init leaves no half profile.
    staging = data_dir.parent / f".{data_dir.name}.init-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with create_profile(staging, passphrase) as store:
            with store.transaction():
                OperatorRepo(store).create(operator, "operator")
                settings = Settings(store)
                settings.set("min_recording_age", args.min_age or 16)
                if args.server_url:
                    settings.set("server_url", args.server_url.rstrip("/"))
                regions = 0
                if seed.exists():
                    with seed.open(encoding="utf-8") as fh:
                        regions = import_regions_csv(store, fh)
        _move_profile(staging, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _say(f"Profil dibuat di {data_dir}")
    _say(f"Operator: {operator}; data master awal: {_number(regions)} wilayah")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    """Re-key the profile: the old passphrase is checked first, then the new one is asked."""
    from app.store.database import open_profile, profile_exists
    from app.store.passphrase import change_passphrase

    data_dir = _data_dir(args)
    if not profile_exists(data_dir):
        raise CliError(f"profil tidak ditemukan di {data_dir} (pilih folder lain dengan --data)")
    old = _passphrase(prompt="Kata sandi lama: ")
    with open_profile(data_dir, old) as store:  # a wrong old passphrase stops here, before the new is asked
        new = _new_passphrase()
        if new == old:
            raise CliError("kata sandi baru sama dengan kata sandi lama; tidak ada yang diubah")
        _say("Mengganti kata sandi…", file=sys.stderr)
        change_passphrase(data_dir, old, new, store=store, actor="cli")
    _say(f"Kata sandi profil di {data_dir} sudah diganti.")
    _say("Mulai sekarang buka profil ini dengan kata sandi baru; kata sandi lama tidak berlaku lagi.")
    return EXIT_OK


def _move_profile(staging: Path, data_dir: Path) -> None:
    """Move a closed, complete profile into `data_dir`; the database file goes last."""
    from app.store.database import move_profile_into, profile_exists

    if profile_exists(data_dir):  # pragma: no cover - another process won the race
        raise CliError(f"sudah ada profil di {data_dir}; tidak ada yang diubah")
    move_profile_into(staging, data_dir)


def cmd_import_regions(args: argparse.Namespace) -> int:
    from app.core.regions import RegionImportError, RegionIndex
    from app.store.regions_store import replace_regions

    path = _existing_file(args.file)
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
        print(f"... dan {_number(len(problems) - args.max_errors)} baris tidak valid lainnya", file=sys.stderr)
    if len(index) == 0:
        raise CliError("tidak ada baris wilayah yang sah; data master tidak diubah")
    if problems and args.strict:
        raise CliError(f"{_number(len(problems))} baris tidak valid; dengan --strict data master tidak diubah")
    with _open_store(_data_dir(args)) as store:
        count = replace_regions(store, index)
    levels = index.counts_by_level()
    detail = ", ".join(f"{_number(n)} {level.label.lower()}" for level, n in levels.items())
    _say(f"Data master wilayah diganti: {_number(count)} wilayah ({detail}); "
         f"{_number(len(problems))} baris tidak valid dilewati.")
    return EXIT_OK


def cmd_import_targets(args: argparse.Namespace) -> int:
    from app.targetfile import open_targets
    from app.store.regions_store import load_region_index
    from app.store.targets import TargetRepo

    path = _existing_file(args.file)
    if args.max_errors < 0:
        raise CliError("--max-errors tidak boleh negatif", EXIT_USAGE)
    bar = ProgressBar(sys.stderr, enabled=_progress_enabled(args))
    with _report_file(args.errors_file) as report:
        printer = _ProblemPrinter(bar, args.max_errors, report)
        # The header is checked before the (slow) unlock: a wrong file fails at once.
        with open_targets(path, progress=bar.update, on_problem=printer) as target_file:
            for note in target_file.notes:
                _warn(note)
            with _open_store(_data_dir(args)) as store:
                regions = load_region_index(store)
                if len(regions) == 0:
                    _warn("data master wilayah kosong: kode kelurahan hanya diperiksa bentuknya "
                          "(impor dulu dengan 'jemput import-regions')")
                else:
                    target_file.regions = regions
                store_problems: list[tuple[int, str]] = []
                written = False
                try:
                    with store.transaction():
                        inserted, updated = TargetRepo(store).upsert_many(
                            target_file, source=path.name, errors=store_problems
                        )
                        bad = target_file.problem_count + len(store_problems)
                        if args.dry_run or (args.strict and bad):
                            raise _Rollback()
                    written = True
                except _Rollback:
                    pass
                finally:
                    bar.finish()
        printer.tail()
    for number, reason in store_problems:  # rows the checks passed but the store refused
        _warn(f"baris data sah ke-{number} ditolak penyimpanan: {reason}")
    summary = (f"{_number(inserted)} baru, {_number(updated)} diperbarui, "
               f"{_number(bad)} baris tidak valid dilewati (dari {_number(target_file.rows_read)} baris data)")
    if args.strict and bad:
        raise CliError(f"{_number(bad)} baris tidak valid; dengan --strict tidak ada yang disimpan")
    if not written:
        _say(f"Uji coba, tidak ada yang disimpan: {summary}.")
    else:
        _say(f"Impor selesai: {summary}.")
    if target_file.rows_read == 0:
        _warn("berkas tidak berisi baris data (hanya baris judul)")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from app.store.recordings import RecordingRepo

    with _open_store(_data_dir(args)) as store:
        repo = RecordingRepo(store)
        shown = 0
        for rec in _recordings(repo, args.status, args.search, args.limit):
            if shown == 0:
                _say(f"{'UUID':<36}  {'STATUS':<16}  {'TANGGAL':<16}  NAMA")
            shown += 1
            _say(f"{rec.uuid:<36}  {rec.status.value:<16}  {_local_time(rec.created_at):<16}  "
                 f"{rec.resident.nama or '-'}")
    if shown == 0:
        print("Tidak ada rekaman.", file=sys.stderr)
    return EXIT_OK


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return iso or "-"


def _recordings(repo, statuses, search, limit: int = 0, page: int = 500):
    offset = 0
    left = limit if limit and limit > 0 else None
    while True:
        size = page if left is None else min(page, left)
        if size <= 0:
            return
        batch = repo.list(status=statuses or None, search=search or None, limit=size, offset=offset)
        yield from batch
        if len(batch) < size:
            return
        offset += len(batch)
        if left is not None:
            left -= len(batch)


EXPORT_META = (
    "uuid", "status", "created_at", "updated_at", "operator", "server_status", "server_message",
    "photo_exception", "signature_exception", "replaces_uuid",
)


def export_record(rec, media: dict[str, str]) -> dict[str, Any]:
    """A recording as the JSON export writes it (biodata as `Resident.to_dict`)."""
    out: dict[str, Any] = {name: getattr(rec, name) for name in EXPORT_META}
    out["status"] = rec.status.value
    out["acknowledgements"] = [a.to_dict() for a in rec.acknowledgements]
    out["media"] = dict(sorted(media.items()))
    out["resident"] = rec.resident.to_dict()
    return out


def export_csv_header() -> list[str]:
    from app.core.resident import RESIDENT_FIELDS

    return [*EXPORT_META, "photo_sha256", "signature_sha256", "acknowledgements", *RESIDENT_FIELDS]


def export_csv_row(record: dict[str, Any]) -> list[Any]:
    from app.core.resident import RESIDENT_FIELDS

    resident = record["resident"]
    cells: list[Any] = [record[name] if record[name] is not None else "" for name in EXPORT_META]
    cells += [record["media"].get("photo", ""), record["media"].get("signature", "")]
    cells.append(json.dumps(record["acknowledgements"], ensure_ascii=False) if record["acknowledgements"] else "")
    for name in RESIDENT_FIELDS:
        value = resident.get(name)
        if isinstance(value, list):
            value = ";".join(str(v) for v in value)
        cells.append("" if value is None else value)
    return cells


def cmd_export(args: argparse.Namespace) -> int:
    from app.store.recordings import RecordingRepo

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and not output.parent.is_dir():
        raise CliError(f"folder tujuan tidak ada: {output.parent}")
    count = 0
    with _open_store(_data_dir(args)) as store:
        repo = RecordingRepo(store)
        with atomic_output(output) as fh:
            if args.format == "csv":
                writer = csv.writer(fh)
                writer.writerow(export_csv_header())
            else:
                fh.write("[")
            for rec in _recordings(repo, args.status, None):
                record = export_record(rec, repo.media_hashes(rec.uuid))
                if args.format == "csv":
                    writer.writerow(export_csv_row(record))
                else:
                    fh.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
                count += 1
            if args.format == "json":
                fh.write("\n]\n" if count else "]\n")
    where = f" ke {output}" if output is not None else ""
    print(f"{_number(count)} rekaman diekspor{where}.", file=sys.stderr)
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """Retention purge now: counts only on stdout (``--dry-run`` changes nothing)."""
    from app.store.retention import MAX_RETENTION_DAYS, purge_settled, retention_days

    if args.days is not None and not 1 <= args.days <= MAX_RETENTION_DAYS:
        raise CliError(f"--days harus 1-{MAX_RETENTION_DAYS}", EXIT_USAGE)
    with _open_store(_data_dir(args)) as store:
        days = args.days if args.days is not None else retention_days(store)
        if days <= 0:
            _say("Pembersihan otomatis dimatikan (retention_days = 0); tidak ada yang dihapus. "
                 "Beri --days N untuk membersihkan sekarang.")
            return EXIT_OK
        result = purge_settled(store, days, dry_run=args.dry_run, actor="cli")
    _say(result.summary())
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo_profile import DEMO_PASSPHRASE, open_or_create_demo
    from app.session import DEMO_FOLDER
    from app.store.database import profile_exists
    from app.store.errors import WrongPassphrase
    from app.store.recordings import RecordingRepo
    from app.store.targets import TargetRepo

    folder = _data_dir(args) / DEMO_FOLDER
    existed = profile_exists(folder)
    try:
        store = open_or_create_demo(folder)
    except WrongPassphrase:
        raise CliError(f"sudah ada profil lain (bukan demo) di {folder}; tidak ada yang diubah") from None
    with store:
        targets = TargetRepo(store).count()
        recordings = RecordingRepo(store).count()
    _say(("Profil demo sudah ada di " if existed else "Profil demo dibuat di ") + str(folder))
    _say(f"{_number(targets)} target, {_number(recordings)} rekaman (semua orang di dalamnya fiktif)")
    _say(f"Kata sandi demo: {DEMO_PASSPHRASE}")
    _say(f"Buka dengan: jemput --data {folder}")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    results: list[str] = []

    def report(status: str, label: str, reason: str) -> None:
        results.append(status)
        _say(f"{status:<10} {label}: {reason}")

    server_url = _doctor_profile(data_dir, report)
    _doctor_disk(data_dir, report)
    _doctor_camera(args.camera, report)
    _doctor_server(server_url, report)
    _doctor_gui(report)
    _doctor_files(report)
    failed = results.count("GAGAL")
    warned = results.count("PERINGATAN")
    if failed:
        print(f"jemput: {failed} pemeriksaan GAGAL", file=sys.stderr)
        return EXIT_ERROR
    _say(f"Semua pemeriksaan lulus{f' ({warned} peringatan)' if warned else ''}.")
    return EXIT_OK


def _doctor_profile(data_dir: Path, report) -> str | None:
    from app.store.database import open_profile, profile_exists
    from app.store.errors import StoreError
    from app.store.migrations import LATEST_VERSION
    from app.store.operators import OperatorRepo
    from app.store.outbox import Outbox
    from app.store.recordings import RecordingRepo
    from app.store.regions_store import region_count
    from app.store.settings import Settings
    from app.store.targets import TargetRepo

    if not profile_exists(data_dir):
        report("GAGAL", "Profil", f"tidak ditemukan di {data_dir}")
        return None
    report("OK", "Profil", str(data_dir))
    try:
        store = open_profile(data_dir, _passphrase())
    except (StoreError, CliError) as exc:
        report("GAGAL", "Buka basis data", exc.message)
        return None
    with store:
        report("OK", "Buka basis data", "kata sandi benar, basis data terbuka")
        try:
            check = store.integrity_check()
        except StoreError as exc:
            check = exc.message
        if check == "ok":
            report("OK", "Integritas basis data", "integrity_check: ok")
        else:
            report("GAGAL", "Integritas basis data", check.splitlines()[0][:200])
        version = store.schema_version
        if version == LATEST_VERSION:
            report("OK", "Versi skema", f"{version} (terbaru)")
        else:
            report("GAGAL", "Versi skema", f"{version}, aplikasi mengharapkan {LATEST_VERSION}")
        counts = RecordingRepo(store).counts_by_status()
        total = sum(counts.values())
        parts = ", ".join(f"{s.label.lower()} {n}" for s, n in counts.items() if n)
        report("OK", "Isi", (
            f"{_number(total)} rekaman{f' ({parts})' if parts else ''}, "
            f"{_number(TargetRepo(store).count())} target, {_number(region_count(store))} wilayah, "
            f"{_number(OperatorRepo(store).count())} operator"
        ))
        outbox = Outbox(store).counts()
        parked = outbox.get("parked", 0)
        pending = outbox.get("pending", 0)
        if parked:
            report("PERINGATAN", "Antrean kirim",
                   f"{_number(pending)} menunggu, {_number(parked)} ditahan dan perlu ditinjau")
        else:
            report("OK", "Antrean kirim", f"{_number(pending)} menunggu kirim")
        if region_count(store) == 0:
            report("PERINGATAN", "Data master wilayah", "kosong; impor dengan 'jemput import-regions'")
        url = Settings(store).get("server_url")
    return url if isinstance(url, str) and url.strip() else None


def _doctor_disk(data_dir: Path, report) -> None:
    probe = data_dir
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        report("GAGAL", "Ruang disk", f"tidak dapat diperiksa ({exc.strerror or type(exc).__name__})")
        return
    if free < LOW_DISK_BYTES:
        report("PERINGATAN", "Ruang disk", f"tinggal {_size(free)}; kosongkan ruang disk")
    else:
        report("OK", "Ruang disk", f"{_size(free)} tersedia")


def _doctor_camera(index: int, report) -> None:
    try:
        from app.capture.camera import CameraSource, CaptureError
    except Exception as exc:  # the capture module or OpenCV is missing or broken
        report("PERINGATAN", "Kamera", f"modul kamera tidak dapat dimuat ({type(exc).__name__})")
        return
    source = CameraSource(index)
    try:
        source.open()
        frame = source.read()
        height, width = frame.shape[:2]
    except CaptureError as exc:
        report("PERINGATAN", "Kamera", f"tidak ada kamera {index} ({exc.message})")
        return
    except Exception as exc:
        report("PERINGATAN", "Kamera", f"kamera {index} tidak dapat dibuka ({type(exc).__name__})")
        return
    finally:
        with contextlib.suppress(Exception):
            source.close()
    report("OK", "Kamera", f"kamera {index} mengirim gambar {width}x{height}")


def _doctor_server(url: str | None, report) -> None:
    if not url:
        report("LEWAT", "Server", "alamat server belum diatur (server_url)")
        return
    import requests

    target = url.rstrip("/") + "/health"
    started = time.monotonic()
    try:
        response = requests.get(target, timeout=SERVER_TIMEOUT_S)
    except requests.RequestException as exc:
        report("GAGAL", "Server", f"{url} tidak terjangkau ({type(exc).__name__})")
        return
    elapsed = (time.monotonic() - started) * 1000
    if response.status_code == 200:
        report("OK", "Server", f"{url} menjawab dalam {elapsed:.0f} ms")
    else:
        report("GAGAL", "Server", f"{url} menjawab HTTP {response.status_code}")


def _doctor_gui(report) -> None:
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        report("PERINGATAN", "Antarmuka", "PySide6 tidak terpasang; hanya perintah baris yang dapat dipakai")
    else:
        report("OK", "Antarmuka", "PySide6 terpasang")


def _doctor_files(report) -> None:
    """The files the app carries: master data, face detector, style, translation."""
    label = "Berkas aplikasi"
    if not SEED_REGIONS_CSV.is_file():
        report("GAGAL", label, f"data master awal tidak ada ({SEED_REGIONS_CSV}); pasang ulang aplikasi")
        return
    try:
        from app.capture.face import FaceDetector

        FaceDetector()  # loads the Haar cascades shipped with OpenCV
    except Exception as exc:
        report("GAGAL", label, f"detektor wajah tidak dapat dimuat ({type(exc).__name__}); pasang ulang aplikasi")
        return
    missing = [name for name in ("style.qss", "i18n/jemput_en.qm") if not (RESOURCES_DIR / name).is_file()]
    if missing:
        report("PERINGATAN", label, f"tidak ada {', '.join(missing)} di {RESOURCES_DIR}")
    else:
        report("OK", label, "data master awal, detektor wajah, tampilan dan terjemahan lengkap")


def run_window(args: argparse.Namespace) -> int:
    """No command: open the window (the only path that imports Qt)."""
    data_dir = _data_dir(args)
    try:
        from app.ui.app import run_gui
    except ImportError as exc:
        if "PySide6" not in str(exc):
            raise
        raise CliError("antarmuka grafis tidak tersedia (PySide6 tidak terpasang); "
                       "lihat 'jemput --help' untuk perintah baris") from None
    return run_gui(data_dir)


# -- the parser -----------------------------------------------------------------

_ARGPARSE_WORDS = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diisi: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak dikenal (pilih: \3)"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"argumen \1: nilai \3 tidak valid"),
    (r"argument (\S+): expected one argument", r"argumen \1 membutuhkan satu nilai"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"perintah \1 tidak dikenal (pilih: \2)"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one Indonesian line (exit code 2)."""

    def error(self, message: str):  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_WORDS:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.exit(EXIT_USAGE, f"jemput: {message} (lihat 'jemput --help')\n")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("jemput")
    except Exception:  # pragma: no cover - not installed
        return "dev"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder profil (bawaan: $JEMPUT_HOME atau ~/.local/share/jemput)")

    parser = _Parser(
        prog="jemput",
        description="Jemput: perekaman KTP-el jemput bola. Tanpa perintah, jendela aplikasi dibuka.",
        epilog=f"Kata sandi dibaca dari {PASSPHRASE_ENV} atau ditanyakan (tidak pernah lewat argumen).",
    )
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="folder profil (bawaan: $JEMPUT_HOME atau ~/.local/share/jemput)")
    parser.add_argument("--version", action="version", version=f"jemput {_version()}")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # read by app.ui.app
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    p = sub.add_parser("init", parents=[common], help="buat profil baru (terenkripsi)")
    p.add_argument("--operator", required=True, metavar="NAMA", help="nama operator pertama")
    p.add_argument("--server-url", metavar="URL", help="alamat server pusat (boleh diisi nanti)")
    p.add_argument("--min-age", type=int, metavar="N", help="usia minimum perekaman (bawaan 16)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("change-passphrase", parents=[common],
                       help="ganti kata sandi profil (kunci basis data diganti)",
                       description=(
                           f"Ganti kata sandi profil. Kata sandi lama dibaca dari {PASSPHRASE_ENV}, "
                           f"yang baru dari {NEW_PASSPHRASE_ENV}; bila tidak disetel, keduanya ditanyakan "
                           f"(yang baru dua kali, minimal {MIN_PASSPHRASE_LENGTH} karakter)."))
    p.set_defaults(func=cmd_change_passphrase)

    p = sub.add_parser("import-regions", parents=[common],
                       help="ganti data master wilayah dari CSV kode,nama")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--strict", action="store_true", help="tolak seluruh berkas bila ada baris tidak valid")
    p.add_argument("--max-errors", type=int, default=50, metavar="N", help="baris tidak valid yang ditampilkan")
    p.set_defaults(func=cmd_import_regions)

    p = sub.add_parser("import-targets", parents=[common],
                       help="impor daftar target (wajib KTP belum rekam) dari CSV atau XLSX")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--strict", action="store_true", help="tolak seluruh berkas bila ada baris tidak valid")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    p.add_argument("--max-errors", type=int, default=50, metavar="N", help="baris tidak valid yang ditampilkan")
    p.add_argument("--errors-file", metavar="BERKAS", help="tulis semua baris tidak valid (baris,alasan) ke CSV")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="tampilkan bilah kemajuan (bawaan: bila stderr terminal)")
    p.set_defaults(func=cmd_import_targets)

    statuses = _status_values()
    p = sub.add_parser("list", parents=[common], help="daftar rekaman")
    p.add_argument("--status", action="append", choices=statuses, metavar="STATUS",
                   help=f"hanya status ini (boleh berulang): {', '.join(statuses)}")
    p.add_argument("--search", metavar="TEKS", help="awal NIK atau kata nama")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="paling banyak N rekaman (0: semua)")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("export", parents=[common], help="ekspor rekaman beserta biodata")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", metavar="BERKAS", help="berkas tujuan (bawaan: stdout)")
    p.add_argument("--status", action="append", choices=statuses, metavar="STATUS",
                   help="hanya status ini (boleh berulang)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("purge", parents=[common],
                       help="hapus foto, tanda tangan dan data pribadi rekaman yang sudah lama diterima server")
    p.add_argument("--days", type=int, metavar="N",
                   help="diterima lebih dari N hari lalu (bawaan: pengaturan retention_days, 30)")
    p.add_argument("--dry-run", action="store_true", help="hitung saja, jangan hapus")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("demo", parents=[common],
                       help="buat profil demo berisi penduduk fiktif di DIR/demo")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("doctor", parents=[common], help="periksa profil, disk, kamera dan server")
    p.add_argument("--camera", type=int, default=0, metavar="N", help="nomor kamera yang diperiksa")
    p.set_defaults(func=cmd_doctor)

    from app.cli_backup import add_backup_commands
    from app.cli_sync import add_sync_commands

    add_backup_commands(sub, parents=[common])
    add_sync_commands(sub, parents=[common])
    return parser


def _status_values() -> list[str]:
    from app.core.lifecycle import RecordingStatus

    return [s.value for s in RecordingStatus]


# -- entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run `jemput` with `argv` (default: sys.argv[1:]); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "func", None) or run_window
    try:
        return handler(args)
    except CliError as exc:
        _warn(exc.message)
        return exc.code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _warn("dibatalkan; tidak ada perubahan yang disimpan")
        return EXIT_CANCELLED
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:
        message = _known_error(exc)
        if message is None:
            raise
        _warn(message)
        return EXIT_ERROR


def _known_error(exc: BaseException) -> str | None:
    """The operator's line for an expected failure; None for a bug (it propagates)."""
    from app.targetfile import ImportFileError
    from app.store.errors import StoreError

    if isinstance(exc, StoreError):
        return exc.message
    if isinstance(exc, ImportFileError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"berkas tidak ditemukan: {exc.filename}" if exc.filename else "berkas tidak ditemukan"
    if isinstance(exc, IsADirectoryError):
        return f"{exc.filename} adalah folder, bukan berkas"
    if isinstance(exc, PermissionError):
        return f"tidak ada izin membuka {exc.filename}" if exc.filename else "tidak ada izin"
    if isinstance(exc, OSError):
        return f"kesalahan baca/tulis berkas ({exc.strerror or type(exc).__name__})"
    return None
