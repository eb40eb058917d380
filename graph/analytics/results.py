"""Results computed once: a measure persisted beside the data it was computed from.

A result is stored in the store itself (a table of the embedded store, AnalyticsResult
nodes in Neo4j) under a key naming what it read: the measure and its parameters, the
network filter (scope, window, program, types), the weighting and the version of the
filter's scope (`Store.scope_version(region)`, graph/store/scopes.py). A write bumps
the version of every region it touched and their ancestors, so a stored result is never
stale, and a write in Kota Semarang leaves Kabupaten Kendal's results valid; a second
request, another worker or a restart decodes it instead of recomputing (`tpps analyze`
fills them after a load). Payloads are zlib-compressed JSON: no code is ever loaded from
the store. A large ranking, brokerage or community list is also kept as columns beside the data
under the same version (stored.py, mapped.py): a restart maps them and a page decodes
only its rows, where the blob would be decoded whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from graph.analytics import persist, stored
from graph.analytics.brokerage import Brokerage
from graph.analytics.communities import Community
from graph.analytics.mapped import MappedBrokers, MappedCommunities, MappedRanking
from graph.analytics.ranking import Ranking
from graph.analytics.summary import Summary
from graph.store.base import NetworkFilter, NetworkSize, Store, StoreError

T = TypeVar("T")
log = logging.getLogger("tpps.analytics")
# Kinds also kept as mapped columns beside the data (stored.py): long lists of rows of
# which a request reads a page.
MAPPED: dict[str, Any] = {"ranking": MappedRanking, "brokerage": MappedBrokers,
                          "communities": MappedCommunities}
# Kinds whose blob is a few hundred bytes whatever the network: read whole by `kept`.
SMALL = frozenset({"summary"})


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
    body: Any
    if kind == "brokerage":  # asdict's deep copy of 200k rows took 2 of its 3 s
        body = [{"node": b.node, "constraint": b.constraint,
                 "effective_size": b.effective_size, "roles": b.roles} for b in value]
    elif kind == "communities":  # asdict deep-copied the country's 200k member ids
        body = [{"index": c.index, "members": c.members, "sector": c.sector,
                 "region_code": c.region_code, "label": c.label} for c in value]
    else:
        body = asdict(value)
    return zlib.compress(json.dumps(body).encode("utf-8"), 1)


def decode(kind: str, payload: bytes) -> Any:
    if kind == "ranking":
        return Ranking.from_bytes(zlib.decompress(payload))
    body = json.loads(zlib.decompress(payload))
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
    version = scope_version(store, f)
    at = stored_at(store, kind, f, weighting, version, *params)
    if at is not None:
        columns = MAPPED[kind].open(at)
        if columns is not None:  # a page decodes its rows, nothing else (mapped.py)
            return columns  # type: ignore[no-any-return]
    key = result_key(kind, f, weighting, version, *params)
    found = get(key)
    if found is not None:
        return _columns(kind, decode(kind, found), at)  # type: ignore[no-any-return]
    value = compute()
    try:
        put(key, encode(kind, value))
    except StoreError as exc:  # a busy writer lock: the answer stands, only unsaved
        log.warning("analytics result not stored: %s", exc)
    return _columns(kind, value, at)


def stored_at(store: Store, kind: str, f: NetworkFilter, weighting: str, version: int,
              *params: Any) -> Path | None:
    """Where a result of `kind` is kept as columns, None for a kind or a store that keeps
    none."""
    if kind not in MAPPED:
        return None
    return stored.path_of(store, kind, f, weighting, version, *params)


def kept(store: Store, kind: str, f: NetworkFilter, weighting: str, version: int,
         *params: Any) -> Any:
    """The result if it is stored and cheap to read whole: as mapped columns (a few small
    file reads, no store query but the store's identity) or, for a small kind, its blob;
    else None. Nothing is computed. Only a store kept in a local file (one with a
    directory beside it) is asked: a remote one's read would not be bounded here."""
    if persist.home(store) is None:
        return None
    at = stored_at(store, kind, f, weighting, version, *params)
    if at is not None:
        return MAPPED[kind].open(at)
    get = getattr(store, "get_result", None)
    if kind not in SMALL or get is None:
        return None
    found = get(result_key(kind, f, weighting, version, *params))
    return None if found is None else decode(kind, found)


def _rows(kind: str, value: Any) -> int:
    if kind == "communities":
        return sum(len(c.members) for c in value)
    return len(value)


def _columns(kind: str, value: T, at: Path | None) -> T:
    """`value` saved as mapped columns too when it is large enough to be worth it (the
    blob stays the store's copy: Neo4j, or a file copied without its directory), and
    read back from them, so what goes to the API is their name, not the rows."""
    if at is None or _rows(kind, value) < stored.MIN_ROWS:
        return value
    found = MAPPED[kind].save(at, value)
    return value if found is None else found


def network_size(store: Store, f: NetworkFilter, version: int) -> NetworkSize:
    """The size of the network `f` selects at `version` (what the API prices a request
    by), stored beside the results: a count over the whole country is a second of
    SQLite, which every restart's first analytics request would pay again."""
    get = getattr(store, "get_result", None)
    put = getattr(store, "put_result", None)
    if get is None or put is None:
        return store.network_size(f)
    key = result_key("network_size", f, "", version)
    try:
        found = get(key)
        if found is not None:
            rows, pairs = json.loads(zlib.decompress(found))
            return NetworkSize(int(rows), int(pairs))
    except (StoreError, ValueError, TypeError, zlib.error) as exc:  # counted instead
        log.warning("stored network size not read: %s", exc)
    size = store.network_size(f)
    try:
        put(key, zlib.compress(json.dumps([size.rows, size.pairs]).encode("utf-8")))
    except StoreError as exc:  # a read-only file or a busy writer: counted, only unsaved
        log.warning("network size not stored: %s", exc)
    return size
