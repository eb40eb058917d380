"""National-scale figures in one run: load, projection, every measure through the
project's functions (cold and warm) beside igraph and networkit on the same edges.

    python bench/national.py [--quarter] [--db PATH] [--neo4j bolt://...|auto] [--skip-load]
                             [--load-runs N] [--load-only]

Builds the dataset with `tpps generate --region ID --years 3 --scale national` (or
quarter), bulk-loads it into a fresh embedded store, then times:
- load: rows/s of Store.bulk_write (wall and CPU; median of --load-runs loads, each
  into a fresh file), and with --neo4j the bulk path
  against a bare UNWIND ... CREATE of the same rows (the regions, then kab/kota batches
  up to --neo4j-rows rows; bench/neo4j_load.py; --neo4j auto starts a Neo4j);
- projection: attendance_incidence + the sparse co-attendance matrix, peak RSS;
- each measure: cold = projection + first call on a fresh network (engine copies built,
  compiled code loaded), warm = a second call on the same network, beside igraph and
  networkit computing it directly on a prebuilt graph of the same edges.
Times are medians over --runs of wall-clock seconds, with CPU seconds beside them: the
machine is shared, so CPU time is the fairer comparison. networkit runs on one thread.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.analytics import brokerage as brokerage_module  # noqa: E402
from graph.analytics import persist  # noqa: E402
from graph.analytics.centrality import BETWEENNESS_SAMPLES, SEED, centrality  # noqa: E402
from graph.analytics.communities import communities  # noqa: E402
from graph.analytics.projection import CoAttendance, from_incidence  # noqa: E402
from graph.analytics.summary import PATH_SAMPLES, summarize  # noqa: E402
from graph.store.base import NetworkFilter  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from loaders.synthetic.generate import Generator  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any], runs: int = 1) -> tuple[float, float, Any]:
    """(median wall s, median CPU s, last result)."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def load(args: argparse.Namespace, db: Path) -> list[str]:
    lines = []
    scale = "quarter" if args.quarter else "national"
    wall, cpu, gen_batches = timed(lambda: list(Generator("ID", 3, 1, scale).batches()))
    rows = sum(b.rows() for b in gen_batches)
    lines.append(f"generate ({scale}): {rows:,} rows in {wall:.1f} s (CPU {cpu:.1f} s)")
    walls, cpus = [], []
    for _ in range(args.load_runs):  # each into a fresh file: the first-load path
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        store = EmbeddedStore(db)
        wall, cpu, _ = timed(partial(store.bulk_write, gen_batches))
        store.close()
        walls.append(wall)
        cpus.append(cpu)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    lines.append(f"load embedded (bulk_write, median of {len(walls)}): {wall:.1f} s wall = "
                 f"{rows / wall:,.0f} rows/s (runs {min(walls):.1f}-{max(walls):.1f} s); "
                 f"CPU {cpu:.1f} s = {rows / cpu:,.0f} rows/s; file "
                 f"{db.stat().st_size / 2**20:,.0f} MB")
    if args.neo4j:
        lines += neo4j_load(args, gen_batches)
    return lines


def neo4j_load(args: argparse.Namespace, batches: list[Any]) -> list[str]:
    """The bulk path against a bare UNWIND CREATE of the same rows (bench/neo4j_load.py)."""
    from bench.neo4j_load import first_rows, run

    # the national region tree and the rows go as one transaction: a 1 GB heap's
    # transaction memory does not hold them (bench/neo4j_load.py)
    heap = "1g" if args.quarter else "2g"
    return run(args.neo4j, first_rows(batches, args.neo4j_rows), args.neo4j_runs, heap)


def library_graphs(net: CoAttendance) -> tuple[Any, Any]:
    """igraph's and networkit's graphs of the network's edge arrays, each built its
    fastest way (the baselines' own projection step)."""
    import igraph as ig
    import networkit as nk

    rows, cols, weights = net.edges
    ig_graph = ig.Graph(n=net.n, edges=list(zip(rows.tolist(), cols.tolist(), strict=True)))
    ig_graph.es["weight"] = weights.tolist()
    nk_graph = nk.GraphFromCoo((weights, (rows.astype("uint64"), cols.astype("uint64"))),
                               n=net.n, weighted=True, directed=False)
    return ig_graph, nk_graph


def baselines(net: CoAttendance, ig_graph: Any, nk_graph: Any
              ) -> dict[str, tuple[Callable[[], Any] | None, Callable[[], Any] | None]]:
    import random

    import networkit as nk

    nk.setNumberOfThreads(1)
    nk.setSeed(SEED, False)
    sources = random.Random(SEED).sample(range(net.n), min(BETWEENNESS_SAMPLES, net.n))
    largest = max(nk.components.ConnectedComponents(nk_graph).run().getComponents(), key=len)
    path_sources = random.Random(SEED).sample(sorted(largest), min(PATH_SAMPLES, len(largest)))

    def nk_distances() -> float:
        total = 0.0
        for s in path_sources:
            d = np.asarray(nk.distance.BFS(nk_graph, s, False).run().getDistances(asarray=True))
            total += float(d[d < 1e300].sum())
        return total

    def nk_run(algo: Any) -> Any:
        algo.run()
        return algo

    return {
        "PAGERANK": (lambda: ig_graph.pagerank(weights="weight"),
                     lambda: nk_run(nk.centrality.PageRank(nk_graph, 0.85, 1e-10))),
        "EIGENVECTOR": (lambda: ig_graph.eigenvector_centrality(weights="weight"),
                        lambda: nk_run(nk.centrality.EigenvectorCentrality(nk_graph))),
        "BETWEENNESS": (lambda: ig_graph.betweenness(directed=False, sources=sources),
                        lambda: nk_run(nk.centrality.EstimateBetweenness(
                            nk_graph, len(sources), True, False))),
        "CLOSENESS": (lambda: ig_graph.closeness(),
                      lambda: nk_run(nk.centrality.Closeness(
                          nk_graph, True, nk.centrality.ClosenessVariant.Generalized))),
        "COMMUNITIES": (lambda: ig_graph.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1),
            lambda: nk_run(nk.community.PLM(nk_graph, refine=False))),
        "BROKERAGE": (lambda: ig_graph.constraint(weights="weight"), None),
        # components, exact mean local clustering, BFS from PATH_SAMPLES sources (what
        # the project computes; networkit's globals.clustering samples, so not that)
        "SUMMARY": (lambda: (ig_graph.connected_components(),
                             ig_graph.transitivity_avglocal_undirected(mode="zero"),
                             ig_graph.distances(source=path_sources)),
                    lambda: (nk_run(nk.components.ConnectedComponents(nk_graph)),
                             nk_run(nk.centrality.LocalClusteringCoefficient(
                                 nk_graph, True)).scores(),
                             nk_distances())),
    }


def measure_calls(projection: Any) -> dict[str, Callable[[CoAttendance], Any]]:
    return {
        "PAGERANK": lambda n: centrality(n, "PAGERANK"),
        "EIGENVECTOR": lambda n: centrality(n, "EIGENVECTOR"),
        "BETWEENNESS": lambda n: centrality(n, "BETWEENNESS"),
        "CLOSENESS": lambda n: centrality(n, "CLOSENESS"),
        "COMMUNITIES": lambda n: communities(n),
        "BROKERAGE": lambda n: brokerage_module.brokerage(n),
        "SUMMARY": lambda n: summarize(n, projection.meetings),
    }


def _second_worker(call: Callable[[CoAttendance], Any], path: Path) -> Any:
    found = persist.load(path)
    assert found is not None
    return call(found.network)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quarter", action="store_true", help="every fourth kab/kota")
    parser.add_argument("--db", type=Path, default=Path("data/bench-national.db"))
    parser.add_argument("--skip-load", action="store_true", help="reuse --db as it is")
    parser.add_argument("--neo4j", default="", help="bolt:// URI, or auto (start one): also "
                        "time the Neo4j load beside a bare UNWIND batch")
    parser.add_argument("--neo4j-rows", type=int, default=60_000)
    parser.add_argument("--neo4j-runs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--load-runs", type=int, default=1,
                        help="loads into a fresh file (median reported)")
    parser.add_argument("--load-only", action="store_true", help="stop after the load")
    parser.add_argument("--only", default="", help="comma-separated measures")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at start "
          "(the machine is shared: read the CPU columns)")
    if not args.skip_load:
        for line in load(args, args.db):
            print(line, flush=True)
    if args.load_only:
        return
    store = EmbeddedStore(args.db)
    wall, cpu, incidence = timed(lambda: store.attendance_incidence(NetworkFilter()))
    pwall, pcpu, projection = timed(lambda: from_incidence(incidence, "shared"))
    net = projection.network
    print(f"projection: {incidence.rows:,} attendance rows -> {net.n:,} institutions, "
          f"{net.ties:,} ties; read {wall:.1f} s (CPU {cpu:.1f}), matrix {pwall:.1f} s "
          f"(CPU {pcpu:.1f}); peak RSS {rss_mb():,.0f} MB", flush=True)
    project_s, project_cpu = wall + pwall, cpu + pcpu
    saved_at = Path(str(args.db) + ".projections") / "bench-v1"  # persist.save wants -v<version>
    shutil.rmtree(saved_at, ignore_errors=True)
    swall, scpu, _ = timed(lambda: persist.save(saved_at, projection))
    lwall, lcpu, loaded = timed(lambda: persist.load(saved_at))
    assert loaded is not None and loaded.network.ties == net.ties
    print(f"saved beside the data (persist.py): write {swall:.2f} s (CPU {scpu:.2f}), read "
          f"back {lwall:.3f} s (CPU {lcpu:.3f}): what another worker or a restart pays "
          "instead of the projection", flush=True)
    kwall, kcpu, _ = timed(lambda: loaded.network.networkit)  # kept beside it for the rest
    print(f"networkit copy of the saved projection built and kept beside it: {kwall:.1f} s "
          f"(CPU {kcpu:.1f}), once, by whichever worker first asks", flush=True)
    build_wall, build_cpu, graphs = timed(lambda: library_graphs(net))
    print(f"library graphs from the edge arrays (igraph + networkit): {build_wall:.1f} s "
          f"(CPU {build_cpu:.1f})", flush=True)
    base = baselines(net, *graphs)
    calls = measure_calls(projection)
    wanted = [m for m in calls if not args.only or m in args.only.split(",")]
    header = (f"{'measure':<12} {'cold s':>7} {'CPU':>6} {'saved/best':>10} {'CPU':>6} "
              f"{'warm s':>7} {'CPU':>6} "
              f"{'igraph':>7} {'CPU':>6} {'nk':>7} {'CPU':>6} {'cold/best':>9} {'CPU':>6} "
              f"{'warm/best':>9} {'CPU':>6} {'RSS MB':>7}")
    table = [header, "-" * len(header)]
    for name in wanted:
        fresh = CoAttendance.__new__(CoAttendance)
        fresh.__dict__.update({k: v for k, v in net.__dict__.items()
                               if k in ("weighting", "ids", "names", "types", "region_codes",
                                        "_incidence", "weight")})
        first_wall, first_cpu, _ = timed(lambda n=fresh, c=calls[name]: c(n))
        warm_wall, warm_cpu, _ = timed(lambda n=fresh, c=calls[name]: c(n), args.runs)
        ig_fn, nk_fn = base[name]
        nan = (float("nan"), float("nan"))
        ig_t = timed(ig_fn, args.runs)[:2] if ig_fn else nan
        nk_t = timed(nk_fn, args.runs)[:2] if nk_fn else nan
        best_wall = min(x for x in (ig_t[0], nk_t[0]) if x == x)
        best_cpu = min(x for x in (ig_t[1], nk_t[1]) if x == x)
        cold, cold_cpu = project_s + first_wall, project_cpu + first_cpu
        # a second worker: the saved projection (and kept copies) read back, first call
        saved, saved_cpu, _ = timed(partial(_second_worker, calls[name], saved_at))
        table.append(f"{name:<12} {cold:>7.2f} {cold_cpu:>6.2f} {saved / best_wall:>10.2f} "
                     f"{saved_cpu / best_cpu:>6.2f} {warm_wall:>7.2f} "
                     f"{warm_cpu:>6.2f} {ig_t[0]:>7.2f} {ig_t[1]:>6.2f} {nk_t[0]:>7.2f} "
                     f"{nk_t[1]:>6.2f} {cold / best_wall:>9.2f} {cold_cpu / best_cpu:>6.2f} "
                     f"{warm_wall / best_wall:>9.2f} {warm_cpu / best_cpu:>6.2f} "
                     f"{rss_mb():>7,.0f}")
        print(table[-1], flush=True)
    print()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print("\n".join(table))
    print(f"(cold = read + projection {project_s:.1f} s (CPU {project_cpu:.1f}) + first "
          f"call; saved = cold/best with the projection read back from disk ({lwall:.3f} s) "
          "instead of built, and the kept networkit copy read (a second worker, a restart), "
          "then the first call; warm = the same call again on "
          "the same network; igraph and networkit "
          f"on graphs built beforehand from the same edges, {build_wall:.1f} s (CPU "
          f"{build_cpu:.1f}) for the two, not counted; networkit on one thread)")

if __name__ == "__main__":
    main()
