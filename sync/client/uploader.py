"""Media uploads on a few threads: small files in bundles, the rest resumable in chunks with offsets."""

from __future__ import annotations

import concurrent.futures as cf
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

import requests

from sync import protocol
from sync.client.errors import Aborted, LocalMediaError, SyncError
from sync.client.http import problem_of, refused
from sync.client.run import Ack, Prepared, Run
from sync.protocol import OFFSET_HEADER, MediaState, Paths
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, BundleResponse, encode_bundle
from sync.protocol_problems import Problems

__all__ = ["Uploader", "CLIENT_BUNDLE_BYTES"]


CLIENT_BUNDLE_BYTES = 1024 * 1024
BUNDLE_HEADROOM = 16 * 1024  # room for the bundle's manifest line
MIN_BUNDLE_BYTES = 128 * 1024  # after failures halve the bundles down to this, then send files one by one
"""The client's own ceiling for a media bundle: on a 1 Mbit/s link about 8 s of
sending, so a connection cut half-way costs little to repeat."""


@dataclass
class BundlePart:
    uuid: str
    kind: str
    state: MediaState
    future: cf.Future


class Uploader:
    """Media uploads on a few threads; a recording is acknowledged when its last file is held.

    Small files the server holds nothing of go several at a time in a media
    bundle (one request, one database transaction on the server); a file the
    bundle could not deliver, and every large or half-sent file, goes the
    resumable way (`_upload_file`: offsets, chunks, 409 resumes).
    """

    def __init__(self, run: Run, chunk_size: int, workers: int, bundle_bytes: int = 0):
        self.run = run
        self.pump = run.pump
        self.chunk = max(1, chunk_size)
        self.bundle_bytes = max(0, bundle_bytes)  # the ceiling (halved after failures; 0: resumable only)
        self.queue: deque[BundlePart] = deque()  # bundled files waiting for a sender
        self.senders = 0
        self.workers = max(1, workers)
        self.pool = cf.ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="jemput-media")
        self.lock = threading.Lock()
        self.by_sha: dict[str, cf.Future] = {}
        self.waiting: dict[str, set[str]] = {}  # recording uuid -> shas still to finish
        self.acks: dict[str, Ack] = {}
        self.error: BaseException | None = None
        self.outstanding = 0
        self.idle = threading.Condition(self.lock)
        self.stopping = threading.Event()  # the run failed: stop at the next chunk

    def add(self, prep: Prepared, states: list[MediaState], ack: Ack) -> None:
        with self.lock:
            self.waiting[prep.uuid] = {s.sha256 for s in states}
            self.acks[prep.uuid] = ack
        for state in states:
            with self.lock:
                fut = self.by_sha.get(state.sha256)
                if fut is None:
                    kind = prep.media.get(state.sha256, (state.kind.value if state.kind else "photo", 0))[0]
                    self.outstanding += 1
                    if self._bundled(state):
                        fut = cf.Future()
                        self.queue.append(BundlePart(prep.uuid, kind, state, fut))
                    else:
                        fut = self.pool.submit(self._upload, prep.uuid, kind, state)
                    self.by_sha[state.sha256] = fut
            fut.add_done_callback(lambda f, u=prep.uuid, s=state.sha256: self._done(u, s, f))

    def _bundled(self, state: MediaState) -> bool:
        """Whether a file goes in a bundle: small, and none of it on the server yet."""
        return self.bundle_bytes > 0 and state.offset == 0 and 0 < state.size <= self.bundle_bytes // 4

    def _take_bundle(self) -> list[BundlePart]:
        """The next bundle from the queue (under `lock`): as many files as one request of this
        link's size holds (`LinkMeter.request_bytes`), at least one."""
        limit = self.pump.http.meter.request_bytes(max(self.bundle_bytes, 1)) - BUNDLE_HEADROOM
        parts: list[BundlePart] = []
        size = 0
        while self.queue and len(parts) < protocol.MAX_BUNDLE_FILES:
            nxt = self.queue[0].state.size
            if parts and size + nxt > limit:
                break
            parts.append(self.queue.popleft())
            size += nxt
        return parts

    def flush_bundle(self) -> None:
        """Start senders (up to the worker count) for the files queued so far."""
        with self.lock:
            start = min(self.workers - self.senders, len(self.queue))
            self.senders += max(0, start)
        for _ in range(max(0, start)):
            self.pool.submit(self._sender)

    def _sender(self) -> None:
        """Send bundles from the queue until it is empty, each sized when it leaves."""
        while True:
            with self.lock:
                failed = self.error if self.error is not None or self.stopping.is_set() else None
                if failed is not None or not self.queue:
                    parts = list(self.queue) if failed is not None else []
                    if failed is not None:
                        self.queue.clear()
                    self.senders -= 1
                    break
                parts = self._take_bundle()
            self._send_bundle(parts)
        for part in parts:  # the run failed: what was still queued fails with it
            part.future.set_exception(failed or Aborted())
            self._finish_one()

    def _local(self, uuid: str, kind: str, state: MediaState) -> bytes:
        """The file's bytes from the laptop's store, checked against what the server expects."""
        items = self.pump.recordings.media(uuid, kind)
        data = items[0].data if items else b""
        if len(data) != state.size or protocol.sha256_hex(data) != state.sha256:
            raise LocalMediaError(uuid)
        return data

    def _send_bundle(self, parts: list[BundlePart]) -> None:
        pump, run = self.pump, self.run
        try:
            ready: list[tuple[BundlePart, bytes]] = []
            for part in parts:
                try:
                    ready.append((part, self._local(part.uuid, part.kind, part.state)))
                except LocalMediaError as exc:
                    part.future.set_exception(exc)
            if not ready:
                return
            pump._check_abort()
            if self.stopping.is_set():
                raise Aborted()
            body = encode_bundle([(p.state.sha256, data) for p, data in ready])

            def parse(r: requests.Response) -> Any:
                if r.status_code != 200:
                    return r
                answer = BundleResponse.model_validate_json(r.content)
                with run.lock:
                    run.report.bytes_media += sum(len(data) for _p, data in ready)
                return answer

            try:
                # One try: a bundle is all or nothing on the wire, so on a link that keeps
                # dropping, the same megabyte again may never get through. Its files go on
                # the resumable way (each one kept once sent), later bundles are smaller.
                answer = pump.http.call("POST", Paths.MEDIA_BUNDLE, data=body, parse=parse,
                                        headers={"Content-Type": BUNDLE_CONTENT_TYPE}, retry=False)
            except SyncError as exc:
                if not exc.transient or isinstance(exc, Aborted):
                    raise
                with self.lock:
                    self.bundle_bytes //= 2
                    if self.bundle_bytes < MIN_BUNDLE_BYTES:
                        self.bundle_bytes = 0
                answer = None
            again: list[tuple[BundlePart, int]] = []
            if isinstance(answer, BundleResponse) and len(answer.results) == len(ready) and all(
                    r.sha256 == p.state.sha256 for r, (p, _d) in zip(answer.results, ready)):
                for result, (part, _data) in zip(answer.results, ready):
                    if result.complete:
                        run.add_bytes(part.state.size)
                        part.future.set_result(None)
                    else:
                        again.append((part, max(0, min(result.offset, part.state.size))))
            else:
                if isinstance(answer, requests.Response) and answer.status_code in (404, 405, 413):
                    with self.lock:
                        self.bundle_bytes = 0  # this server takes no (such) bundles: resumable only
                again = [(part, 0) for part, _data in ready]
            for part, offset in again:  # one by one, the resumable way
                state = part.state.model_copy(update={"offset": offset})
                try:
                    self._upload_file(part.uuid, part.kind, state)
                except BaseException as exc:  # noqa: BLE001 - handed to the future
                    part.future.set_exception(exc)
                else:
                    part.future.set_result(None)
        except BaseException as exc:  # noqa: BLE001 - every file of the bundle fails with it
            for part in parts:
                if not part.future.done():
                    part.future.set_exception(exc)
        finally:
            for _part in parts:
                self._finish_one()

    def _done(self, uuid: str, sha: str, fut: cf.Future) -> None:
        if fut.cancelled():
            return
        exc = fut.exception()
        if isinstance(exc, LocalMediaError):
            with self.lock:
                self.waiting.pop(uuid, None)
                self.acks.pop(uuid, None)
            self.run.park(uuid, exc.code, exc.params)
            return
        with self.lock:
            if exc is not None:
                if self.error is None or isinstance(self.error, Aborted):
                    self.error = exc
                return
            left = self.waiting.get(uuid)
            if left is None:
                return
            left.discard(sha)
            if left:
                return
            del self.waiting[uuid]
            ack = self.acks.pop(uuid)
        self.run.queue_ack(ack)

    def _finish_one(self) -> None:
        with self.lock:
            self.outstanding -= 1
            self.idle.notify_all()

    def _upload(self, uuid: str, kind: str, state: MediaState) -> None:
        try:
            self._upload_file(uuid, kind, state)
        finally:
            self._finish_one()

    def _upload_file(self, uuid: str, kind: str, state: MediaState) -> None:
        pump, run = self.pump, self.run
        sha, size = state.sha256, state.size
        data = self._local(uuid, kind, state)
        offset = min(max(state.offset, 0), size)
        run.add_bytes(offset)  # already on the server
        restarts = finals = 0
        while True:
            pump._check_abort()
            if self.stopping.is_set():
                raise Aborted()
            chunk = data[offset:offset + pump.http.meter.request_bytes(self.chunk)]  # this link's size
            if not chunk:
                # Every byte is there but the server has not verified the file yet
                # (e.g. it died before finishing): an empty chunk at the end asks it to.
                finals += 1
                if finals > 2:
                    raise SyncError("server", "sync.media_unconfirmed")

            def parse(r: requests.Response) -> tuple[requests.Response, MediaState | None]:
                with run.lock:
                    run.report.bytes_media += len(chunk)
                return r, (MediaState.model_validate_json(r.content) if r.status_code == 200 else None)

            resp, held = pump.http.call("PUT", Paths.media(sha), data=chunk, parse=parse, headers={
                OFFSET_HEADER: str(offset), "Content-Type": "application/octet-stream"})
            if held is not None:
                run.add_bytes(held.offset - offset)
                offset = held.offset
                if held.complete:
                    return
                continue
            problem = problem_of(resp)
            details = problem.details if problem else {}
            if resp.status_code == 409:
                new = details.get("offset")
                if not isinstance(new, int):  # no offset in the answer: ask for it
                    head = pump.http.call("HEAD", Paths.media(sha))
                    try:
                        new = int(head.headers.get(OFFSET_HEADER, ""))
                    except ValueError:
                        raise SyncError("server", "sync.media_offset_missing") from None
                    details = {"offset": new, "complete": head.headers.get(protocol.COMPLETE_HEADER) == "1"}
                if details.get("complete"):
                    run.add_bytes(size - offset)
                    return
                run.add_bytes(new - offset)
                offset = new
                continue
            if resp.status_code == 422 and problem and problem.code == Problems.MEDIA_HASH_MISMATCH.code:
                restarts += 1
                if restarts > 2:
                    raise SyncError("media", "sync.media_damaged_in_transit")
                run.add_bytes(-offset)
                offset = 0
                continue
            if resp.status_code == 404:
                raise SyncError("server", "sync.media_unknown", status=404)
            if resp.status_code == 422 and problem and problem.code == Problems.MEDIA_NOT_IMAGE.code:
                raise LocalMediaError(uuid, "sync.media_not_image", {"words": problem.message})
            if resp.status_code == 422 and problem and problem.code == Problems.MEDIA_NOT_BIOMETRIC.code:
                raise LocalMediaError(uuid, "sync.media_not_biometric", {"words": problem.message})
            raise refused(resp)

    def wait_below(self, limit: int) -> None:
        """Back-pressure: block while more than `limit` files are outstanding."""
        with self.lock:
            while self.outstanding > limit and self.error is None:
                self.idle.wait(0.1)

    def raise_if_failed(self) -> None:
        with self.lock:
            exc = self.error
        if exc is not None:
            raise exc

    def finish(self) -> None:
        """Wait for every upload; re-raise the first failure."""
        self.flush_bundle()
        while True:
            with self.lock:
                futures = [f for f in self.by_sha.values() if not f.done()]
            if not futures:
                break
            cf.wait(futures, timeout=0.2)
            self.run.flush_acks()
        self.raise_if_failed()

    def shutdown(self) -> None:
        self.stopping.set()  # after `finish` nothing is running; after a failure, stop soon
        self.pool.shutdown(wait=True, cancel_futures=True)
