"""Abusive queries are refused before any store call, and say which limit they hit."""

from __future__ import annotations

import asyncio
import time

import pytest

from graph.store.base import Store
from tests.helpers import CountingStore, GraphQLClient


def nested_collaborators(levels: int, first: int = 5) -> str:
    inner = "name"
    for _ in range(levels):
        inner = f"collaborators(first: {first}) {{ institution {{ {inner} }} }}"
    return f'{{ institution(id: "x") {{ {inner} }} }}'


def test_deep_collaborators_of_collaborators_is_refused_fast(demo_store: Store) -> None:
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    took = []
    for _ in range(3):  # the best of three: the refusal's own time, not a busy CI host's
        started = time.perf_counter()
        [error] = client.errors(nested_collaborators(12))
        took.append(time.perf_counter() - started)
        assert "exceeds maximum operation depth" in error["message"]
    assert min(took) < 0.5
    assert counting.total == 0


def test_a_costly_query_is_refused_with_its_cost(demo_store: Store) -> None:
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    body = client.post(nested_collaborators(4, first=100))
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] > error["extensions"]["limit"]
    assert counting.total == 0
    # the same shape, narrow, runs and reports what it cost
    ok = client.post(nested_collaborators(2, first=5))
    assert "errors" not in ok and ok["extensions"]["cost"] < 1000


def test_cost_follows_first_given_as_a_variable(client: GraphQLClient) -> None:
    q = ("query($n: Int!) { institutions(first: $n) { edges { node { "
         "meetings(first: $n) { edges { node { attendees { institution { name } } } } } } } } }")
    cheap = client.post(q, {"n": 2})
    assert cheap["extensions"]["cost"] < client.post(q, {"n": 50}).get("extensions", {}).get(
        "cost", 10**9)
    [error] = client.errors(q, {"n": 100})
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"


def test_too_many_aliases_and_tokens(client: GraphQLClient) -> None:
    aliases = " ".join(f"a{i}: institutions {{ totalCount }}" for i in range(25))
    [error] = client.errors(f"{{ {aliases} }}")
    assert "aliases" in error["message"]
    tokens = "{ institutions { totalCount " + "__typename " * 6000 + "} }"
    [error] = client.errors(tokens)
    assert "token" in error["message"].lower()


def test_a_huge_body_is_refused_with_413(demo_store: Store) -> None:
    client = GraphQLClient(demo_store)
    response = client.http.post("/graphql", content=b'{"query": "' + b"x" * (9 << 20) + b'"}',
                                headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert response.headers["x-request-id"]


def test_the_request_id_comes_back(demo_store: Store) -> None:
    client = GraphQLClient(demo_store)
    response = client.http.post("/graphql", json={"query": "{ institutions { totalCount } }"},
                                headers={"x-request-id": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"


def test_analytics_have_a_time_budget(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A measure past TPPS_ANALYTICS_SECONDS answers TIMEOUT, on both stores (the job runs
    in a worker process where the store can be reopened, else on a thread)."""
    from api.analytics import queries
    from graph.analytics import jobs
    from graph.settings import settings
    from tests.analytics import slow_jobs

    monkeypatch.setenv("TPPS_ANALYTICS_SECONDS", "1")
    settings.cache_clear()
    jobs.reset()
    monkeypatch.setattr(jobs, "scores", slow_jobs.slow_scores)
    try:
        [error] = GraphQLClient(demo_store).errors("{ centrality(measure: PAGERANK) { score } }")
    finally:
        monkeypatch.undo()
        settings.cache_clear()
        jobs.reset()
    assert error["extensions"]["code"] == "TIMEOUT"
    assert asyncio.iscoroutinefunction(queries._run)


def test_debug_mode_shows_internal_errors(demo_store: Store) -> None:
    from tests.api.test_errors import BrokenStore

    client = GraphQLClient(BrokenStore(demo_store), debug=True)  # type: ignore[arg-type]
    [error] = client.errors("{ institutions { totalCount } }")
    assert "SELECT * FROM institutions" in error["message"]
