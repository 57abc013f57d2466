"""`jemput register` and `jemput sync` from the command line (the subcommands of
`app.cli.sync`, parsed as `app.cli.parser` wires them), against a real server."""

from __future__ import annotations

import argparse

import pytest

from app.core.lifecycle import RecordingStatus
from app.session import Session
from app.cli.sync import add_sync_commands
from sync.client import Keys
from support.profiles import PASSPHRASE
from support.server import server_cli
from sync_support import record


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="jemput")
    sub = parser.add_subparsers(dest="command")
    add_sync_commands(sub)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("JEMPUT_PASSPHRASE", PASSPHRASE)


def test_register_then_sync_from_the_command_line(session, people, module_server, capsys):
    recs = [record(session.store, people) for _ in range(5)]
    folder = str(session.data_dir)
    session.close()

    assert _run("sync", "--data", folder) == 1
    assert "belum didaftarkan" in capsys.readouterr().err

    code = module_server.enrollment_code()
    assert _run("register", module_server.url, code, "--name", "laptop-cli", "--data", folder) == 0
    assert "Terdaftar sebagai perangkat" in capsys.readouterr().out
    assert _run("register", module_server.url, code, "--data", folder) == 1  # the code was used
    assert "Kode pendaftaran tidak berlaku" in capsys.readouterr().err

    assert _run("sync", "--data", folder, "--progress") == 0
    out = capsys.readouterr()
    assert out.out.startswith("5 rekaman diterima server")
    assert "Sinkron (" in out.err and "5/5 rekaman" in out.err

    again = Session.open(session.data_dir, PASSPHRASE)
    try:
        assert {again.get_recording(r.uuid).status for r in recs} == {RecordingStatus.ACCEPTED}
        assert again.get_setting(Keys.LAST_SYNC)
        device = again.get_setting(Keys.DEVICE_ID)
    finally:
        again.close()

    server_cli("revoke-device", "--data", module_server.data, str(device))
    assert _run("sync", "--data", folder) == 1
    assert "dicabut oleh admin" in capsys.readouterr().err


def test_sync_reports_an_unreachable_server_with_the_next_try(session, people, capsys):
    session.set_setting(Keys.SERVER_URL, "http://127.0.0.1:9")  # nothing listens there
    session.set_setting(Keys.TOKEN, "t" * 43)
    record(session.store, people)
    folder = str(session.data_dir)
    session.close()
    assert _run("sync", "--data", folder, "--no-progress") == 1
    err = capsys.readouterr().err
    assert "Server tidak dapat dihubungi" in err and "Percobaan otomatis berikutnya pukul" in err
