"""What every export of residents' data on the command line does alike (`export`, `export-targets`):
a file only (0600, never stdout), a supervisor or admin only, the warning that it is unencrypted and
who may hold it, and an audit entry with the count (never personal data)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.cli.common import EXIT_USAGE, CliError

EXPORT_WARNING = (
    "PERINGATAN: berkas ekspor TIDAK terenkripsi dan memuat data penduduk (NIK, nama, alamat). Hanya "
    "supervisor atau petugas Disdukcapil yang berwenang boleh memegangnya; jangan dikirim lewat chat atau "
    "email, simpan di media terenkripsi dan hapus setelah dipakai."
)


def default_export_path(fmt: str, now: dt.datetime | None = None, *, prefix: str = "jemput-ekspor") -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return Path(f"{prefix}-{stamp}.{fmt}")


def export_path(output: str | None, fmt: str, *, prefix: str) -> Path:
    """The file to write: `output`, or a stamped name in the current folder; stdout (``-``) is refused."""
    if output in ("-", ""):
        raise CliError("ekspor tidak ditulis ke layar (stdout); beri --output BERKAS", EXIT_USAGE)
    path = Path(output).expanduser() if output else default_export_path(fmt, prefix=prefix)
    if not path.parent.is_dir():
        raise CliError(f"folder tujuan tidak ada: {path.parent}")
    return path


def begin_export(store) -> None:  # noqa: ANN001 - an open Store
    """Refuse anyone but a supervisor or admin, then warn on stderr before anything is written."""
    from app.core import roles
    from app.store import people

    people.require(store, roles.EXPORT)
    print(EXPORT_WARNING, file=sys.stderr)


def audit_export(store, action: str, detail: dict) -> None:  # noqa: ANN001 - an open Store
    """One audit entry for a written export: who, how many (the caller's `detail`: counts and filters)."""
    from app.store.audit import AuditLog

    person = store.person
    AuditLog(store).append(action, actor=person.name if person else "cli",
                           detail={**detail, "operator_id": person.id if person else None})
