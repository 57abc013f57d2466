"""Whether a new passphrase is strong enough, by estimated guessing effort (zxcvbn), not length alone.

zxcvbn (Dropbox's estimator) scores 0-4 from dictionaries, keyboard patterns,
dates, repeats and sequences; `MIN_SCORE` 3 ("safely unguessable: moderate
protection from offline slow-hash scenario") refuses ``12345678``,
``password1`` or ``jemput2026`` but accepts a few unrelated words with a
number. The person's own name and the app's words count as known words.
"""

from __future__ import annotations

from app.core.messages import CodedError

MIN_LENGTH = 8  # the shortest passphrase a new profile (or a passphrase change) accepts
MIN_SCORE = 3
APP_WORDS = ("jemput", "ktp", "ktpel", "disdukcapil", "dukcapil", "rekam", "perekaman", "kata", "sandi")
MAX_CHECKED = 100  # zxcvbn is slow on very long inputs; longer ones are scored on their first 100


def strength(passphrase: str, user_words: tuple[str, ...] = ()) -> int:
    """zxcvbn's score 0-4 for `passphrase` (zxcvbn's dictionaries load on the first check, not at start)."""
    from zxcvbn import zxcvbn

    words = [w for w in (*APP_WORDS, *user_words) if w]
    return int(zxcvbn(passphrase[:MAX_CHECKED], user_inputs=words)["score"])


def check_strength(passphrase: str, user_words: tuple[str, ...] = ()) -> None:
    """Raise `CodedError` for a passphrase a person must not get (empty, short or weak)."""
    if not isinstance(passphrase, str) or passphrase == "":
        raise CodedError("passphrase.new_empty")
    if len(passphrase) < MIN_LENGTH:
        raise CodedError("passphrase.new_too_short", {"min": MIN_LENGTH})
    if strength(passphrase, user_words) < MIN_SCORE:
        raise CodedError("passphrase.too_weak")
