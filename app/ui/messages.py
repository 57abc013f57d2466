"""Former home of the translated messages: the name callers not yet moved to `app.ui.texts` import."""

from __future__ import annotations

from app.ui.texts import translate_message

__all__ = ["translate_message"]
