"""Groups that meet among themselves: Louvain modularity communities, reproducible.

References
----------
V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of
communities in large networks", J. Stat. Mech. (2008) P10008.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

SEED = 42


@dataclass(frozen=True)
class Community:
    index: int
    members: list[str]
    sector: str  # the most common sector among members
    region_code: str | None  # the most common region among members
    label: str


def communities(g: nx.Graph, region_name: Callable[[str], str] | None = None,
                seed: int = SEED) -> list[Community]:
    """Louvain communities on tie weights, largest first, each with a readable label.

    Examples
    --------
    Two triangles joined by one tie split in two:

    >>> g = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> nx.set_node_attributes(g, "health", "sector")
    >>> sorted(len(c.members) for c in communities(g))
    [3, 3]
    """
    if g.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(g, weight="weight", seed=seed)
    ordered = sorted((sorted(map(str, p)) for p in parts), key=lambda m: (-len(m), m[0]))
    lookup = {str(n): n for n in g.nodes}
    out = []
    for i, members in enumerate(ordered):
        nodes = [lookup[m] for m in members]
        sector = Counter(g.nodes[n].get("sector", "other") for n in nodes).most_common(1)[0][0]
        regions = Counter(g.nodes[n].get("region_code") for n in nodes
                          if g.nodes[n].get("region_code"))
        region = regions.most_common(1)[0][0] if regions else None
        where = (region_name(region) if region_name and region else region) or "no region"
        out.append(Community(i, members, sector, region,
                             f"{sector.replace('_', ' ')} · {where} ({len(members)})"))
    return out


def modularity(g: nx.Graph, parts: list[Community]) -> float:
    lookup = {str(n): n for n in g.nodes}
    return float(nx.community.modularity(
        g, [{lookup[m] for m in c.members} for c in parts], weight="weight"))
