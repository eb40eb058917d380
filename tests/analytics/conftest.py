"""Fixtures shared by the pool's tests (test_jobs.py, test_storm.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """The demo data in a SQLite file: a store a worker process can open by its path."""
    s = EmbeddedStore(tmp_path / "tpps.db")
    load_files([DEMO], "json", s)
    yield s
    s.close()
