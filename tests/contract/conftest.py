"""Every store backend runs the same contract tests (see test_store.py)."""

from __future__ import annotations

import pytest

from graph.store.base import Store


@pytest.fixture
def store(any_store: Store) -> Store:
    """An empty store; `any_store` (tests/conftest.py) yields each backend in turn."""
    return any_store
