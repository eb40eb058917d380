"""NetworkX (the reference) against igraph on one synthetic projection: time per measure,
the speed-up, and the largest difference between their scores.

    python bench/analytics.py [--institutions 20000] [--meetings 8000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import batches  # noqa: E402
from graph.analytics.centrality import centrality  # noqa: E402
from graph.analytics.communities import communities  # noqa: E402
from graph.analytics.projection import project  # noqa: E402
from graph.model import Attendance, Institution, Meeting  # noqa: E402
from graph.store.base import AttendanceRow  # noqa: E402


def rows(institutions: int, meetings: int, per_meeting: int) -> list[AttendanceRow]:
    insts: dict[str, Institution] = {}
    mtgs: dict[str, Meeting] = {}
    att: list[Attendance] = []
    for b in batches(institutions, meetings, per_meeting):
        insts.update((i.id, i) for i in b.institutions)
        mtgs.update((m.id, m) for m in b.meetings)
        att += b.attendance
    return [AttendanceRow(a.institution_id, insts[a.institution_id].name,
                          insts[a.institution_id].type, insts[a.institution_id].region_code,
                          a.meeting_id, mtgs[a.meeting_id].date) for a in att]


def timed(fn, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--institutions", type=int, default=20_000)
    parser.add_argument("--meetings", type=int, default=8_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t = time.perf_counter()
    g = project(rows(args.institutions, args.meetings, 10)).graph
    print(f"projection: {g.number_of_nodes()} institutions, {g.number_of_edges()} ties "
          f"in {time.perf_counter() - t:.1f} s")
    small = project(rows(args.institutions // 8, args.meetings // 8, 10)).graph
    print(f"small projection: {small.number_of_nodes()} institutions, "
          f"{small.number_of_edges()} ties (for the O(n·m) measures)")
    for measure, graph in (("PAGERANK", g), ("EIGENVECTOR", small), ("CLOSENESS", small),
                           ("BETWEENNESS", small)):
        nx_time, nx_scores = timed(lambda m=measure, h=graph: centrality(h, m, "networkx"),
                                   args.runs)
        ig_time, ig_scores = timed(lambda m=measure, h=graph: centrality(h, m, "igraph"),
                                   args.runs)
        diff = max(abs(nx_scores.values[n] - ig_scores.values[n])  # type: ignore[attr-defined]
                   for n in graph.nodes)
        print(f"{measure} on {graph.number_of_nodes()}: networkx median {nx_time:.2f} s, "
              f"igraph {ig_time:.3f} s ({nx_time / ig_time:.0f}x), largest difference "
              f"{diff:.1e}  [{args.runs} runs]")
    b_time, _ = timed(lambda: centrality(g, "BETWEENNESS"), 1)
    print(f"BETWEENNESS on {g.number_of_nodes()} (sampled, 500 sources): {b_time:.1f} s")
    c_time, parts = timed(lambda: communities(g), 1)
    print(f"Louvain (networkx, seed 42): {c_time:.1f} s, {len(parts)} communities")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
