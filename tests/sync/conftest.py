"""Sync fixtures: laptop profiles (the `support` template with an operator, copied per call),
generated people, and real `jemput-server` processes on 127.0.0.1."""

from __future__ import annotations

import os
import zlib

import pytest

from app.session import Session
from support.profiles import PASSPHRASE
from support.server import ServerProcess, prepare_server_data, start_server
from sync_support import AREA, People, make_pump


@pytest.fixture(scope="session")
def profile_options() -> dict:
    return {"operator": "Operator Uji"}


@pytest.fixture
def new_session(profile_templates, profile_options, tmp_path):
    """Factory: a fresh unlocked profile (a laptop) per call."""
    opened: list[Session] = []

    def make(name: str = "laptop") -> Session:
        directory = profile_templates.copy(tmp_path / f"profile-{name}-{len(opened)}", **profile_options)
        session = Session.open(directory, PASSPHRASE)
        opened.append(session)
        return session

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def session(new_session) -> Session:
    return new_session("a")


@pytest.fixture
def people(request) -> People:
    """Generated residents (and media), different for every test and worker."""
    return People.create(seed=zlib.crc32(request.node.nodeid.encode()) + os.getpid())


@pytest.fixture(scope="module")
def module_server(tmp_path_factory) -> ServerProcess:
    """One real server per test module (tests isolate by device)."""
    server = start_server(prepare_server_data(tmp_path_factory.mktemp("jemput-server")))
    yield server
    server.stop()
    server.dispose()


@pytest.fixture
def server(tmp_path) -> ServerProcess:
    """A real server of this test alone (it may be killed, restarted, revoked...)."""
    server = start_server(prepare_server_data(tmp_path / "server"))
    yield server
    server.stop()
    server.dispose()


@pytest.fixture
def registered(session):
    """Factory: register `sess` (default: `session`) with `srv`; returns a pump with fast retries."""
    pumps = []

    def make(srv: ServerProcess, sess: Session | None = None, *, url: str | None = None, **kw):
        sess = sess or session
        pump = make_pump(sess.store, **kw)
        pump.register(url or srv.url, srv.enrollment_code(area=AREA), "laptop-uji")
        pumps.append(pump)
        return pump

    yield make
    for p in pumps:
        p.close()


@pytest.fixture
def self_signed_https(tmp_path):
    """A tiny HTTPS server with a self-signed certificate for 127.0.0.1 answering /health."""
    import http.server
    import json
    import ssl
    import threading

    from support.tls import self_signed_certificate

    cert_path, key_path = self_signed_certificate(tmp_path)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = json.dumps({"status": "ok", "protocol_version": "1.0"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_path, key_path)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert_path
    httpd.shutdown()
    httpd.server_close()
