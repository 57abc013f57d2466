"""The dashboard's Jadwal page (Bahasa Indonesia): RTs with their slots and invitations, and the office's forms.

Server-rendered like the progress page (`sync.server.dashboard_page`): no
script, every value escaped, counts only (no resident's name or NIK). One
form per action (plan slots, hand out invitations, re-invite who missed, mark
the farthest RT), each with the session's CSRF token.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote

from app.core.schedules import MAX_MINUTES_PER_RECORDING, MAX_SEED, MAX_SETS, RtKey, Slot, day_text, window_text
from sync.server.dashboard_page import CSRF_FIELD, _header, _page
from sync.server.schedules import RtFigures
from sync.server.svg_charts import number

SCHEDULE_PATH = "/dashboard/jadwal"


def rt_param(rt: RtKey) -> str:
    """'16.71.01.1001/003/002': an RT in a form field or the query string."""
    return f"{rt.kelurahan_kode}/{rt.rw}/{rt.rt}"


def parse_rt(text: str) -> RtKey | None:
    parts = [p.strip() for p in (text or "").split("/")]
    return RtKey(*parts) if len(parts) == 3 and all(parts) and all(len(p) <= 20 for p in parts) else None


def _rt_table(rts: list[RtFigures], chosen: RtKey | None, names: dict[str, str]) -> str:
    rows = []
    for f in rts:
        mark = ' class="dipilih"' if f.rt == chosen else ""
        name = names.get(f.rt.kelurahan_kode, "")
        link = f'<a href="{SCHEDULE_PATH}?rt={quote(rt_param(f.rt))}">{escape(f.rt.label())}</a>'
        rows.append(f"<tr{mark}><td>{escape(f.rt.kelurahan_kode)} {escape(name)}</td><td>{link}</td>"
                    f"<td>{number(f.targets)}</td><td>{number(f.recorded)}</td><td>{number(f.slots)}</td>"
                    f"<td>{number(f.invited)}</td><td>{'ya' if f.farthest else ''}</td></tr>")
    return ('<table id="tabel-rt"><tr><th>Kelurahan/desa</th><th>RT/RW</th><th>Target</th><th>Sudah rekam</th>'
            f'<th>Jadwal</th><th>Diundang</th><th>Terjauh</th></tr>{"".join(rows)}</table>')


def _slot_table(slots: list[Slot], today: dt.date) -> str:
    if not slots:
        return '<p id="tanpa-jadwal">Belum ada jadwal untuk RT ini.</p>'
    rows = "".join(
        f"<tr><td>{escape(day_text(s.day))}{' (lewat)' if s.day < today else ''}</td>"
        f"<td>{escape(window_text(s.window.start, s.window.end))}</td><td>{escape(s.window.place)}</td>"
        f"<td>{number(s.capacity)}</td><td>{number(s.invited)}</td><td>{number(s.free)}</td></tr>" for s in slots)
    return ('<table id="tabel-jadwal"><tr><th>Hari/tanggal</th><th>Pukul</th><th>Tempat</th><th>Kapasitas</th>'
            f"<th>Diundang</th><th>Sisa</th></tr>{rows}</table>")


_LABEL = '<label style="display:inline-block;margin:.3em 1.2em .3em 0">'


def _form(action: str, rt: RtKey, csrf_token: str, fields: str, button: str, button_id: str) -> str:
    fields = fields.replace("<label>", _LABEL)
    return (f'<form method="post" action="{SCHEDULE_PATH}" style="margin:.6em 0"><input type="hidden" name="{CSRF_FIELD}" '
            f'value="{escape(csrf_token)}"><input type="hidden" name="aksi" value="{action}">'
            f'<input type="hidden" name="rt" value="{escape(rt_param(rt))}">{fields}'
            f'<button type="submit" id="{button_id}">{escape(button)}</button></form>')


def _forms(rt: RtKey, farthest: bool, csrf_token: str, today: dt.date) -> str:
    plan = _form("rencana", rt, csrf_token, f"""
<label>Tempat <input name="tempat" required maxlength="120" placeholder="Balai RW 03"></label>
<label>Mulai tanggal <input name="tanggal" type="date" required value="{today.isoformat()}"></label>
<label>Pukul <input name="mulai" type="time" required value="08:00"></label>
<label>sampai <input name="selesai" type="time" required value="12:00"></label>
<label>Set alat <input name="set" type="number" min="1" max="{MAX_SETS}" value="2" required></label>
<label>Menit per perekaman <input name="menit" type="number" min="1" max="{MAX_MINUTES_PER_RECORDING}" value="10"
 required></label>
<label><input name="minggu" type="checkbox" value="1"> hari Minggu juga</label> """, "Rencanakan jadwal", "rencanakan")
    invite = _form("undang", rt, csrf_token, f"""
<label><input type="radio" name="urutan" value="urut" checked> urut daftar</label>
<label><input type="radio" name="urutan" value="acak"> acak, kode
<input name="kode" type="number" min="0" max="{MAX_SEED}" value="1"></label> """, "Bagikan undangan", "undang")
    again = _form("undang-ulang", rt, csrf_token, "", "Undang ulang yang terlewat", "undang-ulang")
    far = _form("terjauh", rt, csrf_token, f'<input type="hidden" name="terjauh" value="{"0" if farthest else "1"}">',
                "Hapus tanda RT terjauh" if farthest else "Tandai RT terjauh (semua warganya dijemput)", "terjauh")
    return (f'<section id="rencana"><h2>Rencana jadwal</h2><p>Kapasitas satu jadwal = set alat &times; menit jadwal '
            f"&divide; menit per perekaman. Jadwal dibuat hari demi hari sampai semua warga yang belum diundang "
            f"mendapat tempat.</p>{plan}</section>"
            f'<section id="undangan"><h2>Undangan</h2><p>Urutan acak memakai kode: kode yang sama memberi urutan '
            f"yang sama (juga di laptop). Undangan dicetak dari laptop tim (halaman Jadwal).</p>{invite}{again}{far}"
            "</section>")


def schedule_page(admin_name: str, csrf_token: str, rts: list[RtFigures], chosen: RtKey | None,
                  slots: list[Slot], names: dict[str, str], *, today: dt.date, message: str = "",
                  error: bool = False) -> str:
    """The Jadwal page: every RT, then the chosen one's slots and forms; `message` (already worded) on top."""
    said = ""
    if message:
        said = (f'<p id="pesan" class="{"galat" if error else ""}" role="{"alert" if error else "status"}">'
                f"{escape(message)}</p>")
    chosen_fig = next((f for f in rts if f.rt == chosen), None)
    detail = ""
    if chosen_fig is not None:
        detail = (f'<section id="rt-dipilih"><h2>{escape(chosen_fig.rt.label())}, '
                  f'{escape(names.get(chosen_fig.rt.kelurahan_kode, chosen_fig.rt.kelurahan_kode))}</h2>'
                  f"<p>{number(chosen_fig.targets)} target, {number(chosen_fig.recorded)} sudah rekam, "
                  f"{number(chosen_fig.invited)} diundang.</p>{_slot_table(slots, today)}</section>"
                  + _forms(chosen_fig.rt, chosen_fig.farthest, csrf_token, today))
    elif rts:
        detail = "<p>Pilih RT pada tabel untuk merencanakan jadwalnya.</p>"
    listing = _rt_table(rts, chosen, names) if rts else '<p id="tanpa-target">Daftar target kosong.</p>'
    return _page("Jemput - jadwal dan undangan", f"""{_header("Jadwal dan undangan per RT", admin_name, csrf_token)}
<main>{said}<p><a href="/dashboard" id="kembali">Kembali ke dasbor</a></p>{detail}
<section id="daftar-rt"><h2>RT</h2>{listing}</section></main>""")
