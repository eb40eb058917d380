"""`tpps load json/csv` sends a big load through Store.bulk_write and a small one through
Store.write (loaders/files.py), so for the same batch the two must store the same graph
and answer the same "N new, M already stored" counts: into an empty store, and again into
one that holds it (every node already stored). Run on both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from graph.model import Batch, WriteResult
from graph.store.base import Store
from graph.store.embedded import EmbeddedStore
from loaders.files import BULK_ROWS, load_files, write_load
from loaders.resolve import to_batch
from loaders.structured import read_files
from tests.conftest import DEMO
from tests.contract.test_store import graph
from tests.neo4j_fixtures import empty_neo4j_store


def spy(log: list[str], name: str, real: Any) -> Any:
    """`real` (a store method) that notes `name` in `log` on each call."""
    def spied(self: Any, batch: Any) -> Any:
        log.append(name)
        return real(self, batch)

    return spied


@pytest.fixture
def fresh(store: Store, request: pytest.FixtureRequest,
          tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Another empty store of the backend `store` is (on Neo4j: the same server, wiped)."""
    opened: list[Store] = []

    def make() -> Store:
        other = (EmbeddedStore(tmp_path / f"fresh{len(opened)}.db")
                 if isinstance(store, EmbeddedStore)
                 else empty_neo4j_store(request.getfixturevalue("neo4j_uri")))
        opened.append(other)
        return other

    yield make
    for other in opened:
        other.close()


def stored(store: Store) -> dict[str, list[str]]:
    """Everything the store holds (its dump), each kind in a canonical order."""
    out: dict[str, list[str]] = {f.name: [] for f in fields(Batch)}
    for part in store.dump(size=50):
        for f in fields(Batch):
            out[f.name] += map(repr, getattr(part, f.name))
    return {k: sorted(v) for k, v in out.items()}


def counts(result: WriteResult) -> tuple[dict[str, int], dict[str, int]]:
    return result.created, result.updated


def demo(store: Store) -> Batch:
    return to_batch(read_files([DEMO], "json"), store)  # provenance: a citation a record


def contract(_: Store) -> Batch:
    return graph()  # excerpts, roles merged, program links and regions


@pytest.mark.parametrize("make", [demo, contract], ids=["demo", "contract"])
def test_write_and_bulk_write_store_the_same_graph_and_counts(
        store: Store, fresh: Callable[[], Store], make: Callable[[Store], Batch]) -> None:
    batch = make(store)
    first = store.write(batch)
    by_write = stored(store)
    again = store.write(batch)
    assert by_write == stored(store)

    bulk_store = fresh()  # empty again
    bulk_first = bulk_store.bulk_write([make(bulk_store)])
    assert stored(bulk_store) == by_write
    bulk_again = bulk_store.bulk_write([make(bulk_store)])
    assert stored(bulk_store) == by_write

    assert counts(bulk_first) == counts(first)
    assert counts(bulk_again) == counts(again)
    assert sum(first.created.values()) > 0 and not any(again.created.values())
    assert sum(again.updated.values()) == sum(first.created.values())
    assert bulk_first.version == first.version and bulk_again.version == again.version


def test_a_load_takes_the_bulk_path_from_the_threshold(
        store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    taken: list[str] = []
    inner = type(store)
    for name in ("write", "bulk_write"):
        monkeypatch.setattr(inner, name, spy(taken, name, getattr(inner, name)))
    small = load_files([DEMO], "json", store)
    assert demo(store).rows() < BULK_ROWS and taken == ["write"]
    monkeypatch.setattr("loaders.files.BULK_ROWS", 1)
    big = write_load(demo(store), store)
    assert taken == ["write", "bulk_write"]
    assert counts(big) == ({k: 0 for k in small.created}, small.created)
