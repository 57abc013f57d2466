"""The wire format: canonical hashing, models that match the resident record, the
problem catalogue, version parsing, and that protocol.py needs no server stack."""

from __future__ import annotations

import hashlib
import json

import pytest
from pydantic import ValidationError

from app.core.resident import RESIDENT_FIELDS, Resident
from sync import protocol
from sync.protocol import BatchRequest, RecordingPayload, ResidentData, canonical_json, payload_sha256
from sync.protocol_problems import PROBLEMS, Problems, parse_problem

from serverkit import make_recording


def test_canonical_json_is_sorted_compact_utf8():
    value = {"b": 1, "a": {"d": [1, 2], "c": "Nur’aini é"}}
    out = canonical_json(value)
    assert out == '{"a":{"c":"Nur’aini é","d":[1,2]},"b":1}'.encode("utf-8")
    # the same content in another key order hashes the same
    assert payload_sha256({"a": {"d": [1, 2], "c": "Nur’aini é"}, "b": 1}) == hashlib.sha256(out).hexdigest()
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_built_item_hash_matches_what_travels(people):
    rec = make_recording(people.resident())
    item = rec.item
    # what the server sees is the JSON text parsed back
    received = json.loads(json.dumps(item))
    assert payload_sha256(received["payload"]) == item["payload_sha256"]
    changed = dict(received["payload"], operator="someone else")
    assert payload_sha256(changed) != item["payload_sha256"]
    BatchRequest.model_validate({"items": [received]})


def test_resident_model_has_exactly_the_record_fields(people):
    assert set(ResidentData.model_fields) == set(RESIDENT_FIELDS)
    data = people.resident()
    model = ResidentData.model_validate(data)
    assert Resident.from_dict(model.model_dump(mode="json")) == Resident.from_dict(data)
    assert model.model_dump(mode="json") == Resident.from_dict(data).to_dict()


@pytest.mark.parametrize("changes, field", [
    ({"nik": 1372010101900001}, "nik"),
    ({"agama": "1"}, "agama"),
    ({"tanggal_lahir": 946684800}, "tanggal_lahir"),
    ({"tanggal_lahir": "31-12-1990"}, "tanggal_lahir"),
    ({"jenis_kelamin": "X"}, "jenis_kelamin"),
])
def test_wrong_types_are_refused_with_the_field_named(people, changes, field):
    payload = make_recording(people.resident()).payload.model_dump(mode="json")
    payload["resident"].update(changes)
    with pytest.raises(ValidationError) as info:
        RecordingPayload.model_validate(payload)
    assert any(err["loc"][:2] == ("resident", field) for err in info.value.errors())


def test_item_keys_are_strict_lowercase_hex():
    with pytest.raises(ValidationError):
        protocol.MediaDescriptor(sha256="A" * 64, size=1, kind="photo")
    with pytest.raises(ValidationError):
        protocol.BatchItem.model_validate({"uuid": "NOT-A-UUID", "payload_sha256": "0" * 64,
                                           "payload": {"resident": {}, "recording_date": "2025-01-01"}})


def test_problem_catalogue_is_numbered_and_bilingual():
    codes = [p.code for p in Problems.all()]
    assert len(codes) == len(set(codes)) == len(PROBLEMS)
    for spec in PROBLEMS.values():
        assert spec.status == int(spec.code.split(".")[0])
        assert spec.message_id and spec.message_en and spec.message_id != spec.message_en
    body = Problems.OFFSET_MISMATCH.body(offset=123)
    assert body["code"] == "409.1" and "123" in body["message"] and "123" in body["message_en"]
    assert parse_problem(body).details == {"offset": 123}
    assert parse_problem({"nope": 1}) is None


@pytest.mark.parametrize("text, expected", [("1", (1, 0)), ("1.0", (1, 0)), (" 1.7 ", (1, 7)), ("2.1", (2, 1))])
def test_protocol_versions_parse(text, expected):
    assert protocol.parse_protocol_version(text) == expected


@pytest.mark.parametrize("text", ["", None, "v1", "1.x", "1.0.0"])
def test_bad_protocol_versions_raise(text):
    with pytest.raises(ValueError):
        protocol.parse_protocol_version(text)
    assert not protocol.is_compatible(text)
