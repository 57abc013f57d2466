"""`jemput mark-targets`: mark the residents of a list with a category (a school's class list for
pelajar, a prison's roll for tahanan, a company's staff list for pekerja, ...).

The list is a text or CSV file; the first field of each line is a NIK (spaces,
hyphens or dots between the digits are fine). Lines without one (a header, an
empty line) are skipped and counted; NIKs not on the target list are marked
all the same (the list may come before the targets) and counted. Only counts
are printed, never a NIK or a name.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, CliError, existing_file, number, open_store, profile_dir, say


def read_niks(path) -> tuple[list[str], int]:
    """(NIKs in file order, lines without one): `app.targetfile.niks.read_niks`."""
    from app.targetfile.niks import NikListError
    from app.targetfile.niks import read_niks as read

    try:
        return read(path)
    except NikListError as exc:
        raise CliError(str(exc)) from None


def cmd_mark_targets(args: argparse.Namespace) -> int:
    from app.core.categories import Category
    from app.store.visits import VisitOutcomes

    try:
        category = Category.parse(args.category)
    except ValueError:
        raise CliError(f"kategori tidak dikenal: {args.category}") from None
    if not category.markable:
        raise CliError("lansia diturunkan dari tanggal lahir, tidak ditandai")
    path = existing_file(args.file)
    niks, skipped = read_niks(path)
    with open_store(profile_dir(args)) as store:
        added = VisitOutcomes(store).mark(niks, category, source=args.source or path.name)
        unknown = sum(1 for nik in set(niks) if not store.query("SELECT 1 FROM targets WHERE nik = ?", (nik,)))
    say(f"{number(len(set(niks)))} NIK ditandai {category.label} ({number(added)} baru); "
        f"{number(skipped)} baris tanpa NIK dilewati; {number(unknown)} NIK belum ada di daftar target.")
    return EXIT_OK


def add_parser(sub, common) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    from app.core.categories import Category

    names = [c.value for c in Category if c.markable]
    p = sub.add_parser("mark-targets", parents=[common],
                       help="tandai warga dalam daftar (NIK di kolom pertama) dengan satu kategori")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--category", "-k", required=True, metavar="KATEGORI", help=f"salah satu: {', '.join(names)}")
    p.add_argument("--source", metavar="TEKS", help="asal daftar (bawaan: nama berkas)")
    p.set_defaults(func=cmd_mark_targets)
