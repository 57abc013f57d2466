"""`jemput people list|add|remove`: who may open this profile, each with their own passphrase (admin only).

The admin's passphrase opens the profile (``JEMPUT_PASSPHRASE`` or asked);
a new person's passphrase comes from ``JEMPUT_NEW_PASSPHRASE`` or is asked
twice, and must be strong (`app.core.passphrase_strength`). Adding or
removing a person rewrites one key slot in ``profile.json``, never the
database (`app.store.people`).
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, CliError, ask_new_passphrase, open_store, profile_dir, say

ROLE_CHOICES = ("operator", "supervisor", "admin")


def add_parser(sub, common) -> None:
    p = sub.add_parser("people", parents=[common], help="kelola pengguna profil ini (khusus admin)")
    people = p.add_subparsers(dest="people_command", metavar="PERINTAH", required=True,
                              parser_class=type(p))
    q = people.add_parser("list", parents=[common], help="daftar pengguna dan perannya")
    q.add_argument("--all", action="store_true", help="termasuk pengguna yang sudah dihapus")
    q.set_defaults(func=cmd_people_list)
    q = people.add_parser("add", parents=[common], help="tambah pengguna dengan kata sandinya sendiri")
    q.add_argument("name", metavar="NAMA")
    q.add_argument("--role", choices=ROLE_CHOICES, default="operator", help="peran (bawaan: operator)")
    q.set_defaults(func=cmd_people_add)
    q = people.add_parser("remove", parents=[common], help="hapus pengguna: kata sandinya tidak membuka apa pun lagi")
    q.add_argument("name", metavar="NAMA")
    q.set_defaults(func=cmd_people_remove)


def cmd_people_list(args: argparse.Namespace) -> int:
    from app.core import roles
    from app.store import people

    with open_store(profile_dir(args)) as store:
        people.require(store, roles.MANAGE_PEOPLE)
        rows = people.list_people(store, with_removed=args.all)
    say(f"{'ID':>4}  {'PERAN':<10}  {'STATUS':<8}  NAMA")
    for p in rows:
        say(f"{p.id:>4}  {p.role:<10}  {'aktif' if p.active else 'dihapus':<8}  {p.name}")
    return EXIT_OK


def cmd_people_add(args: argparse.Namespace) -> int:
    from app.core import roles
    from app.store import people

    with open_store(profile_dir(args)) as store:
        people.require(store, roles.MANAGE_PEOPLE)  # before the new passphrase is asked
        passphrase = ask_new_passphrase()
        person = people.add_person(store, args.name, args.role, passphrase)
    say(f"Pengguna {person.name} ({person.role}) ditambahkan; kata sandinya membuka profil ini.")
    return EXIT_OK


def cmd_people_remove(args: argparse.Namespace) -> int:
    from app.store import people
    from app.store.errors import NotFound

    with open_store(profile_dir(args)) as store:
        try:
            person = people.find_person(store, args.name)
        except NotFound:
            raise CliError(f"pengguna tidak ditemukan: {args.name}") from None
        people.remove_person(store, person.id)
    say(f"Pengguna {person.name} dihapus; kata sandinya tidak membuka profil ini lagi.")
    return EXIT_OK
