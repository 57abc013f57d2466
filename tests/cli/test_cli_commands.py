"""`jemput init | list | export | demo | doctor`, usage errors, the data folder, no Qt on the way."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading

import pytest

from app.cli import ProgressBar
from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus
from app.core.resident import RESIDENT_FIELDS, Resident
from app.demo import demo_residents
from app.store.audit import AuditLog
from app.store.outbox import Outbox
from app.demo.profile import DEMO_PASSPHRASE, open_or_create_demo
from app.targetfile import ReadProgress
from app.store.database import create_profile, open_profile, profile_exists
from app.store.operators import OperatorRepo
from app.store.recordings import MediaItem, Recording, RecordingRepo
from app.store.regions_store import region_count
from app.store.settings import Settings
from app.store.targets import TargetRepo
from cli_support import ROOT, TODAY, file_digests, open_store, run_cli
from support.profiles import FAST_KDF, PASSPHRASE


# -- init -----------------------------------------------------------------------

def test_init_creates_a_profile_and_refuses_a_second_time(tmp_path):
    data = tmp_path / "jemput"
    first = run_cli("--data", data, "init", "--operator", "Siti Operator", "--server-url", "http://127.0.0.1:9/")
    assert first.returncode == 0, first.stderr
    assert "Profil dibuat" in first.stdout and first.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jemput"]  # no staging folder left behind
    with open_profile(data, PASSPHRASE) as store:
        assert [o.name for o in OperatorRepo(store).list()] == ["Siti Operator"]
        assert Settings(store).get("min_recording_age") == 16
        assert Settings(store).get("server_url") == "http://127.0.0.1:9"
        assert region_count(store) == 287
    before = file_digests(data)
    second = run_cli("--data", data, "init", "--operator", "Lain")
    assert second.returncode == 1
    assert second.stderr.startswith("jemput: sudah ada profil") and second.stderr.count("\n") == 1
    assert file_digests(data) == before


def test_init_needs_an_operator_and_a_real_passphrase(cli, tmp_path, monkeypatch):
    code, _, err = cli("--data", tmp_path / "p", "init")
    assert code == 2 and err.startswith("jemput: argumen wajib belum diisi: --operator")
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "pendek")
    code, _, err = cli("--data", tmp_path / "p", "init", "--operator", "Siti")
    assert code == 1 and "minimal 8 karakter" in err
    assert not (tmp_path / "p").exists()


def test_passphrase_is_never_read_from_a_pipe(tmp_path, template_profile):
    result = run_cli("--data", template_profile, "list", passphrase=None, stdin=subprocess.PIPE)
    assert result.returncode == 1
    assert "JEMPUT_PASSPHRASE" in result.stderr and result.stderr.count("\n") == 1


# -- usage ----------------------------------------------------------------------

@pytest.mark.parametrize("argv, words", [
    (["terbang"], "pilihan 'terbang' tidak dikenal"),
    (["export", "--format", "xml"], "--format"),
    (["list", "--limit", "banyak"], "--limit"),
    (["list", "--kata-sandi", "x"], "argumen tidak dikenal"),
])
def test_usage_errors_exit_2_with_one_line(cli, argv, words):
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    assert err.startswith("jemput: ") and words in err and err.count("\n") == 1


def test_help_lists_the_commands(cli):
    code, out, _ = cli("--help")
    assert code == 0
    for command in ("init", "import-regions", "import-targets", "list", "export", "demo", "doctor",
                    "sync", "register", "audit"):
        assert command in out


def test_data_after_the_command_and_jemput_home(cli, profile_dir, monkeypatch, tmp_path):
    code, out, _ = cli("list", "--data", profile_dir)
    assert code == 0
    monkeypatch.setenv("JEMPUT_HOME", str(profile_dir))
    code, out, _ = cli("doctor")
    assert code == 0 and f"Profil: {profile_dir}" in out


def test_default_data_folder_without_qt(monkeypatch, tmp_path):
    from app.cli import default_data_dir

    monkeypatch.delenv("JEMPUT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / ".local" / "share" / "jemput"
    monkeypatch.setenv("JEMPUT_HOME", str(tmp_path / "lain"))
    assert default_data_dir() == tmp_path / "lain"


def test_cli_never_imports_qt(profile_dir):
    script = (
        "import sys\n"
        "import app.cli\n"
        "assert 'PySide6' not in sys.modules\n"
        "from app.cli import main\n"
        f"codes = [main(['--data', {str(profile_dir)!r}, c]) for c in ('doctor', 'list')]\n"
        "print(codes, 'PySide6' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "JEMPUT_HOME"}
    env["JEMPUT_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 0] False"


# -- list and export ------------------------------------------------------------

@pytest.fixture
def recorded(profile_dir):
    """The profile with four recordings: draft, complete, queued with media, queued with a confirmed warning."""
    people = [p for p in demo_residents(12, seed=31, today=TODAY) if p.tanggal_lahir.year < 2005][:4]
    with open_store(profile_dir) as store:
        repo = RecordingRepo(store)
        draft = Recording.new(Resident(nik=people[0].nik, nama=people[0].nama), operator="Operator Uji")
        repo.save(draft, enqueue=False)
        complete = Recording.new(people[1], operator="Operator Uji", status=RecordingStatus.COMPLETE)
        repo.save(complete, enqueue=False)
        queued = Recording.new(people[2], operator="Operator Uji", status=RecordingStatus.COMPLETE)
        repo.save(queued, [MediaItem("photo", "image/jpeg", b"\xff\xd8jpeg-bytes", {"approved": True})],
                  enqueue=True)
        acked = Recording.new(
            people[3].with_changes(disabilitas=(1, 3)), operator="Operator Uji", status=RecordingStatus.COMPLETE,
            acknowledgements=[Acknowledgement("nik.birth_date_mismatch", "nik", "Sesuai akta kelahiran")],
        )
        repo.save(acked, enqueue=True)
        made = [draft, complete, queued, acked]
    return profile_dir, made


def test_list_shows_uuid_status_date_and_name(cli, recorded):
    profile_dir, made = recorded
    code, out, _ = cli("--data", profile_dir, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["UUID", "STATUS", "TANGGAL", "NAMA"]
    assert len(lines) == 5
    by_uuid = {line.split()[0]: line for line in lines[1:]}
    for rec, status in zip(made, ("draft", "complete", "queued", "queued")):
        line = by_uuid[rec.uuid]
        assert line.split()[1] == status
        assert line.endswith(rec.resident.nama)


def test_list_filters(cli, recorded):
    profile_dir, made = recorded
    code, out, _ = cli("--data", profile_dir, "list", "--status", "queued")
    assert code == 0 and {line.split()[0] for line in out.splitlines()[1:]} == {made[2].uuid, made[3].uuid}
    code, out, _ = cli("--data", profile_dir, "list", "--search", made[1].resident.nama.split()[0])
    assert made[1].uuid in out
    code, out, _ = cli("--data", profile_dir, "list", "--search", made[2].resident.nik[:12])
    assert made[2].uuid in out and made[0].uuid not in out
    code, out, err = cli("--data", profile_dir, "list", "--status", "rejected")
    assert code == 0 and out == "" and "Tidak ada rekaman" in err


def test_export_json_parses_back(cli, recorded, tmp_path):
    profile_dir, made = recorded
    target = tmp_path / "rekaman.json"
    code, out, err = cli("--data", profile_dir, "export", "--format", "json", "--output", target)
    assert code == 0 and out == "" and "4 rekaman diekspor" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {d["uuid"] for d in data} == {r.uuid for r in made}
    by_uuid = {d["uuid"]: d for d in data}
    queued = by_uuid[made[2].uuid]
    assert queued["status"] == "queued" and set(queued["media"]) == {"photo"}
    assert Resident.from_dict(queued["resident"]) == made[2].resident
    assert set(queued["resident"]) == set(RESIDENT_FIELDS)
    assert by_uuid[made[3].uuid]["acknowledgements"][0]["code"] == "nik.birth_date_mismatch"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile", "rekaman.json"]  # no temp file left
    code, out, _ = cli("--data", profile_dir, "audit", "verify")  # the export is in the trail, chained
    assert code == 0 and "rantai hash cocok" in out
    from app.store.audit import AuditLog
    from app.store.database import open_profile

    with open_profile(profile_dir, PASSPHRASE) as store:
        [entry] = AuditLog(store).entries(action="export.written")
    assert (entry.detail["count"], entry.detail["format"]) == (4, "json")


def test_export_csv_goes_to_a_private_file_not_stdout_with_a_warning(cli, recorded, tmp_path, monkeypatch):
    profile_dir, made = recorded
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("--data", profile_dir, "export", "--format", "csv")
    assert code == 0 and out == ""
    assert "TIDAK terenkripsi" in err and "supervisor" in err
    [written] = tmp_path.glob("jemput-ekspor-*.csv")
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert str(written.name) in err
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert {r["uuid"] for r in rows} == {r.uuid for r in made}
    for name in ("nik", "no_kk", "nama", "tanggal_lahir", "kelurahan_kode", "pekerjaan", "nama_ibu"):
        assert name in rows[0]
    by_uuid = {r["uuid"]: r for r in rows}
    full = by_uuid[made[1].uuid]
    assert full["nik"] == made[1].resident.nik and full["nama"] == made[1].resident.nama
    assert full["tanggal_lahir"] == made[1].resident.tanggal_lahir.isoformat()
    assert full["status"] == "complete"
    assert by_uuid[made[3].uuid]["disabilitas"] == "1;3"
    assert by_uuid[made[2].uuid]["photo_sha256"] and not by_uuid[made[1].uuid]["photo_sha256"]


def test_export_status_filter_and_empty_json(cli, recorded, tmp_path):
    profile_dir, _ = recorded
    target = tmp_path / "kosong.json"
    code, out, _ = cli("--data", profile_dir, "export", "--format", "json", "--status", "rejected", "-o", target)
    assert code == 0 and json.loads(target.read_text()) == []
    code, out, err = cli("--data", profile_dir, "export", "-o", "-")
    assert code == 2 and out == "" and "tidak ditulis ke layar" in err


def _with_operator_and_supervisor(profile_dir):
    """Ani (operator, jeruk-nipis-sepeda-41) and Siti (supervisor, awan-merah-gitar-tua-9) join the profile."""
    from app.core import roles
    from app.store import people

    with open_profile(profile_dir, PASSPHRASE) as store:
        people.add_person(store, "Ani", roles.OPERATOR, "jeruk-nipis-sepeda-41")
        people.add_person(store, "Siti", roles.SUPERVISOR, "awan-merah-gitar-tua-9")
    return profile_dir


def test_export_is_for_a_supervisor_and_audited(cli, recorded, tmp_path, monkeypatch):
    profile_dir = _with_operator_and_supervisor(recorded[0])
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "jeruk-nipis-sepeda-41")
    code, out, err = cli("--data", profile_dir, "export", "-o", tmp_path / "ani.csv")
    assert code == 1 and "tidak boleh mengekspor" in err and not (tmp_path / "ani.csv").exists()
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "awan-merah-gitar-tua-9")
    code, out, err = cli("--data", profile_dir, "export", "-o", tmp_path / "siti.csv")
    assert code == 0 and (tmp_path / "siti.csv").exists()
    with open_profile(profile_dir, PASSPHRASE) as store:
        [entry] = AuditLog(store).entries(action="export.written")
    assert entry.actor == "Siti" and entry.detail["count"] == 4 and entry.detail["format"] == "csv"


def test_export_targets_is_for_a_supervisor_and_audited(cli, recorded, tmp_path, monkeypatch):
    profile_dir = _with_operator_and_supervisor(recorded[0])
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "jeruk-nipis-sepeda-41")
    code, out, err = cli("--data", profile_dir, "export-targets", "-o", tmp_path / "ani.csv")
    assert code == 1 and "tidak boleh mengekspor" in err and not (tmp_path / "ani.csv").exists()
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "awan-merah-gitar-tua-9")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("--data", profile_dir, "export-targets", "--format", "json")
    [written] = list(tmp_path.glob("jemput-target-*.json"))  # the default: a stamped file here, not stdout
    assert code == 0 and out == "" and "TIDAK terenkripsi" in err and "supervisor" in err
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    with open_profile(profile_dir, PASSPHRASE) as store:
        [entry] = AuditLog(store).entries(action="export.targets_written")
    assert entry.actor == "Siti" and entry.detail["count"] == 0 and entry.detail["format"] == "json"


def test_export_into_a_missing_folder_writes_nothing(cli, recorded, tmp_path):
    profile_dir, _ = recorded
    code, out, err = cli("--data", profile_dir, "export", "--output", tmp_path / "tidak" / "ada.csv")
    assert code == 1 and out == "" and "folder tujuan tidak ada" in err and err.count("\n") == 1


def test_export_keeps_an_existing_file_when_the_profile_cannot_be_opened(recorded, tmp_path):
    profile_dir, _ = recorded
    target = tmp_path / "lama.csv"
    target.write_text("isi lama\n", encoding="utf-8")
    result = run_cli("--data", profile_dir, "export", "--output", target, passphrase="salah-sama-sekali")
    assert result.returncode == 1 and result.stderr.startswith("jemput: Kata sandi salah")
    assert target.read_text(encoding="utf-8") == "isi lama\n"


# -- demo -----------------------------------------------------------------------

def test_demo_profile_opens_with_the_demo_passphrase(cli, tmp_path):
    code, out, err = cli("--data", tmp_path, "demo")  # the real KDF, as an operator gets it
    assert code == 0, err
    assert f"Kata sandi demo: {DEMO_PASSPHRASE}" in out and "300 target, 10 rekaman" in out
    folder = tmp_path / "demo"
    assert profile_exists(folder) and f"jemput --data {folder}" in out
    with open_profile(folder, DEMO_PASSPHRASE) as store:
        assert TargetRepo(store).count() == 300
        assert RecordingRepo(store).count() == 10


def test_demo_content_and_idempotence(cli, tmp_path):
    # Same demo, cheap KDF: a profile holding only the schema (as after a crash
    # right after creation) is filled on the next open, and never twice.
    folder = tmp_path / "demo"
    create_profile(folder, DEMO_PASSPHRASE, kdf_params=FAST_KDF).close()
    with open_or_create_demo(folder, today=TODAY) as store:
        targets = TargetRepo(store)
        assert targets.count() == 300
        assert {t.status_ktp for t in targets.in_area("13.72.01.1001", limit=500)} == {"BELUM REKAM"}
        elsewhere = store.query("SELECT nik FROM targets WHERE recorded_elsewhere = 1")
        assert len(elsewhere) == 12  # as a sync would have marked them
        local = {r.resident.nik for r in RecordingRepo(store).list(limit=50)}
        assert not local & {nik for (nik,) in elsewhere}
        counts = RecordingRepo(store).counts_by_status()
        assert counts[RecordingStatus.DRAFT] == 3 and counts[RecordingStatus.COMPLETE] == 0
        assert counts[RecordingStatus.QUEUED] == 7  # every completed one is queued, as "Selesai" does
        assert Outbox(store).counts()["pending"] == 7
        acked = [r for r in RecordingRepo(store).list(limit=50) if r.acknowledgements]
        assert len(acked) == 1 and acked[0].acknowledgements[0].code == "nik.birth_date_mismatch"
        assert set(RecordingRepo(store).media_hashes(acked[0].uuid)) == {"photo", "signature"}
        assert [o.name for o in OperatorRepo(store).list()] == ["Operator Demo"]
        assert Settings(store).get("min_recording_age") == 16
        assert region_count(store) == 287
    code, out, _ = cli("--data", tmp_path, "demo")
    assert code == 0 and "sudah ada" in out and "300 target, 10 rekaman" in out


def test_demo_refuses_a_folder_holding_another_profile(cli, template_profile, tmp_path):
    shutil.copytree(template_profile, tmp_path / "demo")
    before = file_digests(tmp_path / "demo")
    code, _, err = cli("--data", tmp_path, "demo")
    assert code == 1 and "bukan demo" in err
    assert file_digests(tmp_path / "demo") == before


# -- doctor ---------------------------------------------------------------------

def _statuses(out: str) -> dict[str, str]:
    found = {}
    for line in out.splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2 and parts[0] in ("OK", "GAGAL", "PERINGATAN", "LEWAT"):
            found[parts[1].split(":")[0]] = parts[0]
    return found


def test_doctor_on_a_healthy_profile(cli, profile_dir):
    code, out, err = cli("--data", profile_dir, "doctor")
    assert code == 0, out + err
    status = _statuses(out)
    for check in ("Profil", "Buka basis data", "Integritas basis data", "Versi skema", "Isi", "Ruang disk"):
        assert status[check] == "OK"
    assert status["Kamera"] in ("OK", "PERINGATAN")  # no camera is a warning, not a failure
    assert status["Server"] == "LEWAT"
    assert status["Berkas aplikasi"] == "OK"  # seed master data, Haar cascades, style, translation
    assert "integrity_check: ok" in out and "287 wilayah" in out


def test_doctor_reports_missing_application_files(cli, profile_dir, tmp_path, monkeypatch):
    import app.cli.doctor as cli_module

    resources = tmp_path / "resources"  # an install that lost files (antivirus, half copy)
    shutil.copytree(ROOT / "resources" / "regions", resources / "regions")
    monkeypatch.setattr(cli_module, "RESOURCES_DIR", resources)
    code, out, _ = cli("--data", profile_dir, "doctor")
    assert code == 0 and _statuses(out)["Berkas aplikasi"] == "PERINGATAN"
    assert "style.qss" in out and "jemput_en.qm" in out
    monkeypatch.setattr(cli_module, "SEED_REGIONS_CSV", resources / "regions" / "hilang.csv")
    code, out, err = cli("--data", profile_dir, "doctor")
    assert code == 1 and _statuses(out)["Berkas aplikasi"] == "GAGAL" and "GAGAL" in err


def test_doctor_fails_on_a_wrong_passphrase(profile_dir):
    result = run_cli("--data", profile_dir, "doctor", passphrase="bukan-ini-sandinya")
    assert result.returncode == 1
    status = _statuses(result.stdout)
    assert status["Buka basis data"] == "GAGAL" and "Traceback" not in result.stderr


def test_doctor_fails_without_a_profile(cli, tmp_path):
    code, out, _ = cli("--data", tmp_path / "kosong", "doctor")
    assert code == 1 and _statuses(out)["Profil"] == "GAGAL"


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()
        self.wfile.write(b'{"status":"ok"}')

    def log_message(self, *args):
        pass


def test_doctor_checks_the_server(cli, profile_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with open_store(profile_dir) as store:
            Settings(store).set("server_url", f"http://127.0.0.1:{server.server_port}/")
        code, out, _ = cli("--data", profile_dir, "doctor")
        assert code == 0 and _statuses(out)["Server"] == "OK"
    finally:
        server.shutdown()
        server.server_close()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open_store(profile_dir) as store:
        Settings(store).set("server_url", f"http://127.0.0.1:{port}")
    code, out, err = cli("--data", profile_dir, "doctor")
    assert code == 1 and _statuses(out)["Server"] == "GAGAL" and "GAGAL" in err


# -- progress bar ---------------------------------------------------------------

def test_progress_bar_renders_and_wipes():
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True, width=10, interval=0)
    bar.update(ReadProgress(rows=1500, done=50, total=100, unit="byte"))
    bar.update(ReadProgress(rows=3000, done=100, total=100, unit="byte"))
    bar.finish()
    text = stream.getvalue()
    assert "\r[#####-----]  50%  1.500 baris" in text and "\r[##########] 100%  3.000 baris" in text
    assert text.endswith("\r") and "\n" not in text
    silent = io.StringIO()
    ProgressBar(silent, enabled=False).update(ReadProgress(1, 1, 2, "baris"))
    assert silent.getvalue() == ""


# -- the window -----------------------------------------------------------------

@pytest.mark.gui
def test_no_command_opens_the_window(tmp_path):
    pytest.importorskip("PySide6")
    result = run_cli("--data", tmp_path / "baru", "--startup-probe", extra_env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("STARTUP_READY")
    assert not (tmp_path / "baru").exists()  # showing the start page creates nothing


@pytest.mark.gui
def test_startup_probe_opens_the_demo_and_writes_the_probe_file(tmp_path):
    """What tests/packaging/smoke_dist.py asks of a built app (where stdout may be missing)."""
    pytest.importorskip("PySide6")
    probe = tmp_path / "probe.txt"
    result = run_cli("--data", tmp_path / "data", "--startup-probe", passphrase=None, extra_env={
        "QT_QPA_PLATFORM": "offscreen", "JEMPUT_PROBE_DEMO": "1", "JEMPUT_PROBE_FILE": str(probe)})
    assert result.returncode == 0, result.stderr
    lines = probe.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in lines] == ["STARTUP_READY", "STARTUP_LOADED", "STARTUP_DEMO"]
    assert lines[-1].split()[2] == "9"  # every page of the main area was shown
    assert result.stdout.splitlines() == lines
    with open_profile(tmp_path / "data" / "demo", DEMO_PASSPHRASE) as store:
        assert RecordingRepo(store).count() == 10  # visiting the pages left no extra draft


def test_doctor_lists_the_biometric_devices_found(cli, profile_dir):
    from app.biometrics.simulator import Simulator

    with Simulator() as sim:
        code, out, err = cli("--data", profile_dir, "doctor")
        assert code == 0, out + err
        line = next(line for line in out.splitlines() if line.split(None, 1)[-1].startswith("Alat biometrik"))
        assert "sidik jari" in line and "iris" in line and f"port {sim.port}, siap" in line
    code, out, _ = cli("--data", profile_dir, "doctor")
    assert code == 0 and _statuses(out)["Alat biometrik"] in ("LEWAT", "OK", "PERINGATAN")  # others may run one
