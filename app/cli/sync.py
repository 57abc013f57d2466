"""`jemput sync` and `jemput register`: the sync pump from the command line.

    jemput register URL KODE [--name NAMA] [--ca-bundle BERKAS] [--cert-sha256 SHA256] [--allow-http]
    jemput sync [--until-done] [--no-pull] [--progress/--no-progress]

``register`` exchanges the admin's one-time enrollment code for this laptop's
device token (kept in the encrypted profile). ``sync`` sends the queue, then
pulls verification results and the target list; it is a run the operator
asked for, so it ignores the automatic back-off and retries a paused queue
once (never a revoked device). After a clean run the retention purge runs, as
in the window (setting ``retention_days``; ``jemput purge``). ``--until-done`` keeps going, waiting between
attempts as the back-off says, until nothing is left to send. Progress goes to
stderr, the summary to stdout.

Exit codes: 0 done; 1 the sync could not finish (one line on stderr starting
``jemput: ``); 2 usage; 130 cancelled with Ctrl+C (what was acknowledged stays
acknowledged, the rest is sent next time).

Wired into `app.cli.parser` with ``add_sync_commands(sub, parents=[common])``.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, Sequence

from app.cli.common import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK, CliError, open_store, profile_dir, warn


def add_sync_commands(subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Add ``sync`` and ``register`` to `subparsers` (``parents``: e.g. the ``--data`` parser)."""
    parents = list(parents)

    def data_option(p: argparse.ArgumentParser) -> None:
        if not parents:
            p.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                           help="folder profil (bawaan: $JEMPUT_HOME atau ~/.local/share/jemput)")

    p = subparsers.add_parser("sync", parents=parents,
                              help="kirim antrian ke server, ambil hasil verifikasi dan daftar target")
    data_option(p)
    p.add_argument("--until-done", action="store_true",
                   help="ulangi (dengan jeda yang makin panjang) sampai antrian kosong")
    p.add_argument("--no-pull", action="store_true", help="jangan ambil status dan daftar target")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="tampilkan kemajuan di stderr (bawaan: bila stderr terminal)")
    p.set_defaults(func=run_sync)

    p = subparsers.add_parser("register", parents=parents,
                              help="daftarkan laptop ini ke server dengan kode dari admin")
    data_option(p)
    p.add_argument("url", metavar="URL", help="alamat server, mis. https://dukcapil.example.go.id")
    p.add_argument("code", metavar="KODE", help="kode pendaftaran sekali pakai dari admin")
    p.add_argument("--name", metavar="NAMA", help="nama perangkat (bawaan: nama komputer)")
    p.add_argument("--ca-bundle", metavar="BERKAS",
                   help="sertifikat CA (PEM) server Dinas yang memakai sertifikat sendiri")
    p.add_argument("--cert-sha256", metavar="SHA256",
                   help="sematkan sertifikat server: sidik jari SHA-256-nya (dari admin); diperiksa tiap koneksi")
    p.add_argument("--allow-http", action="store_true",
                   help="izinkan http:// tanpa enkripsi ke alamat umum (tidak dianjurkan)")
    p.set_defaults(func=run_register)


def _open(args: argparse.Namespace):  # noqa: ANN202
    return open_store(profile_dir(_with_data(args)))


def _with_data(args: argparse.Namespace) -> argparse.Namespace:
    if not hasattr(args, "data"):
        args.data = None
    return args


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f}".replace(".", ",")


class _Progress:
    """Progress lines on stderr: redrawn in place on a terminal, a line every few seconds otherwise."""

    def __init__(self, enabled: bool, tty: bool):
        self.enabled = enabled
        self.tty = tty
        self.last = 0.0
        self.phase = ""
        self.drawn = False

    def __call__(self, p) -> None:  # noqa: ANN001 - SyncProgress
        if not self.enabled:
            return
        now = time.monotonic()
        interval = 0.2 if self.tty else 3.0
        if p.phase == self.phase and now - self.last < interval and p.phase != "done":
            return
        self.last, self.phase = now, p.phase
        words = {"probe": "menghubungi server", "send": "mengirim", "media": "mengunggah media",
                 "status": "mengambil status", "targets": "mengambil daftar target", "done": "selesai"}
        text = (f"Sinkron ({words.get(p.phase, p.phase)}): {p.records_done}/{p.records_total} rekaman, "
                f"{_mb(p.bytes_done)}/{_mb(p.bytes_total)} MB")
        if self.tty:
            print("\r" + text.ljust(78), end="", file=sys.stderr, flush=True)
            self.drawn = True
        else:
            print(text, file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.drawn:
            print(file=sys.stderr, flush=True)
            self.drawn = False


def run_sync(args: argparse.Namespace) -> int:
    """``jemput sync``; returns the exit code."""
    from sync.client import SyncPump, local_clock

    try:
        store = _open(args)
    except CliError as exc:
        warn(exc.message)
        return exc.code
    tty = bool(sys.stderr and sys.stderr.isatty())
    progress = _Progress(args.progress if args.progress is not None else tty, tty)
    pump = SyncPump(store)
    try:
        if not pump.registered:
            warn("perangkat ini belum didaftarkan; jalankan dulu 'jemput register URL KODE'")
            return EXIT_ERROR
        force = True
        while True:
            report = pump.run_once(progress, force=force, pull=not args.no_pull)
            progress.clear()
            if report.acked or report.parked or report.error is None:
                print(report.summary())
            if report.paused_reason:
                warn(report.paused_reason)
                return EXIT_ERROR
            if report.error is None:
                if args.until_done and pump.has_work(due_only=False):
                    continue  # records queued meanwhile
                if report.ok:
                    _purge_after_sync(store)
                return EXIT_OK
            if not args.until_done:
                when = local_clock(report.next_attempt_at)
                warn(report.error + (f" Percobaan otomatis berikutnya pukul {when}." if when else ""))
                return EXIT_ERROR
            when = local_clock(report.next_attempt_at)
            print(f"{report.error} Dicoba lagi pukul {when}.", file=sys.stderr, flush=True)
            _sleep_until(pump, report.next_attempt_at)
            force = False
    except KeyboardInterrupt:
        pump.abort()
        progress.clear()
        warn("dihentikan; rekaman yang belum diakui server dikirim lagi lain kali")
        return EXIT_CANCELLED
    finally:
        pump.close()
        store.close()


def _purge_after_sync(store) -> None:  # noqa: ANN001
    """The retention purge the window also runs after a clean sync (setting ``retention_days``)."""
    from app.store.errors import StoreError
    from app.store.retention import purge_by_setting

    try:
        result = purge_by_setting(store, actor="cli")
    except StoreError as exc:
        warn(f"pembersihan data lama gagal: {exc.message}")
        return
    if result is not None and result.recordings:
        print(result.summary())


def _sleep_until(pump, moment: str | None) -> None:  # noqa: ANN001
    from sync.client import parse_iso, utc_now

    target = parse_iso(moment)
    if target is None:
        time.sleep(1.0)
        return
    while True:
        left = (target - utc_now()).total_seconds()
        if left <= 0:
            return
        time.sleep(min(left, 1.0))


def run_register(args: argparse.Namespace) -> int:
    """``jemput register URL KODE``; returns the exit code."""
    from sync.client import SyncError, SyncPump

    try:
        store = _open(args)
    except CliError as exc:
        warn(exc.message)
        return exc.code
    pump = SyncPump(store)
    try:
        ca = None
        if args.ca_bundle:
            from pathlib import Path

            path = Path(args.ca_bundle).expanduser().resolve()
            if not path.is_file():
                warn(f"berkas sertifikat tidak ditemukan: {path}")
                return EXIT_ERROR
            ca = str(path)
        from sync.client import Keys
        from sync.client.transport import normalize_pin

        if args.cert_sha256 is not None:
            pump.settings.set(Keys.CERT_SHA256, normalize_pin(args.cert_sha256))
        if args.allow_http:
            pump.settings.set(Keys.ALLOW_HTTP, True)
        info = pump.register(args.url, args.code, args.name, ca_bundle=ca)
    except ValueError as exc:
        warn(str(exc))
        return EXIT_ERROR
    except SyncError as exc:
        warn(exc.message)
        return EXIT_ERROR
    finally:
        pump.close()
        store.close()
    print(f"Terdaftar sebagai perangkat {info.device_id} '{info.name}' wilayah {info.area_kode}.")
    print("Jalankan 'jemput sync' untuk mengirim antrian.")
    return EXIT_OK
