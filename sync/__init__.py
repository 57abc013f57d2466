"""Synchronisation between field laptops and the central server (wire format, client, server)."""
