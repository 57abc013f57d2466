"""``jemput-server``: run the central server and administer it.

    jemput-server migrate --data DIR [--database-url URL]
    jemput-server run --data DIR [--host 127.0.0.1] [--port 8765] [--database-url URL] [--workers N]
                      [--trusted-proxy CIDR]... [--ssl-certfile PEM --ssl-keyfile PEM] [--demo]
                      [--biometric-policy required_when_present|required|off]
    jemput-server add-device --data DIR --name NAMA --area KODE[,KODE...]
    jemput-server set-area --data DIR (ID|NAMA) [--area KODE[,KODE...]]   (without --area: show it)
    jemput-server admin add NAMA --data DIR     (asks the password twice) | admin remove NAMA | admin list
    jemput-server revoke-device --data DIR (ID|NAMA)
    jemput-server list-devices --data DIR
    jemput-server import-targets --data DIR FILE.csv|FILE.xlsx
    jemput-server import-regions --data DIR FILE.csv
    jemput-server status --data DIR
    jemput-server review --data DIR [--all] [--json]
    jemput-server resolve-duplicate --data DIR UUID (--keep [--reason TEKS] | --reject --reason TEKS)
    jemput-server resolve-conflict --data DIR (ID|UUID) --keep-server --reason TEKS
    jemput-server import-bundle --data DIR FILE.jkb [--receipt FILE.terima.json]

Every command takes --media-s3-bucket (and --media-s3-endpoint, --media-s3-region,
--media-s3-prefix) when the media live in S3-compatible object storage (docs/DEPLOY.md).

``migrate`` brings the database to the newest schema (safe when several start
at once: they take turns under a lock); ``run`` refuses a database that is not
migrated. ``run`` prints one line ``jemput-server siap di http://HOST:PORT``
(``https://`` with a certificate) once it is listening (with ``--port 0`` the
system picks a free port, shown there); with ``--workers N`` N processes
serve the same socket, each building the app from `sync.server.app.app_from_environment`.
See docs/DEPLOY.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import sys
from pathlib import Path

from app.core.biometric_policy import BiometricPolicy
from sync import protocol
from sync.server import cli_admins, cli_registrations
from sync.server.settings import Settings

log = logging.getLogger("jemput.server")

DATABASE_URL_ENV = "JEMPUT_DATABASE_URL"
"""Where ``--database-url`` comes from when it is not given (keeps a password off the command line)."""
MEDIA_S3_ENV = {"bucket": "JEMPUT_MEDIA_S3_BUCKET", "endpoint": "JEMPUT_MEDIA_S3_ENDPOINT",
                "region": "JEMPUT_MEDIA_S3_REGION", "prefix": "JEMPUT_MEDIA_S3_PREFIX"}
"""Where the ``--media-s3-*`` options come from when not given (the keys: boto3's ``AWS_*`` variables)."""


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(data_dir=Path(args.data), database_url=args.database_url,
                    max_batch_items=getattr(args, "max_batch_items", None) or protocol.DEFAULT_MAX_BATCH_ITEMS,
                    max_media_bytes=getattr(args, "max_media_bytes", None) or protocol.DEFAULT_MAX_MEDIA_BYTES,
                    max_chunk_bytes=getattr(args, "max_chunk_bytes", None) or protocol.DEFAULT_MAX_CHUNK_BYTES,
                    max_bundle_bytes=_given(getattr(args, "max_bundle_bytes", None), protocol.DEFAULT_MAX_BUNDLE_BYTES),
                    max_import_bytes=getattr(args, "max_import_bytes", None) or Settings.max_import_bytes,
                    register_max_failures=getattr(args, "register_max_failures", None) or Settings.register_max_failures,
                    register_window_s=getattr(args, "register_window", None) or Settings.register_window_s,
                    login_max_failures=getattr(args, "login_max_failures", None) or Settings.login_max_failures,
                    login_address_max_failures=(getattr(args, "login_address_max_failures", None)
                                                or Settings.login_address_max_failures),
                    login_window_s=getattr(args, "login_window", None) or Settings.login_window_s,
                    trusted_proxies=tuple(getattr(args, "trusted_proxy", None) or ()),
                    media_s3_bucket=getattr(args, "media_s3_bucket", None) or None,
                    media_s3_endpoint_url=getattr(args, "media_s3_endpoint", None) or None,
                    media_s3_region=getattr(args, "media_s3_region", None) or None,
                    media_s3_prefix=getattr(args, "media_s3_prefix", None) or "",
                    demo=bool(getattr(args, "demo", False)),
                    biometric_policy=getattr(args, "biometric_policy", None) or Settings.biometric_policy)


def _biometric_policy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--biometric-policy", choices=[x.value for x in BiometricPolicy], default=None,
                   help="kelengkapan sidik jari dan iris: required = setiap rekaman wajib 10 jari + 2 iris "
                        "(atau pengecualian); required_when_present (bawaan) = wajib lengkap bila rekaman "
                        "membawa sidik jari/iris; off = tidak diperiksa")


def _given(value: int | None, default: int) -> int:
    return default if value is None else max(0, value)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("harus bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError("harus >= 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("harus berupa angka") from None
    if not 0 < value < 10**7:
        raise argparse.ArgumentTypeError("harus lebih dari 0")
    return value


def _network(text: str) -> str:
    import ipaddress

    try:
        return str(ipaddress.ip_network(text.strip(), strict=False))
    except ValueError:
        raise argparse.ArgumentTypeError("harus alamat atau jaringan IP, mis. 127.0.0.1/32 atau 10.0.0.0/24") from None


def _engine(args: argparse.Namespace):  # noqa: ANN202
    from app.fsio import make_private_dir
    from sync.server import schema

    settings = _settings(args)
    make_private_dir(settings.data_dir)
    return schema.open_database(settings.url), settings


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's bound, listening TCP socket (`port` 0: a free one); raises OSError.

    Made with ``IPPROTO_TCP`` (asyncio sets TCP_NODELAY on accepted connections
    only then) and with TCP_NODELAY set on it as well (Linux passes it on to the
    accepted sockets, whichever event loop runs): small answers such as
    ``Upload-Offset`` heads never wait for Nagle's algorithm and a delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(2048)
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock


WORKER_HEALTHCHECK_S = 60
"""How long uvicorn's supervisor waits for a worker's answer before it replaces the worker."""

_FORMAT = {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"}
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": _FORMAT, "access": _FORMAT},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "default"}},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {"alembic": {"level": "WARNING"}, "botocore": {"level": "WARNING"}},
}
"""The server's logging, set up again in every worker process (uvicorn applies it
there); each line names its process, so an admin can tell the workers apart."""


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.fsio import make_private_dir
    from sync.server import db_engine, schema

    settings = _settings(args)
    make_private_dir(settings.data_dir)  # 0700, as `create_app` leaves it
    engine = db_engine.make_engine(settings.url)
    try:
        before = schema.migrate(engine)
        after = schema.current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        print(f"Skema database sudah terbaru ({after}).")
    else:
        print(f"Skema database dimigrasi: {before or 'kosong'} -> {after}.")
    return 0


def _unmigrated(settings) -> str | None:  # noqa: ANN001 - Settings
    """Why `run` cannot start on this database (None: it can)."""
    from sync.server import db_engine, schema

    engine = db_engine.make_engine(settings.url)
    try:
        schema.require_migrated(engine)
    except schema.NotMigrated as exc:
        return (f"database belum dimigrasi (skema {exc.current or 'kosong'}, perlu {exc.head}). "
                "Jalankan dulu: jemput-server migrate --data DIR [--database-url URL]")
    finally:
        engine.dispose()
    return None


def _tls_problem(args: argparse.Namespace) -> str | None:
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        return "--ssl-certfile dan --ssl-keyfile harus diberikan bersama"
    if args.ssl_certfile:
        import ssl

        try:
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(args.ssl_certfile, args.ssl_keyfile)
        except (OSError, ssl.SSLError) as exc:
            return f"sertifikat/kunci TLS tidak dapat dimuat ({getattr(exc, 'strerror', None) or exc})"
    return None


def _media_problem(settings) -> str | None:  # noqa: ANN001 - Settings
    """Why the media bucket cannot be used (None: it can, or media stay in the data folder)."""
    if not settings.media_s3_bucket:
        return None
    from sync.server.media_s3 import MediaStorageError
    from sync.server.media_store import open_media_store

    try:
        open_media_store(settings)
    except (MediaStorageError, ValueError) as exc:
        return str(exc)
    return None


def cmd_run(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from sync.server.app import SETTINGS_ENV
    from sync.server.at_rest import secure_data_dir

    import logging.config

    logging.config.dictConfig(LOG_CONFIG)
    settings = _settings(args)
    # Before "siap": folders 0700, files 0600 (the workers, building their apps later, check again).
    secure_data_dir(settings.data_dir, settings.media_dir, settings.partial_dir)
    problem = _tls_problem(args) or _unmigrated(settings) or _media_problem(settings)
    if problem:
        print(f"jemput-server: {problem}", file=sys.stderr)
        return 1
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        print(f"jemput-server: tidak dapat memakai {args.host}:{args.port} ({exc.strerror})", file=sys.stderr)
        return 1
    family = sock.family
    port = sock.getsockname()[1]
    os.environ[SETTINGS_ENV] = settings.to_json()  # read by every worker's app factory
    # loop/http "auto": uvloop and httptools (dependencies) when importable,
    # else asyncio and h11; both run the same ASGI app.
    config = uvicorn.Config("sync.server.app:app_from_environment", factory=True, workers=args.workers,
                            log_config=LOG_CONFIG, access_log=args.access_log,
                            loop="auto", http="auto", timeout_graceful_shutdown=5,
                            # X-Forwarded-For/-Proto only from the proxies named (none by default).
                            proxy_headers=bool(settings.trusted_proxies),
                            forwarded_allow_ips=list(settings.trusted_proxies) or None,
                            ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile,
                            # Field laptops on slow links reuse a connection between a batch and
                            # its media; 5 s (the default) closes it mid-sync and costs a resend.
                            timeout_keep_alive=75,
                            # With --workers the supervisor pings each worker and kills one that does not
                            # answer in time; 5 s (the default) killed workers still importing the app on a
                            # loaded machine, over and over, so the server never answered.
                            timeout_worker_healthcheck=WORKER_HEALTHCHECK_S)
    shown = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    scheme = "https" if args.ssl_certfile else "http"
    if settings.demo:
        print("Server DEMO (latihan): hanya profil demo yang mendaftar; jangan kirim data warga sungguhan.",
              flush=True)
    if args.workers > 1:
        log.info("%d worker melayani %s:%d", args.workers, shown, port)
        print(f"jemput-server siap di {scheme}://{shown}:{port}", flush=True)
        Multiprocess(config, sockets=[sock]).run()
        return 0
    server = uvicorn.Server(config)
    print(f"jemput-server siap di {scheme}://{shown}:{port}", flush=True)
    server.run(sockets=[sock])
    return 0 if server.started else 1


_AREA_HELP = ("kode wilayah kerja: satu kode (mis. 13.72 atau 13.72.01) atau beberapa kode "
              "kelurahan/desa dipisah koma (mis. 13.72.01.1001,13.72.01.1002)")


def cmd_add_device(args: argparse.Namespace) -> int:
    from sync.server import admin

    engine, _ = _engine(args)
    new = admin.add_device(engine, args.name, args.area, args.valid_hours)
    print(f"Perangkat {new.device_id} '{new.name}' wilayah {new.area_kode}")
    print(f"Kode pendaftaran (sekali pakai, berlaku sampai {new.expires_at:%Y-%m-%d %H:%M} UTC):")
    print(new.enrollment_code)
    return 0


def cmd_set_area(args: argparse.Namespace) -> int:
    from sync.server import admin

    engine, _ = _engine(args)
    if args.area is None:
        print(" ".join(admin.device_area(engine, args.device)))
        return 0
    change = admin.set_device_area(engine, args.device, args.area)
    codes = " ".join(change.codes)
    if change.changed:
        print(f"Wilayah perangkat {change.device_id} diganti: {codes}. Sinkron berikutnya mengirim "
              "target wilayah baru; target wilayah lama dihapus dari laptop.")
    else:
        print(f"Wilayah perangkat {change.device_id} sudah {codes}; tidak ada yang berubah.")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from sync.server import admin

    engine, _ = _engine(args)
    device_id = admin.revoke_device(engine, args.device)
    print(f"Perangkat {device_id} dicabut.")
    return 0


def cmd_list_devices(args: argparse.Namespace) -> int:
    from sync.server import admin

    engine, _ = _engine(args)
    for d in admin.list_devices(engine):
        print(f"{d['id']}\t{d['name']}\t{d['area_kode']}\t{d['state']}")
    return 0


def _print_problems(problems: list[tuple[int, str]], limit: int = 50) -> None:
    for line, reason in problems[:limit]:
        print(f"  baris {line}: {reason}")
    if len(problems) > limit:
        print(f"  ... dan {len(problems) - limit} baris lagi")


def cmd_import_targets(args: argparse.Namespace) -> int:
    from app.targetfile import ImportFileError
    from sync.server import admin

    engine, _ = _engine(args)
    try:
        report = admin.import_targets(engine, Path(args.file))
    except (ImportFileError, OSError) as exc:
        print(f"jemput-server: {exc}", file=sys.stderr)
        return 1
    print(f"Target: {report.inserted} baru, {report.updated} diperbarui, {report.unchanged} tetap, "
          f"{len(report.problems)} baris ditolak.")
    _print_problems(report.problems)
    return 0 if not report.problems else 2


def cmd_import_regions(args: argparse.Namespace) -> int:
    from app.core.regions import RegionImportError
    from sync.server import admin

    engine, _ = _engine(args)
    try:
        with open(args.file, encoding="utf-8-sig", newline="") as fh:
            count, problems = admin.import_regions(engine, fh)
    except RegionImportError as exc:
        print(f"jemput-server: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"jemput-server: berkas tidak dapat dibaca ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"Wilayah: {count} baris dimuat, {len(problems)} baris ditolak.")
    _print_problems(problems)
    return 0 if not problems else 2


def cmd_status(args: argparse.Namespace) -> int:
    from sync.server import admin
    from sync.server.media_store import open_media_store

    engine, settings = _engine(args)
    counts = admin.status_counts(engine)
    complete, partial = open_media_store(settings).counts()
    counts["berkas_media"] = complete
    counts["berkas_sebagian"] = partial
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        for key, value in counts.items():
            print(f"{key}: {value}")
    return 0


def cmd_drop_stale_uploads(args: argparse.Namespace) -> int:
    from sync.server.media_store import open_media_store

    if not 1 <= args.days <= 3650:
        print("--hari harus 1..3650", file=sys.stderr)
        return 1
    engine, settings = _engine(args)
    engine.dispose()
    dropped = open_media_store(settings).drop_stale_uploads(args.days * 86400.0)
    print(f"{dropped} unggahan yang terhenti lebih dari {args.days} hari dihapus "
          "(laptopnya, bila kembali, mengirim berkas itu lagi dari awal)")
    return 0


def _print_recording(rec, first: str) -> None:  # noqa: ANN001 - review.ReviewRecording
    state = "MENUNGGU KEPUTUSAN" if rec.open else rec.status
    more = " " * (len(first) + 2)
    print(f"{first}{rec.uuid}  [{state}]  perangkat {rec.device_id} '{rec.device_name}'")
    print(f"{more}{rec.nama or '-'} | lahir {rec.tanggal_lahir or '-'} | {rec.kelurahan or '-'} "
          f"| operator {rec.operator or '-'}")
    print(f"{more}direkam {rec.recorded_at or '-'} (jam perangkat), diterima {rec.received_at or '-'} (server)")
    if rec.reasons:
        print(f"{more}alasan: {', '.join(rec.reasons)}")
    if rec.repeat_reason:
        print(f"{more}direkam ulang di perangkat yang sama, alasan operator: {rec.repeat_reason}")


def cmd_review(args: argparse.Namespace) -> int:
    from sync.server import review

    engine, _ = _engine(args)
    found = review.review(engine, include_resolved=args.all)
    if args.json:
        print(json.dumps(found.to_json(), ensure_ascii=False, sort_keys=True))
        return 0
    opened = found.open_conflicts
    print(f"Konflik terbuka (UUID sama, isi berbeda; salinan server tidak diubah): {len(opened)}")
    if args.all:
        print(f"Konflik selesai: {len(found.conflicts) - len(opened)}")
    for c in found.conflicts:
        state = "" if c.open else f"  [SELESAI: {c.resolution}, {c.resolved_at}]"
        print(f"  Konflik {c.id}: rekaman {c.uuid}{state}")
        print(f"    kiriman yang ditahan: perangkat {c.device_id} '{c.device_name}', diterima {c.received_at} "
              f"(server), {c.nama or '-'} NIK {c.nik or '-'}")
        if c.stored is not None:
            _print_recording(c.stored, "    tersimpan: ")
        print(f"    berbeda: {', '.join(c.differs) or '-'}")
        if not c.open:
            print(f"    alasan: {c.reason or '-'}")
    if opened:
        print("Tutup konflik (salinan server tetap): jemput-server resolve-conflict --data DIR ID --keep-server "
              "--reason \"...\"")
    print(f"Menunggu keputusan (NIK ganda, atau tanggal rekaman jauh dari tanggal server): {len(found.duplicates)}")
    for g in found.duplicates:
        print(f"  NIK {g.nik}: {len(g.recordings)} rekaman, {len(g.open)} menunggu keputusan")
        for rec in g.recordings:
            _print_recording(rec, "    - ")
    if found.duplicates:
        print("Putuskan: jemput-server resolve-duplicate --data DIR UUID --keep  |  --reject --reason \"...\"")
    print(f"Rekaman dengan pengecualian (foto/tanda tangan): {len(found.flagged)}")
    for f in found.flagged:
        _print_recording(f.recording, "  - ")
        for line in f.summary:
            print(f"      {line}")
    return 0


def cmd_resolve_duplicate(args: argparse.Namespace) -> int:
    from sync.server import review

    engine, _ = _engine(args)
    done = review.resolve_duplicate(engine, args.uuid, keep=args.keep, reason=args.reason)
    verdict = "diterima" if done.status == "accepted" else "ditolak"
    print(f"Rekaman {done.uuid} {verdict}. Perangkat {done.device_id} '{done.device_name}' "
          "menerimanya pada sinkron berikutnya.")
    if done.still_open:
        print("Rekaman lain dengan NIK yang sama masih menunggu keputusan: " + ", ".join(done.still_open))
    return 0


def cmd_resolve_conflict(args: argparse.Namespace) -> int:
    from sync.server import review

    engine, _ = _engine(args)
    done = review.resolve_conflict(engine, args.conflict, reason=args.reason)
    ids = ", ".join(map(str, done.ids))
    print(f"Konflik {ids} (rekaman {done.uuid}) ditutup: salinan server tetap dipakai, rekaman tidak diubah.")
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from app.fsio import fsync_dir, open_private
    from sync.bundle import BundleError
    from sync.server.bundle_import import import_bundle, receipt_bytes

    engine, settings = _engine(args)
    source = Path(args.file)
    try:
        report = import_bundle(settings, engine, source)
    except BundleError as exc:
        print(f"jemput-server: {exc.message}", file=sys.stderr)
        return 1
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())) or "-"
    print(f"Kiriman perangkat {report.device_id}: {report.records} rekaman ({outcomes}); "
          f"{report.media_written} berkas media baru.")
    if report.media_refused:
        print(f"  {report.media_refused} berkas media bukan gambar JPEG/PNG yang utuh: rekamannya belum lengkap.")
    target = Path(args.receipt) if args.receipt else source.with_name(source.name.removesuffix(".jkb") + ".terima.json")
    data = receipt_bytes(settings, report)
    temp = target.with_name(f".{target.name}.belum-selesai")
    try:
        with os.fdopen(open_private(temp), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        print(f"jemput-server: tanda terima tidak dapat ditulis ({exc.strerror}); rekaman sudah diimpor, "
              "laptop mengetahuinya pada sinkron berikutnya.", file=sys.stderr)
        return 1
    print(f"Tanda terima untuk laptop: {target} ({len(report.receipt)} rekaman diterima server).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jemput-server", description="Server pusat Jemput.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data", required=True, help="folder data server (database dan media)")
        p.add_argument("--database-url", default=os.environ.get(DATABASE_URL_ENV) or None,
                       help="URL SQLAlchemy, mis. postgresql+psycopg://user:pass@host/db (bawaan: "
                            f"${DATABASE_URL_ENV}, atau SQLite di --data); lewat variabel lingkungan, "
                            "kata sandinya tidak tampak di daftar proses")
        media = p.add_argument_group("media di object storage S3 (bawaan: folder media/ di --data)")
        media.add_argument("--media-s3-bucket", default=os.environ.get(MEDIA_S3_ENV["bucket"]) or None,
                           metavar="BUCKET", help="simpan foto dan tanda tangan di bucket ini (bawaan: "
                           f"${MEDIA_S3_ENV['bucket']}); kunci akses lewat AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
        media.add_argument("--media-s3-endpoint", default=os.environ.get(MEDIA_S3_ENV["endpoint"]) or None,
                           metavar="URL", help="alamat layanan S3-compatible, mis. https://minio.kantor:9000 "
                           f"(bawaan: ${MEDIA_S3_ENV['endpoint']}, atau AWS)")
        media.add_argument("--media-s3-region", default=os.environ.get(MEDIA_S3_ENV["region"]) or None,
                           metavar="REGION", help=f"region bucket (bawaan: ${MEDIA_S3_ENV['region']})")
        media.add_argument("--media-s3-prefix", default=os.environ.get(MEDIA_S3_ENV["prefix"]) or "",
                           metavar="AWALAN", help="awalan kunci, mis. jemput/1671/ (beberapa server satu bucket)")
        return p

    p = common(sub.add_parser("migrate", help="bawa skema database ke versi terbaru (aman dijalankan bersamaan)"))
    p.set_defaults(func=cmd_migrate)

    p = common(sub.add_parser("run", help="jalankan server (database harus sudah dimigrasi)"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 = port bebas")
    p.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                   help="jumlah proses pelayan (bawaan 1; mis. satu per inti CPU, dengan PostgreSQL)")
    p.add_argument("--trusted-proxy", action="append", type=_network, default=None, metavar="CIDR",
                   help="proxy yang dipercaya untuk X-Forwarded-For/-Proto (boleh diulang); bawaan: tidak ada")
    p.add_argument("--ssl-certfile", default=None, metavar="PEM", help="sertifikat TLS (server melayani https)")
    p.add_argument("--ssl-keyfile", default=None, metavar="PEM", help="kunci privat sertifikat TLS")
    p.add_argument("--max-batch-items", type=int, default=None)
    p.add_argument("--max-media-bytes", type=int, default=None)
    p.add_argument("--max-chunk-bytes", type=int, default=None)
    p.add_argument("--max-bundle-bytes", type=int, default=None,
                   help="paket media terbesar (POST /media-bundle), bita; 0 = tanpa paket")
    p.add_argument("--max-import-bytes", type=_positive_int, default=None, metavar="BITA",
                   help="kiriman flashdisk terbesar yang boleh diunggah admin di dasbor (bawaan 2 GiB)")
    p.add_argument("--register-max-failures", type=_positive_int, default=None, metavar="N",
                   help="kode pendaftaran salah yang diizinkan per alamat dalam jendela waktu (bawaan 5)")
    p.add_argument("--register-window", type=_positive_float, default=None, metavar="DETIK",
                   help="jendela waktu batas kode pendaftaran salah, detik (bawaan 600)")
    p.add_argument("--login-max-failures", type=_positive_int, default=None, metavar="N",
                   help="login dasbor gagal yang diizinkan per akun admin dalam jendela waktu (bawaan 5)")
    p.add_argument("--login-address-max-failures", type=_positive_int, default=None, metavar="N",
                   help="login dasbor gagal yang diizinkan per alamat dalam jendela waktu (bawaan 20)")
    p.add_argument("--login-window", type=_positive_float, default=None, metavar="DETIK",
                   help="jendela waktu penguncian login dasbor, detik (bawaan 900)")
    p.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--demo", action="store_true",
                   help="server latihan: hanya profil demo laptop yang mendaftar ke sini (GET /health: demo)")
    _biometric_policy_option(p)
    p.set_defaults(func=cmd_run)

    p = common(sub.add_parser("add-device", help="tambah perangkat, cetak kode pendaftaran sekali pakai"))
    p.add_argument("--name", required=True)
    p.add_argument("--area", required=True, help=_AREA_HELP)
    p.add_argument("--valid-hours", type=int, default=72)
    p.set_defaults(func=cmd_add_device)

    p = common(sub.add_parser("set-area", help="ganti (atau tampilkan) wilayah kerja perangkat"))
    p.add_argument("device", help="id atau nama perangkat")
    p.add_argument("--area", default=None, help=_AREA_HELP)
    p.set_defaults(func=cmd_set_area)

    admin = sub.add_parser("admin", help="akun admin dasbor: add NAMA | remove NAMA | list")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    p = common(admin_sub.add_parser("add", help="tambah akun admin (kata sandi ditanyakan dua kali)"))
    p.add_argument("name", metavar="NAMA")
    p.set_defaults(func=cli_admins.cmd_admin_add)
    p = common(admin_sub.add_parser("remove", help="hapus akun admin (sesinya langsung berakhir)"))
    p.add_argument("name", metavar="NAMA")
    p.set_defaults(func=cli_admins.cmd_admin_remove)
    p = common(admin_sub.add_parser("list", help="daftar akun admin"))
    p.set_defaults(func=cli_admins.cmd_admin_list)

    p = common(sub.add_parser("revoke-device", help="cabut token perangkat"))
    p.add_argument("device", help="id atau nama perangkat")
    p.set_defaults(func=cmd_revoke_device)

    p = common(sub.add_parser("list-devices", help="daftar perangkat"))
    p.set_defaults(func=cmd_list_devices)

    p = common(sub.add_parser("import-targets", help="impor daftar target (CSV/XLSX)"))
    p.add_argument("file")
    p.set_defaults(func=cmd_import_targets)

    p = common(sub.add_parser("import-regions", help="impor data wilayah (CSV kode,nama)"))
    p.add_argument("file")
    p.set_defaults(func=cmd_import_regions)

    p = common(sub.add_parser("status", help="tampilkan jumlah"))
    p.add_argument("--json", action="store_true", help="satu baris JSON")
    p.set_defaults(func=cmd_status)

    p = common(sub.add_parser("drop-stale-uploads",
                              help="hapus unggahan media yang terhenti (tidak ada potongan baru selama N hari)"))
    p.add_argument("--hari", "--days", dest="days", type=int, default=14, help="umur minimal, hari (bawaan 14)")
    p.set_defaults(func=cmd_drop_stale_uploads)

    p = common(sub.add_parser("review", help="konflik dan NIK ganda yang menunggu admin (memuat NIK dan nama)"))
    p.add_argument("--all", action="store_true", help="tampilkan juga konflik yang sudah selesai")
    p.add_argument("--json", action="store_true", help="satu baris JSON")
    p.set_defaults(func=cmd_review)

    p = common(sub.add_parser("resolve-duplicate", help="putuskan satu rekaman NIK ganda: terima atau tolak"))
    p.add_argument("uuid", help="UUID rekaman (lihat jemput-server review)")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--keep", action="store_true", help="terima rekaman ini")
    verdict.add_argument("--reject", action="store_true", help="tolak rekaman ini (--reason wajib)")
    p.add_argument("--reason", default=None,
                   help="alasan, maks. 500 karakter; dikirim ke perangkat: jangan tulis NIK atau nama")
    p.set_defaults(func=cmd_resolve_duplicate)

    p = common(sub.add_parser("resolve-conflict",
                              help="tutup konflik: salinan server tetap, kiriman yang ditahan diabaikan"))
    p.add_argument("conflict", help="ID konflik atau UUID rekaman (lihat jemput-server review)")
    p.add_argument("--keep-server", action="store_true", required=True,
                   help="salinan yang sudah tersimpan di server tetap dipakai (rekaman tidak diubah)")
    p.add_argument("--reason", default=None,
                   help="alasan, wajib, maks. 500 karakter: jangan tulis NIK atau nama")
    p.set_defaults(func=cmd_resolve_conflict)

    p = common(sub.add_parser("import-bundle",
                              help="impor kiriman flashdisk (.jkb) dari laptop; tulis tanda terima untuk laptop"))
    p.add_argument("file", help="berkas kiriman jemput-kiriman-....jkb")
    p.add_argument("--receipt", default=None, metavar="BERKAS",
                   help="tanda terima (bawaan: di samping kiriman, ....terima.json)")
    _biometric_policy_option(p)
    p.set_defaults(func=cmd_import_bundle)

    cli_registrations.add_parsers(sub, common)
    return parser


SERVER_STACK = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic")
"""The packages of the `server` extra (pyproject.toml): the laptop install does not carry them."""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        from sync.server.admin import AdminError
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in SERVER_STACK:
            raise
        print(f"jemput-server: paket server belum terpasang ({exc.name}). "
              "Pasang dengan: pip install 'jemput[server]'", file=sys.stderr)
        return 1

    try:
        return args.func(args)
    except AdminError as exc:
        print(f"jemput-server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
