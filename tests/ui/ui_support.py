"""Constants shared by the UI tests and their fixtures."""

from app.store.keys import KdfParams

PASSPHRASE = "sandi-uji-jemput"
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)
