"""`keep_freed_memory`: a worker reuses the memory of one request's big bodies for the next,
instead of giving it back to the kernel and faulting it in again, page by page."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator")

_REQUESTS = """
import resource, sys
from sync.server.memory import keep_freed_memory
tuned = sys.argv[1] == "1" and keep_freed_memory()
def request():  # a bundle's body, a copy of it and a joined copy, as the server holds them
    body = bytes(bytearray(700_000))
    copy = bytes(bytearray(body))
    joined = b"".join([copy, b"x"])
    return len(body) + len(copy) + len(joined)
request()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(100):
    request()
print(int(tuned), resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(tuned: bool) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _REQUESTS, "1" if tuned else "0"], capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    return int(out[0]), int(out[1])


def test_a_worker_keeps_freed_memory_for_its_next_requests():
    tuned, faults_tuned = _faults(True)
    untuned, faults_untuned = _faults(False)
    assert tuned == 1, "keep_freed_memory() did nothing on glibc"
    assert untuned == 0
    assert faults_tuned < 200, faults_tuned  # the blocks stay in the heap
    assert faults_untuned > 10 * max(faults_tuned, 100), (faults_untuned, faults_tuned)
