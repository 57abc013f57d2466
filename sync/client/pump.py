"""`SyncPump`: one profile's outbox sent to the server and its changes pulled, one run at a time."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import os
import random
import threading
import time
from collections.abc import Callable

import requests
from pydantic import ValidationError

from app.store.errors import NotFound
from app.store.outbox import Outbox
from app.store.registrations import Registrations
from app.store.category_marks import CategoryMarks
from app.store.recordings import RecordingRepo
from app.store.settings import Settings
from app.store.retention import observe_clock
from app.store.sync_keys import REVOKED
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from app.store.card_delivery import CardDelivery
from sync import protocol
from sync.client.batches import send_outbox
from sync.client.clock import iso, parse_iso, utc_now
from sync.client.config import (CAPABILITIES_MAX_AGE_S, FAR_FUTURE, PAUSE_KINDS, TAGGED_CAPABILITIES_MAX_AGE_S, Keys,
                                RetryPolicy, Timeouts)
from sync.client.errors import Aborted, SyncError, Unreached, error_text
from sync.client.feeds import pull_status, pull_targets
from sync.client.http import Http, refused
from sync.client.audit import send_audit, send_trail_early
from sync.client.outcomes import send_outcomes
from sync.client.delivery import send_deliveries
from sync.client.registrations import send_registrations
from sync.client.category_marks import send_category_marks
from sync.client.registration import enroll, normalize_server_url
from sync.client.run import Run, SyncProgress, SyncReport
from sync.client.transport import check_plain_http, normalize_pin
from sync.protocol import Paths
from sync.protocol_caps import CAPS_TAG_HEADER, Capabilities
from sync.protocol_enrollment import EnrollmentResponse

__all__ = ["SyncPump"]

log = logging.getLogger("jemput.sync")


class SyncPump:
    """Sends one profile's outbox to the server and pulls what changed.

    Thread-safe where it matters: `run_once` runs in one thread at a time (a
    second call returns at once with ``skipped``); `abort`, `is_syncing`,
    `last_progress` and `probe` may be called from any thread. The store is
    shared with the window: every write is a short transaction of its own.

    Attributes:
        store: the open profile.
        policy, timeouts: see `RetryPolicy`, `Timeouts`.
        batch_size: recordings per batch (the server's limit wins).
        upload_workers: media uploads in flight at once.
    """

    def __init__(self, store, *, policy: RetryPolicy | None = None, timeouts: Timeouts | None = None,
                 batch_size: int = 50, first_batch: int = 10, upload_workers: int = 4,
                 rng: random.Random | None = None):
        self.store = store
        self.settings = Settings(store)
        self.outbox = Outbox(store)
        self.recordings = RecordingRepo(store)
        self.targets = TargetRepo(store)
        self.visits = VisitOutcomes(store)
        self.deliveries = CardDelivery(store)
        self.registrations = Registrations(store)
        self.category_marks = CategoryMarks(store)
        self.policy = policy or RetryPolicy()
        self.timeouts = timeouts or Timeouts()
        self.batch_size = max(1, min(batch_size, protocol.MAX_BATCH_ITEMS))
        self.first_batch = max(1, first_batch)
        self.upload_workers = max(1, upload_workers)
        self.rng = rng or random.Random()
        self.http = Http(self)
        self._abort = threading.Event()
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._syncing = False
        self._progress: SyncProgress | None = None
        self._caps: Capabilities | None = None
        self._caps_tag: str | None = None  # the tag the held capabilities came with (sync.protocol_caps)
        self._caps_stale = False  # an answer carried another tag: ask again at the next safe point
        self._configured: tuple | None = None
        self._cb_lock = threading.Lock()
        self._active_run: Run | None = None

    # ------------------------------------------------------------------ state

    @property
    def is_syncing(self) -> bool:
        with self._state_lock:
            return self._syncing

    @property
    def last_progress(self) -> SyncProgress | None:
        with self._state_lock:
            return self._progress

    @property
    def last_sync_at(self) -> str | None:
        """When the last run finished without error (ISO UTC), from the settings."""
        return self.settings.get(Keys.LAST_SYNC)

    def seconds_since_last_sync(self) -> float | None:
        last = parse_iso(self.last_sync_at)
        return None if last is None else (utc_now() - last).total_seconds()

    def abort(self) -> None:
        """Ask a running `run_once` to stop at the next safe point (thread-safe)."""
        self._abort.set()

    @property
    def registered(self) -> bool:
        return bool(self.settings.get(Keys.SERVER_URL)) and bool(self.settings.get(Keys.TOKEN))

    @property
    def paused_reason(self) -> str | None:
        """The stored words of the pause (`paused` says whether the queue is paused)."""
        return self.settings.get(Keys.PAUSED)

    @property
    def paused(self) -> bool:
        """The queue is paused: by its code (a pause stored before codes were kept: by its words)."""
        return bool(self.settings.get(Keys.PAUSED_CODE) or self.settings.get(Keys.PAUSED))

    @property
    def revoked(self) -> bool:
        return self.settings.get(Keys.PAUSED_KIND) == REVOKED

    def has_work(self, *, due_only: bool = True) -> bool:
        """Whether queued recordings (`due_only`: whose back-off has passed), visit outcomes, card
        deliveries, registrations or marked categories wait (all but recordings only for a server that
        takes them)."""
        return bool(self.outbox.pending(limit=1, now=None if due_only else FAR_FUTURE)) \
            or (self.visits.pending_count() > 0 and self._may_take("visit_outcomes")) \
            or (self.deliveries.pending_count() > 0 and self._may_take("card_delivery")) \
            or (self.registrations.pending_count() > 0 and self._may_take("registrations")) \
            or (self.category_marks.pending_count() > 0 and self._may_take("category_marks"))

    def _may_take(self, capability: str) -> bool:
        """Whether the server takes `capability` (a Capabilities flag), as last seen (unknown: yes, a run will ask)."""
        caps = self._caps
        if caps is None:
            cached = self.settings.get(Keys.CAPABILITIES)
            try:
                caps = Capabilities.model_validate(cached["caps"]) if isinstance(cached, dict) else None
            except (KeyError, ValueError, TypeError, ValidationError):
                caps = None
        return caps is None or bool(getattr(caps, capability))

    def due(self) -> bool:
        """Whether an automatic run should go now: work is due, not paused, not backing off."""
        if not self.registered or self.paused:
            return False
        nxt = parse_iso(self.settings.get(Keys.NEXT_ATTEMPT))
        if nxt is not None and nxt > utc_now():
            return False
        return self.has_work()

    def resume(self) -> bool:
        """Lift a pause after a 401 (not a revoked device); True if it was lifted."""
        if self.settings.get(Keys.PAUSED_KIND) in ("auth", "protocol"):
            self._clear_pause()
            return True
        return False

    def close(self) -> None:
        self.abort()
        self.http.close()

    # ------------------------------------------------------------------ config

    def _verify(self) -> bool | str:
        bundle = self.settings.get(Keys.CA_BUNDLE)
        if bundle:
            if not os.path.isfile(bundle):
                raise SyncError("config", "sync.ca_missing", {"path": bundle})
            return bundle
        return True

    def _pin(self) -> str | None:
        try:
            return normalize_pin(self.settings.get(Keys.CERT_SHA256))
        except ValueError:
            raise SyncError("config", "sync.cert_pin_invalid") from None

    def _configure(self, *, need_token: bool = True) -> str:
        url = self.settings.get(Keys.SERVER_URL)
        token = self.settings.get(Keys.TOKEN)
        if not url or (need_token and not token):
            raise SyncError("config", "sync.unregistered")
        check_plain_http(url, allow=bool(self.settings.get(Keys.ALLOW_HTTP)))  # every run: names move
        key = (url, token, self._verify(), self._pin())
        if key != self._configured:
            self.http.configure(normalize_server_url(url), token, key[2], key[3])
            self._configured = key
            self._caps = None
            self._caps_tag = None
        return url

    def register(self, server_url: str, enrollment_code: str, device_name: str | None = None,
                 *, ca_bundle: str | None = None) -> EnrollmentResponse:
        """Exchange the admin's one-time code for this device's token (kept in the
        encrypted settings). TLS certificates are verified (`ca_bundle`: a PEM file
        for a Dinas server with its own CA). Raises `RegistrationError`/`SyncError`."""
        return enroll(self, server_url, enrollment_code, device_name, ca_bundle=ca_bundle)

    # ------------------------------------------------------------------ probe

    def probe(self, timeout: float | None = None) -> bool:
        """Whether the server answers ``GET /health`` within `timeout` seconds."""
        try:
            self._configure(need_token=False)
        except SyncError:
            return False
        seconds = timeout or self.timeouts.probe
        try:
            resp = self.http.session.get(self.http.base + Paths.HEALTH, timeout=(seconds, seconds),
                                         allow_redirects=False, verify=self.http.session.verify)
            self.http.count(down=len(resp.content))
            if resp.status_code != 200:
                return False
            health = protocol.Health.model_validate_json(resp.content)
            return protocol.is_compatible(health.protocol_version)
        except (requests.RequestException, OSError, ValueError, ValidationError):
            return False

    # ------------------------------------------------------------------ run

    def run_once(self, progress_cb: Callable[[SyncProgress], None] | None = None, *, force: bool = False,
                 probed: bool = False, pull: bool = True) -> SyncReport:
        """One sync: send what is due, then pull statuses and targets.

        `force` (the operator pressed "Sinkron sekarang", or the connection just
        came back) ignores the back-off and retries a 401 pause once; a revoked
        device never tries. `probed`: the caller has just seen ``/health`` answer.
        `progress_cb` may be called from an upload thread (never two at once).
        Never raises for network or server trouble: the report says what happened.
        """
        report = SyncReport(started_at=iso(utc_now()))
        if not self._run_lock.acquire(blocking=False):
            report.skipped = error_text("sync.busy")
            return report
        started = time.monotonic()
        self._abort.clear()
        self.http.reset_counters()
        with self._state_lock:
            self._syncing = True
            self._progress = SyncProgress("probe")
        self._active_run = None
        try:
            self._run(report, progress_cb, force, probed, pull)
        except SyncError as exc:
            self._failed(report, exc, self._active_run)
        finally:
            self.http.unconfirmed = False
            if report.reachable is None and self.http.answered:
                report.reachable = True
            report.duration_s = time.monotonic() - started
            report.requests = self.http.requests
            report.bytes_up = self.http.bytes_up
            report.bytes_down = self.http.bytes_down
            with self._state_lock:
                self._syncing = False
            self._run_lock.release()
        run = self._active_run
        self._active_run = None
        if run is not None:
            run.emit("done", force=True)
        log.info("sinkron: dikirim=%d diakui=%d ditahan=%d gagal=%d media=%dB %.2fs%s",
                 report.sent, report.acked, report.parked, report.failed, report.bytes_media,
                 report.duration_s, f" galat={report.error_code}" if report.error_code else "")
        return report

    def _run(self, report: SyncReport, progress_cb, force: bool, probed: bool, pull: bool) -> None:
        self._configure()
        if self.paused:
            kind = self.settings.get(Keys.PAUSED_KIND)
            if kind == REVOKED or not force:
                report.paused_code = self.settings.get(Keys.PAUSED_CODE)
                report.paused_params = self.settings.get(Keys.PAUSED_PARAMS) or {}
                report.paused_reason = self.paused_reason or error_text(report.paused_code, report.paused_params)
                return
        if not force:
            nxt = self.settings.get(Keys.NEXT_ATTEMPT)
            moment = parse_iso(nxt)
            if moment is not None and moment > utc_now():
                report.skipped = error_text("sync.waiting_for_retry")
                report.next_attempt_at = nxt
                return
        if probed:
            report.reachable = True
        else:
            # No request of its own: the run's first request is the probe (`Unreached` when it finds no server).
            self._set_progress(SyncProgress("probe"), progress_cb)
            self.http.unconfirmed = True
        caps = self._capabilities()
        early: list[int] = []
        run = send_outbox(self, report, progress_cb, force, caps,
                          meanwhile=lambda: early.append(send_trail_early(self, report, caps)))
        caps = self._capabilities()  # asked again if an answer said they changed
        send_outcomes(self, report, caps)
        send_deliveries(self, report, caps)
        send_registrations(self, report, caps)
        send_category_marks(self, report, caps)
        # The trail (with this run's entry) and both feeds are independent: one round trip for all three.
        tail = [lambda: send_audit(self, report, caps, early[0] if early else 0)]
        if pull:
            run.emit("status", force=True)
            tail += [lambda: pull_status(self, report), lambda: pull_targets(self, report)]
        with cf.ThreadPoolExecutor(max_workers=len(tail), thread_name_prefix="jemput-tail") as pool:
            done = [pool.submit(job) for job in tail]
        for future in done:
            future.result()  # the first failure, after all have stopped
        self._succeeded()

    def _capabilities(self) -> Capabilities:
        """The server's capabilities: held, kept in the settings (while fresh and, when they came
        with a tag, while answers carry the same tag), else asked for."""
        if self._caps is not None and not self._caps_stale:
            return self._caps
        cached = self.settings.get(Keys.CAPABILITIES)
        if isinstance(cached, dict) and not self._caps_stale:
            try:
                caps = Capabilities.model_validate(cached["caps"])
                tag = cached.get("tag")
                max_age = TAGGED_CAPABILITIES_MAX_AGE_S if tag else CAPABILITIES_MAX_AGE_S
                if (time.time() - float(cached.get("at", 0))) < max_age and cached.get("url") == self.http.base:
                    self._caps, self._caps_tag = caps, tag if isinstance(tag, str) else None
                    return caps
            except (KeyError, ValueError, TypeError, ValidationError):
                pass
        resp = self.http.call("GET", Paths.CAPABILITIES)
        if resp.status_code != 200:
            raise refused(resp)
        caps = Capabilities.model_validate_json(resp.content)
        tag = resp.headers.get(CAPS_TAG_HEADER) or None
        observe_clock(self.store, caps.server_time, local_now=utc_now())
        self._caps, self._caps_tag, self._caps_stale = caps, tag, False
        kept = {"caps": caps.model_dump(mode="json"), "at": time.time(), "url": self.http.base}
        if tag:
            kept["tag"] = tag
        self.settings.set(Keys.CAPABILITIES, kept)
        return caps

    def _note_caps_tag(self, tag: str | None) -> None:
        """An answer's capabilities tag (None: it had none): another one than the held
        capabilities came with means the server changed; they are asked for again."""
        held = self._caps_tag
        if held is not None and tag != held:
            if not self._caps_stale:
                log.info("kemampuan server berubah: ditanyakan lagi")
            self._caps_stale = True

    def _forget_capabilities(self) -> None:
        self._caps = None
        self._caps_tag = None
        self.settings.set(Keys.CAPABILITIES, None)

    # ------------------------------------------------------------------ outcomes

    def _succeeded(self) -> None:
        with self.store.transaction():
            self._clear_failure()
            if self.paused:
                self._clear_pause()
            self.settings.set(Keys.LAST_SYNC, iso(utc_now()))

    def _clear_failure(self) -> None:
        for key in (Keys.LAST_ERROR, Keys.LAST_ERROR_CODE, Keys.LAST_ERROR_PARAMS, Keys.LAST_ERROR_AT,
                    Keys.NEXT_ATTEMPT):
            self.settings.set(key, None)
        self.settings.set(Keys.FAILURES, 0)

    def _clear_pause(self) -> None:
        for key in (Keys.PAUSED, Keys.PAUSED_KIND, Keys.PAUSED_CODE, Keys.PAUSED_PARAMS):
            self.settings.set(key, None)

    def _note_error(self, exc: SyncError, now: dt.datetime) -> None:
        self.settings.set(Keys.LAST_ERROR, exc.message)
        self.settings.set(Keys.LAST_ERROR_CODE, exc.code)
        self.settings.set(Keys.LAST_ERROR_PARAMS, exc.params)
        self.settings.set(Keys.LAST_ERROR_AT, iso(now))

    def _failed(self, report: SyncReport, exc: SyncError, run: Run | None) -> None:
        report.error = exc.message
        report.error_kind = exc.kind
        report.error_code = exc.code
        report.error_params = exc.params
        if isinstance(exc, Aborted) or exc.kind == "aborted":
            return
        if isinstance(exc, Unreached):
            report.reachable = False
        now = utc_now()
        if exc.kind == "config":  # not registered, CA file missing: nothing to retry until someone acts
            with self.store.transaction():
                self._note_error(exc, now)
            return
        if exc.kind in PAUSE_KINDS:
            with self.store.transaction():
                self.settings.set(Keys.PAUSED, exc.message)
                self.settings.set(Keys.PAUSED_KIND, exc.kind)
                self.settings.set(Keys.PAUSED_CODE, exc.code)
                self.settings.set(Keys.PAUSED_PARAMS, exc.params)
                self._note_error(exc, now)
            report.paused_reason = exc.message
            report.paused_code, report.paused_params = exc.code, exc.params
            log.warning("sinkron dihentikan sementara (%s)", exc.code)
            return
        failures = int(self.settings.get(Keys.FAILURES, 0) or 0) + 1
        nxt = iso(now + dt.timedelta(seconds=self.policy.next_delay(failures, self.rng)))
        report.next_attempt_at = nxt
        with self.store.transaction():
            self.settings.set(Keys.FAILURES, failures)
            self.settings.set(Keys.NEXT_ATTEMPT, nxt)
            self._note_error(exc, now)
            if run is not None and not isinstance(exc, Unreached):  # as after a failed probe
                with run.lock:
                    open_entries = list(run.open.values())
                    run.open.clear()
                for entry in open_entries:
                    try:
                        self.outbox.record_failure(entry.recording_uuid, exc.message, nxt, exc.code, exc.params)
                        report.failed += 1
                    except NotFound:
                        pass
        log.warning("sinkron gagal (%s); dicoba lagi %s", exc.code, nxt)

    # ------------------------------------------------------------------ plumbing

    def _check_abort(self) -> None:
        if self._abort.is_set():
            raise Aborted()

    def _sleep(self, seconds: float) -> None:
        if self._abort.wait(max(0.0, seconds)):
            raise Aborted()

    def _set_progress(self, progress: SyncProgress, cb) -> None:  # noqa: ANN001
        with self._state_lock:
            self._progress = progress
        if cb is not None:
            with self._cb_lock:
                try:
                    cb(progress)
                except Exception as exc:  # noqa: BLE001 - a display problem must not stop the sync
                    log.error("progress callback failed: %s", type(exc).__name__)
