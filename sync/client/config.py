"""How hard the pump tries and where it keeps its state: retry policy, timeouts, setting keys, limits."""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.store.sync_keys import SyncKeys as Keys

__all__ = ["Keys", "RetryPolicy", "Timeouts", "PAUSE_KINDS", "FAR_FUTURE", "CAPABILITIES_MAX_AGE_S", "TAGGED_CAPABILITIES_MAX_AGE_S",
           "DEFAULT_POLL_SECONDS", "SHORT_TRANSACTION"]

PAUSE_KINDS = ("auth", "revoked", "protocol")
FAR_FUTURE = "9999-12-31T00:00:00.000+00:00"
CAPABILITIES_MAX_AGE_S = 6 * 3600
TAGGED_CAPABILITIES_MAX_AGE_S = 14 * 24 * 3600  # every answer says whether they still hold (sync.protocol_caps)
DEFAULT_POLL_SECONDS = 30
SHORT_TRANSACTION = 50  # rows written per transaction: the window's capture shares the store


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try.

    Attributes:
        attempts: tries of one request within a run (transient failures only).
        initial_wait, max_wait: the in-run waits between those tries (seconds,
            exponential with jitter).
        backoff_base, backoff_cap: the delay before the next run after a failed
            one: ``base * 2**(failures-1)``, capped, then jittered into
            ``[delay/2, delay]`` so a team's laptops do not return in step.
    """

    attempts: int = 4
    initial_wait: float = 0.5
    max_wait: float = 8.0
    backoff_base: float = 10.0
    backoff_cap: float = 600.0

    def next_delay(self, failures: int, rng: random.Random) -> float:
        delay = min(self.backoff_cap, self.backoff_base * 2 ** max(0, failures - 1))
        return delay * (0.5 + 0.5 * rng.random())


@dataclass(frozen=True)
class Timeouts:
    """Seconds: `probe` for the health check; `connect`/`read` for everything else."""

    probe: float = 5.0
    connect: float = 10.0
    read: float = 60.0
