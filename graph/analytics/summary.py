"""Whole-network figures: density, components, distances, clustering, activity.

On a CoAttendance network: components from scipy.sparse.csgraph, distances by BFS
from the same sampled sources NetworkX would use (kernels.distance_sums, 64 sources
per walk), clustering from compiled triangle counts (kernels.triangles); the same
numbers as the NetworkX path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import networkx as nx
import numpy as np
from scipy.sparse import csgraph

from graph.analytics.engines import Network, use_fast
from graph.analytics.projection import CoAttendance

PATH_EXACT_LIMIT = 2_000
PATH_SAMPLES = 200


@dataclass(frozen=True)
class Summary:
    institutions: int
    ties: int
    meetings: int
    density: float
    components: int
    largest_component: int
    average_path_length: float | None  # in the largest component
    average_clustering: float
    meetings_per_month: list[tuple[str, int]]
    approximate: bool


def summarize(g: Network, meetings: dict[str, date], engine: str = "auto") -> Summary:
    """Examples
    --------
    >>> s = summarize(nx.path_graph(3), {})
    >>> s.density, s.components, s.average_path_length
    (0.6666666666666666, 1, 1.3333333333333333)
    """
    if isinstance(g, CoAttendance):
        if not use_fast(g.n, engine, "SUMMARY"):
            return summarize(g.graph, meetings)
        return _sparse_summary(g, meetings)
    n = g.number_of_nodes()
    comps = sorted(nx.connected_components(g), key=len, reverse=True) if n else []
    largest = g.subgraph(comps[0]) if comps else nx.Graph()
    approximate = False
    apl: float | None = None
    if largest.number_of_nodes() > 1:
        if largest.number_of_nodes() <= PATH_EXACT_LIMIT:
            apl = float(nx.average_shortest_path_length(largest))
        else:  # mean distance from 200 sampled sources (fixed seed)
            import random

            rng = random.Random(42)
            total = count = 0
            for s in rng.sample(sorted(largest.nodes), PATH_SAMPLES):
                lengths = nx.single_source_shortest_path_length(largest, s)
                total += sum(lengths.values())
                count += len(lengths) - 1
            apl, approximate = total / count, True
    months = Counter(d.strftime("%Y-%m") for d in meetings.values())
    return Summary(
        institutions=n, ties=g.number_of_edges(), meetings=len(meetings),
        density=float(nx.density(g)) if n > 1 else 0.0, components=len(comps),
        largest_component=len(comps[0]) if comps else 0, average_path_length=apl,
        average_clustering=float(nx.average_clustering(g)) if n else 0.0,
        meetings_per_month=sorted(months.items()), approximate=approximate,
    )


def _sparse_summary(net: CoAttendance, meetings: dict[str, date]) -> Summary:
    import random

    from graph.analytics.kernels import distance_sums, triangles

    n, w = net.n, net.weight
    months = _months(meetings)
    if n == 0:  # a filter that matches nobody: nothing to measure (argmax of nothing fails)
        return Summary(institutions=0, ties=0, meetings=len(meetings), density=0.0,
                       components=0, largest_component=0, average_path_length=None,
                       average_clustering=0.0, meetings_per_month=sorted(months.items()),
                       approximate=False)
    count, label = csgraph.connected_components(w, directed=False)
    sizes = np.bincount(label)
    top = int(np.argmax(sizes))
    largest = np.flatnonzero(label == top)
    apl: float | None = None
    approximate = False
    if len(largest) > 1:
        ids = net.ids
        if len(largest) <= PATH_EXACT_LIMIT:
            sources = largest
        else:  # NetworkX's draw: 200 of the component's ids, sorted, seed 42
            chosen = random.Random(42).sample(sorted(ids[i] for i in largest), PATH_SAMPLES)
            sources = np.array([net.index[c] for c in chosen])
            approximate = True
        total, reached = distance_sums(w.indptr.astype(np.int64), w.indices.astype(np.int64),
                                       np.asarray(sources, dtype=np.int64))
        apl = total / reached
    if not w.has_sorted_indices:  # the triangle walk needs each row in column order
        w = w.sorted_indices()
    tri = triangles(w.indptr.astype(np.int64), w.indices.astype(np.int64))
    degree = np.diff(w.indptr)
    possible = degree * (degree - 1) / 2
    local = np.divide(tri, possible, out=np.zeros(n), where=possible > 0)
    return Summary(
        institutions=n, ties=net.ties, meetings=len(meetings),
        density=2 * net.ties / (n * (n - 1)) if n > 1 else 0.0, components=int(count),
        largest_component=int(sizes[top]) if n else 0, average_path_length=apl,
        average_clustering=float(local.mean()) if n else 0.0,
        meetings_per_month=sorted(months.items()), approximate=approximate)


def _months(meetings: dict[str, date]) -> Counter[str]:
    """Meetings per "YYYY-MM": each distinct day formatted once (300k meetings fall on
    about a thousand days)."""
    months: Counter[str] = Counter()
    for day, count in Counter(meetings.values()).items():
        months[day.strftime("%Y-%m")] += count
    return months
