"""On Neo4j the API's reads run on the async driver: no request holds a thread of the
pool while it waits, concurrent requests read at once and answer what the sync driver
reads, and a read past TPPS_STORE_TIMEOUT still answers STORE_UNAVAILABLE."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import api.context
from api.app import create_app
from graph.settings import settings
from graph.store.base import MeetingFilter, PageRequest
from graph.store.neo4j import Neo4jStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.helpers import TEST_ACCESS
from tests.neo4j_fixtures import empty_neo4j_store

QUERY = """query($first: Int!) { meetings(first: $first) { totalCount edges { node { title
  attendees { role institution { name region { name } } } } } } }"""


@pytest.fixture
def neo4j_demo(neo4j_uri: str) -> Iterator[Neo4jStore]:
    store = empty_neo4j_store(neo4j_uri)
    load_files([DEMO], "json", store)
    yield store
    store.close()


async def _post_all(store: Any, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    app = create_app(store, access=TEST_ACCESS)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as client:
        answers = await asyncio.gather(*(client.post("/graphql", json=b) for b in bodies))
    return [a.json() for a in answers]


def test_neo4j_reads_hold_no_thread(neo4j_demo: Neo4jStore,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def no_thread(*_: Any, **__: Any) -> Any:
        raise AssertionError("a read went to the threadpool")

    monkeypatch.setattr(api.context, "run_in_threadpool", no_thread)
    bodies = [{"query": QUERY, "variables": {"first": n}} for n in (1, 2, 3, 4, 5, 6, 7, 8)]
    answers = asyncio.run(_post_all(neo4j_demo, bodies))
    total = neo4j_demo.count_meetings(MeetingFilter())
    page = neo4j_demo.find_meetings(MeetingFilter(), PageRequest(8, sort="date",
                                                                 descending=True))
    for n, answer in enumerate(answers, 1):
        assert "errors" not in answer, answer
        got = answer["data"]["meetings"]
        assert got["totalCount"] == total
        assert [e["node"]["title"] for e in got["edges"]] == [m.title for m in page.items[:n]]
        attendance = neo4j_demo.attendance_of_meetings([m.id for m in page.items[:n]])
        assert [len(e["node"]["attendees"]) for e in got["edges"]] == \
            [len(attendance.get(m.id, [])) for m in page.items[:n]]


def test_a_slow_async_read_answers_store_unavailable(neo4j_demo: Neo4jStore,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    async def hangs(self: Neo4jStore, name: str, *args: Any) -> Any:
        await asyncio.sleep(30)

    monkeypatch.setenv("TPPS_STORE_TIMEOUT", "0.5")
    settings.cache_clear()
    monkeypatch.setattr(Neo4jStore, "aread", hangs)
    try:
        [answer] = asyncio.run(_post_all(neo4j_demo, [{"query": QUERY,
                                                       "variables": {"first": 2}}]))
    finally:
        settings.cache_clear()
    assert answer["data"] is None
    assert {e["extensions"]["code"] for e in answer["errors"]} == {"STORE_UNAVAILABLE"}


def test_pooled_neo4j_reads_wait_on_the_socket_untimed(neo4j_demo: Neo4jStore,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A socket wait with a timeout costs the driver a task and a timer per chunk read;
    the API's own timer bounds these reads, so a pooled connection waits untimed."""
    from neo4j._async_compat.network import _bolt_socket

    timed: list[float] = []
    real = _bolt_socket.wait_for

    async def counting(fut: Any, timeout: float | None) -> Any:
        if timeout is not None:
            timed.append(timeout)
        return await real(fut, timeout)

    monkeypatch.setattr(_bolt_socket, "wait_for", counting)
    bodies = [{"query": QUERY, "variables": {"first": n}} for n in (1, 2, 3)]

    async def twice() -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
        first = await _post_all(neo4j_demo, bodies)  # opens the connections (HELLO timed)
        opened = len(timed)
        again = await _post_all(neo4j_demo, bodies)  # same loop: the pooled connections
        return first, opened, again

    first, opened, again = asyncio.run(twice())
    assert opened > 0  # the hint and the write timeout were there to drop
    assert len(timed) == opened
    assert again == first and all("errors" not in a for a in again), again
