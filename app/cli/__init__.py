"""`jemput <command>`: the headless commands; with no command, the window opens.

Commands: ``init``, ``change-passphrase``, ``import-regions``, ``import-targets``, ``export-targets``,
``mark-targets`` (in `app.cli.marks`),
``list``, ``export``, ``purge``, ``demo``, ``doctor``, ``people`` (in `app.cli.people`) (``sync`` and ``register`` in
`app.cli.sync`, ``backup`` and ``restore`` in `app.cli.backup`). ``--data DIR``
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
import os
import sys

from app.cli.common import EXIT_CANCELLED, EXIT_ERROR, EXIT_USAGE, CliError, default_data_dir, profile_dir, warn
from app.cli.progress import ProgressBar

__all__ = ["CliError", "ProgressBar", "build_parser", "default_data_dir", "main", "run_window"]


def __getattr__(name: str):
    if name == "build_parser":  # loads every command's module: not on the window's way
        from app.cli.parser import build_parser

        return build_parser
    raise AttributeError(f"module 'app.cli' has no attribute {name!r}")


def _window_args(argv: list[str]) -> argparse.Namespace | None:
    """The window's own arguments (none, ``--data DIR``, ``--startup-probe``), read without
    building the whole parser; None for anything else (a command, --help, a mistake)."""
    data, probe, rest = None, False, list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--startup-probe":
            probe = True
        elif arg == "--data" and rest and not rest[0].startswith("-"):
            data = rest.pop(0)
        elif arg.startswith("--data="):
            data = arg.split("=", 1)[1]
        else:
            return None
    return argparse.Namespace(data=data, startup_probe=probe, command=None)


def run_window(args: argparse.Namespace) -> int:
    """No command: open the window (the only path that imports Qt)."""
    data_dir = profile_dir(args)
    try:
        from app.ui.app import run_gui
    except ImportError as exc:
        if "PySide6" not in str(exc):
            raise
        raise CliError("antarmuka grafis tidak tersedia (PySide6 tidak terpasang); "
                       "lihat 'jemput --help' untuk perintah baris") from None
    return run_gui(data_dir)


# -- entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run `jemput` with `argv` (default: sys.argv[1:]); returns the exit code."""
    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    args = _window_args(argv)
    if args is None:
        from app.cli.parser import build_parser

        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version, usage errors
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "func", None) or run_window
    try:
        return handler(args)
    except CliError as exc:
        warn(exc.message)
        return exc.code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        warn("dibatalkan; tidak ada perubahan yang disimpan")
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
        warn(message)
        return EXIT_ERROR


def _known_error(exc: BaseException) -> str | None:
    """The operator's line for an expected failure; None for a bug (it propagates)."""
    from app.targetfile import ImportFileError
    from app.store.errors import StoreError

    from app.core.messages import CodedError

    if isinstance(exc, (StoreError, CodedError)):
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
