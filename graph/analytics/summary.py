"""Whole-network figures: density, components, distances, clustering, activity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import networkx as nx

PATH_EXACT_LIMIT = 2_000


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


def summarize(g: nx.Graph, meetings: dict[str, date]) -> Summary:
    """Examples
    --------
    >>> s = summarize(nx.path_graph(3), {})
    >>> s.density, s.components, s.average_path_length
    (0.6666666666666666, 1, 1.3333333333333333)
    """
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
            for s in rng.sample(sorted(largest.nodes), 200):
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
