"""`jemput list`, `export` and `purge`: the recordings on this laptop."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from typing import Any

from app.cli.common import EXIT_OK, EXIT_USAGE, CliError, atomic_output, number, open_store, profile_dir, say
from app.cli.exporting import audit_export, begin_export, export_path


def cmd_list(args: argparse.Namespace) -> int:
    from app.store.recordings import RecordingRepo

    with open_store(profile_dir(args)) as store:
        repo = RecordingRepo(store)
        shown = 0
        for rec in _recordings(repo, args.status, args.search, args.limit):
            if shown == 0:
                say(f"{'UUID':<36}  {'STATUS':<16}  {'TANGGAL':<16}  NAMA")
            shown += 1
            say(f"{rec.uuid:<36}  {rec.status.value:<16}  {_local_time(rec.created_at):<16}  "
                 f"{rec.resident.nama or '-'}")
    if shown == 0:
        print("Tidak ada rekaman.", file=sys.stderr)
    return EXIT_OK


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return iso or "-"


def _recordings(repo, statuses, search, limit: int = 0, page: int = 500):
    offset = 0
    left = limit if limit and limit > 0 else None
    while True:
        size = page if left is None else min(page, left)
        if size <= 0:
            return
        batch = repo.list(status=statuses or None, search=search or None, limit=size, offset=offset)
        yield from batch
        if len(batch) < size:
            return
        offset += len(batch)
        if left is not None:
            left -= len(batch)


EXPORT_META = (
    "uuid", "status", "created_at", "updated_at", "operator", "server_status", "server_message",
    "photo_exception", "signature_exception", "replaces_uuid",
)


def export_record(rec, media: dict[str, str]) -> dict[str, Any]:
    """A recording as the JSON export writes it (biodata as `Resident.to_dict`)."""
    out: dict[str, Any] = {name: getattr(rec, name) for name in EXPORT_META}
    out["status"] = rec.status.value
    out["acknowledgements"] = [a.to_dict() for a in rec.acknowledgements]
    out["media"] = dict(sorted(media.items()))
    out["resident"] = rec.resident.to_dict()
    return out


def export_csv_header() -> list[str]:
    from app.core.resident import RESIDENT_FIELDS

    return [*EXPORT_META, "photo_sha256", "signature_sha256", "acknowledgements", *RESIDENT_FIELDS]


def export_csv_row(record: dict[str, Any]) -> list[Any]:
    from app.core.resident import RESIDENT_FIELDS

    resident = record["resident"]
    cells: list[Any] = [record[name] if record[name] is not None else "" for name in EXPORT_META]
    cells += [record["media"].get("photo", ""), record["media"].get("signature", "")]
    cells.append(json.dumps(record["acknowledgements"], ensure_ascii=False) if record["acknowledgements"] else "")
    for name in RESIDENT_FIELDS:
        value = resident.get(name)
        if isinstance(value, list):
            value = ";".join(str(v) for v in value)
        cells.append("" if value is None else value)
    return cells


def cmd_export(args: argparse.Namespace) -> int:
    """Recordings with biodata to a 0600 file (never stdout): supervisor only, warned and audited."""
    from app.store.recordings import RecordingRepo

    output = export_path(args.output, args.format, prefix="jemput-ekspor")
    count = 0
    with open_store(profile_dir(args)) as store:
        begin_export(store)
        repo = RecordingRepo(store)
        with atomic_output(output) as fh:
            if args.format == "csv":
                writer = csv.writer(fh)
                writer.writerow(export_csv_header())
            else:
                fh.write("[")
            for rec in _recordings(repo, args.status, None):
                record = export_record(rec, repo.media_hashes(rec.uuid))
                if args.format == "csv":
                    writer.writerow(export_csv_row(record))
                else:
                    fh.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
                count += 1
            if args.format == "json":
                fh.write("\n]\n" if count else "]\n")
        audit_export(store, "export.written",
                     {"count": count, "format": args.format, "statuses": sorted(args.status or [])})
    print(f"{number(count)} rekaman diekspor ke {output} (mode 0600, tidak terenkripsi).", file=sys.stderr)
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """Retention purge now: counts only on stdout (``--dry-run`` changes nothing)."""
    from app.store.retention import MAX_RETENTION_DAYS, purge_settled, retention_days

    if args.days is not None and not 1 <= args.days <= MAX_RETENTION_DAYS:
        raise CliError(f"--days harus 1-{MAX_RETENTION_DAYS}", EXIT_USAGE)
    with open_store(profile_dir(args)) as store:
        days = args.days if args.days is not None else retention_days(store)
        if days <= 0:
            say("Pembersihan otomatis dimatikan (retention_days = 0); tidak ada yang dihapus. "
                 "Beri --days N untuk membersihkan sekarang.")
            return EXIT_OK
        result = purge_settled(store, days, dry_run=args.dry_run, actor="cli")
    say(result.summary())
    return EXIT_OK
