"""The dashboard's "Impor bundel flashdisk" over real HTTP against the real server process
(on SQLite and on PostgreSQL): a real laptop store exports a real bundle, a logged-in admin
uploads it, the recordings are stored, the receipt downloaded from the page marks them
delivered on the laptop; the same bundle again changes nothing; a flipped byte is refused
with its message and nothing stored; no session or a bad CSRF token imports nothing."""

from __future__ import annotations

import asyncio
import os
import sys
import zlib
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from app.session import Session
from app.store.outbox import Outbox
from support.profiles import PASSPHRASE
from sync.client.hand_carry import apply_receipt, export_bundle
from sync.server import bundle_upload, tables

from adminkit import AdminBrowser, csrf_of, make_admin, next_address
from serverkit import loopback_aliases_work

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from sync_support import AREA, People, make_pump, record  # noqa: E402

pytestmark = pytest.mark.skipif(not loopback_aliases_work(),
                                reason="this system cannot use 127.0.0.2 as a source address")
N = 3


@pytest.fixture
def laptop(profile_templates, tmp_path, live_server, request):
    """A registered laptop with `N` recordings (photo and signature) in its queue, exported to a "stick"."""
    session = Session.open(profile_templates.copy(tmp_path / "profil", operator="Operator Uji"), PASSPHRASE)
    pump = make_pump(session.store)
    pump.register(live_server.url, live_server.enrollment_code(area=AREA), "laptop-uji")
    people = People.create(seed=zlib.crc32(request.node.nodeid.encode()) + os.getpid())
    recs = [record(session.store, people) for _ in range(N)]
    (tmp_path / "usb").mkdir()
    bundle = export_bundle(session.store, tmp_path / "usb").path
    yield session, bundle, recs
    pump.close()
    session.close()


def _admin(live_server) -> AdminBrowser:
    return AdminBrowser(live_server.url, next_address()).logged_in(make_admin(live_server.engine))


def _upload(browser: AdminBrowser, name: str, data: bytes, token: str | None, **kw) -> requests.Response:
    fields = {} if token is None else {"csrf_token": token}
    return browser.http.post(browser.base + bundle_upload.UPLOAD_PATH, data=fields,
                             files={"bundel": (name, data, "application/octet-stream")}, timeout=60,
                             allow_redirects=False, **kw)


def _held(live_server, recs) -> int:
    r = tables.recordings
    with live_server.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(r)
                            .where(r.c.uuid.in_([x.uuid for x in recs]), r.c.received_complete.is_(True))).scalar()


def _stored_any(live_server, recs) -> int:
    r = tables.recordings
    with live_server.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(r)
                            .where(r.c.uuid.in_([x.uuid for x in recs]))).scalar()


def _uploads_left(live_server) -> list[str]:
    folder = live_server.data / bundle_upload.FOLDER
    return [p.name for p in folder.iterdir() if p.name.startswith(".unggah-")] if folder.exists() else []


def _link(page: str) -> str:
    return page.split('id="unduh-tanda-terima" href="', 1)[1].split('"', 1)[0]


def test_an_uploaded_bundle_is_stored_and_its_receipt_marks_the_laptop(live_server, laptop, tmp_path):
    session, bundle, recs = laptop
    browser = _admin(live_server)
    page = browser.dashboard().text
    assert "Impor bundel flashdisk" in page and 'enctype="multipart/form-data"' in page
    token = csrf_of(page)

    r = _upload(browser, bundle.name, bundle.read_bytes(), token)
    assert r.status_code == 200, r.text
    assert f"<b>{N}</b> rekaman" in r.text and f"{N} diterima, 0 sudah ada" in r.text and "0 ditolak" in r.text
    assert _held(live_server, recs) == N
    assert _uploads_left(live_server) == []  # the uploaded copy is gone
    for rec in recs:
        assert rec.resident.nik not in r.text and rec.resident.nama not in r.text

    link = _link(r.text)
    assert link.endswith(bundle.name.removesuffix(".jkb") + ".terima.json")
    assert requests.get(live_server.url + link, timeout=10, allow_redirects=False).status_code == 303  # no session
    got = browser.get(link)
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    kept = list((live_server.data / bundle_upload.FOLDER).glob("*.terima.json"))
    if os.name == "posix":
        assert (live_server.data / bundle_upload.FOLDER).stat().st_mode & 0o777 == 0o700
        assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)
    receipt = tmp_path / "usb" / link.rsplit("/", 1)[1]
    receipt.write_bytes(got.content)
    assert Outbox(session.store).counts()["pending"] == N  # a copy, never a move, until the receipt
    out = apply_receipt(session.store, receipt)
    assert out.acknowledged == N
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}

    before = live_server.status()
    again = _upload(browser, bundle.name, bundle.read_bytes(), token)
    assert again.status_code == 200 and f"0 diterima, {N} sudah ada" in again.text
    assert live_server.status() == before  # twice: nothing changes
    assert _uploads_left(live_server) == []


def test_a_flipped_byte_is_refused_with_its_message_and_nothing_stored(live_server, laptop):
    _session, bundle, recs = laptop
    browser = _admin(live_server)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    r = _upload(browser, "ubah.jkb", bytes(data), csrf_of(browser.dashboard().text))
    assert r.status_code == 422 and "Kiriman ditolak" in r.text
    assert "Tanda tangan kiriman tidak cocok" in r.text and "Tidak ada yang diimpor" in r.text
    assert _stored_any(live_server, recs) == 0 and _uploads_left(live_server) == []
    r = _upload(browser, "potong.jkb", bundle.read_bytes()[:-1], csrf_of(browser.dashboard().text))
    assert r.status_code == 422 and "tidak utuh" in r.text
    assert _stored_any(live_server, recs) == 0


def test_no_session_or_a_bad_csrf_token_imports_nothing(live_server, laptop):
    _session, bundle, recs = laptop
    data = bundle.read_bytes()
    stranger = AdminBrowser(live_server.url, next_address())
    r = _upload(stranger, bundle.name, data, "tebakan")
    assert r.status_code == 303 and r.headers["location"] == "/login"

    browser, other = _admin(live_server), _admin(live_server)
    token = csrf_of(browser.dashboard().text)
    for who, given, headers in ((browser, None, {}), (browser, "x" + token, {}),
                                (browser, csrf_of(other.dashboard().text), {}),  # another session's token
                                (browser, token, {"Origin": "http://penyerang.example"})):
        r = _upload(who, bundle.name, data, given, headers=headers)
        assert r.status_code == 403 and "token CSRF salah" in r.text, r.text
    r = browser.http.post(browser.base + bundle_upload.UPLOAD_PATH, data={"csrf_token": token}, timeout=20,
                          allow_redirects=False)  # a plain form, no file
    assert r.status_code == 400 and "Tidak ada yang diimpor" in r.text
    assert _stored_any(live_server, recs) == 0 and _uploads_left(live_server) == []
    assert _upload(browser, bundle.name, data, token).status_code == 200  # the genuine form goes in
    assert _held(live_server, recs) == N


async def _chunks(parts: list[bytes]):
    for p in parts:
        yield p


def _multipart(token: str, payload: bytes, file_first: bool = False) -> tuple[str, list[bytes]]:
    b = "grenzwert"
    csrf = f'--{b}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'.encode()
    file = (f'--{b}\r\nContent-Disposition: form-data; name="bundel"; filename="a.jkb"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + payload + b"\r\n"
    body = (file + csrf if file_first else csrf + file) + f"--{b}--\r\n".encode()
    return f"multipart/form-data; boundary={b}", [body[i:i + 7] for i in range(0, len(body), 7)]


def test_the_upload_is_bounded_and_needs_the_token_before_the_file(tmp_path):
    """`receive_bundle` itself (the live server's limit is 2 GiB): over the limit or a file before
    the token leaves no file; within it the bytes arrive whole, split anywhere."""
    payload = os.urandom(5000)
    ctype, parts = _multipart("benar", payload)
    got = asyncio.run(bundle_upload.receive_bundle(ctype, None, _chunks(parts), tmp_path, 5000,
                                                   lambda t: t == "benar"))
    assert got.path.read_bytes() == payload and got.filename == "a.jkb"
    got.path.unlink()
    with pytest.raises(bundle_upload.UploadRefused) as info:
        asyncio.run(bundle_upload.receive_bundle(ctype, None, _chunks(parts), tmp_path, 4999, lambda t: True))
    assert info.value.status == 413 and "terlalu besar" in info.value.message
    ctype, parts = _multipart("benar", payload, file_first=True)
    with pytest.raises(bundle_upload.UploadRefused) as info:
        asyncio.run(bundle_upload.receive_bundle(ctype, None, _chunks(parts), tmp_path, 10**6, lambda t: True))
    assert info.value.status == 403
    assert [p for p in (tmp_path / bundle_upload.FOLDER).iterdir()] == []


def test_an_admin_imports_a_bundle_with_the_form_in_chromium(live_server, live_backend, laptop, tmp_path):
    """The real form in a real browser (Debian's headless Chromium): the file chosen, Impor clicked."""
    if live_backend != "sqlite":
        pytest.skip("the browser's side does not depend on the database (its server side is tested above)")
    from adminkit import PASSWORD
    from support.chromium import Chromium

    _session, bundle, recs = laptop
    name = make_admin(live_server.engine)
    with Chromium(tmp_path / "chromium-profile") as browser:
        assert browser.goto(live_server.url + "/dashboard") == "/login"
        browser.type_into("nama", name)
        browser.type_into("sandi", PASSWORD)
        assert browser.click("masuk") == "/dashboard"
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector="#bundel")["nodeId"]
        browser.call("DOM.setFileInputFiles", files=[str(bundle)], nodeId=node)
        assert browser.click("impor") == bundle_upload.UPLOAD_PATH
        text = browser.evaluate("document.getElementById('ringkasan-impor').textContent")
        assert f"{N} rekaman" in text and f"{N} diterima" in text
        assert browser.evaluate("document.getElementById('unduh-tanda-terima').getAttribute('href')").endswith(
            ".terima.json")
    assert _held(live_server, recs) == N


def test_an_upload_in_progress_does_not_hold_up_other_requests(live_server, laptop):
    """The body arrives in two halves with a pause between; meanwhile the server answers others."""
    import threading

    _session, bundle, recs = laptop
    browser = _admin(live_server)
    token = csrf_of(browser.dashboard().text)
    ctype, _ = _multipart(token, bundle.read_bytes())
    body = b"".join(_multipart(token, bundle.read_bytes())[1])
    half, resume, answer = len(body) // 2, threading.Event(), {}

    def slow_body():
        yield body[:half]
        assert resume.wait(30)
        yield body[half:]

    def send():
        answer["r"] = browser.http.post(browser.base + bundle_upload.UPLOAD_PATH, data=slow_body(), timeout=60,
                                        headers={"Content-Type": ctype}, allow_redirects=False)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        for _ in range(3):
            assert requests.get(live_server.url + "/health", timeout=5).status_code == 200
            assert _admin(live_server).dashboard().status_code == 200
        assert "r" not in answer  # the upload is still open
    finally:
        resume.set()
        sender.join(60)
    assert answer["r"].status_code == 200 and f"{N} diterima" in answer["r"].text
    assert _held(live_server, recs) == N
