"""Shared fixtures: stores (every backend the contract covers) and API clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.base import Store
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.helpers import GraphQLClient

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "loaders" / "data" / "demo.json"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "tpps.db")
    yield store
    store.close()


@pytest.fixture
def demo_store(embedded: EmbeddedStore) -> Store:
    load_files([DEMO], "json", embedded)
    return embedded


@pytest.fixture
def client(demo_store: Store) -> GraphQLClient:
    return GraphQLClient(demo_store)
