"""Jemput: offline-first e-KTP field enrollment (desktop app, local store, sync client)."""
