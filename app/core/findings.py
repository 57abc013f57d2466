"""Findings: what a validator says about a record, with stable codes.

Every check in `app.core` returns a list of `Finding`s, never a bare bool.
Errors block completion; warnings need the operator's acknowledgement with a
reason (real NIKs carry wrong dates, retired region codes, old addresses).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Iterator, Mapping

from app.core.messages import render


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Params(Mapping[str, str]):
    """An immutable, hashable str -> str mapping: the values a message was filled with.

    Equal to any mapping with the same items (a plain dict included).
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, object] | Iterable[tuple[str, object]] = ()):
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: dict[str, str] = {str(k): str(v) for k, v in pairs}

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Params({self._items!r})"


NO_PARAMS = Params()


@dataclass(frozen=True)
class Finding:
    """One thing a check found.

    Attributes:
        code: stable machine code, e.g. ``nik.length`` (UI and server key on it).
        field: the record field it concerns, e.g. ``nik``.
        severity: error (blocks completion) or warning (needs acknowledgement).
        message: the explanation for the operator, in Bahasa Indonesia.
        params: the values written into `message` (dates, numbers, codes,
            labels), as text exactly as they appear in it, so a translated
            template for `code` can be filled with them (app/ui/texts.py).
    """

    code: str
    field: str
    severity: Severity
    message: str
    params: Mapping[str, str] = NO_PARAMS

    def __post_init__(self) -> None:
        if not isinstance(self.params, Params):
            object.__setattr__(self, "params", Params(self.params or ()))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict:
        """JSON-safe; ``params`` only when there are any (older readers ignore it)."""
        out = {
            "code": self.code,
            "field": self.field,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.params:
            out["params"] = dict(self.params)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        params = data.get("params") or {}
        return cls(
            code=str(data["code"]),
            field=str(data["field"]),
            severity=Severity(data["severity"]),
            message=str(data["message"]),
            params=Params(params if isinstance(params, Mapping) else ()),
        )


@dataclass(frozen=True)
class Acknowledgement:
    """The operator's confirmation of a warning, with the reason they gave."""

    code: str
    field: str
    reason: str

    def to_dict(self) -> dict:
        return {"code": self.code, "field": self.field, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict) -> "Acknowledgement":
        return cls(code=str(data["code"]), field=str(data["field"]), reason=str(data["reason"]))


def finding(code: str, field_name: str, severity: Severity, /, **params: object) -> Finding:
    """A finding whose message is the catalogue's template for `code` (app/core/messages.py) filled with `params`."""
    return Finding(code, field_name, severity, render(code, params), Params(params))


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.WARNING]


@dataclass(frozen=True)
class Verdict:
    """Whether a set of findings allows completion, given acknowledgements.

    Attributes:
        blocking: errors, plus warnings without an acknowledgement carrying a reason.
        acknowledged: warnings that the operator confirmed.
    """

    blocking: tuple[Finding, ...] = ()
    acknowledged: tuple[Finding, ...] = ()
    unacknowledged_warnings: tuple[Finding, ...] = field(default=())

    @property
    def can_complete(self) -> bool:
        return not self.blocking


MIN_REASON_LENGTH = 3


def verdict(findings: Iterable[Finding], acks: Iterable[Acknowledgement] = ()) -> Verdict:
    """Decide which findings still block completion.

    A warning is cleared only by an acknowledgement with the same code and
    field and a reason of at least `MIN_REASON_LENGTH` non-blank characters.
    """
    ack_keys = {
        (a.code, a.field) for a in acks if len(a.reason.strip()) >= MIN_REASON_LENGTH
    }
    blocking: list[Finding] = []
    acked: list[Finding] = []
    unacked: list[Finding] = []
    for f in findings:
        if f.severity is Severity.ERROR:
            blocking.append(f)
        elif (f.code, f.field) in ack_keys:
            acked.append(f)
        else:
            blocking.append(f)
            unacked.append(f)
    return Verdict(tuple(blocking), tuple(acked), tuple(unacked))
