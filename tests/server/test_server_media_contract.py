"""One contract, two media stores: the data folder (`FolderMediaStore`) and an
S3-compatible bucket (`S3MediaStore`, against moto's server process on 127.0.0.1).

Each test runs on both (the folder store twice: with unnamed files, ``O_TMPFILE``, and with
named temporary files, as on a file system without it). "Another process" is a second store
object over the same folder or bucket (its own S3 client): what several server machines see.
"""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_store import Held, MediaStore
from support.images import image_bytes

CHUNK = 4096


@pytest.fixture(params=["folder", "folder-named-temps", "s3"])
def stores(request, tmp_path):
    """Factory: ``stores()`` a new store over this test's folder/bucket (each call another "process").
    "folder-named-temps": the folder store as on a file system without ``O_TMPFILE``."""
    if request.param.startswith("folder"):
        from sync.server.media_folder import FolderMediaStore

        unnamed = request.param == "folder"
        return lambda: FolderMediaStore(tmp_path / "media", tmp_path / "media" / "partial", unnamed_files=unnamed)
    from sync.server.media_s3 import S3Location, S3MediaStore

    moto = request.getfixturevalue("moto_s3")
    location = S3Location(moto.new_bucket(), moto.url, "us-east-1", "kab/1671/")
    return lambda: S3MediaStore(location)


@pytest.fixture
def store(stores) -> MediaStore:
    return stores()


def _photo(size: int = 3 * CHUNK + 100) -> tuple[str, bytes]:
    data = image_bytes(size, "jpeg")
    return hashlib.sha256(data).hexdigest(), data


def _refused(call, spec) -> dict:  # noqa: ANN001
    with pytest.raises(ProblemError) as caught:
        call()
    assert caught.value.spec is spec, caught.value.spec
    return caught.value.details


def _send(store: MediaStore, sha: str, data: bytes, start: int = 0, stop: int | None = None) -> Held:
    """Chunks of `data` from `start` up to `stop` (default: the end)."""
    held = Held(start, False)
    for offset in range(start, len(data) if stop is None else stop, CHUNK):
        held = store.append(sha, offset, data[offset:offset + CHUNK], len(data))
    return held


def test_nothing_is_held_of_an_unknown_file(store):
    sha, _data = _photo()
    assert store.held(sha) == Held(0, False)
    assert store.counts() == (0, 0)
    with pytest.raises(FileNotFoundError):
        store.read(sha)
    assert store.delete(sha) is False


def test_a_resumable_upload_is_seen_by_another_process_and_completes_byte_exact(stores):
    first, second = stores(), stores()
    sha, data = _photo()
    assert first.append(sha, 0, data[:CHUNK], len(data)) == Held(CHUNK, False)
    assert second.held(sha) == Held(CHUNK, False)  # the next chunk may land on another machine
    assert second.append(sha, CHUNK, data[CHUNK:2 * CHUNK], len(data)) == Held(2 * CHUNK, False)
    assert first.counts() == (0, 1)
    assert first.append(sha, 2 * CHUNK, data[2 * CHUNK:3 * CHUNK], len(data)) == Held(3 * CHUNK, False)
    assert second.append(sha, 3 * CHUNK, data[3 * CHUNK:], len(data)) == Held(len(data), True)
    assert first.held(sha) == Held(len(data), True)
    assert first.read(sha) == data
    assert first.counts() == (1, 0)  # no chunk left behind


def test_a_chunk_at_the_wrong_offset_is_answered_with_what_is_held(store):
    sha, data = _photo()
    store.append(sha, 0, data[:CHUNK], len(data))
    for wrong in (0, CHUNK - 1, 2 * CHUNK):
        assert _refused(lambda: store.append(sha, wrong, data[wrong:wrong + CHUNK], len(data)),
                        Problems.OFFSET_MISMATCH) == {"offset": CHUNK, "complete": False}
    _send(store, sha, data, CHUNK)
    assert _refused(lambda: store.append(sha, 0, data[:CHUNK], len(data)),
                    Problems.OFFSET_MISMATCH) == {"offset": len(data), "complete": True}
    assert store.append(sha, len(data), b"", len(data)) == Held(len(data), True)  # an empty probe at the end
    assert store.read(sha) == data


def test_a_chunk_beyond_the_declared_size_is_refused(store):
    sha, data = _photo()
    details = _refused(lambda: store.append(sha, 0, data + b"x", len(data)), Problems.MEDIA_BEYOND_SIZE)
    assert details["offset"] == 0
    assert store.held(sha) == Held(0, False)


def test_a_file_whose_bytes_do_not_match_its_hash_is_discarded(store):
    sha, data = _photo()
    lying = data[:-1] + bytes([data[-1] ^ 1])
    _send(store, sha, lying, stop=3 * CHUNK)
    _refused(lambda: store.append(sha, 3 * CHUNK, lying[3 * CHUNK:], len(data)), Problems.MEDIA_HASH_MISMATCH)
    assert store.held(sha) == Held(0, False)
    assert store.counts() == (0, 0)
    assert _send(store, sha, data) == Held(len(data), True)  # sent again, right this time
    assert store.read(sha) == data


def test_a_whole_file_that_is_no_image_writes_nothing(store):
    junk = b"\xff\xd8\xff" + bytes(5000)
    sha = hashlib.sha256(junk).hexdigest()
    details = _refused(lambda: store.append(sha, 0, junk, len(junk)), Problems.MEDIA_NOT_IMAGE)
    assert details["check"]
    _refused(lambda: store.put_whole(sha, junk), Problems.MEDIA_NOT_IMAGE)
    assert store.held(sha) == Held(0, False) and store.counts() == (0, 0)


def test_put_whole_writes_once_and_ends_an_upload_in_progress(stores):
    store, other = stores(), stores()
    sha, data = _photo()
    store.append(sha, 0, data[:CHUNK], len(data))
    assert store.put_whole(sha, data) == (Held(len(data), True), True)
    assert other.put_whole(sha, data) == (Held(len(data), True), False)  # already there: left alone
    assert other.held(sha) == Held(len(data), True)
    assert store.counts() == (1, 0)
    wrong_sha, _ = _photo()
    _refused(lambda: store.put_whole(wrong_sha, data), Problems.MEDIA_HASH_MISMATCH)
    assert store.held(wrong_sha) == Held(0, False)


def test_put_many_answers_each_file_in_order_and_stores_the_good_ones(stores, tmp_path):
    store, other = stores(), stores()
    (sha, data), (sha2, data2), (held_sha, held_data), (wrong_sha, _) = _photo(), _photo(), _photo(), _photo()
    junk = b"not an image at all" * 10
    other.put_whole(held_sha, held_data)  # complete already: left alone
    store.append(sha2, 0, data2[:CHUNK], len(data2))  # an upload in progress ends
    answers = store.put_many([(sha, data, "photo"), (wrong_sha, data, "photo"),
                              (hashlib.sha256(junk).hexdigest(), junk, "photo"), (sha2, data2, "photo"),
                              (held_sha, held_data, "photo"), (sha, data, "photo")])
    assert answers[0] == (Held(len(data), True), True)
    assert answers[1].spec is Problems.MEDIA_HASH_MISMATCH and answers[2].spec is Problems.MEDIA_NOT_IMAGE
    assert answers[3] == (Held(len(data2), True), True)
    assert answers[4] == (Held(len(held_data), True), False)
    assert answers[5] == (Held(len(data), True), False)  # the same file twice: written once
    assert [other.read(s) for s in (sha, sha2, held_sha)] == [data, data2, held_data]
    assert other.counts() == (3, 0) and other.held(wrong_sha) == Held(0, False)
    assert store.put_many([]) == []
    partial = tmp_path / "media" / "partial"
    if partial.exists():  # the folder store: no temporary file left behind
        assert sorted(p.name for p in partial.iterdir()) == []


def test_put_many_from_two_processes_at_once_stores_each_file_once(stores):
    files = [_photo() for _ in range(6)]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda s: s.put_many([(sha, data, "photo") for sha, data in files]),
                                [stores(), stores()]))
    for i, (sha, data) in enumerate(files):
        assert {a[i][0] for a in answers} == {Held(len(data), True)}
        assert sum(a[i][1] for a in answers) >= 1  # at least one wrote it; both may have raced to it
    store = stores()
    assert store.counts() == (6, 0) and all(store.read(sha) == data for sha, data in files)


def test_delete_removes_the_file_and_any_upload_of_it(store):
    (sha, data), (sha2, data2) = _photo(), _photo()
    store.put_whole(sha, data)
    store.append(sha2, 0, data2[:CHUNK], len(data2))
    assert store.counts() == (1, 1)
    assert store.delete(sha) is True and store.delete(sha2) is False
    assert store.counts() == (0, 0)
    assert store.held(sha) == Held(0, False) and store.held(sha2) == Held(0, False)
    with pytest.raises(FileNotFoundError):
        store.read(sha)


def test_the_same_chunk_from_many_processes_at_once_is_written_once(stores):
    sha, data = _photo()
    processes = [stores() for _ in range(4)]

    def put(n: int, offset: int) -> Held | dict:
        try:
            return processes[n % 4].append(sha, offset, data[offset:offset + CHUNK], len(data))
        except ProblemError as exc:
            assert exc.spec is Problems.OFFSET_MISMATCH
            return exc.details

    for offset in range(0, len(data), CHUNK):
        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(lambda n: put(n, offset), range(12)))
        written = [a for a in answers if isinstance(a, Held)]
        end = min(offset + CHUNK, len(data))
        assert written == [Held(end, end == len(data))], answers
        assert all(a == {"offset": end, "complete": end == len(data)} for a in answers if isinstance(a, dict)), (
            offset, answers)
    assert processes[0].read(sha) == data
    assert processes[0].counts() == (1, 0)


def test_a_name_that_is_no_sha256_is_never_used(store):
    for bad in ("../etc/passwd", "AB" * 32, "", "a" * 63):
        with pytest.raises(ValueError):
            store.held(bad)
        with pytest.raises(ValueError):
            store.read(bad)


def test_held_many_answers_for_each_file_as_held_does(store):
    (done, data), (half, data2), (none, _) = _photo(), _photo(), _photo()
    store.put_whole(done, data)
    store.append(half, 0, data2[:CHUNK], len(data2))
    assert store.held_many([done, half, none]) == {done: Held(len(data), True), half: Held(CHUNK, False),
                                                   none: Held(0, False)}
    assert store.held_many([]) == {}


def test_a_file_is_checked_as_what_its_kind_claims(store):
    from support.biometrics import noise_iris_record

    iris = noise_iris_record(eye_label=2)  # the left eye
    sha = hashlib.sha256(iris).hexdigest()
    step = max(1, len(iris) // 3)
    _refused(lambda: store.put_whole(sha, iris, kind="photo"), Problems.MEDIA_NOT_IMAGE)  # not a JPEG/PNG
    held = Held(0, False)
    for offset in range(0, len(iris), step):  # resumable, checked as an iris record on its last byte
        held = store.append(sha, offset, iris[offset:offset + step], len(iris), "iris_left")
    assert held == Held(len(iris), True) and store.read(sha) == iris
    photo_sha, photo = _photo()
    _refused(lambda: store.put_whole(photo_sha, photo, kind="finger_03"), Problems.MEDIA_NOT_BIOMETRIC)
    _send(store, photo_sha, photo, stop=3 * CHUNK)
    _refused(lambda: store.append(photo_sha, 3 * CHUNK, photo[3 * CHUNK:], len(photo), "iris_right"),
             Problems.MEDIA_NOT_BIOMETRIC)
    assert store.held(photo_sha) == Held(0, False)  # the chunks went with the refusal


def test_uploads_left_behind_are_dropped_and_the_laptop_starts_them_again(stores):
    """A stale upload (no chunk since the cutoff) goes; a fresh one, a complete file and the other
    machines' view stay as they were; the laptop coming back is told offset 0 and completes it."""
    store, other = stores(), stores()
    (sha_old, old), (sha_new, new), (sha_done, done) = _photo(), _photo(3 * CHUNK + 7), _photo(2 * CHUNK + 1)
    _send(store, sha_old, old, stop=2 * CHUNK)
    _send(store, sha_done, done)
    time.sleep(2.1)  # storage times may count whole seconds
    cutoff = time.time() - 1.0
    _send(store, sha_new, new, stop=CHUNK)
    assert other.drop_stale_uploads(3600, now=cutoff + 3600) == 1
    assert store.held(sha_old) == Held(0, False)
    assert store.held(sha_new) == Held(CHUNK, False) and store.held(sha_done) == Held(len(done), True)
    assert store.counts() == (1, 1)
    assert other.drop_stale_uploads(3600, now=cutoff + 3600) == 0  # nothing more to drop
    assert _send(store, sha_old, old) == Held(len(old), True) and store.read(sha_old) == old
