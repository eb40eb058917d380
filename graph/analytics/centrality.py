"""Who is central in the collaboration network.

Every measure is one call, `centrality(g, measure)`, returning a score per
institution. `g` is a NetworkX graph (the reference) or a CoAttendance network
(projection.py); a large CoAttendance network never becomes a NetworkX graph:
degree, PageRank and eigenvector are scipy.sparse on its CSR matrix, betweenness and
closeness compiled breadth-first searches on the same matrix (kernels.py: no graph copy
to build), all on NetworkX's scale (tests hold every engine to NetworkX on small graphs).

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
import random
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.sparse import csgraph

from graph.analytics import kernels
from graph.analytics.engines import Network, to_igraph, use_fast, use_igraph
from graph.analytics.projection import CoAttendance

MEASURES = ("DEGREE", "WEIGHTED_DEGREE", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR", "PAGERANK")
BETWEENNESS_EXACT_LIMIT = 2_000
BETWEENNESS_SAMPLES = 500
SEED = 42


@dataclass(frozen=True)
class Scores:
    values: dict[str, float]
    approximate: bool = False
    engine: str = "networkx"
    _ranked: list[tuple[str, float, int]] | None = field(default=None, compare=False,
                                                         repr=False)
    _position: dict[str, int] | None = field(default=None, compare=False, repr=False)

    def ranked(self) -> list[tuple[str, float, int]]:
        """(node, score, rank) best first, listed by node id within a tie.

        Tied scores share a rank and the next rank skips (competition ranking,
        "1224"), so no institution ranks above an equal one by the accident of its id.
        Scores equal to 1e-9 (relative) are tied: floating sums differ in the last bits.
        Computed once per Scores (a page of ranks asks for it many times).
        """
        if self._ranked is None:
            order = sorted(self.values.items(), key=lambda kv: (-kv[1], kv[0]))
            out: list[tuple[str, float, int]] = []
            rank, tied_with = 0, None
            for i, (node, score) in enumerate(order):
                if tied_with is None or not math.isclose(score, tied_with, rel_tol=1e-9,
                                                          abs_tol=1e-12):
                    rank, tied_with = i + 1, score
                out.append((node, score, rank))
            object.__setattr__(self, "_ranked", out)
        assert self._ranked is not None
        return self._ranked

    def rank_of(self, node: str) -> tuple[float, int] | None:
        """(score, rank) of `node`, None when it is not in the network: a dict lookup
        (one institution's rank in a list of them costs no scan of the ranking)."""
        position = self.indexed()._position
        assert position is not None
        i = position.get(node)
        if i is None:
            return None
        _, score, rank = self.ranked()[i]
        return score, rank

    def indexed(self) -> Scores:
        """This, ranked and with each node's place in the ranking, computed once (the
        analytics worker does it, so the event loop neither sorts nor scans)."""
        if self._position is None:
            object.__setattr__(self, "_position",
                               {node: i for i, (node, _, _) in enumerate(self.ranked())})
        return self


def centrality(g: Network, measure: str, engine: str = "auto") -> Scores:
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
    if isinstance(g, CoAttendance):
        if g.n == 0:
            return Scores({})
        if not use_fast(g.n, engine, measure):
            return centrality(g.graph, measure, "networkx" if engine == "fast" else engine)
        return _sparse(g, measure)
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
    """The measure computed by igraph on a copy of `g`, on NetworkX's scale."""
    ig_graph, nodes = to_igraph(g)
    return dict(zip(nodes, (float(v) for v in _igraph_values(ig_graph, measure)), strict=True))


# -- the sparse engines -----------------------------------------------------------
def _sparse(net: CoAttendance, measure: str) -> Scores:
    values, approximate, engine = sparse_values(net, measure)
    return Scores(_named(net, values), approximate, engine)


def sparse_values(net: CoAttendance, measure: str) -> tuple[Any, bool, str]:
    """(one float64 per node of `net.ids`, approximate, engine) for a measure computed on
    whole arrays (betweenness sampled above BETWEENNESS_EXACT_LIMIT nodes). The ranking of
    a large network is built from these arrays (ranking.py), with no dict of scores in
    between."""
    w = net.weight
    if measure == "DEGREE":
        values = np.diff(w.indptr).astype(np.float64)
    elif measure == "WEIGHTED_DEGREE":
        values = np.asarray(w.sum(axis=1)).ravel()
    elif measure == "PAGERANK":
        values = pagerank(w)
    elif measure == "EIGENVECTOR":
        values = eigenvector(w)
    elif measure == "BETWEENNESS":
        if net.n > BETWEENNESS_EXACT_LIMIT:
            k = min(BETWEENNESS_SAMPLES, net.n)
            return sampled_betweenness_values(net, k, SEED), True, "numba"
        return np.asarray(exact_betweenness(net), dtype=np.float64), False, "numba"
    else:
        return np.asarray(closeness(net), dtype=np.float64), False, "numba"
    return np.asarray(values, dtype=np.float64), False, "scipy"


def _named(net: CoAttendance, values: Any) -> dict[str, float]:
    return dict(zip(net.ids, np.asarray(values, dtype=np.float64).tolist(), strict=True))


def pagerank(w: sp.csr_matrix, alpha: float = 0.85, tol: float = 1e-10,
             max_iter: int = 1000) -> Any:
    """NetworkX's PageRank (uniform teleport, dangling mass spread uniformly) by power
    iteration on the CSR matrix: w symmetric, so P^T x = W (x / strength)."""
    n = w.shape[0]
    strength = np.asarray(w.sum(axis=1)).ravel()
    dangling = strength == 0
    inverse = np.divide(1.0, strength, out=np.zeros(n), where=~dangling)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (w @ (last * inverse) + last[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return x


def eigenvector(w: sp.csr_matrix) -> Any:
    """The leading eigenvector (ARPACK Lanczos from a fixed start), unit norm, positive:
    what NetworkX's power iteration converges to, in a fraction of the iterations."""
    n = w.shape[0]
    if w.nnz == 0:
        return np.full(n, 1.0 / math.sqrt(n))
    if n < 3:
        vals, vecs = np.linalg.eigh(w.toarray())
        v = vecs[:, -1]
    else:
        _, vecs = spla.eigsh(w.astype(np.float64), k=1, which="LA", v0=np.ones(n),
                             tol=1e-12, maxiter=max(10_000, 20 * n))
        v = vecs[:, 0]
    v = np.abs(v) if v.sum() >= 0 else np.abs(-v)
    v[v < 1e-15] = 0.0
    return v / (np.linalg.norm(v) or 1.0)


def _hops(net: CoAttendance) -> tuple[Any, Any]:
    """The tie pattern (CSR indptr, indices) the hop-distance kernels walk."""
    return net.weight.indptr, net.weight.indices


def exact_betweenness(net: CoAttendance) -> Any:
    """Brandes from every node (kernels.brandes: each pair seen from both ends), on
    NetworkX's normalised scale, 1 / ((n-1)(n-2)) for ordered pairs."""
    n = net.n
    raw = kernels.brandes(*_hops(net), np.arange(n, dtype=np.int64))
    return raw / ((n - 1) * (n - 2)) if n > 2 else raw / 2.0


def sampled_betweenness(net: CoAttendance, k: int, seed: int) -> dict[str, float]:
    """Brandes-Pich: dependencies from k sources, on NetworkX's scale. The sources are
    those NetworkX draws (random.Random(seed).sample of the nodes in order), so the two
    agree exactly; the compiled kernel walks each source's component only."""
    return _named(net, sampled_betweenness_values(net, k, seed))


def sampled_betweenness_values(net: CoAttendance, k: int, seed: int) -> Any:
    """`sampled_betweenness` as one float64 per node of `net.ids`."""
    n = net.n
    sources = random.Random(seed).sample(range(n), k)
    if n - 1 < 2:
        return np.zeros(n)
    raw = kernels.brandes(*_hops(net), np.asarray(sources, dtype=np.int64))
    scale = np.full(n, 1.0 / (k * (n - 2)))
    if k > 1:
        scale[sources] = 1.0 / ((k - 1) * (n - 2))
    return raw * scale


def closeness(net: CoAttendance) -> Any:
    """Wasserman-Faust closeness (NetworkX's): (r-1)/sum(d) * (r-1)/(n-1) for a node
    reaching r-1 others. Hop-distance sums from bit-parallel BFS (kernels.closeness_sums)
    with sources grouped by component, so 64 sources share each walk of their ties."""
    n = net.n
    if n < 2:
        return np.zeros(n)
    _, label = csgraph.connected_components(net.weight, directed=False)
    order = np.argsort(label, kind="stable").astype(np.int64)
    sums, reached = kernels.closeness_sums(*_hops(net), order)
    out = np.zeros(n)
    some = sums > 0
    out[some] = reached[some] / sums[some] * (reached[some] / (n - 1))
    return out


def _igraph_values(ig_graph: Any, measure: str) -> list[float]:
    """The measure computed by igraph, rescaled to NetworkX's conventions."""
    n = ig_graph.vcount()
    if measure == "BETWEENNESS":
        raw = ig_graph.betweenness(directed=False)
        scale = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
        return [b / scale for b in raw]
    if measure == "CLOSENESS":
        # igraph: (r-1)/sum(d) inside a component of r nodes; NetworkX (Wasserman-Faust)
        # multiplies by (r-1)/(n-1) so that small components do not look central.
        raw = ig_graph.closeness(normalized=True)
        membership = np.asarray(ig_graph.connected_components().membership)
        counts = np.bincount(membership)
        sizes = counts[membership]
        return [0.0 if (c is None or math.isnan(c)) or n < 2 else c * (sizes[v] - 1) / (n - 1)
                for v, c in enumerate(raw)]
    if measure == "EIGENVECTOR":
        raw = ig_graph.eigenvector_centrality(weights="weight", scale=True)
        norm = math.sqrt(sum(x * x for x in raw)) or 1.0
        return [x / norm for x in raw]
    return list(ig_graph.pagerank(damping=0.85, weights="weight"))
