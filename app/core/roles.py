"""Who may do what on a team's laptop: the three roles and the actions they gate.

An operator records; a supervisor also approves, exports and changes the
settings (photo-check limits included); an admin manages the people who may
open the profile, and has every supervisor right too (a team of two or three
usually has its supervisor as admin). Pure: the store and the session ask
`require` before acting, the window asks `allowed` to grey out what it cannot do.
"""

from __future__ import annotations

from app.core.messages import CodedError

OPERATOR, SUPERVISOR, ADMIN = "operator", "supervisor", "admin"
ROLES = (OPERATOR, SUPERVISOR, ADMIN)

RECORD = "record"
APPROVE = "approve"
EXPORT = "export"
SETTINGS = "settings"
MANAGE_PEOPLE = "manage_people"

PERMISSIONS: dict[str, frozenset[str]] = {
    OPERATOR: frozenset({RECORD}),
    SUPERVISOR: frozenset({RECORD, APPROVE, EXPORT, SETTINGS}),
    ADMIN: frozenset({RECORD, APPROVE, EXPORT, SETTINGS, MANAGE_PEOPLE}),
}

# Settings an operator may still change: where the window remembers a folder, the camera chosen.
PERSONAL_SETTINGS = frozenset({"receipt_folder", "camera_source", "camera_sources", "backup_folder"})


def allowed(role: str | None, action: str) -> bool:
    """Whether `role` may do `action` (an unknown role may do nothing)."""
    return action in PERMISSIONS.get(role or "", frozenset())


def require(role: str | None, action: str) -> None:
    """Raise `CodedError` ``role.forbidden`` unless `role` may do `action`."""
    if not allowed(role, action):
        raise CodedError("role.forbidden", {"action": ACTION_WORDS.get(action, action),
                                            "role": ROLE_WORDS.get(role or "", role or "-")})


def setting_action(key: str) -> str:
    """The action changing setting `key` needs (personal ones need only `RECORD`)."""
    return RECORD if key in PERSONAL_SETTINGS else SETTINGS


ROLE_WORDS = {OPERATOR: "operator", SUPERVISOR: "supervisor", ADMIN: "admin"}
ACTION_WORDS = {
    RECORD: "merekam",
    APPROVE: "menyetujui rekaman",
    EXPORT: "mengekspor data penduduk",
    SETTINGS: "mengubah pengaturan",
    MANAGE_PEOPLE: "mengelola pengguna",
}
