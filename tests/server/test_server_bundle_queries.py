"""A media bundle's database work does not grow with its file count (issue 15 item 4):
its files are looked up in one query, not one each."""

from __future__ import annotations

import sqlalchemy as sa

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle

from serverkit import make_recording


def _statements_for_bundle(app, authed, people, count: int) -> int:
    recs = [make_recording(people.resident("13.72"), photo_size=4000) for _ in range(count)]
    r = authed.post(protocol.Paths.BATCH, json={"items": [rec.item for rec in recs]})
    assert r.status_code == 200 and {x["outcome"] for x in r.json()["results"]} == {"accepted"}, r.text
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - the statement's SQL
    sa.event.listen(app.state.engine, "before_cursor_execute", listener)
    try:
        files = [(sha, data) for rec in recs for sha, data in rec.media.items()]
        r = authed.post(protocol.Paths.MEDIA_BUNDLE, content=encode_bundle(files),
                        headers={"Content-Type": BUNDLE_CONTENT_TYPE})
    finally:
        sa.event.remove(app.state.engine, "before_cursor_execute", listener)
    assert r.status_code == 200 and all(x["complete"] for x in r.json()["results"]), r.text
    assert len(r.json()["results"]) == 2 * count
    return len(statements)


def test_a_bundle_of_many_files_takes_no_more_statements_than_one_of_few(app, authed, people):
    few = _statements_for_bundle(app, authed, people, 1)
    many = _statements_for_bundle(app, authed, people, 8)
    assert many == few, (few, many)
