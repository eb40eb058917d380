"""Each measure against values worked out by hand on small graphs, and igraph against
NetworkX (the reference) wherever a measure may hand a graph to igraph."""

from __future__ import annotations

import random
from datetime import date

import networkx as nx
import pytest

from graph.analytics import centrality as centrality_module
from graph.analytics.brokerage import brokerage, brokerage_roles
from graph.analytics.centrality import MEASURES, centrality
from graph.analytics.communities import communities, modularity
from graph.analytics.paths import collaboration_path, ego_network
from graph.analytics.projection import project
from graph.analytics.summary import summarize
from graph.store.base import AttendanceRow


def rows(meetings: dict[str, str]) -> list[AttendanceRow]:
    return [AttendanceRow(i, f"Inst {i}", "PUSKESMAS", "33.74.05", m, date(2025, 1, 1))
            for m, people in meetings.items() for i in people]


def test_projection_shared_and_newman_weights_by_hand() -> None:
    # m1: a, b, c, d (n = 4, 1/3 each pair); m2: a, b (n = 2, 1)
    p = project(rows({"m1": "abcd", "m2": "ab"}))
    assert p.graph["a"]["b"] == {"weight": 2.0, "shared": 2}
    assert p.graph["c"]["d"] == {"weight": 1.0, "shared": 1}
    n = project(rows({"m1": "abcd", "m2": "ab"}), "newman").graph
    assert n["a"]["b"]["weight"] == pytest.approx(1 / 3 + 1)
    assert n["c"]["d"]["weight"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError):
        project([], "cosine")


def test_centrality_on_a_path_of_four_by_hand() -> None:
    g = nx.path_graph(["a", "b", "c", "d"])
    nx.set_edge_attributes(g, 1.0, "weight")
    assert centrality(g, "DEGREE").values == {"a": 1, "b": 2, "c": 2, "d": 1}
    # b lies on a-c, a-d: 2 of the 3 pairs not involving it
    assert centrality(g, "BETWEENNESS").values["b"] == pytest.approx(2 / 3)
    assert centrality(g, "BETWEENNESS").values["a"] == 0
    # closeness of a: 3 / (1 + 2 + 3)
    assert centrality(g, "CLOSENESS").values["a"] == pytest.approx(0.5)
    pr = centrality(g, "PAGERANK").values
    assert sum(pr.values()) == pytest.approx(1)
    assert pr["b"] == pytest.approx(pr["c"]) and pr["b"] > pr["a"]
    ranked = centrality(g, "DEGREE").ranked()
    # Tied scores share a rank, and the next rank skips (competition ranking).
    assert [(n, r) for n, _, r in ranked] == [("b", 1), ("c", 1), ("a", 3), ("d", 3)]


def test_weighted_degree_and_eigenvector_on_a_star() -> None:
    g = nx.star_graph(4)  # hub 0
    nx.set_edge_attributes(g, 2.0, "weight")
    assert centrality(g, "WEIGHTED_DEGREE").values[0] == 8.0
    ev = centrality(g, "EIGENVECTOR").values
    # star K1,4: hub 1/sqrt(2), leaves 1/(2 sqrt(2))
    assert ev[0] == pytest.approx(2 ** -0.5, rel=1e-6)
    assert ev[1] == pytest.approx(2 ** -0.5 / 2, rel=1e-6)
    with pytest.raises(ValueError):
        centrality(g, "HARMONIC")


def random_network(n: int, p: float, seed: int) -> nx.Graph:
    g = nx.gnp_random_graph(n, p, seed=seed)
    rng = random.Random(seed)
    for a, b in g.edges:
        g[a][b]["weight"] = float(rng.randint(1, 5))
    g.add_node(n)  # an isolate
    g.add_edge(n + 1, n + 2, weight=1.0)  # a second small component
    return nx.relabel_nodes(g, {v: f"ins_{v:04d}" for v in g.nodes})


@pytest.mark.parametrize("measure", ["BETWEENNESS", "CLOSENESS", "EIGENVECTOR", "PAGERANK"])
def test_igraph_agrees_with_networkx(measure: str) -> None:
    g = random_network(300, 0.03, seed=3)
    reference = centrality(g, measure, engine="networkx")
    fast = centrality(g, measure, engine="igraph")
    assert fast.engine == "igraph" and reference.engine == "networkx"
    for node, value in reference.values.items():
        assert fast.values[node] == pytest.approx(value, abs=1e-6), node


def test_large_graphs_go_to_igraph_and_betweenness_is_sampled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    g = random_network(400, 0.02, seed=5)
    monkeypatch.setattr("graph.analytics.engines.IGRAPH_THRESHOLD", 100)
    assert centrality(g, "PAGERANK").engine == "igraph"
    monkeypatch.setattr(centrality_module, "BETWEENNESS_EXACT_LIMIT", 100)
    sampled = centrality(g, "BETWEENNESS")
    assert sampled.approximate
    again = centrality(g, "BETWEENNESS")  # fixed seed: the same sources, the same estimate
    assert again.values == pytest.approx(sampled.values, abs=1e-12)
    monkeypatch.setattr(centrality_module, "BETWEENNESS_EXACT_LIMIT", 10_000)
    exact = centrality(g, "BETWEENNESS", engine="networkx")
    top_exact = {n for n, _, r in exact.ranked() if r <= 10}
    top_sampled = {n for n, _, r in sampled.ranked() if r <= 10}
    assert len(top_exact & top_sampled) >= 6  # the estimate finds the same brokers


def test_louvain_finds_two_cliques_and_is_reproducible() -> None:
    g = nx.Graph()
    for a, b in [("a", "b"), ("a", "c"), ("b", "c"), ("d", "e"), ("d", "f"), ("e", "f"),
                 ("c", "d")]:
        g.add_edge(a, b, weight=1.0)
    for n in "abc":
        g.nodes[n].update(sector="health", region_code="33.74.05")
    for n in "def":
        g.nodes[n].update(sector="security", region_code="33.74.06")
    names = {"33.74.05": "Genuk", "33.74.06": "Pedurungan"}
    first = communities(g, lambda codes: {c: names[c] for c in codes})
    assert sorted(c.members for c in first) == [["a", "b", "c"], ["d", "e", "f"]]
    assert {c.label for c in first} == {"health · Genuk (3)", "security · Pedurungan (3)"}
    assert [c.members for c in communities(g)] == [c.members for c in first]
    assert modularity(g, first) == pytest.approx(5 / 14)


def test_brokerage_roles_by_hand() -> None:
    g = nx.Graph()
    g.add_nodes_from([("pkm1", {"sector": "health"}), ("pkm2", {"sector": "health"}),
                      ("pkm3", {"sector": "health"}), ("polsek", {"sector": "security"}),
                      ("kua", {"sector": "religious"})])
    g.add_edges_from([("pkm1", "pkm2"), ("pkm2", "pkm3"), ("pkm2", "polsek"), ("polsek", "kua")],
                     weight=1.0)
    roles = brokerage_roles(g)
    # pkm2 brokers pkm1-pkm3 (coordinator), pkm1-polsek and pkm3-polsek (one end in its group)
    assert roles["pkm2"] == {"coordinator": 1, "itinerant": 0, "representative": 2,
                             "gatekeeper": 2, "liaison": 0}
    # polsek brokers pkm2-kua: three sectors
    assert roles["polsek"]["liaison"] == 1
    assert sum(roles["pkm1"].values()) == 0
    ranked = brokerage(g)
    assert ranked[0].node == "pkm2"
    # Burt: a leaf tied to one contact is fully constrained
    assert next(b for b in ranked if b.node == "kua").constraint == pytest.approx(1.0)


def test_paths_ego_and_summary() -> None:
    g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    assert collaboration_path(g, "a", "c") == ["a", "b", "c"]
    assert collaboration_path(g, "a", "x") is None
    assert collaboration_path(g, "a", "nope") is None
    assert set(ego_network(g, "a", 1).nodes) == {"a", "b"}
    assert set(ego_network(g, "a", 2).nodes) == {"a", "b", "c"}
    s = summarize(g, {"m1": date(2025, 1, 3), "m2": date(2025, 1, 20), "m3": date(2025, 3, 1)})
    assert (s.institutions, s.ties, s.components, s.largest_component) == (5, 3, 2, 3)
    assert s.density == pytest.approx(3 / 10)
    assert s.average_path_length == pytest.approx(4 / 3)
    assert s.meetings_per_month == [("2025-01", 2), ("2025-03", 1)]


@pytest.mark.parametrize("measure", MEASURES)
def test_every_measure_handles_an_empty_network(measure: str) -> None:
    assert centrality(nx.Graph(), measure).values == {}


def test_each_measure_has_its_own_threshold_for_igraph() -> None:
    from graph.analytics.engines import use_igraph

    g = random_network(400, 0.02, seed=7)  # 403 nodes
    assert use_igraph(g, "auto", "EIGENVECTOR")  # power iteration is slow: early hand-off
    assert not use_igraph(g, "auto", "PAGERANK")
    assert centrality(g, "EIGENVECTOR").engine == "igraph"
    reference = centrality(g, "EIGENVECTOR", engine="networkx")
    for node, value in reference.values.items():
        assert centrality(g, "EIGENVECTOR").values[node] == pytest.approx(value, abs=1e-6)
