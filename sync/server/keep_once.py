"""Items kept once per client key: the first copy stays, a resend is ``already_have``, other content ``conflict``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sync.server import transactions
from sync.server.row_sql import chunks


def keep_once(conn: Connection, table: sa.Table, key: str, items: Iterable[tuple[str, str, dict]]) -> list[str]:
    """Insert the (key, content SHA-256, row) items not held yet, inside the caller's transaction;
    one answer per item in order: ``accepted``, ``already_have`` or ``conflict``.

    On PostgreSQL a key another worker inserted meanwhile aborts the transaction;
    `transactions.run_write` tries it again and it answers from that row.
    """
    items = list(items)
    column = table.c[key]
    held: dict[str, str] = {}
    for part in chunks(sorted({k for k, _sha, _row in items})):
        held.update(conn.execute(sa.select(column, table.c.content_sha256).where(column.in_(part))).all())
    answers, new_rows = [], []
    for k, sha, row in items:
        if k in held:
            answers.append("already_have" if held[k] == sha else "conflict")
            continue
        held[k] = sha
        new_rows.append({**row, key: k, "content_sha256": sha})
        answers.append("accepted")
    if new_rows:
        conn.execute(sa.insert(table), new_rows)
    return answers


def store_once(engine: Engine, table: sa.Table, key: str, items: Callable[[], Iterable[tuple[str, str, dict]]],
               log: logging.Logger, what: str, device_id: int, conn: Connection | None = None) -> list[str]:
    """`keep_once` in a write transaction of its own (on `conn` if given: `transactions.write_on`; a lost
    race: tried again, `items()` read anew); logs the answers' counts (never the items)."""
    answers = transactions.run_write(engine if conn is None else conn, lambda tx: keep_once(tx, table, key, items()))
    counts = Counter(answers)
    log.info("%s perangkat=%d %s", what, device_id, " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return answers
