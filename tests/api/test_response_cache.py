"""The response cache: identical reads answered from memory, never across a write."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from graphql import GraphQLError
from strawberry.types import ExecutionResult

from api.response_cache import ResponseCache, is_read, key
from api.schema import TppsSchema, build_schema
from graph.model import Batch, Institution
from graph.settings import settings
from graph.store.base import Store
from tests.helpers import CountingStore, GraphQLClient

QUERY = """query($first: Int!) { institutions(first: $first) { totalCount
  edges { node { id name region { name } } } } }"""


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TPPS_RESPONSE_CACHE", "1")
    settings.cache_clear()
    yield
    settings.cache_clear()


def test_off_unless_switched_on() -> None:
    settings.cache_clear()
    built = build_schema()
    assert isinstance(built, TppsSchema) and built.responses is None
    on = build_schema(response_cache=True)
    assert isinstance(on, TppsSchema) and on.responses is not None


def test_an_identical_read_costs_one_version_check(demo_store: Store, cached: None) -> None:
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    first = client.post(QUERY, {"first": 5})
    counting.reset()
    again = client.post(QUERY, {"first": 5})
    assert again == first
    assert dict(counting.calls) == {"version": 1}
    counting.reset()
    other = client.post(QUERY, {"first": 6})  # other variables: another read
    assert len(other["data"]["institutions"]["edges"]) == 6
    assert counting.calls["find_institutions"] == 1


def test_a_write_from_anywhere_drops_what_was_read_before(demo_store: Store,
                                                          cached: None) -> None:
    client = GraphQLClient(demo_store)
    before = client.data(QUERY, {"first": 5})["institutions"]["totalCount"]
    demo_store.write(Batch(institutions=[Institution("ins_cache_test", "Aaa Cache Test",
                                                     "PUSKESMAS")]))
    after = client.data(QUERY, {"first": 5})["institutions"]
    assert after["totalCount"] == before + 1
    assert after["edges"][0]["node"]["name"] == "Aaa Cache Test"


def test_mutations_and_errors_are_not_cached() -> None:
    assert is_read("query { a } ")
    assert is_read("{ a }")
    assert not is_read("mutation { a }")
    assert not is_read("query { a } mutation m { b }")
    assert not is_read("{ not graphql")
    cache = ResponseCache(size=2)
    k = key("{ a }", None, None, None)
    cache.put(k, 1, ExecutionResult(data=None, errors=[GraphQLError("no")]))
    assert cache.get(k, 1) is None
    ok = ExecutionResult(data={"a": 1}, errors=None)
    cache.put(k, 1, ok)
    assert cache.get(k, 1) is ok and cache.get(k, 2) is None
    for n in range(3):  # bounded: the least recently used goes
        cache.put(key("{ a }", None, {"n": n}, None), 1, ok)
    assert len(cache) == 2 and cache.get(k, 1) is None


def test_the_callers_role_is_part_of_the_key() -> None:
    assert key("{ a }", None, {"x": 1, "y": 2}, "editor") != key("{ a }", None, {"x": 1, "y": 2},
                                                                 None)
    assert key("{ a }", None, {"y": 2, "x": 1}, None) == key("{ a }", None, {"x": 1, "y": 2},
                                                             None)
