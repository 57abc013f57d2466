"""`jemput backup` and `jemput restore`: a copy of the profile on a USB stick, and back.

    jemput backup TUJUAN [--keep N] [--progress/--no-progress]
    jemput restore SUMBER

``backup`` writes a new folder ``TUJUAN/jemput-cadangan-YYYYMMDD-HHMMSS/``
(``jemput.db`` still encrypted, ``profile.json``) while nothing else has to
stop, verifies it and prints where it went and what it holds; ``--keep N``
then deletes all but the N newest OLDER backups in TUJUAN (only folders named
like ours). Progress goes to stderr (a bar on a terminal, otherwise a line per
quarter), the result to stdout. See `app.store.backup`.

A backup opens directly with the passphrase in force when it was made:
``jemput --data TUJUAN/jemput-cadangan-… list``, or the window with the same
``--data``. ``restore`` copies a backup folder into the data folder (``--data``
or the default) only when no profile exists there, and checks that the
passphrase opens it; an existing profile is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ask_passphrase,
    number,
    open_store,
    profile_dir,
    say,
    size,
)


def add_backup_commands(subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Add ``backup`` and ``restore`` to `subparsers` (``parents``: the ``--data`` parser)."""
    p = subparsers.add_parser(
        "backup", parents=list(parents),
        help="cadangkan profil (tetap terenkripsi) ke folder lain, mis. flashdisk",
        description=("Salin profil ke folder baru TUJUAN/jemput-cadangan-TANGGAL-JAM (tetap terenkripsi; "
                     "dibuka dengan kata sandi yang sama), lalu periksa salinannya."))
    p.add_argument("dest", metavar="TUJUAN", help="folder tujuan, mis. flashdisk")
    p.add_argument("--keep", type=int, metavar="N",
                   help="setelah berhasil, simpan paling banyak N cadangan lama di TUJUAN (yang lebih lama dihapus)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="tampilkan bilah kemajuan (bawaan: bila stderr terminal; selain itu per 25%%)")
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser(
        "restore", parents=list(parents),
        help="pulihkan cadangan ke folder data yang belum berisi profil",
        description=("Salin folder cadangan SUMBER ke folder data (--data) bila di sana belum ada profil, "
                     "lalu pastikan kata sandi membukanya. Profil yang sudah ada tidak pernah ditimpa."))
    p.add_argument("source", metavar="SUMBER", help="folder cadangan jemput-cadangan-…")
    p.set_defaults(func=cmd_restore)


class _Progress:
    """Bytes copied on stderr: a redrawn bar on a terminal, else one line per quarter."""

    def __init__(self, stream, *, bar: bool, width: int = 28):
        self.stream = stream
        self.bar = bar
        self.width = width
        self._quarter = -1
        self._last = 0.0
        self._shown = 0

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if self.bar:
            now = time.monotonic()
            if now - self._last < 0.1 and done < total:
                return
            self._last = now
            filled = int(round(fraction * self.width))
            text = (f"[{'#' * filled}{'-' * (self.width - filled)}] {fraction * 100:3.0f}%  "
                    f"{size(done)}/{size(total)}")
            self.stream.write("\r" + text + " " * max(0, self._shown - len(text)))
            self._shown = len(text)
        else:
            quarter = int(fraction * 4)
            if quarter == self._quarter:
                return
            self._quarter = quarter
            self.stream.write(f"Menyalin… {quarter * 25}% ({size(done)} dari {size(total)})\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.bar and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.store.backup import backup_profile

    if args.keep is not None and args.keep < 0:
        raise CliError("--keep tidak boleh negatif", EXIT_USAGE)
    dest = Path(args.dest).expanduser().absolute()
    if not dest.is_dir():  # before the (slow) unlock
        raise CliError(f"folder tujuan tidak ditemukan: {dest}" if not dest.exists()
                       else f"tujuan cadangan harus sebuah folder: {dest}")
    show_bar = args.progress if args.progress is not None else bool(sys.stderr and sys.stderr.isatty())
    progress = _Progress(sys.stderr, bar=bool(show_bar))
    with open_store(profile_dir(args)) as store:
        say(f"Mencadangkan profil ke {dest} …", file=sys.stderr)
        try:
            result = backup_profile(store, dest, progress=progress, keep=args.keep, actor="cli")
        finally:
            progress.finish()
    say(f"Cadangan tersimpan: {result.folder}")
    say(f"  {number(result.recordings)} rekaman, {number(result.media)} foto/tanda tangan, "
         f"{number(result.outbox)} dalam antrean kirim; {size(result.total_bytes)}; "
         f"{_seconds(result.seconds)}")
    say("  Diperiksa: salinan terbuka dengan kunci profil, integrity_check ok, jumlah data sama.")
    if result.pruned:
        say(f"  {number(len(result.pruned))} cadangan lama dihapus (--keep {args.keep}).")
    say(f"Buka langsung: jemput --data {result.folder}   Pulihkan: jemput restore {result.folder}")
    say("Cadangan dibuka dengan kata sandi profil saat ini. Simpan flashdisk terpisah dari laptop.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from app.store.backup import restore_profile
    from app.store.database import profile_exists

    source = Path(args.source).expanduser().absolute()
    data_dir = profile_dir(args).absolute()
    if not source.is_dir():
        raise CliError(f"folder cadangan tidak ditemukan: {source}")
    if not profile_exists(source):
        raise CliError(f"{source} bukan cadangan Jemput yang lengkap (jemput.db dan profile.json harus ada)")
    if profile_exists(data_dir):  # before asking the passphrase
        raise CliError(f"sudah ada profil di {data_dir}; profil yang ada tidak ditimpa "
                       "(pilih folder lain dengan --data, atau buka cadangan langsung dengan --data SUMBER)")
    passphrase = ask_passphrase(prompt="Kata sandi cadangan: ")
    say(f"Memulihkan {source} ke {data_dir} …", file=sys.stderr)
    result = restore_profile(source, data_dir, passphrase, actor="cli")
    say(f"Profil dipulihkan ke {result.data_dir}: {number(result.recordings)} rekaman, "
         f"{number(result.media)} foto/tanda tangan, {number(result.outbox)} dalam antrean kirim.")
    say(f"Buka dengan kata sandi yang sama: jemput --data {result.data_dir}")
    return EXIT_OK


def _seconds(value: float) -> str:
    return (f"{value:.2f}" if value < 10 else f"{value:.0f}").replace(".", ",") + " detik"
