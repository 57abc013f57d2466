"""The demo profile's fixed passphrase (shown on the first screen; its residents are generated).

A module of its own so the first screen can show it without loading the store.
"""

DEMO_PASSPHRASE = "latihan-jemput-2026"
