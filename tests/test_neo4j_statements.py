"""Neo4j reads answer in one record: `collected` wraps a statement so its rows come back
collected into one list, with the columns of its last top-level RETURN."""

from __future__ import annotations

import pytest

from graph.store.neo4j import READS, collected, rows_of


@pytest.mark.parametrize(("query", "names"), [
    ("MATCH (m:Meta {key: 'graph'}) RETURN m.version AS v", ("v",)),
    ("UNWIND $ids AS mid MATCH (i)-[a]->(:Meeting {id: mid}) RETURN mid, a.roles AS roles, "
     "i {.id, .name, .type} AS i, r ORDER BY mid, i.id", ("mid", "roles", "i", "r")),
    # The inner RETURN of a subquery is not the statement's.
    ("UNWIND $ids AS src CALL (src) { MATCH (x) RETURN dst, w ORDER BY w DESC LIMIT $first } "
     "RETURN src, dst, w", ("src", "dst", "w")),
    ("MATCH (n) WITH n, n.x AS sort_key ORDER BY n.x LIMIT $limit RETURN n {.*} AS n, sort_key",
     ("n", "sort_key")),
    ("MATCH (n) RETURN count(n) AS c", ("c",)),
])
def test_the_columns_of_the_last_top_level_return(query: str, names: tuple[str, ...]) -> None:
    wrapped, found = collected(query)
    assert found == names
    assert wrapped == f"CALL () {{ {query} }} RETURN collect([{', '.join(names)}]) AS rows_"


def test_rows_come_back_as_records_would() -> None:
    _, names = collected("MATCH (n) RETURN n.id AS id, n {.*} AS n ORDER BY id")
    rows = rows_of([{"rows_": [["a", {"id": "a"}], ["b", None]]}], names)
    assert rows == [{"id": "a", "n": {"id": "a"}}, {"id": "b", "n": None}]


def test_the_api_read_path_is_on_the_async_driver() -> None:
    for name in ("find_institutions", "count_meetings_of_institutions", "regions",
                 "attendance_with_nodes", "meetings_of_institutions", "collaborators",
                 "institutions", "version", "scope_version", "citations"):
        assert name in READS
