"""The test Neo4j: one real server per test session, emptied before each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.neo4j import Neo4jStore
from neo4j_server import Neo4jServer, Neo4jStartError


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = Neo4jServer(Path(tmp_path_factory.mktemp("neo4j")))
    try:
        uri = server.start()
    except Neo4jStartError as exc:
        pytest.fail(f"the test Neo4j could not start, so Neo4j tests cannot run:\n{exc}",
                    pytrace=False)
    yield uri
    server.stop()


def empty_neo4j_store(uri: str) -> Neo4jStore:
    """A store on the shared server with every node of earlier tests deleted."""
    store = Neo4jStore(uri)
    store._driver.execute_query("MATCH (n) DETACH DELETE n")
    store._driver.execute_query("MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0, "
                                "m.changes_since = 0")
    return store
