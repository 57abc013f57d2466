"""`AttemptLimiter`: at most N attempts per client address within a sliding window,
counted in the server's database.

Guards ``POST /devices/register`` against guessing enrollment codes: every
attempt is counted when it is let in (so concurrent requests cannot slip past
the limit together) and forgiven when it succeeds, so only failed codes count.
Once an address has used up its attempts, further requests are refused (429)
without looking at the code, until its oldest counted attempt leaves the window.

The attempts are rows of ``register_failures``: every worker process of the
server counts the same ones, and a restart forgets nothing. One address's
attempts are decided one at a time (SQLite's write lock; a PostgreSQL
advisory lock on that address). Rows older than the window are deleted as
attempts come in, so the table stays small whatever the number of addresses.
The address is the TCP peer's, or the one a trusted proxy names
(``jemput-server run --trusted-proxy``); behind a proxy that is not trusted,
every device shares the proxy's allowance (refusing more, never less).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sync.server import tables, transactions
from sync.server.clock import utcnow

ADDRESS_KEY = "register-address"
_f = tables.register_failures


@dataclass(frozen=True)
class Attempt:
    """An attempt let in; hand it back to `AttemptLimiter.forgive` when it succeeds."""

    key: str
    id: int


class AttemptLimiter:
    """Per-key attempt counting over a sliding window, in the database.

    Args:
        engine: the server's database (table ``register_failures``).
        max_attempts: attempts allowed per key within `window_s` seconds.
        window_s: the window's length in seconds.
        clock: the wall clock (naive UTC), shared by all processes.
        table: where the attempts are counted (``register_failures`` by default;
            the dashboard's logins count theirs in ``login_failures``).
    """

    def __init__(self, engine: Engine, max_attempts: int, window_s: float, *,
                 clock: Callable[[], dt.datetime] = utcnow, table: sa.Table = _f):
        if max_attempts < 1 or window_s <= 0:
            raise ValueError("batas percobaan harus >= 1 dan jendela waktu > 0")
        self.engine = engine
        self.max_attempts = max_attempts
        self.window_s = float(window_s)
        self._window = dt.timedelta(seconds=window_s)
        self._clock = clock
        self._t = table

    def admit(self, key: str) -> Attempt | int:
        """Let an attempt from `key` in (and count it): an `Attempt`; or, when
        `key` has no attempts left, the whole seconds to wait (>= 1)."""
        key = key[:64]

        def work(conn: Connection) -> Attempt | int:
            now, f = self._clock(), self._t
            transactions.lock_keys(conn, [(f"{ADDRESS_KEY}/{f.name}", key)])
            conn.execute(sa.delete(f).where(f.c.at <= now - self._window))
            count, oldest = conn.execute(
                sa.select(sa.func.count(), sa.func.min(f.c.at)).where(f.c.address == key)).one()
            if count >= self.max_attempts:
                return max(1, math.ceil((oldest + self._window - now).total_seconds()))
            new_id = conn.execute(sa.insert(f).values(address=key, at=now)).inserted_primary_key[0]
            return Attempt(key, int(new_id))

        return transactions.run_write(self.engine, work)

    def forgive(self, attempt: Attempt) -> None:
        """Stop counting a successful attempt."""
        with transactions.write_transaction(self.engine) as conn:
            conn.execute(sa.delete(self._t).where(self._t.c.id == attempt.id))

    def remaining(self, key: str) -> int:
        """Attempts `key` still has in the current window."""
        with self.engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count()).where(
                self._t.c.address == key[:64], self._t.c.at > self._clock() - self._window)).scalar_one()
        return max(0, self.max_attempts - count)

    def counted(self) -> int:
        """Attempts held in the database (every address; for tests and status)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(self._t)).scalar_one()
