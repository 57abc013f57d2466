"""The dashboard behind its login, over real HTTP against the real server process
(on SQLite and on PostgreSQL): nothing without a session, the session cookie's
attributes, wrong passwords, CSRF on both forms, logout, lock-out per account
and per address (each test speaks from its own loopback address, so they share
no counter), an account removed from the command line, and the figures."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
import sqlalchemy as sa

from sync.server import tables

from adminkit import PASSWORD, AdminBrowser, csrf_of, make_admin, new_admin_name, next_address
from serverkit import RECORDING_DATE, DeviceClient, loopback_aliases_work, make_recording
from support.server import server_cli as run_cli

pytestmark = pytest.mark.skipif(not loopback_aliases_work(),
                                reason="this system cannot use 127.0.0.2 as a source address")


def _browser(live_server) -> AdminBrowser:
    return AdminBrowser(live_server.url, next_address())


def _failures(live_server, key: str) -> int:
    f = tables.login_failures
    with live_server.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).where(f.c.address == key)).scalar_one()


def test_nothing_is_shown_without_a_login_not_even_on_the_server_machine(live_server):
    for path in ("/", "/dashboard"):
        r = requests.get(live_server.url + path, timeout=10, allow_redirects=False)  # from 127.0.0.1
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert "Kemajuan" not in r.text and "Target" not in r.text
    r = requests.get(live_server.url + "/dashboard", timeout=10, cookies={"jemput_sesi": "tebakan"},
                     allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_a_login_opens_a_session_held_in_the_database(live_server):
    name = make_admin(live_server.engine)
    browser = _browser(live_server)
    form = browser.get("/login")
    assert form.status_code == 200 and 'lang="id"' in form.text and "Kata sandi" in form.text
    csrf_cookie = form.headers["set-cookie"]
    assert "jemput_csrf_masuk=" in csrf_cookie and "HttpOnly" in csrf_cookie
    assert "samesite=strict" in csrf_cookie.lower() and "Secure" not in csrf_cookie  # plain http here

    r = browser.login(name)
    assert r.status_code == 303 and r.headers["location"] == "/dashboard"
    cookie = [c for c in r.headers["set-cookie"].split(", ") if c.startswith("jemput_sesi=")][0]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/" in cookie
    token = browser.http.cookies["jemput_sesi"]
    s = tables.admin_sessions
    with live_server.engine.connect() as conn:
        stored = conn.execute(sa.select(s.c.token_sha256)).scalars().all()
    assert token not in stored and len(stored) >= 1  # only its SHA-256 is kept

    page = browser.dashboard()
    assert page.status_code == 200 and f'<b id="admin">{name}</b>' in page.text
    assert "Kemajuan perekaman KTP-el" in page.text and "<svg" in page.text and "<script" not in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert browser.get("/login").headers["location"] == "/dashboard"  # logged in already
    assert browser.get("/").status_code == 200


def test_a_wrong_password_or_name_opens_nothing(live_server):
    name = make_admin(live_server.engine)
    browser = _browser(live_server)
    for who, password in ((name, PASSWORD + "x"), (new_admin_name(), PASSWORD), (name, ""), ("", "")):
        r = browser.login(who, password)
        assert r.status_code == 401 and "Nama admin atau kata sandi salah." in r.text
        assert "jemput_sesi" not in browser.http.cookies
        assert browser.dashboard().status_code == 303
    assert PASSWORD not in r.text


def test_the_login_form_needs_its_csrf_token(live_server):
    name = make_admin(live_server.engine)
    browser, other = _browser(live_server), _browser(live_server)
    form = browser.get("/login")
    token = form.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    other.get("/login")
    for who, data, headers in (
            (browser, {"nama": name, "sandi": PASSWORD}, {}),  # no token
            (browser, {"csrf_token": "x" + token, "nama": name, "sandi": PASSWORD}, {}),  # wrong token
            (other, {"csrf_token": token, "nama": name, "sandi": PASSWORD}, {}),  # someone else's form
            (browser, {"csrf_token": token, "nama": name, "sandi": PASSWORD},
             {"Origin": "http://penyerang.example"})):  # another site's page
        r = who.post("/login", data, headers=headers)
        assert r.status_code == 403 and "kedaluwarsa atau tidak sah" in r.text
        assert "jemput_sesi" not in who.http.cookies
    token = csrf_of(browser.get("/login").text)  # each refusal came with a new form and its cookie
    r = browser.post("/login", {"csrf_token": token, "nama": name, "sandi": PASSWORD},
                     headers={"Origin": live_server.url})
    assert r.status_code == 303


def test_logout_needs_the_sessions_csrf_token_and_ends_the_session(live_server):
    name = make_admin(live_server.engine)
    browser = _browser(live_server).logged_in(name)
    token = browser.http.cookies["jemput_sesi"]
    for data in ({}, {"csrf_token": "palsu"}):
        r = browser.post("/logout", data)
        assert r.status_code == 403 and "CSRF" in r.text
        assert browser.dashboard().status_code == 200  # still logged in
    r = browser.logout()
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert browser.dashboard().headers["location"] == "/login"
    replay = requests.get(live_server.url + "/dashboard", cookies={"jemput_sesi": token}, timeout=10,
                          allow_redirects=False)
    assert replay.status_code == 303  # the old cookie is worthless: the row is gone


def test_an_account_locks_after_its_failures_from_any_address(live_server):
    name = make_admin(live_server.engine)
    first, second = _browser(live_server), _browser(live_server)
    for _ in range(5):  # the default: 5 failures per account
        assert first.login(name, "salah-salah-salah").status_code == 401
    r = first.login(name)  # the right password, too late
    assert r.status_code == 429 and "Terlalu banyak percobaan" in r.text
    assert 1 <= int(r.headers["Retry-After"]) <= 900
    r = second.login(name)  # another address: the account is still locked
    assert r.status_code == 429 and "jemput_sesi" not in second.http.cookies
    assert _failures(live_server, f"akun:{name}") == 5
    other = make_admin(live_server.engine)
    assert first.login(other).status_code == 303  # the address is not locked by one account's failures


def test_an_address_locks_after_its_failures_on_any_account(live_server):
    address = next_address()
    guesser = AdminBrowser(live_server.url, address)
    for _ in range(20):  # the default: 20 failures per address
        assert guesser.login(new_admin_name(), "tebak-tebak-tebak").status_code == 401
    name = make_admin(live_server.engine)
    r = guesser.login(name)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert _failures(live_server, f"alamat:{address}") == 20
    assert _browser(live_server).login(name).status_code == 303  # from elsewhere the admin gets in


def test_a_success_is_not_counted_as_a_failure(live_server):
    name = make_admin(live_server.engine)
    browser = _browser(live_server)
    for _ in range(4):
        assert browser.login(name, "salah-salah-salah").status_code == 401
    assert browser.login(name).status_code == 303
    assert _failures(live_server, f"akun:{name}") == 4


def test_removing_an_admin_ends_its_sessions_at_once(live_server):
    name = make_admin(live_server.engine)
    browser = _browser(live_server).logged_in(name)
    listed = run_cli("admin", "list", *live_server.cli_args).stdout
    assert any(line.startswith(name + "\t") and "sesi aktif 1" in line for line in listed.splitlines())
    out = run_cli("admin", "remove", *live_server.cli_args, name).stdout
    assert f"Admin '{name}' dihapus" in out
    assert browser.dashboard().headers["location"] == "/login"
    assert browser.login(name).status_code == 401
    assert name not in run_cli("admin", "list", *live_server.cli_args).stdout


def test_the_figures_per_area_day_and_team(live_server, people, tmp_path):
    area = live_server.fresh_area()
    residents = [people.resident(area) for _ in range(4)]
    cols = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
    csv = tmp_path / "targets.csv"
    csv.write_text("\n".join([",".join(cols)] + [",".join(f'"{r[c]}"' for c in cols) for r in residents]) + "\n",
                   encoding="utf-8")
    run_cli("import-targets", *live_server.cli_args, csv)
    team_name = f"Tim Dasbor {new_admin_name()}"
    r = live_server.register(live_server.enrollment_code(area, name=team_name))
    team = DeviceClient(live_server.url, r.json()["token"], r.json()["device_id"], area)
    yesterday = RECORDING_DATE - dt.timedelta(days=1)
    days = [yesterday, yesterday, RECORDING_DATE]
    for resident, day in zip(residents, days):
        assert team.send(make_recording(resident, recording_date=day, with_media=False))[0]["outcome"] == "accepted"

    page = _browser(live_server).logged_in(make_admin(live_server.engine)).dashboard().text
    kel = residents[0]["kelurahan_kode"]
    assert any(f"<td>{area} " in row and "<td>4</td><td>3</td><td>75,0%</td>" in row
               for row in page.split('<table id="tabel-per-kecamatan">', 1)[1].split("</table>", 1)[0].split("<tr>"))
    assert f"<td>{kel}" in page.split('<table id="tabel-per-kelurahan">', 1)[1]
    assert "3/4 (75,0%)" in page  # the kecamatan's bar in its chart
    row = page.split('<table id="tabel-per-perangkat">', 1)[1].split(f"<td>{team_name}</td>", 1)[1].split("</tr>")[0]
    assert row.startswith(f"<td>{area}</td><td>3</td><td>0</td><td>0</td><td>2</td>")
    day_table = page.split('<table id="tabel-per-hari">', 1)[1].split("</table>", 1)[0]
    assert f"<td>{yesterday.isoformat()}</td>" in day_table and f"<td>{RECORDING_DATE.isoformat()}</td>" in day_table
    assert team_name in page.split('<section id="per-perangkat">', 1)[1].split("</svg>", 1)[0]  # its bar
    for r in residents:
        assert r["nik"] not in page and r["nama"] not in page


def test_a_logged_in_admin_changes_a_devices_area_with_the_sessions_csrf_token(live_server, region_index):
    from sync.server import admin

    device = live_server.device(live_server.fresh_area())
    kecamatan = live_server.fresh_area()
    anonymous = AdminBrowser(live_server.url, next_address())
    r = anonymous.post("/dashboard/wilayah", {"csrf_token": "x", "perangkat": str(device.device_id),
                                              "wilayah": kecamatan})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    browser = AdminBrowser(live_server.url, next_address()).logged_in(make_admin(live_server.engine))
    page = browser.dashboard()
    assert 'id="ganti-wilayah"' in page.text
    token = csrf_of(page.text)
    for data in ({"perangkat": str(device.device_id), "wilayah": kecamatan},
                 {"csrf_token": "palsu", "perangkat": str(device.device_id), "wilayah": kecamatan}):
        assert browser.post("/dashboard/wilayah", data).status_code == 403
    assert admin.device_area(live_server.engine, str(device.device_id)) == [device.area]

    bad = browser.post("/dashboard/wilayah", {"csrf_token": token, "perangkat": str(device.device_id),
                                              "wilayah": "16.71.x"})
    assert bad.status_code == 422 and "tidak valid" in bad.text
    kel = [r.kode for r in region_index.children(kecamatan)][:2]
    done = browser.post("/dashboard/wilayah", {"csrf_token": token, "perangkat": str(device.device_id),
                                               "wilayah": ", ".join(kel)})
    assert done.status_code == 200 and "diganti" in done.text
    assert admin.device_area(live_server.engine, str(device.device_id)) == sorted(kel)
    assert device.targets(0)["area_reset"] == sorted(kel)
