"""Sending items the server keeps once by their client UUID (visit outcomes, no-NIK registrations).

The pending ones go oldest first in batches; an item the server answers
``accepted`` or ``already_have`` is synced (a resend after a lost answer is
harmless); ``conflict`` (the UUID held with other content) and a 422 for that
item alone mark it refused, never sent again. A 422 for several is split in
halves to find the one refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import requests

from sync.client.errors import SyncError
from sync.client.http import refused

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

CONFLICT = "sync.conflict"
REFUSED = "sync.item_refused"


@dataclass(frozen=True)
class KeyedSender:
    """How one kind of item travels.

    Attributes:
        path, body_key: ``POST path`` with ``{body_key: [items]}``.
        wire: a stored item's JSON form; answer: the response model; results: its per-item answers.
        pending(limit), mark_synced(uuids), mark_refused(uuid, code): the store's side.
    """

    path: str
    body_key: str
    wire: Callable[[Any], dict]
    answer: type
    results: Callable[[Any], list]
    pending: Callable[[int], list]
    mark_synced: Callable[[list[str]], int]
    mark_refused: Callable[[str, str], None]

    @classmethod
    def for_rows(cls, path: str, body_key: str, wire: Callable[[Any], dict], answer: type,
                 results: Callable[[Any], list], rows: Any) -> "KeyedSender":
        """A sender over a store object with ``pending(limit=)``, ``mark_synced`` and ``mark_refused``."""
        return cls(path, body_key, wire, answer, results, lambda limit: rows.pending(limit=limit),
                   rows.mark_synced, rows.mark_refused)

    def send_capped(self, pump: "SyncPump", max_batch_items: int) -> tuple[int, int]:
        """`send_all` in batches of the pump's size, at most the server's `max_batch_items`."""
        return self.send_all(pump, max(1, min(pump.batch_size, max_batch_items)))

    def send_all(self, pump: "SyncPump", size: int) -> tuple[int, int]:
        """Send every pending item; returns (synced, refused for good)."""
        tried: set[str] = set()
        totals = [0, 0]
        while True:
            pump._check_abort()
            batch = [o for o in self.pending(len(tried) + size) if o.uuid not in tried][:size]
            if not batch:
                return totals[0], totals[1]
            tried.update(o.uuid for o in batch)
            self._post(pump, batch, totals)

    def _post(self, pump: "SyncPump", batch: list, totals: list[int]) -> None:
        def parse(resp: requests.Response):
            return self.answer.model_validate_json(resp.content) if resp.status_code == 200 else resp

        body = json.dumps({self.body_key: [self.wire(o) for o in batch]}, ensure_ascii=False).encode("utf-8")
        answer = pump.http.call("POST", self.path, data=body, headers={"Content-Type": "application/json"},
                                parse=parse)
        if isinstance(answer, self.answer):
            results = self.results(answer)
            if [r.uuid for r in results] != [o.uuid for o in batch]:
                raise SyncError("server", "sync.answer_mismatch")
            totals[0] += self.mark_synced([r.uuid for r in results if r.outcome in ("accepted", "already_have")])
            for r in results:
                if r.outcome == "conflict":
                    self.mark_refused(r.uuid, CONFLICT)
                    totals[1] += 1
            return
        if answer.status_code == 422 and len(batch) > 1:
            half = len(batch) // 2
            self._post(pump, batch[:half], totals)
            self._post(pump, batch[half:], totals)
            return
        if answer.status_code == 422:
            self.mark_refused(batch[0].uuid, REFUSED)
            totals[1] += 1
            return
        raise refused(answer)
