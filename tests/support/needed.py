"""A test's outside requirement (PostgreSQL, moto, chromium) that is missing: skip, or fail under CI.

`.ci/run` installs every one of them, so under CI (``CI=true``) a missing one is a failure, never a skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(what: str, reason: str) -> NoReturn:
    """Skip the test for `reason`, or fail it when running under CI, where `what` must be there."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} is required under CI: {reason}", pytrace=False)
    pytest.skip(reason)
