"""`jemput doctor`: one line per check of the profile, disk, camera, server, GUI and the app's files."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
from pathlib import Path

from app.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    RESOURCES_DIR,
    SEED_REGIONS_CSV,
    CliError,
    ask_passphrase,
    number,
    profile_dir,
    say,
    size,
)

LOW_DISK_BYTES = 500 * 1024 * 1024
SERVER_TIMEOUT_S = 3.0


def cmd_doctor(args: argparse.Namespace) -> int:
    data_dir = profile_dir(args)
    results: list[str] = []

    def report(status: str, label: str, reason: str) -> None:
        results.append(status)
        say(f"{status:<10} {label}: {reason}")

    server_url = _doctor_profile(data_dir, report)
    _doctor_disk(data_dir, report)
    _doctor_camera(args.camera, report)
    _doctor_biometrics(report)
    _doctor_server(server_url, report)
    _doctor_gui(report)
    _doctor_files(report)
    failed = results.count("GAGAL")
    warned = results.count("PERINGATAN")
    if failed:
        print(f"jemput: {failed} pemeriksaan GAGAL", file=sys.stderr)
        return EXIT_ERROR
    say(f"Semua pemeriksaan lulus{f' ({warned} peringatan)' if warned else ''}.")
    return EXIT_OK


def _doctor_profile(data_dir: Path, report) -> str | None:
    from app.core.lifecycle import OutboxState
    from app.store.database import open_profile, profile_exists
    from app.store.errors import StoreError
    from app.store.migrations import LATEST_VERSION
    from app.store.operators import OperatorRepo
    from app.store.outbox import Outbox
    from app.store.recordings import RecordingRepo
    from app.store.regions_store import region_count
    from app.store.settings import Settings
    from app.store.targets import TargetRepo

    if not profile_exists(data_dir):
        report("GAGAL", "Profil", f"tidak ditemukan di {data_dir}")
        return None
    report("OK", "Profil", str(data_dir))
    try:
        store = open_profile(data_dir, ask_passphrase())
    except (StoreError, CliError) as exc:
        report("GAGAL", "Buka basis data", exc.message)
        return None
    with store:
        report("OK", "Buka basis data", "kata sandi benar, basis data terbuka")
        try:
            check = store.integrity_check()
        except StoreError as exc:
            check = exc.message
        if check == "ok":
            report("OK", "Integritas basis data", "integrity_check: ok")
        else:
            report("GAGAL", "Integritas basis data", check.splitlines()[0][:200])
        version = store.schema_version
        if version == LATEST_VERSION:
            report("OK", "Versi skema", f"{version} (terbaru)")
        else:
            report("GAGAL", "Versi skema", f"{version}, aplikasi mengharapkan {LATEST_VERSION}")
        counts = RecordingRepo(store).counts_by_status()
        total = sum(counts.values())
        parts = ", ".join(f"{s.label.lower()} {n}" for s, n in counts.items() if n)
        report("OK", "Isi", (
            f"{number(total)} rekaman{f' ({parts})' if parts else ''}, "
            f"{number(TargetRepo(store).count())} target, {number(region_count(store))} wilayah, "
            f"{number(OperatorRepo(store).count())} operator"
        ))
        outbox = Outbox(store).counts()
        parked = outbox.get(OutboxState.PARKED, 0)
        pending = outbox.get(OutboxState.PENDING, 0)
        if parked:
            report("PERINGATAN", "Antrean kirim",
                   f"{number(pending)} menunggu, {number(parked)} ditahan dan perlu ditinjau")
        else:
            report("OK", "Antrean kirim", f"{number(pending)} menunggu kirim")
        if region_count(store) == 0:
            report("PERINGATAN", "Data master wilayah", "kosong; impor dengan 'jemput import-regions'")
        url = Settings(store).get("server_url")
    return url if isinstance(url, str) and url.strip() else None


def _doctor_disk(data_dir: Path, report) -> None:
    probe = data_dir
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        report("GAGAL", "Ruang disk", f"tidak dapat diperiksa ({exc.strerror or type(exc).__name__})")
        return
    if free < LOW_DISK_BYTES:
        report("PERINGATAN", "Ruang disk", f"tinggal {size(free)}; kosongkan ruang disk")
    else:
        report("OK", "Ruang disk", f"{size(free)} tersedia")


def _doctor_camera(index: int, report) -> None:
    try:
        from app.capture.camera import CameraSource, CaptureError
    except Exception as exc:  # the capture module or OpenCV is missing or broken
        report("PERINGATAN", "Kamera", f"modul kamera tidak dapat dimuat ({type(exc).__name__})")
        return
    source = CameraSource(index)
    try:
        source.open()
        frame = source.read()
        height, width = frame.shape[:2]
    except CaptureError as exc:
        report("PERINGATAN", "Kamera", f"tidak ada kamera {index} ({exc.message})")
        return
    except Exception as exc:
        report("PERINGATAN", "Kamera", f"kamera {index} tidak dapat dibuka ({type(exc).__name__})")
        return
    finally:
        with contextlib.suppress(Exception):
            source.close()
    report("OK", "Kamera", f"kamera {index} mengirim gambar {width}x{height}")


def _doctor_biometrics(report) -> None:
    """The SBI device services answering on 127.0.0.1:4501-4600 (discovery is bounded in time)."""
    from app.biometrics.discovery import PORTS, discover
    from app.core.sbi_codes import DEVICE_KIND_WORDS, STATUS_WORDS

    try:
        found = discover(ports=PORTS)
    except Exception as exc:  # a broken answer must not stop the other checks
        report("PERINGATAN", "Alat biometrik", f"pencarian gagal ({type(exc).__name__})")
        return
    if not found:
        report("LEWAT", "Alat biometrik", f"tidak ada yang menjawab di 127.0.0.1:{PORTS[0]}-{PORTS[-1]} "
                                          "(sidik jari dan iris tidak dapat direkam di laptop ini)")
        return
    words = []
    for d in sorted(found, key=lambda d: (d.port, d.device_type)):
        kind = DEVICE_KIND_WORDS.get(d.device_type, d.device_type or "tidak dikenal")
        model = d.digital_id.get("model") or d.device_id
        words.append(f"{kind} {model} di port {d.port}, {STATUS_WORDS.get(d.status, d.status or 'status ?')}")
    ready = all(d.status == "Ready" for d in found)
    report("OK" if ready else "PERINGATAN", "Alat biometrik", "; ".join(words))


def _doctor_server(url: str | None, report) -> None:
    if not url:
        report("LEWAT", "Server", "alamat server belum diatur (server_url)")
        return
    import requests

    target = url.rstrip("/") + "/health"
    started = time.monotonic()
    try:
        response = requests.get(target, timeout=SERVER_TIMEOUT_S)
    except requests.RequestException as exc:
        report("GAGAL", "Server", f"{url} tidak terjangkau ({type(exc).__name__})")
        return
    elapsed = (time.monotonic() - started) * 1000
    if response.status_code == 200:
        report("OK", "Server", f"{url} menjawab dalam {elapsed:.0f} ms")
    else:
        report("GAGAL", "Server", f"{url} menjawab HTTP {response.status_code}")


def _doctor_gui(report) -> None:
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        report("PERINGATAN", "Antarmuka", "PySide6 tidak terpasang; hanya perintah baris yang dapat dipakai")
    else:
        report("OK", "Antarmuka", "PySide6 terpasang")


def _doctor_files(report) -> None:
    """The files the app carries: master data, face detector, style, translation."""
    label = "Berkas aplikasi"
    if not SEED_REGIONS_CSV.is_file():
        report("GAGAL", label, f"data master awal tidak ada ({SEED_REGIONS_CSV}); pasang ulang aplikasi")
        return
    try:
        from app.capture.face import FaceDetector

        FaceDetector()  # loads the Haar cascades shipped with OpenCV
    except Exception as exc:
        report("GAGAL", label, f"detektor wajah tidak dapat dimuat ({type(exc).__name__}); pasang ulang aplikasi")
        return
    missing = [name for name in ("style.qss", "i18n/jemput_en.qm") if not (RESOURCES_DIR / name).is_file()]
    if missing:
        report("PERINGATAN", label, f"tidak ada {', '.join(missing)} di {RESOURCES_DIR}")
    else:
        report("OK", label, "data master awal, detektor wajah, tampilan dan terjemahan lengkap")
