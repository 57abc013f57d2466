"""``jemput-server registrations list|issue``: families with no NIK/KK yet, and the numbers the office issued.

The list shows names (the admin's terminal only, like ``review``); ``issue``
takes the KK number and one ``--nik`` per member in the listed order, checks
them (`sync.server.registrations.issue`) and the device gets them with its next
status pull.
"""

from __future__ import annotations

import argparse
import json


def _member_lines(held) -> list[str]:  # noqa: ANN001 - registrations.HeldRegistration
    reg = held.registration
    lines = []
    for i, m in enumerate(reg.members):
        nik = held.niks[i] if i < len(held.niks) else "-"
        lines.append(f"    {i + 1}. {m.nama} ({m.jenis_kelamin.value if m.jenis_kelamin else '-'}, "
                     f"{m.tempat_lahir}, {m.tanggal_lahir}) {m.hubungan_keluarga.label if m.hubungan_keluarga else '-'}"
                     f"  NIK: {nik}")
    return lines


def _as_json(held) -> dict:  # noqa: ANN001
    return {"uuid": held.uuid, "device": held.device_name, "recorded_on": held.recorded_on.isoformat(),
            "family": held.registration.to_dict(), "no_kk": held.no_kk, "niks": list(held.niks),
            "issued_at": held.issued_at.isoformat() if held.issued_at else None}


def cmd_list(args: argparse.Namespace) -> int:
    from sync.server import registrations
    from sync.server.cli import _engine

    engine, _ = _engine(args)
    found = registrations.list_registrations(engine, waiting_only=not args.all)
    if args.json:
        print(json.dumps([_as_json(h) for h in found], ensure_ascii=False, sort_keys=True))
        return 0
    if not found:
        print("Tidak ada registrasi yang menunggu NIK/KK." if not args.all else "Belum ada registrasi.")
    for held in found:
        a = held.registration.address
        state = f"TERBIT, KK {held.no_kk}" if held.issued else "MENUNGGU NIK/KK"
        print(f"{held.uuid}  {state}  perangkat '{held.device_name}'  direkam {held.recorded_on}")
        print(f"  {a.alamat} RT {a.rt}/RW {a.rw}, {a.kelurahan_kode}: {len(held.registration.members)} anggota")
        print("\n".join(_member_lines(held)))
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    from sync.server import registrations
    from sync.server.cli import _engine

    engine, _ = _engine(args)
    held = registrations.issue(engine, args.uuid, args.kk, args.nik or [], by=args.by or "cli")
    print(f"Registrasi {held.uuid}: KK dan {len(held.niks)} NIK tersimpan. Perangkat '{held.device_name}' "
          "menerimanya pada sinkron berikutnya.")
    return 0


def add_parsers(sub, common) -> None:  # noqa: ANN001 - argparse's subparsers action and cli.common
    reg = sub.add_parser("registrations", help="warga belum ber-NIK/KK: list | issue UUID --kk KK --nik NIK...")
    reg_sub = reg.add_subparsers(dest="registrations_command", required=True)
    p = common(reg_sub.add_parser("list", help="registrasi yang menunggu NIK/KK (memuat nama)"))
    p.add_argument("--all", action="store_true", help="juga yang sudah terbit")
    p.add_argument("--json", action="store_true", help="satu baris JSON")
    p.set_defaults(func=cmd_list)
    p = common(reg_sub.add_parser("issue", help="simpan nomor KK dan NIK yang diterbitkan untuk satu registrasi"))
    p.add_argument("uuid", help="UUID registrasi (lihat registrations list)")
    p.add_argument("--kk", required=True, help="nomor KK yang diterbitkan (16 angka; spasi, titik, tanda hubung boleh)")
    p.add_argument("--nik", action="append", metavar="NIK",
                   help="NIK yang diterbitkan, satu per anggota, urut seperti di daftar (ulangi --nik)")
    p.add_argument("--by", default=None, help="nama petugas yang menerbitkan (bawaan: cli)")
    p.set_defaults(func=cmd_issue)
