"""`jemput audit verify` and `jemput audit status`: the audit trail's hash chain, checked on the laptop.

`verify` walks every entry (`app.store.audit.AuditLog.verify`) and names the
first changed, removed or reordered one (exit code 1). `status` also says how
far the server holds the trail and whether it flagged this device (a chain
rewritten on the laptop no longer continues the server's copy). Only ids,
counts and kinds are printed, never an entry's detail.
"""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_ERROR, EXIT_OK, number, open_store, profile_dir, say, warn

BREAK_TEXT = {
    "changed": "entri #{entry_id} telah diubah (isinya tidak cocok dengan hash-nya)",
    "removed": "ada entri yang dihapus sebelum entri #{entry_id}",
    "reordered": "urutan entri diubah: entri #{entry_id} tidak di tempatnya",
}


def break_text(kind: str, entry_id: int) -> str:
    return BREAK_TEXT[kind].format(entry_id=entry_id)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.store.audit import AuditLog

    with open_store(profile_dir(args)) as store:
        count, broken = AuditLog(store).verify()
    if broken is not None:
        warn(f"jejak audit rusak: {break_text(broken.kind, broken.entry_id)}")
        return EXIT_ERROR
    say(f"Jejak audit utuh: {number(count)} entri, rantai hash cocok.")
    return EXIT_OK


def cmd_audit_status(args: argparse.Namespace) -> int:
    from app.store.audit import AuditLog
    from app.store.audit_sync import AuditSyncState

    with open_store(profile_dir(args)) as store:
        count, broken = AuditLog(store).verify()
        state = AuditSyncState.load(store)
    say(f"Entri audit: {number(count)}; "
        + ("rantai hash cocok." if broken is None else f"RUSAK: {break_text(broken.kind, broken.entry_id)}."))
    say(f"Dipegang server sampai entri #{state.synced_through}." if state.synced_through
        else "Jejak audit belum pernah terkirim ke server.")
    if state.flagged_at_entry is not None:
        warn(f"server menandai perangkat ini: jejak audit di laptop tidak lagi melanjutkan salinan server "
             f"(mulai entri #{state.flagged_at_entry})")
        return EXIT_ERROR
    return EXIT_ERROR if broken is not None else EXIT_OK


def add_parser(sub, common) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    p = sub.add_parser("audit", help="periksa jejak audit (rantai hash)")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="PERINTAH", required=True)
    v = audit_sub.add_parser("verify", parents=[common],
                             help="periksa rantai hash; sebut entri pertama yang diubah, dihapus atau dipindah")
    v.set_defaults(func=cmd_audit_verify)
    s = audit_sub.add_parser("status", parents=[common], help="rantai hash dan salinan di server")
    s.set_defaults(func=cmd_audit_status)
