"""`ProblemError`: raised anywhere in the server to answer with a catalogue problem.

Kept free of FastAPI so the admin commands and the media store import it cheaply;
`sync.server.errors` turns it into a response.
"""

from __future__ import annotations

from typing import Any

from sync.protocol_problems import ProblemSpec


class ProblemError(Exception):
    """Raise to answer with a catalogue problem (`details` fill its message)."""

    def __init__(self, spec: ProblemSpec, headers: dict[str, str] | None = None, **details: Any):
        super().__init__(spec.code)
        self.spec = spec
        self.headers = headers or {}
        self.details = details
