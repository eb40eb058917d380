"""The analytics the API and `tpps report` share, cached by what they read.

A cache entry is keyed by the store, the parameters (the network filter among them)
and the version of the filter's scope (`Store.scope_version` of its region, kept in the
store, so every worker sees it): a write bumps the regions it touched and their
ancestors, so a cached answer is never stale, a write elsewhere leaves it valid, and no
worker needs to tell another.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from graph.analytics import persist, results
from graph.analytics.brokerage import Brokerage, brokerage
from graph.analytics.centrality import Scores
from graph.analytics.communities import Community, communities, networkit_available
from graph.analytics.projection import NETWORKIT_FILE, Projection, load_projection
from graph.analytics.ranking import Ranking, rank
from graph.analytics.results import remembered, scope_version
from graph.analytics.summary import Summary, summarize
from graph.store.base import NetworkFilter, Store

T = TypeVar("T")
_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_LOCK = threading.Lock()
CACHE_SIZE = 64


_PENDING: dict[tuple[Any, ...], threading.Lock] = {}


def cached(store: Store, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """The cached value, computing it once even when several requests ask at once.
    `key[1]` is the network filter whose scope the value read."""
    full = (id(store), scope_version(store, key[1]), *key)
    with _LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]  # type: ignore[no-any-return]
        pending = _PENDING.setdefault(full, threading.Lock())
    with pending:  # the first caller computes; the others wait for its result
        with _LOCK:
            if full in _CACHE:
                return _CACHE[full]  # type: ignore[no-any-return]
        value = compute()
        with _LOCK:
            _CACHE[full] = value
            _PENDING.pop(full, None)
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    return value


def network(store: Store, f: NetworkFilter, weighting: str = "shared") -> Projection:
    """The projection, from this process's cache, else from the one saved beside the data
    (persist.py: another worker or a restart built it), else built (and saved)."""
    return cached(store, ("projection", f, weighting), lambda: persist.cached_projection(
        store, f, weighting, scope_version(store, f),
        lambda: load_projection(store, f, weighting)))


def prepare(store: Store, weighting: str = "shared") -> Projection:
    """The whole-country projection, built and saved now rather than by the first request
    that needs it (a bulk load's last step: `tpps load json|csv`, `tpps generate`).
    The whole country's size, which the API prices every national request by, is
    counted and stored too: that count is 0.6 s of SQLite the first request would pay,
    and so is the networkit copy communities run on (kept beside the saved projection):
    building it was 60% of the first COMMUNITIES after a load, reading it back is 0.5 s."""
    whole = NetworkFilter()
    found = network(store, whole, weighting)
    results.network_size(store, whole, scope_version(store, whole))
    net = found.network
    if (net.saved_at is not None and not (net.saved_at / NETWORKIT_FILE).exists()
            and networkit_available()):
        net.networkit  # noqa: B018 - built and kept beside the projection
        del net.networkit  # the load's process needs none of it: freed now
    return found


def scores(store: Store, f: NetworkFilter, measure: str, weighting: str = "shared") -> Scores:
    """Every node's score, read from the measure's ranking (the one form stored)."""
    def compute() -> Scores:
        r = ranking(store, f, measure, weighting)
        return Scores(r.values, r.approximate, r.engine)

    return cached(store, ("centrality", f, measure, weighting), compute)


def ranking(store: Store, f: NetworkFilter, measure: str, weighting: str = "shared") -> Ranking:
    """A measure's ranking as the API serves it (jobs.scores), stored beside the data in
    its compact form: a restart or another worker reads it back without ranking 200k
    scores again. It is ranked from the measure's arrays, and the scores are not stored
    apart: for the whole country that spared 1.2 of a cold PageRank's 2.4 s."""
    return cached(store, ("ranking", f, measure, weighting), lambda: remembered(
        store, "ranking", f, weighting,
        lambda: rank(network(store, f, weighting).network, measure), measure))


def community_list(store: Store, f: NetworkFilter, weighting: str = "shared") -> list[Community]:
    def compute() -> list[Community]:
        return communities(network(store, f, weighting).network,
                           lambda codes: {c: r.name for c, r in store.regions(codes).items()})

    return cached(store, ("communities", f, weighting),
                  lambda: remembered(store, "communities", f, weighting, compute))


def brokers(store: Store, f: NetworkFilter, weighting: str = "shared") -> list[Brokerage]:
    return cached(store, ("brokerage", f, weighting), lambda: remembered(
        store, "brokerage", f, weighting, lambda: brokerage(network(store, f, weighting).network)))


def summary(store: Store, f: NetworkFilter, weighting: str = "shared") -> Summary:
    def compute() -> Summary:
        p = network(store, f, weighting)
        return summarize(p.network, p.meetings)

    return cached(store, ("summary", f, weighting),
                  lambda: remembered(store, "summary", f, weighting, compute))


def clear() -> None:
    with _LOCK:
        _CACHE.clear()
