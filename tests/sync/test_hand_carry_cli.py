"""`jemput export-bundle DIR` and `jemput import-receipt FILE` (parsed as `app.cli.parser` wires them),
with ``jemput-server import-bundle`` between them: the command-line path of the hand-carry."""

from __future__ import annotations

import pytest

from app.cli.parser import build_parser
from app.core.lifecycle import RecordingStatus
from app.session import Session
from support.profiles import PASSPHRASE
from support.server import server_cli
from sync_support import record


def _run(*argv: str) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("JEMPUT_PASSPHRASE", PASSPHRASE)


def test_export_import_and_receipt_from_the_command_line(session, people, module_server, registered, tmp_path,
                                                          capsys):
    registered(module_server)
    recs = [record(session.store, people) for _ in range(5)]
    folder = str(session.data_dir)
    session.close()
    usb = tmp_path / "usb"
    usb.mkdir()

    assert _run("export-bundle", "--data", folder, str(usb), "--no-progress") == 0
    out = capsys.readouterr().out
    assert "5 rekaman, 10 berkas media" in out and "Antrian laptop tidak berubah" in out
    (bundle,) = usb.iterdir()

    imported = server_cli("import-bundle", *module_server.cli_args, bundle)
    assert "5 rekaman (accepted 5)" in imported.stdout and "10 berkas media baru" in imported.stdout
    (receipt,) = [p for p in usb.iterdir() if p.name.endswith(".terima.json")]

    assert _run("import-receipt", "--data", folder, str(receipt)) == 0
    assert "5 rekaman diakui server" in capsys.readouterr().out
    again = Session.open(session.data_dir, PASSPHRASE)
    try:
        assert {again.get_recording(r.uuid).status for r in recs} == {RecordingStatus.ACCEPTED}
    finally:
        again.close()

    assert _run("export-bundle", "--data", folder, str(usb)) == 1
    assert "Tidak ada rekaman yang menunggu dikirim" in capsys.readouterr().err
    assert _run("import-receipt", "--data", folder, str(bundle)) == 1  # a bundle is no receipt
    assert "Tanda terima tidak sah" in capsys.readouterr().err
