"""What every `jemput` command shares: exit codes, errors, output, the profile folder, passphrases."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from app.fsio import fsync_dir
from app.core.passphrase_strength import MIN_LENGTH as MIN_PASSPHRASE_LENGTH

PASSPHRASE_ENV = "JEMPUT_PASSPHRASE"
NEW_PASSPHRASE_ENV = "JEMPUT_NEW_PASSPHRASE"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130
# Beside app/ in a checkout and inside _internal/ in the PyInstaller folder build.
RESOURCES_DIR = Path(__file__).resolve().parent.parent.parent / "resources"
SEED_REGIONS_CSV = RESOURCES_DIR / "regions" / "seed_cities.csv"


class CliError(Exception):
    """An expected failure: one line for the operator, and the exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.code = code


# -- small helpers --------------------------------------------------------------

def say(*parts: object, file: TextIO | None = None) -> None:
    print(*parts, file=file or sys.stdout)


def warn(message: str) -> None:
    print(f"jemput: {message}", file=sys.stderr)


def number(n: int) -> str:
    """12345 -> '12.345' (Indonesian grouping)."""
    return f"{n:,}".replace(",", ".")


def size(n: float) -> str:
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


def profile_dir(args: argparse.Namespace) -> Path:
    return Path(args.data).expanduser() if args.data else default_data_dir()


def ask_passphrase(*, confirm: bool = False, prompt: str = "Kata sandi: ") -> str:
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


def ask_new_passphrase() -> str:
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


def open_store(data_dir: Path):
    from app.store.database import open_profile, profile_exists

    if not profile_exists(data_dir):
        raise CliError(
            f"profil tidak ditemukan di {data_dir}; buat dulu dengan 'jemput init' "
            "(atau pilih folder lain dengan --data)"
        )
    return open_profile(data_dir, ask_passphrase())


def existing_file(name: str) -> Path:
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
