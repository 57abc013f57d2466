"""Reading ahead in a second thread: the next batch is read and checked while the store writes this one.

SQLite works without holding Python's lock (inside each step of an insert:
the table, its indexes, the encryption), so a reader thread checking the next
rows in Python overlaps with it on a second core. One reader, one writer, at
most `depth` batches in between (memory stays bounded). An exception in the
reader (a bad row, a cancel) is raised in the writer's thread at the batch it
stopped at; closing the generator stops the reader after its current batch.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def read_ahead(next_batch: Callable[[], list[T]], depth: int = 2) -> Iterator[list[T]]:
    """The batches `next_batch()` returns, until an empty one, read by a thread of their own."""
    handoff: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                batch = next_batch()
                handoff.put((None, batch))
                if not batch:
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the writer's thread, raised there
            handoff.put((exc, None))

    thread = threading.Thread(target=reader, name="jemput-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            error, batch = handoff.get()
            if error is not None:
                raise error
            if not batch:
                return
            yield batch
    finally:
        stop.set()
        while thread.is_alive():  # let a reader blocked on a full queue finish its put
            try:
                handoff.get(timeout=0.05)
            except queue.Empty:
                pass
        thread.join()
