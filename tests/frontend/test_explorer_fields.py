"""Fields the explorer added to the API: node scores on `network`, counts on regions."""

from __future__ import annotations

from tests.helpers import GraphQLClient


def test_network_nodes_carry_the_chosen_measure(client: GraphQLClient) -> None:
    d = client.data("""{ network(filter: {regionCode: "36"}, measure: PAGERANK) {
        nodes { id score } }
      centrality(measure: PAGERANK, filter: {regionCode: "36"}, first: 100) {
        score institution { id } } }""")
    scores = {n["id"]: n["score"] for n in d["network"]["nodes"]}
    assert abs(sum(scores.values()) - 1) < 1e-6
    for c in d["centrality"]:  # the same numbers as the ranking
        assert abs(scores[c["institution"]["id"]] - c["score"]) < 1e-12


def test_network_without_a_measure_has_no_scores(client: GraphQLClient) -> None:
    d = client.data('{ network(filter: {regionCode: "33.74.05"}) { nodes { score } } }')
    assert d["network"]["nodes"] and all(n["score"] is None for n in d["network"]["nodes"])


def test_regions_count_institutions_and_meetings_below_them(client: GraphQLClient) -> None:
    d = client.data("""{ kota: region(code: "33.74") { institutionCount meetingCount
        children { code institutionCount meetingCount } }
      genuk: region(code: "33.74.05") { institutionCount meetingCount }
      all: institutions(filter: {regionCode: "33.74.05"}) { totalCount } }""")
    assert d["genuk"] == {"institutionCount": d["all"]["totalCount"], "meetingCount": 1}
    assert d["kota"]["meetingCount"] == 1
    assert d["kota"]["institutionCount"] >= d["genuk"]["institutionCount"] > 0
    genuk = next(c for c in d["kota"]["children"] if c["code"] == "33.74.05")
    assert genuk == {"code": "33.74.05", "institutionCount": d["genuk"]["institutionCount"],
                     "meetingCount": 1}
