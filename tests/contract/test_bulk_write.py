"""Store.bulk_write: many batches, one transaction, the semantics of `write` applied to
each batch in turn, and all or nothing (base.py). Both backends take fast paths when a
table or label is empty at the start of the load (indexes rebuilt after, CREATE instead of
MERGE, JSON-packed citations), so each test runs into an empty store and into a loaded one.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.model import Attendance, Batch, Citation, Institution, ProgramLink
from graph.store.base import DanglingEdge, InstitutionFilter, PageRequest, Store
from tests.contract.test_store import REGIONS, A, B, C, S, W, X, Y, Z, graph


def split(batch: Batch) -> list[Batch]:
    """The contract graph as a loader streams it: regions first, then nodes, then edges
    (an edge may name a node of the same or an earlier batch of the load)."""
    return [
        Batch(regions=batch.regions, sources=batch.sources, programs=batch.programs),
        Batch(institutions=batch.institutions[:2], meetings=batch.meetings[:1],
              measurements=batch.measurements),
        Batch(institutions=batch.institutions[2:], meetings=batch.meetings[1:],
              attendance=batch.attendance, meeting_programs=batch.meeting_programs,
              program_links=batch.program_links, program_regions=batch.program_regions,
              citations=batch.citations),
    ]


def snapshot(store: Store) -> tuple[object, ...]:
    ids = ["mtg_a", "mtg_b", "mtg_c"]
    return (store.stats(), store.attendance_of_meetings(ids), store.programs_of_meetings(ids),
            store.citations(["ins_x", "mtg_a", "att:mtg_a:ins_y", "ins_w"]),
            [i.id for i in store.find_institutions(InstitutionFilter(name_contains="genuk"),
                                                   PageRequest(first=10)).items])


def test_a_bulk_load_stores_what_write_stores(store: Store, tmp_path: object) -> None:
    result = store.bulk_write(split(graph()))
    assert result.created["institutions"] == 4 and result.created["meetings"] == 3
    bulk = snapshot(store)
    assert bulk[0]["attendance"] == 6 and bulk[0]["citations"] == 3  # type: ignore[index]
    assert bulk[4] == ["ins_y", "ins_x"]  # full-text index rebuilt: polsek, puskesmas genuk
    again = store.bulk_write(split(graph()))  # into a loaded store: every node updated
    assert again.updated["institutions"] == 4 and not again.created.get("institutions")
    assert snapshot(store) == bulk


def test_rows_sent_twice_merge_as_successive_writes_would(store: Store) -> None:
    store.write(Batch(regions=list(REGIONS), sources=[S]))
    first = Batch(institutions=[X, Y], meetings=[A],
                  attendance=[Attendance("mtg_a", "ins_x", ("participant",)),
                              Attendance("mtg_a", "ins_y", ("presenter",))],
                  citations=[Citation("ins_x", "src_s", None, None, None),
                             Citation("ins_y", "src_s", None, None, None)])
    second = Batch(attendance=[Attendance("mtg_a", "ins_x", ("chair",)),
                               Attendance("mtg_a", "ins_y", ("presenter",))],
                   citations=[Citation("ins_x", "src_s", None, 9, "Puskesmas")])
    store.bulk_write([first, second])
    roles = {a.institution_id: a.roles for a in store.attendance_of_meetings(["mtg_a"])["mtg_a"]}
    assert roles == {"ins_x": ("chair",), "ins_y": ("presenter",)}
    cites = store.citations(["ins_x", "ins_y"])
    assert [(c.end, c.excerpt) for c in cites["ins_x"]] == [(9, "Puskesmas")]  # the last wins
    assert [(c.start, c.end, c.excerpt) for c in cites["ins_y"]] == [(None, None, None)]


GHOSTS = [
    (Batch(attendance=[Attendance("mtg_a", "ins_ghost", ("participant",))]), "ins_ghost"),
    (Batch(attendance=[Attendance("mtg_ghost", "ins_x", ("participant",))]), "mtg_ghost"),
    (Batch(meeting_programs=[("mtg_a", "prg_ghost")]), "prg_ghost"),
    (Batch(program_links=[ProgramLink("prg_p", "ins_ghost", "RUNS")]), "ins_ghost"),
    (Batch(program_regions=[("prg_p", "99.99")]), "99.99"),
    (Batch(citations=[Citation("ins_x", "src_ghost", None, None, None)]), "src_ghost"),
]


@pytest.mark.parametrize("loaded_first", [False, True], ids=["into-empty", "into-loaded"])
@pytest.mark.parametrize(("ghost", "missing"), GHOSTS)
def test_a_row_naming_a_missing_node_refuses_the_whole_load(
        store: Store, loaded_first: bool, ghost: Batch, missing: str) -> None:
    if loaded_first:
        store.write(graph())
    before, version = snapshot(store), store.version()
    new = Institution("ins_new", "KUA Genuk", "KUA", None, "33.74.05")
    batches = split(graph()) + [replace(ghost, institutions=[new])]
    with pytest.raises(DanglingEdge) as caught:
        store.bulk_write(batches)
    assert caught.value.missing == missing
    assert repr(missing) in str(caught.value) and "nothing was written" in str(caught.value)
    assert (snapshot(store), store.version()) == (before, version)
    assert store.institutions(["ins_new"]) == {}
    store.bulk_write(split(graph()))  # indexes and full-text answer after the rollback
    assert snapshot(store)[4] == ["ins_y", "ins_x"]


def test_many_missing_nodes_are_counted_and_the_first_named(store: Store) -> None:
    ghosts = [Attendance("mtg_a", f"ins_ghost{i}", ("participant",)) for i in (3, 1, 2)]
    with pytest.raises(DanglingEdge, match=r"'ins_ghost1'.*\(and 2 more\)"):
        store.bulk_write([*split(graph()), Batch(attendance=ghosts)])
    assert all(v == 0 for v in store.stats().values())


def test_an_edge_naming_a_node_of_a_later_batch_is_refused_as_a_write_would_be(
        store: Store) -> None:
    early = Batch(regions=list(REGIONS),
                  attendance=[Attendance("mtg_c", "ins_w", ("participant",))])
    with pytest.raises(DanglingEdge, match="attendance names institution .ins_w."):
        store.bulk_write([early, Batch(institutions=[W, Z], meetings=[B, C])])
    assert all(v == 0 for v in store.stats().values())


@pytest.mark.parametrize("loaded_first", [False, True], ids=["into-empty", "into-loaded"])
def test_a_region_sent_before_its_parent_is_linked_once_the_parent_comes(
        store: Store, loaded_first: bool) -> None:
    if loaded_first:
        store.write(Batch(regions=[REGIONS[0]]))
    children = [r for r in REGIONS if r.parent_code == "33"]
    store.bulk_write([Batch(regions=[r for r in REGIONS if r.code != "33"]),
                      Batch(regions=[r for r in REGIONS if r.code in ("33", "33.74")])])
    assert store.children_of_regions(["33"])["33"] == children
    assert [r.code for r in store.children_of_regions(["33.74"])["33.74"]] == [
        "33.74.05", "33.74.06"]
    assert {r.code for r in store.children_of_regions(["ID"])["ID"]} == {"33", "36"}
