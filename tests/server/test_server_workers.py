"""Several workers, for real: ``jemput-server run --workers 4`` on PostgreSQL as a
subprocess, and the races that broke a hand-made multi-worker set-up: the same
media bundle posted 80 times at once, the same chunk PUT 40 times at once,
wrong enrollment codes spread over the workers, four processes migrating an
empty database at once; ``run`` refusing an unmigrated database; the client
address taken from ``X-Forwarded-For`` only from a trusted proxy; TLS served
by ``run`` itself."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle
from sync.protocol_problems import Problems
from sync.server import db_engine, schema, tables

from adminkit import AdminBrowser, make_admin
from serverkit import LIVE_CHUNK, FromAddress, LiveServer, loopback_aliases_work, make_recording
from support.server import SERVER_CMD, prepare_server_data, start_server
from support.server import server_cli as run_cli
from support.tls import self_signed_certificate

WORKERS = 4
MAX_FAILURES = 3


@pytest.fixture(scope="module")
def pg_workers(tmp_path_factory, postgres_cluster, seed_regions_csv):
    """``jemput-server run --workers 4`` on a fresh PostgreSQL database (migrated first)."""
    url = postgres_cluster.new_database()
    data = tmp_path_factory.mktemp("workers")
    run_cli("migrate", "--data", data, "--database-url", url)
    prepare_server_data(data, "--database-url", url, regions=seed_regions_csv)
    server = start_server(data, "--workers", str(WORKERS), "--max-chunk-bytes", str(LIVE_CHUNK),
                          "--register-max-failures", str(MAX_FAILURES), database_url=url,
                          server_class=LiveServer)
    _await_workers(server, WORKERS)
    yield server
    server.stop()
    server.dispose()


def _await_workers(server: LiveServer, count: int, timeout_s: float = 120) -> None:
    """Wait until `count` worker processes have built their apps ("siap" comes once the
    socket listens; on a busy machine the last worker may still be importing then)."""
    deadline = time.monotonic() + timeout_s
    while len(_processes(server, "Application startup complete")) < count:
        assert time.monotonic() < deadline, server.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        time.sleep(0.1)


def _errors(server: LiveServer) -> list[str]:
    """Access-log lines answered 5xx, and tracebacks, in the server's log."""
    text = server.log.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if "Traceback" in line or '" 50' in line]


def _processes(server: LiveServer, needle: str) -> set[str]:
    """The process ids (``[pid]`` in each log line) that logged lines containing `needle`."""
    text = server.log.read_text(encoding="utf-8", errors="replace")
    return {line.split("[", 1)[1].split("]", 1)[0] for line in text.splitlines() if needle in line and "[" in line}


def test_80_concurrent_posts_of_one_bundle_store_one_copy(pg_workers, people):
    device = pg_workers.device()
    recs = [make_recording(people.resident()) for _ in range(2)]
    device.send(*recs)
    files = [(sha, data) for rec in recs for sha, data in rec.media.items()]
    body = encode_bundle(files)

    def post(_n: int) -> requests.Response:
        return requests.post(pg_workers.url + protocol.Paths.MEDIA_BUNDLE, data=body, timeout=60,
                             headers={**device.http.headers, "Content-Type": BUNDLE_CONTENT_TYPE})

    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(post, range(80)))
    assert sorted({r.status_code for r in answers}) == [200], [r.text for r in answers if r.status_code != 200][:3]
    assert all(x["complete"] and x["problem"] is None for r in answers for x in r.json()["results"])
    media = pg_workers.data / "media"
    for sha, data in files:
        assert (media / sha).read_bytes() == data
    assert sorted(p.name for p in media.iterdir() if p.is_file()) == sorted(sha for sha, _ in files)
    assert not [p for p in (media / "partial").iterdir()]  # no temporary copy left behind
    with pg_workers.engine.connect() as conn:
        blobs = conn.execute(sa.select(tables.media_blobs.c.sha256, tables.media_blobs.c.complete)
                             .where(tables.media_blobs.c.sha256.in_([sha for sha, _ in files]))).all()
    assert sorted(blobs) == sorted((sha, True) for sha, _ in files)
    feed = {e["uuid"]: e for e in device.status()["items"]}
    assert all(feed[rec.uuid]["received_complete"] for rec in recs)
    assert len(_processes(pg_workers, "Started server process")) == WORKERS
    assert len(_processes(pg_workers, '"POST /media-bundle')) >= 2  # served by several workers
    assert _errors(pg_workers) == []


def _held(r: requests.Response) -> tuple[int, bool]:
    """(offset, complete) from a chunk's answer: 200 (MediaState) or 409.1 (its details)."""
    body = r.json()
    state = body if r.status_code == 200 else body["details"]
    assert r.status_code == 200 or body["code"] == Problems.OFFSET_MISMATCH.code, body
    return state["offset"], state["complete"]


def test_40_concurrent_puts_of_one_chunk_write_it_once(pg_workers, people):
    device = pg_workers.device()
    rec = make_recording(people.resident(), photo_size=3 * LIVE_CHUNK + 123)
    device.send(rec)
    sha, data = max(rec.media.items(), key=lambda kv: len(kv[1]))
    assert hashlib.sha256(data).hexdigest() == sha

    def race(offset: int) -> list[requests.Response]:
        chunk = data[offset:offset + LIVE_CHUNK]

        def put(_n: int) -> requests.Response:
            return requests.put(pg_workers.url + protocol.Paths.media(sha), data=chunk, timeout=60,
                                headers={**device.http.headers, protocol.OFFSET_HEADER: str(offset),
                                         "Content-Type": "application/octet-stream"})

        with ThreadPoolExecutor(40) as pool:
            return list(pool.map(put, range(40)))

    first = race(0)
    codes = sorted(r.status_code for r in first)
    assert codes == [200] + [409] * 39, codes
    assert {_held(r)[0] for r in first} == {LIVE_CHUNK}  # every answer names the same offset
    partial = pg_workers.data / "media" / "partial" / sha
    assert partial.read_bytes() == data[:LIVE_CHUNK]  # byte-exact: written once
    for offset in (LIVE_CHUNK, 2 * LIVE_CHUNK):
        assert device.put_chunk(sha, offset, data[offset:offset + LIVE_CHUNK]).status_code == 200
    last = race(3 * LIVE_CHUNK)  # the chunk that completes the file, 40 times at once
    assert sorted(r.status_code for r in last) == [200] + [409] * 39
    assert {_held(r) for r in last} == {(len(data), True)}
    assert (pg_workers.data / "media" / sha).read_bytes() == data
    assert not partial.exists()
    assert _errors(pg_workers) == []


pytestmark_aliases = pytest.mark.skipif(not loopback_aliases_work(),
                                        reason="this system cannot use 127.0.0.x as a source address")


@pytestmark_aliases
def test_wrong_codes_are_counted_across_workers_in_the_database(pg_workers):
    address = "127.0.0.61"

    def guess(n: int) -> requests.Response:
        with requests.Session() as http:  # a new connection each time: any worker may take it
            http.mount("http://", FromAddress(address))
            return http.post(pg_workers.url + protocol.Paths.REGISTER, timeout=30,
                             json={"enrollment_code": f"SALA-H{n:03d}-KODE"},
                             headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})

    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(guess, range(24)))
    codes = sorted(r.status_code for r in answers)
    assert codes == [403] * MAX_FAILURES + [429] * (24 - MAX_FAILURES), codes
    assert guess(99).status_code == 429
    with pg_workers.engine.connect() as conn:
        counted = conn.execute(sa.select(sa.func.count()).select_from(tables.register_failures)
                               .where(tables.register_failures.c.address == address)).scalar_one()
    assert counted == MAX_FAILURES
    assert _errors(pg_workers) == []


@pytestmark_aliases
def test_a_dashboard_session_and_a_lock_out_hold_across_workers(pg_workers):
    """The session is a database row: every worker knows it; failed logins too."""
    address = "127.0.0.62"
    name = make_admin(pg_workers.engine)
    cookie = AdminBrowser(pg_workers.url, address).logged_in(name).http.cookies["jemput_sesi"]

    def fresh() -> requests.Session:  # a new connection each time: any worker may take it
        http = requests.Session()
        http.mount("http://", FromAddress(address))
        return http

    def look(_n: int) -> int:
        with fresh() as http:
            return http.get(pg_workers.url + "/dashboard", cookies={"jemput_sesi": cookie}, timeout=60,
                            allow_redirects=False).status_code

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(look, range(16))) == [200] * 16
    assert len(_processes(pg_workers, '"GET /dashboard')) >= 2  # answered by several workers

    def wrong(_n: int) -> int:
        browser = AdminBrowser(pg_workers.url, address)
        with browser.http:
            return browser.login(name, "salah-salah-salah").status_code

    with ThreadPoolExecutor(8) as pool:
        codes = sorted(pool.map(wrong, range(8)))
    assert codes == [401] * 5 + [429] * 3, codes  # 5 per account, whichever worker counted them
    assert AdminBrowser(pg_workers.url, "127.0.0.63").login(name).status_code == 429
    assert _errors(pg_workers) == []


@pytestmark_aliases
def test_one_code_registered_20_times_at_once_gives_one_device(pg_workers):
    code = pg_workers.enrollment_code()

    def register(n: int) -> requests.Response:
        with requests.Session() as http:
            http.mount("http://", FromAddress(f"127.0.1.{n + 1}"))  # each its own allowance
            return http.post(pg_workers.url + protocol.Paths.REGISTER, json={"enrollment_code": code},
                             headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}, timeout=30)

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(register, range(20)))
    won = [r for r in answers if r.status_code == 201]
    assert len(won) == 1 and {r.status_code for r in answers} == {201, 403}
    me = requests.get(pg_workers.url + protocol.Paths.ME, timeout=10,
                      headers={"Authorization": f"Bearer {won[0].json()['token']}",
                               protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})
    assert me.status_code == 200  # the token handed out is the one the server keeps
    assert _errors(pg_workers) == []


@pytestmark_aliases
def test_one_code_from_two_laptops_at_once_gives_one_device_to_one_of_them(pg_workers):
    """Registration retries (the same nonce) racing another laptop (its own nonce) on
    four workers: every try of the laptop that won gets the one device, every try of
    the other 403; exactly one of the handed-out tokens works."""
    code = pg_workers.enrollment_code()
    nonces = ["Laptop_A_" + "1" * 20, "Laptop_B_" + "2" * 20]

    def register(n: int) -> tuple[str, requests.Response]:
        nonce = nonces[n % 2]
        with requests.Session() as http:
            http.mount("http://", FromAddress(f"127.0.2.{n + 1}"))  # each its own allowance
            return nonce, http.post(pg_workers.url + protocol.Paths.REGISTER, timeout=30,
                                    json={"enrollment_code": code, "nonce": nonce},
                                    headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION})

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(register, range(20)))
    by_nonce = {nonce: sorted(r.status_code for n, r in answers if n == nonce) for nonce in nonces}
    assert sorted(by_nonce.values()) == [[201] * 10, [403] * 10], by_nonce
    won = [r.json() for _n, r in answers if r.status_code == 201]
    assert len({w["device_id"] for w in won}) == 1
    working = [w for w in won if requests.get(
        pg_workers.url + protocol.Paths.ME, timeout=10,
        headers={"Authorization": f"Bearer {w['token']}", protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION},
    ).status_code == 200]
    assert len(working) == 1  # the last token the server kept; the others were replaced
    assert _errors(pg_workers) == []


@pytestmark_aliases
def test_forwarded_for_is_believed_only_from_a_trusted_proxy(tmp_path, seed_regions_csv, pg_workers):
    proxy, stranger = "127.0.0.71", "127.0.0.72"

    def failures(engine) -> dict[str, int]:  # noqa: ANN001
        f = tables.register_failures
        with engine.connect() as conn:
            return dict(conn.execute(sa.select(f.c.address, sa.func.count()).group_by(f.c.address)).all())

    def knock(server, source: str, forwarded: str) -> int:  # noqa: ANN001
        with requests.Session() as http:
            http.mount("http://", FromAddress(source))
            return http.post(server.url + protocol.Paths.REGISTER, json={"enrollment_code": "SALA-HSAL-AHXX"},
                             headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION,
                                      "X-Forwarded-For": forwarded}, timeout=30).status_code

    # The multi-worker server trusts no proxy: the header changes nothing, even from loopback.
    assert knock(pg_workers, stranger, "203.0.113.50") == 403
    assert knock(pg_workers, "127.0.0.1", "203.0.113.51") == 403
    seen = failures(pg_workers.engine)
    assert seen[stranger] == 1 and seen["127.0.0.1"] >= 1
    assert not {"203.0.113.50", "203.0.113.51"} & set(seen)

    data = prepare_server_data(tmp_path / "proxied", regions=seed_regions_csv)
    server = start_server(data, "--trusted-proxy", f"{proxy}/32")
    try:
        assert knock(server, proxy, "203.0.113.60") == 403
        assert knock(server, stranger, "203.0.113.61") == 403
        assert failures(server.engine) == {"203.0.113.60": 1, stranger: 1}
    finally:
        server.stop()
        server.dispose()


def test_bad_trusted_proxy_is_refused(tmp_path):
    out = run_cli("run", "--data", tmp_path, "--port", "0", "--trusted-proxy", "semua", check=False)
    assert out.returncode == 2 and "--trusted-proxy" in out.stderr


def _migrate_at_once(args: list[str], count: int = 4) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen([*SERVER_CMD, "migrate", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(count)]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def _assert_migrated_once(done: list[subprocess.CompletedProcess], url: str) -> None:
    assert [p.returncode for p in done] == [0] * len(done), [p.stderr for p in done]
    outs = sorted(p.stdout.strip() for p in done)
    head = schema.head_revision()
    assert outs == sorted([f"Skema database dimigrasi: kosong -> {head}."]
                          + [f"Skema database sudah terbaru ({head})."] * (len(done) - 1))
    engine = db_engine.make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all() == [head]
    finally:
        engine.dispose()


def test_four_processes_migrate_an_empty_postgresql_at_once_then_run(postgres_url, tmp_path):
    data = tmp_path / "srv"
    args = ["--data", str(data), "--database-url", postgres_url]
    _assert_migrated_once(_migrate_at_once(args), postgres_url)
    with ThreadPoolExecutor(4) as pool:  # four servers starting at once on the migrated database
        servers = list(pool.map(lambda _n: start_server(data, database_url=postgres_url), range(4)))
    try:
        for server in servers:
            assert requests.get(server.url + protocol.Paths.HEALTH, timeout=10).status_code == 200
    finally:
        for server in servers:
            server.stop()


def test_four_processes_migrate_an_empty_sqlite_at_once(tmp_path):
    data = tmp_path / "srv"
    _assert_migrated_once(_migrate_at_once(["--data", str(data)]), f"sqlite:///{data / 'jemput-server.db'}")


def test_connections_opening_a_new_sqlite_database_at_once_all_get_in(tmp_path):
    """Several connections switching a new database to WAL at once: SQLite tells
    all but one "database is locked" without waiting (about 1 round in 8 with six
    at once, before `make_engine` tried again); CI saw one migrating process fail so."""
    rounds, at_once = 120, 6
    refused: list[str] = []
    for n in range(rounds):
        path = tmp_path / f"new-{n}.db"
        with sqlite3.connect(path) as plain:  # a real database, still in rollback-journal mode
            plain.execute("CREATE TABLE t (x)")
        plain.close()
        engines = [db_engine.make_engine(f"sqlite:///{path}") for _ in range(at_once)]
        start = threading.Barrier(at_once)

        def open_one(engine: sa.Engine) -> None:
            start.wait()
            try:
                with engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            except sa.exc.OperationalError as exc:
                refused.append(str(exc.orig))

        threads = [threading.Thread(target=open_one, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for engine in engines:
            engine.dispose()
    assert refused == []


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_run_refuses_an_unmigrated_database(backend, tmp_path, request):
    extra = ["--database-url", request.getfixturevalue("postgres_url")] if backend == "postgresql" else []
    for workers in ("1", "4"):
        out = run_cli("run", "--data", tmp_path / "srv", "--port", "0", "--workers", workers, *extra, check=False)
        assert out.returncode == 1
        assert "database belum dimigrasi (skema kosong" in out.stderr and "jemput-server migrate" in out.stderr
        assert "Traceback" not in out.stderr and "siap di" not in out.stdout
    if backend == "sqlite":  # an older schema is refused too, with its revision named
        engine = db_engine.make_engine(f"sqlite:///{tmp_path / 'srv' / 'jemput-server.db'}")
        schema.migrate(engine, "0005")
        engine.dispose()
        out = run_cli("run", "--data", tmp_path / "srv", "--port", "0", check=False)
        assert out.returncode == 1 and f"skema 0005, perlu {schema.head_revision()}" in out.stderr


def test_run_serves_tls_itself(tmp_path, seed_regions_csv):
    cert, key = self_signed_certificate(tmp_path)
    data = prepare_server_data(tmp_path / "srv", regions=seed_regions_csv)
    server = start_server(data, "--workers", "2", "--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    try:
        _await_workers(server, 2)  # "siap" comes once the socket listens; a busy machine builds the apps later
        assert server.url.startswith("https://127.0.0.1:")
        r = requests.get(server.url + protocol.Paths.HEALTH, verify=str(cert), timeout=10)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        with pytest.raises(requests.exceptions.SSLError):  # not trusted without its certificate
            requests.get(server.url + protocol.Paths.HEALTH, timeout=10)
        with pytest.raises(requests.exceptions.ConnectionError):  # no plain http on the TLS port
            requests.get(server.url.replace("https://", "http://") + protocol.Paths.HEALTH, timeout=10)
        browser = AdminBrowser(server.url, verify=str(cert))  # the dashboard's cookies are Secure over TLS
        assert "Secure" in browser.get("/login").headers["set-cookie"]
        r = browser.login(make_admin(server.engine))
        assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]
        assert browser.dashboard().status_code == 200
    finally:
        server.dispose()
        server.stop()


@pytest.mark.parametrize("args, message", [
    (["--ssl-certfile", "x.pem"], "harus diberikan bersama"),
    (["--ssl-certfile", "tidak-ada.pem", "--ssl-keyfile", "tidak-ada.key"], "tidak dapat dimuat"),
])
def test_bad_tls_options_are_refused_plainly(tmp_path, args, message):
    run_cli("migrate", "--data", tmp_path)
    out = run_cli("run", "--data", tmp_path, "--port", "0", *args, check=False)
    assert out.returncode == 1 and message in out.stderr and "Traceback" not in out.stderr


def test_the_app_factory_needs_its_settings(monkeypatch):
    from sync.server.app import SETTINGS_ENV, app_from_environment

    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    with pytest.raises(RuntimeError, match="jemput-server run"):
        app_from_environment()
    assert os.environ.get(SETTINGS_ENV) is None


def test_every_setting_reaches_the_workers(tmp_path):
    """What `run` hands its workers (`Settings.to_json`) comes back whole: a demo
    server's workers answer /health as demo, the trusted proxies stay the same."""
    from sync.server.settings import Settings

    given = Settings(data_dir=tmp_path / "srv", database_url="postgresql+psycopg://u@h/db", demo=True,
                     trusted_proxies=("10.0.0.0/24",), register_max_failures=7, max_batch_items=9)
    again = Settings.from_json(given.to_json())
    assert again == given and again.demo is True and again.trusted_proxies == ("10.0.0.0/24",)
    assert Settings.from_json(Settings(data_dir=tmp_path).to_json()).demo is False


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_postgresql_fails_under_ci_and_skips_elsewhere(monkeypatch, ci, outcome):
    from support.postgres import unavailable

    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="initdb"):
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
