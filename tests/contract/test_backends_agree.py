"""Both stores give the same GraphQL answers on the same data."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.helpers import GraphQLClient
from tests.neo4j_fixtures import empty_neo4j_store

QUERIES = [
    """{ institutions(first: 100) { totalCount edges { cursor node { id name type level
         regionCode region { name } meetings { totalCount edges { node { id title } } }
         collaborators(first: 50) { sharedMeetings weight institution { id } }
         programs { relation program { id } }
         sources { start end excerpt source { id } } } } } }""",
    """{ meetings(first: 100, orderBy: DATE_ASC) { totalCount edges { cursor node { id title date
         startTime endTime venue level regionCode organiser { id } chair { id }
         attendees { role roles institution { id } } programs { id name aliases }
         sources { source { id title file published } } } } } }""",
    """{ programs(first: 100) { totalCount edges { node { id name aliases description
         owners { relation institution { id } } regions { code } meetings { totalCount } } } } }""",
    """{ regions(first: 100, orderBy: NAME_ASC) { totalCount edges { node { code name level
         parentCode parent { code } children { code } measurements { id what value unit period
         note } } } } }""",
    """{ measurements(filter: {regionCode: "36"}) { id what value unit period regionCode } }""",
    """{ institutions(filter: {regionCode: "33.74.05", nameContains: "genuk"}, first: 3,
         orderBy: NAME_DESC) { totalCount pageInfo { hasNextPage endCursor }
         edges { node { id } } } }""",
]


@pytest.mark.parametrize("query", QUERIES)
def test_embedded_and_neo4j_answer_alike(query: str, tmp_path: Path, neo4j_uri: str) -> None:
    embedded = EmbeddedStore(tmp_path / "e.db")
    neo = empty_neo4j_store(neo4j_uri)
    try:
        for store in (embedded, neo):
            load_files([DEMO], "json", store)
        a = GraphQLClient(embedded).data(query)
        b = GraphQLClient(neo).data(query)
        assert a == b
    finally:
        embedded.close()
        neo.close()
