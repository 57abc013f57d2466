"""The demo: generated residents (never real people), the demo profile, its fixed passphrase.

`app.demo.residents` makes the people, `app.demo.profile` fills an encrypted
profile with them (it loads the store), `app.demo.passphrase` holds the demo
passphrase for the first screen. Importing this package loads neither the
store nor faker, nor the residents until one of the names below is asked for
(the first screen imports `app.demo.passphrase` only); the generated people are
re-exported here for tests and tools.
"""

__all__ = ["DEMO_KECAMATAN", "DEMO_KELURAHAN", "demo_residents", "target_row"]


def __getattr__(name: str):
    if name in __all__:
        from app.demo import residents

        return getattr(residents, name)
    raise AttributeError(f"module 'app.demo' has no attribute {name!r}")
