"""Enums whose words live in the message catalogue: a member's code is ``<group>.<value>``.

`Worded` gives such an enum its `code` and its `label` (the catalogue's words
for that code, `app.core.messages.render`), so each enum only names its group:

    class CardState(Worded, str, Enum, group="delivery_state"): ...
"""

from __future__ import annotations

from app.core.messages import render


class Worded:
    """Mixin for an Enum worded by the catalogue group given as the class keyword `group`."""

    _group: str = ""

    def __init_subclass__(cls, group: str = "", **kwargs):
        super().__init_subclass__(**kwargs)
        if group:
            cls._group = group

    @property
    def code(self) -> str:
        """The catalogue code of this member: ``<group>.<value>``."""
        return f"{self._group}.{self.value}"  # type: ignore[attr-defined] # an Enum's value

    @property
    def label(self) -> str:
        """The member's words (Indonesian) from the catalogue."""
        return render(self.code)
