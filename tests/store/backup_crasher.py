"""Backup crash helper: starts a backup and stops for good inside the copy, to be killed there.

Run by tests/store/test_backup.py, which waits for the line "copying" and then
kills it with SIGKILL (the temporary folder is half written at that moment):
    python tests/store/backup_crasher.py PROFILE_DIR PASSPHRASE DEST
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]

from app.store.backup import backup_profile  # noqa: E402
from app.store.database import open_profile  # noqa: E402


def main(directory: str, passphrase: str, dest: str) -> None:
    store = open_profile(directory, passphrase)

    def progress(done: int, total: int) -> None:
        if 0 < done < total:
            print("copying", done, total, flush=True)
            while True:  # wait here, half-way through the copy, for the kill
                time.sleep(1)

    backup_profile(store, dest, progress=progress)
    print("finished", flush=True)  # never reached when the test works


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
