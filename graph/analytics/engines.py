"""Which engine computes a measure.

Small graphs stay in NetworkX, the reference. A large CoAttendance network (the sparse
projection, projection.py) is computed with scipy.sparse on its CSR matrix, igraph on a
copy built once from its edge arrays, or compiled kernels (kernels.py), never through
a NetworkX graph: at national size building one costs more than any measure.
A NetworkX graph handed in directly still goes to igraph above the thresholds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

if TYPE_CHECKING:
    from graph.analytics.projection import CoAttendance

Network: TypeAlias = "nx.Graph | CoAttendance"

# Above this many nodes a measure runs in igraph (when installed). Eigenvector
# centrality by power iteration crawls on networks of many similar components
# (36 s for 2,000 nodes here, against 0.03 s in igraph's ARPACK), so it goes early.
IGRAPH_THRESHOLD = 5_000
MEASURE_THRESHOLDS = {"EIGENVECTOR": 300, "BETWEENNESS": 1_000}
ENGINES = ("auto", "networkx", "igraph", "fast")


def igraph_available() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:  # pragma: no cover - igraph is a dependency
        return False
    return True


def threshold(measure: str) -> int:
    return min(IGRAPH_THRESHOLD, MEASURE_THRESHOLDS.get(measure, IGRAPH_THRESHOLD))


def use_igraph(g: nx.Graph, engine: str, measure: str = "") -> bool:
    if engine == "networkx":
        return False
    if engine in ("igraph", "fast"):
        return True
    return g.number_of_nodes() > threshold(measure) and igraph_available()


def use_fast(nodes: int, engine: str, measure: str = "") -> bool:
    """Whether a CoAttendance network of `nodes` is computed by the fast engines."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "networkx":
        return False
    if engine in ("igraph", "fast"):
        return True
    # The fast engines give NetworkX's numbers (tests/analytics/test_sparse.py) and are
    # faster at every size; only communities keep Louvain below the threshold, since
    # Leiden may split a small network differently.
    return measure != "COMMUNITIES" or nodes > threshold(measure)


def to_igraph(g: nx.Graph) -> tuple[Any, list[str]]:
    """An igraph copy of `g` (weights as 'weight') and the node order it uses."""
    import igraph as ig

    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    ig_graph = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in g.edges])
    ig_graph.es["weight"] = [float(d.get("weight", 1.0)) for _, _, d in g.edges(data=True)]
    return ig_graph, nodes
