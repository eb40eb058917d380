"""Who bridges sectors: structural holes and brokerage roles.

Burt's constraint (low = many non-redundant contacts) and effective size come from
NetworkX on small graphs; on a large CoAttendance network all three measures come
from one compiled pass over its sparse matrix (kernels.structural_holes), held to
NetworkX by the tests. Gould and Fernandez's roles: for a broker B tied to A
and C where A and C are not tied, the path A-B-C is classified by the groups
(sectors) of the three:

- coordinator: A, B and C in one group;
- itinerant (consultant): A and C in one group, B in another;
- representative: A in B's group, C outside (B carries its group's word out);
- gatekeeper: C in B's group, A outside (B lets the outside in);
- liaison: all three in different groups.

Ties here are undirected collaborations, so each unordered pair {A, C} is counted
once: coordinator, itinerant and liaison once each; a pair with one end in B's group
counts once as representative and once as gatekeeper (the path read both ways).

References
----------
R. S. Burt, "Structural Holes: The Social Structure of Competition", Harvard (1992).
R. V. Gould and R. M. Fernandez, "Structures of mediation: A formal approach to
brokerage in transaction networks", Sociological Methodology 19 (1989) 89-126.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np

from graph.analytics.engines import Network, use_fast
from graph.analytics.projection import CoAttendance

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


@dataclass
class Brokerage:
    node: str
    constraint: float | None  # None for isolates (undefined)
    effective_size: float | None
    roles: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))

    @property
    def total(self) -> int:
        return sum(self.roles.values())


def brokerage_roles(g: nx.Graph, group: str = "sector") -> dict[str, dict[str, int]]:
    """Gould-Fernandez role counts per node, groups from the node attribute `group`.

    Examples
    --------
    A police post between two health posts is an itinerant broker; between a health
    post and a religious office, a liaison:

    >>> g = nx.Graph([("pkm1", "polsek"), ("polsek", "pkm2"), ("polsek", "kua")])
    >>> nx.set_node_attributes(g, {"pkm1": "health", "pkm2": "health",
    ...                            "polsek": "security", "kua": "religious"}, "sector")
    >>> brokerage_roles(g)["polsek"]["itinerant"], brokerage_roles(g)["polsek"]["liaison"]
    (1, 2)
    """
    out: dict[str, dict[str, int]] = {}
    for b in g.nodes:
        counts = dict.fromkeys(ROLES, 0)
        gb = g.nodes[b].get(group)
        for a, c in combinations(list(g.neighbors(b)), 2):
            if g.has_edge(a, c):
                continue
            ga, gc = g.nodes[a].get(group), g.nodes[c].get(group)
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif ga == gb or gc == gb:
                counts["representative"] += 1
                counts["gatekeeper"] += 1
            else:
                counts["liaison"] += 1
        out[b] = counts
    return out


def brokerage(g: Network, group: str = "sector", engine: str = "auto") -> list[Brokerage]:
    """Constraint, effective size and role counts, most brokering first."""
    if isinstance(g, CoAttendance):
        if not use_fast(g.n, engine, "BROKERAGE"):
            return brokerage(g.graph, group)
        return sparse_brokerage(g)
    # nodes= takes NetworkX's definitional paths, linear in memory: its all-nodes matrix
    # shortcuts divide a sparse matrix by a dense column (an n x n dense result, 298 GiB
    # at 200k institutions), and effective_size's divides by the wrong node's largest tie
    # (NetworkX 3.6).
    constraint = (nx.constraint(g, nodes=list(g), weight="weight")
                  if g.number_of_edges() else {})
    effective = (nx.effective_size(g, nodes=list(g), weight="weight")
                 if g.number_of_edges() else {})
    roles = brokerage_roles(g, group)
    out = []
    for n in g.nodes:
        c = constraint.get(n)
        e = effective.get(n)
        out.append(Brokerage(n, None if c is None or c != c else float(c),
                             None if e is None or e != e else float(e), roles[n]))
    return _ranked(out)


def sparse_brokerage(net: CoAttendance) -> list[Brokerage]:
    """Every measure of `brokerage` from one compiled pass (kernels.py), groups = sectors,
    most brokering first."""
    import numba

    from graph.analytics import kernels

    names = sorted(set(net.sectors))
    code = {s: k for k, s in enumerate(names)}
    groups = np.fromiter((code[s] for s in net.sectors), dtype=np.int64, count=net.n)
    w = net.weight
    if not w.has_sorted_indices:  # the kernel's triangle walk needs sorted rows
        w = w.sorted_indices()
    constraint, effective, roles = kernels.structural_holes(
        w.indptr, w.indices, w.data.astype(np.float64, copy=False), groups,
        max(1, len(names)), numba.get_num_threads())
    # Ranked as `_ranked` ranks (the same keys, Python's round), but by one numpy sort,
    # and the 200k rows built with the collector paused: each row's dict would
    # otherwise set off collections that walk every row built so far (0.7 s -> 0.2 s).
    c_list = [None if c != c else c for c in constraint.tolist()]
    e_list = [None if e != e else e for e in effective.tolist()]
    rounded = np.array([9.0 if c is None else round(c, 12) for c in c_list])
    order = np.lexsort((np.array(net.ids), rounded, -roles.sum(axis=1)))
    ids, role_rows = net.ids, roles.tolist()
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [Brokerage(ids[k], c_list[k], e_list[k], dict(zip(ROLES, role_rows[k],
                                                                  strict=True)))
                for k in order.tolist()]
    finally:
        if collecting:
            gc.enable()


def _ranked(out: list[Brokerage]) -> list[Brokerage]:
    # Constraint rounded: engines sum in different orders, and equal constraints must
    # tie (and fall back to the id) whichever engine computed them.
    return sorted(out, key=lambda b: (-b.total, round(b.constraint, 12)
                                      if b.constraint is not None else 9.0, b.node))
