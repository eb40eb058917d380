"""Chains of co-attendance between institutions, and neighbourhoods."""

from __future__ import annotations

import networkx as nx


def collaboration_path(g: nx.Graph, source: str, target: str) -> list[str] | None:
    """The shortest chain of institutions linking two, each pair having met; None if none.

    >>> collaboration_path(nx.path_graph(["a", "b", "c"]), "a", "c")
    ['a', 'b', 'c']
    """
    if source not in g or target not in g:
        return None
    try:
        return list(nx.shortest_path(g, source, target))
    except nx.NetworkXNoPath:
        return None


def ego_network(g: nx.Graph, center: str, depth: int = 1) -> nx.Graph:
    """The institution, everyone within `depth` ties of it, and the ties among them."""
    if center not in g:
        return nx.Graph()
    return nx.ego_graph(g, center, radius=depth)
