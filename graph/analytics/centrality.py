"""Who is central in the collaboration network.

Every measure is one call, `centrality(g, measure)`, returning a score per
institution; graphs above engines.IGRAPH_THRESHOLD nodes go to igraph and come
back on NetworkX's scale (tests hold both engines to the same numbers).

- DEGREE: the number of distinct collaborators.
- WEIGHTED_DEGREE: the sum of tie weights (shared meetings, or Newman weights).
- BETWEENNESS: normalised to [0, 1], on hop distances (Freeman 1977; Brandes 2001).
  Above BETWEENNESS_EXACT_LIMIT nodes it is estimated from k sampled sources with a
  fixed seed (Brandes & Pich 2007), and the result says it is approximate.
- CLOSENESS: Wasserman-Faust closeness, comparable across components.
- EIGENVECTOR: on tie weights, unit Euclidean norm (Bonacich 1972).
- PAGERANK: damping 0.85, on tie weights; scores sum to 1 (Page et al. 1999).

References
----------
L. C. Freeman, "A set of measures of centrality based on betweenness", Sociometry 40 (1977).
U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001).
U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation and
Chaos 17 (2007).
P. Bonacich, "Factoring and weighting approaches to status scores and clique
identification", J. Math. Sociol. 2 (1972).
L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking" (1999).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from graph.analytics.engines import to_igraph, use_igraph

MEASURES = ("DEGREE", "WEIGHTED_DEGREE", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR", "PAGERANK")
BETWEENNESS_EXACT_LIMIT = 2_000
BETWEENNESS_SAMPLES = 500
SEED = 42


@dataclass(frozen=True)
class Scores:
    values: dict[str, float]
    approximate: bool = False
    engine: str = "networkx"

    def ranked(self) -> list[tuple[str, float, int]]:
        """(node, score, rank) best first, listed by node id within a tie.

        Tied scores share a rank and the next rank skips (competition ranking,
        "1224"), so no institution ranks above an equal one by the accident of its id.
        Scores equal to 1e-9 (relative) are tied: floating sums differ in the last bits.
        """
        order = sorted(self.values.items(), key=lambda kv: (-kv[1], kv[0]))
        out: list[tuple[str, float, int]] = []
        rank, tied_with = 0, None
        for i, (node, score) in enumerate(order):
            if tied_with is None or not math.isclose(score, tied_with, rel_tol=1e-9,
                                                      abs_tol=1e-12):
                rank, tied_with = i + 1, score
            out.append((node, score, rank))
        return out


def centrality(g: nx.Graph, measure: str, engine: str = "auto") -> Scores:
    """Scores of `measure` for every node of `g`.

    Examples
    --------
    A star: the hub brokers every pair.

    >>> star = nx.star_graph(3)
    >>> centrality(star, "BETWEENNESS").values[0]
    1.0
    >>> round(sum(centrality(star, "PAGERANK").values.values()), 6)
    1.0
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use one of {', '.join(MEASURES)}")
    if g.number_of_nodes() == 0:
        return Scores({})
    if measure == "DEGREE":
        return Scores({n: float(d) for n, d in g.degree()})
    if measure == "WEIGHTED_DEGREE":
        return Scores({n: float(d) for n, d in g.degree(weight="weight")})
    if measure == "BETWEENNESS" and g.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        k = min(BETWEENNESS_SAMPLES, g.number_of_nodes())
        return Scores(nx.betweenness_centrality(g, k=k, normalized=True, seed=SEED), True)
    if use_igraph(g, engine, measure):
        return Scores(_igraph(g, measure), engine="igraph")
    if measure == "BETWEENNESS":
        return Scores(nx.betweenness_centrality(g, normalized=True))
    if measure == "CLOSENESS":
        return Scores(nx.closeness_centrality(g))
    if measure == "EIGENVECTOR":
        return Scores(_eigenvector(g))
    return Scores(nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-10, max_iter=1000))


def _eigenvector(g: nx.Graph) -> dict[str, float]:
    try:
        return dict(nx.eigenvector_centrality(g, weight="weight", max_iter=5000, tol=1e-10))
    except nx.PowerIterationFailedConvergence:  # pragma: no cover - pathological graphs
        return dict(nx.eigenvector_centrality(g, weight="weight", max_iter=20000, tol=1e-6))


def _igraph(g: nx.Graph, measure: str) -> dict[str, float]:
    """The measure computed by igraph, rescaled to NetworkX's conventions."""
    ig_graph, nodes = to_igraph(g)
    n = len(nodes)
    if measure == "BETWEENNESS":
        raw = ig_graph.betweenness(directed=False)
        scale = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
        values = [b / scale for b in raw]
    elif measure == "CLOSENESS":
        # igraph: (r-1)/sum(d) inside a component of r nodes; NetworkX (Wasserman-Faust)
        # multiplies by (r-1)/(n-1) so that small components do not look central.
        raw = ig_graph.closeness(normalized=True)
        sizes = {}
        for comp in ig_graph.connected_components():
            for v in comp:
                sizes[v] = len(comp)
        values = [0.0 if (c is None or math.isnan(c)) else c * (sizes[v] - 1) / (n - 1)
                  for v, c in enumerate(raw)]
    elif measure == "EIGENVECTOR":
        raw = ig_graph.eigenvector_centrality(weights="weight", scale=True)
        norm = math.sqrt(sum(x * x for x in raw)) or 1.0
        values = [x / norm for x in raw]
    else:
        values = ig_graph.pagerank(damping=0.85, weights="weight")
    return dict(zip(nodes, (float(v) for v in values), strict=True))
