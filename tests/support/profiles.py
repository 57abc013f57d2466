"""Encrypted test profiles: one passphrase, a cheap KDF, each kind of template built once and copied per test.

The real KDF is slow on purpose; the templates use cheap argon2id parameters
(they live in profile.json, so every copy opens quickly too). A kind of
template is built once per test worker and copied per test, like anki's
``pylib/tests/shared.py`` (STYLE.md §6).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.store.keys import KdfParams

ROOT = Path(__file__).resolve().parents[2]
SEED_REGIONS = ROOT / "resources" / "regions" / "seed_cities.csv"

PASSPHRASE = "kopi-susu-panas-2024"
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)


def build_profile(directory: Path, *, operator: str | None = None, regions: Path | None = None,
                  approval: bool = False) -> Path:
    """A new profile at `directory` (PASSPHRASE, FAST_KDF); returns `directory`.

    Args:
        operator: None for a bare store; else the profile as `Session.create`
            makes it, with this first operator.
        regions: a ``kode,nama`` CSV of master data to import, or None.
        approval: whether completed recordings wait for a supervisor (``approval.required``). On in a
            real profile; off here unless asked, so the tests written before approval keep their
            "completed means queued" (tests/sync/test_sync_approval.py turns it on).
    """
    from app.session import Session
    from app.store.database import create_profile
    from app.store.regions_store import import_regions_csv

    if operator is None:
        store = create_profile(directory, PASSPHRASE, kdf_params=FAST_KDF)
    else:
        store = Session.create(directory, PASSPHRASE, operator=operator, kdf_params=FAST_KDF).store
    with store:
        from app.store.approvals import REQUIRED_KEY
        from app.store.settings import Settings

        Settings(store).set(REQUIRED_KEY, approval)
        if regions is not None:
            with open(regions, encoding="utf-8") as fh:
                import_regions_csv(store, fh)
    return directory


class ProfileTemplates:
    """Template profiles under `root`, one per set of `build_profile` options, built on first use."""

    def __init__(self, root: Path):
        self.root = root
        self._built: dict[tuple, Path] = {}

    def template(self, **options) -> Path:
        """The template for these `build_profile` options (do not change it: copy it)."""
        key = tuple(sorted((name, str(value)) for name, value in options.items()))
        if key not in self._built:
            self._built[key] = build_profile(self.root / f"template-{len(self._built)}", **options)
        return self._built[key]

    def copy(self, to: Path, **options) -> Path:
        """A fresh copy of the template for these options at `to`; returns `to`."""
        shutil.copytree(self.template(**options), to)
        return to
