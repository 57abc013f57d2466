"""The operator messages of every layer: one Indonesian template per code.

Every finding code of `app.core` and `app.capture`, every camera/source error
of `app.capture.camera`, every reason the server gives (`sync.protocol_reasons.ReasonCodes`),
every failure of the sync client (`sync.client.errors`) and every refusal of
the store and the session (`CodedError`, `app.store.errors.StoreError`) has its
sentence in this catalogue, written once with ``{param}`` placeholders. `render` fills it:
the checks build their `Finding.message` with it (`app.core.findings.finding`),
the errors their message, and the window translates the same template by code
(`app.ui.texts`). A few codes word their message in more than one way (an
optional hint, a second date): their templates form a tuple, and the one whose
placeholders are exactly the given params is used.

This module is the catalogue's one entry point: it gathers the groups (kept by
topic in `app.core.messages_checks`, `messages_sync`, `messages_store`,
`messages_biometric` and `messages_fieldwork`) into `CATALOGUE`, and everyone
imports the groups, `render` and `CodedError` from here.

Pure Python: no Qt, no I/O (the server and the command line use it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

from app.core.messages_biometric import BIOMETRIC
from app.core.messages_checks import CAPTURE, FINDINGS, PHOTO
from app.core.messages_fieldwork import APPROVAL, DELIVERY, REGISTRATION, SCHEDULES, TARGETS, TRIPS
from app.core.messages_store import RECORDING, STORE
from app.core.messages_sync import BUNDLE, SERVER, SYNC
from app.core.messages_types import Templates

CATALOGUE: dict[str, Templates] = {
    **FINDINGS, **PHOTO, **CAPTURE, **SERVER, **SYNC, **RECORDING, **STORE, **TARGETS, **BIOMETRIC, **TRIPS,
    **BUNDLE, **SCHEDULES, **DELIVERY, **REGISTRATION, **APPROVAL,
}
"""Every code and its Indonesian template(s)."""


def templates(code: str) -> tuple[str, ...]:
    """The templates of `code` (one, or its several wordings); empty for an unknown code."""
    found = CATALOGUE.get(code, ())
    return (found,) if isinstance(found, str) else found


def placeholders(template: str) -> frozenset[str]:
    """The names of the ``{param}`` placeholders in `template`."""
    return frozenset(name for _text, name, _spec, _conv in Formatter().parse(template) if name)


_BY_CODE: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    code: tuple((placeholders(t), t) for t in templates(code)) for code in CATALOGUE
}


def template_for(code: str, names: frozenset[str] | set[str]) -> str | None:
    """The wording of `code` whose placeholders are exactly `names`; None when none fits."""
    wanted = frozenset(names)
    return next((t for found, t in _BY_CODE.get(code, ()) if found == wanted), None)


def render(code: str, params: Mapping[str, object] | None = None) -> str:
    """The Indonesian message of `code` filled with `params` (values written with ``str``).

    Raises KeyError for an unknown code or params that fit none of its wordings.
    """
    values = {str(k): str(v) for k, v in (params or {}).items()}
    template = template_for(code, frozenset(values))
    if template is None:
        raise KeyError(f"no template for {code!r} with params {sorted(values)}")
    return template.format(**values)


class CodedError(ValueError):
    """A refusal told by code: ``code``, ``params`` and ``message``, its Indonesian words (`render`).

    The window shows it by code (`app.ui.texts.error_text`); ``str()`` is the message.
    """

    def __init__(self, code: str, params: Mapping[str, object] | None = None):
        self.code = code
        self.params = dict(params or {})
        self.message = render(code, self.params)
        super().__init__(self.message)
