"""Analytics over GraphQL on the seed graph, checked against NetworkX computed here."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import service
from graph.store.base import Store
from tests.helpers import CountingStore, GraphQLClient


def seed_graph(client: GraphQLClient) -> nx.Graph:
    """The co-attendance network rebuilt from plain GraphQL reads of the meetings."""
    data = client.data("{ meetings(first: 100) { edges { node { attendees "
                       "{ institution { id } } } } } }")
    g = nx.Graph()
    for e in data["meetings"]["edges"]:
        ids = [a["institution"]["id"] for a in e["node"]["attendees"]]
        g.add_nodes_from(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                w = g[a][b]["weight"] + 1 if g.has_edge(a, b) else 1.0
                g.add_edge(a, b, weight=w)
    return g


@pytest.mark.parametrize(
    ("measure", "reference"),
    [("DEGREE", lambda g: dict(g.degree())),
     ("BETWEENNESS", lambda g: nx.betweenness_centrality(g)),
     ("CLOSENESS", lambda g: nx.closeness_centrality(g)),
     ("PAGERANK", lambda g: nx.pagerank(g, weight="weight"))],
)
def test_centrality_matches_networkx_on_the_seed_graph(client: GraphQLClient, measure: str,
                                                       reference) -> None:  # type: ignore[no-untyped-def]
    expected = reference(seed_graph(client))
    data = client.data("query($m: CentralityMeasure!) { centrality(measure: $m, first: 100) "
                       "{ score rank approximate institution { id } } }", {"m": measure})
    got = {r["institution"]["id"]: r["score"] for r in data["centrality"]}
    assert got.keys() == expected.keys()
    for k, v in expected.items():
        assert got[k] == pytest.approx(v, abs=1e-6)
    scores = [r["score"] for r in data["centrality"]]
    assert scores == sorted(scores, reverse=True)
    for r in data["centrality"]:  # ties share a rank; the next one skips
        first = next(j for j, s in enumerate(scores) if s == pytest.approx(r["score"], 1e-9))
        assert r["rank"] == first + 1
    if measure == "PAGERANK":
        assert sum(scores) == pytest.approx(1.0)


def test_one_institutions_centrality_and_the_filter(client: GraphQLClient) -> None:
    polsek = client.data('{ institutions(filter: {type: "POLSEK"}) { edges { node { id '
                         'centrality(measure: DEGREE) { score rank } '
                         'inCilegon: centrality(measure: DEGREE, filter: {regionCode: "36.72"})'
                         ' { score } } } } }')["institutions"]["edges"][0]["node"]
    assert polsek["centrality"]["score"] == 10  # ten others at the Genuk meeting
    assert polsek["inCilegon"] is None  # not in that network
    top = client.data('{ centrality(measure: DEGREE, first: 3, filter: {regionCode: "36.72",'
                      ' types: ["POLRES", "KODIM"]}) { score institution { type } } }')
    assert sorted((r["score"], r["institution"]["type"]) for r in top["centrality"]) == [
        (1.0, "KODIM"), (1.0, "POLRES")]  # a tie: their order is the tie-break by id


def test_communities_network_and_summary(client: GraphQLClient) -> None:
    data = client.data("""{ communities { index label size sector members { id } }
        network { nodes { id type sector community degree } edges { source target weight
          sharedMeetings } }
        networkSummary { institutions ties meetings components largestComponent density
          meetingsPerMonth { month meetings } } }""")
    # Five meetings with no institution in common: five communities, one per meeting.
    assert sorted(c["size"] for c in data["communities"]) == [3, 5, 7, 8, 11]
    assert data["communities"][0]["size"] == 11
    assert "Genuk" in data["communities"][0]["label"]
    nodes = data["network"]["nodes"]
    assert len(nodes) == 34 and all(n["community"] is not None for n in nodes)
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in data["network"]["edges"])
    s = data["networkSummary"]
    assert (s["institutions"], s["meetings"], s["components"], s["largestComponent"]) == (
        34, 5, 5, 11)
    assert s["ties"] == sum(k * (k - 1) // 2 for k in (3, 5, 7, 8, 11))  # five cliques
    assert {m["month"] for m in s["meetingsPerMonth"]} == {"2024-11", "2025-06", "2025-07",
                                                           "2025-10", "2025-12"}


def test_brokers_paths_and_ego_network(client: GraphQLClient) -> None:
    genuk = client.data('{ institutions(filter: {regionCode: "33.74.05", type: "POLSEK"}) '
                        '{ edges { node { id } } } }')["institutions"]["edges"][0]["node"]["id"]
    pkm = client.data('{ institutions(filter: {nameContains: "Puskesmas Genuk"}) '
                      '{ edges { node { id } } } }')["institutions"]["edges"][0]["node"]["id"]
    cilegon = client.data('{ institutions(filter: {type: "POLRES"}) '
                          '{ edges { node { id } } } }')["institutions"]["edges"][0]["node"]["id"]
    data = client.data("""query($a: ID!, $b: ID!, $c: ID!) {
        near: collaborationPath(fromId: $a, toId: $b) { id }
        far: collaborationPath(fromId: $a, toId: $c) { id }
        egoNetwork(id: $a) { nodes { id } edges { source } }
        brokers(first: 3) { total constraint institution { id } } }""",
                       {"a": genuk, "b": pkm, "c": cilegon})
    assert [n["id"] for n in data["near"]] == [genuk, pkm]
    assert data["far"] is None  # Genuk and Cilegon never met, directly or not
    assert len(data["egoNetwork"]["nodes"]) == 11
    # Every meeting is a clique here, so nobody brokers: the honest answer is zero.
    assert all(b["total"] == 0 for b in data["brokers"])
    [error] = client.errors('query($a: ID!) { egoNetwork(id: $a, depth: 9) { nodes { id } } }',
                            {"a": genuk})
    assert error["extensions"]["argument"] == "depth"


def test_convergence_gaps(client: GraphQLClient) -> None:
    data = client.data("""{ convergenceGaps(regionCode: "33.74.05") { level meetings
        missingTypes { types why } pairGaps { why a { name } b { name } } }
        kota: convergenceGaps(regionCode: "36.72") { level missingTypes { types } }
        later: convergenceGaps(regionCode: "33.74.05", from: "2026-01-01") { meetings
          missingTypes { types } }
        none: convergenceGaps(regionCode: "99") { level } }""")
    genuk = data["convergenceGaps"]
    assert (genuk["level"], genuk["meetings"]) == ("kecamatan", 1)
    assert [m["types"] for m in genuk["missingTypes"]] == [["KUA"]]  # no KUA at the Rakor
    assert genuk["pairGaps"] == []  # every kecamatan partner pair met at that Rakor
    missing = {t for m in data["kota"]["missingTypes"] for t in m["types"]}
    assert {"DINKES", "BAPPEDA", "DINAS_KB"} <= missing
    assert "PEMDA" not in missing and "PKK" not in missing
    assert data["later"]["meetings"] == 0 and len(data["later"]["missingTypes"]) == 7
    assert data["none"] is None


def test_pair_gaps_name_partners_that_never_met(client: GraphQLClient) -> None:
    client.data("""mutation { a: createInstitution(input: {name: "KUA Genuk", type: "KUA",
        regionCode: "33.74.05"}) { id } }""")
    data = client.data('{ convergenceGaps(regionCode: "33.74") { pairGaps { why a { name } '
                       'b { name } kecamatan { name } } } }')
    pairs = {(g["a"]["name"], g["b"]["name"]) for g in data["convergenceGaps"]["pairGaps"]}
    assert pairs == {("Puskesmas Genuk", "KUA Genuk"), ("Puskesmas Bangetayu", "KUA Genuk")}


def test_results_are_cached_until_the_next_write(demo_store: Store) -> None:
    service.clear()
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    query = "{ centrality(measure: PAGERANK) { score } networkSummary { ties } }"
    client.data(query)
    assert counting.calls["attendance_incidence"] == 1  # one projection serves both fields
    client.data(query)
    assert counting.calls["attendance_incidence"] == 1  # cached: same graph version
    client.data("""mutation { createInstitution(input: {name: "KUA Genuk", type: "KUA",
        regionCode: "33.74.05"}) { id } }""")
    client.data(query)
    assert counting.calls["attendance_incidence"] == 2  # the write bumped the version


def test_summary_of_a_filter_that_matches_nobody(client: GraphQLClient) -> None:
    """Found by schemathesis: an empty network made the sparse summary take the argmax of
    nothing ("Internal error")."""
    data = client.data('{ networkSummary(filter: {programId: "1"}) { institutions ties '
                       'components largestComponent averagePathLength density } }')
    assert data["networkSummary"] == {"institutions": 0, "ties": 0, "components": 0,
                                      "largestComponent": 0, "averagePathLength": None,
                                      "density": 0.0}
