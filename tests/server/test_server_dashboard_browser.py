"""The dashboard in a real browser: Debian's headless Chromium, driven over the
DevTools Protocol, against the real server process. An admin opens the
dashboard, is sent to the login page, types a wrong password (told so), then
the right one, sees the figures and their charts (inline SVG, no script, no
outside resource), and logs out; the session cookie is HttpOnly and
SameSite=Strict. The page is saved as a PNG (``JEMPUT_SCREENSHOTS`` names a
folder to keep it in) and checked to be a drawn page, not a blank one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import uuid
import zlib
from pathlib import Path

from adminkit import PASSWORD, make_admin, new_admin_name
from serverkit import RECORDING_DATE, DeviceClient, make_recording
from support.chromium import Chromium
from support.server import server_cli as run_cli


def _seed(live_server, people, tmp_path: Path) -> tuple[str, list[str]]:
    """A fresh kecamatan with 6 targets; two teams record 4 of them over two days, the first team on a trip."""
    area = live_server.fresh_area()
    residents = [people.resident(area) for _ in range(6)]
    cols = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
    csv = tmp_path / "targets.csv"
    csv.write_text("\n".join([",".join(cols)] + [",".join(f'"{r[c]}"' for c in cols) for r in residents]) + "\n",
                   encoding="utf-8")
    run_cli("import-targets", *live_server.cli_args, csv)
    teams = []
    for n, batch in enumerate((residents[:3], residents[3:4])):
        name = f"Tim Peramban {n + 1} {new_admin_name()}"
        r = live_server.register(live_server.enrollment_code(area, name=name))
        team = DeviceClient(live_server.url, r.json()["token"], r.json()["device_id"], area)
        for i, resident in enumerate(batch):
            day = RECORDING_DATE - dt.timedelta(days=i % 2)
            trip = {"id": str(uuid.uuid4()), "name": f"Kunjungan {name}", "type": "sekolah"} if n == 0 else None
            sent = make_recording(resident, recording_date=day, with_media=False, trip=trip)
            assert team.send(sent)[0]["outcome"] == "accepted"
        teams.append(name)
    return area, [r["nik"] for r in residents] + [r["nama"] for r in residents] + teams


def _distinct_colours(png: bytes) -> int:
    """How many colours a (non-interlaced, 8-bit RGB/RGBA) PNG uses, sampled."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    seen = set()
    for row in range(0, len(raw) // stride, 7):  # filtered bytes: enough to tell a drawn page from a blank one
        line = raw[row * stride + 1:(row + 1) * stride]
        seen.update(line[i:i + 3] for i in range(0, len(line), channels * 5))
    return len(seen)


def test_an_admin_logs_in_sees_the_charts_and_logs_out_in_chromium(live_server, people, tmp_path):
    area, secrets_of_residents = _seed(live_server, people, tmp_path)
    teams = secrets_of_residents[-2:]
    name = make_admin(live_server.engine)
    with Chromium(tmp_path / "chromium-profile") as browser:
        assert browser.goto(live_server.url + "/dashboard") == "/login"
        assert browser.evaluate("document.documentElement.lang") == "id"

        browser.type_into("nama", name)
        browser.type_into("sandi", PASSWORD + "-salah")
        assert browser.click("masuk") == "/login"
        assert browser.evaluate("document.getElementById('galat').textContent") == "Nama admin atau kata sandi salah."
        assert "jemput_sesi" not in browser.cookies()

        browser.type_into("sandi", PASSWORD)
        assert browser.click("masuk") == "/dashboard"
        cookie = browser.cookies()["jemput_sesi"]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
        assert browser.evaluate("document.cookie") == ""  # invisible to scripts

        assert browser.evaluate("document.getElementById('admin').textContent") == name
        assert browser.evaluate("document.scripts.length") == 0
        assert browser.evaluate("document.querySelectorAll('svg.grafik').length") == 6
        text = browser.evaluate("document.body.innerText")
        assert "Per kecamatan" in text and "Per hari" in text and "Per perangkat/tim" in text
        assert "Per kunjungan" in text and "Per kategori" in text and "Warga belum memiliki NIK/KK" in text
        trips_chart = browser.evaluate("document.querySelector('#per-kunjungan svg').textContent")
        assert f"Kunjungan {teams[0]}"[:30] in trips_chart and teams[1] not in trips_chart
        assert "Lansia (60+)" in browser.evaluate("document.querySelector('#per-kategori svg').textContent")
        assert browser.evaluate("document.getElementById('registrasi-menunggu').textContent").isdigit()
        assert "4/6 (66,7%)" in browser.evaluate(
            "document.querySelector('#per-kecamatan svg').textContent")
        devices_chart = browser.evaluate("document.querySelector('#per-perangkat svg').textContent")
        assert all(team in devices_chart for team in teams)
        filled = browser.evaluate(
            "Array.from(document.querySelectorAll('#per-kecamatan rect.isi')).map(r => r.getBBox().width)")
        assert any(w > 0 for w in filled)  # bars really drawn
        html = browser.evaluate("document.documentElement.outerHTML")
        assert not any(s in html for s in secrets_of_residents[:-2])  # counts only: no NIK, no name
        assert area in html

        png = browser.screenshot(tmp_path / "dasbor.png")
        assert len(png) > 20_000 and _distinct_colours(png) >= 6
        keep = os.environ.get("JEMPUT_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(tmp_path / "dasbor.png", Path(keep) / "dasbor.png")

        assert browser.click("keluar") == "/login"
        assert "jemput_sesi" not in browser.cookies()
        assert browser.goto(live_server.url + "/dashboard") == "/login"
