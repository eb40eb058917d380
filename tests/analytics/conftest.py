"""Fixtures shared by the pool's tests (test_jobs.py, test_storm.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from api import guards
from graph.analytics import jobs
from graph.settings import settings
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


def _forget() -> None:
    settings.cache_clear()
    jobs.reset()
    guards.clear_size_cache()


@pytest.fixture
def one_worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[float], None]]:
    """Set the process's pool to one worker, the budget asked for and a queue wait (both in
    seconds, the wait short unless asked); the settings, pool and counts are forgotten
    before and after."""
    def tune(budget: float, queue: float = 0.2) -> None:
        monkeypatch.setenv("TPPS_ANALYTICS_WORKERS", "1")
        monkeypatch.setenv("TPPS_ANALYTICS_SECONDS", f"{budget:g}")
        monkeypatch.setenv("TPPS_ANALYTICS_QUEUE_SECONDS", f"{queue:g}")
        _forget()

    yield tune
    monkeypatch.undo()
    _forget()
