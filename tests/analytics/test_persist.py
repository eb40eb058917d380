"""Projections built once (graph/analytics/persist.py): saved beside the embedded store,
read back by another worker or after a restart without reading attendance, the same
network to the last weight, and never read again once a write touched its scope."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from graph.analytics import persist, results, service
from graph.analytics.brokerage import brokerage
from graph.analytics.centrality import MEASURES, centrality
from graph.analytics.communities import communities
from graph.analytics.projection import Projection
from graph.analytics.summary import summarize
from graph.model import Attendance, Batch, Meeting
from graph.store.base import NetworkFilter, Window
from graph.store.embedded import EmbeddedStore
from loaders.files import load_files
from tests.conftest import DEMO
from tests.helpers import CountingStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedStore]:
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)  # the demo is small: save it all
    s = EmbeddedStore(tmp_path / "tpps.db")
    load_files([DEMO], "json", s)
    service.clear()
    yield s
    service.clear()
    s.close()


def same(a: Projection, b: Projection) -> None:
    x, y = a.network, b.network
    assert (x.ids, x.names, x.types, x.region_codes) == (y.ids, y.names, y.types,
                                                         y.region_codes)
    assert list(a.meetings.items()) == list(b.meetings.items())
    assert (x.weight != y.weight).nnz == 0 and x.weight.shape == y.weight.shape
    assert (x._incidence != y._incidence).nnz == 0
    assert x.weighting == y.weighting


def reads(store: EmbeddedStore, f: NetworkFilter, weighting: str = "shared") -> int:
    """Attendance reads a fresh process makes to get the projection of `f`."""
    service.clear()
    counting = CountingStore(store)
    service.network(counting, f, weighting)
    return counting.calls["attendance_incidence"]


@pytest.mark.parametrize("weighting", ["shared", "newman"])
def test_a_saved_projection_is_read_back_whole_without_reading_attendance(
        store: EmbeddedStore, weighting: str) -> None:
    f = NetworkFilter(window=Window(date(2024, 1, 1), None))
    built = service.network(store, f, weighting)
    assert reads(store, f, weighting) == 0  # a restart: mapped from the saved arrays
    service.clear()
    same(service.network(store, f, weighting), built)
    assert reads(store, NetworkFilter(), weighting) == 1  # another filter: its own file


def test_a_read_back_projection_splits_names_types_and_meetings_only_when_read(
        store: EmbeddedStore) -> None:
    """PageRank reads only the ids and weights: splitting 600k strings and making 300k
    dates was a third of a cold whole-country PageRank, so they wait until asked."""
    built = service.network(store, NetworkFilter())
    service.clear()
    loaded = service.network(store, NetworkFilter())
    lazy = ("names", "types", "region_codes")
    assert not set(lazy) & set(vars(loaded.network)) and "meetings" not in vars(loaded)
    service.ranking(store, NetworkFilter(), "PAGERANK")
    assert not set(lazy) & set(vars(loaded.network)) and "meetings" not in vars(loaded)
    same(loaded, built)  # and when read, they are the saved ones
    assert set(lazy) <= set(vars(loaded.network)) and "meetings" in vars(loaded)


def test_every_measure_on_a_read_back_projection_equals_the_built_one(
        store: EmbeddedStore) -> None:
    f = NetworkFilter()
    built = service.network(store, f)
    service.clear()
    loaded = service.network(store, f)
    assert not loaded.network.weight.data.flags.writeable  # really the mapped arrays
    for measure in MEASURES:
        a = centrality(built.network, measure, engine="fast").values
        b = centrality(loaded.network, measure, engine="fast").values
        assert a == pytest.approx(b, abs=1e-12), measure
    assert communities(built.network, engine="fast") == communities(loaded.network,
                                                                    engine="fast")
    assert brokerage(built.network) == brokerage(loaded.network)
    assert summarize(built.network, built.meetings) == summarize(loaded.network,
                                                                 loaded.meetings)
    assert loaded.attendance == built.attendance


def test_a_write_drops_the_saved_projections_of_its_scope_only(store: EmbeddedStore) -> None:
    scopes = {"tangerang": NetworkFilter(region_code="36.71"),
              "semarang": NetworkFilter(region_code="33.74"), "country": NetworkFilter()}
    for f in scopes.values():
        service.network(store, f)
    assert {name: reads(store, f) for name, f in scopes.items()} == dict.fromkeys(scopes, 0)
    genuk = next(r for r in store.attendance_rows(scopes["semarang"]))
    store.write(Batch(
        meetings=[Meeting("m-new-genuk", "Rembuk stunting Genuk", date(2026, 1, 5),
                          region_code="33.74.05")],
        attendance=[Attendance("m-new-genuk", genuk.institution_id)]))
    assert {name: reads(store, f) for name, f in scopes.items()} == {
        "tangerang": 0, "semarang": 1, "country": 1}
    assert "m-new-genuk" in service.network(store, scopes["semarang"]).meetings
    home = persist.home(store)
    assert home is not None
    assert len([p for p in home[0].iterdir() if not p.name.startswith(".")]) == 3  # old gone


def test_a_recreated_store_never_reads_the_old_one_s_projection(tmp_path: Path,
                                                                store: EmbeddedStore) -> None:
    f = NetworkFilter()
    service.network(store, f)
    version = store.version()
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp_path / "tpps.db") + suffix).unlink(missing_ok=True)
    again = EmbeddedStore(tmp_path / "tpps.db")  # same path, same data, same version
    load_files([DEMO], "json", again)
    assert again.version() == version
    assert reads(again, f) == 1  # a new identity: the old file is not taken for it
    again.close()


def test_small_networks_and_stores_without_a_home_are_not_saved(
        store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 10**9)
    service.network(store, NetworkFilter())
    assert reads(store, NetworkFilter()) == 1
    memory = EmbeddedStore(":memory:")
    assert persist.home(memory) is None
    memory.close()


def test_an_unfinished_directory_is_never_read(store: EmbeddedStore) -> None:
    f = NetworkFilter()
    path = persist.path_of(store, f, "shared", store.scope_version(None))
    assert path is not None
    service.network(store, f)
    (path / "done").unlink()  # as if the writer died before the rename
    assert persist.load(path) is None
    np.save(path / "w_data.npy", np.zeros(1))
    assert reads(store, f) == 1
    service.clear()
    assert persist.load(path) is not None  # rebuilt and saved whole in its place


def test_the_networkit_copy_is_kept_beside_the_saved_projection(store: EmbeddedStore) -> None:
    from graph.analytics.projection import NETWORKIT_FILE

    f = NetworkFilter()
    built = service.network(store, f).network
    assert built.saved_at is not None
    expected = communities(built, engine="fast")  # builds the copy and keeps it
    kept = built.saved_at / NETWORKIT_FILE
    assert kept.exists()
    service.clear()
    loaded = service.network(store, f).network
    g = loaded.networkit  # read back, not built
    assert (g.numberOfNodes(), g.numberOfEdges()) == (built.n, built.ties)
    rows, cols, weights = built.edges
    assert [g.weight(int(a), int(b)) for a, b in zip(rows, cols, strict=True)] == list(weights)
    assert communities(loaded, engine="fast") == expected
    kept.write_bytes(b"not a graph")  # a damaged file: built again, and kept again
    service.clear()
    assert service.network(store, f).network.networkit.numberOfEdges() == built.ties


def test_saving_an_older_version_leaves_a_newer_one(store: EmbeddedStore) -> None:
    """A worker that built before a write and saves after it must not delete the
    projection another worker saved after the write."""
    f = NetworkFilter()
    p = service.network(store, f)
    newer = persist.path_of(store, f, "shared", 7)
    older = persist.path_of(store, f, "shared", 6)
    assert newer is not None and older is not None
    assert persist.save(newer, p) and persist.save(older, p)
    assert persist.load(newer) is not None and persist.load(older) is not None
    assert persist.save(newer, p)  # the newer one prunes the older
    assert persist.load(older) is None and persist.load(newer) is not None


@pytest.mark.parametrize("command", [
    ["load", "json", str(DEMO)],
    ["generate", "--region", "33.74", "--years", "1"],
])
def test_a_bulk_load_ends_by_saving_the_whole_country_projection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    """So the first whole-country request after a load reads it back instead of building
    it inside the request; `--no-project` leaves it to that request."""
    from typer.testing import CliRunner

    from cli.main import app

    monkeypatch.setattr(persist, "PERSIST_MIN_NODES", 0)
    for flag, saved in (([], True), (["--no-project"], False)):
        db = tmp_path / f"{'kept' if saved else 'not'}.db"
        result = CliRunner().invoke(app, [*command, "--db", str(db), *flag])
        assert result.exit_code == 0, result.output
        assert ("whole-country network projected" in result.output) is saved
        s = EmbeddedStore(db)
        try:
            assert reads(s, NetworkFilter()) == (0 if saved else 1)
            kept = service.network(s, NetworkFilter()).network.saved_at
            assert kept is not None  # saved now by the request if not by the load
            if saved:  # and the networkit copy communities run on was kept by the load
                from graph.analytics.projection import NETWORKIT_FILE
                assert (kept / NETWORKIT_FILE).exists()
            # the size the API prices a national request by is stored too: no count
            counting = CountingStore(s)
            size = results.network_size(counting, NetworkFilter(),  # type: ignore[arg-type]
                                        s.scope_version(None))
            assert counting.calls["network_size"] == (0 if saved else 1)
            assert size == s.network_size(NetworkFilter()) and size.rows > 0
        finally:
            s.close()
