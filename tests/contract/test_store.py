"""The store contract: what every backend must answer, on small hand-made graphs."""

from __future__ import annotations

import threading
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
    Conflict,
    DanglingEdge,
    InstitutionFilter,
    MeasurementFilter,
    MeetingFilter,
    MergeRefused,
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


# -- creates: checked and written in one transaction --------------------------

def test_create_refuses_a_stored_id_and_changes_nothing(loaded: Store) -> None:
    before, version = loaded.stats(), loaded.version()
    renamed = Institution("ins_x", "Something else", "KUA", "kabkota", "36.72")
    with pytest.raises(Conflict) as caught:
        loaded.create(Batch(institutions=[renamed]), "institutions", "ins_x")
    assert caught.value.existing == "ins_x"
    assert loaded.institutions(["ins_x"]) == {"ins_x": X}
    assert (loaded.stats(), loaded.version()) == (before, version)
    result = loaded.create(Batch(institutions=[Institution("ins_new", "KUA Genuk", "KUA")]),
                           "institutions", "ins_new")
    assert (result.created, result.updated.get("institutions", 0)) == ({"institutions": 1}, 0)


def test_create_of_a_merged_away_id_names_the_kept_one_and_overwrites_nothing(
        loaded: Store) -> None:
    loaded.write(Batch(institutions=[Institution("ins_x2", "PKM Genuk", "PUSKESMAS",
                                                 "kecamatan", "33.74.05")]))
    loaded.merge_institutions("ins_x", "ins_x2")
    again = Institution("ins_x2", "PKM Genuk", "POLSEK", "kabkota", "36.72")
    with pytest.raises(Conflict) as caught:
        loaded.create(Batch(institutions=[again]), "institutions", "ins_x2")
    assert caught.value.existing == "ins_x"
    assert loaded.institutions(["ins_x", "ins_x2"]) == {"ins_x": X}  # the kept one untouched


def race(store: Store, batch: Batch, kind: str, id_: str, callers: int) -> tuple[int, list[str]]:
    """`callers` threads create the same node at once: (how many created, ids each was told)."""
    told: list[str] = []
    created: list[int] = []
    start = threading.Barrier(callers)

    def call() -> None:
        start.wait()
        try:
            store.create(batch, kind, id_)
            created.append(1)
            told.append(id_)
        except Conflict as exc:
            told.append(exc.existing)

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(created), told


@pytest.mark.parametrize("kind", ["institutions", "meetings"])
def test_concurrent_identical_creates_make_one_node_and_agree_on_its_id(
        store: Store, kind: str) -> None:
    store.write(Batch(regions=list(REGIONS)))
    callers, trials = 8, 10
    for trial in range(trials):
        id_ = f"new_{kind}_{trial}"
        batch = (Batch(institutions=[Institution(id_, f"KUA {trial}", "KUA", None, "33.74.05")])
                 if kind == "institutions" else
                 Batch(meetings=[Meeting(id_, f"Rakor {trial}", date(2025, 5, 1))]))
        created, told = race(store, batch, kind, id_, callers)
        assert (created, len(told), set(told)) == (1, callers, {id_}), trial
    assert store.stats()[kind] == trials


# -- dangling edges: refused whole, naming the missing id ------------------------

@pytest.mark.parametrize(("batch", "missing"), [
    (Batch(attendance=[Attendance("mtg_a", "ins_ghost", ("participant",))]), "ins_ghost"),
    (Batch(attendance=[Attendance("mtg_ghost", "ins_x", ("participant",))]), "mtg_ghost"),
    (Batch(meeting_programs=[("mtg_a", "prg_ghost")]), "prg_ghost"),
    (Batch(program_links=[ProgramLink("prg_p", "ins_ghost", "RUNS")]), "ins_ghost"),
    (Batch(program_regions=[("prg_p", "99.99")]), "99.99"),
    (Batch(citations=[Citation("ins_x", "src_ghost", 1, 2, "x")]), "src_ghost"),
])
def test_an_edge_to_a_missing_node_refuses_the_whole_write(loaded: Store, batch: Batch,
                                                          missing: str) -> None:
    batch.institutions.append(Institution("ins_new", "KUA Genuk", "KUA", None, "33.74.05"))
    before, version = loaded.stats(), loaded.version()
    with pytest.raises(DanglingEdge) as caught:
        loaded.write(batch)
    assert caught.value.missing == missing
    assert repr(missing) in str(caught.value)
    assert (loaded.stats(), loaded.version()) == (before, version)
    assert loaded.institutions(["ins_new"]) == {}


def test_an_edge_to_a_node_of_the_same_batch_is_stored(store: Store) -> None:
    store.write(Batch(institutions=[X], meetings=[A],
                      attendance=[Attendance("mtg_a", "ins_x", ("chair",))]))
    assert [a.institution_id for a in store.attendance_of_meetings(["mtg_a"])["mtg_a"]] == [
        "ins_x"]


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


def test_merge_across_types_or_regions_needs_saying_so(loaded: Store) -> None:
    loaded.write(Batch(institutions=[
        Institution("ins_x3", "Puskesmas Genuk", "PUSKESMAS", "kecamatan", "33.74.06")]))
    before = loaded.stats()
    with pytest.raises(MergeRefused) as caught:
        loaded.merge_institutions("ins_x", "ins_y")  # a Puskesmas and a Polsek
    assert caught.value.reason == "type"
    with pytest.raises(MergeRefused) as caught:
        loaded.merge_institutions("ins_x", "ins_x3")  # Genuk and Pedurungan
    assert caught.value.reason == "region"
    assert loaded.stats() == before
    assert loaded.merge_institutions("ins_x", "ins_y", allow_cross_type=True) == 2
    loaded.merge_institutions("ins_x", "ins_x3", allow_cross_region=True)
    assert set(loaded.resolve_aliases(["ins_y", "ins_x3"]).values()) == {"ins_x"}


def test_rekey_moves_everything_to_the_new_id_and_leaves_an_alias(loaded: Store) -> None:
    new = Institution("ins_x_new", "UPTD Puskesmas Genuk", "PUSKESMAS", "kecamatan", "33.74.05")
    loaded.rekey_institution("ins_x", new)
    assert loaded.institutions(["ins_x", "ins_x_new"]) == {"ins_x_new": new}
    assert loaded.resolve_aliases(["ins_x"]) == {"ins_x": "ins_x_new"}
    roles = {a.institution_id: a.roles for a in loaded.attendance_of_meetings(["mtg_b"])["mtg_b"]}
    assert roles["ins_x_new"] == ("chair",)
    assert loaded.citations(["ins_x_new"])["ins_x_new"][0].excerpt == "Puskesmas Genuk"
    before = loaded.stats()
    with pytest.raises(Conflict) as caught:  # onto another institution's id: refused
        loaded.rekey_institution("ins_x_new", Y)
    assert caught.value.existing == "ins_y"
    assert loaded.stats() == before
    assert loaded.institutions(["ins_y"]) == {"ins_y": Y}
    with pytest.raises(NotFound):
        loaded.rekey_institution("ins_gone", new)


def test_merge_refuses_unknown_or_identical_ids(loaded: Store) -> None:
    with pytest.raises(NotFound):
        loaded.merge_institutions("ins_x", "ins_nope")
    with pytest.raises(StoreError):
        loaded.merge_institutions("ins_x", "ins_x")
    assert loaded.stats()["institutions"] == 4


# -- copying a whole store ---------------------------------------------------

def test_dump_copies_everything_into_another_store(loaded: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from graph.store.embedded import EmbeddedStore

    loaded.write(Batch(institutions=[Institution("ins_dup", "Dup", "PUSKESMAS", None,
                                                 "33.74.05")]))
    loaded.merge_institutions("ins_x", "ins_dup")
    copy = EmbeddedStore(tmp_path / "copy.db")
    try:
        from graph.store.copy import copy as copy_store

        batches = list(loaded.dump(size=2))
        assert len(batches) > 10  # paged, not one read of everything
        written: list[int] = []
        counts = copy_store(loaded, copy, 2, written.append)
        assert len(written) == len(batches) and sum(written) == sum(b.rows() for b in batches)
        assert all(was == now for was, now in counts.values())
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


# -- what the contract says where it used to be silent -------------------------

def test_ties_are_ordered_by_id(store: Store) -> None:
    """Equal sort keys are ordered by id (ascending, or descending with the sort)."""
    same = [Institution(f"ins_{c}", "Puskesmas Kembar", "PUSKESMAS", None, None) for c in "cab"]
    meetings = [Meeting(f"mtg_{c}", "Rakor", date(2025, 1, 1)) for c in "cab"]
    store.write(Batch(institutions=same, meetings=meetings, attendance=[
        Attendance(m.id, i.id, ("participant",)) for m in meetings for i in same]))
    asc = store.find_institutions(InstitutionFilter(), PageRequest(10, None, "name"))
    assert [i.id for i in asc.items] == ["ins_a", "ins_b", "ins_c"]
    desc = store.find_institutions(InstitutionFilter(), PageRequest(10, None, "name", True))
    assert [i.id for i in desc.items] == ["ins_c", "ins_b", "ins_a"]
    by_date = store.find_meetings(MeetingFilter(), PageRequest(10, None, "date", True))
    assert [m.id for m in by_date.items] == ["mtg_c", "mtg_b", "mtg_a"]
    of = store.meetings_of_institutions(["ins_a"], Window(), PageRequest(10, None, "date"))
    assert [m.id for m in of["ins_a"].items] == ["mtg_a", "mtg_b", "mtg_c"]
    # Equal weight and shared meetings: collaborators by id too.
    collab = store.collaborators(["ins_b"], Window(), 10)
    assert [c.institution_id for c in collab["ins_b"]] == ["ins_a", "ins_c"]
    assert [a.institution_id for a in store.attendance_of_meetings(["mtg_a"])["mtg_a"]] == [
        "ins_a", "ins_b", "ins_c"]


def test_batched_reads_omit_missing_ids(loaded: Store) -> None:
    """An id that names nothing is left out of the answer: no key, no None, no error."""
    gone = "nope"
    assert loaded.institutions([gone]) == {}
    assert loaded.meetings(["mtg_a", gone]).keys() == {"mtg_a"}
    assert loaded.programs([gone]) == loaded.sources([gone]) == loaded.measurements([gone]) == {}
    assert loaded.regions([gone]) == loaded.resolve_aliases([gone]) == {}
    assert loaded.attendance_of_meetings([gone]) == {}
    assert loaded.programs_of_meetings([gone]) == loaded.program_regions([gone]) == {}
    assert loaded.meetings_of_institutions([gone], Window(), PageRequest(5)) == {}
    assert loaded.meetings_of_programs([gone], Window(), PageRequest(5)) == {}
    assert loaded.count_meetings_of_institutions([gone], Window()) == {}
    assert loaded.count_meetings_of_programs([gone], Window()) == {}
    assert loaded.measurements_of_regions([gone]) == loaded.children_of_regions([gone]) == {}
    assert loaded.citations([gone]) == loaded.collaborators([gone], Window(), 5) == {}
    assert loaded.program_links(program_ids=[gone], institution_ids=[gone]) == []


@pytest.mark.parametrize(("needle", "expected"), [
    ("si bening", {"prg_p"}),  # the name
    ("ikut bergerak", {"prg_p"}),  # inside an alias
    ("GERAKAN orang-tua", {"prg_q"}),  # an alias, normalised as names are
    ("stunting | gerakan", set()),  # never across two aliases ...
    ('tunting", "gerak', set()),  # ... nor the way aliases happen to be stored
    ("bening semua", set()),  # ... nor across the name and an alias
])
def test_program_name_search_matches_the_name_or_any_one_alias(
        loaded: Store, needle: str, expected: set[str]) -> None:
    loaded.write(Batch(programs=[Q.__class__(Q.id, Q.name, (*Q.aliases, "Gerakan Kedua"),
                                             Q.description)]))
    found = loaded.find_programs(ProgramFilter(name_contains=needle), PageRequest(10))
    assert {p.id for p in found.items} == expected
    assert loaded.count_programs(ProgramFilter(name_contains=needle)) == len(expected)


def test_collaborator_weights_are_the_projections(loaded: Store) -> None:
    """Both stores' collaborator query and the projection use graph/weights.py."""
    from graph.analytics.projection import load_projection
    from graph.store.base import NetworkFilter

    g = load_projection(loaded, NetworkFilter(), "newman").graph
    got = loaded.collaborators(["ins_x", "ins_y", "ins_z"], Window(), 10)
    for src, collaborators in got.items():
        for c in collaborators:
            assert c.weight == pytest.approx(g[src][c.institution_id]["weight"])
            assert c.shared_meetings == g[src][c.institution_id]["shared"]
