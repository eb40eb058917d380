"""One request waits for a worker at most one TPPS_ANALYTICS_QUEUE_SECONDS in all: the
deadline set by its early BUSY check (QueryCost) is the one its analytics fields wait
to, not a second full wait started when the field asks for a worker."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from graph.analytics import jobs
from graph.store.base import NetworkFilter, Store
from graph.store.embedded import EmbeddedStore
from tests.analytics import slow_jobs
from tests.helpers import CountingStore, GraphQLClient

WHOLE = NetworkFilter()
QUEUE = 1.0  # the queue wait under test, in seconds
SLACK = 0.35  # what a loaded machine adds to the answer (a poll, the response)


def _hold(store: EmbeddedStore, seconds: float) -> threading.Thread:
    """Another request holding the only worker for `seconds` (once it has it)."""
    before = jobs.pool().running
    held = threading.Thread(target=lambda: asyncio.run(
        jobs.pool().run(store, slow_jobs.spin, WHOLE, seconds, timeout=60)))
    held.start()
    deadline = time.monotonic() + 20
    while jobs.pool().running == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert jobs.pool().running == before + 1
    return held


def test_a_request_that_lost_the_worker_it_waited_for_is_busy_within_one_wait(
        store: EmbeddedStore, one_worker: Callable[..., None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The early check waits for the held worker and sees it free up; while the request
    reads its graph's counts, another request takes it. The field then waits only what
    is left of the one queue wait."""
    one_worker(30, QUEUE)
    jobs.pool().warm()  # a cold fork server would spend the wait starting a worker
    real = EmbeddedStore.network_size
    taken: list[threading.Thread] = []

    def counts_while_another_takes_the_worker(self: EmbeddedStore, f: NetworkFilter) -> Any:
        if not taken:
            assert jobs.pool().running == 0  # the early check saw the worker free
            taken.append(_hold(store, 3.0))
        return real(self, f)

    monkeypatch.setattr(EmbeddedStore, "network_size", counts_while_another_takes_the_worker)
    client = GraphQLClient(store)
    first = _hold(store, QUEUE * 0.6)  # frees up within the early check's wait
    try:
        started = time.monotonic()
        response = client.http.post("/graphql", headers=client.headers, json={
            "query": '{ networkSummary(filter: {from: "2024-02-01"}) { ties } }'})
        waited = time.monotonic() - started
    finally:
        first.join()
        for t in taken:
            t.join()
    assert taken, "the request never read its counts: it was refused in the early check"
    assert response.status_code == 503 and response.headers["retry-after"]
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BUSY"
    assert "busy" in error["message"]
    assert QUEUE * 0.9 <= waited < QUEUE + SLACK, waited  # one wait, not two


def test_the_early_check_alone_answers_busy_within_one_wait(
        store: EmbeddedStore, one_worker: Callable[..., None]) -> None:
    one_worker(30, QUEUE)
    jobs.pool().warm()
    client = GraphQLClient(store)
    held = _hold(store, QUEUE + 2.0)
    try:
        started = time.monotonic()
        response = client.http.post("/graphql", headers=client.headers, json={
            "query": '{ networkSummary(filter: {from: "2024-02-02"}) { ties } }'})
        waited = time.monotonic() - started
    finally:
        held.join()
    [error] = response.json()["errors"]
    assert response.status_code == 503 and error["extensions"]["code"] == "BUSY"
    assert QUEUE * 0.9 <= waited < QUEUE + SLACK, waited


class _Request:
    """An owner as the API passes one: a request's context (weakly referenced)."""


@pytest.fixture
def pool() -> Iterator[jobs.Pool]:
    p = jobs.Pool(size=1, memory_mb=256, queue_seconds=0.6)
    yield p
    p.close()


def _in_thread(store: EmbeddedStore) -> Store:
    """A store no worker can open: jobs run on threads, no process to start."""
    return CountingStore(store)


def test_the_pool_waits_only_what_the_early_check_left(store: EmbeddedStore,
                                                       pool: jobs.Pool) -> None:
    s, request = _in_thread(store), _Request()

    async def scenario() -> tuple[float, float]:
        held = asyncio.create_task(pool.run(s, slow_jobs.nap, WHOLE, 2.0, timeout=60))
        while pool.running == 0:
            await asyncio.sleep(0.01)
        started = time.monotonic()
        assert not await pool.free_before(jobs.wait_of(request, pool.queue_seconds))
        early = time.monotonic() - started
        with pytest.raises(jobs.Busy, match="busy"):  # nothing left: refused at once
            await pool.run(s, slow_jobs.nap, WHOLE, 0.0, timeout=60, owner=request)
        later = time.monotonic() - started - early
        await held
        return early, later

    early, later = asyncio.run(scenario())
    assert 0.55 <= early < 0.6 + SLACK, early
    assert later < 0.15, later  # before: a second full 0.6 s


def test_the_requests_own_job_stops_its_clock(store: EmbeddedStore, pool: jobs.Pool) -> None:
    """A field that waits after the request's own job (0.8 s, longer than the 0.6 s wait)
    still has the rest of its wait: the job's time is not counted as waiting."""
    s, request, other = _in_thread(store), _Request(), _Request()

    async def scenario() -> float:
        own = asyncio.create_task(pool.run(s, slow_jobs.nap, WHOLE, 0.8, timeout=60,
                                           owner=request))
        await asyncio.sleep(0.5)  # the other request waits from here, to 1.1 s at most
        theirs = asyncio.create_task(pool.run(s, slow_jobs.nap, WHOLE, 1.5, timeout=60,
                                              owner=other))
        await own
        await asyncio.sleep(0.2)  # the other request has taken the worker by now
        assert pool.running == 1 and other in pool._owners
        started = time.monotonic()
        with pytest.raises(jobs.Busy):
            await pool.run(s, slow_jobs.nap, WHOLE, 0.0, timeout=60, owner=request)
        waited = time.monotonic() - started
        await theirs
        return waited

    waited = asyncio.run(scenario())
    # 0.6 s of wait, minus the 0.2 s after its job ended: about 0.4 s left, not none
    assert 0.25 <= waited < 0.4 + SLACK, waited
