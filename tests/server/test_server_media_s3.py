"""What only the object-storage media store has: key prefixes sharing a bucket,
the fallback for storage without conditional writes, and a bucket that cannot be used."""

from __future__ import annotations

import hashlib

import pytest

from sync.server.media_s3 import MediaStorageError, S3Location, S3MediaStore, normal_prefix
from sync.server.media_store import Held
from support.images import image_bytes

CHUNK = 4096


def _photo() -> tuple[str, bytes]:
    data = image_bytes(3 * CHUNK + 7, "jpeg")
    return hashlib.sha256(data).hexdigest(), data


def test_two_servers_share_a_bucket_under_their_own_prefixes(moto_s3):
    bucket = moto_s3.new_bucket()
    palembang = S3MediaStore(S3Location(bucket, moto_s3.url, "us-east-1", "1671/"))
    padang = S3MediaStore(S3Location(bucket, moto_s3.url, "us-east-1", "1371/"))
    sha, data = _photo()
    palembang.put_whole(sha, data)
    assert palembang.held(sha) == Held(len(data), True)
    assert padang.held(sha) == Held(0, False) and padang.counts() == (0, 0)
    assert set(moto_s3.objects(bucket)) == {f"1671/media/{sha}"}
    assert moto_s3.objects(bucket)[f"1671/media/{sha}"] == data


def test_storage_without_conditional_writes_gets_the_look_first_fallback(moto_s3):
    store = S3MediaStore(S3Location(moto_s3.new_bucket(), moto_s3.url, "us-east-1"))
    assert store.conditional is True  # moto honours If-None-Match
    store.conditional = False  # as on storage that ignores it
    other = S3MediaStore(store.location)
    other.conditional = False
    sha, data = _photo()
    assert store.append(sha, 0, data[:CHUNK], len(data)) == Held(CHUNK, False)
    assert other.append(sha, CHUNK, data[CHUNK:2 * CHUNK], len(data)) == Held(2 * CHUNK, False)
    # The same chunk again (a racing copy): the same bytes at the same offset, nothing torn.
    store.s3.put_object(Bucket=store.bucket, Key=store._chunk(sha, CHUNK), Body=data[CHUNK:2 * CHUNK])
    assert store.held(sha) == Held(2 * CHUNK, False)
    store.append(sha, 2 * CHUNK, data[2 * CHUNK:3 * CHUNK], len(data))
    assert other.append(sha, 3 * CHUNK, data[3 * CHUNK:], len(data)) == Held(len(data), True)
    assert store.read(sha) == data
    assert other.put_whole(sha, data) == (Held(len(data), True), False)
    assert store.counts() == (1, 0)


def test_a_whole_file_is_one_request_and_makes_an_earlier_upload_moot(moto_s3):
    """With conditional writes a whole file is one put-if-absent request (no LIST first);
    chunks of an earlier upload of it are not counted, and the next look deletes them."""
    store = S3MediaStore(S3Location(moto_s3.new_bucket(), moto_s3.url, "us-east-1"))
    sha, data = _photo()
    store.append(sha, 0, data[:CHUNK], len(data))
    calls: list[str] = []
    store.s3.meta.events.register("before-call.s3", lambda model, **_: calls.append(model.name))
    assert store.put_whole(sha, data) == (Held(len(data), True), True)
    assert calls == ["PutObject"]
    assert store.put_whole(sha, data) == (Held(len(data), True), False)  # there already: told so, left alone
    assert calls == ["PutObject", "PutObject"]
    assert store.counts() == (1, 0)  # the moot chunk is not an upload in progress
    assert set(moto_s3.objects(store.bucket)) == {f"media/{sha}", store._chunk(sha, 0)}
    assert store.held(sha) == Held(len(data), True)
    assert set(moto_s3.objects(store.bucket)) == {f"media/{sha}"}  # deleted by that look
    assert store.read(sha) == data


def test_a_bucket_that_cannot_be_used_is_refused_with_a_clear_message(moto_s3):
    with pytest.raises(MediaStorageError, match="bucket media 'tidak-ada-bucket' tidak dapat dipakai .bucket tidak ada."):
        S3MediaStore(S3Location("tidak-ada-bucket", moto_s3.url, "us-east-1"))


@pytest.mark.parametrize("hostile", ["../x", "a/../b", "x\ny", "a" * 201])
def test_a_hostile_key_prefix_is_refused(hostile):
    with pytest.raises(ValueError):
        normal_prefix(hostile)


def test_a_prefix_is_made_to_end_in_one_slash():
    assert normal_prefix(" /jemput/1671 ") == "jemput/1671/"
    assert normal_prefix("") == normal_prefix(None) == ""


def test_run_refuses_a_bucket_it_cannot_use_before_it_says_ready(moto_s3, tmp_path):
    import os

    from support.server import server_cli

    server_cli("migrate", "--data", tmp_path)
    proc = server_cli("run", "--data", tmp_path, "--port", "0", "--media-s3-bucket", "tidak-ada-bucket",
                      "--media-s3-endpoint", moto_s3.url, check=False)
    assert proc.returncode == 1
    assert "bucket media 'tidak-ada-bucket' tidak dapat dipakai (bucket tidak ada)" in proc.stderr
    assert "siap" not in proc.stdout
    assert os.environ["AWS_SECRET_ACCESS_KEY"] not in proc.stderr  # the secret key is never shown


def test_status_counts_the_bucket_named_in_the_environment(moto_s3, tmp_path):
    import json
    import os
    import subprocess

    from support.server import SERVER_CMD

    bucket = moto_s3.new_bucket()
    store = S3MediaStore(S3Location(bucket, moto_s3.url, "us-east-1", "1671/"))
    (sha, data), (sha2, data2) = _photo(), _photo()
    store.put_whole(sha, data)
    store.append(sha2, 0, data2[:CHUNK], len(data2))
    env = {**os.environ, "JEMPUT_MEDIA_S3_BUCKET": bucket, "JEMPUT_MEDIA_S3_ENDPOINT": moto_s3.url,
           "JEMPUT_MEDIA_S3_PREFIX": "1671"}
    proc = subprocess.run([*SERVER_CMD, "status", "--data", str(tmp_path), "--json"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    counts = json.loads(proc.stdout)
    assert (counts["berkas_media"], counts["berkas_sebagian"]) == (1, 1)
    assert not (tmp_path / "media" / sha).exists()


def test_a_storage_that_does_not_answer_is_named_as_such(tmp_path):
    from support.s3 import _free_port

    with pytest.raises(MediaStorageError, match="layanan penyimpanan tidak terjangkau"):
        S3MediaStore(S3Location("jemput", f"http://127.0.0.1:{_free_port()}", "us-east-1"))


def test_without_boto3_run_says_what_to_install(moto_s3, tmp_path):
    """A server installed before boto3 joined the `server` extra: a clear refusal, no traceback."""
    import subprocess
    import sys

    from support.server import server_cli

    server_cli("migrate", "--data", tmp_path)
    hide = ("import sys; sys.modules['botocore'] = None; sys.modules['boto3'] = None; "
            "from sync.server.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", hide, "run", "--data", str(tmp_path), "--port", "0",
                           "--media-s3-bucket", "jemput", "--media-s3-endpoint", moto_s3.url],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "paket boto3 belum terpasang. Pasang dengan: pip install 'jemput[server]'" in proc.stderr
    assert "Traceback" not in proc.stderr
