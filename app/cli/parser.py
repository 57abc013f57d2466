"""The `jemput` argument parser: every command, its options, and usage errors in Indonesian."""

from __future__ import annotations

import argparse
import re
import sys

from app.cli.common import EXIT_USAGE, MIN_PASSPHRASE_LENGTH, NEW_PASSPHRASE_ENV, PASSPHRASE_ENV
from app.cli.backup import add_backup_commands
from app.cli.doctor import cmd_doctor
from app.cli.profile import cmd_change_passphrase, cmd_demo, cmd_init
from app.cli.records import cmd_export, cmd_list, cmd_purge
from app.cli.sync import add_sync_commands
from app.cli import audit, hand_carry, marks, schedules, trips
from app.cli import people as people_cli
from app.cli.targets import cmd_export_targets, cmd_import_regions, cmd_import_targets


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


class _VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked (importlib.metadata is slow to load)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="tampilkan versi lalu keluar"):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser._print_message(f"jemput {_version()}\n", sys.stdout)  # stdout, as argparse's own
        parser.exit()


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
    parser.add_argument("--version", action=_VersionAction)
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

    p = sub.add_parser("export-targets", parents=[common],
                       help="ekspor daftar target yang tersimpan (untuk diperiksa)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", metavar="BERKAS", help="berkas tujuan (bawaan: stdout)")
    p.set_defaults(func=cmd_export_targets)

    marks.add_parser(sub, common)
    trips.add_parser(sub, common)
    schedules.add_parser(sub, common)
    audit.add_parser(sub, common)

    statuses = _status_values()
    p = sub.add_parser("list", parents=[common], help="daftar rekaman")
    p.add_argument("--status", action="append", choices=statuses, metavar="STATUS",
                   help=f"hanya status ini (boleh berulang): {', '.join(statuses)}")
    p.add_argument("--search", metavar="TEKS", help="awal NIK atau kata nama")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="paling banyak N rekaman (0: semua)")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("export", parents=[common],
                       help="ekspor rekaman beserta biodata ke berkas TIDAK terenkripsi (khusus supervisor)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", metavar="BERKAS",
                   help="berkas tujuan, dibuat 0600 (bawaan: jemput-ekspor-TANGGAL-JAM.csv|json di folder ini)")
    p.add_argument("--status", action="append", choices=statuses, metavar="STATUS",
                   help="hanya status ini (boleh berulang)")
    p.set_defaults(func=cmd_export)

    people_cli.add_parser(sub, common)

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

    add_backup_commands(sub, parents=[common])
    add_sync_commands(sub, parents=[common])
    hand_carry.add_parsers(sub, common)
    return parser


def _status_values() -> list[str]:
    from app.core.lifecycle import RecordingStatus

    return [s.value for s in RecordingStatus]
