"""One institution's rank (Institution.centrality): a lookup in the compact ranking the
analytics worker sends back (graph/analytics/ranking.py), and one job per distinct
(filter, measure, weighting) of a request however many institutions ask
(api/analytics/loaders.py)."""

from __future__ import annotations

import asyncio
import pickle
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.analytics import jobs, service
from graph.analytics.centrality import Scores, centrality
from graph.analytics.ranking import Ranking
from graph.store.base import NetworkFilter
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.helpers import CountingStore, GraphQLClient

WHOLE = NetworkFilter()


def test_rank_of_agrees_with_the_ranking_ties_included() -> None:
    g = nx.Graph([("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")])
    scores = centrality(g, "DEGREE")
    ranked = scores.ranked()
    assert len({r for _, _, r in ranked}) < len(ranked)  # a tie is in the test
    for node, score, rank in ranked:
        assert scores.rank_of(node) == (score, rank)
    assert scores.rank_of("nobody") is None
    assert Scores({}).rank_of("a") is None


def test_the_compact_ranking_agrees_with_scores_ties_included() -> None:
    g = nx.Graph([("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e"), ("f", "g")])
    scores = centrality(g, "DEGREE")
    ranking = Ranking.of(scores)
    assert ranking.ranked() == scores.ranked()
    assert ranking.ranked(3) == scores.ranked()[:3] and ranking.ranked(0) == []
    assert ranking.ranked(100) == scores.ranked()
    for node in g:
        assert ranking.rank_of(node) == scores.rank_of(node)
    assert ranking.rank_of("nobody") is None and ranking.rank_of("") is None
    assert ranking.rank_of("zzz") is None  # past the last id
    assert ranking.values == scores.values and ranking == scores
    assert Ranking.of(Scores({})).rank_of("a") is None


def _columns(r: Ranking) -> tuple[Any, ...]:
    return r.nodes, list(r.scores), list(r.ranks), list(r._places)


@pytest.mark.parametrize("seed", range(6))
def test_a_ranking_from_arrays_is_the_ranking_of_its_scores(seed: int) -> None:
    """Ranking.of_values (numpy's sort, the loop only where scores are close) gives every
    column Ranking.of gives from the Scores: exact ties, chains of near ties that drift
    past the tolerance, zeros, negatives, ids out of order and outside ASCII."""
    rng = random.Random(seed)
    n = rng.choice([1, 2, 50, 2_000])
    ids = [f"{rng.choice(['ins', 'Ins', 'inś', 'i'])}-{rng.getrandbits(20):05x}-{i}"
           for i in range(n)]
    rng.shuffle(ids)
    base = [rng.choice([0.0, 1.0, 2.5, 1e-13, 3e-13]) if rng.random() < 0.3
            else rng.random() for _ in range(n)]
    for i in range(0, n - 3, 7):  # 1 + k*0.6e-9: each close to the next, not to the first
        for k in range(3):
            base[i + k] = 1.0 + k * 0.6e-9
    if seed % 2:
        base = [v - 0.5 for v in base]
    want = Ranking.of(Scores(dict(zip(ids, base, strict=True))))
    got = Ranking.of_values(ids, base)
    assert _columns(got) == _columns(want)
    for node in ids[:20]:
        assert got.rank_of(node) == want.rank_of(node)
    assert _columns(Ranking.of_values([], [])) == ((), [], [], [])


def test_a_ranking_holds_less_than_half_the_memory_of_scores() -> None:
    rng = random.Random(7)
    ids = [f"inst-{rng.getrandbits(64):016x}" for _ in range(20_000)]
    scores = Scores({n: rng.random() for n in ids}).indexed()
    ranking = Ranking.of(scores)

    def held(obj: Any) -> int:
        # What each keeps beyond the id strings themselves (both share those).
        if isinstance(obj, Ranking):
            parts: list[Any] = [obj.nodes, obj.scores, obj.ranks, obj._by_id, obj._places]
            return sum(sys.getsizeof(p) for p in parts)
        ranked, position = obj._ranked, obj._position
        return (sys.getsizeof(obj.values) + sum(sys.getsizeof(v) for v in obj.values.values())
                + sys.getsizeof(ranked) + sum(sys.getsizeof(t) for t in ranked)
                + sys.getsizeof(position) + sum(sys.getsizeof(v) for v in position.values()))

    assert held(ranking) < 0.5 * held(scores)


def test_rankings_from_a_worker_share_their_ids() -> None:
    nodes = tuple(f"inst-{i:016x}" for i in range(50))
    first = Ranking.of(Scores({n: float(i) for i, n in enumerate(nodes)}))
    second = Ranking.of(Scores({n: -float(i) for i, n in enumerate(nodes)}))
    a, b = pickle.loads(pickle.dumps(first)), pickle.loads(pickle.dumps(second))
    assert a == first and b == second and a.ranked() == first.ranked()
    by_id = {n: n for n in a.nodes}
    assert all(by_id[n] is n for n in b.nodes)  # one string per id, not one per ranking


def test_the_worker_sends_the_ranking_back(store: EmbeddedStore) -> None:
    pool = jobs.Pool(size=1, memory_mb=256, queue_seconds=0.2)
    try:
        scores = asyncio.run(pool.run(store, jobs.scores, WHOLE, "CLOSENESS", "shared",
                                      timeout=60))
    finally:
        pool.close()
    assert pool.pids  # computed in a worker, ranked there
    assert isinstance(scores, Ranking) and len(scores) > 0
    assert scores == service.scores(store, WHOLE, "CLOSENESS", "shared")


QUERY = """{
  institutions(first: 100) { edges { node { id
    degree: centrality(measure: DEGREE) { score rank approximate }
    pagerank: centrality(measure: PAGERANK) { score rank }
    inCilegon: centrality(measure: DEGREE, filter: {regionCode: "36.72"}) { score rank }
  } } }
  degree: centrality(measure: DEGREE, first: 100) { institution { id } score rank }
  pagerank: centrality(measure: PAGERANK, first: 100) { institution { id } score rank }
  inCilegon: centrality(measure: DEGREE, first: 100, filter: {regionCode: "36.72"}) {
    institution { id } score rank }
}"""


def _counting_jobs(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], Counter[str]]:
    """Spies on jobs.run (every ask, cached or not) and on the pool (every computation),
    by the measure asked for."""
    asked: Counter[str] = Counter()
    computed: Counter[str] = Counter()
    real_run, real_pool_run = jobs.run, jobs.Pool.run

    async def run(store: Any, fn: Callable[..., Any], f: NetworkFilter, *args: Any,
                  **kwargs: Any) -> Any:
        asked[f"{f.region_code}:{args[0]}"] += 1
        return await real_run(store, fn, f, *args, **kwargs)

    async def pool_run(self: jobs.Pool, store: Any, fn: Callable[..., Any], *args: Any,
                       **kwargs: Any) -> Any:
        computed[f"{args[0].region_code}:{args[1]}"] += 1
        return await real_pool_run(self, store, fn, *args, **kwargs)

    monkeypatch.setattr(jobs, "run", run)
    monkeypatch.setattr(jobs.Pool, "run", pool_run)
    return asked, computed


def _check_rows_agree_with_the_rankings(data: dict[str, Any]) -> int:
    """Every institution's own rank equals its place in the top-level ranking (held to
    NetworkX by test_api.py); the number of institutions checked."""
    nodes = [e["node"] for e in data["institutions"]["edges"]]
    for field in ("degree", "pagerank", "inCilegon"):
        top = {r["institution"]["id"]: (r["score"], r["rank"]) for r in data[field]}
        for node in nodes:
            own = node[field]
            assert (None if own is None else (own["score"], own["rank"])) == top.get(node["id"])
    assert any(n["inCilegon"] is None for n in nodes)  # rows outside that network: null
    assert any(n["inCilegon"] is not None for n in nodes)
    return len(nodes)


def test_a_page_of_institutions_runs_one_job_per_measure(
        store: EmbeddedStore, one_worker: Callable[..., None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    one_worker(30)
    asked, computed = _counting_jobs(monkeypatch)
    data = GraphQLClient(store).data(QUERY)
    rows = _check_rows_agree_with_the_rankings(data)
    assert rows > 10
    distinct = {"None:DEGREE", "None:PAGERANK", "36.72:DEGREE"}
    assert computed == Counter(dict.fromkeys(distinct, 1))  # one computation each
    # one ask per distinct job from all the rows, one from each top-level field
    assert asked == Counter(dict.fromkeys(distinct, 2)), asked


def _store_calls(path: Path, page: int) -> tuple[Counter[str], int]:
    """The store calls of QUERY over a page of `page` institutions, on a fresh copy of the
    demo data that no worker can open (jobs on threads, their calls counted too)."""
    jobs.reset()
    service.clear()
    fresh = EmbeddedStore(path)
    load_files([DEMO], "json", fresh)
    counting = CountingStore(fresh)
    try:
        data = GraphQLClient(counting).data(
            QUERY.replace("institutions(first: 100)", f"institutions(first: {page})"))
    finally:
        fresh.close()
    return counting.calls, _check_rows_agree_with_the_rankings(data)


def test_the_store_calls_do_not_grow_with_the_page(
        tmp_path: Path, one_worker: Callable[..., None]) -> None:
    one_worker(30)
    few, three = _store_calls(tmp_path / "few.db", 3)
    many, rows = _store_calls(tmp_path / "many.db", 100)
    assert three == 3 and rows > 10
    # Each top-level ranking looks its institutions up in at most one batch. Whether the
    # three batches merge, or the page's rows spare them, depends on when each job ends on
    # its thread, so that one count is held to its bound rather than to the small page's.
    lookups = 3
    assert few["institutions"] <= lookups and many["institutions"] <= lookups, (few, many)
    grown = {k: (few[k], many[k]) for k in many | few
             if k != "institutions" and many[k] > few[k]}
    assert not grown, grown
    assert many["attendance_incidence"] == 2  # one read of each network: whole, 36.72
