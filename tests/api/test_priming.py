"""A page's per-row fields are loaded for the whole page before its rows resolve, so
the page resolves without a coroutine (and a gather) per row, and a failed priming
read still fails only the fields that needed it."""

from __future__ import annotations

from typing import Any

import pytest
from graphql.execution import executor

from tests.api.test_store_calls import big_store
from tests.helpers import CountingStore, GraphQLClient

A = """query($first: Int!) { institutions(first: $first) {
  edges { node { name type region { name } meetings(first: 0) { totalCount } } } } }"""
B = """query($id: ID!) { institution(id: $id) { name meetings(first: 10) {
  edges { node { title date region { name } attendees { institution { name } } } } } } }"""
D = """query($first: Int!) { meetings(first: $first) {
  edges { node { title date attendees { institution { name region { name } } } } } } }"""
C = """query($id: ID!) { institution(id: $id) {
  collaborators(first: 10) { sharedMeetings weight institution { name } } } }"""


@pytest.fixture
def gathers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many values graphql-core gathered (awaited together) while executing."""
    seen: list[int] = []
    real = executor.gather_with_cancel

    def counted(*values: Any) -> Any:
        seen.append(len(values))
        return real(*values)

    monkeypatch.setattr(executor, "gather_with_cancel", counted)
    return seen


@pytest.mark.parametrize(("query", "size"), [(A, 100), (D, 40)])
def test_a_page_resolves_without_waiting_per_row(tmp_path, gathers, query, size) -> None:  # type: ignore[no-untyped-def]
    client = GraphQLClient(big_store(tmp_path))
    answers = []
    for first in (5, size):
        gathers.clear()
        data = client.data(query, {"first": first})
        answers.append(data)
        # What is gathered is the top-level field, never one awaitable per row.
        assert sum(gathers) <= 2, gathers
    rows = next(iter(answers[1].values()))["edges"]
    assert len(rows) == size


def test_primed_answers_are_the_unprimed_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = big_store(tmp_path)
    client = GraphQLClient(store)
    page = client.data(A, {"first": 100})["institutions"]["edges"]
    for edge in page[:: 17]:
        # One institution at a time (institution(id) primes nothing) answers the same.
        name = edge["node"]["name"]
        [found] = [i for i in store.institutions([f"ins_{name[-4:]}"]).values()]
        one = client.data("""query($id: ID!) { institution(id: $id) { name type region { name }
            meetings(first: 0) { totalCount } } }""", {"id": found.id})["institution"]
        assert one == edge["node"]
    some = client.data(B, {"id": "ins_0007"})["institution"]["meetings"]["edges"]
    assert some and all(e["node"]["attendees"] for e in some)
    assert all(e["node"]["region"]["name"].startswith("Kec ") for e in some)
    collab = client.data(C, {"id": "ins_0007"})["institution"]["collaborators"]
    assert collab and all(c["institution"]["name"].startswith("Institution ") for c in collab)


def test_b_and_c_keep_their_store_calls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    counting = CountingStore(big_store(tmp_path))
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    counting.reset()
    client.data(B, {"id": "ins_0007"})
    # The institution comes among its page's attendees: no read of its own.
    assert dict(counting.calls) == {"meetings_of_institutions_with_nodes": 1, "regions": 1}
    counting.reset()
    client.data(C, {"id": "ins_0007"})
    # The collaborators come with their institutions and the one asked: one round trip.
    assert dict(counting.calls) == {"collaborators_with_nodes": 1}


class _RegionsFail(CountingStore):
    def regions(self, codes: Any) -> Any:
        raise RuntimeError("regions are broken")


def test_a_failed_priming_read_fails_only_its_fields(tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = GraphQLClient(_RegionsFail(big_store(tmp_path)))
    body = client.post(A, {"first": 10})
    rows = body["data"]["institutions"]["edges"]
    assert len(rows) == 10
    assert all(r["node"]["name"] and r["node"]["region"] is None for r in rows)
    assert all(r["node"]["meetings"]["totalCount"] >= 0 for r in rows)
    assert {tuple(e["path"][-1:]) for e in body["errors"]} == {("region",)}
