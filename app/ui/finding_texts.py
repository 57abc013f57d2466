"""Former home of the finding texts: the names callers not yet moved to `app.ui.texts` import."""

from __future__ import annotations

from app.ui.texts import finding_text, server_reasons_text

__all__ = ["finding_text", "server_reasons_text"]
