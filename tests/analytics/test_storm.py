"""What keeps the API answering while analytics run (bench/analytics_storm.py measures
it): niced workers, ranking in the worker, BUSY decided before any store call, graph
counts kept per scope version, a pool warmed at serve start."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.analytics import jobs
from graph.analytics.ranking import Ranking
from graph.model import Batch, Institution
from graph.settings import settings
from graph.store.base import NetworkFilter
from graph.store.embedded import EmbeddedStore
from tests.analytics import slow_jobs
from tests.helpers import CountingStore, GraphQLClient

WHOLE = NetworkFilter()


@pytest.fixture
def tuned(one_worker: Callable[[float], None]) -> None:
    """The process's pool with one worker, a 30 s budget and a short queue."""
    one_worker(30)


def test_a_worker_runs_at_a_lower_cpu_priority_than_the_server(store: EmbeddedStore) -> None:
    pool = jobs.Pool(size=1, memory_mb=256, queue_seconds=0.2, nice=7)
    try:
        worker = asyncio.run(pool.run(store, slow_jobs.niceness, WHOLE, timeout=60))
    finally:
        pool.close()
    assert worker == min(19, os.nice(0) + 7)
    assert worker > os.nice(0) or os.nice(0) == 19


def test_the_default_nice_is_from_the_settings_and_checked(tuned: None,
                                                           store: EmbeddedStore) -> None:
    assert jobs.pool().nice == settings().analytics_nice > 0
    with pytest.raises(ValueError, match="TPPS_ANALYTICS_NICE"):
        jobs.Pool(size=1, memory_mb=256, queue_seconds=0.2, nice=20)


def test_scores_come_back_ranked_so_the_event_loop_does_not_sort(store: EmbeddedStore) -> None:
    pool = jobs.Pool(size=1, memory_mb=256, queue_seconds=0.2)
    try:
        scores = asyncio.run(pool.run(store, jobs.scores, WHOLE, "PAGERANK", "shared",
                                      timeout=60))
    finally:
        pool.close()
    assert pool.pids  # computed in a worker
    assert isinstance(scores, Ranking) and len(scores) > 0  # a compact ranking, sorted there
    assert list(scores.scores) == sorted(scores.scores, reverse=True)


def _hold_the_only_worker(store: EmbeddedStore, seconds: float) -> threading.Thread:
    held = threading.Thread(target=lambda: asyncio.run(
        jobs.pool().run(store, slow_jobs.spin, WHOLE, seconds, timeout=60)))
    held.start()
    deadline = time.monotonic() + 20
    while jobs.pool().running == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert jobs.pool().running == 1
    return held


def test_busy_is_answered_before_any_store_call(store: EmbeddedStore, tuned: None) -> None:
    counting = CountingStore(store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    held = _hold_the_only_worker(store, 3.0)
    try:
        counting.reset()
        started = time.monotonic()
        response = client.http.post("/graphql", headers=client.headers, json={
            "query": '{ centrality(measure: CLOSENESS, filter: {from: "2024-03-01"}) '
                     "{ score } }"})
        waited = time.monotonic() - started
    finally:
        held.join()
    assert response.status_code == 503 and response.headers["retry-after"]
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BUSY"
    assert error["extensions"]["retryAfter"] > 0
    assert counting.total == 0, dict(counting.calls)  # no count, no version, nothing
    assert waited < 2.5  # the queue wait, not the held job's 3 s


def test_a_cached_answer_is_not_refused_busy(store: EmbeddedStore, tuned: None) -> None:
    client = GraphQLClient(store)
    query = "{ centrality(measure: DEGREE, first: 3) { institution { id } score } }"
    first = client.data(query)
    held = _hold_the_only_worker(store, 2.0)
    try:
        again = client.data(query)  # from the result cache: no worker needed
    finally:
        held.join()
    assert again == first


def test_a_graph_is_counted_once_per_scope_version(store: EmbeddedStore, tuned: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[NetworkFilter] = []
    real = EmbeddedStore.network_size

    def spy(self: EmbeddedStore, f: NetworkFilter) -> Any:
        counted.append(f)
        return real(self, f)

    monkeypatch.setattr(EmbeddedStore, "network_size", spy)
    client = GraphQLClient(store)
    query = '{ networkSummary(filter: {from: "2024-01-01"}) { ties } }'
    first = client.data(query)
    assert client.data(query) == first
    assert len(counted) == 1, counted  # the second request found the count
    store.write(Batch(institutions=[Institution("ins_new", "Puskesmas Baru", "PUSKESMAS",
                                                "kecamatan", None)]))
    client.data(query)
    assert len(counted) == 2, counted  # a write moved the version: counted again


def test_serve_warms_the_pool_at_start(tmp_path: Path, tuned: None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from api.app import create_app
    from graph.store.embedded import EmbeddedStore as Embedded

    db = tmp_path / "served.db"
    Embedded(db).close()
    monkeypatch.setenv("TPPS_DB", str(db))
    settings.cache_clear()
    with TestClient(create_app()):  # the lifespan runs: as under `tpps serve`
        deadline = time.monotonic() + 60
        while not jobs.pool()._idle and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(jobs.pool()._idle) == 1 and len(jobs.pool().pids) == 1
    assert jobs.warm_in_background(EmbeddedStore(":memory:")) is None  # nothing to warm
