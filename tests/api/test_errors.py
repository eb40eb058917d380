"""Bad requests get errors that name the argument, and never a stack trace."""

from __future__ import annotations

import pytest

from graph.store.base import Store
from tests.helpers import GraphQLClient


@pytest.mark.parametrize(
    ("query", "argument", "fragment"),
    [
        ("{ institutions(first: 101) { totalCount } }", "first", "between 0 and 100"),
        ("{ institutions(first: -1) { totalCount } }", "first", "between 0 and 100"),
        ('{ institutions(after: "garbage!") { totalCount } }', "after", "not a cursor"),
        ('{ institutions(filter: {type: "HOSPITAL"}) { totalCount } }', "filter.type",
         "unknown institution type"),
        ('{ institutions(filter: {regionCode: "Semarang"}) { totalCount } }',
         "filter.regionCode", "not a Kemendagri region code"),
        ('{ regions(filter: {level: "city"}) { totalCount } }', "filter.level", "not a level"),
        ('{ meetings(filter: {from: "2025-02-01", to: "2025-01-01"}) { totalCount } }', "from",
         "is after"),
    ],
)
def test_invalid_arguments_are_named(client: GraphQLClient, query: str, argument: str,
                                     fragment: str) -> None:
    [error] = client.errors(query)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == argument
    assert fragment in error["message"]


def test_cursor_of_another_ordering_is_refused(client: GraphQLClient) -> None:
    first = client.data("{ institutions(first: 1) { pageInfo { endCursor } } }")
    cursor = first["institutions"]["pageInfo"]["endCursor"]
    [error] = client.errors('query($c: String) { institutions(orderBy: ID_ASC, after: $c) '
                            '{ totalCount } }', {"c": cursor})
    assert "ordering NAME_ASC" in error["message"]


def test_malformed_query_is_a_syntax_error(client: GraphQLClient) -> None:
    [error] = client.errors("{ institutions(first: ) ")
    assert "Syntax Error" in error["message"]
    assert error["locations"]


def test_unknown_field_is_a_validation_error(client: GraphQLClient) -> None:
    [error] = client.errors("{ institutions { edges { node { budget } } } }")
    assert "budget" in error["message"]


class BrokenStore:
    """A store whose reads fail as a database would (with internals in the message)."""

    def __init__(self, inner: Store) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        if name in ("find_institutions", "count_institutions"):
            def fail(*_: object) -> None:
                raise RuntimeError("SELECT * FROM institutions /secret/path.db")
            return fail
        return getattr(self._inner, name)


def test_internal_errors_are_masked(demo_store: Store) -> None:
    client = GraphQLClient(BrokenStore(demo_store))  # type: ignore[arg-type]
    [error] = client.errors("{ institutions { edges { node { id } } } }")
    assert error["message"] == "Internal error"
    assert "SELECT" not in str(error) and "secret" not in str(error)
    assert "extensions" not in error or "exception" not in error.get("extensions", {})
