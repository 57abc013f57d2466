"""app.store.read_ahead: batches come in order, a reader's error is raised where it stopped, closing stops it."""

from __future__ import annotations

import threading

import pytest

from app.store.read_ahead import read_ahead


def _source(n: int, fail_at: int | None = None):
    batches = iter([[i] * 3 for i in range(n)] + [[]])
    calls = []

    def next_batch():
        calls.append(threading.current_thread().name)
        if fail_at is not None and len(calls) == fail_at:
            raise ValueError("baris 7: NIK harus 16 angka")
        return next(batches)

    return next_batch, calls


def test_every_batch_in_order_read_by_another_thread():
    next_batch, calls = _source(50)
    assert list(read_ahead(next_batch)) == [[i] * 3 for i in range(50)]
    assert set(calls) == {"jemput-read-ahead"} and len(calls) == 51
    assert not any(t.name == "jemput-read-ahead" for t in threading.enumerate())


def test_an_error_of_the_reader_is_raised_after_the_batches_before_it():
    next_batch, _ = _source(10, fail_at=4)
    got = []
    with pytest.raises(ValueError, match="baris 7"):
        for batch in read_ahead(next_batch):
            got.append(batch)
    assert got == [[0] * 3, [1] * 3, [2] * 3]


def test_closing_early_stops_the_reader_within_a_few_batches():
    next_batch, calls = _source(1000)
    batches = read_ahead(next_batch, depth=2)
    assert next(batches) == [0, 0, 0]
    batches.close()
    assert len(calls) <= 5
    assert not any(t.name == "jemput-read-ahead" for t in threading.enumerate())
