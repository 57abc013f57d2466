"""The reference central server (FastAPI): device registration, batch intake with
re-validation and duplicate detection, resumable media, status and target feeds,
master data and a progress page. Start it with ``jemput-server run``."""
