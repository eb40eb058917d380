"""Whole results kept as mapped columns (graph/analytics/stored.py, mapped.py): a restart
answers a page from them without decoding more than the page, under the same key and
invalidation as the stored blob; the network size a request is priced by is stored too."""

from __future__ import annotations

import asyncio
import os
import pickle
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from api import guards
from graph.analytics import jobs, mapped, results, service, stored
from graph.analytics.brokerage import ROLES, Brokerage
from graph.analytics.communities import Community
from graph.analytics.mapped import MappedBrokers, MappedCommunities, MappedRanking
from graph.model import Attendance, Batch, Meeting
from graph.store.base import NetworkFilter
from graph.store.embedded import EmbeddedStore
from tests.analytics import slow_jobs
from tests.helpers import CountingStore, GraphQLClient

WHOLE = NetworkFilter()


@pytest.fixture
def columns_for_all(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Columns for every result, however small (the demo network is 34 institutions)."""
    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    service.clear()
    yield
    service.clear()


def _restart(store: EmbeddedStore) -> CountingStore:
    """Nothing in memory, only what is stored: a new worker or a restarted server."""
    service.clear()
    return CountingStore(store)


def test_a_restart_maps_the_ranking_and_decodes_only_the_page(
        store: EmbeddedStore, columns_for_all: None) -> None:
    first = service.ranking(store, WHOLE, "PAGERANK")
    assert isinstance(first, MappedRanking)  # handed on as columns from the start
    expected = first.to_ranking()
    assert expected == service.scores(store, WHOLE, "PAGERANK")  # the same answers
    counting = _restart(store)
    again = service.ranking(counting, WHOLE, "PAGERANK")  # type: ignore[arg-type]
    assert isinstance(again, MappedRanking)
    assert counting.calls["get_result"] == 0  # no blob read, let alone decoded
    assert counting.calls["attendance_incidence"] == 0
    assert len(again) == len(expected) > 20
    assert again.ranked(5) == expected.ranked(5)
    assert again.columns.decoded == 5  # the page's ids, not the other rows
    for node in (expected.nodes[0], expected.nodes[-1], expected.nodes[len(expected) // 2]):
        assert again.rank_of(node) == expected.rank_of(node)
    assert again.rank_of("ins_nobody") is None and again.rank_of("") is None
    assert again.columns.decoded == 5  # a lookup compares bytes, decodes nothing
    assert again == expected and again.values == expected.values


def test_a_mapped_result_crosses_to_the_api_as_its_name(
        store: EmbeddedStore, columns_for_all: None) -> None:
    ranking = service.ranking(store, WHOLE, "DEGREE")
    brokers = service.brokers(store, WHOLE)
    assert isinstance(ranking, MappedRanking) and isinstance(brokers, MappedBrokers)
    for value in (ranking, brokers):
        sent = pickle.dumps(value)
        assert len(sent) < 500  # the directory's name, not hundreds of rows
        back = pickle.loads(sent)
        assert back.columns.path == value.columns.path and back == value


def test_brokers_are_read_a_page_at_a_time_and_equal_the_list(
        store: EmbeddedStore, columns_for_all: None) -> None:
    computed = service.brokers(store, WHOLE)
    assert isinstance(computed, MappedBrokers)
    expected = list(computed)
    counting = _restart(store)
    again = service.brokers(counting, WHOLE)  # type: ignore[arg-type]
    assert isinstance(again, MappedBrokers) and counting.calls["get_result"] == 0
    assert again[:3] == expected[:3] and again.columns.decoded == 3
    assert again[-1] == expected[-1] and again[len(again) + 5:] == []
    with pytest.raises(IndexError):
        again[len(again)]
    assert again == expected and len(again) == len(expected) > 20


def test_a_broker_without_constraint_keeps_none(tmp_path: Path) -> None:
    rows = [Brokerage("ins_b", 0.25, 3.5, dict(zip(ROLES, [1, 2, 3, 4, 5], strict=True))),
            Brokerage("ins_é", None, None)]
    found = MappedBrokers.save(tmp_path / "brokerage-x-v1", rows)
    assert found is not None and list(found) == rows and found[1].constraint is None


def test_a_write_in_scope_makes_the_columns_unreachable_like_the_blob(
        store: EmbeddedStore, columns_for_all: None, monkeypatch: pytest.MonkeyPatch) -> None:
    before = service.ranking(store, WHOLE, "DEGREE")
    old = before.columns.path  # type: ignore[union-attr]
    row = next(iter(store.attendance_rows(WHOLE)))
    store.write(Batch(meetings=[Meeting("m-x15-new", "Rakor tambahan", date(2026, 2, 3),
                                        region_code="33.74")],
                      attendance=[Attendance("m-x15-new", row.institution_id)]))
    counting = _restart(store)
    after = service.ranking(counting, WHOLE, "DEGREE")  # type: ignore[arg-type]
    assert counting.calls["attendance_incidence"] == 1  # recomputed, not the old columns
    assert isinstance(after, MappedRanking) and after.columns.path != old
    assert after == service.scores(store, WHOLE, "DEGREE")
    assert old.exists()  # kept a grace period for a reader just handed it
    monkeypatch.setattr(stored, "GRACE_SECONDS", -1.0)
    MappedRanking.save(after.columns.path, after.to_ranking())  # the next save drops it
    assert not old.exists() and after.columns.path.exists()


def test_a_blob_without_columns_is_decoded_once_and_mapped_after(
        store: EmbeddedStore, columns_for_all: None) -> None:
    """A file copied without its directory (or stored by an older version): the blob
    answers, and leaves the columns for the next restart."""
    import shutil

    first = service.ranking(store, WHOLE, "PAGERANK")
    shutil.rmtree(first.columns.path)  # type: ignore[union-attr]
    counting = _restart(store)
    again = service.ranking(counting, WHOLE, "PAGERANK")  # type: ignore[arg-type]
    assert counting.calls["get_result"] == 1 and counting.calls["attendance_incidence"] == 0
    assert isinstance(again, MappedRanking) and again == first
    counting = _restart(store)
    service.ranking(counting, WHOLE, "PAGERANK")  # type: ignore[arg-type]
    assert counting.calls["get_result"] == 0


def test_small_results_stay_blobs(store: EmbeddedStore) -> None:
    service.clear()
    assert stored.MIN_ROWS > 1000
    found = service.ranking(store, WHOLE, "PAGERANK")
    assert not isinstance(found, MappedRanking)
    assert not (Path(store.path + ".projections") / "results").exists()


def test_damaged_columns_are_not_read(store: EmbeddedStore, columns_for_all: None) -> None:
    first = service.ranking(store, WHOLE, "PAGERANK")
    expected = first.to_ranking()  # type: ignore[union-attr]
    path = first.columns.path  # type: ignore[union-attr]
    del first
    (path / "ids.bin").write_bytes(b"short")
    assert MappedRanking.open(path) is None
    counting = _restart(store)
    again = service.ranking(counting, WHOLE, "PAGERANK")  # type: ignore[arg-type]
    assert counting.calls["get_result"] == 1 and again == expected  # the blob answered
    counting = _restart(store)  # and replaced the damaged columns
    assert service.ranking(counting, WHOLE, "PAGERANK") == expected  # type: ignore[arg-type]
    assert counting.calls["get_result"] == 0
    with pytest.raises(mapped.Unreadable):  # a name handed over that no longer maps
        mapped._ranking_at(str(path.parent / "ranking-missing-v1"))


def test_the_network_size_is_stored_under_the_scope_version(store: EmbeddedStore) -> None:
    version = store.scope_version(None)
    counting = CountingStore(store)
    size = results.network_size(counting, WHOLE, version)  # type: ignore[arg-type]
    assert size == store.network_size(WHOLE) and counting.calls["network_size"] == 1
    counting.reset()
    assert results.network_size(counting, WHOLE, version) == size  # type: ignore[arg-type]
    assert counting.calls["network_size"] == 0  # read back, not counted again
    counting.reset()
    results.network_size(counting, WHOLE, version + 1)  # type: ignore[arg-type]
    assert counting.calls["network_size"] == 1  # another version is another count


def test_a_restarted_server_prices_and_answers_from_what_is_stored(
        store: EmbeddedStore, one_worker: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the API and a worker process: after a restart the request reads neither
    the attendance (for the price or the measure) nor any blob, and the API holds the
    mapped columns with the page's rows decoded."""
    one_worker(30)  # type: ignore[operator]
    monkeypatch.setattr(stored, "MIN_ROWS", 1)  # this process precomputes (tpps analyze)
    service.clear()
    service.ranking(store, WHOLE, "PAGERANK", "shared")
    query = "{ centrality(measure: PAGERANK, first: 7) { institution { id } score rank } }"
    first = GraphQLClient(store).data(query)
    jobs.reset()  # a restart: no workers, no results, no counts in memory
    guards.clear_size_cache()
    service.clear()
    counting = CountingStore(store)
    monkeypatch.setattr(jobs, "locator", lambda s: ("sqlite", store.path))
    assert GraphQLClient(counting).data(query) == first  # type: ignore[arg-type]
    assert counting.calls["network_size"] == 0
    held = [v for v, _ in jobs._CACHE.values()]
    assert len(held) == 1 and isinstance(held[0], MappedRanking)
    assert held[0].columns.decoded == 7
    assert jobs._POOL is None or not jobs._POOL.pids  # mapped here: no worker was needed


def test_a_restart_answers_communities_and_summary_without_a_worker(
        store: EmbeddedStore, one_worker: object, monkeypatch: pytest.MonkeyPatch) -> None:
    one_worker(30)  # type: ignore[operator]
    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    service.clear()
    service.community_list(store, WHOLE)  # precomputed (tpps analyze)
    service.summary(store, WHOLE)
    query = ("{ communities { index size sector label } "
             "networkSummary { institutions ties meetings components } }")
    first = GraphQLClient(store).data(query)
    jobs.reset()
    guards.clear_size_cache()
    service.clear()
    counting = CountingStore(store)
    monkeypatch.setattr(jobs, "locator", lambda s: ("sqlite", store.path))
    assert GraphQLClient(counting).data(query) == first  # type: ignore[arg-type]
    assert counting.calls["attendance_incidence"] == 0 and counting.calls["network_size"] == 0
    assert jobs._POOL is None or not jobs._POOL.pids
    [held] = [v for v, _ in jobs._CACHE.values() if isinstance(v, MappedCommunities)]
    # every community's label and sector read, no member id: the query asked for sizes
    assert held.columns.decoded == 2 * len(held) + sum(c.region_code is not None for c in held)
    members = [c.members for c in held]
    assert [len(m) for m in members] == [c["size"] for c in first["communities"]]


def test_mapped_communities_equal_the_list_and_read_members_by_page(
        store: EmbeddedStore, columns_for_all: None) -> None:
    computed = service.community_list(store, WHOLE)
    assert isinstance(computed, MappedCommunities)
    expected = [Community(c.index, list(c.members), c.sector, c.region_code, c.label)
                for c in computed]
    counting = _restart(store)
    again = service.community_list(counting, WHOLE)  # type: ignore[arg-type]
    assert isinstance(again, MappedCommunities) and counting.calls["get_result"] == 0
    biggest = again[0]
    before = again.columns.decoded
    assert biggest.members[:2] == expected[0].members[:2]
    assert again.columns.decoded == before + 2
    assert biggest.members[-1] == expected[0].members[-1]
    assert again == expected and pickle.loads(pickle.dumps(again)) == expected


def test_a_large_reply_survives_a_loop_that_leaves_the_pipe_non_blocking(
        store: EmbeddedStore) -> None:
    """uvloop (uvicorn's loop when it is installed) makes a watched fd non-blocking; the
    reply must still arrive whole, however much larger than the socket buffer."""
    pool = jobs.Pool(size=1, memory_mb=512, queue_seconds=0.2)

    async def go() -> int:
        loop = asyncio.get_running_loop()
        watch = loop.add_reader

        def like_uvloop(fd: int, callback: object, *args: object) -> None:
            os.set_blocking(fd, False)
            watch(fd, callback, *args)  # type: ignore[arg-type]

        loop.add_reader = like_uvloop  # type: ignore[method-assign]
        return len(await pool.run(store, slow_jobs.blob, WHOLE, 16, timeout=60))

    try:
        assert asyncio.run(go()) == 16 << 20
    finally:
        pool.close()


def test_tpps_analyze_stores_the_size_and_the_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cli.main import app
    from loaders.files import load_files
    from tests.conftest import DEMO

    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    db = tmp_path / "tpps.db"
    fresh = EmbeddedStore(db)
    load_files([DEMO], "json", fresh)
    fresh.close()
    service.clear()
    done = CliRunner().invoke(app, ["analyze", "--db", str(db)])
    assert done.exit_code == 0, done.output
    store = EmbeddedStore(db)
    try:
        counting = _restart(store)
        version = store.scope_version(None)
        assert results.network_size(counting, WHOLE, version) == store.network_size(WHOLE)  # type: ignore[arg-type]
        assert counting.calls["network_size"] == 0
        for kind, fn, args in (("ranking", jobs.scores, ("PAGERANK", "shared")),
                               ("brokerage", jobs.brokers, ("shared",)),
                               ("communities", jobs.communities, ("shared",))):
            found = jobs.stored_result(counting, fn, WHOLE, args, version)  # type: ignore[arg-type]
            assert found is not None and found.columns.path.name.startswith(kind)
        assert counting.calls["attendance_incidence"] == 0
    finally:
        store.close()
        service.clear()


def test_columns_a_worker_names_that_cannot_be_mapped_here_are_asked_for_again(
        store: EmbeddedStore, one_worker: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker answers with the columns' name; if they cannot be mapped in the API
    process by then (removed or damaged meanwhile), the job is asked once more instead
    of the request failing, and the worker stays in the pool."""
    one_worker(30)  # type: ignore[operator]
    monkeypatch.setattr(stored, "MIN_ROWS", 1)
    service.clear()
    service.ranking(store, WHOLE, "PAGERANK", "shared")  # columns the worker will name
    query = "{ centrality(measure: PAGERANK, first: 3) { institution { id } rank } }"
    expected = GraphQLClient(store).data(query)
    jobs.reset()
    guards.clear_size_cache()
    monkeypatch.setattr(jobs, "stored_result", lambda *a: None)  # ask the worker
    monkeypatch.setattr(jobs, "locator", lambda s: ("sqlite", store.path))
    real = mapped._ranking_at
    failed: list[str] = []

    def once_unreadable(path: str) -> MappedRanking:
        if not failed:
            failed.append(path)
            raise mapped.Unreadable(f"stored result at {path} could not be read")
        return real(path)

    monkeypatch.setattr(mapped, "_ranking_at", once_unreadable)
    assert GraphQLClient(store).data(query) == expected
    assert failed  # the first reply was refused, the second mapped
    assert jobs._POOL is not None and len(jobs._POOL.pids) == 1  # given back, reused
