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


def test_network_columns_are_the_nodes_and_edges_in_one_value_each(
        client: GraphQLClient) -> None:
    d = client.data("""{ network(filter: {regionCode: "33"}, measure: PAGERANK) {
        nodes { id name type sector regionCode community degree score }
        edges { source target weight sharedMeetings }
        columns { id name type sector regionCode community degree score
                  source target weight sharedMeetings } } }""")
    net, cols = d["network"], d["network"]["columns"]
    assert len(net["nodes"]) > 10 and net["edges"]
    keys = ["id", "name", "type", "sector", "regionCode", "community", "degree", "score"]
    rows = [dict(zip(keys, values, strict=True)) for values in zip(*(cols[k] for k in keys),
                                                                    strict=True)]
    assert rows == net["nodes"]  # the same institutions, in the same order
    ids = cols["id"]
    ties = [{"source": ids[s], "target": ids[t], "weight": w, "sharedMeetings": m}
            for s, t, w, m in zip(cols["source"], cols["target"], cols["weight"],
                                  cols["sharedMeetings"], strict=True)]
    assert ties == net["edges"]


def test_a_column_is_not_an_argument(client: GraphQLClient) -> None:
    [error] = client.errors('query($c: IntColumn) { __typename }', {"c": [1, 2]})
    assert error["extensions"]["code"] in ("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED")
