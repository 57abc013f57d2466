"""The local database: an encrypted SQLCipher profile and its repositories.

`database` opens and unlocks a profile folder; `recordings`, `outbox`,
`targets`, `settings`, `audit`, `operators` and `regions_store` are small
repositories over the one `Store`. A recording and its outbox entry are one
aggregate: `recordings` and `outbox` hold its named transitions, `outbox_rows`
the outbox SQL they share, `queue_view` the queue page's read model. This
package alone runs SQL on its tables. Nothing here imports Qt.
"""
