"""The analytics pool (graph/analytics/jobs.py): a timeout stops the worker, at most N
jobs at once and BUSY beyond, a memory ceiling per worker, TOO_LARGE before any work,
results persisted by the worker for a restart."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.analytics import jobs, service
from graph.analytics.results import decode, result_key
from graph.analytics.worker import RETIRING
from graph.settings import settings
from graph.store.base import NetworkFilter, Store
from graph.store.embedded import EmbeddedStore
from tests.analytics import slow_jobs
from tests.helpers import CountingStore, GraphQLClient

WHOLE = NetworkFilter()


@pytest.fixture
def pool() -> Iterator[jobs.Pool]:
    p = jobs.Pool(size=1, memory_mb=256, queue_seconds=0.2)
    yield p
    p.close()


@pytest.fixture
def tuned(one_worker: Callable[[float], None]) -> None:
    """The process's pool with one worker, a 2 s budget and a short queue."""
    one_worker(2)


def _gone(pid: int, within: float = 5.0) -> bool:
    """The process has exited (absent, or a zombie that runs nothing) within `within` s."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_a_job_runs_in_another_process_and_only_its_result_comes_back(
        store: EmbeddedStore, pool: jobs.Pool) -> None:
    scores = asyncio.run(pool.run(store, jobs.scores, WHOLE, "DEGREE", "shared", timeout=60))
    assert scores == service.scores(store, WHOLE, "DEGREE", "shared")
    assert pool.pids and pool.pids[0] != os.getpid()
    again = asyncio.run(pool.run(store, jobs.scores, WHOLE, "PAGERANK", "shared", timeout=60))
    assert again.values and len(pool.pids) == 1  # the warm worker served both


def test_a_worker_that_dies_as_it_is_taken_is_replaced_and_the_job_still_answers(
        store: EmbeddedStore, pool: jobs.Pool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed between being taken and being sent its job (the OOM killer, an
    operator): the pipe is broken before anything reached it, so a fresh worker answers."""
    first = asyncio.run(pool.run(store, jobs.scores, WHOLE, "DEGREE", "shared", timeout=60))
    take = pool._take
    killed: list[int] = []

    def dying() -> Any:
        worker = take()
        if not killed:
            killed.append(worker.process.pid)
            os.kill(worker.process.pid, 9)
            assert _gone(worker.process.pid or 0)
        return worker

    monkeypatch.setattr(pool, "_take", dying)
    again = asyncio.run(pool.run(store, jobs.scores, WHOLE, "DEGREE", "shared", timeout=60))
    assert killed and again == first and pool.pids[-1] != killed[0]


def test_a_timeout_kills_the_worker_and_a_fresh_one_takes_its_place(
        store: EmbeddedStore, pool: jobs.Pool) -> None:
    started = time.monotonic()
    with pytest.raises(jobs.JobTimeout):
        asyncio.run(pool.run(store, slow_jobs.spin, WHOLE, 60.0, timeout=1.0))
    assert time.monotonic() - started < 10  # answered at the budget, not after the job
    [pid] = pool.pids[:1]
    assert _gone(pid), "the timed-out worker is still running"
    assert asyncio.run(pool.run(store, slow_jobs.spin, WHOLE, 0.0, timeout=60)) >= 0
    assert len(pool.pids) >= 2 and pid not in pool.pids[1:]


def test_beyond_n_jobs_a_caller_is_told_busy(store: EmbeddedStore, pool: jobs.Pool) -> None:
    async def two() -> tuple[Any, Any]:
        first = asyncio.create_task(pool.run(store, slow_jobs.spin, WHOLE, 3.0, timeout=60))
        await asyncio.sleep(0.5)
        assert pool.running == 1
        started = time.monotonic()
        with pytest.raises(jobs.Busy, match="busy"):
            await pool.run(store, slow_jobs.spin, WHOLE, 0.0, timeout=60)
        waited = time.monotonic() - started
        return await first, waited

    done, waited = asyncio.run(two())
    assert done > 0
    assert 0.15 < waited < 2  # the short queue wait, then BUSY
    assert asyncio.run(pool.run(store, slow_jobs.spin, WHOLE, 0.0, timeout=60)) >= 0  # free


def test_a_requests_own_fields_wait_their_turn_instead_of_busy(
        store: EmbeddedStore, pool: jobs.Pool) -> None:
    """One query asking for more measures than there are workers (the README's analytics
    example asks five of two): its later fields wait behind its earlier ones, past the
    queue time, while another request is still told Busy."""
    request, other = object(), object()

    async def three() -> tuple[list[int], bool]:
        mine = [asyncio.create_task(pool.run(store, slow_jobs.spin, WHOLE, 0.6, timeout=60,
                                             owner=request)) for _ in range(3)]
        await asyncio.sleep(0.1)
        try:
            await pool.run(store, slow_jobs.spin, WHOLE, 0.0, timeout=60, owner=other)
            refused = False
        except jobs.Busy:
            refused = True
        return list(await asyncio.gather(*mine)), refused

    done, refused = asyncio.run(three())
    assert len(done) == 3 and all(n > 0 for n in done)  # 1.8 s of work behind a 0.2 s queue
    assert refused
    assert pool.running == 0 and not pool._owners  # every slot and owner given back


def test_a_job_over_the_memory_ceiling_fails_and_its_worker_is_replaced(
        store: EmbeddedStore, pool: jobs.Pool) -> None:
    with pytest.raises(jobs.OutOfMemory, match="256 MB"):
        asyncio.run(pool.run(store, slow_jobs.grab, WHOLE, 1024, timeout=60))
    assert _gone(pool.pids[0])
    assert asyncio.run(pool.run(store, slow_jobs.grab, WHOLE, 16, timeout=60)) == 16 << 20


def test_the_api_answers_timeout_and_the_worker_is_stopped(
        store: EmbeddedStore, tuned: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "scores", slow_jobs.slow_scores)
    client = GraphQLClient(store)
    started = time.monotonic()
    [error] = client.errors("{ centrality(measure: PAGERANK) { score } }")
    assert error["extensions"]["code"] == "TIMEOUT"
    assert "stopped" in error["message"]
    assert time.monotonic() - started < 8
    assert _gone(jobs.pool().pids[0])


def test_the_api_answers_busy_with_503_and_retry_after(
        store: EmbeddedStore, tuned: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_ANALYTICS_SECONDS", "30")
    settings.cache_clear()
    monkeypatch.setattr(jobs, "scores", slow_jobs.slow_scores)
    client = GraphQLClient(store)
    slow = threading.Thread(target=client.post, args=("{ centrality(measure: DEGREE) "
                                                      "{ score } }",))
    slow.start()
    try:
        deadline = time.monotonic() + 20
        while jobs.pool().running == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        response = client.http.post("/graphql", headers=client.headers, json={
            "query": "{ networkSummary { ties } }"})
        quick = client.http.post("/graphql", json={"query": "{ __typename }"})
    finally:
        slow.join()
    assert response.status_code == 503
    assert response.headers["retry-after"]
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BUSY"
    assert quick.status_code == 200  # the server itself is not stalled


def test_too_large_is_refused_before_any_worker_starts(
        store: EmbeddedStore, tuned: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_ANALYTICS_MEMORY_MB", "0")
    settings.cache_clear()
    [error] = GraphQLClient(store).errors("{ brokers { constraint } }")
    assert error["extensions"]["code"] == "TOO_LARGE"
    size = store.network_size(WHOLE)
    assert f"{size.rows} attendance rows" in error["message"]
    assert "over the 0 MB" in error["message"]
    assert jobs._POOL is None or not jobs._POOL.pids  # nothing was started


def test_results_computed_by_a_worker_survive_a_restart(store: EmbeddedStore,
                                                        tuned: None) -> None:
    query = "{ centrality(measure: PAGERANK, first: 100) { institution { id } score } }"
    first = GraphQLClient(store).data(query)
    key = result_key("ranking", WHOLE, "shared", store.scope_version(None), "PAGERANK")
    stored = store.get_result(key)
    assert stored is not None  # the worker persisted the ranking beside the data
    by_id = {r["institution"]["id"]: r["score"] for r in first["centrality"]}
    assert decode("ranking", stored).values == pytest.approx(by_id)
    jobs.reset()  # a restart: no workers, no memory
    service.clear()
    assert GraphQLClient(store).data(query) == first


def test_a_store_no_worker_can_open_runs_in_a_thread(store: EmbeddedStore,
                                                     pool: jobs.Pool) -> None:
    wrapped: Store = CountingStore(store)  # type: ignore[assignment]
    assert jobs.locator(wrapped) is None and jobs.locator(EmbeddedStore(":memory:")) is None
    scores = asyncio.run(pool.run(wrapped, jobs.scores, WHOLE, "DEGREE", "shared", timeout=60))
    assert scores.values and not pool.pids


def test_a_worker_left_large_after_its_job_says_it_retires(store: EmbeddedStore) -> None:
    p = jobs.Pool(size=1, memory_mb=1024, queue_seconds=0.2)
    try:
        assert asyncio.run(p.run(store, slow_jobs.hoard, WHOLE, 300, timeout=60)) == 1
        worker = p._idle[0] if p._idle else None
        assert worker is not None and worker.conn.poll(10)
        assert worker.conn.recv() == RETIRING  # its last word, not a bare EOF
        assert _gone(worker.process.pid or 0)
    finally:
        p.close()


def test_a_job_sent_to_a_retiring_worker_is_answered_by_a_fresh_one(
        store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool may take a worker back as idle before it retires: a job sent to it then
    goes to a fresh worker instead of failing with "exited without an answer"."""
    p = jobs.Pool(size=1, memory_mb=1024, queue_seconds=0.2)
    try:
        assert asyncio.run(p.run(store, slow_jobs.hoard, WHOLE, 300, timeout=60)) == 1
        take = p._take

        def retiring_anyway() -> Any:
            # hand out the idle worker as the race would, its retiring word unread
            worker = p._idle.pop() if p._idle else take()
            worker.conn.poll(10)
            return worker

        monkeypatch.setattr(p, "_take", retiring_anyway)
        first = p.pids[0]
        got = asyncio.run(p.run(store, jobs.scores, WHOLE, "DEGREE", "shared", timeout=60))
        assert got == service.scores(store, WHOLE, "DEGREE", "shared")
        assert p.pids[-1] != first
    finally:
        p.close()
