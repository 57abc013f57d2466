"""A batch asks the media store only about files whose upload is under way (issue 15: on
object storage each question is a LIST request, two per recording before). A file the
database has never seen has no upload under way, so the answer is "nothing held" without
asking, even if the store holds its bytes (a bucket restored beside an older database): the
laptop then sends it, the store keeps the copy it has, and the recording is received in full."""

from __future__ import annotations

import sqlalchemy as sa

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle

from serverkit import make_recording


def test_a_file_new_to_the_database_is_not_asked_about_and_still_completes(app, authed, people):
    store = app.state.media
    rec = make_recording(people.resident("13.72"), photo_size=2000)
    (photo_sha, photo), = [(sha, data) for sha, data in rec.media.items() if data[:2] == b"\xff\xd8"]
    assert store.put_whole(photo_sha, photo, kind="photo") == (store.held(photo_sha), True)  # already in the store

    r = authed.post(protocol.Paths.BATCH, json={"items": [rec.item]})
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["outcome"] == "accepted"
    assert {m["sha256"]: (m["offset"], m["complete"]) for m in result["media"]} == {
        sha: (0, False) for sha in rec.media}, "new files: nothing held, the store not asked"
    assert result["received_complete"] is False

    r = authed.post(protocol.Paths.MEDIA_BUNDLE, content=encode_bundle(list(rec.media.items())),
                    headers={"Content-Type": BUNDLE_CONTENT_TYPE})
    assert r.status_code == 200 and all(x["complete"] for x in r.json()["results"]), r.text
    assert store.read(photo_sha) == photo
    with app.state.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT received_complete FROM recordings")).scalar_one()
        assert conn.execute(sa.text("SELECT count(*) FROM media_blobs WHERE complete")).scalar_one() == 2


def test_an_upload_under_way_is_resumed_from_what_the_store_holds(app, authed, people):
    """The other side: a file with a row and an upload begun is asked about, and the
    next batch that lists it answers the offset held (the laptop resumes there)."""
    store = app.state.media
    rec = make_recording(people.resident("13.72"), photo_size=6000)
    assert authed.post(protocol.Paths.BATCH, json={"items": [rec.item]}).status_code == 200
    photo_sha, photo = max(rec.media.items(), key=lambda kv: len(kv[1]))
    store.append(photo_sha, 0, photo[:4096], len(photo), kind="photo")
    again = authed.post(protocol.Paths.BATCH, json={"items": [rec.item]}).json()["results"][0]
    assert again["outcome"] == "already_have"
    offsets = {m["sha256"]: m["offset"] for m in again["media"]}
    assert offsets[photo_sha] == 4096
