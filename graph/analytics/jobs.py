"""Analytics outside the API process: at most N jobs at once, in worker processes that a
timeout really stops.

Why processes: a measure is seconds of CPU inside igraph, scipy or numba, which no
thread can interrupt; NetworkX holds the GIL, so a thread computing stalls every
request of the server. A worker process can be killed: after a TIMEOUT answer it burns
no CPU, and its memory goes back to the OS.

- At most `TPPS_ANALYTICS_WORKERS` jobs run at once; a caller finding every slot taken
  waits up to `TPPS_ANALYTICS_QUEUE_SECONDS`, then gets Busy (the API answers BUSY,
  HTTP 503 with Retry-After). A request waits that long in all (`QueueWait`): the
  deadline its early check set is the one its fields wait to, not a second full wait.
- A job past `TPPS_ANALYTICS_SECONDS` gets JobTimeout and its worker is terminated
  (then killed); a fresh one is started in the background.
- Each worker runs under RLIMIT_AS (graph/analytics/worker.py): a job that outgrows
  `TPPS_ANALYTICS_MEMORY_MB` fails with OutOfMemory, the worker is replaced.
- A worker opens its own store from the server's (a SQLite path, a Neo4j URI): only a
  small request goes to it (the function by reference, the filter), only the result
  comes back. Workers stay warm between jobs (a 50-node graph answers in milliseconds);
  they come from a fork server (the API process has threads, so it never forks itself)
  that has imported the numerical libraries once.
- Workers run niced (`TPPS_ANALYTICS_NICE` below the server), so the event loop gets
  the CPU first; `tpps serve` warms the pool at start (`warm_in_background`).
- `busy_now` says, before a request reads anything, that it would be told Busy: the
  API refuses it (QueryCost) with no store call, so clients retrying after BUSY cost
  the server nothing but a parse.
- A store no worker can open (in-memory, or a test's wrapper) runs the job on a thread
  of this process: still at most N at once, but a timeout only stops the waiting.

Results are cached here by (function, arguments, version of the filter's scope), and
concurrent identical requests share one job.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from graph.analytics import mapped, results, service
from graph.analytics.gaps import GapReport, convergence_gaps
from graph.analytics.mapped import MappedBrokers, MappedCommunities, MappedRanking
from graph.analytics.paths import collaboration_path, ego_network
from graph.analytics.ranking import Ranking
from graph.analytics.worker import RETIRING
from graph.settings import settings
from graph.store.base import NetworkFilter, Store, StoreError

T = TypeVar("T")
log = logging.getLogger("tpps.analytics")

# What the fork server imports once, so each worker starts with it loaded (networkit:
# 1.2 s of a cold COMMUNITIES, with the matplotlib it imports; importing it starts no
# OpenMP thread, so forking after it is safe).
PRELOAD = ["graph.analytics.worker_env", "numpy", "scipy.sparse", "networkx", "igraph",
           "networkit", "graph.analytics.kernels", "graph.analytics.warmup",
           "graph.analytics.worker", "graph.analytics.jobs",
           # a worker opens its store on its first job: imported there, they were ~0.3 s
           # of a cold whole-country COMMUNITIES
           "graph.store.faults", "graph.store.embedded", "graph.store.neo4j"]
# The result cache holds at most this many items (scores, members, nodes and edges
# summed over entries): a national ranking is 200k of them.
CACHE_ITEMS = 2_000_000
KILL_GRACE = 1.0  # seconds between terminate and kill


class JobError(Exception):
    """An analytics job did not answer; the message is safe to show."""


class Busy(JobError):
    """Every worker is taken and none freed up within the queue wait."""


class JobTimeout(JobError):
    """The job ran past the time budget; its worker was stopped."""


class OutOfMemory(JobError):
    """The job outgrew the memory a job may use; its worker was replaced."""


class WorkerDied(JobError):
    """The worker exited without answering (killed from outside, or crashed)."""


class _Retired(Exception):
    """The worker sent its retiring word instead of a reply: the job never reached it."""


# -- the jobs: module-level functions, sent to a worker by reference ---------------
# Each takes the worker's store and a NetworkFilter first (its scope names the cache key).

def scores(store: Store, f: NetworkFilter, measure: str, weighting: str) -> Any:
    # Ranked here, niced (sorting 20k scores would block the event loop), and sent back
    # compact: the API caches it (graph/analytics/ranking.py).
    return service.ranking(store, f, measure, weighting)


def communities(store: Store, f: NetworkFilter, weighting: str) -> Any:
    return service.community_list(store, f, weighting)


def brokers(store: Store, f: NetworkFilter, weighting: str) -> Any:
    return service.brokers(store, f, weighting)


def summary(store: Store, f: NetworkFilter, weighting: str) -> Any:
    return service.summary(store, f, weighting)


def path(store: Store, f: NetworkFilter, weighting: str, a: str, b: str) -> list[str] | None:
    return collaboration_path(service.network(store, f, weighting).graph, a, b)


def has_node(store: Store, f: NetworkFilter, weighting: str, node: str) -> bool:
    return node in service.network(store, f, weighting).network.index


def ego(store: Store, f: NetworkFilter, weighting: str, node: str, depth: int) -> Any:
    """The ego network as a NetworkX graph (small: the API caps what it returns), or None
    when the institution is not in the network."""
    p = service.network(store, f, weighting)
    if node not in p.network.index:
        return None
    return ego_network(p.graph, node, depth)


@dataclass
class Drawn:
    """What `network` draws: the graph (None when over `limit` nodes), communities and
    scores per node."""

    nodes: int
    graph: Any
    community_of: dict[str, int]
    score_of: dict[str, float] | None


def network(store: Store, f: NetworkFilter, weighting: str, measure: str | None,
            limit: int) -> Drawn:
    p = service.network(store, f, weighting)
    if p.network.n > limit:
        return Drawn(p.network.n, None, {}, None)
    found = service.community_list(store, f, weighting)
    community_of = {m: c.index for c in found for m in c.members}
    score_of = None
    if measure is not None:
        score_of = {n: s for n, s, _ in service.scores(store, f, measure, weighting).ranked()}
    return Drawn(p.network.n, p.graph, community_of, score_of)


def gaps(store: Store, f: NetworkFilter) -> GapReport:
    assert f.region_code is not None
    return convergence_gaps(store, f.region_code, f.window)


# -- where a worker finds the store ---------------------------------------------------

def locator(store: Any) -> tuple[Any, ...] | None:
    """What a worker needs to open `store` itself; None when it cannot (in memory, or a
    wrapper other than the fault boundary)."""
    from graph.store.embedded import EmbeddedStore
    from graph.store.faults import FaultBoundary
    from graph.store.neo4j import Neo4jStore

    inner = store.inner if isinstance(store, FaultBoundary) else store
    if isinstance(inner, EmbeddedStore) and inner.path != ":memory:":
        return ("sqlite", inner.path)
    if isinstance(inner, Neo4jStore):
        return ("neo4j", inner.uri, inner.auth, inner.database)
    return None


# -- the pool ------------------------------------------------------------------------

class QueueWait:
    """How long one request may still wait for a worker: `seconds` from its first wait,
    however many times it waits (the early BUSY check, then each analytics field), so a
    request that saw a worker free up in the early check and lost it to another request
    waits only what is left, not a second full wait. The clock stops while one of its
    own jobs holds a worker: its later fields wait their turn, not for others."""

    def __init__(self, seconds: float, now: float) -> None:
        self.deadline = now + seconds
        self._paused_at: float | None = None

    def pause(self, now: float) -> None:
        if self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        if self._paused_at is not None:
            self.deadline += now - self._paused_at
            self._paused_at = None

    def expired(self, now: float) -> bool:
        return self._paused_at is None and now >= self.deadline


# A request's wait lives as long as its owner (the API's per-request context).
_WAITS: weakref.WeakKeyDictionary[object, QueueWait] = weakref.WeakKeyDictionary()
_WAITS_LOCK = threading.Lock()


def wait_of(owner: object, seconds: float) -> QueueWait:
    """The queue wait of `owner` (weakly referenced: a request's context), started now if
    it has not waited yet; without an owner (or one no weak reference can name), a wait
    of its own for this one call."""
    now = time.monotonic()
    if owner is None:
        return QueueWait(seconds, now)
    with _WAITS_LOCK:
        try:
            found = _WAITS.get(owner)
            if found is None:
                found = _WAITS[owner] = QueueWait(seconds, now)
        except TypeError:
            return QueueWait(seconds, now)
        return found


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        """Terminate, then kill if it has not gone within the grace period."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(KILL_GRACE)
            if self.process.is_alive():
                self.process.kill()
        self.process.join(KILL_GRACE)
        self.conn.close()


class Pool:
    def __init__(self, size: int, memory_mb: int, queue_seconds: float,
                 nice: int = 0) -> None:
        if size < 1:
            raise ValueError(f"TPPS_ANALYTICS_WORKERS must be at least 1, not {size}")
        if not 0 <= nice <= 19:
            raise ValueError(f"TPPS_ANALYTICS_NICE must be between 0 and 19, not {nice}")
        self.size = size
        self.nice = nice
        self.memory_mb = memory_mb
        self.queue_seconds = queue_seconds
        self._lock = threading.Lock()
        self._running = 0
        self._owners: dict[object, int] = {}  # owner (a request) -> slots it holds
        self._idle: list[_Worker] = []
        self._context = mp.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        self.pids: list[int] = []  # every worker started, for tests and the bench

    # slots
    async def _acquire(self, owner: object = None) -> None:
        """Take a slot, waiting for one until the deadline of `owner`'s one queue wait
        (`QueueWait`). Time spent waiting behind a job of the same `owner` (another
        analytics field of the same request) does not count: a query asking for more
        measures than there are workers runs them in turn instead of refusing its own
        later fields."""
        wait = wait_of(owner, self.queue_seconds)
        while True:
            with self._lock:
                if self._running < self.size:
                    self._running += 1
                    if owner is not None:
                        held = self._owners.get(owner, 0)
                        self._owners[owner] = held + 1
                        if held == 0:
                            wait.pause(time.monotonic())
                    return
                mine = owner is not None and self._owners.get(owner, 0) > 0
                if not mine and wait.expired(time.monotonic()):
                    raise Busy(self.busy_message())
            await asyncio.sleep(0.05)

    def busy_message(self) -> str:
        return f"all {self.size} analytics workers are busy; try again shortly"

    async def free_before(self, wait: QueueWait) -> bool:
        """Whether a slot is free now or frees up before `wait` runs out (none is taken)."""
        while self._running >= self.size:
            if wait.expired(time.monotonic()):
                return False
            await asyncio.sleep(0.05)
        return True

    def _release(self, owner: object = None) -> None:
        with self._lock:
            self._running -= 1
            if owner is not None:
                left = self._owners.get(owner, 0) - 1
                if left > 0:
                    self._owners[owner] = left
                else:
                    self._owners.pop(owner, None)
                    wait_of(owner, self.queue_seconds).resume(time.monotonic())

    @property
    def running(self) -> int:
        return self._running

    # workers
    def _start(self) -> _Worker:
        from graph.analytics.worker import main

        mine, theirs = self._context.Pipe()
        process = self._context.Process(target=main, args=(theirs, self.memory_mb, self.nice),
                                        daemon=True, name="tpps-analytics")
        process.start()
        theirs.close()
        self.pids.append(process.pid or 0)
        return _Worker(process, mine)

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                # (anything to read from an idle worker is its retiring word, or EOF)
                if worker.process.is_alive() and not worker.conn.poll():
                    return worker
                worker.stop()
        return self._start()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if worker.process.is_alive() and len(self._idle) < self.size:
                self._idle.append(worker)
                return
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        """Stop `worker` and warm a new one in its place, off the event loop."""
        def work() -> None:
            with self._lock:
                wanted = len(self._idle) < self.size
            if wanted:
                self._give_back(self._start())
            worker.stop()

        threading.Thread(target=work, daemon=True, name="tpps-analytics-replace").start()

    def warm(self) -> None:
        """Start the workers now rather than at the first request (blocking); at most
        `size`, however many requests take workers meanwhile."""
        for _ in range(self.size):
            with self._lock:
                if len(self._idle) >= self.size:
                    return
            self._give_back(self._start())

    async def run(self, store: Store, fn: Callable[..., T], *args: Any,
                  timeout: float, owner: object = None) -> T:
        await self._acquire(owner)
        try:
            where = locator(store)
            if where is None:
                return await asyncio.wait_for(asyncio.to_thread(fn, store, *args), timeout)
            for attempt in range(2):
                try:
                    return await self._in_worker(where, fn, args, timeout)  # type: ignore[no-any-return]
                except mapped.Unreadable as exc:
                    # The reply named stored columns this process cannot map (removed or
                    # damaged since the worker opened them): asked once more, the worker
                    # finds them unreadable too and writes them again.
                    if attempt:
                        raise
                    log.warning("analytics job %s asked again: %s", fn.__qualname__, exc)
            raise AssertionError("unreachable")
        except TimeoutError:
            raise JobTimeout(f"the computation took longer than {timeout:g} s") from None
        finally:
            self._release(owner)

    async def _in_worker(self, where: tuple[Any, ...], fn: Callable[..., Any],
                         args: tuple[Any, ...], timeout: float) -> Any:
        started = asyncio.get_running_loop().time()
        for attempt in range(2):
            try:
                return await self._in_one_worker(where, fn, args, timeout, started)
            except _Retired:
                # the worker retired after its last job without reading this one: a
                # fresh worker takes it (a second retirement would be a new worker's
                # first job outgrowing it, which `_in_one_worker` reports as memory)
                if attempt:
                    raise WorkerDied("the analytics worker retired without an answer") \
                        from None
        raise AssertionError("unreachable")

    async def _in_one_worker(self, where: tuple[Any, ...], fn: Callable[..., Any],
                             args: tuple[Any, ...], timeout: float, started: float) -> Any:
        loop = asyncio.get_running_loop()
        for attempt in range(2):
            worker = await asyncio.to_thread(self._take)
            ready: asyncio.Future[None] = loop.create_future()
            fd = worker.conn.fileno()

            def readable(ready: asyncio.Future[None] = ready) -> None:
                if not ready.done():
                    ready.set_result(None)

            loop.add_reader(fd, readable)
            try:
                worker.conn.send((where, fn, args))
                break
            except (BrokenPipeError, ConnectionResetError):
                # an idle worker that died since its last job (killed, out of memory): the
                # job never reached it, so a fresh worker takes it, once
                loop.remove_reader(fd)
                self._replace(worker)
                if attempt:
                    raise WorkerDied("the analytics worker could not be reached") from None
            except BaseException:  # the job could not be sent: its worker is not reused
                loop.remove_reader(fd)
                self._replace(worker)
                raise
        try:
            await asyncio.wait_for(ready, max(0.0, timeout - (loop.time() - started)))
        except BaseException:  # timed out or the request went away: the job must stop
            loop.remove_reader(fd)
            self._replace(worker)
            raise
        loop.remove_reader(fd)
        # uvloop (uvicorn's loop when installed) leaves a watched fd non-blocking: a reply
        # larger than the socket buffer then fails recv with EAGAIN midway.
        os.set_blocking(fd, True)
        try:
            status, value = await asyncio.to_thread(worker.conn.recv)
        except mapped.Unreadable:  # the whole reply was read: the worker is reusable
            self._give_back(worker)
            raise
        except (EOFError, OSError):
            code = worker.process.exitcode
            self._replace(worker)
            if code == -9:  # the kernel's OOM killer
                raise OutOfMemory("the analytics worker was killed for its memory use") \
                    from None
            raise WorkerDied(f"the analytics worker exited (code {code}) without an "
                             "answer") from None
        if status == RETIRING[0]:
            self._replace(worker)  # (stopped off the event loop, as any replaced worker)
            raise _Retired
        self._give_back(worker)
        if status == "memory":
            raise OutOfMemory(f"{value}: the analysis needs more memory than "
                              f"TPPS_ANALYTICS_MEMORY_MB={self.memory_mb} allows")
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()


# -- the process's pool and cache ------------------------------------------------------

_POOL: Pool | None = None
_POOL_LOCK = threading.Lock()
_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHED_ITEMS = 0
_INFLIGHT: dict[tuple[Any, ...], asyncio.Future[Any]] = {}


def pool() -> Pool:
    """This process's pool, built from the settings on first use."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            s = settings()
            _POOL = Pool(s.analytics_workers, s.analytics_memory_mb, s.analytics_queue_seconds,
                         s.analytics_nice)
        return _POOL


def warm_in_background(store: Store) -> threading.Thread | None:
    """Start the workers for `store` on a thread (the fork server imports numpy, scipy,
    igraph: seconds on a busy machine), so the first analytics requests do not pay it."""
    if locator(store) is None:
        return None
    thread = threading.Thread(target=pool().warm, daemon=True, name="tpps-analytics-warm")
    thread.start()
    return thread


async def busy_now(store: Store, filters: set[NetworkFilter], owner: object = None) -> bool:
    """True when a request computing on `filters` would be told Busy: no slot frees up
    within the queue wait, and no cached or in-flight result could answer it. Reads
    nothing from the store; a result cached under an older scope version counts as
    possibly current (the caller then reads the version and may still get Busy).
    The wait is `owner`'s (the request's): its fields wait only what this leaves."""
    if not filters:
        return False
    p = pool()
    wait = wait_of(owner, p.queue_seconds)  # the request's one wait starts here
    if p.running < p.size:
        return False
    where = locator(store) or id(store)
    with _CACHE_LOCK:
        known = [k for k in _CACHE if k[0] == where]
    known += [k for k in _INFLIGHT if k[0] == where]
    if any(k[3] and k[3][0] in filters for k in known):
        return False
    return not await p.free_before(wait)


def reset() -> None:
    """Stop the workers and forget cached results (tests that change the settings)."""
    global _POOL
    with _POOL_LOCK:
        found, _POOL = _POOL, None
    if found is not None:
        found.close()
    global _CACHED_ITEMS
    with _CACHE_LOCK:
        _CACHE.clear()
        _CACHED_ITEMS = 0


def cache_key(store: Store, fn: Callable[..., Any], args: tuple[Any, ...],
              version: int) -> tuple[Any, ...]:
    return (locator(store) or id(store), fn.__module__, fn.__qualname__, args, version)


async def run(store: Store, fn: Callable[..., T], f: NetworkFilter, *args: Any,
              version: int, timeout: float | None = None, owner: object = None) -> T:
    """`fn(store, f, *args)` in the pool, or from the cache when `version` (the scope
    version of `f`, read by the caller) has not moved since it was computed. Jobs of one
    `owner` (a request, weakly referenced) queue behind each other without being told
    Busy, and wait for a worker until the deadline of its one queue wait (`QueueWait`)."""
    key = cache_key(store, fn, (f, *args), version)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key][0]  # type: ignore[no-any-return]
    loop = asyncio.get_running_loop()
    pending = _INFLIGHT.get(key)
    if pending is not None and pending.get_loop() is loop:
        return await asyncio.shield(pending)
    mine: asyncio.Future[Any] = loop.create_future()
    _INFLIGHT[key] = mine
    try:
        # A stored result is read here, without a worker (columns mapped, a page decoded
        # when asked): a restart answers in a millisecond of this process's own time,
        # where a round trip to a niced worker on a busy machine takes tens.
        value: T | None = await asyncio.to_thread(stored_result, store, fn, f, args, version)
        if value is None:
            budget = settings().analytics_seconds if timeout is None else timeout
            value = await pool().run(store, fn, f, *args, timeout=budget, owner=owner)
    except asyncio.CancelledError:
        mine.cancel()
        raise
    except BaseException as exc:
        mine.set_exception(exc)
        mine.exception()  # retrieved: no "never retrieved" warning when nobody shared it
        raise
    finally:
        if _INFLIGHT.get(key) is mine:
            del _INFLIGHT[key]
    mine.set_result(value)
    global _CACHED_ITEMS
    with _CACHE_LOCK:
        _CACHE[key] = (value, _items(value))
        _CACHED_ITEMS += _CACHE[key][1]
        while _CACHED_ITEMS > CACHE_ITEMS and len(_CACHE) > 1:
            _CACHED_ITEMS -= _CACHE.popitem(last=False)[1][1]
    return value


# The jobs whose stored results this process reads itself (results.kept): the kind,
# and how the job's arguments name the weighting and the result's parameters.
_KEPT_JOBS: dict[Callable[..., Any], tuple[str, Callable[..., tuple[Any, ...]]]] = {
    scores: ("ranking", lambda measure, weighting: (weighting, measure)),
    brokers: ("brokerage", lambda weighting: (weighting,)),
    communities: ("communities", lambda weighting: (weighting,)),
    summary: ("summary", lambda weighting: (weighting,)),
}


def stored_result(store: Store, fn: Callable[..., Any], f: NetworkFilter,
                  args: tuple[Any, ...], version: int) -> Any:
    """`fn`'s result at `version` as stored beside the data, None when it is not there
    (or the store cannot say: the pool then runs the job and reports what is wrong)."""
    found = _KEPT_JOBS.get(fn)
    if found is None:
        return None
    kind, params = found
    weighting, *rest = params(*args)
    try:
        return results.kept(store, kind, f, weighting, version, *rest)
    except StoreError:
        return None


def _items(value: Any) -> int:
    """How many items a result holds (the cache's measure of its size)."""
    if isinstance(value, Drawn):
        g = value.graph
        return 1 + (g.number_of_nodes() + g.number_of_edges() if g is not None else 0)
    if isinstance(value, Ranking):
        return 1 + len(value)
    if isinstance(value, (MappedRanking, MappedBrokers, MappedCommunities)):
        return mapped.CACHE_ITEMS
    if isinstance(value, list):
        return 1 + len(value) + sum(len(getattr(v, "members", ())) for v in value)
    found = getattr(value, "values", None)
    if isinstance(found, dict):
        return 1 + len(found)
    return 1
