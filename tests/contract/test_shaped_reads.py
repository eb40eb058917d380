"""Reads that return a response's shape in one round trip agree with the plain reads."""

from __future__ import annotations

import pytest

from graph.store.base import Store
from tests.contract.test_store import graph


@pytest.fixture
def loaded(store: Store) -> Store:
    store.write(graph())
    return store


@pytest.mark.parametrize("regions", [False, True])
def test_attendance_with_nodes_is_attendance_plus_its_institutions(loaded: Store,
                                                                   regions: bool) -> None:
    meetings = ["mtg_a", "mtg_b", "mtg_c", "mtg_missing"]
    got = loaded.attendance_with_nodes(meetings, regions=regions)
    assert got.attendance == loaded.attendance_of_meetings(meetings)
    ids = {a.institution_id for rows in got.attendance.values() for a in rows}
    assert got.institutions == loaded.institutions(ids)
    codes = {i.region_code for i in got.institutions.values() if i.region_code}
    assert got.regions == (loaded.regions(codes) if regions else {})


def test_attendance_with_nodes_of_nothing(loaded: Store) -> None:
    got = loaded.attendance_with_nodes([], regions=True)
    assert (got.attendance, got.institutions, got.regions) == ({}, {}, {})
