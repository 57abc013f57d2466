"""`LinkMeter`: media requests sized by the time they take on this link."""

from __future__ import annotations

from sync.client.pace import FLOOR_BYTES, REQUEST_SECONDS, START_BYTES, LinkMeter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_before_a_measurement_requests_start_at_the_start_size():
    meter = LinkMeter(Clock())
    assert meter.rate() is None
    assert meter.request_bytes(2 * 1024 * 1024) == START_BYTES
    assert meter.request_bytes(100_000) == 100_000  # never above the ceiling


def test_requests_in_flight_together_count_their_time_once():
    clock = Clock()
    meter = LinkMeter(clock)
    meter.begin()
    clock.now += 1
    meter.begin()  # a second one while the first is on its way
    clock.now += 7
    meter.end(512 * 1024)
    clock.now += 0
    meter.end(512 * 1024)
    assert meter.rate() == 1024 * 1024 / 8  # 8 s busy, not 15
    assert meter.request_bytes(8 * 1024 * 1024) == int(1024 * 1024 / 8 * REQUEST_SECONDS)


def test_a_slow_link_gets_small_requests_but_never_below_the_floor():
    clock = Clock()
    meter = LinkMeter(clock)
    meter.begin()
    clock.now += 100
    meter.end(200 * 1024)  # 2 KB/s
    assert meter.request_bytes(1024 * 1024) == FLOOR_BYTES
    meter.reset()
    assert meter.rate() is None and meter.request_bytes(1024 * 1024) == START_BYTES


def test_a_failed_request_adds_time_but_no_bytes():
    clock = Clock()
    meter = LinkMeter(clock)
    meter.begin()
    clock.now += 4
    meter.end(400 * 1024)
    meter.begin()
    clock.now += 4
    meter.end(0)
    assert meter.rate() == 400 * 1024 / 8
