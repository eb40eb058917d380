"""Reads that return a response's shape in one round trip agree with the plain reads."""

from __future__ import annotations

from datetime import date

import pytest

from graph.store.base import MeetingFilter, PageRequest, Store, Window
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


@pytest.mark.parametrize("regions", [False, True])
@pytest.mark.parametrize(("window", "first"), [(Window(), 10), (Window(), 1),
                                               (Window(start=date(2025, 1, 1)), 10)])
def test_meetings_with_nodes_are_the_pages_plus_their_attendance(
        loaded: Store, regions: bool, window: Window, first: int) -> None:
    ids = ["ins_x", "ins_y", "ins_w", "ins_missing"]
    page = PageRequest(first, sort="date", descending=True)
    got = loaded.meetings_of_institutions_with_nodes(ids, window, page, regions)
    assert got.pages == loaded.meetings_of_institutions(ids, window, page)
    shown = [m.id for p in got.pages.values() for m in p.items]
    assert shown  # the graph has pages to show
    want = loaded.attendance_with_nodes(shown, regions)
    assert got.attendance == want
    # Only the shown meetings: the look-ahead row that says a next page exists is no attendee.
    assert set(got.attendance.attendance) == set(shown)


@pytest.mark.parametrize("regions", [False, True])
@pytest.mark.parametrize(("f", "first"), [(MeetingFilter(), 10), (MeetingFilter(), 2),
                                          (MeetingFilter(region_code="33.74"), 10)])
def test_found_meetings_with_nodes_are_the_page_plus_its_attendance(
        loaded: Store, regions: bool, f: MeetingFilter, first: int) -> None:
    page = PageRequest(first, sort="date", descending=True)
    got = loaded.find_meetings_with_nodes(f, page, regions)
    assert got.page == loaded.find_meetings(f, page)
    shown = [m.id for m in got.page.items]
    assert shown
    assert got.attendance == loaded.attendance_with_nodes(shown, regions)
    assert set(got.attendance.attendance) <= set(shown)


def test_meetings_with_nodes_of_nothing(loaded: Store) -> None:
    got = loaded.meetings_of_institutions_with_nodes([], Window(), PageRequest(10), True)
    assert (got.pages, got.attendance.attendance) == ({}, {})


@pytest.mark.parametrize("window", [Window(), Window(start=date(2025, 1, 1))])
def test_collaborators_with_nodes_are_collaborators_plus_their_institutions(
        loaded: Store, window: Window) -> None:
    ids = ["ins_x", "ins_y", "ins_w", "ins_missing"]
    got = loaded.collaborators_with_nodes(ids, window, 10)
    assert got.collaborators == loaded.collaborators(ids, window, 10)
    assert any(got.collaborators.values())
    named = {c.institution_id for rows in got.collaborators.values() for c in rows}
    # and the asked institutions themselves (not the id that names none)
    assert got.institutions == loaded.institutions(named | set(ids))
    assert "ins_missing" not in got.institutions
    # The page size cuts each list as it cuts the plain read's.
    assert loaded.collaborators_with_nodes(ids, window, 1).collaborators == \
        loaded.collaborators(ids, window, 1)


def test_collaborators_with_nodes_give_an_institution_with_no_collaborator(
        loaded: Store) -> None:
    # ins_w attended one meeting alone: no collaborator, still its own row
    got = loaded.collaborators_with_nodes(["ins_w"], Window(), 10)
    assert got.collaborators.get("ins_w", []) == []
    assert got.institutions == loaded.institutions(["ins_w"])


def test_collaborators_with_nodes_of_nothing(loaded: Store) -> None:
    got = loaded.collaborators_with_nodes([], Window(), 10)
    assert (got.collaborators, got.institutions) == ({}, {})
