"""`AttemptLimiter`: at most N attempts per client address within a sliding window.

Guards ``POST /devices/register`` against guessing enrollment codes: every
attempt is counted when it is let in (so concurrent requests cannot slip past
the limit together) and forgiven when it succeeds, so only failed codes count.
Once an address has used up its attempts, further requests are refused (429)
without looking at the code, until its oldest counted attempt leaves the window.

The counters live in this process's memory only: a server restart forgets
them, and several server processes (workers) would each count on their own.
Behind a reverse proxy every request comes from the proxy's address, so all
devices share one allowance there (refusing more, never less).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Attempt:
    """An attempt let in; hand it back to `AttemptLimiter.forgive` when it succeeds."""

    key: str
    at: float


class AttemptLimiter:
    """Thread-safe per-key attempt counting over a sliding window (memory only).

    Args:
        max_attempts: attempts allowed per key within `window_s` seconds.
        window_s: the window's length in seconds.
        clock: a monotonic clock (seconds).
        max_keys: the most keys remembered; beyond it the keys idle longest are
            dropped first (memory stays bounded whatever the number of addresses).
    """

    def __init__(self, max_attempts: int, window_s: float, *,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000):
        if max_attempts < 1 or window_s <= 0:
            raise ValueError("batas percobaan harus >= 1 dan jendela waktu > 0")
        self.max_attempts = max_attempts
        self.window_s = float(window_s)
        self.max_keys = max_keys
        self._clock = clock
        self._lock = threading.Lock()
        self._stamps: dict[str, deque[float]] = {}
        self._swept = clock()

    def admit(self, key: str) -> Attempt | int:
        """Let an attempt from `key` in (and count it): an `Attempt`; or, when
        `key` has no attempts left, the whole seconds to wait (>= 1)."""
        with self._lock:
            now = self._clock()
            self._sweep(now)
            stamps = self._stamps.get(key)
            if stamps is None:
                stamps = self._stamps[key] = deque()
            else:
                self._stamps[key] = self._stamps.pop(key)  # most recently used last
            self._expire(stamps, now)
            if len(stamps) >= self.max_attempts:
                return max(1, math.ceil(stamps[0] + self.window_s - now))
            stamps.append(now)
            return Attempt(key, now)

    def forgive(self, attempt: Attempt) -> None:
        """Stop counting a successful attempt."""
        with self._lock:
            stamps = self._stamps.get(attempt.key)
            if stamps is None:
                return
            try:
                stamps.remove(attempt.at)
            except ValueError:
                pass
            if not stamps:
                del self._stamps[attempt.key]

    def remaining(self, key: str) -> int:
        """Attempts `key` still has in the current window."""
        with self._lock:
            stamps = self._stamps.get(key)
            if stamps is None:
                return self.max_attempts
            self._expire(stamps, self._clock())
            return max(0, self.max_attempts - len(stamps))

    def _expire(self, stamps: deque[float], now: float) -> None:
        while stamps and stamps[0] <= now - self.window_s:
            stamps.popleft()

    def _sweep(self, now: float) -> None:
        # Forget idle keys once a window, and the longest-idle ones beyond max_keys.
        if now - self._swept >= self.window_s:
            self._swept = now
            for key in [k for k, s in self._stamps.items() if not s or s[-1] <= now - self.window_s]:
                del self._stamps[key]
        while len(self._stamps) >= self.max_keys:
            del self._stamps[next(iter(self._stamps))]
