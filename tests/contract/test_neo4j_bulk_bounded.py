"""The Neo4j bulk load in bounded transactions: the same store as one transaction, and a
load failing after a commit says exactly which batches stay (and a re-run completes it)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.model import Attendance, Batch
from graph.store.base import InstitutionFilter, PageRequest
from graph.store.neo4j_bulk import LoadPartlyWritten, bulk_write
from tests.contract.test_bulk_write import snapshot, split
from tests.contract.test_store import graph
from tests.neo4j_fixtures import empty_neo4j_store


def test_one_transaction_per_batch_stores_what_one_transaction_stores(neo4j_uri: str) -> None:
    store = empty_neo4j_store(neo4j_uri)
    one = bulk_write(store, split(graph()))
    whole = snapshot(store)
    store = empty_neo4j_store(neo4j_uri)
    bounded = bulk_write(store, split(graph()), tx_rows=1)  # a commit after every batch
    assert snapshot(store) == whole
    assert (bounded.created, bounded.updated) == (one.created, one.updated)


def test_a_load_failing_after_a_commit_names_what_stays_and_a_rerun_completes_it(
        neo4j_uri: str) -> None:
    store = empty_neo4j_store(neo4j_uri)
    batches = split(graph())
    ghost = Batch(attendance=[Attendance("mtg_a", "ins_ghost", ("participant",))])
    with pytest.raises(LoadPartlyWritten) as caught:
        bulk_write(store, [*batches[:2], ghost, batches[2]], tx_rows=1)
    fault = caught.value
    assert (fault.batches, fault.rows) == (2, batches[0].rows() + batches[1].rows())
    assert "'ins_ghost'" in str(fault) and "first 2 batch(es)" in str(fault)
    assert "nothing of the batches after them is written" in str(fault)
    stats = store.stats()
    assert stats["institutions"] == len(batches[1].institutions)  # batch 2 committed
    assert stats["attendance"] == 0  # batch 3 (the ghost) and 4 not written
    bulk_write(store, batches, tx_rows=1)  # the same load again completes it
    full = snapshot(store)
    fresh = empty_neo4j_store(neo4j_uri)
    bulk_write(fresh, batches)
    assert snapshot(fresh) == full
    page = fresh.find_institutions(InstitutionFilter(name_contains="genuk"), PageRequest(first=10))
    assert [i.id for i in page.items] == ["ins_y", "ins_x"]


def test_a_load_that_fits_one_transaction_is_still_all_or_nothing(neo4j_uri: str) -> None:
    store = empty_neo4j_store(neo4j_uri)
    batches = split(graph())
    ghost = replace(batches[2], attendance=[Attendance("mtg_a", "ins_ghost", ("chair",))])
    with pytest.raises(Exception) as caught:
        bulk_write(store, [*batches[:2], ghost])
    assert not isinstance(caught.value, LoadPartlyWritten)
    assert "nothing was written" in str(caught.value)
    assert store.stats()["institutions"] == 0
