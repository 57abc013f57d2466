"""A batch's and a media bundle's database work (issue 15 item 4), counted on SQLite and on
PostgreSQL: one connection per request, and a number of statements that does not grow
with the number of recordings or files (multi-row INSERTs with RETURNING, one UPDATE for
all rows, one look-up per table)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle

from serverkit import make_recording

MOST = {"postgresql": (10, 8), "sqlite": (11, 9)}
"""Statements of a batch: the token, the region version, the NIK and file locks, the held
recordings and files, the status numbers, three INSERTs, the target look-up. Of a bundle:
the token, the files expected, the file locks, the devices, the files' UPDATE, the
recordings now complete, the status numbers, the recordings' UPDATE. SQLite has no
advisory locks but its ``BEGIN`` (read, then ``BEGIN IMMEDIATE``) are statements."""


@pytest.fixture(params=["sqlite", "postgresql"])
def app_settings(request, tmp_path):
    from sync.server.settings import Settings

    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return Settings(data_dir=tmp_path / "server", max_chunk_bytes=4096, max_media_bytes=64 * 1024,
                    max_body_bytes=1024 * 1024, max_batch_items=20, database_url=url)


@contextmanager
def _counted(engine):
    """The statements run and the connections checked out meanwhile (lists, filled in)."""
    statements: list[str] = []
    checkouts: list[int] = []
    postgres = engine.dialect.name == "postgresql"

    def on_statement(_conn, _cursor, sql, parameters, _context, executemany) -> None:  # noqa: ANN001
        # PostgreSQL runs an executemany's statement once per row (SQLite runs it in-process);
        # a multi-row INSERT (SQLAlchemy's "insertmanyvalues") is one statement with one dict.
        rows = len(parameters) if executemany and postgres and isinstance(parameters, (list, tuple)) else 1
        statements.extend([sql] * rows)

    on_checkout = lambda *args: checkouts.append(1)  # noqa: E731
    sa.event.listen(engine, "before_cursor_execute", on_statement)
    sa.event.listen(engine, "checkout", on_checkout)
    try:
        yield statements, checkouts
    finally:
        sa.event.remove(engine, "before_cursor_execute", on_statement)
        sa.event.remove(engine, "checkout", on_checkout)


def _batch_and_bundle(app, authed, people, count: int) -> tuple[int, int, int, int]:
    """(statements, checkouts) of a batch of `count` new recordings, then of their bundle."""
    recs = [make_recording(people.resident("13.72"), photo_size=2000) for _ in range(count)]
    with _counted(app.state.engine) as (batch, batch_checkouts):
        r = authed.post(protocol.Paths.BATCH, json={"items": [rec.item for rec in recs]})
    assert r.status_code == 200 and {x["outcome"] for x in r.json()["results"]} == {"accepted"}, r.text
    assert not any(x["received_complete"] for x in r.json()["results"])
    files = [(sha, data) for rec in recs for sha, data in rec.media.items()]
    with _counted(app.state.engine) as (bundle, bundle_checkouts):
        r = authed.post(protocol.Paths.MEDIA_BUNDLE, content=encode_bundle(files),
                        headers={"Content-Type": BUNDLE_CONTENT_TYPE})
    assert r.status_code == 200 and len(r.json()["results"]) == 2 * count
    assert all(x["complete"] for x in r.json()["results"]), r.text
    return len(batch), len(batch_checkouts), len(bundle), len(bundle_checkouts)


def test_a_batch_and_its_bundle_take_a_fixed_few_statements_on_one_connection(app, authed, people):
    _batch_and_bundle(app, authed, people, 1)  # the device's first sync (its first_seen_at) is behind us
    few = _batch_and_bundle(app, authed, people, 1)
    many = _batch_and_bundle(app, authed, people, 12)
    assert many == few, (few, many)
    statements, checkouts, bundle_statements, bundle_checkouts = many
    assert checkouts == 1 and bundle_checkouts == 1
    most_batch, most_bundle = MOST[app.state.engine.dialect.name]
    assert statements <= most_batch and bundle_statements <= most_bundle, many
    with app.state.engine.connect() as conn:  # and all of them were received in full
        assert conn.execute(sa.text("SELECT count(*) FROM recordings WHERE NOT received_complete")).scalar_one() == 0
