"""The schema, as ordered sqlite-utils migrations applied when a profile opens.

Each migration runs in one transaction with the row that records it (sqlite-
utils ``Migrations``) and sets ``PRAGMA user_version`` to its number, so the
schema version is the count of applied migrations. A file carrying a migration
this build does not know (or a higher ``user_version``) comes from a newer
release and is refused untouched. Migrations are snapshots: never edit one that
has shipped; add the next one instead.

The version of a migration is its place in the registration order. The shipped
bodies live in `app.store.migrations_0001_0010` and `app.store.migrations_0011_0021`
and are registered below, in order; a new migration is a function here under
``@_migration("NNNN_name")``, after them.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

from app.store import migrations_0001_0010, migrations_0011_0021
from app.store.errors import SchemaTooNew

MIGRATION_SET = "jemput"
migrations = Migrations(MIGRATION_SET)
NAMES: list[str] = []


def _migration(name: str) -> Callable:
    def register(fn: Callable[[sqlite_utils.Database], None]) -> Callable:
        version = len(NAMES) + 1

        def run(db: sqlite_utils.Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")

        run.__name__ = name
        migrations(name=name)(run)
        NAMES.append(name)
        return fn

    return register


_SHIPPED: tuple[tuple[str, Callable[[sqlite_utils.Database], None]], ...] = (
    ("0001_base", migrations_0001_0010.base),
    ("0002_targets_fts", migrations_0001_0010.targets_fts),
    ("0003_recording_area", migrations_0001_0010.recording_area),
    ("0004_targets_area_by_name", migrations_0001_0010.targets_area_by_name),
    ("0005_targets_recorded_elsewhere", migrations_0001_0010.targets_recorded_elsewhere),
    ("0006_retention_and_target_kk", migrations_0001_0010.retention_and_target_kk),
    ("0007_server_reasons", migrations_0001_0010.server_reasons),
    ("0008_outbox_content_hash_and_codes", migrations_0001_0010.outbox_content_hash_and_codes),
    ("0009_media_flags", migrations_0001_0010.media_flags),
    ("0010_categories_and_visit_outcomes", migrations_0001_0010.categories_and_visit_outcomes),
    ("0011_trips_and_school", migrations_0011_0021.trips_and_school),
    ("0012_people_and_key_slots", migrations_0011_0021.people_and_key_slots),
    ("0013_audit_chain", migrations_0011_0021.audit_chain),
    ("0014_biometrics", migrations_0011_0021.biometrics),
    ("0015_approvals", migrations_0011_0021.approvals),
    ("0016_schedules", migrations_0011_0021.schedules),
    ("0017_card_delivery", migrations_0011_0021.card_delivery),
    ("0018_registrations", migrations_0011_0021.registrations),
    ("0019_category_marks", migrations_0011_0021.category_marks),
    ("0020_progress_summary", migrations_0011_0021.progress_summary),
    ("0021_recorded_here", migrations_0011_0021.recorded_here),
)
for _name, _body in _SHIPPED:
    _migration(_name)(_body)
del _name, _body


LATEST_VERSION = len(NAMES)


def applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def schema_version(db: sqlite_utils.Database) -> int:
    """How many of this build's migrations the file has (0 for a new file)."""
    return sum(1 for name in applied_names(db) if name in NAMES)


def check_not_newer(db: sqlite_utils.Database) -> None:
    """Raise `SchemaTooNew` if the file has migrations this build does not know."""
    unknown = [name for name in applied_names(db) if name not in NAMES]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or user_version > LATEST_VERSION:
        raise SchemaTooNew()


def migrate(
    db: sqlite_utils.Database, *, before_upgrade: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Apply pending migrations; return (version before, version after).

    `before_upgrade(version)` runs first when the file holds an older, non-empty
    schema (the caller copies the file aside there).
    """
    check_not_newer(db)
    before = schema_version(db)
    if before == LATEST_VERSION:
        return before, before
    if before > 0 and before_upgrade is not None:
        before_upgrade(before)
    migrations.apply(db)
    return before, schema_version(db)


def build_at_version(db: sqlite_utils.Database, version: int) -> None:
    """Bring an empty (or older) database to exactly `version` (tests and tooling)."""
    if not 0 <= version <= LATEST_VERSION:
        raise ValueError(f"versi skema tidak dikenal: {version}")
    if version == LATEST_VERSION:
        migrations.apply(db)
    elif version > 0:
        migrations.apply(db, stop_before=NAMES[version])
