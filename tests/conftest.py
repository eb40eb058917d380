"""Shared fixtures: stores (every backend the contract covers) and API clients."""

from __future__ import annotations

import os

# The request path's store timeout (default 2 s) is for production: a cold Neo4j on a
# busy 2-core test machine can take longer for a first query. The fault suite runs its
# servers with the default (tests/faults/served_neo4j.py).
os.environ.setdefault("TPPS_STORE_TIMEOUT", "30")
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import settings
from graph.store.base import Store
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.helpers import GraphQLClient
from tests.neo4j_fixtures import (
    empty_neo4j_store,
    neo4j_uri,  # noqa: F401 - a fixture for every test module
)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "loaders" / "data" / "demo.json"
SEEDS = (ROOT / settings().seeds).resolve()


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    """settings() reads the environment once per process; each test reads it anew, so a
    variable a test sets with monkeypatch before its first read is the one it sees."""
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "tpps.db")
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend in turn."""
    store: Store
    if request.param == "embedded":
        store = EmbeddedStore(tmp_path / "tpps.db")
    else:
        store = empty_neo4j_store(request.getfixturevalue("neo4j_uri"))
    yield store
    store.close()


@pytest.fixture
def demo_store(any_store: Store) -> Store:
    """The demo dataset, in each backend in turn: API tests run against both."""
    load_files([DEMO], "json", any_store)
    return any_store


@pytest.fixture
def client(demo_store: Store) -> GraphQLClient:
    return GraphQLClient(demo_store)


# The seed releases live outside the repository (../shared/seeds): a lone clone has none.
def seeds_or_skip() -> Path:
    """The seed releases' folder, or a skip that says why a test cannot read them."""
    if not SEEDS.is_dir():
        pytest.skip(f"no seed releases at {SEEDS}: clone the project beside its shared/ folder "
                    "or set TPPS_SEEDS to that folder")
    return SEEDS


@pytest.fixture
def seeds_dir() -> Path:
    """For every test that reads the seeds: run where they are, skipped (with the reason)
    in a lone clone."""
    return seeds_or_skip()
