"""Hostile query shapes and prices are refused before any store call: fragment bombs,
cycles, aliases hidden in fragments, pages sized through variables, nested pages
over the cap, and analytics over graphs too big for the memory ceiling."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, parse

from api.app import create_app
from api.cost_map import COST_MAP
from api.guards import size_cost
from api.schema import schema
from api.shape import ShapeError, check
from graph.settings import settings
from graph.store.base import NetworkFilter, Store
from tests.helpers import TEST_ACCESS, CountingStore, GraphQLClient


def fragment_bomb(levels: int) -> str:
    """query{...F0} fragment F0 on Query{...F1 ...F1} ... : 2^levels fields from n lines."""
    chain = " ".join(f"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}" for i in range(levels))
    return f"query{{...F0}} {chain} fragment F{levels} on Query{{__typename}}"


@pytest.fixture
def counting(demo_store: Store) -> CountingStore:
    return CountingStore(demo_store)


@pytest.fixture
def guarded(counting: CountingStore) -> GraphQLClient:
    return GraphQLClient(counting)  # type: ignore[arg-type]


@pytest.mark.parametrize("levels", [19, 40])
def test_a_fragment_bomb_is_refused_at_once(guarded: GraphQLClient, counting: CountingStore,
                                            levels: int) -> None:
    took = []
    for _ in range(5):  # the best of five: the walk's own time, not the scheduler's
        started = time.perf_counter()
        with pytest.raises(ShapeError):
            check(parse(fragment_bomb(levels)))
        took.append(time.perf_counter() - started)
    assert min(took) < 0.05
    [error] = guarded.errors(fragment_bomb(levels))
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert error["extensions"]["limit"] == "fields"
    assert error["extensions"]["value"] == 2 ** levels
    assert counting.total == 0


def test_the_event_loop_answers_while_a_bomb_is_refused(demo_store: Store) -> None:
    app = create_app(demo_store, access=TEST_ACCESS)

    async def scenario() -> tuple[float, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            await http.post("/graphql", json={"query": "{__typename}"})  # warm up

            async def typename() -> float:
                started = time.perf_counter()
                r = await http.post("/graphql", json={"query": "{__typename}"})
                assert r.json()["data"] == {"__typename": "Query"}
                return time.perf_counter() - started

            bombs = [http.post("/graphql", json={"query": fragment_bomb(30)}) for _ in range(5)]
            *answers, took = await asyncio.gather(*bombs, typename())
            return took, sum(1 for a in answers if a.json()["errors"])  # type: ignore[union-attr]

    took, refused = asyncio.run(scenario())
    assert refused == 5
    assert took < 1.0


def test_a_fragment_cycle_is_refused_without_recursing(guarded: GraphQLClient) -> None:
    [error] = guarded.errors("query{...A} fragment A on Query{...B} fragment B on Query{...A}")
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "spreads itself" in error["message"]


def test_aliases_count_at_every_spread(guarded: GraphQLClient) -> None:
    aliases = " ".join(f"a{i}: __typename" for i in range(6))
    query = f"query{{...F ...G}} fragment F on Query{{{aliases}}} " \
            "fragment G on Query{...F ...F ...F}"
    [error] = guarded.errors(query)
    assert error["extensions"]["limit"] == "aliases"
    assert error["extensions"]["value"] == 24


NESTED = ("query($n: Int = 100) { institutions(first: $n) { edges { node { "
          "collaborators(first: $n) { institution { meetings(first: $n) { edges { node { "
          "title } } } } } } } } }")


def test_a_page_size_from_a_variable_default_is_priced(guarded: GraphQLClient,
                                                        counting: CountingStore) -> None:
    [error] = guarded.errors(NESTED)
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] > 1_000_000
    assert counting.total == 0


def test_a_float_page_size_is_priced_or_refused(guarded: GraphQLClient,
                                                counting: CountingStore) -> None:
    [error] = guarded.errors(NESTED.replace("$n: Int = 100", "$n: Int"), {"n": 100.0})
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    [error] = guarded.errors(NESTED.replace("$n: Int = 100", "$n: Int"), {"n": 2.5})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == "$n"
    assert "non-integer" in error["message"]
    assert counting.total == 0


@pytest.mark.parametrize("query", [
    "{ institutions(first: 2) { edges { node { meetings(first: 101) { totalCount } } } } }",
    "query($n: Int!) { institutions { edges { node { collaborators(first: $n) "
    "{ sharedMeetings } } } } }",
    "{ communities { members(first: 100000) { name } } }",
    "{ programs { edges { node { meetings(first: -1) { totalCount } } } } }",
])
def test_a_nested_page_over_the_cap_is_refused_before_the_store(
        guarded: GraphQLClient, counting: CountingStore, query: str) -> None:
    [error] = guarded.errors(query, {"n": 101})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "first"}
    assert "between 0 and 100" in error["message"]
    assert counting.total == 0


def _list_fields() -> Iterator[tuple[str, str, bool]]:
    for type_ in schema._schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for name, f in type_.fields.items():
            t = f.type.of_type if isinstance(f.type, GraphQLNonNull) else f.type
            if isinstance(t, GraphQLList):
                inner = t.of_type.of_type if isinstance(t.of_type, GraphQLNonNull) else t.of_type
                yield type_.name, name, isinstance(inner, GraphQLObjectType)


def test_every_list_of_objects_is_priced_and_every_page_by_its_first() -> None:
    unpriced = [f"{t}.{n}" for t, n, objects in _list_fields() if objects
                and n not in COST_MAP.get(t, {}) and not t.endswith("Connection")]
    assert unpriced == []
    lists = {(t, n) for t, n, _ in _list_fields()}
    for type_ in schema._schema.type_map.values():
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
            for name, f in type_.fields.items():
                if "first" in f.args and (type_.name, name) in lists:
                    assert COST_MAP[type_.name][name][1] == "first", f"{type_.name}.{name}"


def test_analytics_are_priced_by_the_graph_they_read(guarded: GraphQLClient,
                                                     counting: CountingStore,
                                                     demo_store: Store) -> None:
    whole = demo_store.network_size(NetworkFilter())
    assert whole.rows > 0
    body = guarded.post("{ networkSummary { ties } a: networkSummary { density } }")
    assert body["extensions"]["cost"] == 2 * 20 + size_cost(whole)  # one count for one scope
    assert counting.calls["network_size"] == 1
    empty = guarded.post('{ networkSummary(filter: {regionCode: "99"}) { ties } }')
    assert empty["extensions"]["cost"] == 20


def test_an_analysis_too_big_for_the_memory_ceiling_is_refused_before_reading(
        guarded: GraphQLClient, counting: CountingStore,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_ANALYTICS_MEMORY_MB", "0")
    settings.cache_clear()
    try:
        [error] = guarded.errors("{ brokers { constraint } }")
    finally:
        monkeypatch.delenv("TPPS_ANALYTICS_MEMORY_MB")
        settings.cache_clear()
    assert error["extensions"]["code"] == "TOO_LARGE"
    assert "narrow the filter" in error["message"]
    assert dict(counting.calls) == {"network_size": 1}  # a count, never a read
