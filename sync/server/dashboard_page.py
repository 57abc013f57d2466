"""The dashboard's HTML, in Bahasa Indonesia: the login page and the progress page.

Server-rendered, self-contained (one inline stylesheet, charts as inline SVG
from `sync.server.svg_charts`, no script), so it works on a server with no
Internet. Every value from the database is escaped. Counts only: no NIK or
name of a resident ever appears here.
"""

from __future__ import annotations

from html import escape

from app.core.card_delivery import DeliveryProgress
from app.core.messages import CodedError
from app.core.trips import TripType
from sync.protocol import PROTOCOL_VERSION
from sync.server.dashboard import Figures, Progress
from sync.server.svg_charts import bars, columns, number, percent_text, progress_bars

LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"
CSRF_FIELD = "csrf_token"
UPLOAD_PATH = "/dashboard/impor-bundel"
RECEIPT_PATH = "/dashboard/tanda-terima"
FILE_FIELD = "bundel"

_STYLE = """
body{font-family:sans-serif;margin:0;color:#212121;background:#fafafa}
header{background:#1b5e20;color:#fff;padding:.6em 1.5em;display:flex;justify-content:space-between;align-items:center}
header h1{font-size:1.3em;margin:0}header form{margin:0}
main{padding:1em 1.5em;max-width:70em}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.5em 1em 1em;margin-bottom:1.2em}
.ringkas{display:flex;gap:.8em;flex-wrap:wrap;margin-bottom:1em}.ringkas div{background:#fff;border:1px solid #ddd;
border-radius:4px;padding:.5em .9em;min-width:7.5em}.ringkas b{display:block;font-size:1.6em}
table{border-collapse:collapse;margin-top:.8em}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}
td:first-child,th:first-child{text-align:left}th{background:#eee}
details summary{cursor:pointer;margin-top:.6em}
button{font-size:1em;padding:.35em 1em}
.masuk{max-width:22em;margin:4em auto;background:#fff;border:1px solid #ddd;border-radius:4px;padding:1em 1.5em}
.masuk label{display:block;margin-top:.8em}.masuk input{width:100%;font-size:1em;padding:.3em;box-sizing:border-box}
.masuk button{margin-top:1em}.galat{color:#b71c1c;font-weight:bold}
"""


def _page(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="id"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>")


def login_page(csrf_token: str, error: str = "", name: str = "") -> str:
    """The login form; `error` (already worded) shown above it."""
    shown = f'<p class="galat" id="galat" role="alert">{escape(error)}</p>' if error else ""
    return _page("Jemput - masuk admin", f"""
<form class="masuk" method="post" action="{LOGIN_PATH}">
<h1>Dasbor Jemput</h1><p>Masuk sebagai admin untuk melihat kemajuan perekaman.</p>{shown}
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token)}">
<label for="nama">Nama admin</label><input id="nama" name="nama" autocomplete="username" required
 value="{escape(name)}" autofocus>
<label for="sandi">Kata sandi</label><input id="sandi" name="sandi" type="password"
 autocomplete="current-password" required>
<button type="submit" id="masuk">Masuk</button>
</form>""")


def message_page(title: str, text: str) -> str:
    """A short page with one sentence and a link back to the login."""
    return _page(f"Jemput - {title}", f'<main><h1>{escape(title)}</h1><p class="galat">{escape(text)}</p>'
                                      f'<p><a href="{LOGIN_PATH}">Kembali ke halaman masuk</a></p></main>')


def _table(heads: list[str], rows: list[tuple[list[str], Progress]], table_id: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    head += "<th>Target</th><th>Sudah rekam</th><th>%</th><th>Rekaman</th><th>Ditinjau</th><th>Ditolak</th>"
    body = []
    for cells, p in rows:
        tds = "".join(f"<td>{escape(c)}</td>" for c in cells)
        body.append(f"<tr>{tds}<td>{p.target}</td><td>{p.recorded}</td><td>{p.percent}</td>"
                    f"<td>{p.recordings}</td><td>{p.review}</td><td>{p.rejected}</td></tr>")
    return f'<table id="{table_id}"><tr>{head}</tr>{"".join(body)}</table>'


def _area_section(title: str, section_id: str, head: str, items: list[tuple[str, Progress]]) -> str:
    chart = progress_bars(f"{title}: sudah rekam dari target", [(label, p.recorded, p.target) for label, p in items])
    table = _table([head], [([label], p) for label, p in items], f"tabel-{section_id}")
    return (f'<section id="{section_id}"><h2>{escape(title)}</h2>{chart}'
            f"<details><summary>Tabel</summary>{table}</details></section>")


def _day_section(f: Figures) -> str:
    rows = [(d.strftime("%d/%m") if d else "-", n) for d, n in f.per_day]
    chart = columns("Rekaman per hari (tanggal perekaman)", rows[-60:])
    trs = "".join(f"<tr><td>{d.isoformat() if d else '(tanpa tanggal)'}</td><td>{n}</td></tr>" for d, n in f.per_day)
    return (f'<section id="per-hari"><h2>Per hari</h2>{chart}<details><summary>Tabel</summary>'
            f'<table id="tabel-per-hari"><tr><th>Tanggal</th><th>Rekaman</th></tr>{trs}</table></details></section>')


def _device_section(f: Figures) -> str:
    chart = bars("Rekaman per perangkat/tim", [(d.name, d.recordings) for d in f.per_device])
    trs = "".join(
        f"<tr><td>{escape(d.name)}</td><td>{escape(d.area_kode)}</td><td>{d.recordings}</td><td>{d.review}</td>"
        f"<td>{d.rejected}</td><td>{d.days}</td>"
        f"<td>{d.last_received.strftime('%Y-%m-%d %H:%M') if d.last_received else '-'}</td></tr>"
        for d in f.per_device)
    return (f'<section id="per-perangkat"><h2>Per perangkat/tim</h2>{chart}<details><summary>Tabel</summary>'
            f'<table id="tabel-per-perangkat"><tr><th>Perangkat/tim</th><th>Wilayah</th><th>Rekaman</th>'
            f"<th>Ditinjau</th><th>Ditolak</th><th>Hari kerja</th><th>Terakhir diterima (UTC)</th></tr>{trs}"
            "</table></details></section>")


def _trip_section(f: Figures) -> str:
    chart = bars("Rekaman per kunjungan", [(t.name or t.id, t.recordings) for t in f.per_trip])
    trs = "".join(
        f"<tr><td>{escape(t.name or t.id)}</td><td>{escape(_trip_type(t.type))}</td><td>{t.recordings}</td>"
        f"<td>{t.review}</td><td>{t.rejected}</td><td>{t.days}</td><td>{t.devices}</td><td>{t.outcomes}</td>"
        f"<td>{t.registrations}</td></tr>" for t in f.per_trip)
    return (f'<section id="per-kunjungan"><h2>Per kunjungan</h2>{chart}<details><summary>Tabel</summary>'
            f'<table id="tabel-per-kunjungan"><tr><th>Kunjungan</th><th>Jenis</th><th>Rekaman</th><th>Ditinjau</th>'
            f"<th>Ditolak</th><th>Hari kerja</th><th>Perangkat/tim</th><th>Hasil kunjungan</th>"
            f"<th>Registrasi tanpa NIK</th></tr>{trs}</table></details></section>")


def _trip_type(value: str | None) -> str:
    try:
        return TripType.parse(value or "").label
    except CodedError:
        return value or "-"


def _category_section(f: Figures) -> str:
    items = [(c.label, p) for c, p in f.per_category]
    chart = progress_bars("Per kategori: sudah rekam dari target", [(label, p.recorded, p.target) for label, p in items])
    table = _table(["Kategori"], [([label], p) for label, p in items], "tabel-per-kategori")
    return (f'<section id="per-kategori"><h2>Per kategori</h2>{chart}<p>Kategori dari tanggal lahir di daftar '
            "target (hari ini menurut server) dan dari tanda yang dikirim laptop (difabel, tahanan, pekerja, "
            "perbatasan, pelajar dari daftar kelas). Seorang warga bisa masuk beberapa kategori.</p>"
            f"<details><summary>Tabel</summary>{table}</details></section>")


def _registration_section(f: Figures) -> str:
    g = f.registrations
    return ('<section id="registrasi"><h2>Warga belum memiliki NIK/KK</h2><p>Menunggu NIK/KK: '
            f'<b id="registrasi-menunggu">{g.get("menunggu", 0)}</b> keluarga '
            f'(<b id="registrasi-anggota">{g.get("anggota_menunggu", 0)}</b> anggota). Sudah terbit: '
            f'<b id="registrasi-terbit">{g.get("terbit", 0)}</b>. <a href="/dashboard/registrasi" id="ke-registrasi">'
            "Isi NIK dan KK yang terbit</a> (atau <code>jemput-server registrations list</code> dan <code>"
            "jemput-server registrations issue UUID --kk KK --nik NIK …</code>); laptop menerimanya pada sinkron "
            "berikutnya.</p></section>")


def _audit_section(f: Figures) -> str:
    items = "".join(f"<li>{escape(name)} (perangkat {d}): mulai entri #{seq}</li>" for d, name, seq in f.flagged)
    return ('<section><h2>Jejak audit ditulis ulang</h2><p id="jejak-audit">Perangkat yang jejak auditnya '
            f'tidak lagi melanjutkan salinan server: <b id="perangkat-ditandai">{len(f.flagged)}</b>.</p>'
            f"<ul>{items}</ul></section>")


def _delivery_section(f: Figures) -> str:
    """Card delivery (antar KTP-el) per kelurahan beside its recording progress, and per RT."""
    per_kel: dict[str, DeliveryProgress] = {}
    for (kel, _rt), p in f.delivery.items():
        per_kel.setdefault(kel, DeliveryProgress()).add(p)
    if not per_kel:
        return '<section id="antar-ktp"><h2>Antar KTP-el</h2><p id="antar-kosong">Belum ada kartu yang dikirim laptop.</p></section>'
    chart = progress_bars("Antar KTP-el: kartu diserahkan dari kartu tercetak",
                          [(f.label(k), p.handed, p.cards) for k, p in sorted(per_kel.items())])

    def row(cells: list[str], rec: Progress, p: DeliveryProgress) -> str:
        reasons = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in sorted(p.reasons.items()))
        return ("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells)
                + f"<td>{rec.recorded}/{rec.target}</td><td>{rec.percent}</td><td>{p.cards}</td><td>{p.handed}</td>"
                  f"<td>{p.undelivered}</td><td>{p.waiting}</td><td>{p.percent}</td><td>{escape(reasons)}</td></tr>")

    heads = "<th>Rekam/target</th><th>% rekam</th><th>Kartu</th><th>Diserahkan</th><th>Tidak terserahkan</th>" \
            "<th>Belum diantar</th><th>% diserahkan</th><th>Alasan</th>"
    kel_rows = "".join(row([f.label(k)], f.per_kel.get(k, Progress()), p) for k, p in sorted(per_kel.items()))
    rt_rows = "".join(row([f.label(k), rt or "-"], f.per_rt.get((k, rt), Progress()), p)
                      for (k, rt), p in sorted(f.delivery.items()))
    return (f'<section id="antar-ktp"><h2>Antar KTP-el</h2>{chart}'
            f'<table id="tabel-antar-kelurahan"><tr><th>Kelurahan/desa</th>{heads}</tr>{kel_rows}</table>'
            f'<details><summary>Per RT ({len(f.delivery)} RT)</summary><table id="tabel-antar-rt"><tr>'
            f"<th>Kelurahan/desa</th><th>RT</th>{heads}</tr>{rt_rows}</table></details></section>")


def _header(title: str, admin_name: str, csrf_token: str) -> str:
    return f"""
<header><h1>{escape(title)}</h1>
<form method="post" action="{LOGOUT_PATH}"><span>Masuk sebagai <b id="admin">{escape(admin_name)}</b></span>
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token)}">
<button type="submit" id="keluar">Keluar</button></form></header>"""


AREA_PATH = "/dashboard/wilayah"


def area_form(csrf_token: str) -> str:
    """The "Ganti wilayah perangkat" form (as ``jemput-server set-area``)."""
    return f"""<section id="ganti-wilayah"><h2>Ganti wilayah perangkat</h2>
<form method="post" action="{AREA_PATH}"><input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token)}">
<label>Perangkat (id atau nama) <input name="perangkat" id="perangkat" required maxlength="100"></label>
<label>Wilayah <input name="wilayah" id="wilayah" required maxlength="4000"
 placeholder="16.71.01 atau 16.71.01.1001,16.71.01.1002"></label>
<button type="submit" id="simpan-wilayah">Simpan</button></form>
<p>Sinkron berikutnya mengirim target wilayah baru; target wilayah lama dihapus dari laptop
(kecuali yang sudah direkam atau dikunjungi di laptop itu).</p></section>"""


def upload_form(csrf_token: str) -> str:
    """The "Impor bundel flashdisk" form (the CSRF field first: the server reads it before the file)."""
    return f"""<section id="impor-bundel"><h2>Impor bundel flashdisk</h2>
<p>Kiriman dari laptop yang lama tanpa sinyal (<code>jemput-kiriman-….jkb</code> di flashdisk). Server memeriksa
tanda tangan perangkat, membuka isinya, lalu menerima rekamannya seperti lewat jaringan. Setelah itu unduh tanda
terimanya ke flashdisk yang sama, lalu baca di laptop ("Baca tanda terima…").</p>
<form method="post" action="{UPLOAD_PATH}" enctype="multipart/form-data">
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token)}">
<label for="{FILE_FIELD}">Berkas kiriman</label> <input id="{FILE_FIELD}" name="{FILE_FIELD}" type="file"
 accept=".jkb" required> <button type="submit" id="impor">Impor</button></form></section>"""


_OUTCOMES = (("accepted", "diterima"), ("duplicate_review", "diterima, perlu ditinjau (NIK ganda)"),
             ("already_have", "sudah ada di server"), ("rejected", "ditolak pemeriksaan server"),
             ("conflict", "konflik (UUID sama, isi lain: menunggu admin)"))


def import_result_page(admin_name: str, csrf_token: str, *, report=None, receipt_link: str = "",  # noqa: ANN001
                       error: str = "") -> str:
    """The answer to an upload: the counts of `report` (a `bundle_import.ImportReport`) and the
    receipt's link, or `error` (already worded); the form again below."""
    if error:
        result = f'<section id="hasil-impor"><h2>Kiriman ditolak</h2><p class="galat" id="galat" role="alert">' \
                 f"{escape(error)}</p></section>"
    else:
        counts = report.outcomes
        items = "".join(f'<li id="hasil-{key}"><b>{counts.get(key, 0)}</b> {text}</li>'
                        for key, text in _OUTCOMES if counts.get(key, 0) or key in ("accepted", "already_have"))
        refused = counts.get("rejected", 0) + counts.get("conflict", 0)
        media = f"<li><b>{report.media_written}</b> berkas media baru</li>"
        if report.media_refused:
            media += (f'<li class="galat"><b>{report.media_refused}</b> berkas media bukan gambar JPEG/PNG yang utuh: '
                      "rekamannya belum lengkap</li>")
        result = f"""<section id="hasil-impor"><h2>Kiriman diimpor</h2>
<p id="ringkasan-impor">Kiriman perangkat {report.device_id}: <b>{report.records}</b> rekaman &mdash;
{counts.get("accepted", 0) + counts.get("duplicate_review", 0)} diterima, {counts.get("already_have", 0)} sudah ada,
{refused} ditolak.</p><ul>{items}{media}</ul>
<p><a id="unduh-tanda-terima" href="{escape(receipt_link)}" download>Unduh tanda terima</a>
({len(report.receipt)} rekaman dipegang server). Simpan ke flashdisk di samping berkas kirimannya, lalu di laptop:
Antrian &amp; Sinkron &rarr; "Baca tanda terima…". Tanda terima ini tersedia 24 jam; mengimpor ulang kiriman yang
sama tidak mengubah apa pun dan membuat tanda terima baru.</p></section>"""
    return _page("Jemput - impor bundel flashdisk", f"""{_header("Impor bundel flashdisk", admin_name, csrf_token)}
<main>{result}{upload_form(csrf_token)}<p><a href="/dashboard" id="kembali">Kembali ke dasbor</a></p></main>""")


def dashboard_page(f: Figures, admin_name: str, csrf_token: str) -> str:
    """The progress page of a logged-in admin."""
    total, waiting = f.total, f.waiting
    kec = [(f.label(k), p) for k, p in sorted(f.per_kec.items())]
    kel = [(f.label(k), p) for k, p in sorted(f.per_kel.items())]
    rt_rows = [([f.label(k), rt or "-"], p) for (k, rt), p in sorted(f.per_rt.items())]
    return _page("Jemput - kemajuan perekaman", f"""{_header("Kemajuan perekaman KTP-el", admin_name, csrf_token)}
<main>
<div class="ringkas" id="ringkasan">
<div>Target<b id="total-target">{number(total.target)}</b></div>
<div>Sudah rekam<b id="total-rekam">{number(total.recorded)}</b></div>
<div>Capaian<b id="total-persen">{percent_text(total.recorded, total.target)}</b></div>
<div>Rekaman aktif<b id="total-rekaman">{number(total.recordings)}</b></div>
<div>Perlu ditinjau<b id="total-ditinjau">{number(total.review)}</b></div>
<div>Ditolak<b id="total-ditolak">{number(total.rejected)}</b></div>
</div>
<p>Protokol server {PROTOCOL_VERSION}. Angka dihitung saat halaman dibuka; muat ulang untuk memperbarui.
<a href="/dashboard/jadwal" id="ke-jadwal">Jadwal dan undangan per RT</a></p>
<section><h2>Menunggu admin</h2>
<p id="menunggu-admin">Konflik terbuka: <b id="konflik">{waiting["konflik"]}</b>.
Grup NIK ganda: <b id="grup-nik-ganda">{waiting["grup_nik_ganda"]}</b>.
Rekaman dengan pengecualian foto/tanda tangan: <b id="pengecualian">{waiting["pengecualian"]}</b>.
Tinjau dengan <code>jemput-server review</code>, putuskan dengan <code>jemput-server resolve-duplicate</code>
atau <code>jemput-server resolve-conflict</code>.</p></section>
{_audit_section(f)}
{_area_section("Per kecamatan", "per-kecamatan", "Kecamatan", kec)}
{_area_section("Per kelurahan/desa", "per-kelurahan", "Kelurahan/desa", kel)}
{_day_section(f)}
{_device_section(f)}
{_delivery_section(f)}
{_trip_section(f)}
{_category_section(f)}
{_registration_section(f)}
<section id="per-rt"><h2>Per RT</h2><details><summary>Tabel ({len(rt_rows)} RT)</summary>
{_table(["Kelurahan/desa", "RT"], rt_rows, "tabel-per-rt")}</details></section>
{area_form(csrf_token)}
{upload_form(csrf_token)}
</main>""")
