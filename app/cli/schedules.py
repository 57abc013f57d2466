"""`jemput schedule ...`: recording slots per RT and their invitations from the terminal: list the RTs and slots,
plan slots, hand out invitations (list order or a seeded random order), re-invite who missed, mark the farthest RT.

The rules are `app.core.schedules`; a refusal is the catalogue's Indonesian line
(exit code 1). Only counts, areas, days and hours are printed, never a
resident's NIK or name. The papers (PDF) are printed from the Jadwal page.
"""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.common import EXIT_ERROR, EXIT_OK, CliError, number, open_store, profile_dir, say
from app.cli.trips import _date


def _rt(text: str):
    """'16.71.01.1001/003/002' (kelurahan/RW/RT) as an `RtKey`."""
    from app.core.schedules import RtKey

    parts = [p.strip() for p in text.split("/")]
    if len(parts) != 3 or not all(parts):
        raise argparse.ArgumentTypeError(f"RT tidak dikenal: {text} (pakai KELURAHAN/RW/RT, mis. 16.71.01.1001/003/002)")
    return RtKey(*parts)


def _time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip().replace(".", ":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"jam tidak dikenal: {text} (pakai HH:MM)") from None


def _run(args: argparse.Namespace, work) -> int:
    from app.core.messages import CodedError
    from app.store.schedules import Schedules

    with open_store(profile_dir(args)) as store:
        try:
            work(Schedules(store))
        except CodedError as exc:
            raise CliError(exc.message, EXIT_ERROR) from None
    return EXIT_OK


def _without_slot(count: int) -> None:
    if count:
        say(f"{number(count)} warga belum mendapat tempat: rencanakan jadwal lagi.")


def cmd_schedule_list(args: argparse.Namespace) -> int:
    from app.core.schedules import window_text

    def work(schedules):
        for s in schedules.rts():
            far = "  (terjauh)" if s.farthest else ""
            say(f"{s.rt.kelurahan_kode}/{s.rt.rw}/{s.rt.rt}  {number(s.targets)} target, {number(s.recorded)} "
                f"direkam, {number(s.slots)} jadwal, {number(s.invited)} diundang{far}")
            if args.slots:
                for slot in schedules.slots(s.rt):
                    say(f"    {slot.day.isoformat()} {window_text(slot.window.start, slot.window.end)}  "
                        f"{slot.window.place}: {number(slot.invited)}/{number(slot.capacity)}")
    return _run(args, work)


def cmd_schedule_plan(args: argparse.Namespace) -> int:
    from app.core.schedules import check_window

    def work(schedules):
        window = check_window(args.place, args.start, args.end, args.sets, args.minutes)
        made = schedules.plan(args.rt, args.date, window, today=dt.date.today(),
                              skip_weekdays=() if args.sundays else (6,))
        if not made:
            say("semua warga RT ini sudah mendapat tempat: tidak ada jadwal baru.")
            return
        say(f"{number(len(made))} jadwal baru ({number(window.capacity)} warga per jadwal), "
            f"{made[0].day.isoformat()} sampai {made[-1].day.isoformat()}.")
    return _run(args, work)


def cmd_schedule_assign(args: argparse.Namespace) -> int:
    def work(schedules):
        result = schedules.assign(args.rt, "acak" if args.seed is not None else "urut", args.seed or 0,
                                  today=dt.date.today())
        say(f"{number(len(result.invitations))} warga diundang.")
        _without_slot(len(result.without_slot))
    return _run(args, work)


def cmd_schedule_reinvite(args: argparse.Namespace) -> int:
    def work(schedules):
        result = schedules.reinvite_missed(args.rt, today=dt.date.today())
        say(f"{number(len(result.invitations))} warga yang terlewat diundang ke jadwal berikutnya.")
        _without_slot(len(result.without_slot))
    return _run(args, work)


def cmd_schedule_farthest(args: argparse.Namespace) -> int:
    def work(schedules):
        schedules.set_farthest(args.rt, not args.off)
        say("tanda RT terjauh dihapus." if args.off else "RT ditandai terjauh: semua warganya dijemput.")
    return _run(args, work)


def add_parser(sub, common) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    p = sub.add_parser("schedule", parents=[common], help="jadwal dan undangan perekaman per RT")
    schedule_sub = p.add_subparsers(dest="schedule_command", metavar="AKSI", required=True)
    q = schedule_sub.add_parser("list", parents=[common], help="RT dengan target, jadwal dan undangannya")
    q.add_argument("--slots", action="store_true", help="tampilkan juga jadwal tiap RT")
    q.set_defaults(func=cmd_schedule_list)
    rt_help = "KELURAHAN/RW/RT, mis. 16.71.01.1001/003/002"
    q = schedule_sub.add_parser("plan", parents=[common], help="rencanakan jadwal secukupnya untuk warga RT")
    q.add_argument("--rt", required=True, type=_rt, metavar="RT", help=rt_help)
    q.add_argument("--place", required=True, metavar="TEMPAT")
    q.add_argument("--date", required=True, type=_date, metavar="TANGGAL", help="hari pertama")
    q.add_argument("--start", required=True, type=_time, metavar="JAM")
    q.add_argument("--end", required=True, type=_time, metavar="JAM")
    q.add_argument("--sets", type=int, default=1, metavar="N", help="set alat (bawaan 1)")
    q.add_argument("--minutes", type=int, default=10, metavar="N", help="menit per perekaman (bawaan 10)")
    q.add_argument("--sundays", action="store_true", help="hari Minggu juga dipakai")
    q.set_defaults(func=cmd_schedule_plan)
    q = schedule_sub.add_parser("assign", parents=[common], help="undang warga RT yang belum diundang")
    q.add_argument("--rt", required=True, type=_rt, metavar="RT", help=rt_help)
    q.add_argument("--seed", type=int, metavar="KODE", help="urutan acak dari kode ini (tanpa: urut daftar)")
    q.set_defaults(func=cmd_schedule_assign)
    q = schedule_sub.add_parser("reinvite", parents=[common], help="undang ulang warga yang jadwalnya terlewat")
    q.add_argument("--rt", required=True, type=_rt, metavar="RT", help=rt_help)
    q.set_defaults(func=cmd_schedule_reinvite)
    q = schedule_sub.add_parser("farthest", parents=[common], help="tandai RT terjauh (semua warganya dijemput)")
    q.add_argument("--rt", required=True, type=_rt, metavar="RT", help=rt_help)
    q.add_argument("--off", action="store_true", help="hapus tanda")
    q.set_defaults(func=cmd_schedule_farthest)
