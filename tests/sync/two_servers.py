"""Two server machines behind one load balancer, for the sync tests: two real
``jemput-server run`` processes with data folders of their own, sharing one
PostgreSQL database and one S3 bucket (moto's server on 127.0.0.1), and an
`AlternatingProxy` in front that sends each request to the other server than
the last (the chunks of one resumable upload alternate). A laptop registers
with the proxy's address, as with a load balancer."""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from faultproxy import AlternatingProxy
from support.s3 import MotoS3, start_shared_servers
from support.server import ServerProcess, server_cli


@dataclass
class ServerPair:
    """Two servers, one database, one bucket, one balancer (what a laptop sees as its server)."""

    servers: list[ServerProcess]
    proxy: AlternatingProxy
    moto: MotoS3
    bucket: str
    database_url: str

    @property
    def url(self) -> str:
        return self.proxy.url

    def enrollment_code(self, area: str, name: str = "Tim uji") -> str:
        return self.servers[0].enrollment_code(area, name)

    def status(self) -> dict[str, int]:
        """``jemput-server status --json`` on the second machine (the bucket's counts)."""
        return json.loads(server_cli("status", *self.servers[1].cli_args, *self.moto.media_args(self.bucket),
                                     "--json").stdout)

    def media_files(self) -> dict[str, bytes]:
        return {key.split("/")[-1]: data for key, data in self.moto.objects(self.bucket, "media/").items()}

    def served_by(self, method: str, prefix: str) -> dict[str, list[int]]:
        """path -> the servers (0, 1) that answered its `method` requests, in order."""
        out: dict[str, list[int]] = defaultdict(list)
        for m, path, index in self.proxy.served:
            if m == method and path.startswith(prefix):
                out[path].append(index)
        return out

    def access_lines(self, needle: str) -> int:
        """Access-log lines containing `needle`, on both machines together."""
        return sum(s.access_lines(needle) for s in self.servers)


@contextlib.contextmanager
def server_pair(base: Path, database_url: str, moto: MotoS3, *options: str) -> Iterator[ServerPair]:
    """Two machines under `base` on `database_url` (empty) and a new bucket, `options` to both ``run``s."""
    bucket = moto.new_bucket()
    servers = start_shared_servers([base / "mesin-1", base / "mesin-2"], database_url, moto, bucket, *options)
    proxy = AlternatingProxy([s.port for s in servers])
    try:
        yield ServerPair(servers, proxy, moto, bucket, database_url)
    finally:
        proxy.close()
        for s in servers:
            s.stop()
            s.dispose()
