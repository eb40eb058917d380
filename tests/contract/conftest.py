"""Every store backend runs the same contract tests (see test_store.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.base import Store
from graph.store.embedded import EmbeddedStore

BACKENDS = ["embedded"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "embedded":
        s: Store = EmbeddedStore(tmp_path / "contract.db")
    else:  # pragma: no cover - every param is handled above
        raise AssertionError(request.param)
    yield s
    s.close()
