"""Results computed once: a measure persisted beside the data it was computed from.

A result is stored in the store itself (a table of the embedded store, AnalyticsResult
nodes in Neo4j) under a key naming what it read: the measure and its parameters, the
network filter (scope, window, program, types), the weighting and the version of the
filter's scope (`Store.scope_version(region)`, graph/store/scopes.py). A write bumps
the version of every region it touched and their ancestors, so a stored result is never
stale, and a write in Kota Semarang leaves Kabupaten Kendal's results valid; a second
request, another worker or a restart decodes it instead of recomputing (`tpps analyze`
fills them after a load). Payloads are zlib-compressed JSON: no code is ever loaded from
the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from graph.analytics.brokerage import Brokerage
from graph.analytics.centrality import Scores
from graph.analytics.communities import Community
from graph.analytics.ranking import Ranking
from graph.analytics.summary import Summary
from graph.store.base import NetworkFilter, Store, StoreError

T = TypeVar("T")
log = logging.getLogger("tpps.analytics")


def result_key(kind: str, f: NetworkFilter, weighting: str, version: int,
               *params: Any) -> str:
    window = [f.window.start.isoformat() if f.window.start else None,
              f.window.end.isoformat() if f.window.end else None]
    text = json.dumps([kind, f.region_code, window, f.program_id, sorted(f.types),
                       weighting, version, [str(p) for p in params]])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(kind: str, value: Any) -> bytes:
    if kind == "ranking":  # binary columns: 200k nodes decode in ~50 ms, JSON took ~1 s
        return zlib.compress(value.to_bytes(), 1)
    if kind == "centrality":
        body: Any = {"values": value.values, "approximate": value.approximate,
                     "engine": value.engine}
    elif kind == "brokerage":  # asdict's deep copy of 200k rows took 2 of its 3 s
        body = [{"node": b.node, "constraint": b.constraint,
                 "effective_size": b.effective_size, "roles": b.roles} for b in value]
    elif kind == "communities":
        body = [asdict(v) for v in value]
    else:
        body = asdict(value)
    return zlib.compress(json.dumps(body).encode("utf-8"), 1)


def decode(kind: str, payload: bytes) -> Any:
    if kind == "ranking":
        return Ranking.from_bytes(zlib.decompress(payload))
    body = json.loads(zlib.decompress(payload))
    if kind == "centrality":
        return Scores(body["values"], body["approximate"], body["engine"])
    if kind == "communities":
        return [Community(**c) for c in body]
    if kind == "brokerage":
        return [Brokerage(**b) for b in body]
    body["meetings_per_month"] = [tuple(m) for m in body["meetings_per_month"]]
    return Summary(**body)


def scope_version(store: Store, f: NetworkFilter) -> int:
    """The version of what a network filtered by `f` reads (its region's scope)."""
    return store.scope_version(f.region_code)


def remembered(store: Store, kind: str, f: NetworkFilter, weighting: str,
               compute: Callable[[], T], *params: Any) -> T:
    """The stored result if there is one, else compute it and store it."""
    get = getattr(store, "get_result", None)
    put = getattr(store, "put_result", None)
    if get is None or put is None:
        return compute()
    key = result_key(kind, f, weighting, scope_version(store, f), *params)
    found = get(key)
    if found is not None:
        return decode(kind, found)  # type: ignore[no-any-return]
    value = compute()
    try:
        put(key, encode(kind, value))
    except StoreError as exc:  # a busy writer lock: the answer stands, only unsaved
        log.warning("analytics result not stored: %s", exc)
    return value
