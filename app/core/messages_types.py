"""`Templates`: one code's wording in the catalogue (`app.core.messages`), a template or several.

Several wordings form a tuple; `app.core.messages.render` uses the one whose placeholders are
exactly the given params. Its own module, so the group modules (`app.core.messages_*`) and
messages.py share it without importing each other.
"""

from __future__ import annotations

Templates = str | tuple[str, ...]
