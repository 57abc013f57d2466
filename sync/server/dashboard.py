"""The progress page: recordings against targets per kecamatan, kelurahan and RT.

Server-rendered HTML, no JavaScript. Counts only (no names or NIKs), including
what waits for the administrator (open conflicts, duplicate-NIK groups).
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sync.protocol import PROTOCOL_VERSION
from sync.server import audit_trail, db
from sync.server.review import review_counts


@dataclass
class Progress:
    target: int = 0
    recorded: int = 0  # targets with an active recording
    recordings: int = 0  # active recordings (in or out of the target list)
    review: int = 0  # duplicate_review
    rejected: int = 0

    def add(self, other: "Progress") -> None:
        self.target += other.target
        self.recorded += other.recorded
        self.recordings += other.recordings
        self.review += other.review
        self.rejected += other.rejected

    @property
    def percent(self) -> str:
        return f"{100 * self.recorded / self.target:.1f}%" if self.target else "-"


def progress(engine: Engine) -> dict[tuple[str, str], Progress]:
    """Progress per (kelurahan digits, RT)."""
    t, r = db.targets, db.recordings
    active = sa.select(r.c.id).where(r.c.nik == t.c.nik, r.c.status.in_(db.ACTIVE_STATUSES)).exists()
    out: dict[tuple[str, str], Progress] = defaultdict(Progress)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.c.kelurahan_digits, t.c.rt, sa.func.count(),
                      sa.func.sum(sa.case((active, 1), else_=0)))
            .group_by(t.c.kelurahan_digits, t.c.rt)
        )
        for kel, rt, n, recorded in rows:
            out[(kel, rt)].target += n
            out[(kel, rt)].recorded += int(recorded or 0)
        rows = conn.execute(
            sa.select(r.c.kelurahan_digits, r.c.rt, r.c.status, sa.func.count())
            .where(r.c.status != "replaced")
            .group_by(r.c.kelurahan_digits, r.c.rt, r.c.status)
        )
        for kel, rt, status, n in rows:
            p = out[(kel, rt)]
            if status in db.ACTIVE_STATUSES:
                p.recordings += n
            if status == "duplicate_review":
                p.review += n
            if status == "rejected":
                p.rejected += n
    return out


def _dotted(digits: str) -> str:
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


def render(engine: Engine) -> str:
    per_rt = progress(engine)
    waiting = review_counts(engine)
    with engine.connect() as conn:
        names = dict(conn.execute(sa.select(db.regions.c.kode, db.regions.c.nama)).all())
        flagged = audit_trail.flagged_devices(conn)
        device_names = dict(conn.execute(sa.select(db.devices.c.id, db.devices.c.name)
                                         .where(db.devices.c.id.in_(list(flagged) or [0]))).all())
    audit_items = "".join(
        f"<li>{html.escape(str(device_names.get(d, d)))} (perangkat {d}): mulai entri #{seq}</li>"
        for d, seq in sorted(flagged.items()))
    per_kel: dict[str, Progress] = defaultdict(Progress)
    per_kec: dict[str, Progress] = defaultdict(Progress)
    total = Progress()
    for (kel, _rt), p in per_rt.items():
        per_kel[kel].add(p)
        per_kec[kel[:6]].add(p)
        total.add(p)

    def label(digits: str) -> str:
        if not digits:
            return "(tanpa kode)"
        kode = _dotted(digits)
        return f"{kode} {names.get(kode, '')}".strip()

    def table(title: str, rows: list[tuple[list[str], Progress]], heads: list[str]) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
        head += "<th>Target</th><th>Sudah rekam</th><th>%</th><th>Rekaman</th><th>Ditinjau</th><th>Ditolak</th>"
        body = []
        for cells, p in rows:
            tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            body.append(f"<tr>{tds}<td>{p.target}</td><td>{p.recorded}</td><td>{p.percent}</td>"
                        f"<td>{p.recordings}</td><td>{p.review}</td><td>{p.rejected}</td></tr>")
        return f"<h2>{html.escape(title)}</h2><table><tr>{head}</tr>{''.join(body)}</table>"

    kec_rows = [([label(k)], p) for k, p in sorted(per_kec.items())]
    kel_rows = [([label(k)], p) for k, p in sorted(per_kel.items())]
    rt_rows = [([label(k), rt or "-"], p) for (k, rt), p in sorted(per_rt.items())]
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Jemput - kemajuan perekaman</title>
<style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse;margin-bottom:2em}}
td,th{{border:1px solid #999;padding:.25em .6em;text-align:right}}td:first-child,th:first-child{{text-align:left}}</style>
</head><body>
<h1>Kemajuan perekaman KTP-el</h1>
<p>Target {total.target}, sudah rekam {total.recorded} ({total.percent}), rekaman aktif {total.recordings},
perlu ditinjau {total.review}, ditolak {total.rejected}. Protokol {PROTOCOL_VERSION}.</p>
<h2>Menunggu admin</h2>
<p id="menunggu-admin">Konflik terbuka: <b id="konflik">{waiting["konflik"]}</b>.
Grup NIK ganda: <b id="grup-nik-ganda">{waiting["grup_nik_ganda"]}</b>.
Rekaman dengan pengecualian foto/tanda tangan: <b id="pengecualian">{waiting["pengecualian"]}</b>.
Tinjau dengan <code>jemput-server review</code>, putuskan dengan <code>jemput-server resolve-duplicate</code>
atau <code>jemput-server resolve-conflict</code>.</p>
<h2>Jejak audit ditulis ulang</h2>
<p id="jejak-audit">Perangkat yang jejak auditnya tidak lagi melanjutkan salinan server:
<b id="perangkat-ditandai">{len(flagged)}</b>.</p><ul>{audit_items}</ul>
{table("Per kecamatan", kec_rows, ["Kecamatan"])}
{table("Per kelurahan/desa", kel_rows, ["Kelurahan/desa"])}
{table("Per RT", rt_rows, ["Kelurahan/desa", "RT"])}
</body></html>"""
