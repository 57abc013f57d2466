"""`jemput init`, `change-passphrase` and `demo`: making and re-keying profiles."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    SEED_REGIONS_CSV,
    CliError,
    ask_new_passphrase,
    ask_passphrase,
    number,
    profile_dir,
    say,
)
from app.store.keys import MIN_PASSPHRASE_LENGTH


def cmd_init(args: argparse.Namespace) -> int:
    from app.store.database import create_profile, profile_exists
    from app.store.operators import MAX_NAME_LENGTH, OperatorRepo
    from app.store.profile import db_path
    from app.store.regions_store import import_regions_csv
    from app.store.settings import Settings

    data_dir = profile_dir(args)
    if profile_exists(data_dir) or (db_path(data_dir).is_file() and db_path(data_dir).stat().st_size > 0):
        raise CliError(f"sudah ada profil di {data_dir}; tidak ada yang diubah")
    operator = " ".join(args.operator.split())
    if not operator:
        raise CliError("nama operator tidak boleh kosong", EXIT_USAGE)
    if len(operator) > MAX_NAME_LENGTH:
        raise CliError(f"nama operator paling banyak {MAX_NAME_LENGTH} karakter", EXIT_USAGE)
    if args.min_age is not None and not 1 <= args.min_age <= 17:
        raise CliError("--min-age harus 1-17", EXIT_USAGE)
    passphrase = ask_passphrase(confirm=True)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise CliError(f"kata sandi minimal {MIN_PASSPHRASE_LENGTH} karakter")
    from app.core.messages import CodedError
    from app.core.passphrase_strength import check_strength

    try:
        check_strength(passphrase, tuple(operator.lower().split()))
    except CodedError as exc:
        raise CliError(exc.message) from None
    seed = SEED_REGIONS_CSV

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # Built beside the target and moved in when complete: an interrupted init leaves no half profile.
    staging = data_dir.parent / f".{data_dir.name}.init-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with create_profile(staging, passphrase) as store:
            with store.transaction():
                # The one who makes the profile is its admin (adds the team with `jemput people add`).
                OperatorRepo(store).create(operator, "admin", key_slot=store.slot_id)
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
    say(f"Profil dibuat di {data_dir}")
    say(f"Operator: {operator}; data master awal: {number(regions)} wilayah")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    """Re-key the profile: the old passphrase is checked first, then the new one is asked."""
    from app.store.database import open_profile, profile_exists
    from app.store.passphrase import change_passphrase

    data_dir = profile_dir(args)
    if not profile_exists(data_dir):
        raise CliError(f"profil tidak ditemukan di {data_dir} (pilih folder lain dengan --data)")
    old = ask_passphrase(prompt="Kata sandi lama: ")
    with open_profile(data_dir, old) as store:  # a wrong old passphrase stops here, before the new is asked
        new = ask_new_passphrase()
        if new == old:
            raise CliError("kata sandi baru sama dengan kata sandi lama; tidak ada yang diubah")
        say("Mengganti kata sandi…", file=sys.stderr)
        change_passphrase(data_dir, old, new, store=store, actor="cli")
    say(f"Kata sandi profil di {data_dir} sudah diganti.")
    say("Mulai sekarang buka profil ini dengan kata sandi baru; kata sandi lama tidak berlaku lagi.")
    return EXIT_OK


def _move_profile(staging: Path, data_dir: Path) -> None:
    """Move a closed, complete profile into `data_dir`; the database file goes last."""
    from app.store.database import move_profile_into, profile_exists

    if profile_exists(data_dir):  # pragma: no cover - another process won the race
        raise CliError(f"sudah ada profil di {data_dir}; tidak ada yang diubah")
    move_profile_into(staging, data_dir)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo.profile import DEMO_PASSPHRASE, open_or_create_demo
    from app.session import DEMO_FOLDER
    from app.store.database import profile_exists
    from app.store.errors import WrongPassphrase
    from app.store.recordings import RecordingRepo
    from app.store.targets import TargetRepo

    folder = profile_dir(args) / DEMO_FOLDER
    existed = profile_exists(folder)
    try:
        store = open_or_create_demo(folder)
    except WrongPassphrase:
        raise CliError(f"sudah ada profil lain (bukan demo) di {folder}; tidak ada yang diubah") from None
    with store:
        targets = TargetRepo(store).count()
        recordings = RecordingRepo(store).count()
    say(("Profil demo sudah ada di " if existed else "Profil demo dibuat di ") + str(folder))
    say(f"{number(targets)} target, {number(recordings)} rekaman (semua orang di dalamnya fiktif)")
    say(f"Kata sandi demo: {DEMO_PASSPHRASE}")
    say(f"Buka dengan: jemput --data {folder}")
    return EXIT_OK
