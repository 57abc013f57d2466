"""The local database: an encrypted SQLCipher profile and its repositories.

`database` opens and unlocks a profile folder; `recordings`, `outbox`,
`targets`, `settings`, `audit`, `operators` and `regions_store` are small
repositories over the one `Store`. Nothing here imports Qt.
"""
