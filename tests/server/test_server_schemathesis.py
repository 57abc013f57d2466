"""Property-based API tests: schemathesis generates requests from the OpenAPI
document and sends them over HTTP to a real server process of its own; it checks
that the server never answers 500, and answers as documented (status codes,
content types, headers, response schemas, auth enforced, bad input refused)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config._checks import NegativeDataRejectionConfig

from sync import protocol
from sync.protocol import payload_sha256
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE
from sync.protocol_delivery import DELIVERY_PATH
from sync.protocol_marks import CATEGORY_MARKS_PATH
from sync.protocol_registration import REGISTRATIONS_PATH
from sync.server.app import openapi_document

from serverkit import LiveServer
from support.server import prepare_server_data, start_server

# Loaded from the document, which needs no database; the requests go to the
# module's own server. (schemathesis.pytest.from_fixture fails on pytest 9.)
schema = schemathesis.openapi.from_dict(openapi_document())
# 413 (body or chunk over the size limit) is a correct refusal of bad input too.
schema.config.checks.negative_data_rejection = NegativeDataRejectionConfig(
    expected_statuses=["400", "401", "403", "404", "405", "409", "413", "415", "422", "426"])
# The upload offset may come as a header or a query parameter, so OpenAPI marks
# both optional; a chunk without either is refused (400.2), as is one over the
# chunk limit (413): not expressible in the schema, so skip "valid data accepted" there.
UPLOADS = {("PUT", protocol.Paths.MEDIA), ("PATCH", protocol.Paths.MEDIA), ("POST", protocol.Paths.MEDIA_BUNDLE)}



@schemathesis.serializer(BUNDLE_CONTENT_TYPE)
def _bundle_bytes(_ctx, value) -> bytes:  # noqa: ANN001
    """Generated media bundles: the raw bytes as drawn (mostly unreadable bundles,
    which must be refused with 422.3, never a 500)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return str(value).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory, seed_regions_csv):
    data = tmp_path_factory.mktemp("fuzz-server")
    prepare_server_data(data, regions=seed_regions_csv)
    server = start_server(data, "--max-chunk-bytes", "8192", "--no-access-log", server_class=LiveServer)
    token = server.device("13.72").token
    yield server.url, token, server.log
    server.stop()
    server.dispose()
    text = server.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "kesalahan internal" not in text, text[-3000:]


def _fix_hashes(case) -> None:
    # Give every other generated batch item its true payload hash, so the intake
    # validates it instead of stopping at the hash check.
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return  # a deliberately invalid request stays invalid
    body = case.body
    if case.path == protocol.Paths.BATCH and isinstance(body, dict) and isinstance(body.get("items"), list):
        for i, item in enumerate(body["items"]):
            if (i % 2 == 0 and isinstance(item, dict) and "payload_sha256" in item
                    and isinstance(item.get("payload"), dict)):
                item["payload_sha256"] = payload_sha256(item["payload"])


@schema.parametrize()
@settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_and_never_fails(case, fuzz_server):
    url, token, _log = fuzz_server
    _fix_hashes(case)
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if positive or "Authorization" in (case.headers or {}):
        headers["Authorization"] = f"Bearer {token}"  # a negative case without it stays without
    excluded = []
    if (case.method.upper(), case.path) in UPLOADS:
        excluded.append(schemathesis.checks.positive_data_acceptance)
    elif case.path == protocol.Paths.BATCH and isinstance(case.body, dict) and case.body.get("outcomes"):
        # Visit outcomes follow rules the schema cannot state (a revisit date not before the visit
        # day, only for kunjungan_ulang; direkam with its recording): refused as 422 (422.1).
        excluded.append(schemathesis.checks.positive_data_acceptance)
    elif case.path == DELIVERY_PATH and isinstance(case.body, dict) and case.body.get("events"):
        # Card delivery events follow `app.core.card_delivery`'s rules (a handover's receiver, relation and
        # proof, an attempt's reason) and a proof's SHA-256 must be its bytes': refused as 422 (422.1).
        excluded.append(schemathesis.checks.positive_data_acceptance)
    elif case.path == REGISTRATIONS_PATH:
        # A family follows the KK form's rules (one head of family, names, dates, the address's
        # region codes), which the schema cannot state: a family breaking them is refused as 422 (422.1).
        excluded.append(schemathesis.checks.positive_data_acceptance)
    elif (case.path == CATEGORY_MARKS_PATH and isinstance(case.body, dict)
          and len(case.body.get("items") or []) > protocol.DEFAULT_MAX_BATCH_ITEMS):
        # The schema allows the protocol's largest batch; this server takes fewer a request (413.3).
        excluded.append(schemathesis.checks.positive_data_acceptance)
    case.call_and_validate(base_url=url, headers=headers, excluded_checks=excluded, timeout=30)
