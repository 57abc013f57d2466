"""The outbox pump: probe the server, send queued recordings in batches, upload
their media resumably, pull verification statuses and the target list.

No Qt here: ``jemput sync`` (`app.cli.sync`) and the window's sync worker
(`app.ui.sync_worker`) both drive a `SyncPump` over an open `Store`. The pump
writes the store only through its repositories (`app.store.outbox`,
`app.store.recordings`, `app.store.targets`).

Modules: `pump` (the runs), `batches` (sending the queue), `uploader` (media),
`feeds` (status and target pulls), `registration`, `http` (requests, retries), `pace` (request sizes),
`run` (one run's state, progress, report), `payload` (the wire payload),
`errors` (codes; their texts are `app.core.messages.SYNC`), `config` (policy, timeouts, setting keys),
`clock`. The queue page's read model is `app.store.queue_view`.

One run (`SyncPump.run_once`):

1. No request of its own before the work: the capabilities come with the
   registration's answer and are kept while every answer carries the same tag
   (`sync.protocol_caps`; another tag: asked again). The run's first request
   stands in for the probe (short connect timeout): unreachable -> stop,
   nothing is counted against the queued recordings.
2. Queued recordings go out oldest first in batches (``POST /recordings/batch``,
   items from `protocol.build_item`, gzip-compressed for a server that reads
   that), two batches on their way at once. The answer says per item what the
   server did and how much of each photo/signature it already holds, so a fresh
   upload starts without asking for the offset. Small files go several at a
   time in media bundles, the rest as raw bytes in chunks (``PUT
   /media/{sha256}`` with ``Upload-Offset``), from a few worker threads, each
   request sized by the time it takes on this link (`pace`), while the next
   batch is already on its way. A 409 carries the server's offset: the upload
   resumes from there, so a link cut at 90 % re-sends only the chunk that was cut.
3. An outbox entry is acknowledged only when the server has confirmed the record
   AND every one of its media (the batch answer and the last chunk's answer);
   only then does the recording leave "menunggu" (queued). ``already_have`` is
   a success. ``conflict`` (same UUID, other content) and items the server
   cannot store are parked with a code (and the words for it); the rest carry on. A
   ``rejected`` verdict is an acknowledged receipt: the recording shows
   "ditolak" with the reasons and can be fixed and resent as a new version
   (``replaces``).
4. The end is one round trip: the audit trail's newest entries (the older
   ones went beside the first batch), ``GET /status?since=`` and ``GET
   /targets?since=`` at once, bringing later changes (another device recorded
   the same NIK...), cursors kept in the settings.

Failures: connection errors, timeouts, 5xx and 429 are retried a few times
within the run (tenacity, exponential back-off with jitter), then the run stops
and the next one is scheduled after an exponential, jittered delay capped near
ten minutes; the pump never gives up on a recording. 401 pauses the whole queue
(``sync_paused_reason``) until a person acts; a revoked device is told so and
stops trying. All words for the operator are in Bahasa Indonesia and carry no
personal data, so they may be logged.

Stopping at any moment (`abort`, a crash, a killed server) loses nothing and
duplicates nothing: the server keys on the client UUID, a chunk is appended
only when it arrived whole, and the local acknowledgement is written last.
"""

from __future__ import annotations

from app.store.queue_view import ProblemRecord, SyncOverview, sync_overview
from sync.client.clock import iso, local_clock, parse_iso, utc_now
from sync.client.config import DEFAULT_POLL_SECONDS, FAR_FUTURE, Keys, RetryPolicy, Timeouts
from sync.client.errors import (
    MESSAGES,
    MSG_AUTH,
    MSG_CONFLICT,
    MSG_ENROLLMENT,
    MSG_OFFLINE,
    MSG_REVOKED,
    RegistrationError,
    SyncError,
    enrollment_limited_message,
    error_text,
)
from sync.client.payload import build_payload, reasons_json, reasons_message
from sync.client.pump import SyncPump
from sync.client.registration import normalize_server_url, register
from sync.client.run import SyncProgress, SyncReport

__all__ = [
    "DEFAULT_POLL_SECONDS", "FAR_FUTURE", "Keys", "RetryPolicy", "Timeouts",
    "MESSAGES", "error_text", "SyncError", "RegistrationError", "enrollment_limited_message",
    "MSG_AUTH", "MSG_CONFLICT", "MSG_ENROLLMENT", "MSG_OFFLINE", "MSG_REVOKED",
    "SyncProgress", "SyncReport", "SyncPump", "register", "normalize_server_url",
    "build_payload", "reasons_message", "reasons_json",
    "SyncOverview", "ProblemRecord", "sync_overview",
    "utc_now", "iso", "parse_iso", "local_clock",
]
