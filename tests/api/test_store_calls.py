"""A page costs a fixed number of store calls, however many rows it shows (no N+1)."""

from __future__ import annotations

from datetime import date

from graph.model import Attendance, Batch, Institution, Meeting, Region
from graph.store.base import InstitutionFilter, PageRequest, Window
from graph.store.embedded import EmbeddedStore
from tests.helpers import CountingStore, GraphQLClient

PAGE = """query($first: Int!) { institutions(first: $first) {
  totalCount
  edges { node {
    id name sector
    region { name parent { name } }
    meetings(first: 5) { totalCount edges { node { title region { name }
      attendees { role institution { name } } programs { name } } } }
    collaborators(first: 5) { weight institution { name } }
    programs { relation program { name } }
    sources { excerpt source { title } }
  } }
} }"""


def big_store(tmp_path, n: int = 300) -> EmbeddedStore:  # type: ignore[no-untyped-def]
    store = EmbeddedStore(tmp_path / "big.db")
    regions = [Region("33", "Jawa Tengah", "province", "ID"),
               Region("33.74", "Kota Semarang", "kabkota", "33")]
    regions += [Region(f"33.74.{k:02d}", f"Kec {k}", "kecamatan", "33.74") for k in range(1, 17)]
    insts = [Institution(f"ins_{i:04d}", f"Institution {i:04d}", "PUSKESMAS", "kecamatan",
                         f"33.74.{i % 16 + 1:02d}") for i in range(n)]
    meetings = [Meeting(f"mtg_{j:03d}", f"Rakor {j}", date(2025, 1, 1 + j % 28), None, None, None,
                        "kecamatan", f"33.74.{j % 16 + 1:02d}") for j in range(60)]
    attendance = [Attendance(f"mtg_{j:03d}", f"ins_{(j * 7 + k) % n:04d}", ("participant",))
                  for j in range(60) for k in range(12)]
    store.write(Batch(regions=regions, institutions=insts, meetings=meetings,
                      attendance=attendance))
    return store


def calls_for(store: CountingStore, first: int) -> int:
    client = GraphQLClient(store)  # type: ignore[arg-type]
    store.reset()
    data = client.data(PAGE, {"first": first})
    assert len(data["institutions"]["edges"]) == first
    return store.total


def test_page_of_100_costs_a_fixed_number_of_store_calls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    counting = CountingStore(big_store(tmp_path))
    small = calls_for(counting, 10)
    large = calls_for(counting, 100)
    # The bound comes from the query's shape (one batch per field and depth),
    # never from the number of rows: ten times the rows, no more calls.
    assert large <= small <= 14, dict(counting.calls)
    # Every per-row field is fetched in one batched call, not once per row.
    # (The meetings come with their attendees: one read for both.)
    for name in ("meetings_of_institutions_with_nodes", "collaborators_with_nodes",
                 "count_meetings_of_institutions",
                 "program_links", "citations", "programs_of_meetings"):
        assert counting.calls[name] == 1, (name, dict(counting.calls))


COUNTS_ONLY = """{ institutions(first: 100) {
  edges { node { name meetings(first: 0) { totalCount } } } } }"""


def test_a_count_without_its_page_reads_no_page(demo_store) -> None:  # type: ignore[no-untyped-def]
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    counting.reset()
    data = client.data(COUNTS_ONLY)
    counts = [e["node"]["meetings"]["totalCount"] for e in data["institutions"]["edges"]]
    assert sum(counts) > 0
    assert counting.calls["meetings_of_institutions"] == 0, dict(counting.calls)
    assert counting.calls["count_meetings_of_institutions"] == 1, dict(counting.calls)
    assert counting.total == 2, dict(counting.calls)

    counting.reset()
    total = client.data("{ institutions(first: 0) { totalCount } }")["institutions"]["totalCount"]
    assert total == len(counts)
    assert dict(counting.calls) == {"count_institutions": 1}


def test_the_page_is_still_read_when_rows_are_asked(demo_store) -> None:  # type: ignore[no-untyped-def]
    counting = CountingStore(demo_store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    counting.reset()
    data = client.data("""{ institutions(first: 100) { edges { node {
        meetings(first: 1) { totalCount pageInfo { hasNextPage } } } } } }""")
    assert counting.calls["meetings_of_institutions"] == 1
    more = [e["node"]["meetings"]["pageInfo"]["hasNextPage"] for e in data["institutions"]["edges"]]
    counts = [e["node"]["meetings"]["totalCount"] for e in data["institutions"]["edges"]]
    assert more == [c > 1 for c in counts]


def _count(store, query: str, variables: dict | None = None) -> dict[str, int]:  # type: ignore[no-untyped-def, type-arg]
    counting = CountingStore(store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    counting.reset()
    data = client.data(query, variables)
    assert data
    return dict(counting.calls)


def test_d_meetings_with_attendees_and_their_regions_in_one_round_trip(demo_store) -> None:  # type: ignore[no-untyped-def]
    calls = _count(demo_store, """{ meetings(first: 20) { edges { node { title date
        attendees { role institution { name region { name } } } } } } }""")
    # The page comes with its attendees, their institutions and regions: one read.
    assert calls == {"find_meetings_with_nodes": 1}
    calls = _count(demo_store, """{ meetings(first: 20) { edges { node { title
        attendees { role } } } } }""")
    assert calls == {"find_meetings": 1, "attendance_of_meetings": 1}


def test_b_an_institutions_meetings_and_attendees_in_one_round_trip(demo_store) -> None:  # type: ignore[no-untyped-def]
    some = next(i for i in demo_store.find_institutions(InstitutionFilter(), PageRequest(50)).items
                if demo_store.count_meetings_of_institutions([i.id], Window()).get(i.id))
    calls = _count(demo_store, """query($id: ID!) { institution(id: $id) { name
        meetings(first: 10) { edges { node { title attendees { institution { name } } } } } } }""",
                   {"id": some.id})
    # The page of meetings comes with its attendees, the institution itself among them:
    # one read, neither the institution nor the attendees keyed by another read.
    assert calls == {"meetings_of_institutions_with_nodes": 1}
    # Without attendee institutions asked, the plain page read and the plain attendance.
    calls = _count(demo_store, """query($id: ID!) { institution(id: $id) { name
        meetings(first: 10) { edges { node { title attendees { role } } } } } }""",
                   {"id": some.id})
    assert calls == {"institutions": 1, "meetings_of_institutions": 1,
                     "attendance_of_meetings": 1}


def test_meetings_answer_the_same_through_the_joined_read(demo_store) -> None:  # type: ignore[no-untyped-def]
    """The joined read (attendee institutions asked) gives the plain reads' pages, rows
    and roles, and the stored institutions and regions."""
    client = GraphQLClient(demo_store)
    query = """{ institutions(first: 40) { edges { node { id
        meetings(first: 3) { pageInfo { hasNextPage } edges { cursor node { id
          attendees { role %s } } } } } } } }"""
    joined = client.data(query % "institution { id name type region { code name } }")
    plain = client.data(query % "")

    def rows(data, keep):  # type: ignore[no-untyped-def]
        return [(e["node"]["id"], e["node"]["meetings"]["pageInfo"],
                 [(m["cursor"], m["node"]["id"], [keep(a) for a in m["node"]["attendees"]])
                  for m in e["node"]["meetings"]["edges"]])
                for e in data["institutions"]["edges"]]

    assert rows(joined, lambda a: a["role"]) == rows(plain, lambda a: a["role"])
    assert any(m[2] for r in rows(plain, lambda a: a) for m in r[2])
    for edge in joined["institutions"]["edges"]:
        for m in edge["node"]["meetings"]["edges"]:
            for a in m["node"]["attendees"]:
                i = a["institution"]
                stored = demo_store.institutions([i["id"]])[i["id"]]
                assert (i["name"], i["type"]) == (stored.name, stored.type)
                if stored.region_code:
                    assert i["region"]["code"] == stored.region_code


def test_c_collaborators_and_their_institutions_in_one_round_trip(demo_store) -> None:  # type: ignore[no-untyped-def]
    some = next(iter(demo_store.find_institutions(InstitutionFilter(), PageRequest(1)).items))
    calls = _count(demo_store, """query($id: ID!) { institution(id: $id) {
        collaborators(first: 10) { sharedMeetings weight institution { name } } } }""",
                   {"id": some.id})
    # The read of the collaborators brings the institution asked too.
    assert calls == {"collaborators_with_nodes": 1}
    # Without their institutions asked, the same single read.
    calls = _count(demo_store, """query($id: ID!) { institution(id: $id) {
        name collaborators(first: 10) { sharedMeetings weight } } }""", {"id": some.id})
    assert calls == {"collaborators_with_nodes": 1}
    # An id that names none is still looked up, and answers null.
    calls = _count(demo_store, """query { institution(id: "ins_none") {
        collaborators(first: 10) { weight } } }""", {})
    assert calls == {"collaborators_with_nodes": 1, "institutions": 1}
    # An invalid page size reads nothing: the request is refused before any store call.
    counting = CountingStore(demo_store)
    counting.reset()
    body = GraphQLClient(counting).post("""query($id: ID!) { institution(id: $id) {
        collaborators(first: 100000) { weight } } }""", {"id": some.id})  # type: ignore[arg-type]
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert dict(counting.calls) == {}


def test_collaborators_answer_the_same_through_either_read(demo_store) -> None:  # type: ignore[no-untyped-def]
    """The joined read (institution asked) gives the plain read's rows and the stored
    institutions."""
    client = GraphQLClient(demo_store)
    query = """{ institutions(first: 30) { edges { node { id
        collaborators(first: 5) { sharedMeetings weight %s } } } } }"""
    joined = client.data(query % "institution { id name type region { code } }")
    plain = client.data(query % "")
    strip = [[(c["sharedMeetings"], c["weight"]) for c in e["node"]["collaborators"]]
             for e in joined["institutions"]["edges"]]
    assert strip == [[(c["sharedMeetings"], c["weight"]) for c in e["node"]["collaborators"]]
                     for e in plain["institutions"]["edges"]]
    assert any(strip)
    for e in joined["institutions"]["edges"]:
        want = demo_store.collaborators([e["node"]["id"]], Window(), 5).get(e["node"]["id"], [])
        got = e["node"]["collaborators"]
        assert [c["institution"]["id"] for c in got] == [w.institution_id for w in want]
        stored = demo_store.institutions([w.institution_id for w in want])
        for c in got:
            inst = stored[c["institution"]["id"]]
            assert (c["institution"]["name"], c["institution"]["type"],
                    (c["institution"]["region"] or {}).get("code")) == (
                        inst.name, inst.type, inst.region_code)


def test_attendees_answer_the_same_through_either_read(demo_store) -> None:  # type: ignore[no-untyped-def]
    """The joined read (institution asked) and the plain one (only roles) agree."""
    client = GraphQLClient(demo_store)
    joined = client.data("""{ meetings(first: 50) { edges { node { attendees {
        role roles institution { id region { code } } } } } } }""")
    plain = client.data("""{ meetings(first: 50) { edges { node { attendees {
        role roles } } } } }""")
    rows = [[(a["role"], a["roles"]) for a in e["node"]["attendees"]]
            for e in joined["meetings"]["edges"]]
    assert rows == [[(a["role"], a["roles"]) for a in e["node"]["attendees"]]
                    for e in plain["meetings"]["edges"]]
    assert any(rows)
    ids = {a["institution"]["id"] for e in joined["meetings"]["edges"]
           for a in e["node"]["attendees"]}
    stored = demo_store.institutions(ids)
    for e in joined["meetings"]["edges"]:
        for a in e["node"]["attendees"]:
            inst = stored[a["institution"]["id"]]
            assert (a["institution"]["region"] or {}).get("code") == inst.region_code


ANALYTICS_FIELDS = {
    "communities": "{ communities { size members(first: 100) { id name } region { name } } }",
    "centrality": "{ centrality(measure: DEGREE, first: 100) { rank institution { id name } } }",
    "brokers": "{ brokers(first: 100) { total institution { id name } } }",
    "path": '{ collaborationPath(fromId: "ins_0000", toId: "ins_0150") { id name } }',
}


def test_each_analytics_field_costs_one_store_call_per_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    counting = CountingStore(big_store(tmp_path))
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    for name, query in ANALYTICS_FIELDS.items():
        counting.reset()
        data = client.data(query)
        shown = sum(len(c["members"]) for c in data["communities"]) if name == "communities" \
            else len(next(iter(data.values())) or [])
        assert shown >= (2 if name == "path" else 30), (name, data)  # a loop would show
        # One projection, and every institution of the answer in one batched read.
        assert counting.calls["attendance_rows"] <= 1, (name, dict(counting.calls))
        assert counting.calls["institutions"] == 1, (name, dict(counting.calls))
        # Regions: at most the community labels' read and the `region` field's, however
        # many communities there are.
        assert counting.calls["regions"] <= 2, (name, dict(counting.calls))


B = """query($id: ID!, $first: Int!, $after: String, $from: Date) { institution(id: $id) {
  id name type meetings(first: $first, after: $after, from: $from) { totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title attendees { role institution { id name } } } } } } }"""


def _without_page(data):  # type: ignore[no-untyped-def]
    return {k: v for k, v in data["institution"].items() if k != "meetings"} \
        if data["institution"] else None


def test_b_read_by_its_page_answers_as_the_institution_read(demo_store) -> None:  # type: ignore[no-untyped-def]
    """Read through its page of meetings or on its own, an institution answers the same:
    with meetings, without any in the window, on a later page, and for an unknown id."""
    client = GraphQLClient(demo_store)
    plain = """query($id: ID!) { institution(id: $id) { id name type } }"""
    ids = [i.id for i in demo_store.find_institutions(InstitutionFilter(), PageRequest(30)).items]
    busy = [i for i in ids if demo_store.count_meetings_of_institutions([i], Window()).get(i)]
    assert busy and len(busy) < len(ids) + 1
    for id_ in [*ids, "ins_unknown"]:
        alone = client.data(plain, {"id": id_})["institution"]
        for first, since in ((3, None), (1, None), (3, "2999-01-01")):
            data = client.data(B, {"id": id_, "first": first, "from": since})
            assert _without_page(data) == alone, id_
            if data["institution"] and since is None and \
                    data["institution"]["meetings"]["pageInfo"]["hasNextPage"]:
                after = data["institution"]["meetings"]["pageInfo"]["endCursor"]
                later = client.data(B, {"id": id_, "first": first, "after": after})
                assert _without_page(later) == alone
                assert later["institution"]["meetings"]["edges"][0]["cursor"] != after


def test_b_costs_one_call_only_when_the_page_holds_the_institution(demo_store) -> None:  # type: ignore[no-untyped-def]
    ids = [i.id for i in demo_store.find_institutions(InstitutionFilter(), PageRequest(50)).items]
    busy = next(i for i in ids if demo_store.count_meetings_of_institutions([i], Window()).get(i))
    calls = _count(demo_store, B, {"id": busy, "first": 5})
    assert calls == {"meetings_of_institutions_with_nodes": 1, "count_meetings_of_institutions": 1}
    # No meeting in the window: the page is empty, so the institution is read after it.
    calls = _count(demo_store, B, {"id": busy, "first": 5, "from": "2999-01-01"})
    assert calls == {"meetings_of_institutions_with_nodes": 1, "institutions": 1,
                     "count_meetings_of_institutions": 1}


def test_b_a_bad_page_argument_is_the_fields_own_error(demo_store) -> None:  # type: ignore[no-untyped-def]
    some = demo_store.find_institutions(InstitutionFilter(), PageRequest(1)).items[0]
    client = GraphQLClient(demo_store)
    errors = client.errors(B, {"id": some.id, "first": 5, "after": "not-a-cursor"})
    assert errors and errors[0]["path"] == ["institution", "meetings"], errors
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", errors


def test_a_selection_argument_given_by_a_variable_is_read(demo_store) -> None:  # type: ignore[no-untyped-def]
    """Priming reads the arguments of fields below the one resolving; a variable there
    (graphql-core 3.3 wants its VariableValues, Strawberry hands a dict) answers as the
    same value written inline."""
    client = GraphQLClient(demo_store)
    shape = """query%s { institutions(first: 20) { edges { node { id
        meetings(from: %s) { totalCount } } } } }"""
    inline = client.data(shape % ("", '"2000-01-01"'))
    by_variable = client.data(shape % ("($from: Date)", "$from"), {"from": "2000-01-01"})
    assert by_variable == inline
    assert any(e["node"]["meetings"]["totalCount"] for e in inline["institutions"]["edges"])
