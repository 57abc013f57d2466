"""Crash helper for the passphrase-change tests: stops a change dead after one step.

    python tests/store/rekey_crasher.py PROFILE_DIR OLD NEW STAGE

Opens the one-passphrase profile with OLD (without the move to key slots), saves one generated recording, then runs the real
steps of `app.store.passphrase` up to STAGE and kills itself (SIGKILL where
there is one): ``pending`` = after the new salt was written to profile.json,
``rekeyed`` = after ``PRAGMA rekey`` committed and one more recording was
saved with the new key, but before the promotion. The
WAL is left as the crash leaves it. Prints the uuid of each recording it saved.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent), str(HERE)]

from faker import Faker  # noqa: E402

from store_support import open_legacy_raw  # noqa: E402
from app.store.passphrase import begin_change, rekey  # noqa: E402
from app.store.recordings import RecordingRepo  # noqa: E402
from store_support import make_media, make_recording  # noqa: E402


def die() -> None:
    sys.stdout.flush()
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)


def main(directory: str, old: str, new: str, stage: str) -> None:
    store = open_legacy_raw(Path(directory), old)  # a one-passphrase profile, not moved to key slots
    rec = make_recording(Faker("id_ID"))
    RecordingRepo(store).save(rec, make_media(), enqueue=True)
    print(rec.uuid, flush=True)
    change = begin_change(directory, store.profile, new)
    if stage == "pending":
        die()
    rekey(store.conn, change.key)
    # Another write under the new key, still in the WAL when the process dies.
    rec = make_recording(Faker("id_ID"))
    RecordingRepo(store).save(rec, make_media(), enqueue=True)
    print(rec.uuid, flush=True)
    die()


if __name__ == "__main__":
    main(*sys.argv[1:5])
