"""Neo4j reads answer in one record: `collected` wraps a statement so its rows come back
collected into one list, with the columns of its last top-level RETURN."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, cast

import pytest
from neo4j.exceptions import CypherSyntaxError, ServiceUnavailable

from graph.store import neo4j_async
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
                 "attendance_with_nodes", "meetings_of_institutions",
                 "meetings_of_institutions_with_nodes", "find_meetings_with_nodes",
                 "collaborators",
                 "collaborators_with_nodes",
                 "institutions", "version", "scope_version", "citations"):
        assert name in READS


class _Result:
    def __init__(self, records: list[Any]) -> None:
        self._records = records

    def __aiter__(self) -> Any:
        async def gen() -> Any:
            for r in self._records:
                yield r
        return gen()


class _Session:
    def __init__(self, driver: _Driver) -> None:
        self.driver = driver

    async def __aenter__(self) -> _Session:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def run(self, query: str, params: dict[str, Any]) -> _Result:
        self.driver.log.append(("run", query))
        if self.driver.fail is not None:
            raise self.driver.fail
        return _Result([{"rows_": [["auto"]]}])


class _Driver:
    """What run_async uses of an AsyncDriver: sessions (auto-commit) and execute_query."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.fail, self.log = fail, cast(list[tuple[str, str]], [])

    def session(self, **_: Any) -> _Session:
        return _Session(self)

    async def execute_query(self, query: str, params: dict[str, Any], **_: Any) -> Any:
        self.log.append(("execute_query", query))
        return SimpleNamespace(records=[{"rows_": [["managed"]]}])


def _run(driver: _Driver) -> Any:
    store = SimpleNamespace(database="neo4j")
    return asyncio.run(neo4j_async._run(store, driver, "RETURN 1 AS x", {}))  # type: ignore[arg-type]


def test_an_api_read_is_one_auto_commit_run() -> None:
    driver = _Driver()
    assert _run(driver) == [{"rows_": [["auto"]]}]
    assert [kind for kind, _ in driver.log] == ["run"]


def test_a_retryable_failure_is_sent_again_through_the_retrying_path() -> None:
    driver = _Driver(ServiceUnavailable("connection lost"))
    assert _run(driver) == [{"rows_": [["managed"]]}]
    assert [kind for kind, _ in driver.log] == ["run", "execute_query"]


def test_an_error_the_driver_would_not_retry_is_raised_at_once() -> None:
    driver = _Driver(CypherSyntaxError("bad"))
    with pytest.raises(CypherSyntaxError):
        _run(driver)
    assert [kind for kind, _ in driver.log] == ["run"]
