"""Crash-test writer: saves whole recordings in a loop and prints each uuid once committed.

Run by tests/store/test_crash.py, which kills it with SIGKILL mid-stream:
    python tests/store/crash_writer.py PROFILE_DIR PASSPHRASE
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent), str(HERE)]

from faker import Faker  # noqa: E402

from app.store.database import open_profile  # noqa: E402
from app.store.recordings import RecordingRepo  # noqa: E402
from store_support import make_media, make_recording  # noqa: E402


def main(directory: str, passphrase: str) -> None:
    store = open_profile(directory, passphrase)
    repo = RecordingRepo(store)
    fake = Faker("id_ID")
    print("ready", flush=True)
    while True:
        rec = make_recording(fake)
        repo.save(rec, make_media(), enqueue=True)
        print(rec.uuid, flush=True)  # only after save() returned: committed and durable


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
