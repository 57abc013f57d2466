"""`jemput export-bundle DIR` and `jemput import-receipt FILE`: the queue carried on a USB stick.

``export-bundle`` writes the unsent queue (records and media) to DIR as one
encrypted, signed bundle for the server (`sync.client.hand_carry`); the queue
stays as it is. ``import-receipt`` reads the receipt the office wrote back
(``jemput-server import-bundle``) and marks the recordings the server holds
as delivered. Exit codes: 0 done; 1 refused (one line on stderr starting
``jemput: ``); 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import EXIT_ERROR, EXIT_OK, CliError, open_store, profile_dir, warn


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export-bundle", parents=[common],
                       help="tulis antrian yang belum terkirim ke flashdisk (terenkripsi untuk server)")
    p.add_argument("folder", metavar="DIR", help="folder tujuan, mis. /media/usb")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="tampilkan kemajuan di stderr (bawaan: bila stderr terminal)")
    p.set_defaults(func=run_export)
    p = sub.add_parser("import-receipt", parents=[common],
                       help="baca tanda terima kiriman flashdisk dari kantor; tandai rekaman terkirim")
    p.add_argument("file", metavar="BERKAS", help="berkas ....terima.json")
    p.set_defaults(func=run_receipt)


def run_export(args: argparse.Namespace) -> int:
    from sync.bundle import BundleError
    from sync.client.hand_carry import export_bundle

    try:
        store = open_store(profile_dir(args))
    except CliError as exc:
        warn(exc.message)
        return exc.code
    tty = bool(sys.stderr and sys.stderr.isatty())
    show = args.progress if args.progress is not None else tty

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rMenulis kiriman: {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    try:
        result = export_bundle(store, args.folder, progress)
    except BundleError as exc:
        if show:
            print(file=sys.stderr)
        warn(exc.message)
        return EXIT_ERROR
    finally:
        store.close()
    if show:
        print(file=sys.stderr)
    print(f"Kiriman ditulis: {result.path} ({result.records} rekaman, {result.media} berkas media).")
    print("Antrian laptop tidak berubah: rekaman tetap menunggu sampai server mengakuinya "
          "(sinkron berikutnya atau tanda terima dari kantor).")
    return EXIT_OK


def run_receipt(args: argparse.Namespace) -> int:
    from sync.bundle import BundleError
    from sync.client.hand_carry import apply_receipt

    try:
        store = open_store(profile_dir(args))
    except CliError as exc:
        warn(exc.message)
        return exc.code
    try:
        result = apply_receipt(store, args.file)
    except BundleError as exc:
        warn(exc.message)
        return EXIT_ERROR
    finally:
        store.close()
    print(f"Tanda terima: {result.acknowledged} rekaman diakui server, {result.delivered} menunggu media, "
          f"{result.ignored} sudah tercatat sebelumnya.")
    return EXIT_OK
