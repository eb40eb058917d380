"""Automatic persisted queries: a hash stands for a query text the server has seen."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.apq import PersistedQueries, PersistedQueryError, sha256_hex
from graph.store.base import Store

QUERY = '{ region(code: "33.74.05") { name } }'


def _ext(query: str) -> dict[str, object]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(query)}}


@pytest.fixture
def http(demo_store: Store) -> TestClient:
    return TestClient(create_app(demo_store))


def test_a_hash_alone_is_unknown_until_the_text_is_sent(http: TestClient) -> None:
    r = http.post("/graphql", json={"extensions": _ext(QUERY)})
    assert r.status_code == 200
    assert r.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert r.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    r = http.post("/graphql", json={"query": QUERY, "extensions": _ext(QUERY)})
    assert r.json()["data"] == {"region": {"name": "Genuk"}}
    r = http.post("/graphql", json={"extensions": _ext(QUERY)})
    assert r.json()["data"] == {"region": {"name": "Genuk"}}


def test_a_registered_hash_works_over_get(http: TestClient) -> None:
    http.post("/graphql", json={"query": QUERY, "extensions": _ext(QUERY)})
    r = http.get("/graphql", params={"extensions": json.dumps(_ext(QUERY))},
                 headers={"Accept": "*/*"})
    assert r.status_code == 200
    assert r.json()["data"] == {"region": {"name": "Genuk"}}


def test_a_hash_that_is_not_the_texts_is_refused(http: TestClient) -> None:
    r = http.post("/graphql", json={"query": QUERY, "extensions": _ext("{ other }")})
    assert r.json()["errors"][0]["extensions"]["code"] == "BAD_PERSISTED_QUERY"
    r = http.post("/graphql", json={"extensions": _ext("{ other }")})
    assert r.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


def test_other_versions_and_malformed_hashes_are_refused(http: TestClient) -> None:
    r = http.post("/graphql", json={"extensions": {"persistedQuery": {"version": 2,
                                                                      "sha256Hash": "0" * 64}}})
    assert r.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"
    r = http.post("/graphql", json={"extensions": {"persistedQuery": {"version": 1,
                                                                      "sha256Hash": "abc"}}})
    assert r.json()["errors"][0]["extensions"]["code"] == "BAD_PERSISTED_QUERY"


def test_the_cache_is_bounded_least_recently_used_first() -> None:
    cache = PersistedQueries(max_entries=3)
    texts = [f"{{ q{i}: __typename }}" for i in range(4)]
    for t in texts[:3]:
        cache.resolve(t, _ext(t))
    assert cache.resolve(None, _ext(texts[0])) == texts[0]  # q0 used again: q1 is oldest
    cache.resolve(texts[3], _ext(texts[3]))
    assert len(cache) == 3
    with pytest.raises(PersistedQueryError):
        cache.resolve(None, _ext(texts[1]))
    for t in (texts[0], texts[2], texts[3]):
        assert cache.resolve(None, _ext(t)) == t


def test_queries_without_the_extension_pass_through() -> None:
    assert PersistedQueries().resolve(QUERY, None) == QUERY
    assert PersistedQueries().resolve(QUERY, {"other": 1}) == QUERY
