"""The cursor feeds the pump pulls after sending: later verdicts (``/status``) and the target list (``/targets``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.lifecycle import RecordingStatus
from app.core.registration import Issued
from sync.client.config import SHORT_TRANSACTION, Keys
from sync.client.http import refused
from sync.client.payload import reasons_json, reasons_message
from sync.client.run import SyncReport
from app.core.regions import is_well_formed, to_digits
from sync.protocol import Paths, ServerStatus
from sync.protocol_feeds import FORM_COMPACT, StatusEntry, TargetFeed, parse_target_page
from sync.protocol_registration import StatusFeedWithRegistrations

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["pull_status", "pull_targets", "verdicts"]


def pull_feed(pump: "SyncPump", path: str, model: type, cursor_key: str, apply: Callable[[Any], None],
              *, params: dict | None = None, parse: Callable[[bytes], Any] | None = None) -> None:
    """Page through a cursor feed (``GET path?since=CURSOR``) until it has no more,
    handing each page to `apply` and keeping the cursor after each page."""
    cursor = int(pump.settings.get(cursor_key, 0) or 0)
    read = parse or model.model_validate_json
    while True:
        feed = pump.http.call("GET", path, params={"since": cursor, **(params or {})},
                              parse=lambda r: read(r.content) if r.status_code == 200 else r)
        if not isinstance(feed, model):
            raise refused(feed)
        apply(feed)
        before, cursor = cursor, feed.next_cursor
        pump.settings.set(cursor_key, cursor)
        if not feed.more or cursor == before:
            return


def verdicts(items: list[StatusEntry]) -> list[tuple[str, RecordingStatus, dict]]:
    """The feed's latest verdict per recording as (uuid, status, server info) for
    `RecordingRepo.apply_verdicts`. ``replaced`` is no local verdict (the old
    version keeps its last one), and a verdict on a record whose media have not
    all arrived waits (a rejection does not)."""
    latest: dict[str, StatusEntry] = {}
    for e in items:
        latest[e.uuid] = e
    out = []
    for uuid, e in latest.items():
        if e.status is ServerStatus.REPLACED:
            continue
        if e.status is not ServerStatus.REJECTED and not e.received_complete:
            continue
        out.append((uuid, RecordingStatus(e.status.value), {
            "status": e.status.value, "message": reasons_message(e.reasons),
            "reasons": reasons_json(e.reasons) or "[]"}))
    return out


def pull_status(pump: "SyncPump", report: SyncReport) -> None:
    """Move acknowledged recordings to the server's later verdicts."""
    def apply(feed: StatusFeedWithRegistrations) -> None:
        if feed.items:
            report.statuses_updated += pump.recordings.apply_verdicts(verdicts(feed.items), batch=SHORT_TRANSACTION)
        if feed.registrations:
            report.registrations_issued += pump.registrations.apply_issued(
                (i.uuid, Issued(i.no_kk, tuple(i.niks))) for i in feed.registrations)

    pull_feed(pump, Paths.STATUS, StatusFeedWithRegistrations, Keys.STATUS_CURSOR, apply)


TARGET_PAGE = 2000
"""Rows per target page asked for (the server may cap it; protocol.MAX_FEED_PAGE)."""


def pull_targets(pump: "SyncPump", report: SyncReport) -> None:
    """Merge the server's target list (residents of this device's area, and who recorded them),
    asked for in the compact form (an older server answers the full one). When the admin
    changed the device's area the feed restarts with ``area_reset``: the targets that came
    from the server and lie outside the new area leave this laptop first."""
    def apply(feed: TargetFeed) -> None:
        if feed.area_reset is not None:
            report.targets_dropped += pump.targets.drop_server_rows_outside(
                [to_digits(code) for code in feed.area_reset if is_well_formed(code)])
        if not feed.items:
            return
        rows = [{
            "nik": t.nik, "nama": t.nama, "tanggal_lahir": t.tanggal_lahir,
            "jenis_kelamin": t.jenis_kelamin, "alamat": t.alamat, "rt": t.rt, "rw": t.rw,
            "kelurahan_kode": t.kelurahan_kode,
            "no_kk": t.no_kk, "tempat_lahir": t.tempat_lahir,  # None (older server, not on its list): kept
            # "this_device" needs no flag: the recording is here and counts already.
            "recorded_elsewhere": t.recorded_by == "other_device",
        } for t in feed.items]
        report.targets_received += pump.targets.merge_from_server(rows, batch=4 * SHORT_TRANSACTION)

    pull_feed(pump, Paths.TARGETS, TargetFeed, Keys.TARGETS_CURSOR, apply,
              params={"form": FORM_COMPACT, "limit": TARGET_PAGE}, parse=parse_target_page)
