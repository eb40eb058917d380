"""A page costs a fixed number of store calls, however many rows it shows (no N+1)."""

from __future__ import annotations

from datetime import date

from graph.model import Attendance, Batch, Institution, Meeting, Region
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
    for name in ("meetings_of_institutions", "collaborators", "count_meetings_of_institutions",
                 "program_links", "citations", "attendance_of_meetings", "programs_of_meetings"):
        assert counting.calls[name] == 1, (name, dict(counting.calls))


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
