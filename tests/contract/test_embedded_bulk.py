"""The embedded store's bulk window (embedded_bulk.py): a first load by the file's only
connection runs under a rollback journal, anything else in WAL; either way the store is
in WAL after, a failed load changes nothing, and a load run again duplicates nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from graph.model import Attendance, Batch
from graph.store.base import DanglingEdge
from graph.store.embedded import PAGE_SIZE, EmbeddedStore
from graph.store.faults import StoreReadOnly
from tests.contract.test_bulk_write import snapshot, split
from tests.contract.test_store import graph
from tests.faults.mounts import read_only_view


def _journal(store: EmbeddedStore) -> str:
    return str(store._conn().execute("PRAGMA journal_mode").fetchone()[0])


def _watched(store: EmbeddedStore, batches: list[Batch], seen: list[str]) -> Iterator[Batch]:
    """The batches, noting the journal mode while the load's transaction is open."""
    for batch in batches:
        yield batch
        seen.append(_journal(store))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path / "tpps.db")
    yield s
    s.close()


def test_a_new_store_has_big_pages(store: EmbeddedStore) -> None:
    assert store._conn().execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE


def test_a_first_load_alone_skips_the_wal_and_ends_in_wal(store: EmbeddedStore) -> None:
    seen: list[str] = []
    store.bulk_write(_watched(store, split(graph()), seen))
    assert seen and set(seen) == {"truncate"}
    assert _journal(store) == "wal"
    loaded = snapshot(store)
    again: list[str] = []  # the store is no longer empty: WAL, and nothing twice
    store.bulk_write(_watched(store, split(graph()), again))
    assert set(again) == {"wal"}
    assert snapshot(store) == loaded


def test_a_first_load_beside_another_connection_stays_in_wal(
        store: EmbeddedStore, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "tpps.db")
    try:
        assert other.execute("SELECT count(*) FROM institutions").fetchone() == (0,)
        seen: list[str] = []
        store.bulk_write(_watched(store, split(graph()), seen))
        assert set(seen) == {"wal"}
        # the other connection reads the load once it is committed
        assert other.execute("SELECT count(*) FROM institutions").fetchone() == (4,)
    finally:
        other.close()
    assert _journal(store) == "wal"


def test_a_failed_first_load_under_the_rollback_journal_changes_nothing(
        store: EmbeddedStore, tmp_path: Path) -> None:
    before, version = snapshot(store), store.version()
    ghost = Batch(attendance=[Attendance("mtg_a", "ins_ghost", ("participant",))])
    seen: list[str] = []
    with pytest.raises(DanglingEdge):
        store.bulk_write(_watched(store, [*split(graph()), ghost], seen))
    assert set(seen) == {"truncate"}
    assert (snapshot(store), store.version(), _journal(store)) == (before, version, "wal")
    assert store._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # nothing left behind on disk either: a new opener sees the same empty store
    fresh = EmbeddedStore(tmp_path / "tpps.db")
    try:
        assert (snapshot(fresh), fresh.version()) == (before, version)
    finally:
        fresh.close()
    store.bulk_write(split(graph()))  # and the same load then goes in whole
    assert snapshot(store)[0]["institutions"] == 4  # type: ignore[index]


def test_a_first_load_with_regions_already_there_skips_the_wal(store: EmbeddedStore) -> None:
    first, *rest = split(graph())
    store.write(replace(first, sources=[], programs=[]))  # `tpps load regions`, say
    seen: list[str] = []
    store.bulk_write(_watched(store, [replace(first, regions=[]), *rest], seen))
    assert set(seen) == {"truncate"} and _journal(store) == "wal"


def test_a_bulk_load_into_a_read_only_empty_store_is_refused_with_its_code(
        tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    EmbeddedStore(folder / "tpps.db").close()  # empty: the first-load path
    with read_only_view(folder, tmp_path / "ro") as ro:
        readonly = EmbeddedStore(ro / "tpps.db")
        assert readonly.read_only
        with pytest.raises(StoreReadOnly, match="read-only"):
            readonly.bulk_write(split(graph()))
        readonly.close()
    after = EmbeddedStore(folder / "tpps.db")
    try:
        assert (after.stats()["institutions"], after.version(), _journal(after)) == (0, 0, "wal")
    finally:
        after.close()
