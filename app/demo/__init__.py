"""The demo: generated residents (never real people), the demo profile, its fixed passphrase.

`app.demo.residents` makes the people, `app.demo.profile` fills an encrypted
profile with them (it loads the store), `app.demo.passphrase` holds the demo
passphrase for the first screen. Importing this package loads neither the
store nor faker; the generated people are re-exported here for tests and tools.
"""

from app.demo.residents import DEMO_KECAMATAN, DEMO_KELURAHAN, demo_residents, target_row

__all__ = ["DEMO_KECAMATAN", "DEMO_KELURAHAN", "demo_residents", "target_row"]
