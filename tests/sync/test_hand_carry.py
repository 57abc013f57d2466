"""Hand-carry end to end: a laptop's queue on a "USB stick" (a folder), imported by a real
``jemput-server import-bundle``, then the network sync or the receipt file: the same end state.
Damaged, forged, revoked and foreign bundles are refused with one Indonesian line, nothing imported."""

from __future__ import annotations

import json
import os

import pytest
import sqlalchemy as sa

from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from support.server import prepare_server_data, server_cli
from sync.bundle import SUFFIX, new_signing_key
from sync.client import Keys
from sync.client.hand_carry import BundleError, apply_receipt, export_bundle
from sync.server import tables
from sync_support import record

N = 300


def _export(session, folder):
    folder.mkdir(exist_ok=True)
    seen = []
    result = export_bundle(session.store, folder, lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]  # the progress reaches the end
    assert sorted(p.name for p in folder.iterdir()) == sorted([result.path.name, *_others(folder, result.path)])
    assert not [p for p in folder.iterdir() if p.name.endswith(".belum-selesai")]
    return result


def _others(folder, path):
    return [p.name for p in folder.iterdir() if p != path]


def _import(server, path, *extra, check=True):
    return server_cli("import-bundle", *server.cli_args, path, *extra, check=check)


def _pending(session) -> int:
    return Outbox(session.store).counts()["pending"]


@pytest.mark.slow
def test_300_hand_carried_then_the_network_sync_sends_nothing_twice(session, people, server, registered, tmp_path):
    pump = registered(server)
    assert session.get_setting(Keys.SERVER_BUNDLE_KEY) and session.get_setting(Keys.SERVER_RECEIPT_KEY)
    recs = [record(session.store, people, media=None) for _ in range(N)]
    result = _export(session, tmp_path / "usb")
    assert result.records == N and result.media == 2 * N and result.path.suffix == SUFFIX
    assert _pending(session) == N  # a copy, never a move

    first = _import(server, result.path)
    assert "300 rekaman" in first.stdout
    receipt = result.path.with_name(result.path.name.removesuffix(SUFFIX) + ".terima.json")
    body = json.loads(receipt.read_bytes())["receipt"]
    assert sorted(i["uuid"] for i in body["items"]) == sorted(r.uuid for r in recs)
    assert all(i["complete"] and i["status"] == "accepted" for i in body["items"])
    status = server.status()
    assert status["rekaman_total"] == N and status["rekaman_diterima_lengkap"] == N
    assert status["berkas_media"] == 2 * N

    again = _import(server, result.path, "--receipt", tmp_path / "lagi.terima.json")
    assert "already_have 300" in again.stdout and "0 berkas media baru" in again.stdout
    assert server.status() == status  # importing twice changes nothing

    report = pump.run_once()
    assert report.ok, report.error
    assert report.acked == N and report.parked == 0
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}
    assert server.status()["rekaman_total"] == N
    assert server.access_lines('"PUT /media/') == 0 and server.access_lines('"POST /media-bundle') == 0
    counts = RecordingRepo(session.store).counts_by_status()
    assert counts["accepted"] == N


@pytest.mark.slow
def test_300_hand_carried_and_the_receipt_file_gives_the_same_end_state(session, people, server, registered,
                                                                         tmp_path):
    pump = registered(server)
    recs = [record(session.store, people) for _ in range(N)]
    result = _export(session, tmp_path / "usb")
    _import(server, result.path)
    receipt = result.path.with_name(result.path.name.removesuffix(SUFFIX) + ".terima.json")

    out = apply_receipt(session.store, receipt)
    assert out.acknowledged == N and out.delivered == 0
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}
    assert RecordingRepo(session.store).counts_by_status()["accepted"] == N
    assert apply_receipt(session.store, receipt).acknowledged == 0  # twice: nothing more
    assert {RecordingRepo(session.store).get(r.uuid).status.value for r in recs} == {"accepted"}

    report = pump.run_once()
    assert report.ok and report.sent == 0 and report.acked == 0
    assert server.status()["rekaman_total"] == N
    with pytest.raises(BundleError) as info:
        export_bundle(session.store, tmp_path / "usb")
    assert info.value.code == "bundle.nothing_to_send"


@pytest.fixture
def small_bundle(session, people, module_server, registered, tmp_path):
    """A bundle of 3 recordings from a new device of the module's server (tests isolate by device)."""
    registered(module_server)
    recs = [record(session.store, people) for _ in range(3)]
    for r in recs:  # what must not reach the server's media folder from a refused bundle
        object.__setattr__(r, "shas", [m.sha256 for m in RecordingRepo(session.store).media(r.uuid)])
    return _export(session, tmp_path / "usb").path, recs


def _held_on(server, recs) -> int:
    with server.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(tables.recordings)
                            .where(tables.recordings.c.uuid.in_([r.uuid for r in recs]))).scalar()


def _refused(server, path, recs, words: str) -> None:
    proc = _import(server, path, check=False)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr.startswith("jemput-server: ") and words in proc.stderr, proc.stderr
    assert "Tidak ada yang diimpor" in proc.stderr
    assert _held_on(server, recs) == 0
    shas = {sha for r in recs for sha in r.shas}
    assert len(shas) == 2 * len(recs)
    assert not shas & set(server.media_files())


def test_a_truncated_bundle_is_refused(module_server, small_bundle, tmp_path):
    path, recs = small_bundle
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) // 2):
        short = tmp_path / f"potong-{cut}.jkb"
        short.write_bytes(data[:cut])
        _refused(module_server, short, recs, "tidak utuh")


def test_one_flipped_byte_is_refused(module_server, small_bundle, tmp_path):
    path, recs = small_bundle
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "ubah.jkb"
    bad.write_bytes(bytes(data))
    _refused(module_server, bad, recs, "Tanda tangan kiriman tidak cocok")
    _import(module_server, path)  # the genuine one goes in
    assert _held_on(module_server, recs) == 3


def test_a_bundle_of_a_revoked_device_is_refused(session, module_server, small_bundle):
    path, recs = small_bundle
    server_cli("revoke-device", *module_server.cli_args, str(session.get_setting(Keys.DEVICE_ID)))
    _refused(module_server, path, recs, "telah dicabut")


def test_a_bundle_for_another_server_is_refused(module_server, small_bundle, tmp_path):
    path, recs = small_bundle
    other = prepare_server_data(tmp_path / "server-lain")
    proc = server_cli("import-bundle", "--data", other, path, check=False)
    assert proc.returncode == 1 and "untuk server lain" in proc.stderr, proc.stderr
    assert "Tidak ada yang diimpor" in proc.stderr
    assert json.loads(server_cli("status", "--data", other, "--json").stdout)["rekaman_total"] == 0
    assert _held_on(module_server, recs) == 0


def test_a_bundle_signed_by_another_key_is_refused(session, module_server, small_bundle, tmp_path):
    """A forged bundle: the right server key and device id, signed by a key the server does not know."""
    path, recs = small_bundle
    held = session.get_setting(Keys.DEVICE_SIGNING_KEY)
    session.set_setting(Keys.DEVICE_SIGNING_KEY, dict(zip(("private", "public"), new_signing_key())))
    forged = _export(session, tmp_path / "usb2").path
    session.set_setting(Keys.DEVICE_SIGNING_KEY, held)
    _refused(module_server, forged, recs, "Tanda tangan kiriman tidak cocok")


def test_the_bundle_holds_no_nik_or_name_in_plaintext(session, small_bundle):
    path, recs = small_bundle
    data = path.read_bytes()
    for rec in recs:
        r = rec.resident
        for secret in (r.nik, r.nama, r.nama.upper(), r.no_kk, r.nama_ibu):
            if secret:
                assert secret.encode() not in data
                assert secret.encode("utf-16-le") not in data
        for media in RecordingRepo(session.store).media(rec.uuid):
            assert media.data[:64] not in data  # no photo or signature either


def test_a_stick_pulled_mid_write_leaves_no_file_and_the_queue_as_it_was(session, small_bundle, tmp_path):
    folder = tmp_path / "usb3"
    folder.mkdir()
    before = Outbox(session.store).counts()

    def pulled(done: int, total: int) -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(BundleError) as info:
        export_bundle(session.store, folder, pulled)
    assert info.value.code == "bundle.folder_unwritable" and "Antrian laptop tidak berubah" in info.value.message
    assert list(folder.iterdir()) == []
    assert Outbox(session.store).counts() == before


def test_registration_gives_the_server_the_device_key(session, module_server, registered):
    server = module_server
    registered(server)
    device_id = session.get_setting(Keys.DEVICE_ID)
    with server.engine.connect() as conn:
        key = conn.execute(sa.select(tables.devices.c.signing_public_key)
                           .where(tables.devices.c.id == device_id)).scalar()
    assert key == session.get_setting(Keys.DEVICE_SIGNING_KEY)["public"]
    keys_dir = server.data / "bundle-keys"
    assert sorted(p.name for p in keys_dir.iterdir()) == ["ed25519.key", "x25519.key"]
    if os.name == "posix":
        assert all((p.stat().st_mode & 0o777) == 0o600 for p in keys_dir.iterdir())


def test_a_receipt_changed_by_hand_is_refused(session, module_server, small_bundle, tmp_path):
    path, recs = small_bundle
    _import(module_server, path)
    receipt = path.with_name(path.name.removesuffix(SUFFIX) + ".terima.json")
    outer = json.loads(receipt.read_bytes())
    outer["receipt"]["items"].append(dict(outer["receipt"]["items"][0], uuid="0" * 8 + "-0000-0000-0000-" + "0" * 12))
    forged = tmp_path / "palsu.terima.json"
    forged.write_text(json.dumps(outer))
    with pytest.raises(BundleError) as info:
        apply_receipt(session.store, forged)
    assert info.value.code == "bundle.receipt_invalid"
    assert Outbox(session.store).counts()["pending"] == len(recs)


def test_a_laptop_without_the_server_key_is_told_to_register_again(session, people, tmp_path):
    """Not registered, or registered with a server that gave no bundle key (before this feature)."""
    record(session.store, people)
    with pytest.raises(BundleError) as info:
        export_bundle(session.store, tmp_path)
    assert info.value.code == "bundle.no_server_key" and "Daftarkan ulang" in info.value.message
    assert list(tmp_path.iterdir()) == [] or all(not p.name.startswith(".jemput") for p in tmp_path.iterdir())
