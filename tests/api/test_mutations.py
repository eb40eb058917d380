"""Mutations write through the loaders' validation; merge keeps every relationship."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from api.app import create_app
from graph.store.base import InstitutionFilter, PageRequest, Store
from tests.helpers import EDITOR_TOKEN, TEST_ACCESS, GraphQLClient

CREATE_INSTITUTION = """mutation($input: InstitutionInput!) {
  createInstitution(input: $input) { id name type level regionCode } }"""


def make(client: GraphQLClient, name: str, type_: str, region: str) -> str:
    data = client.data(CREATE_INSTITUTION,
                       {"input": {"name": name, "type": type_, "regionCode": region}})
    return str(data["createInstitution"]["id"])


def test_create_institution_derives_level_and_refuses_duplicates(client: GraphQLClient) -> None:
    data = client.data(CREATE_INSTITUTION, {"input": {"name": "KUA Genuk", "type": "KUA",
                                                      "regionCode": "33.74.05"}})
    created = data["createInstitution"]
    assert created["level"] == "kecamatan"
    assert created["id"].startswith("ins_")
    [error] = client.errors(CREATE_INSTITUTION, {"input": {"name": "kua  GENUK", "type": "KUA",
                                                           "regionCode": "33.74.05"}})
    assert error["extensions"]["code"] == "CONFLICT"
    assert created["id"] in error["message"]


def test_create_institution_rejects_bad_input_by_name(client: GraphQLClient) -> None:
    [error] = client.errors(CREATE_INSTITUTION, {"input": {"name": "X", "type": "NOPE"}})
    assert error["extensions"]["argument"] == "input.type"
    [error] = client.errors(CREATE_INSTITUTION, {"input": {"name": "X", "type": "KUA",
                                                           "regionCode": "99.99"}})
    assert error["extensions"]["argument"] == "input.regionCode"
    assert "unknown region" in error["message"]
    [error] = client.errors(CREATE_INSTITUTION, {"input": {"name": "", "type": "KUA"}})
    assert error["extensions"]["argument"] == "input.name"


def test_update_institution_rekeys_when_its_natural_key_changes(client: GraphQLClient) -> None:
    iid = make(client, "KUA Genuk", "KUA", "33.74.05")
    same = client.data("""mutation($id: ID!) { updateInstitution(id: $id,
        input: {name: "kua genuk"}) { id name } }""", {"id": iid})["updateInstitution"]
    assert same == {"id": iid, "name": "kua genuk"}  # the same natural key: the same id
    client.data("""mutation($id: ID!) { createMeeting(input: {title: "Bimwin", date: "2026-03-01",
        regionCode: "33.74.05", attendees: [{institutionId: $id, role: "chair"}]}) { id } }""",
                {"id": iid})
    data = client.data("""mutation($id: ID!) { updateInstitution(id: $id,
        input: {name: "KUA Kecamatan Genuk"}) { id name type regionCode meetings { totalCount }
        } }""", {"id": iid})["updateInstitution"]
    new_id = data["id"]
    assert new_id != iid and new_id.startswith("ins_")
    assert data["name"] == "KUA Kecamatan Genuk"
    assert data["meetings"]["totalCount"] == 1  # the attendance moved with it
    assert client.data('query($id: ID!) { institution(id: $id) { id } }',
                       {"id": iid})["institution"] is None
    # Renaming onto another institution's natural key is refused, and changes nothing.
    other = make(client, "KUA Pedurungan", "KUA", "33.74.05")
    [error] = client.errors("""mutation($id: ID!) { updateInstitution(id: $id,
        input: {name: "KUA Pedurungan"}) { id } }""", {"id": new_id})
    assert error["extensions"]["code"] == "CONFLICT"
    assert error["extensions"]["id"] == other
    assert client.data('query($id: ID!) { institution(id: $id) { name } }',
                       {"id": new_id})["institution"] == {"name": "KUA Kecamatan Genuk"}
    [error] = client.errors('mutation { updateInstitution(id: "ins_nope", input: {name: "x"}) '
                            '{ id } }')
    assert error["extensions"]["code"] == "NOT_FOUND"


def test_create_and_update_meeting_with_attendance(client: GraphQLClient) -> None:
    kua = make(client, "KUA Genuk", "KUA", "33.74.05")
    pkm = client.data('{ institutions(filter: {nameContains: "Puskesmas Genuk"}) '
                      '{ edges { node { id } } } }')["institutions"]["edges"][0]["node"]["id"]
    prog = client.data('{ programs(filter: {nameContains: "Bimwin"}) { edges { node { id } } } }'
                       )["programs"]["edges"][0]["node"]["id"]
    created = client.data("""mutation($input: MeetingInput!) { createMeeting(input: $input) {
        id title level attendees { role institution { id } } programs { name } } }""", {
        "input": {"title": "Rembuk Stunting Genuk", "date": "2026-01-15", "regionCode": "33.74.05",
                  "startTime": "09:00", "attendees": [
                      {"institutionId": kua, "role": "organiser"},
                      {"institutionId": pkm}], "programIds": [prog]}})["createMeeting"]
    assert created["level"] == "kecamatan"
    assert {(a["institution"]["id"], a["role"]) for a in created["attendees"]} == {
        (kua, "organiser"), (pkm, "participant")}
    assert created["programs"] == [{"name": "Bimwin"}]
    collab = client.data('query($id: ID!) { institution(id: $id) { collaborators '
                         '{ sharedMeetings weight institution { id } } } }', {"id": kua})
    assert collab["institution"]["collaborators"] == [
        {"sharedMeetings": 1, "weight": 1.0, "institution": {"id": pkm}}]
    updated = client.data("""mutation($id: ID!, $a: [AttendeeInput!]) {
        updateMeeting(id: $id, input: {title: "Rembuk Stunting Kecamatan Genuk", attendees: $a})
        { id title attendees { institution { id } } programs { name } } }""",
                          {"id": created["id"], "a": [{"institutionId": kua, "role": "chair"}]})
    meeting = updated["updateMeeting"]
    assert meeting["id"] == created["id"]
    assert meeting["title"] == "Rembuk Stunting Kecamatan Genuk"
    assert meeting["attendees"] == [{"institution": {"id": kua}}]
    assert meeting["programs"] == [{"name": "Bimwin"}]  # not given, so kept


def test_meeting_with_unknown_attendee_is_refused_and_nothing_written(
        client: GraphQLClient) -> None:
    before = client.data("{ meetings { totalCount } }")
    [error] = client.errors("""mutation { createMeeting(input: {title: "X", date: "2026-01-01",
        attendees: [{institutionId: "ins_ghost"}]}) { id } }""")
    assert error["extensions"]["argument"] == "input.attendees[0].institutionId"
    assert client.data("{ meetings { totalCount } }") == before


def test_programs_and_measurements(client: GraphQLClient) -> None:
    owner = make(client, "Dinas Kesehatan Kota Semarang", "DINKES", "33.74")
    prog = client.data("""mutation($o: ID!) { createProgram(input: {name: "Dashat",
        aliases: ["Dapur Sehat Atasi Stunting"], owners: [{institutionId: $o}],
        regionCodes: ["33.74"]}) { id name aliases owners { relation institution { id } } } }""",
                       {"o": owner})["createProgram"]
    assert prog["owners"] == [{"relation": "RUNS", "institution": {"id": owner}}]
    renamed = client.data('mutation($id: ID!) { updateProgram(id: $id, input: '
                          '{description: "Dapur sehat"}) { id description aliases } }',
                          {"id": prog["id"]})["updateProgram"]
    assert renamed == {"id": prog["id"], "description": "Dapur sehat",
                       "aliases": ["Dapur Sehat Atasi Stunting"]}
    m = client.data("""mutation { createMeasurement(input: {what: "stunting_cases", value: 120,
        unit: "children", period: "2025-12", regionCode: "33.74.05"}) { id value } }""")
    mid = m["createMeasurement"]["id"]
    fixed = client.data('mutation($id: ID!) { updateMeasurement(id: $id, input: {value: 121}) '
                        '{ id value } }', {"id": mid})
    assert fixed["updateMeasurement"] == {"id": mid, "value": 121.0}
    [error] = client.errors('mutation { createMeasurement(input: {what: "height", value: 1, '
                            'unit: "cm"}) { id } }')
    assert error["extensions"]["argument"] == "input.what"


def test_merge_institutions_keeps_every_relationship(client: GraphQLClient) -> None:
    pkm = client.data('{ institutions(filter: {nameContains: "Puskesmas Genuk"}) '
                      '{ edges { node { id } } } }')["institutions"]["edges"][0]["node"]["id"]
    dup = make(client, "PKM Genuk", "PUSKESMAS", "33.74.05")
    kua = make(client, "KUA Genuk", "KUA", "33.74.05")
    client.data("""mutation($d: ID!, $k: ID!) { createMeeting(input: {title: "Lokakarya",
        date: "2026-02-01", regionCode: "33.74.05",
        attendees: [{institutionId: $d, role: "presenter"}, {institutionId: $k}]}) { id } }""",
                {"d": dup, "k": kua})
    merged = client.data("""mutation($keep: ID!, $drop: ID!) {
        mergeInstitutions(keepId: $keep, mergeId: $drop) {
          id meetings { totalCount } collaborators(first: 100) { institution { id } } } }""",
                         {"keep": pkm, "drop": dup})["mergeInstitutions"]
    assert merged["id"] == pkm
    assert merged["meetings"]["totalCount"] == 2
    assert kua in {c["institution"]["id"] for c in merged["collaborators"]}
    assert client.data('query($id: ID!) { institution(id: $id) { id } }',
                       {"id": dup})["institution"] is None
    [error] = client.errors('mutation($k: ID!) { mergeInstitutions(keepId: $k, '
                            'mergeId: "ins_nope") { id } }', {"k": pkm})
    assert "ins_nope" in error["message"]


CREATE_MEETING = "mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }"


def test_loose_values_are_refused_by_field_and_nothing_is_written(client: GraphQLClient) -> None:
    before = client.data("{ meetings { totalCount } }")
    for day in ("20250101", "2025-W01-1", "2025-02-30"):
        [error] = client.errors(CREATE_MEETING, {"input": {"title": "Rakor", "date": day}})
        assert "Date" in error["message"] and day in error["message"]
    [error] = client.errors(CREATE_MEETING, {"input": {
        "title": "Rakor", "date": "2025-01-10", "startTime": "10:00", "endTime": "08:00"}})
    assert error["extensions"]["argument"] == "input.endTime"
    assert client.data("{ meetings { totalCount } }") == before
    [error] = client.errors('mutation { createMeasurement(input: {what: '
                            '"stunting_prevalence_pct", value: -500, unit: "percent"}) { id } }')
    assert error["extensions"]["argument"] == "input.value"
    [error] = client.errors('mutation { createMeasurement(input: {what: "stunting_cases", '
                            'value: 5, unit: "children", period: "2025-02-30"}) { id } }')
    assert error["extensions"]["argument"] == "input.period"
    # A query argument takes the same strict dates.
    [error] = client.errors('{ meetings(filter: {from: "20250101"}) { totalCount } }')
    assert "20250101" in error["message"]


def test_create_with_the_key_of_a_merged_away_institution_changes_nothing(
        client: GraphQLClient) -> None:
    keep = make(client, "Puskesmas Genuk Baru", "PUSKESMAS", "33.74.05")
    dup = make(client, "PKM Genuk Baru", "PUSKESMAS", "33.74.05")
    client.data('mutation($k: ID!, $d: ID!) { mergeInstitutions(keepId: $k, mergeId: $d) '
                '{ id } }', {"k": keep, "d": dup})
    before = client.data('query($id: ID!) { institution(id: $id) { name type regionCode } }',
                         {"id": keep})
    [error] = client.errors(CREATE_INSTITUTION, {"input": {
        "name": "PKM Genuk Baru", "type": "PUSKESMAS", "regionCode": "33.74.05"}})
    assert error["extensions"]["code"] == "CONFLICT"
    assert error["extensions"]["id"] == keep
    assert client.data('query($id: ID!) { institution(id: $id) { name type regionCode } }',
                       {"id": keep}) == before


def test_merge_across_types_or_regions_needs_the_flag(client: GraphQLClient) -> None:
    pkm = make(client, "Puskesmas Uji", "PUSKESMAS", "33.74.05")
    polsek = make(client, "Polsek Uji", "POLSEK", "36.72")
    merge = 'mutation($k: ID!, $d: ID!) { mergeInstitutions(keepId: $k, mergeId: $d%s) { id } }'
    [error] = client.errors(merge % "", {"k": pkm, "d": polsek})
    assert error["extensions"]["argument"] == "allowCrossType"
    [error] = client.errors(merge % ", allowCrossType: true", {"k": pkm, "d": polsek})
    assert error["extensions"]["argument"] == "allowCrossRegion"
    assert client.data('query($id: ID!) { institution(id: $id) { id } }',
                       {"id": polsek})["institution"] == {"id": polsek}
    merged = client.data(merge % ", allowCrossType: true, allowCrossRegion: true",
                         {"k": pkm, "d": polsek})
    assert merged["mergeInstitutions"] == {"id": pkm}


def test_concurrent_identical_creates_answer_one_success_and_one_id(demo_store: Store) -> None:
    """Eight callers at once, ten times, through the ASGI app (store calls in threads)."""
    app = create_app(demo_store, access=TEST_ACCESS)
    headers = {"Authorization": f"Bearer {EDITOR_TOKEN}"}

    async def trial(name: str) -> list[dict[str, Any]]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://test") as http:
            answers = await asyncio.gather(*(http.post(
                "/graphql", headers=headers, json={"query": CREATE_INSTITUTION, "variables": {
                    "input": {"name": name, "type": "KUA", "regionCode": "33.74.05"}}})
                for _ in range(8)))
        return [a.json() for a in answers]

    for n in range(10):
        bodies = asyncio.run(trial(f"KUA Serentak {n}"))
        ok = [b["data"]["createInstitution"]["id"] for b in bodies if b.get("data")]
        refused = [b["errors"][0]["extensions"] for b in bodies if b.get("errors")]
        assert len(ok) == 1, bodies
        assert {e["code"] for e in refused} == {"CONFLICT"}
        assert {e["id"] for e in refused} == set(ok)
        found = demo_store.find_institutions(
            InstitutionFilter(name_contains=f"KUA Serentak {n}"), PageRequest(10))
        assert [i.id for i in found.items] == ok
