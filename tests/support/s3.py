"""A local S3-compatible server for the object-storage media tests and benchmarks.

`MotoS3` starts moto's server mode (``python -m moto.server``, the ``moto[server]``
package of the ``test`` extra) as a real process on a free port of 127.0.0.1 and
hands out empty buckets; `media_args`/`media_env` are what ``jemput-server``
needs to keep its media there. Without moto installed the tests skip on a
developer's machine and FAIL under CI (``CI=true``), like PostgreSQL's.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn


from support.needed import missing

from support.server import stop_process

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "jemput-uji", "AWS_SECRET_ACCESS_KEY": "rahasia-uji",
               "AWS_DEFAULT_REGION": "us-east-1"}
"""Any keys do for moto; set in the environment, as an admin sets the real ones."""


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail under CI: the object-storage media store is part of what CI must test."""
    missing("moto (S3)", reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoS3:
    """moto's S3 server on 127.0.0.1; `new_bucket` makes an empty bucket."""

    def __init__(self, timeout_s: float = 60) -> None:
        try:
            import boto3  # noqa: F401
            import moto.server  # noqa: F401
        except ImportError as exc:
            unavailable(f"{exc.name} is not installed (pip install -e '.[test]')")
        os.environ.update({k: os.environ.get(k) or v for k, v in CREDENTIALS.items()})
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.mkstemp(prefix="jemput-moto-", suffix=".log")[1])
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
                                          str(self.port)], stdout=log, stderr=subprocess.STDOUT)
        self._names = itertools.count(1)
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"moto tidak mulai: {self.log.read_text(errors='replace')[-2000:]}")
                time.sleep(0.05)

    def client(self):  # noqa: ANN201
        import boto3

        return boto3.client("s3", endpoint_url=self.url, region_name=CREDENTIALS["AWS_DEFAULT_REGION"],
                            aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                            aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])

    def new_bucket(self) -> str:
        name = f"jemput-uji-{os.getpid()}-{next(self._names)}"
        self.client().create_bucket(Bucket=name)
        return name

    def media_args(self, bucket: str) -> list[str]:
        """``jemput-server`` options keeping media in `bucket` (the keys come from the environment)."""
        return ["--media-s3-bucket", bucket, "--media-s3-endpoint", self.url,
                "--media-s3-region", CREDENTIALS["AWS_DEFAULT_REGION"]]

    def objects(self, bucket: str, prefix: str = "") -> dict[str, bytes]:
        """Every object under `prefix`: key -> bytes."""
        s3 = self.client()
        out = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                out[obj["Key"]] = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
        return out

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.unlink(missing_ok=True)


def start_shared_servers(folders: list[Path], database_url: str, moto: MotoS3, bucket: str, *options: str,
                         regions: Path | None = None, **start) -> list:  # noqa: ANN003
    """Server machines sharing one database and one bucket: ``jemput-server run`` on each of
    `folders` (a data folder per machine) with its media in `bucket`; `options` go to every
    ``run`` (e.g. ``--workers 4``), `start` to `support.server.start_server` (e.g. ``server_class``).

    The database is migrated and given the master data (`regions`) once; the first machine's
    bundle keys (what laptops get at registration) are copied to the others, as docs/DEPLOY.md says.
    """
    import shutil

    from support.server import prepare_server_data, server_cli, start_server
    from sync.server.bundle_keys import FOLDER, server_keys

    first = folders[0]
    server_cli("migrate", "--data", first, "--database-url", database_url)
    prepare_server_data(first, "--database-url", database_url, **({"regions": regions} if regions else {}))
    server_keys(first)
    for folder in folders[1:]:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copytree(first / FOLDER, folder / FOLDER)
    return [start_server(folder, *options, *moto.media_args(bucket), database_url=database_url, **start)
            for folder in folders]
