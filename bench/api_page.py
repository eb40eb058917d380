"""What one 100-institution GraphQL page costs: store calls and latency, per backend.

    python bench/api_page.py [--institutions 50000] [--meetings 20000] [--neo4j]

Prints medians over --runs requests through the full ASGI app (parse, validate,
execute, serialise). The first request of a query text also parses and
validates it; later ones hit the caches, which is the steady state measured.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import batches  # noqa: E402
from graph.store.base import Store  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from tests.helpers import CountingStore, GraphQLClient  # noqa: E402

PAGE = """query($first: Int!, $after: String) { institutions(first: $first, after: $after) {
  totalCount pageInfo { endCursor hasNextPage }
  edges { node { id name type sector region { name parent { name } }
    meetings(first: 5) { totalCount edges { node { title date attendees { role } } } }
    collaborators(first: 5) { sharedMeetings weight institution { name } } } } } }"""
LIGHT = """query($first: Int!, $after: String) { institutions(first: $first, after: $after) {
  pageInfo { endCursor hasNextPage }
  edges { node { id name type region { name } meetings(first: 1) { totalCount } } } } }"""
SMALL = "{ institutions(first: 1) { edges { node { id } } } }"


def pages(client: GraphQLClient, query: str, runs: int) -> list[float]:
    """Walk `runs` consecutive pages; the time of each request."""
    timings = []
    after = None
    for _ in range(runs):
        t = time.perf_counter()
        data = client.data(query, {"first": 100, "after": after})
        timings.append(time.perf_counter() - t)
        conn = data["institutions"]
        after = conn["pageInfo"]["endCursor"] if conn["pageInfo"]["hasNextPage"] else None
    return timings


def measure(label: str, store: Store, runs: int) -> None:
    counting = CountingStore(store)
    client = GraphQLClient(counting)  # type: ignore[arg-type]
    for query in (PAGE, LIGHT, SMALL):  # warm parse/validation caches and query plans
        client.post(query, {"first": 100})
    counting.reset()
    data = client.data(PAGE, {"first": 100})
    calls = counting.total
    attendees = sum(len(m["node"]["attendees"]) for e in data["institutions"]["edges"]
                    for m in e["node"]["meetings"]["edges"])
    heavy = pages(client, PAGE, runs)
    light = pages(client, LIGHT, runs)
    small = []
    for _ in range(runs):
        t = time.perf_counter()
        client.data(SMALL)
        small.append(time.perf_counter() - t)

    def ms(xs: list[float]) -> str:
        return f"median {statistics.median(xs) * 1000:.1f} ms"

    print(f"{label}: heavy 100-institution page (5 meetings each with attendees, 5 "
          f"collaborators; ~{attendees} attendee rows) = {calls} store calls, {ms(heavy)}")
    print(f"{label}: light 100-institution page (region, meeting count) {ms(light)}; "
          f"1-row query {ms(small)}  [{runs} runs each]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--institutions", type=int, default=50_000)
    parser.add_argument("--meetings", type=int, default=20_000)
    parser.add_argument("--per-meeting", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--neo4j", action="store_true", help="also start a test Neo4j")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    stores: list[tuple[str, Store]] = [("embedded", EmbeddedStore(tmp / "bench.db"))]
    server = None
    if args.neo4j:
        from graph.store.neo4j import Neo4jStore
        from neo4j_server import Neo4jServer

        server = Neo4jServer(tmp / "neo4j", heap="1g")
        stores.append(("neo4j", Neo4jStore(server.start())))
    for label, store in stores:
        t = time.perf_counter()
        for batch in batches(args.institutions, args.meetings, args.per_meeting):
            store.write(batch)
        stats = store.stats()
        print(f"{label}: loaded {stats['institutions']} institutions, {stats['meetings']} "
              f"meetings, {stats['attendance']} attendance edges in "
              f"{time.perf_counter() - t:.1f} s")
        measure(label, store, args.runs)
        store.close()
    if server:
        server.stop()


if __name__ == "__main__":
    main()
