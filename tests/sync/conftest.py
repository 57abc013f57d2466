"""Sync fixtures: encrypted profiles (cheap KDF, built once per worker and copied),
generated people, and real `jemput-server` processes on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path

import pytest

from app.session import Session
from sync_support import AREA, FAST_KDF, PASSPHRASE, People, Server, make_pump, prepare_server_data, start_server


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("sync-template") / "profile"
    Session.create(directory, PASSPHRASE, operator="Operator Uji", kdf_params=FAST_KDF).close()
    return directory


@pytest.fixture
def new_session(template_profile, tmp_path):
    """Factory: a fresh unlocked profile (a laptop) per call."""
    opened: list[Session] = []

    def make(name: str = "laptop") -> Session:
        directory = tmp_path / f"profile-{name}-{len(opened)}"
        shutil.copytree(template_profile, directory)
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
def module_server(tmp_path_factory) -> Server:
    """One real server per test module (tests isolate by device)."""
    data = prepare_server_data(tmp_path_factory.mktemp("jemput-server"))
    server = start_server(data)
    yield server
    server.stop()
    server.dispose()


@pytest.fixture
def server(tmp_path) -> Server:
    """A real server of this test alone (it may be killed, restarted, revoked...)."""
    data = prepare_server_data(tmp_path / "server")
    holder = {"server": start_server(data)}
    yield holder["server"]
    holder["server"].stop()
    holder["server"].dispose()


@pytest.fixture
def registered(session):
    """Factory: register `sess` (default: `session`) with `srv`; returns a pump with fast retries."""
    pumps = []

    def make(srv: Server, sess: Session | None = None, *, url: str | None = None, **kw):
        sess = sess or session
        pump = make_pump(sess.store, **kw)
        pump.register(url or srv.url, srv.enrollment_code(area=AREA), "laptop-uji")
        pumps.append(pump)
        return pump

    yield make
    for p in pumps:
        p.close()
