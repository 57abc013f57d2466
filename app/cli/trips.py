"""`jemput trip ...`: trips (kunjungan) from the terminal: list, create, activate, deactivate, plan
targets (a file of NIKs) and read a school's class list.

The rules are `app.core.trips`; a refusal is the catalogue's Indonesian line
(exit code 1). Only counts, trip names and dates are printed, never a
student's or resident's NIK or name.
"""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.common import EXIT_ERROR, EXIT_OK, CliError, existing_file, number, open_store, profile_dir, say


def _date(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"tanggal tidak dikenal: {text} (pakai YYYY-MM-DD atau DD-MM-YYYY)")


def _find(trips, key: str):
    """A trip by its id or its exact name (case-insensitive)."""
    found = [t for t in trips.list() if t.id == key or t.name.casefold() == key.strip().casefold()]
    if len(found) != 1:
        raise CliError("kunjungan tidak ditemukan" if not found else "nama kunjungan ganda; pakai id-nya")
    return found[0]


def _run(args: argparse.Namespace, work) -> int:
    from app.core.messages import CodedError
    from app.store.trips import Trips

    with open_store(profile_dir(args)) as store:
        try:
            work(store, Trips(store))
        except CodedError as exc:
            raise CliError(exc.message, EXIT_ERROR) from None
    return EXIT_OK


def cmd_trip_list(args: argparse.Namespace) -> int:
    def work(store, trips):
        activated = trips.activated()
        for t in trips.list():
            mark = "*" if activated is not None and activated.id == t.id else " "
            counts = trips.counts(t.id)
            say(f"{mark} {t.id}  {t.start.isoformat()}..{t.end.isoformat()}  {t.type.label}  {t.name} "
                f"({t.place}; tim: {', '.join(t.team)}; {number(counts['planned'])} target, "
                f"{number(counts['recordings'])} rekaman)")
    return _run(args, work)


def cmd_trip_create(args: argparse.Namespace) -> int:
    from app.core.trips import parse_team

    def work(store, trips):
        trip = trips.create(args.name, args.type, args.place, args.start, args.end or args.start,
                            parse_team(args.team))
        say(f"kunjungan dibuat: {trip.id}")
        if args.activate:
            trips.activate(trip.id, dt.date.today())
            say("kunjungan diaktifkan")
    return _run(args, work)


def cmd_trip_activate(args: argparse.Namespace) -> int:
    def work(store, trips):
        trip = trips.activate(_find(trips, args.trip).id, dt.date.today())
        say(f"kunjungan aktif: {trip.name}")
    return _run(args, work)


def cmd_trip_deactivate(args: argparse.Namespace) -> int:
    return _run(args, lambda store, trips: (trips.deactivate(), say("tidak ada kunjungan aktif")))


def cmd_trip_assign(args: argparse.Namespace) -> int:
    from app.cli.marks import read_niks

    path = existing_file(args.file)
    niks, skipped = read_niks(path)

    def work(store, trips):
        added = trips.assign(_find(trips, args.trip).id, niks)
        say(f"{number(len(set(niks)))} NIK direncanakan ({number(added)} baru); "
            f"{number(skipped)} baris tanpa NIK dilewati.")
    return _run(args, work)


def cmd_trip_import_class(args: argparse.Namespace) -> int:
    from app.school_import import import_class_list

    path = existing_file(args.file)

    def work(store, trips):
        result = import_class_list(store, _find(trips, args.trip).id, path)
        say(f"daftar kelas: {number(result.added)} siswa baru, {number(result.updated)} diperbarui, "
            f"{number(len(result.problems))} baris ditolak.")
        for line, reason in result.problems[:20]:
            say(f"  baris {line}: {reason}")
    return _run(args, work)


def add_parser(sub, common) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    from app.core.trips import TripType

    p = sub.add_parser("trip", parents=[common], help="kunjungan (trip): daftar, buat, aktifkan, target, daftar kelas")
    trip_sub = p.add_subparsers(dest="trip_command", metavar="AKSI", required=True)
    q = trip_sub.add_parser("list", parents=[common], help="daftar kunjungan (* = aktif)")
    q.set_defaults(func=cmd_trip_list)
    q = trip_sub.add_parser("create", parents=[common], help="buat kunjungan")
    q.add_argument("--name", required=True, metavar="NAMA")
    q.add_argument("--type", required=True, choices=[t.value for t in TripType], metavar="JENIS",
                   help=", ".join(t.value for t in TripType))
    q.add_argument("--place", required=True, metavar="TEMPAT")
    q.add_argument("--start", required=True, type=_date, metavar="TANGGAL")
    q.add_argument("--end", type=_date, metavar="TANGGAL", help="bawaan: sama dengan --start")
    q.add_argument("--team", required=True, metavar="NAMA,NAMA", help="anggota tim, dipisah koma")
    q.add_argument("--activate", action="store_true", help="langsung aktifkan (hari ini)")
    q.set_defaults(func=cmd_trip_create)
    q = trip_sub.add_parser("activate", parents=[common], help="aktifkan kunjungan (id atau nama)")
    q.add_argument("trip", metavar="KUNJUNGAN")
    q.set_defaults(func=cmd_trip_activate)
    q = trip_sub.add_parser("deactivate", parents=[common], help="tidak ada kunjungan aktif")
    q.set_defaults(func=cmd_trip_deactivate)
    q = trip_sub.add_parser("assign", parents=[common], help="rencanakan target (NIK di kolom pertama berkas)")
    q.add_argument("trip", metavar="KUNJUNGAN")
    q.add_argument("file", metavar="BERKAS")
    q.set_defaults(func=cmd_trip_assign)
    q = trip_sub.add_parser("import-class", parents=[common], help="impor daftar kelas (XLSX/CSV) kunjungan sekolah")
    q.add_argument("trip", metavar="KUNJUNGAN")
    q.add_argument("file", metavar="BERKAS")
    q.set_defaults(func=cmd_trip_import_class)
