"""The store contract: what every backend must answer, on small hand-made graphs."""

from __future__ import annotations

from datetime import date

import pytest

from graph.model import (
    Attendance,
    Batch,
    Citation,
    Institution,
    Measurement,
    Meeting,
    Program,
    ProgramLink,
    Region,
    Source,
)
from graph.store.base import (
    InstitutionFilter,
    MeasurementFilter,
    MeetingFilter,
    NotFound,
    PageRequest,
    ProgramFilter,
    RegionFilter,
    Store,
    StoreError,
    Window,
)

REGIONS = [
    Region("ID", "Indonesia", "national", None),
    Region("33", "Jawa Tengah", "province", "ID"),
    Region("33.74", "Kota Semarang", "kabkota", "33"),
    Region("33.74.05", "Genuk", "kecamatan", "33.74"),
    Region("33.74.06", "Pedurungan", "kecamatan", "33.74"),
    Region("36", "Banten", "province", "ID"),
    Region("36.71", "Kota Tangerang", "kabkota", "36"),
    Region("36.72", "Kota Cilegon", "kabkota", "36"),
]
X = Institution("ins_x", "Puskesmas Genuk", "PUSKESMAS", "kecamatan", "33.74.05")
Y = Institution("ins_y", "Polsek Genuk", "POLSEK", "kecamatan", "33.74.05")
Z = Institution("ins_z", "TP PKK Kota Semarang", "PKK", "kabkota", "33.74")
W = Institution("ins_w", "Baznas Kota Cilegon", "BAZNAS", "kabkota", "36.72")
A = Meeting("mtg_a", "Rakor A", date(2025, 1, 10), "09:45", "11:00", "Balai", "kecamatan",
            "33.74.05")
B = Meeting("mtg_b", "Rakor B", date(2025, 3, 5), None, None, None, "kecamatan", "33.74.05")
C = Meeting("mtg_c", "Rakor C", date(2024, 11, 26), None, None, None, "kabkota", "36.72")
P = Program("prg_p", "Si Bening", ("Semua Ikut Bergerak Bersama Menangani Stunting",), "desc")
Q = Program("prg_q", "GENTING", ("Gerakan Orang Tua Asuh Cegah Stunting",), None)
S = Source("src_s", "Press release", "000.txt", None, date(2025, 12, 17))


def graph() -> Batch:
    return Batch(
        regions=list(REGIONS),
        institutions=[X, Y, Z, W],
        meetings=[A, B, C],
        programs=[P, Q],
        sources=[S],
        measurements=[
            Measurement("msr_1", "stunting_cases", 134, "children", "2025-11", "33.74.05", None),
            Measurement("msr_2", "stunting_prevalence_pct", 2.87, "percent", "2024-02", "36.72",
                        "EPPGBM"),
            Measurement("msr_3", "families_at_risk", 24000, "families", None, "36.72", "about"),
        ],
        attendance=[
            Attendance("mtg_a", "ins_x", ("organiser",)),
            Attendance("mtg_a", "ins_y", ("participant",)),
            Attendance("mtg_a", "ins_z", ("participant",)),
            Attendance("mtg_b", "ins_x", ("chair",)),
            Attendance("mtg_b", "ins_y", ("presenter",)),
            Attendance("mtg_c", "ins_w", ("participant",)),
        ],
        meeting_programs=[("mtg_a", "prg_p"), ("mtg_b", "prg_p"), ("mtg_c", "prg_q")],
        program_links=[ProgramLink("prg_p", "ins_z", "RUNS"), ProgramLink("prg_q", "ins_w",
                                                                          "SUPPORTS")],
        program_regions=[("prg_p", "33.74"), ("prg_q", "36.72")],
        citations=[
            Citation("ins_x", "src_s", 10, 25, "Puskesmas Genuk"),
            Citation("mtg_a", "src_s", None, None, None),
            Citation("att:mtg_a:ins_y", "src_s", 30, 40, "Kapolsek"),
        ],
    )


@pytest.fixture
def loaded(store: Store) -> Store:
    store.write(graph())
    return store


def all_pages(fetch, first: int = 2) -> list[str]:  # type: ignore[no-untyped-def]
    ids: list[str] = []
    after = None
    while True:
        page = fetch(after)
        ids += [getattr(x, "id", None) or x.code for x in page.items]
        assert len(page.items) <= first
        if not page.has_next:
            return ids
        after = page.keys[-1]


# -- writes ------------------------------------------------------------------

def test_write_then_read_every_node_kind(loaded: Store) -> None:
    assert loaded.institutions(["ins_x", "ins_missing"]) == {"ins_x": X}
    assert loaded.meetings(["mtg_a"]) == {"mtg_a": A}
    assert loaded.programs(["prg_p"]) == {"prg_p": P}
    assert loaded.sources(["src_s"]) == {"src_s": S}
    assert loaded.regions(["33.74.05", "99"]) == {"33.74.05": REGIONS[3]}
    assert loaded.measurements(["msr_3"])["msr_3"].period is None


def test_stats_count_nodes_and_relationships(loaded: Store) -> None:
    stats = loaded.stats()
    assert stats["institutions"] == 4
    assert stats["meetings"] == 3
    assert stats["attendance"] == 6
    assert stats["regions"] == len(REGIONS)
    assert stats["citations"] == 3


def test_writing_the_same_batch_twice_changes_nothing(store: Store) -> None:
    first = store.write(graph())
    before = store.stats()
    second = store.write(graph())
    assert first.created["institutions"] == 4
    assert second.created.get("institutions", 0) == 0
    assert second.updated["institutions"] == 4
    assert store.stats() == before


def test_every_write_bumps_the_version(store: Store) -> None:
    v0 = store.version()
    store.write(graph())
    v1 = store.version()
    store.write(Batch(institutions=[X]))
    assert v0 < v1 < store.version()


def test_a_failed_write_stores_nothing(loaded: Store) -> None:
    before = loaded.stats()
    version = loaded.version()
    bad = Batch(
        institutions=[Institution("ins_new", "New", "KUA", "kecamatan", "33.74.05")],
        attendance=[Attendance("mtg_a", "ins_new", (object(),))],  # type: ignore[arg-type]
    )
    with pytest.raises(Exception):  # noqa: B017 - any backend error will do
        loaded.write(bad)
    assert loaded.stats() == before
    assert loaded.institutions(["ins_new"]) == {}
    assert loaded.version() == version


def test_upsert_replaces_node_fields(loaded: Store) -> None:
    loaded.write(Batch(institutions=[Institution("ins_x", "UPTD Puskesmas Genuk", "PUSKESMAS",
                                                 "kecamatan", "33.74.05")]))
    assert loaded.institutions(["ins_x"])["ins_x"].name == "UPTD Puskesmas Genuk"
    page = loaded.find_institutions(InstitutionFilter(name_contains="uptd"), PageRequest(10))
    assert [i.id for i in page.items] == ["ins_x"]


def test_attendance_roles_merge_across_writes(loaded: Store) -> None:
    loaded.write(Batch(attendance=[Attendance("mtg_a", "ins_y", ("presenter",))]))
    got = {a.institution_id: a for a in loaded.attendance_of_meetings(["mtg_a"])["mtg_a"]}
    assert got["ins_y"].roles == ("presenter",)
    assert got["ins_y"].role == "presenter"
    loaded.write(Batch(attendance=[Attendance("mtg_a", "ins_y", ("chair",))]))
    got = {a.institution_id: a for a in loaded.attendance_of_meetings(["mtg_a"])["mtg_a"]}
    assert got["ins_y"].roles == ("chair", "presenter")


def test_replace_attendance_drops_the_old_list(loaded: Store) -> None:
    loaded.write(Batch(attendance=[Attendance("mtg_a", "ins_w", ("participant",))],
                       replace_attendance={"mtg_a"}))
    got = loaded.attendance_of_meetings(["mtg_a"])["mtg_a"]
    assert [a.institution_id for a in got] == ["ins_w"]


# -- listings ----------------------------------------------------------------

def test_institutions_sorted_by_name_and_paged_without_gaps(loaded: Store) -> None:
    everything = loaded.find_institutions(InstitutionFilter(), PageRequest(100))
    names = [i.name for i in everything.items]
    assert names == sorted(names, key=str.lower)
    paged = all_pages(lambda after: loaded.find_institutions(
        InstitutionFilter(), PageRequest(2, after, "name")))
    assert paged == [i.id for i in everything.items]
    desc = all_pages(lambda after: loaded.find_institutions(
        InstitutionFilter(), PageRequest(3, after, "name", True)), 3)
    assert desc == list(reversed(paged))


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (InstitutionFilter(types=("PUSKESMAS",)), {"ins_x"}),
        (InstitutionFilter(types=("PUSKESMAS", "POLSEK")), {"ins_x", "ins_y"}),
        (InstitutionFilter(region_code="33.74"), {"ins_x", "ins_y", "ins_z"}),
        (InstitutionFilter(region_code="33.74.05"), {"ins_x", "ins_y"}),
        (InstitutionFilter(region_code="33.74.06"), set()),
        (InstitutionFilter(region_code="36"), {"ins_w"}),
        (InstitutionFilter(region_code="ID"), {"ins_x", "ins_y", "ins_z", "ins_w"}),
        (InstitutionFilter(name_contains="GENUK"), {"ins_x", "ins_y"}),
        (InstitutionFilter(name_contains="pk"), {"ins_z"}),
        (InstitutionFilter(name_contains="kota"), {"ins_z", "ins_w"}),
        (InstitutionFilter(level="kabkota", region_code="33"), {"ins_z"}),
    ],
)
def test_institution_filters(loaded: Store, f: InstitutionFilter, expected: set[str]) -> None:
    page = loaded.find_institutions(f, PageRequest(100))
    assert {i.id for i in page.items} == expected
    assert loaded.count_institutions(f) == len(expected)


def test_region_prefix_does_not_leak_to_siblings(store: Store) -> None:
    store.write(Batch(institutions=[
                          Institution("ins_a", "A", "KUA", None, "36.71"),
                          Institution("ins_b", "B", "KUA", None, "36.710"),
                          Institution("ins_c", "C", "KUA", None, "36.71.01"),
                      ]))
    page = store.find_institutions(InstitutionFilter(region_code="36.71"), PageRequest(10))
    assert {i.id for i in page.items} == {"ins_a", "ins_c"}


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (MeetingFilter(), ["mtg_b", "mtg_a", "mtg_c"]),
        (MeetingFilter(window=Window(date(2025, 1, 1), None)), ["mtg_b", "mtg_a"]),
        (MeetingFilter(window=Window(None, date(2025, 1, 10))), ["mtg_a", "mtg_c"]),
        (MeetingFilter(region_code="36"), ["mtg_c"]),
        (MeetingFilter(institution_id="ins_z"), ["mtg_a"]),
        (MeetingFilter(program_id="prg_p"), ["mtg_b", "mtg_a"]),
        (MeetingFilter(program_id="prg_p", institution_id="ins_w"), []),
    ],
)
def test_meeting_filters_newest_first(loaded: Store, f: MeetingFilter, expected: list[str]) -> None:
    page = loaded.find_meetings(f, PageRequest(10, None, "date", True))
    assert [m.id for m in page.items] == expected
    assert loaded.count_meetings(f) == len(expected)


def test_meetings_page_by_date_both_ways(loaded: Store) -> None:
    asc = all_pages(lambda after: loaded.find_meetings(
        MeetingFilter(), PageRequest(1, after, "date", False)), 1)
    assert asc == ["mtg_c", "mtg_a", "mtg_b"]
    by_title = loaded.find_meetings(MeetingFilter(), PageRequest(10, None, "title", False))
    assert [m.title for m in by_title.items] == ["Rakor A", "Rakor B", "Rakor C"]


def test_programs_and_regions_listings(loaded: Store) -> None:
    progs = loaded.find_programs(ProgramFilter(name_contains="orang tua"), PageRequest(10))
    assert [p.id for p in progs.items] == ["prg_q"]
    assert loaded.count_programs(ProgramFilter(institution_id="ins_z")) == 1
    assert [p.id for p in loaded.find_programs(ProgramFilter(region_code="33"),
                                               PageRequest(10)).items] == ["prg_p"]
    kec = loaded.find_regions(RegionFilter(level="kecamatan"), PageRequest(10))
    assert [r.code for r in kec.items] == ["33.74.05", "33.74.06"]
    kids = all_pages(lambda after: loaded.find_regions(
        RegionFilter(parent_code="36"), PageRequest(1, after, "code")), 1)
    assert kids == ["36.71", "36.72"]
    assert loaded.count_regions(RegionFilter(name_contains="kota")) == 3
    by_name = loaded.find_regions(RegionFilter(parent_code="ID"), PageRequest(5, None, "name"))
    assert [r.name for r in by_name.items] == ["Banten", "Jawa Tengah"]


def test_measurements_by_filter_and_by_region(loaded: Store) -> None:
    found = loaded.find_measurements(MeasurementFilter(region_code="36"), 10)
    assert {m.id for m in found} == {"msr_2", "msr_3"}
    found = loaded.find_measurements(MeasurementFilter(what="stunting_cases"), 10)
    assert [m.value for m in found] == [134]
    by_region = loaded.measurements_of_regions(["36.72", "33"])
    assert {m.id for m in by_region["36.72"]} == {"msr_2", "msr_3"}
    assert "33" not in by_region


# -- neighbourhoods ----------------------------------------------------------

def test_meetings_of_institutions_batched_and_paged(loaded: Store) -> None:
    pages = loaded.meetings_of_institutions(["ins_x", "ins_w", "ins_none"], Window(),
                                            PageRequest(1, None, "date", True))
    assert [m.id for m in pages["ins_x"].items] == ["mtg_b"]
    assert pages["ins_x"].has_next
    assert [m.id for m in pages["ins_w"].items] == ["mtg_c"]
    assert not pages["ins_w"].has_next
    assert "ins_none" not in pages
    nxt = loaded.meetings_of_institutions(["ins_x"], Window(),
                                          PageRequest(1, pages["ins_x"].keys[-1], "date", True))
    assert [m.id for m in nxt["ins_x"].items] == ["mtg_a"]
    assert loaded.count_meetings_of_institutions(["ins_x", "ins_w"], Window()) == {
        "ins_x": 2, "ins_w": 1}
    counts = loaded.count_meetings_of_institutions(["ins_x"], Window(date(2025, 2, 1), None))
    assert counts == {"ins_x": 1}


def test_meetings_of_programs_and_programs_of_meetings(loaded: Store) -> None:
    pages = loaded.meetings_of_programs(["prg_p"], Window(), PageRequest(10, None, "date", True))
    assert [m.id for m in pages["prg_p"].items] == ["mtg_b", "mtg_a"]
    assert loaded.count_meetings_of_programs(["prg_p", "prg_q"], Window()) == {
        "prg_p": 2, "prg_q": 1}
    progs = loaded.programs_of_meetings(["mtg_a", "mtg_c"])
    assert [p.id for p in progs["mtg_a"]] == ["prg_p"]
    assert [p.id for p in progs["mtg_c"]] == ["prg_q"]


def test_program_links_regions_children_citations(loaded: Store) -> None:
    assert loaded.program_links(program_ids=["prg_p"]) == [ProgramLink("prg_p", "ins_z", "RUNS")]
    assert loaded.program_links(institution_ids=["ins_w"]) == [
        ProgramLink("prg_q", "ins_w", "SUPPORTS")]
    assert loaded.program_regions(["prg_p", "prg_q"]) == {"prg_p": ["33.74"], "prg_q": ["36.72"]}
    kids = loaded.children_of_regions(["33.74", "ID"])
    assert [r.code for r in kids["33.74"]] == ["33.74.05", "33.74.06"]
    assert [r.code for r in kids["ID"]] == ["33", "36"]
    cites = loaded.citations(["ins_x", "mtg_a", "att:mtg_a:ins_y"])
    assert cites["ins_x"] == [Citation("ins_x", "src_s", 10, 25, "Puskesmas Genuk")]
    assert cites["mtg_a"] == [Citation("mtg_a", "src_s", None, None, None)]
    assert cites["att:mtg_a:ins_y"][0].excerpt == "Kapolsek"


def test_collaborators_weighted_after_newman(loaded: Store) -> None:
    # mtg_a: x, y, z (3 attendees: 1/2 each pair); mtg_b: x, y (2 attendees: 1)
    got = loaded.collaborators(["ins_x", "ins_z", "ins_w"], Window(), 10)
    x = [(c.institution_id, c.shared_meetings, c.weight) for c in got["ins_x"]]
    assert x == [("ins_y", 2, pytest.approx(1.5)), ("ins_z", 1, pytest.approx(0.5))]
    z = [(c.institution_id, c.shared_meetings) for c in got["ins_z"]]
    assert z == [("ins_x", 1), ("ins_y", 1)]
    assert "ins_w" not in got  # alone at its only meeting
    limited = loaded.collaborators(["ins_x"], Window(), 1)
    assert [c.institution_id for c in limited["ins_x"]] == ["ins_y"]
    early = loaded.collaborators(["ins_x"], Window(None, date(2025, 2, 1)), 10)
    assert [(c.institution_id, c.weight) for c in early["ins_x"]] == [
        ("ins_y", pytest.approx(0.5)), ("ins_z", pytest.approx(0.5))]


# -- merging duplicates ------------------------------------------------------

def test_merge_moves_every_relationship_and_leaves_an_alias(loaded: Store) -> None:
    loaded.write(Batch(
        institutions=[Institution("ins_x2", "PKM Genuk", "PUSKESMAS", "kecamatan", "33.74.05")],
        attendance=[Attendance("mtg_a", "ins_x2", ("presenter",)),
                    Attendance("mtg_c", "ins_x2", ("participant",))],
        program_links=[ProgramLink("prg_q", "ins_x2", "SUPPORTS")],
        citations=[Citation("ins_x2", "src_s", 50, 60, "PKM Genuk"),
                   Citation("att:mtg_c:ins_x2", "src_s", 70, 80, "hadir")],
    ))
    loaded.merge_institutions("ins_x", "ins_x2")
    assert loaded.institutions(["ins_x2"]) == {}
    roles = {a.institution_id: a.roles for a in loaded.attendance_of_meetings(["mtg_a"])["mtg_a"]}
    assert roles["ins_x"] == ("organiser", "presenter")
    assert "ins_x2" not in roles
    assert [a.institution_id for a in loaded.attendance_of_meetings(["mtg_c"])["mtg_c"]] == [
        "ins_w", "ins_x"]
    assert ProgramLink("prg_q", "ins_x", "SUPPORTS") in loaded.program_links(
        institution_ids=["ins_x"])
    assert {c.excerpt for c in loaded.citations(["ins_x"])["ins_x"]} == {
        "Puskesmas Genuk", "PKM Genuk"}
    assert loaded.citations(["att:mtg_c:ins_x"])["att:mtg_c:ins_x"][0].excerpt == "hadir"
    assert loaded.resolve_aliases(["ins_x2", "ins_y"]) == {"ins_x2": "ins_x"}
    # A later load that still names the merged-away id lands on the kept one.
    loaded.write(Batch(attendance=[Attendance("mtg_b", "ins_x2", ("participant",))]))
    assert "ins_x2" not in {a.institution_id
                            for a in loaded.attendance_of_meetings(["mtg_b"])["mtg_b"]}
    assert loaded.institutions(["ins_x2"]) == {}


def test_merge_refuses_unknown_or_identical_ids(loaded: Store) -> None:
    with pytest.raises(NotFound):
        loaded.merge_institutions("ins_x", "ins_nope")
    with pytest.raises(StoreError):
        loaded.merge_institutions("ins_x", "ins_x")
    assert loaded.stats()["institutions"] == 4


# -- copying a whole store ---------------------------------------------------

def test_dump_copies_everything_into_another_store(loaded: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from graph.store.embedded import EmbeddedStore

    loaded.write(Batch(institutions=[Institution("ins_dup", "Dup", "KUA", None, "33.74.05")]))
    loaded.merge_institutions("ins_x", "ins_dup")
    copy = EmbeddedStore(tmp_path / "copy.db")
    try:
        batches = list(loaded.dump(size=2))
        assert len(batches) > 10  # paged, not one read of everything
        for batch in batches:
            copy.write(batch)
        assert copy.stats() == loaded.stats()
        assert copy.resolve_aliases(["ins_dup"]) == {"ins_dup": "ins_x"}
        assert copy.citations(["mtg_a", "ins_x"]) == loaded.citations(["mtg_a", "ins_x"])
        assert copy.attendance_of_meetings(["mtg_a", "mtg_b"]) == loaded.attendance_of_meetings(
            ["mtg_a", "mtg_b"])
        assert copy.measurements(["msr_3"]) == loaded.measurements(["msr_3"])
        assert copy.program_links(program_ids=["prg_p", "prg_q"]) == loaded.program_links(
            program_ids=["prg_p", "prg_q"])
        for batch in loaded.dump(size=2):  # a second copy changes nothing
            copy.write(batch)
        assert copy.stats() == loaded.stats()
    finally:
        copy.close()


# -- analytics ---------------------------------------------------------------

def test_attendance_rows_filtered_for_a_projection(loaded: Store) -> None:
    from graph.store.base import NetworkFilter

    rows = loaded.attendance_rows(NetworkFilter())
    assert {(r.institution_id, r.meeting_id) for r in rows} == {
        ("ins_x", "mtg_a"), ("ins_y", "mtg_a"), ("ins_z", "mtg_a"), ("ins_x", "mtg_b"),
        ("ins_y", "mtg_b"), ("ins_w", "mtg_c")}
    x = next(r for r in rows if r.institution_id == "ins_x" and r.meeting_id == "mtg_a")
    assert (x.name, x.type, x.region_code, x.date) == ("Puskesmas Genuk", "PUSKESMAS",
                                                       "33.74.05", date(2025, 1, 10))
    assert {r.meeting_id for r in loaded.attendance_rows(
        NetworkFilter(window=Window(date(2025, 2, 1), None)))} == {"mtg_b"}
    assert {r.institution_id for r in loaded.attendance_rows(
        NetworkFilter(region_code="36"))} == {"ins_w"}
    assert {r.meeting_id for r in loaded.attendance_rows(
        NetworkFilter(program_id="prg_p"))} == {"mtg_a", "mtg_b"}
    assert {r.institution_id for r in loaded.attendance_rows(
        NetworkFilter(types=("POLSEK", "PKK")))} == {"ins_y", "ins_z"}


def test_network_size_counts_what_attendance_rows_reads(loaded: Store) -> None:
    from graph.store.base import NetworkFilter, NetworkSize

    # mtg_a: 3 attendees (3 pairs), mtg_b: 2 (1 pair), mtg_c: 1 (none)
    assert loaded.network_size(NetworkFilter()) == NetworkSize(6, 4)
    assert loaded.network_size(
        NetworkFilter(window=Window(date(2025, 2, 1), None))) == NetworkSize(2, 1)
    assert loaded.network_size(NetworkFilter(types=("POLSEK", "PKK"))) == NetworkSize(3, 1)
    assert loaded.network_size(NetworkFilter(region_code="99")) == NetworkSize(0, 0)
    for f in (NetworkFilter(), NetworkFilter(program_id="prg_p")):
        assert loaded.network_size(f).rows == len(loaded.attendance_rows(f))
