"""How long a wrong passphrase makes the next attempt wait (pure arithmetic, clock given).

The first `FREE_ATTEMPTS` failures cost nothing (a typo); after that each
further failure doubles the wait, from `BASE_DELAY_S` up to `MAX_DELAY_S`.
The count and the time of the last failure live outside the encrypted
database (``profile.json``, `app.store.unlock_guard`), so the wait survives a
restart and applies to the window and the command line alike. Unreadable or
impossible state (a negative count, a time in the future) is read as the
longest wait: tampering can only make it slower.
"""

from __future__ import annotations

FREE_ATTEMPTS = 3
BASE_DELAY_S = 5.0
MAX_DELAY_S = 15 * 60.0


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passphrases."""
    if failures < 0:
        return MAX_DELAY_S
    extra = failures - FREE_ATTEMPTS
    if extra < 0:
        return 0.0
    return min(MAX_DELAY_S, BASE_DELAY_S * (2.0 ** min(extra, 32)))


def wait_left(failures: int, last_failure: float, now: float) -> float:
    """Seconds still to wait at `now` (0: an attempt may be made).

    A last failure later than `now` (the clock was set back, or the file was
    edited) counts as if it had just happened.
    """
    delay = delay_after(failures)
    if delay <= 0:
        return 0.0
    if last_failure > now:
        return delay
    return max(0.0, last_failure + delay - now)
