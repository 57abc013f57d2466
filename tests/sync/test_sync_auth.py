"""Registration and the device token: a wrong code is refused in plain words; a
token the server no longer knows pauses the whole queue until a person acts; a
revoked device is told so and stops trying; TLS certificates are verified."""

from __future__ import annotations

import pytest

from app.store.outbox import Outbox
from sync.client import MSG_AUTH, MSG_REVOKED, Keys, RegistrationError, SyncError
from support.server import server_cli
from sync_support import make_pump, record


def test_register_stores_token_and_refuses_a_used_code(session, new_session, module_server):
    pump = make_pump(session.store)
    code = module_server.enrollment_code()
    info = pump.register(module_server.url + "/", code, "laptop-tim-1")
    assert session.get_setting(Keys.TOKEN) == info.token and len(info.token) >= 32
    assert session.get_setting(Keys.SERVER_URL) == module_server.url  # trailing slash dropped
    assert session.get_setting(Keys.DEVICE_ID) == info.device_id and pump.registered

    other = make_pump(new_session("b").store)
    with pytest.raises(RegistrationError) as caught:
        other.register(module_server.url, code, "laptop-lain")  # one-time code, already used
    assert "Kode pendaftaran tidak berlaku" in caught.value.message
    assert not other.registered
    with pytest.raises(ValueError):
        other.register("ftp://server", code)


def test_unknown_token_pauses_the_queue_until_registered_again(session, people, module_server, registered):
    pump = registered(module_server)
    record(session.store, people)
    session.set_setting(Keys.TOKEN, "token-yang-sudah-tidak-dikenal-server-0000000000")
    report = pump.run_once()
    assert report.paused_reason == MSG_AUTH and report.error_kind == "auth"
    assert session.get_setting(Keys.PAUSED) == MSG_AUTH
    assert report.error_code == session.get_setting(Keys.PAUSED_CODE) == "sync.token_rejected"
    assert not pump.due() and Outbox(session.store).counts()["pending"] == 1
    log_before = module_server.access_lines('"POST /recordings/batch')

    quiet = pump.run_once()  # an automatic run does nothing while paused
    assert quiet.paused_reason == MSG_AUTH and quiet.requests == 0
    waiting = pump.outbox.pending(now="9999")
    assert len(waiting) == 1 and waiting[0].attempts == 0  # a pause is not the recording's fault

    pump.register(module_server.url, module_server.enrollment_code())
    assert session.get_setting(Keys.PAUSED) is None
    done = pump.run_once()
    assert done.ok and done.acked == 1
    assert module_server.access_lines('"POST /recordings/batch') == log_before + 1


def test_revoked_device_is_told_and_stops_trying(session, people, module_server, registered):
    pump = registered(module_server)
    record(session.store, people)
    device_id = session.get_setting(Keys.DEVICE_ID)
    out = server_cli("revoke-device", "--data", module_server.data, str(device_id))
    assert "dicabut" in out.stdout

    report = pump.run_once()
    assert report.error_kind == "revoked" and report.paused_reason == MSG_REVOKED
    assert report.error_code == session.get_setting(Keys.PAUSED_CODE) == "sync.revoked"
    assert "dicabut oleh admin" in report.error and "Rekaman tetap aman" in report.error
    assert pump.revoked and not pump.due() and not pump.resume()
    for force in (False, True):  # not even the operator's button tries again
        again = pump.run_once(force=force)
        assert again.requests == 0 and again.paused_reason == MSG_REVOKED
    assert Outbox(session.store).counts()["pending"] == 1


def test_tls_verification_is_on_by_default(session, tmp_path):
    pump = make_pump(session.store)
    session.set_setting(Keys.SERVER_URL, "https://127.0.0.1:9")
    session.set_setting(Keys.TOKEN, "x" * 43)
    pump._configure()
    assert pump.http.session.verify is True
    bundle = tmp_path / "dinas-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    session.set_setting(Keys.CA_BUNDLE, str(bundle))
    pump._configure()
    assert pump.http.session.verify == str(bundle)
    session.set_setting(Keys.CA_BUNDLE, str(tmp_path / "missing.pem"))
    with pytest.raises(SyncError) as caught:
        pump._configure()
    assert "sertifikat CA tidak ditemukan" in caught.value.message


def test_self_signed_server_is_refused_unless_its_ca_is_installed(session, self_signed_https):
    url, ca = self_signed_https
    pump = make_pump(session.store)
    with pytest.raises(SyncError) as caught:
        pump.register(url, "KODE-123")
    assert caught.value.kind == "tls" and "Sertifikat server tidak dapat diverifikasi" in caught.value.message
    session.set_setting(Keys.SERVER_URL, url)
    assert pump.probe() is False
    session.set_setting(Keys.CA_BUNDLE, str(ca))
    assert pump.probe() is True  # verified against the Dinas CA, never verify=False


def test_registering_again_takes_the_old_devices_recordings_along(session, people, module_server, registered):
    """A laptop revoked half-way through a sync (its photos not all sent) and
    registered again with a new code finishes the job as the new device."""
    import sqlalchemy as sa

    from app.core.lifecycle import RecordingStatus
    from app.store.recordings import RecordingRepo
    from faultproxy import FaultProxy
    from sync import protocol

    uploads_blocked = {"on": True}

    def decide(r):  # noqa: ANN001
        media = r.method == "PUT" or r.path.startswith(protocol.Paths.MEDIA_BUNDLE)
        return "503" if uploads_blocked["on"] and media else None

    with FaultProxy(module_server.port, decide=decide) as proxy:
        pump = registered(module_server, url=proxy.url)
        rec = record(session.store, people)
        first = pump.run_once()
        assert first.sent == 1 and first.acked == 0
        old_id = session.get_setting(Keys.DEVICE_ID)
        server_cli("revoke-device", "--data", module_server.data, str(old_id))
        uploads_blocked["on"] = False
        assert pump.run_once().error_kind == "revoked"

        info = pump.register(proxy.url, module_server.enrollment_code(name="Tim uji baru"), "laptop-uji")
        assert info.device_id != old_id and not pump.revoked
        report = pump.run_once()
    assert report.ok and report.acked == 1, report.error
    assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED
    with module_server.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT device_id, received_complete FROM recordings WHERE uuid = :u"),
                           {"u": rec.uuid}).one()
    assert row.device_id == info.device_id and row.received_complete
    files = module_server.media_files()
    for m in RecordingRepo(session.store).media(rec.uuid):
        assert files[m.sha256] == m.data


def test_a_token_is_never_offered_to_another_server(session, module_server, tmp_path):
    """previous_token goes only to the server that issued it."""
    from faultproxy import FaultProxy

    seen = []

    def decide(r):  # noqa: ANN001
        seen.append(r.body)
        return None

    pump = make_pump(session.store)
    pump.register(module_server.url, module_server.enrollment_code(), "laptop-uji")
    token = session.get_setting(Keys.TOKEN)
    with FaultProxy(module_server.port, decide=decide) as other_address:
        pump.register(other_address.url, module_server.enrollment_code(), "laptop-uji")
    assert seen and all(token.encode() not in body for body in seen)
