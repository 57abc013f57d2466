"""Dashboard accounts and their logins: argon2 password hashes, sessions, lock-out.

Accounts are made from the command line (``jemput-server admin add NAME``);
their passwords are kept only as argon2id hashes. A login that succeeds opens
a session: a random cookie value whose SHA-256 is a row of ``admin_sessions``
(with the session's CSRF token, its expiry and its last use), so every worker
process recognises it and ``admin remove`` or a logout ends it at once.

Lock-out: every login attempt is counted against its account name and against
the client's address (`AttemptLimiter` over ``login_failures``, a sliding
window in the database, shared by all workers, kept across restarts) and
forgiven when it succeeds. An account or address that has used up its
failures is refused without its password being looked at, until its oldest
failure leaves the window.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Engine

from sync.server import clock, tables, transactions
from sync.server.admin import AdminError
from sync.server.ratelimit import Attempt, AttemptLimiter
from sync.server.security import secret_sha256

PASSWORD_MIN = 10
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
ACCOUNT_KEY = "akun:"
ADDRESS_KEY = "alamat:"

_hasher = PasswordHasher()  # argon2id, the library's recommended cost
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))  # verified for unknown names: same time as a real one
_a, _s = tables.admins, tables.admin_sessions


def normalize_name(name: str) -> str:
    """An admin name as stored: trimmed, lower case; refused unless 1-64 of a-z 0-9 . _ -."""
    name = name.strip().lower()
    if not NAME_PATTERN.fullmatch(name):
        raise AdminError("nama admin harus 1-64 karakter: huruf, angka, titik, garis bawah atau tanda hubung")
    return name


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise AdminError(f"kata sandi minimal {PASSWORD_MIN} karakter")
    if len(password) > 1024:
        raise AdminError("kata sandi terlalu panjang (maksimal 1024 karakter)")


def add_admin(engine: Engine, name: str, password: str) -> str:
    """Create an account; its normalised name. Refuses a name in use or a short password."""
    name = normalize_name(name)
    check_password(password)
    hashed = _hasher.hash(password)
    with transactions.write_transaction(engine) as conn:
        if conn.execute(sa.select(_a.c.id).where(_a.c.name == name)).first() is not None:
            raise AdminError(f"admin '{name}' sudah ada")
        conn.execute(sa.insert(_a).values(name=name, password_hash=hashed, created_at=clock.utcnow()))
    return name


def remove_admin(engine: Engine, name: str) -> str:
    """Delete an account and end its sessions at once."""
    name = normalize_name(name)
    with transactions.write_transaction(engine) as conn:
        admin_id = conn.execute(sa.select(_a.c.id).where(_a.c.name == name)).scalar()
        if admin_id is None:
            raise AdminError(f"admin '{name}' tidak ada")
        conn.execute(sa.delete(_s).where(_s.c.admin_id == admin_id))
        conn.execute(sa.delete(_a).where(_a.c.id == admin_id))
    return name


def list_admins(engine: Engine) -> list[dict]:
    """Every account: name, created_at, open sessions (no hashes)."""
    now = clock.utcnow()
    open_sessions = (sa.select(sa.func.count()).where(_s.c.admin_id == _a.c.id, _s.c.expires_at > now)
                     .scalar_subquery())
    with engine.connect() as conn:
        rows = conn.execute(sa.select(_a.c.name, _a.c.created_at, open_sessions).order_by(_a.c.name)).all()
    return [{"name": n, "created_at": c, "sessions": int(k)} for n, c, k in rows]


@dataclass(frozen=True)
class AdminSession:
    """A logged-in browser: whose it is and the CSRF token its forms must carry."""

    admin_id: int
    name: str
    csrf_token: str


@dataclass(frozen=True)
class LoginResult:
    """`token` (the cookie value) when the login succeeded; else `locked_s` > 0
    (seconds to wait) when refused for too many failures, or neither (wrong name
    or password)."""

    token: str | None = None
    locked_s: int = 0


class AdminAuth:
    """Logins, sessions and lock-out over the server's database.

    Args:
        engine: the server's database.
        account_max_failures: failed logins allowed per account name within `window_s`.
        address_max_failures: failed logins allowed per client address within `window_s`.
        window_s: the lock-out window, seconds (sliding).
        session_s: a session's whole life, seconds.
        idle_s: a session unused this long ends.
    """

    TOUCH_EVERY = dt.timedelta(seconds=60)

    def __init__(self, engine: Engine, *, account_max_failures: int = 5, address_max_failures: int = 20,
                 window_s: float = 900.0, session_s: float = 8 * 3600.0, idle_s: float = 3600.0):
        self.engine = engine
        self.accounts = AttemptLimiter(engine, account_max_failures, window_s, table=tables.login_failures)
        self.addresses = AttemptLimiter(engine, address_max_failures, window_s, table=tables.login_failures)
        self.session_life = dt.timedelta(seconds=session_s)
        self.idle = dt.timedelta(seconds=idle_s)

    def login(self, name: str, password: str, address: str) -> LoginResult:
        """Check a name and password from `address` (counted, see the module's docstring)."""
        try:
            name = normalize_name(name)
        except AdminError:
            name = "?"  # still counted against the address; never matches an account
        by_address = self.addresses.admit(ADDRESS_KEY + address)
        if not isinstance(by_address, Attempt):
            return LoginResult(locked_s=by_address)
        by_account = self.accounts.admit(ACCOUNT_KEY + name)
        if not isinstance(by_account, Attempt):
            return LoginResult(locked_s=by_account)
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(_a.c.id, _a.c.password_hash).where(_a.c.name == name)).first()
        if not _verify(row.password_hash if row else _DUMMY_HASH, password) or row is None:
            return LoginResult()
        self.addresses.forgive(by_address)
        self.accounts.forgive(by_account)
        if _hasher.check_needs_rehash(row.password_hash):
            with transactions.write_transaction(self.engine) as conn:
                conn.execute(sa.update(_a).where(_a.c.id == row.id).values(password_hash=_hasher.hash(password)))
        return LoginResult(token=self._open_session(row.id))

    def _open_session(self, admin_id: int) -> str:
        token, now = secrets.token_urlsafe(32), clock.utcnow()
        with transactions.write_transaction(self.engine) as conn:
            conn.execute(sa.delete(_s).where(_s.c.expires_at <= now))
            conn.execute(sa.insert(_s).values(
                token_sha256=secret_sha256(token), admin_id=admin_id, csrf_token=secrets.token_urlsafe(32),
                created_at=now, last_seen_at=now, expires_at=now + self.session_life))
        return token

    def session(self, token: str | None) -> AdminSession | None:
        """The live session of this cookie value (None: none, expired or idle too long)."""
        if not token or len(token) > 200:
            return None
        key, now = secret_sha256(token), clock.utcnow()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(_s.c.admin_id, _s.c.csrf_token, _s.c.last_seen_at, _s.c.expires_at,
                                         _a.c.name).join_from(_s, _a, _s.c.admin_id == _a.c.id)
                               .where(_s.c.token_sha256 == key)).first()
        if row is None or row.expires_at <= now or row.last_seen_at + self.idle <= now:
            return None
        if now - row.last_seen_at >= self.TOUCH_EVERY:
            with transactions.write_transaction(self.engine) as conn:
                conn.execute(sa.update(_s).where(_s.c.token_sha256 == key).values(last_seen_at=now))
        return AdminSession(row.admin_id, row.name, row.csrf_token)

    def logout(self, token: str) -> None:
        with transactions.write_transaction(self.engine) as conn:
            conn.execute(sa.delete(_s).where(_s.c.token_sha256 == secret_sha256(token)))


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
