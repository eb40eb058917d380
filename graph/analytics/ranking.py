"""A centrality ranking held compactly, as the API process keeps it.

Why: the API caches every ranking its analytics workers send back, and a storm of requests
with different windows over one province leaves a dozen of them at 20k-200k nodes each.
`Scores` (a dict, a ranked list of tuples and a position dict) holds about 300 bytes a node;
`Ranking` holds the same answers in flat arrays, and the node ids, interned when a ranking
arrives from a worker, are shared by every ranking of the same institutions.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from graph.analytics.centrality import Scores


class Ranking:
    """Nodes best first with their scores and competition ranks (as `Scores.ranked`), and
    a sorted index for one node's place (a binary search, no dict per node)."""

    __slots__ = ("nodes", "scores", "ranks", "_by_id", "_places", "approximate", "engine")

    def __init__(self, nodes: tuple[str, ...], scores: array[float], ranks: array[int],
                 approximate: bool, engine: str) -> None:
        self.nodes, self.scores, self.ranks = nodes, scores, ranks
        self.approximate, self.engine = approximate, engine
        order = sorted(range(len(nodes)), key=nodes.__getitem__)
        self._by_id = tuple(nodes[i] for i in order)
        self._places = array("q", order)

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
        # Sent from a worker as the three columns; the receiving side interns the ids.
        return (_arrived, (self.nodes, self.scores, self.ranks, self.approximate, self.engine))


def _arrived(nodes: Iterable[str], scores: array[float], ranks: array[int],
             approximate: bool, engine: str) -> Ranking:
    return Ranking(tuple(sys.intern(n) for n in nodes), scores, ranks, approximate, engine)
