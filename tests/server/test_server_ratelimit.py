"""`AttemptLimiter` on a real database: the sliding window, forgiveness of successes,
old attempts swept, and no attempt slipping past the limit when many threads ask at
once; the server's registration held until its window passes, on a hand-wound clock
(no sleeping)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa

from sync import protocol
from sync.protocol_problems import Problems
from sync.server import admin, schema, tables
from sync.server.ratelimit import Attempt, AttemptLimiter


class Clock:
    """A hand-wound wall clock (naive UTC); `now` in seconds from an epoch."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> dt.datetime:
        return dt.datetime(2026, 1, 1) + dt.timedelta(seconds=self.now)


@pytest.fixture
def engine(tmp_path):
    engine = schema.open_database(f"sqlite:///{tmp_path / 'limit.db'}")
    yield engine
    engine.dispose()


def test_sliding_window_and_retry_after(engine):
    clock = Clock()
    limiter = AttemptLimiter(engine, 3, 600, clock=clock)
    for _ in range(3):
        assert isinstance(limiter.admit("10.0.0.1"), Attempt)
        clock.now += 10
    assert limiter.admit("10.0.0.1") == 600 - 30  # until the first attempt leaves the window
    assert limiter.remaining("10.0.0.1") == 0 and limiter.remaining("10.0.0.2") == 3
    clock.now += 570  # the first attempt has left the window: one more try
    assert isinstance(limiter.admit("10.0.0.1"), Attempt)
    assert limiter.admit("10.0.0.1") == 10
    clock.now += 0.5
    assert limiter.admit("10.0.0.1") == 10  # whole seconds, rounded up
    clock.now += 2000
    assert limiter.remaining("10.0.0.1") == 3


def test_another_process_sees_the_same_count(engine):
    """Two limiters on one database (two workers) share the attempts."""
    clock = Clock()
    first, second = AttemptLimiter(engine, 2, 60, clock=clock), AttemptLimiter(engine, 2, 60, clock=clock)
    assert isinstance(first.admit("a"), Attempt) and isinstance(second.admit("a"), Attempt)
    assert first.admit("a") == 60 and second.admit("a") == 60
    assert second.remaining("a") == 0


def test_forgiven_successes_do_not_count(engine):
    clock = Clock()
    limiter = AttemptLimiter(engine, 2, 60, clock=clock)
    for _ in range(5):
        attempt = limiter.admit("a")
        assert isinstance(attempt, Attempt)
        limiter.forgive(attempt)
        limiter.forgive(attempt)  # twice is harmless
    assert limiter.remaining("a") == 2
    assert isinstance(limiter.admit("a"), Attempt) and isinstance(limiter.admit("a"), Attempt)
    assert limiter.admit("a") == 60


def test_old_attempts_are_swept(engine):
    clock = Clock()
    limiter = AttemptLimiter(engine, 1, 60, clock=clock)
    for n in range(300):
        limiter.admit(f"10.0.{n // 256}.{n % 256}")
    assert limiter.counted() == 300
    clock.now += 61
    limiter.admit("10.9.9.9")  # a window later, the old attempts are gone
    assert limiter.counted() == 1
    assert isinstance(limiter.admit("x" * 500), Attempt)  # a huge key is cut, not refused


def test_concurrent_attempts_never_exceed_the_limit(engine):
    limiter = AttemptLimiter(engine, 5, 600)
    admitted: list[object] = []
    start = threading.Barrier(40)

    def knock() -> None:
        start.wait()
        admitted.append(limiter.admit("203.0.113.9"))

    threads = [threading.Thread(target=knock) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(isinstance(a, Attempt) for a in admitted) == 5
    assert all(isinstance(a, int) and 1 <= a <= 600 for a in admitted if not isinstance(a, Attempt))


@pytest.mark.parametrize("attempts, window", [(0, 60), (3, 0), (3, -1)])
def test_bad_settings_are_refused(engine, attempts, window):
    with pytest.raises(ValueError):
        AttemptLimiter(engine, attempts, window)


def test_the_server_refuses_a_correct_code_until_the_window_passes(app, client):
    clock = Clock()
    app.state.register_limiter = AttemptLimiter(app.state.engine, 3, 600, clock=clock)  # what create_app builds, on this clock
    code = admin.add_device(app.state.engine, "Tim sabar", "13.72").enrollment_code
    for n in range(3):
        r = client.post(protocol.Paths.REGISTER, json={"enrollment_code": f"SALA-H{n:03d}-KODE"})
        assert r.status_code == 403 and r.json()["code"] == Problems.ENROLLMENT_INVALID.code
        clock.now += 1

    r = client.post(protocol.Paths.REGISTER, json={"enrollment_code": code})
    assert r.status_code == 429, r.text
    assert r.headers["Retry-After"] == "597"  # until the first failure (at 1000 s) leaves the window
    body = r.json()
    assert body["code"] == Problems.ENROLLMENT_RATE_LIMITED.code == "429.1"
    assert body["details"] == {"retry_after": 597}
    assert "Terlalu banyak percobaan kode pendaftaran" in body["message"] and "597 detik" in body["message"]
    assert "Too many enrollment code attempts" in body["message_en"]
    # not even looked at: the code is still unspent
    with app.state.engine.connect() as conn:
        row = conn.execute(sa.select(tables.devices.c.enrolled_at, tables.devices.c.enroll_code_sha256)
                           .where(tables.devices.c.name == "Tim sabar")).one()
    assert row.enrolled_at is None and row.enroll_code_sha256 is not None

    clock.now += 596
    assert client.post(protocol.Paths.REGISTER, json={"enrollment_code": code}).status_code == 429
    clock.now += 1  # the first failure has left the window
    r = client.post(protocol.Paths.REGISTER, json={"enrollment_code": code})
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "Tim sabar"
