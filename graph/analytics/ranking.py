"""A centrality ranking held compactly, as the API process keeps it.

Why: the API caches every ranking its analytics workers send back, and a storm of requests
with different windows over one province leaves a dozen of them at 20k-200k nodes each.
`Scores` (a dict, a ranked list of tuples and a position dict) holds about 300 bytes a node;
`Ranking` holds the same answers in flat arrays, and the node ids, interned when a ranking
arrives from a worker, are shared by every ranking of the same institutions.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from graph.analytics.centrality import MEASURES, Scores, centrality, sparse_values
from graph.analytics.engines import Network, use_fast
from graph.analytics.projection import CoAttendance


class Ranking:
    """Nodes best first with their scores and competition ranks (as `Scores.ranked`), and
    a sorted index for one node's place (a binary search, no dict per node)."""

    __slots__ = ("nodes", "scores", "ranks", "_by_id", "_places", "approximate", "engine")

    def __init__(self, nodes: tuple[str, ...], scores: array[float], ranks: array[int],
                 approximate: bool, engine: str) -> None:
        self.nodes, self.scores, self.ranks = nodes, scores, ranks
        self.approximate, self.engine = approximate, engine
        self._places = array("q", sorted(range(len(nodes)), key=nodes.__getitem__))
        self._by_id: tuple[str, ...] | None = None

    @classmethod
    def of_columns(cls, nodes: tuple[str, ...], scores: array[float], ranks: array[int],
                   places: array[int], approximate: bool, engine: str) -> Ranking:
        """A ranking whose id order (`places`) is already known: no sort, so a stored or
        sent ranking of 200k nodes is rebuilt in milliseconds instead of a second."""
        self = cls.__new__(cls)
        self.nodes, self.scores, self.ranks = nodes, scores, ranks
        self.approximate, self.engine = approximate, engine
        self._places = places
        self._by_id = None
        return self

    @classmethod
    def of_values(cls, ids: Sequence[str], values: Any, approximate: bool = False,
                  engine: str = "scipy") -> Ranking:
        """The ranking of `values[i]` for node `ids[i]`, as `of` ranks a Scores, sorted by
        numpy: 200k nodes in ~0.1 s where sorting the Scores' tuples took ~0.8 s."""
        v = np.asarray(values, dtype=np.float64)
        n = len(ids)
        if n == 0:
            return cls.of(Scores({}, approximate, engine))
        by_id = np.argsort(np.asarray(ids, dtype=str), kind="stable")  # code-point order
        id_rank = np.empty(n, dtype=np.int64)
        id_rank[by_id] = np.arange(n)
        order = np.lexsort((id_rank, -v))  # best first, by id within equal scores
        best = v[order]
        ranks = _competition_ranks(best)
        place = np.empty(n, dtype=np.int64)
        place[order] = np.arange(n)
        named = np.asarray(ids, dtype=object)[order]
        return cls.of_columns(tuple(named.tolist()), array("d", best.tobytes()),
                              array("q", ranks.tobytes()), array("q", place[by_id].tobytes()),
                              approximate, engine)

    @classmethod
    def of(cls, found: Scores) -> Ranking:
        ranked = found.ranked()
        return cls(tuple(n for n, _, _ in ranked), array("d", (s for _, s, _ in ranked)),
                   array("q", (r for _, _, r in ranked)), found.approximate, found.engine)

    def __len__(self) -> int:
        return len(self.nodes)

    def ranked(self, first: int | None = None) -> list[tuple[str, float, int]]:
        """(node, score, rank) best first; the first `first` of them when given."""
        n = len(self.nodes) if first is None else max(0, min(first, len(self.nodes)))
        return [(self.nodes[i], self.scores[i], self.ranks[i]) for i in range(n)]

    def rank_of(self, node: str) -> tuple[float, int] | None:
        """(score, rank) of `node`, None when it is not in the network."""
        if self._by_id is None:  # built on the first lookup: a page of top N needs none
            self._by_id = tuple(map(self.nodes.__getitem__, self._places))
        k = bisect_left(self._by_id, node)
        if k == len(self._by_id) or self._by_id[k] != node:
            return None
        i = self._places[k]
        return self.scores[i], self.ranks[i]

    @property
    def values(self) -> dict[str, float]:
        """Every node's score, built on demand (nothing in the request path asks for it)."""
        return dict(zip(self.nodes, self.scores, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Scores):
            return self.values == other.values and self.approximate == other.approximate
        if isinstance(other, Ranking):
            return (self.nodes == other.nodes and self.scores == other.scores
                    and self.approximate == other.approximate)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent from a worker as its columns and id order; the receiving side interns the ids.
        return (_arrived, (self.nodes, self.scores, self.ranks, self._places,
                           self.approximate, self.engine))

    def to_bytes(self) -> bytes:
        """The columns as one compact blob (results.py stores it beside the data)."""
        head = json.dumps({"n": len(self.nodes), "approximate": self.approximate,
                           "engine": self.engine}).encode("utf-8")
        ids = "\x00".join(self.nodes).encode("utf-8")
        return b"".join([len(head).to_bytes(4, "little"), head,
                         len(ids).to_bytes(8, "little"), ids, _native(self.scores, "d"),
                         _native(self.ranks, "q"), _native(self._places, "q")])

    @classmethod
    def from_bytes(cls, blob: bytes) -> Ranking:
        at = 4 + int.from_bytes(blob[:4], "little")
        head = json.loads(blob[4:at])
        size = int.from_bytes(blob[at:at + 8], "little")
        at += 8
        text = blob[at:at + size].decode("utf-8")
        at += size
        n = int(head["n"])
        nodes = tuple(text.split("\x00")) if n else ()  # interned where kept (_arrived)
        scores: array[float] = array("d")
        ranks: array[int] = array("q")
        places: array[int] = array("q")
        for column in (scores, ranks, places):
            column.frombytes(blob[at:at + n * column.itemsize])
            if sys.byteorder != "little":  # stored little-endian whatever the machine
                column.byteswap()
            at += n * column.itemsize
        return cls.of_columns(nodes, scores, ranks, places, bool(head["approximate"]),
                              str(head["engine"]))


def rank(g: Network, measure: str) -> Ranking:
    """The ranking of `measure` over `g`: `Ranking.of(centrality(g, measure))`, built
    straight from the measure's arrays where the sparse engines compute it."""
    if measure in MEASURES and isinstance(g, CoAttendance) and g.n and use_fast(
            g.n, "auto", measure):
        return Ranking.of_values(g.ids, *sparse_values(g, measure))
    return Ranking.of(centrality(g, measure))


def _competition_ranks(best: Any) -> Any:
    """Ranks of scores sorted best first, with `Scores.ranked`'s ties: a score within
    1e-9 (relative) of the first score of its group shares that group's rank.

    A score not close to the one before it opens a group (for sorted scores none of which
    is negative, it is then not close to its group's first either), so only the places
    close to their predecessor are walked one by one."""
    n = len(best)
    ranks = np.arange(1, n + 1, dtype=np.int64)
    a, b = best[1:], best[:-1]
    close = np.abs(a - b) <= np.maximum(1e-9 * np.maximum(np.abs(a), np.abs(b)), 1e-12)
    if n and best.min() < 0:
        close[:] = True  # the shortcut needs scores >= 0: walk every place
    opens = np.ones(n, dtype=bool)
    opens[1:] = ~close
    last_open = np.maximum.accumulate(np.where(opens, np.arange(n), 0))
    scores = best.tolist()
    start = 0
    for i in np.flatnonzero(~opens).tolist():
        start = max(start, int(last_open[i]))
        if math.isclose(scores[i], scores[start], rel_tol=1e-9, abs_tol=1e-12):
            ranks[i] = start + 1
        else:
            start = i
    return ranks


def _native(column: array[Any], code: str) -> bytes:
    """`column` as little-endian bytes of type `code` (8 bytes an item)."""
    out = array(code, column)
    if sys.byteorder != "little":
        out.byteswap()
    return out.tobytes()


def _arrived(nodes: Iterable[str], scores: array[float], ranks: array[int],
             places: array[int], approximate: bool, engine: str) -> Ranking:
    return Ranking.of_columns(tuple(map(sys.intern, nodes)), scores, ranks, places,
                              approximate, engine)
