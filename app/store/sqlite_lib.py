"""sqlite_utils, imported without numpy when numpy is not loaded yet (the window's unlock).

sqlite_utils imports numpy (and pandas) only to map their scalar types to column
types when it creates tables from Python values. The store never does that: its
tables come from `app.store.migrations` and it writes with SQL. numpy costs a
tenth of a second of the time between the passphrase and Beranda, so while it
is absent sqlite_utils is told it is not installed; OpenCV's numpy loads later
(behind Beranda, `app.ui.main_window`) and works as usual. Import this module
before anything else imports sqlite_utils (`app.session` does, first).
"""

from __future__ import annotations

import sys

if "sqlite_utils.db" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment] - "not installed" for this one import
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]

import sqlite_utils  # noqa: E402,F401
