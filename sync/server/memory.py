"""`keep_freed_memory()`: a server worker keeps the memory it frees for its next requests.

A media bundle arrives as a body of about 0.6 MB (several copies of it live while it is read and
checked). glibc's allocator gave such blocks back to the kernel after each request (``munmap``,
or trimming the heap top) and took them again on the next, one page fault per 4 KB: on the
reference machine 1.6 of the 3.5 ms of CPU the event loop spent on a bundle answered alone
(`tests/benchmarks/bench_server_scale.py`'s load, one laptop at a time). With the thresholds
raised, blocks up to 32 MB come from the heap and stay there: a worker holds on to the most
memory it has needed at once, which the body limits (`Settings`) bound.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("jemput.server.memory")

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024
"""Blocks below this come from the heap (glibc's ceiling for the setting on 64-bit systems)."""
TRIM_THRESHOLD = 128 * 1024 * 1024
"""Free memory at the heap's top kept rather than given back."""


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds for this process; False where there is no glibc
    (another C library, another system): nothing changes then."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
    if not done:
        log.debug("ambang alokasi memori tidak dapat diubah")
    return done
