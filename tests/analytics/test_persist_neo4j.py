"""A Neo4j store's large projections are saved too (TPPS_PROJECTION_DIR), read back by a
later worker, and patched after a write in one region, on a real Neo4j: the production
store no longer projects the whole country again for every worker and every write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from graph.analytics import patch, persist
from graph.analytics.projection import load_projection
from graph.model import Attendance, Batch, Meeting
from graph.store.base import NetworkFilter
from graph.store.neo4j import Neo4jStore
from loaders.synthetic.generate import Generator
from tests.analytics.test_patch import projection, same
from tests.neo4j_fixtures import empty_neo4j_store

SCOPE = "33.74"


@pytest.fixture
def store(neo4j_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[Neo4jStore]:
    monkeypatch.setenv("TPPS_PROJECTION_DIR", str(tmp_path / "projections"))
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)
    s = empty_neo4j_store(neo4j_uri)
    s.bulk_write(Generator(SCOPE, 1, 1, "demo").batches())
    patch.outcomes.clear()
    yield s
    s.close()


def test_a_projection_is_saved_read_back_and_patched(store: Neo4jStore, tmp_path: Path) -> None:
    f = NetworkFilter(region_code=SCOPE)
    built = projection(store, f)
    where = built.network.saved_at
    assert where is not None and where.is_relative_to(tmp_path / "projections")
    again = projection(store, f)  # another worker: read back from the directory
    assert again.network.saved_at == where
    same(again, built)
    people = built.network.ids[:5]
    store.write(Batch(meetings=[Meeting("mtg_new", "Minilok", date(2023, 5, 2),
                                        region_code=SCOPE + ".05")],
                      attendance=[Attendance("mtg_new", i) for i in people]))
    got = projection(store, f)
    assert patch.outcomes == {"patched": 1}
    assert "mtg_new" in got.meetings
    same(got, load_projection(store, f))


def test_an_emptied_database_never_meets_its_old_projections(
        store: Neo4jStore, neo4j_uri: str) -> None:
    home = store.projection_home()
    assert home is not None and store.projection_home() == home  # kept on the Meta node
    fresh = empty_neo4j_store(neo4j_uri)
    try:
        other = fresh.projection_home()
        assert other is not None and other[1] != home[1]
    finally:
        fresh.close()


def test_no_directory_no_saving(store: Neo4jStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_PROJECTION_DIR", "")
    from graph.settings import settings

    settings.cache_clear()
    assert store.projection_home() is None
    assert projection(store, NetworkFilter(region_code=SCOPE)).network.saved_at is None
