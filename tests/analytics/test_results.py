"""Results computed once: persisted in the store, read back by another worker or after a
restart, recomputed after a write."""

from __future__ import annotations

import pytest

from graph.analytics import service
from graph.analytics.centrality import MEASURES
from graph.analytics.ranking import Ranking
from graph.analytics.results import decode, encode
from graph.model import Batch, Region
from graph.store.base import NetworkFilter, Store
from tests.helpers import CountingStore


def test_every_kind_of_result_survives_a_round_trip(demo_store: Store) -> None:
    service.clear()
    f = NetworkFilter()
    for measure in MEASURES:
        r = service.ranking(demo_store, f, measure)
        back = decode("ranking", encode("ranking", r))
        assert back.ranked() == r.ranked() and back.values == service.scores(
            demo_store, f, measure).values
    for kind, value in (("communities", service.community_list(demo_store, f)),
                        ("brokerage", service.brokers(demo_store, f)),
                        ("summary", service.summary(demo_store, f))):
        assert decode(kind, encode(kind, value)) == value


def test_a_restarted_worker_answers_from_the_store_until_a_write(demo_store: Store) -> None:
    service.clear()
    f = NetworkFilter(region_code="33.74")
    first = service.scores(demo_store, f, "PAGERANK", "newman")
    summary = service.summary(demo_store, f)
    service.clear()  # another worker, or the same after a restart: nothing in memory
    counting = CountingStore(demo_store)
    assert service.scores(counting, f, "PAGERANK", "newman") == first  # type: ignore[arg-type]
    assert service.summary(counting, f) == summary  # type: ignore[arg-type]
    assert counting.calls["attendance_incidence"] == 0
    assert counting.calls["get_result"] == 2
    version = demo_store.version()
    demo_store.write(Batch(regions=[Region("33.74", "Kota Semarang", "kabkota", "33")]))
    assert demo_store.version() == version + 1
    service.clear()
    service.scores(counting, f, "PAGERANK", "newman")  # type: ignore[arg-type]
    assert counting.calls["attendance_incidence"] == 1  # the write made it stale
    put_version = demo_store.version()
    assert put_version == version + 1  # storing a result is not a write of the graph


def test_a_write_in_semarang_keeps_tangerangs_results_and_drops_its_own(
        demo_store: Store) -> None:
    """Results are keyed by the version of the scope they read: a write in Kota Semarang
    invalidates Semarang's, Jawa Tengah's and the country's, not Kota Tangerang's (both
    the in-memory cache and the persisted results)."""
    from datetime import date

    from graph.model import Attendance, Meeting

    service.clear()
    scopes = {"tangerang": NetworkFilter(region_code="36.71"),
              "semarang": NetworkFilter(region_code="33.74"),
              "jateng": NetworkFilter(region_code="33"), "country": NetworkFilter()}
    for f in scopes.values():
        service.scores(demo_store, f, "DEGREE")
    genuk = next(r for r in demo_store.attendance_rows(scopes["semarang"]))
    demo_store.write(Batch(
        meetings=[Meeting("m-new-genuk", "Rembuk stunting Genuk", date(2026, 1, 5),
                          region_code="33.74.05")],
        attendance=[Attendance("m-new-genuk", genuk.institution_id)]))
    counting = CountingStore(demo_store)
    for name, f in scopes.items():
        counting.reset()
        service.scores(counting, f, "DEGREE")  # type: ignore[arg-type]
        assert counting.calls["attendance_incidence"] == (0 if name == "tangerang" else 1), name
    service.clear()  # a restart: only the persisted results remain
    counting.reset()
    service.scores(counting, scopes["tangerang"], "DEGREE")  # type: ignore[arg-type]
    assert counting.calls["attendance_incidence"] == 0
    assert counting.calls["get_result"] == 1


def test_a_ranking_is_stored_compactly_and_read_back_without_ranking_again(
        demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the API serves (jobs.scores) is stored as the ranking itself: after a restart
    it is decoded as columns, with no Scores decoded, no ranking and no id sort."""
    service.clear()
    f = NetworkFilter(region_code="33.74")
    first = service.ranking(demo_store, f, "PAGERANK")
    assert decode("ranking", encode("ranking", first)) == first
    service.clear()  # a restart
    counting = CountingStore(demo_store)

    def no_ranking(*_: object) -> None:
        raise AssertionError("ranked again")

    monkeypatch.setattr(Ranking, "of", no_ranking)
    monkeypatch.setattr(Ranking, "__init__", no_ranking)
    again = service.ranking(counting, f, "PAGERANK")  # type: ignore[arg-type]
    assert again == first and again.ranked() == first.ranked()
    node = first.nodes[-1]
    assert again.rank_of(node) == first.rank_of(node) and again.rank_of("none") is None
    assert counting.calls["get_result"] == 1 and counting.calls["attendance_incidence"] == 0


def test_ranking_bytes_and_pickles_keep_every_column() -> None:
    import pickle
    from array import array

    ranking = Ranking(("b-é", "a", "c"), array("d", [3.0, 2.0, 2.0]), array("q", [1, 2, 2]),
                      True, "igraph")
    for copy in (Ranking.from_bytes(ranking.to_bytes()), pickle.loads(pickle.dumps(ranking))):
        assert copy.ranked() == ranking.ranked()
        assert (copy.approximate, copy.engine) == (True, "igraph")
        assert [copy.rank_of(n) for n in ("a", "b-é", "c", "d")] == [
            (2.0, 2), (3.0, 1), (2.0, 2), None]
    empty = Ranking((), array("d"), array("q"), False, "networkx")
    assert Ranking.from_bytes(empty.to_bytes()).ranked() == []
