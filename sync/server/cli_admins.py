"""``jemput-server admin add|remove|list``: the dashboard's admin accounts from the command line.

``add`` asks the password twice (hidden on a terminal; two lines of standard
input otherwise) and stores only its argon2 hash (`sync.server.admin_auth`).
"""

from __future__ import annotations

import argparse
import sys


def _ask_password() -> str:
    """The new password, typed twice: hidden on a terminal; from two lines of
    standard input otherwise (scripts, tests)."""
    from getpass import getpass

    from sync.server.admin import AdminError

    if sys.stdin.isatty():
        first, second = getpass("Kata sandi: "), getpass("Ulangi kata sandi: ")
    else:
        first, second = sys.stdin.readline().rstrip("\r\n"), sys.stdin.readline().rstrip("\r\n")
    if first != second:
        raise AdminError("kedua kata sandi tidak sama; akun tidak dibuat")
    return first


def cmd_admin_add(args: argparse.Namespace) -> int:
    from sync.server import admin_auth

    admin_auth.normalize_name(args.name)  # refused before the password is asked
    password = _ask_password()
    admin_auth.check_password(password)
    from sync.server.cli import _engine

    engine, _ = _engine(args)
    name = admin_auth.add_admin(engine, args.name, password)
    print(f"Admin '{name}' dibuat. Masuk ke dasbor di /login.")
    return 0


def cmd_admin_remove(args: argparse.Namespace) -> int:
    from sync.server import admin_auth

    from sync.server.cli import _engine

    engine, _ = _engine(args)
    name = admin_auth.remove_admin(engine, args.name)
    print(f"Admin '{name}' dihapus; sesinya berakhir.")
    return 0


def cmd_admin_list(args: argparse.Namespace) -> int:
    from sync.server import admin_auth

    from sync.server.cli import _engine

    engine, _ = _engine(args)
    admins = admin_auth.list_admins(engine)
    if not admins:
        print("Belum ada admin. Buat dengan: jemput-server admin add NAMA --data DIR")
    for a in admins:
        print(f"{a['name']}\tdibuat {a['created_at']:%Y-%m-%d %H:%M} UTC\tsesi aktif {a['sessions']}")
    return 0
