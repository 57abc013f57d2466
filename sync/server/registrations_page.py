"""The dashboard's "Warga belum memiliki NIK/KK" page: families waiting for their numbers, and the form
with which the office enters the KK number and NIKs it issued (`sync.server.registrations.issue`).

Unlike the progress page this one names the residents: the office needs the
names, birth dates and relations to register the family in SIAK. Only a
logged-in admin sees it (as ``jemput-server registrations list`` shows them on
the admin's terminal). Every value is escaped; the form carries the session's
CSRF token.
"""

from __future__ import annotations

from html import escape

from sync.server.dashboard_page import CSRF_FIELD, _header, _page
from sync.server.registrations import HeldRegistration

REGISTRATIONS_PAGE = "/dashboard/registrasi"


def _family(held: HeldRegistration, csrf_token: str) -> str:
    reg = held.registration
    a = reg.address
    rows = "".join(
        f"<tr><td>{i + 1}</td><td>{escape(m.nama)}</td><td>{escape(m.jenis_kelamin.value if m.jenis_kelamin else '-')}"
        f"</td><td>{escape(m.tempat_lahir)}, {m.tanggal_lahir.strftime('%d-%m-%Y') if m.tanggal_lahir else '-'}</td>"
        f"<td>{escape(m.hubungan_keluarga.label if m.hubungan_keluarga else '-')}</td></tr>"
        for i, m in enumerate(reg.members))
    ident = escape(held.uuid)
    return f"""<section class="keluarga" id="keluarga-{ident}"><h2>{escape(a.alamat)} RT {escape(a.rt)}/RW {escape(a.rw)},
{escape(a.kelurahan_kode)}</h2><p>Direkam {held.recorded_on.strftime('%d-%m-%Y')} oleh perangkat
{escape(held.device_name)}; {len(reg.members)} anggota. <code>{ident}</code></p>
<table><tr><th>No.</th><th>Nama</th><th>L/P</th><th>Tempat, tanggal lahir</th><th>Hubungan</th></tr>{rows}</table>
<form method="post" action="{REGISTRATIONS_PAGE}">
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token)}"><input type="hidden" name="uuid" value="{ident}">
<p><label for="kk-{ident}">Nomor KK yang terbit</label><br><input id="kk-{ident}" name="kk" required
 inputmode="numeric" size="24"></p>
<p><label for="nik-{ident}">NIK yang terbit, satu per baris, urut seperti tabel</label><br>
<textarea id="nik-{ident}" name="nik" rows="{len(reg.members)}" cols="24" required></textarea></p>
<button type="submit" id="terbitkan-{ident}">Simpan NIK dan KK</button></form></section>"""


def registrations_page(waiting: list[HeldRegistration], admin_name: str, csrf_token: str, *,
                       done: str = "", error: str = "") -> str:
    """The families waiting for their numbers; `done` / `error` (already worded) above them."""
    note = ""
    if error:
        note = f'<p class="galat" id="galat" role="alert">{escape(error)}</p>'
    elif done:
        note = f'<p id="berhasil" role="status">{escape(done)}</p>'
    families = "".join(_family(h, csrf_token) for h in waiting) or '<p id="kosong">Tidak ada yang menunggu.</p>'
    return _page("Jemput - warga belum memiliki NIK/KK", f"""{_header("Warga belum memiliki NIK/KK", admin_name, csrf_token)}
<main>{note}<p>Keluarga yang direkam tim tanpa NIK dan KK. Setelah keluarga didaftarkan di SIAK, isi nomor KK dan
NIK setiap anggota; laptop tim menerimanya pada sinkron berikutnya. Nomor diperiksa: NIK harus cocok dengan tanggal
lahir dan jenis kelamin anggotanya, dan belum dipakai warga lain.</p>{families}
<p><a href="/dashboard" id="kembali">Kembali ke dasbor</a></p></main>""")
