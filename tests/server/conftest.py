"""Fixtures for the central server: one real `jemput-server run` process per
worker, registered devices, generated residents, and the in-process app."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from faker import Faker

from app.core.regions import RegionIndex, RegionLevel
from sync import protocol

from serverkit import LIVE_CHUNK, LIVE_MAX_MEDIA, DeviceClient, LiveServer, People, Recording, make_recording
from support.postgres import empty_given_database
from support.server import prepare_server_data, start_server


@pytest.fixture(scope="session")
def region_index(seed_regions_csv: Path) -> RegionIndex:
    return RegionIndex.from_csv(seed_regions_csv.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="session")
def people(region_index: RegionIndex) -> People:
    Faker.seed(20251120 + os.getpid())
    return People(region_index, Faker("id_ID"), random.Random(os.getpid()))


@pytest.fixture
def recording(people: People):
    """Factory: ``recording(area=None, resident_changes..., **options)``."""

    def make(area: str | None = None, resident: dict | None = None, **options: Any) -> Recording:
        return make_recording(resident or people.resident(area), **options)

    return make


@pytest.fixture
def postgres_url(request):
    """An empty PostgreSQL database: JEMPUT_TEST_POSTGRES_URL emptied, else a new
    database in the throw-away cluster."""
    given = os.environ.get("JEMPUT_TEST_POSTGRES_URL")
    if given:
        return empty_given_database(given)
    return request.getfixturevalue("postgres_cluster").new_database()


LIVE_SUITE_PREFIX = "test_server_live_"
"""Modules named so run every test twice: on a server over SQLite and on one over PostgreSQL."""


def pytest_generate_tests(metafunc):
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if "live_server" in metafunc.fixturenames and module.startswith(LIVE_SUITE_PREFIX):
        metafunc.parametrize("live_backend", ["sqlite", "postgresql"], scope="session")


@pytest.fixture(scope="session")
def live_backend() -> str:
    """The live server's database where a test module is not run on both (see `pytest_generate_tests`)."""
    return "sqlite"


@pytest.fixture(scope="session")
def live_server(request, tmp_path_factory, seed_regions_csv: Path, region_index: RegionIndex, live_backend: str):
    """One real server process per test worker and database (tests isolate by area and NIK).

    The live suite (`LIVE_SUITE_PREFIX`) runs on SQLite and on a new database in the
    throw-away PostgreSQL cluster. With JEMPUT_TEST_POSTGRES_URL set (an empty
    database, emptied here; run without xdist) every server runs on that instead.
    """
    data = tmp_path_factory.mktemp(f"jemput-server-{live_backend}")
    database = os.environ.get("JEMPUT_TEST_POSTGRES_URL")
    if database:
        empty_given_database(database)
    elif live_backend == "postgresql":
        database = request.getfixturevalue("postgres_cluster").new_database()
    prepare_server_data(data, *(["--database-url", database] if database else []), regions=seed_regions_csv)
    kecamatan = [r.kode for r in region_index if r.level is RegionLevel.KECAMATAN
                 and region_index.children(r.kode)]
    server = start_server(data, "--max-chunk-bytes", str(LIVE_CHUNK), "--max-media-bytes", str(LIVE_MAX_MEDIA),
                          "--max-batch-items", "50",
                          # Many tests here send wrong codes from 127.0.0.1; the limit has its own
                          # server (test_server_live_register_limit.py), so it must not trip them here.
                          "--register-max-failures", "100000", database_url=database or None,
                          server_class=LiveServer, areas=iter(kecamatan[::-1]))
    yield server
    server.stop()
    server.dispose()


@pytest.fixture
def device(live_server: LiveServer) -> DeviceClient:
    return live_server.device()


@pytest.fixture
def app_settings(tmp_path: Path):
    from sync.server.settings import Settings

    return Settings(data_dir=tmp_path / "server", max_chunk_bytes=4096, max_media_bytes=64 * 1024,
                    max_body_bytes=256 * 1024, max_batch_items=20)


@pytest.fixture
def app(app_settings, seed_regions_csv: Path):
    from sync.server import admin
    from sync.server.app import create_app

    application = create_app(app_settings)
    with open(seed_regions_csv, encoding="utf-8") as fh:
        admin.import_regions(application.state.engine, fh)
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}) as c:
        yield c


@pytest.fixture
def token(app, client) -> str:
    from sync.server import admin

    code = admin.add_device(app.state.engine, "Tim uji", "13.72").enrollment_code
    r = client.post(protocol.Paths.REGISTER, json={"enrollment_code": code})
    assert r.status_code == 201, r.text
    return r.json()["token"]


@pytest.fixture
def authed(client, token):
    client.headers["Authorization"] = f"Bearer {token}"
    return client
