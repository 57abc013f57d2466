"""Demo stays demo: a demo profile registers only with a server that declares itself a demo server.

Real servers on 127.0.0.1 (`jemput-server run`, with and without ``--demo``),
real encrypted profiles; the demo profile is filled as `jemput demo` fills it.
"""

from __future__ import annotations

import argparse

import pytest
import requests
import sqlalchemy as sa

from app.cli.sync import add_sync_commands
from app.demo.profile import fill_demo
from app.session import Session
from app.store.settings import DEMO_KEY, is_demo_profile
from support.profiles import PASSPHRASE
from support.server import prepare_server_data, start_server
from sync import protocol
from sync.client import Keys, RegistrationError
from sync.server import tables
from sync_support import AREA, make_pump

REFUSED = "Profil DEMO hanya boleh didaftarkan ke server latihan"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    server = start_server(prepare_server_data(tmp_path_factory.mktemp("jemput-demo-server")), "--demo")
    yield server
    server.stop()
    server.dispose()


@pytest.fixture
def demo_session(new_session):
    """A laptop profile filled as the demo profile (generated residents, marked demo)."""
    filled = new_session("demo")
    fill_demo(filled.store, count=30)
    filled.close()
    session = Session.open(filled.data_dir, PASSPHRASE)  # opened as any profile: it says it is the demo
    yield session
    session.close()


def _enrolled(server) -> list:
    with server.engine.connect() as conn:
        return conn.execute(sa.select(tables.devices.c.id).where(tables.devices.c.enrolled_at.is_not(None))).all()


def test_health_says_whether_the_server_is_a_demo_server(module_server, demo_server):
    plain = protocol.Health.model_validate_json(requests.get(module_server.url + "/health", timeout=10).content)
    demo = protocol.Health.model_validate_json(requests.get(demo_server.url + "/health", timeout=10).content)
    assert (plain.demo, demo.demo) == (False, True)
    assert "Server DEMO" in demo_server.log.read_text(encoding="utf-8")


def test_a_demo_profile_refuses_a_server_that_is_not_a_demo_server(demo_session, session, module_server):
    assert demo_session.is_demo and is_demo_profile(demo_session.store)
    code = module_server.enrollment_code(area=AREA)
    before = len(_enrolled(module_server))
    posts = module_server.access_lines('"POST /devices/register')
    pump = make_pump(demo_session.store)
    try:
        with pytest.raises(RegistrationError) as caught:
            pump.register(module_server.url, code, "laptop-demo")
    finally:
        pump.close()
    assert caught.value.code == "sync.demo_server_required"
    assert REFUSED in str(caught.value)
    assert demo_session.get_setting(Keys.TOKEN) is None and demo_session.get_setting(Keys.SERVER_URL) is None
    assert len(_enrolled(module_server)) == before, "nothing was registered on the server"
    assert module_server.access_lines('"POST /devices/register') == posts, "the code was never sent"

    # The code was never sent: a real profile still registers with it.
    assert not session.is_demo
    real = make_pump(session.store)
    try:
        real.register(module_server.url, code, "laptop-nyata")
    finally:
        real.close()
    assert session.get_setting(Keys.TOKEN)
    assert len(_enrolled(module_server)) == before + 1


def test_a_demo_profile_registers_with_a_demo_server(demo_session, demo_server):
    pump = make_pump(demo_session.store)
    try:
        info = pump.register(demo_server.url, demo_server.enrollment_code(area=AREA), "laptop-demo")
    finally:
        pump.close()
    assert info.device_id > 0
    assert demo_session.get_setting(Keys.TOKEN) and demo_session.get_setting(Keys.SERVER_URL) == demo_server.url


def test_a_profile_marked_demo_by_hand_is_demo_too(session, module_server):
    """The flag is the store's: any profile carrying it is refused, however it was opened."""
    session.set_setting(DEMO_KEY, True)
    pump = make_pump(session.store)
    try:
        with pytest.raises(RegistrationError) as caught:
            pump.register(module_server.url, module_server.enrollment_code(area=AREA))
    finally:
        pump.close()
    assert caught.value.code == "sync.demo_server_required"
    session.set_setting(DEMO_KEY, "true")  # only the JSON value true marks the demo
    assert not is_demo_profile(session.store)


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="jemput")
    add_sync_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_jemput_register_refuses_too(demo_session, module_server, demo_server, capsys, monkeypatch):
    monkeypatch.setenv("JEMPUT_PASSPHRASE", PASSPHRASE)
    folder = str(demo_session.data_dir)
    demo_session.close()
    assert _cli("register", module_server.url, module_server.enrollment_code(area=AREA), "--data", folder) == 1
    assert REFUSED in capsys.readouterr().err
    assert _cli("register", demo_server.url, demo_server.enrollment_code(area=AREA), "--data", folder) == 0
    assert "Terdaftar sebagai perangkat" in capsys.readouterr().out
