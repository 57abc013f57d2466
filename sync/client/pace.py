"""How fast the uplink really is, measured from the requests of a run, and what that means for request sizes.

A slow link queues what is handed to it: four 1 MB bundles given at once to a
256 kbit/s uplink take two minutes, and the last one's answer comes long after
the read timeout. So the pump sizes each media request by the time it takes
on this link (`REQUEST_SECONDS` of sending), not by a fixed byte count: on a
fast link that is the server's ceiling, on a border link a few photos.

The rate is the bytes of request bodies the server answered divided by the
time at least one such request was on its way (the union of their intervals,
so requests in flight together are not counted twice). Small requests say
little about the rate (their time is the round trip), so until `MIN_SAMPLE`
bytes were answered the sizes start at `START_BYTES`.
"""

from __future__ import annotations

import threading
import time

__all__ = ["LinkMeter", "REQUEST_SECONDS", "START_BYTES", "FLOOR_BYTES"]

REQUEST_SECONDS = 6.0
"""Seconds of sending one media request should take (a few in flight stay well inside the read timeout)."""
START_BYTES = 256 * 1024
"""A media request's size before the link was measured (2 s at 1 Mbit/s, 8 s at 256 kbit/s)."""
FLOOR_BYTES = 64 * 1024
MIN_SAMPLE = 96 * 1024


class LinkMeter:
    """Measures the uplink from the requests that carry a body (thread-safe)."""

    def __init__(self, clock=time.monotonic):  # noqa: ANN001 - a monotonic clock, for tests
        self._clock = clock
        self._lock = threading.Lock()
        self._in_flight = 0
        self._busy_since = 0.0
        self._busy = 0.0
        self._bytes = 0

    def reset(self) -> None:
        with self._lock:
            self._busy = 0.0
            self._bytes = 0
            if self._in_flight:
                self._busy_since = self._clock()

    def begin(self) -> None:
        with self._lock:
            if self._in_flight == 0:
                self._busy_since = self._clock()
            self._in_flight += 1

    def end(self, answered_bytes: int) -> None:
        """A request ended; `answered_bytes` of body reached the server (0: it failed)."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            self._bytes += max(0, answered_bytes)
            if self._in_flight == 0:
                self._busy += self._clock() - self._busy_since

    def rate(self) -> float | None:
        """Bytes per second, or None while too little was measured."""
        with self._lock:
            busy = self._busy + (self._clock() - self._busy_since if self._in_flight else 0.0)
            if self._bytes < MIN_SAMPLE or busy <= 0:
                return None
            return self._bytes / busy

    def request_bytes(self, ceiling: int) -> int:
        """How big one media request should be: `REQUEST_SECONDS` of sending, within
        [`FLOOR_BYTES`, `ceiling`] (`START_BYTES` before the link was measured)."""
        rate = self.rate()
        wanted = START_BYTES if rate is None else int(rate * REQUEST_SECONDS)
        return max(1, min(ceiling, max(FLOOR_BYTES, wanted)))
