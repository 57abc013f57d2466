"""Server settings: where the data lives and the limits it advertises."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
from dataclasses import dataclass
from pathlib import Path

from app.core.biometric_policy import DEFAULT_POLICY, BiometricPolicy
from sync import protocol


@dataclass(frozen=True)
class Settings:
    """Everything `create_app` needs.

    Attributes:
        data_dir: holds ``jemput-server.db`` (unless `database_url` is given)
            and ``media/`` (complete files named by SHA-256, ``media/partial/``
            for uploads in progress).
        database_url: a SQLAlchemy URL; None means SQLite in `data_dir`.
        max_body_bytes: the largest JSON request accepted (413 above).
        max_bundle_bytes: the largest media bundle accepted; 0 turns bundles off
            (clients then send every file the resumable way).
        max_import_bytes: the largest hand-carried bundle an admin may upload
            on the dashboard (``Impor bundel flashdisk``); 413 above it.
        register_max_failures, register_window_s: enrollment-code guessing
            guard on ``POST /devices/register``: after this many failed codes
            from one client address within the window (seconds, sliding), that
            address is answered 429 (with ``Retry-After``) without the code
            being checked. Counted in the database, by all workers alike
            (see `sync.server.ratelimit`).
        login_max_failures, login_address_max_failures, login_window_s: the
            dashboard's lock-out: failed logins allowed per admin account and
            per client address within the window (seconds, sliding), counted
            in the database (`sync.server.admin_auth`).
        trusted_proxies: networks (CIDR) whose ``X-Forwarded-For`` /
            ``X-Forwarded-Proto`` headers are believed; none by default, so a
            client cannot choose its own address for the limit above.
        demo: a training server (``run --demo``): ``GET /health`` says so, and
            only then does a laptop's demo profile register with it.
        biometric_policy: how many fingers and irises a recording must carry
            (`app.core.biometric_policy.BiometricPolicy`: ``off``,
            ``required_when_present`` (default: a recording with a set must be
            complete, one without any is accepted as from older laptops),
            ``required``).
    """

    data_dir: Path
    database_url: str | None = None
    max_batch_items: int = protocol.DEFAULT_MAX_BATCH_ITEMS
    max_media_bytes: int = protocol.DEFAULT_MAX_MEDIA_BYTES
    max_chunk_bytes: int = protocol.DEFAULT_MAX_CHUNK_BYTES
    max_bundle_bytes: int = protocol.DEFAULT_MAX_BUNDLE_BYTES  # 0: no POST /media-bundle
    max_body_bytes: int = 8 * 1024 * 1024
    max_import_bytes: int = 2 * 1024 * 1024 * 1024
    feed_page: int = 1000
    register_max_failures: int = 5
    register_window_s: float = 600.0
    login_max_failures: int = 5
    login_address_max_failures: int = 20
    login_window_s: float = 900.0
    trusted_proxies: tuple[str, ...] = ()
    demo: bool = False
    biometric_policy: str = DEFAULT_POLICY.value

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        try:
            BiometricPolicy(self.biometric_policy)
        except ValueError:
            raise ValueError("biometric_policy harus salah satu dari: "
                             + ", ".join(p.value for p in BiometricPolicy)) from None
        if not 1 <= self.max_batch_items <= protocol.MAX_BATCH_ITEMS:
            raise ValueError(f"max_batch_items harus 1..{protocol.MAX_BATCH_ITEMS}")
        if self.register_max_failures < 1 or not self.register_window_s > 0:
            raise ValueError("register_max_failures harus >= 1 dan register_window_s > 0")
        if min(self.login_max_failures, self.login_address_max_failures) < 1 or not self.login_window_s > 0:
            raise ValueError("batas login gagal harus >= 1 dan login_window_s > 0")
        object.__setattr__(self, "trusted_proxies",
                           tuple(str(ipaddress.ip_network(n, strict=False)) for n in self.trusted_proxies))

    def to_json(self) -> str:
        """These settings as one JSON line (`from_json` reads it back): how
        ``jemput-server run`` hands them to its worker processes."""
        fields = dataclasses.asdict(self)
        fields["data_dir"] = str(self.data_dir)
        fields["trusted_proxies"] = list(self.trusted_proxies)
        return json.dumps(fields, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Settings":
        fields = json.loads(text)
        fields["data_dir"] = Path(fields["data_dir"])
        fields["trusted_proxies"] = tuple(fields.get("trusted_proxies", ()))
        return cls(**fields)

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'jemput-server.db').resolve()}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def partial_dir(self) -> Path:
        return self.media_dir / "partial"
