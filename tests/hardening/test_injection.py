"""Hostile strings are data: stored and returned verbatim by both stores, never run;
those no name may hold (controls, bidi overrides, a megabyte) are refused by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.store.base import InstitutionFilter, PageRequest, Store
from loaders.files import load_files
from tests.helpers import GraphQLClient

HOSTILE = [
    "Robert'); DROP TABLE institutions;--",
    '" OR 1=1 --',
    "x' }) MATCH (n) DETACH DELETE n //",
    "}) RETURN 1 UNION CALL db.labels() YIELD label RETURN label //",
    "tab\tnew\nline\rcarriage\x00nul\x1bescape",
    "Ǳ𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ Пуськесмас 保健所 مستشفى \u202eRTL",
    "%s %d {0} ${jndi:ldap://x} <script>alert(1)</script>",
    "Puskesmas " + "ab" * 524_288,  # over 1 MB
]
# What a name may not hold (loaders/values.py): refused with the field named.
REFUSED = {4: "control character", 5: "bidi control", 7: "at most 300 characters"}
STORED = [t for i, t in enumerate(HOSTILE) if i not in REFUSED]


@pytest.mark.parametrize("text", STORED, ids=range(len(STORED)))
def test_mutation_strings_round_trip(demo_store: Store, text: str) -> None:
    client = GraphQLClient(demo_store)
    before = demo_store.stats()["institutions"]
    created = client.data("mutation($n: String!) { createInstitution(input: {name: $n, "
                          'type: "PUSKESMAS", regionCode: "33.74.05"}) { id name } }',
                          {"n": text})["createInstitution"]
    assert created["name"] == text
    again = client.data("query($id: ID!) { institution(id: $id) { name } }",
                        {"id": created["id"]})
    assert again["institution"]["name"] == text
    assert demo_store.stats()["institutions"] == before + 1  # nothing dropped, nothing run
    found = client.data("query($q: String) { institutions(filter: {nameContains: $q}) "
                        "{ totalCount } }", {"q": text[:200]})
    assert found["institutions"]["totalCount"] >= 1


@pytest.mark.parametrize(("index", "why"), sorted(REFUSED.items()))
def test_names_no_reader_could_trust_are_refused(demo_store: Store, index: int,
                                                 why: str) -> None:
    client = GraphQLClient(demo_store)
    before = demo_store.stats()
    [error] = client.errors("mutation($n: String!) { createInstitution(input: {name: $n, "
                            'type: "PUSKESMAS", regionCode: "33.74.05"}) { id } }',
                            {"n": HOSTILE[index]})
    assert error["extensions"]["argument"] == "input.name"
    assert why in error["message"]
    assert demo_store.stats() == before


@pytest.mark.parametrize("text", HOSTILE[:7], ids=range(7))
def test_filter_arguments_are_never_executed(client: GraphQLClient, text: str) -> None:
    data = client.data("query($q: String) { a: institutions(filter: "
                       "{nameContains: $q}) { totalCount } programs(filter: {nameContains: $q})"
                       " { totalCount } regions(filter: {nameContains: $q}) { totalCount } }",
                       {"q": text})
    assert data["a"]["totalCount"] == 0
    assert client.data("{ institutions { totalCount } }")["institutions"]["totalCount"] == 36


def test_loader_fields_round_trip(tmp_path: Path, demo_store: Store) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({
        "sources": [{"ref": "s", "title": HOSTILE[2], "url": HOSTILE[6]}],
        "institutions": [{"ref": f"i{n}", "name": text, "type": "KUA", "region": "33.74.05",
                          "sources": [{"source": "s", "excerpt": text[:5000]}]}
                         for n, text in enumerate(STORED)],
    }), "utf-8")
    load_files([path], "json", demo_store)
    page = demo_store.find_institutions(InstitutionFilter(types=("KUA",), region_code="33.74.05"),
                                        PageRequest(100))
    assert sorted(i.name for i in page.items) == sorted(STORED)
    cites = demo_store.citations([i.id for i in page.items])
    assert sorted(c.excerpt for cs in cites.values() for c in cs) == sorted(
        t[:5000] for t in STORED)
