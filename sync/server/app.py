"""`create_app(settings)`: the FastAPI application of the central server."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from fastapi import Depends, FastAPI

from sync import protocol
from sync.protocol_problems import Problems
from sync.server import db_engine, schema
from sync.server.admin_auth import AdminAuth
from sync.server.at_rest import secure_data_dir
from sync.server.errors import BodyLimitMiddleware, install_handlers
from sync.server.bundle_upload import UPLOAD_PATH
from sync.server.deps import single_query_values
from sync.server.intake import Intake
from sync.server.media_store import open_media_store
from sync.server.memory import keep_freed_memory
from sync.server.ratelimit import AttemptLimiter
from sync.server.regions_cache import RegionCache
from sync.server.routes.capabilities import CapsTagMiddleware
from sync.server.routes import (audit, bundle_upload, capabilities, category_marks, dashboard, delivery, devices,
                                health, media, recordings, registrations, registrations_page, schedules, status,
                                targets)
from sync.server.settings import Settings
from sync.server.warm_up import warm_up

ROUTERS = (health, capabilities, devices, recordings, media, status, targets, dashboard, audit, bundle_upload,
           schedules, delivery, registrations, registrations_page, category_marks)


def build_api(settings: Settings | None = None) -> FastAPI:
    """The routes, handlers and middleware, without opening anything (no I/O)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        engine = getattr(app.state, "engine", None)
        if engine is not None:
            engine.dispose()

    app = FastAPI(
        title="Jemput server",
        version=protocol.PROTOCOL_VERSION,
        description="Central intake for Jemput field laptops (e-KTP jemput bola). "
                    f"Clients send `{protocol.PROTOCOL_HEADER}: {protocol.PROTOCOL_VERSION}` "
                    "and `Authorization: Bearer <device token>`.",
        lifespan=lifespan,
        dependencies=[Depends(single_query_values)],
    )
    install_handlers(app)

    def limit_for(path: str):  # noqa: ANN202
        current = app.state.settings if hasattr(app.state, "settings") else (settings or _DEFAULT_LIMITS)
        if path.startswith("/media/"):
            return current.max_chunk_bytes, Problems.CHUNK_TOO_LARGE
        if path == UPLOAD_PATH:
            return None  # streamed to a file and bounded by `max_import_bytes` there
        if path == protocol.Paths.MEDIA_BUNDLE:
            return max(current.max_bundle_bytes, 1), Problems.BUNDLE_TOO_LARGE
        return current.max_body_bytes, Problems.BODY_TOO_LARGE

    app.add_middleware(BodyLimitMiddleware, limit_for=limit_for)
    app.add_middleware(CapsTagMiddleware, settings_of=lambda: getattr(app.state, "settings", None) or settings)
    for module in ROUTERS:
        app.include_router(module.router)
    _document_limits(app, settings.max_batch_items if settings else protocol.DEFAULT_MAX_BATCH_ITEMS)
    return app


def _document_limits(app: FastAPI, max_batch_items: int) -> None:
    """Make /openapi.json state this server's own batch limit (the models carry the
    protocol's ceiling), so a request valid by the document is never refused for size."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = generate()
            batch = doc.get("components", {}).get("schemas", {}).get("BatchRequest")
            if batch is not None:
                batch["properties"]["items"]["maxItems"] = max_batch_items
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi


SETTINGS_ENV = "JEMPUT_SERVER_SETTINGS"
"""The environment variable through which ``jemput-server run`` hands its
`Settings` (`Settings.to_json`) to every worker process."""


def create_app(settings: Settings, *, migrate: bool = True) -> FastAPI:
    """The server over `settings`: opens the database (migrating it, or with
    ``migrate=False`` refusing with `schema.NotMigrated` one that is not at the
    newest schema), prepares the media folder (or opens the media bucket)."""
    app = build_api(settings)
    secure_data_dir(settings.data_dir, settings.media_dir, settings.partial_dir)  # 0700 folders, 0600 files
    if migrate:
        engine = schema.open_database(settings.url)
    else:
        engine = db_engine.make_engine(settings.url)
        try:
            schema.require_migrated(engine)
        except BaseException:
            engine.dispose()
            raise
    store = open_media_store(settings)
    app.state.settings = settings
    app.state.engine = engine
    app.state.media = store
    app.state.regions = RegionCache(engine)
    app.state.intake = Intake(engine, app.state.regions, store, settings.max_media_bytes,
                              settings.biometric_policy)
    app.state.register_limiter = AttemptLimiter(engine, settings.register_max_failures, settings.register_window_s)
    app.state.admin_auth = AdminAuth(engine, account_max_failures=settings.login_max_failures,
                                     address_max_failures=settings.login_address_max_failures,
                                     window_s=settings.login_window_s)
    warm_up(app)
    return app


def app_from_environment() -> FastAPI:
    """The app factory each uvicorn worker calls (``factory=True``): the settings
    from `SETTINGS_ENV`; the database must be migrated already (`jemput-server migrate`).
    The worker keeps the memory it frees (`keep_freed_memory`)."""
    text = os.environ.get(SETTINGS_ENV)
    if not text:
        raise RuntimeError(f"{SETTINGS_ENV} tidak diatur (jalankan lewat: jemput-server run)")
    keep_freed_memory()  # this worker process only (not the tests' in-process apps)
    return create_app(Settings.from_json(text), migrate=False)


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of a server with default limits, built without a
    database (for tools and tests)."""
    return build_api().openapi()


class _Limits:
    max_chunk_bytes = protocol.DEFAULT_MAX_CHUNK_BYTES
    max_bundle_bytes = protocol.DEFAULT_MAX_BUNDLE_BYTES
    max_body_bytes = 8 * 1024 * 1024


_DEFAULT_LIMITS = _Limits()
