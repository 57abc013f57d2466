"""Sending the queue: due entries in batches, each item's answer handled, media handed to the uploader."""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import requests
from pydantic import ValidationError

from app.store.outbox import CONFLICT_CODE
from app.store.outbox import OutboxEntry
from app.store.retention import observe_clock
from sync.client.clock import iso, utc_now
from sync.client.config import FAR_FUTURE
from sync.client.errors import SyncError
from sync.client.http import problem_of, refused
from sync.client.payload import build_payload, compact, field_names, has_biometrics, reasons_json, reasons_message
from sync.client.run import Ack, Prepared, Run, SyncReport
from sync.client.uploader import CLIENT_BUNDLE_BYTES, Uploader
from sync.protocol import BatchResponse, ItemOutcome, ItemResult, Paths, ServerStatus, build_item
from sync.protocol_caps import Capabilities
from sync.protocol_problems import Problems

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["send_outbox"]


def send_outbox(pump: "SyncPump", report: SyncReport, progress_cb, force: bool, caps: Capabilities,
                meanwhile: Callable[[], object] | None = None) -> Run:
    """Send every due entry (all of them when `force`), oldest first; returns the run.
    `meanwhile` runs on a thread of its own once the first batch is on its way (not at all
    when nothing is sent); its failure is the run's."""
    when = FAR_FUTURE if force else iso(utc_now())
    total, total_bytes = pump.outbox.due_totals(when)
    run = Run(pump, report, progress_cb, total, total_bytes)
    pump._active_run = run
    run.emit("send", force=True)
    batch = max(1, min(pump.batch_size, caps.max_batch_items))
    size = min(batch, pump.first_batch)
    uploader = Uploader(run, caps.max_chunk_bytes, pump.upload_workers,
                        min(caps.max_bundle_bytes, CLIENT_BUNDLE_BYTES))
    seen: set[str] = set()
    # Two batches on their way at once: the next one's records travel while the answer to the
    # previous one is on its way back, so the uplink never waits a round trip for them.
    poster = cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix="jemput-batch")  # two batches, `meanwhile`
    in_flight: tuple[list[Prepared], cf.Future] | None = None
    side: cf.Future | None = None
    try:
        while True:
            pump._check_abort()
            if pump._caps_stale:  # an answer said the server changed: its limits and offers, again
                caps = pump._capabilities()
                batch = max(1, min(pump.batch_size, caps.max_batch_items))
            uploader.raise_if_failed()
            uploader.wait_below(2 * batch)
            run.flush_acks()
            uploader.raise_if_failed()
            entries = [e for e in pump.outbox.pending(limit=len(seen) + size, now=when)
                       if e.recording_uuid not in seen][:size]
            posted = None
            if entries:
                for e in entries:
                    seen.add(e.recording_uuid)
                    with run.lock:
                        run.open[e.recording_uuid] = e
                preps = _prepare(pump, entries, run, caps)
                if preps:
                    posted = (preps, poster.submit(_post, pump, preps, run))
            if in_flight is not None:
                _delivered(pump, run, uploader, *in_flight)
                if side is None and meanwhile is not None:  # beside the media, after the first answer
                    side = poster.submit(meanwhile)
            in_flight = posted
            if not entries and in_flight is None:
                break
            size = batch
        run.emit("media", force=True)
        uploader.finish()
        run.flush_acks()
        if side is not None:
            side.result()
    finally:
        poster.shutdown(wait=True, cancel_futures=True)
        uploader.shutdown()
        run.flush_acks()
    return run


def _delivered(pump: "SyncPump", run: Run, uploader: Uploader, preps: list[Prepared], posted: cf.Future) -> None:
    """The answer to a posted batch: note what the server stored, hand the media to the uploader."""
    answered = posted.result()
    # Stored on the server (media may still be on the way): from now on
    # the recording is locked for editing (an edit would be a conflict).
    pump.outbox.mark_delivered([
        (p.uuid, r.status.value, p.entry.content_sha256) for p, r in answered
        if r.status is not None and r.outcome is not ItemOutcome.CONFLICT])
    for prep, result in answered:
        _handle(prep, result, run, uploader)
    uploader.flush_bundle()


def _prepare(pump: "SyncPump", entries: list[OutboxEntry], run: Run, caps: Capabilities) -> list[Prepared]:
    meta = pump.recordings.media_meta([e.recording_uuid for e in entries])
    preps = []
    for entry in entries:
        rec = pump.recordings.find(entry.recording_uuid)
        if rec is None:
            with run.lock:
                run.open.pop(entry.recording_uuid, None)
            continue
        media = meta.get(rec.uuid, [])
        if not caps.biometrics and has_biometrics(rec, media):  # an older server would refuse the batch
            run.add_bytes(sum(m[3] for m in media))
            run.park(rec.uuid, "sync.server_no_biometrics")
            continue
        try:
            payload = build_payload(rec, media)
        except ValidationError as exc:
            run.add_bytes(sum(m[3] for m in media))
            run.park(rec.uuid, "sync.payload_invalid", {"fields": field_names(exc)})
            continue
        item = build_item(rec.uuid, payload)
        preps.append(Prepared(entry, rec.uuid, compact(item), {sha: (kind, size) for kind, sha, _m, size in media}))
    return preps


def _post(pump: "SyncPump", preps: list[Prepared], run: Run) -> list[tuple[Prepared, ItemResult]]:
    """POST one batch; split it when the server finds it too big or malformed."""
    body = b'{"items":[' + b",".join(p.body for p in preps) + b"]}"

    def parse(resp: requests.Response) -> Any:
        if resp.status_code == 200:
            return BatchResponse.model_validate_json(resp.content)
        return resp

    data, headers = pump.http.json_body(body)
    answer = pump.http.call("POST", Paths.BATCH, data=data, headers=headers, parse=parse)
    with run.lock:
        run.report.sent += len(preps)
    if isinstance(answer, BatchResponse):
        observe_clock(pump.store, answer.server_time, local_now=utc_now())  # before its verdicts are stamped
        results = answer.results
        if len(results) != len(preps) or any(r.uuid != p.uuid for r, p in zip(results, preps)):
            raise SyncError("server", "sync.answer_mismatch")
        with run.lock:  # the structured reasons travel to `flush_acks` beside the `Ack`
            run.reasons.update((r.uuid, reasons_json(r.reasons)) for r in results)
        return list(zip(preps, results))
    resp: requests.Response = answer
    problem = problem_of(resp)
    code = problem.code if problem else ""
    with run.lock:
        run.report.sent -= len(preps)
    if resp.status_code == 413 and code == Problems.BATCH_TOO_LARGE.code:
        limit = (problem.details or {}).get("limit") if problem else None
        pump._forget_capabilities()
        if isinstance(limit, int) and limit >= 1:
            pump.batch_size = min(pump.batch_size, limit)
    if resp.status_code in (413, 422) and len(preps) > 1:
        half = len(preps) // 2
        return _post(pump, preps[:half], run) + _post(pump, preps[half:], run)
    if resp.status_code in (413, 422):
        run.park(preps[0].uuid, "sync.item_refused",
                 {"status": resp.status_code, "words": problem.message if problem else ""})
        return []
    raise refused(resp)


def _handle(prep: Prepared, result: ItemResult, run: Run, uploader: Uploader) -> None:
    message = reasons_message(result.reasons) or None
    unsent = sum(size for _kind, size in prep.media.values())  # for the progress bar: nothing more to send
    if result.outcome is ItemOutcome.CONFLICT:
        run.add_bytes(unsent)
        run.park(prep.uuid, CONFLICT_CODE)
        return
    if result.status is None:  # not stored (e.g. the payload hash did not match)
        run.add_bytes(unsent)
        if message:
            run.park(prep.uuid, "sync.not_stored_because", {"reasons": message})
        else:
            run.park(prep.uuid, "sync.not_stored")
        return
    ack = Ack(prep.uuid, result.status.value, prep.entry.content_sha256, message)
    if result.status is ServerStatus.REJECTED:
        run.add_bytes(unsent)
        run.queue_ack(ack)  # a verdict: nothing more to send; the operator fixes it as a new version
        return
    missing = [m for m in result.media if not m.complete]
    complete_bytes = sum(m.size for m in result.media if m.complete)
    if complete_bytes:
        run.add_bytes(complete_bytes)
    if not missing:
        run.queue_ack(ack)
        return
    uploader.add(prep, missing, ack)
