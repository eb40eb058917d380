"""Relay's Node interface: any object refetched by its global id, in batches."""

from __future__ import annotations

from graph.store.base import Store
from tests.helpers import CountingStore, GraphQLClient

IDS = """{ institutions(first: 3) { edges { node { id name } } }
  meetings(first: 2) { edges { node { id title
    sources { source { id } } programs { id } region { id code } } } }
  measurements(first: 2) { id what } }"""

NODES = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
  ... on Institution { name } ... on Meeting { title } ... on Region { code name }
  ... on Measurement { what } ... on Program { name } ... on Source { title } } }"""


def _some_ids(client: GraphQLClient) -> dict[str, list[str]]:
    d = client.data(IDS)
    meetings = [e["node"] for e in d["meetings"]["edges"]]
    programs = [p["id"] for m in meetings for p in m["programs"]]
    return {
        "Institution": [e["node"]["id"] for e in d["institutions"]["edges"]],
        "Meeting": [m["id"] for m in meetings],
        "Region": [m["region"]["id"] for m in meetings],
        "Source": [m["sources"][0]["source"]["id"] for m in meetings],
        "Measurement": [m["id"] for m in d["measurements"]],
        "Program": programs[:2],
    }


def test_node_refetches_each_kind(client: GraphQLClient) -> None:
    for typename, ids in _some_ids(client).items():
        assert ids, typename
        for id_ in ids:
            found = client.data('query($id: ID!) { node(id: $id) { __typename id } }',
                                {"id": id_})["node"]
            assert found == {"__typename": typename, "id": id_}


def test_a_region_id_is_its_code(client: GraphQLClient) -> None:
    d = client.data('{ node(id: "33.74.05") { id ... on Region { code name level } } }')
    assert d["node"] == {"id": "33.74.05", "code": "33.74.05", "name": "Genuk",
                         "level": "kecamatan"}


def test_unknown_ids_give_null_in_place(client: GraphQLClient) -> None:
    ids = _some_ids(client)
    asked = ["ins_0000000000000000", ids["Meeting"][0], "99.99", "mtg_nothing", "nonsense"]
    got = client.data(NODES, {"ids": asked})["nodes"]
    assert got[0] is None and got[2] is None and got[3] is None and got[4] is None
    assert got[1]["id"] == ids["Meeting"][0] and got[1]["__typename"] == "Meeting"


def test_nodes_make_one_store_call_per_kind(demo_store: Store) -> None:
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    ids = _some_ids(client)
    asked = [i for group in ids.values() for i in group]
    counting.reset()
    got = client.data(NODES, {"ids": asked})["nodes"]
    assert [g["id"] for g in got] == asked
    assert [g["__typename"] for g in got] == [t for t, g in ids.items() for _ in g]
    for call in ("institutions", "meetings", "regions", "sources", "measurements", "programs"):
        assert counting.calls[call] == 1, (call, dict(counting.calls))
    assert counting.total == 6


def test_too_many_ids_are_refused_with_a_code(client: GraphQLClient) -> None:
    errors = client.errors(NODES, {"ids": [f"ins_{i}" for i in range(101)]})
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "ids"}
