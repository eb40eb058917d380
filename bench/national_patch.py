"""A saved national projection after one write: patched (graph/analytics/patch.py)
against rebuilt and against read back, and PageRank on it beside igraph's.

    python bench/national_patch.py [--quarter] [--db PATH] [--skip-load] [--runs N]

Builds the dataset as bench/national.py does (`Generator("ID", 3, 1, scale)`, bulk-loaded
into a fresh embedded store) unless --skip-load, then through persist.cached_projection
(what service.network runs in a fresh worker):
- the national projection built and saved;
- per run, one meeting written in one kecamatan (8 of its institutions) through
  Store.write, then the national projection got again: patched from the saved one; then
  another such write and the projection got with patching off: rebuilt (read + matrix +
  save); then got once more at that version: read back from the saved copy;
- every patched projection checked equal to a rebuild (ids, attributes, meetings, B, W);
- PageRank through the project's function on the patched network (its first call, igraph
  copy included) beside igraph's PageRank on a graph of the same edges built beforehand.
Medians over --runs of wall seconds, CPU seconds beside them (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.national import baselines, library_graphs, load  # noqa: E402
from graph.analytics import patch, persist  # noqa: E402
from graph.analytics.centrality import centrality  # noqa: E402
from graph.analytics.projection import CoAttendance, Projection, load_projection  # noqa: E402
from graph.ids import meeting_id  # noqa: E402
from graph.model import Attendance, Batch, Meeting  # noqa: E402
from graph.store.base import NetworkFilter  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402

WHOLE = NetworkFilter()


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    w, c = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - w, time.process_time() - c, result


def get(store: EmbeddedStore) -> Projection:
    """The national projection as a fresh worker gets it (persist.cached_projection)."""
    return persist.cached_projection(store, WHOLE, "shared", store.scope_version(None),
                                     lambda: load_projection(store, WHOLE, "shared"))


def one_meeting(store: EmbeddedStore, step: int) -> str:
    """A meeting in one kecamatan with 8 institutions of that kecamatan, written."""
    codes = [r[0] for r in store._conn().execute(
        "SELECT region_code FROM institutions WHERE region_code GLOB '*.*.*' "
        "AND region_code NOT GLOB '*.*.*.*' GROUP BY region_code HAVING count(*) >= 8 "
        "ORDER BY region_code")]
    code = codes[step * 37 % len(codes)]
    people = [r[0] for r in store._conn().execute(
        "SELECT id FROM institutions WHERE region_code = ? ORDER BY id LIMIT 8", (code,))]
    title = f"Rembuk stunting kecamatan {step}"
    mid = meeting_id(date(2026, 12, 7), code, title)  # derived, as a loaded meeting's
    store.write(Batch(meetings=[Meeting(mid, title, date(2026, 12, 7), region_code=code)],
                      attendance=[Attendance(mid, i) for i in people]))
    return str(code)


def equal(a: Projection, b: Projection) -> bool:
    x, y = a.network, b.network
    return bool(x.ids == y.ids and x.names == y.names and x.types == y.types
                and x.region_codes == y.region_codes
                and list(a.meetings.items()) == list(b.meetings.items())
                and (x._incidence != y._incidence).nnz == 0
                and (x.weight.indices == y.weight.indices).all()
                and np.abs(x.weight.data - y.weight.data).max(initial=0) <= 1e-12)


def fresh_copy(net: CoAttendance) -> CoAttendance:
    """The same network without its cached engine copies: a measure's first call."""
    out = CoAttendance.__new__(CoAttendance)
    out.__dict__.update({k: v for k, v in net.__dict__.items()
                         if k in ("weighting", "ids", "names", "types", "region_codes",
                                  "_incidence", "weight")})
    return out


def med(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Median wall and median CPU seconds."""
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quarter", action="store_true", help="every fourth kab/kota")
    parser.add_argument("--db", type=Path, default=Path("data/bench-patch.db"))
    parser.add_argument("--skip-load", action="store_true", help="reuse --db as it is")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at start "
          "(the machine is shared: read the CPU columns)")
    if not args.skip_load:
        args.load_runs, args.neo4j = 1, ""
        for line in load(args, args.db):
            print(line, flush=True)
    store = EmbeddedStore(args.db)
    home = persist.home(store)
    assert home is not None
    for old in home[0].glob("*"):  # start from no saved projection
        if old.is_dir():
            shutil.rmtree(old)
    wall, cpu, built = timed(lambda: get(store))
    net = built.network
    print(f"national projection: {net.n:,} institutions, {len(built.meetings):,} meetings, "
          f"{net._incidence.nnz:,} attendances, {net.ties:,} ties; built and saved in "
          f"{wall:.2f} s (CPU {cpu:.2f})", flush=True)
    rows: dict[str, list[tuple[float, float]]] = {"patched": [], "rebuilt": [], "read": []}
    pagerank: list[tuple[float, float]] = []
    igraph_pr: list[tuple[float, float]] = []
    networkit_pr: list[tuple[float, float]] = []
    saving: list[tuple[float, float]] = []  # of the patched time: writing the new copy
    save = persist.save

    def timed_save(path: Path, p: Projection) -> bool:
        w, c, done = timed(lambda: save(path, p))
        saving.append((w, c))
        return bool(done)

    persist.save = timed_save  # type: ignore[assignment]
    patch_saves: list[tuple[float, float]] = []
    patched_p: Projection | None = None
    for run in range(args.runs):
        code = one_meeting(store, 2 * run)
        before = dict(patch.outcomes)
        w, c, patched_p = timed(lambda: get(store))
        assert patch.outcomes["patched"] == before.get("patched", 0) + 1, patch.outcomes
        rows["patched"].append((w, c))
        patch_saves.append(saving[-1])
        assert equal(patched_p, load_projection(store, WHOLE, "shared")), "patch != rebuild"
        pw, pc, _ = timed(lambda p=patched_p: centrality(fresh_copy(p.network), "PAGERANK"))
        pagerank.append((pw, pc))
        ig_fn, nk_fn = baselines(patched_p.network,
                                 *library_graphs(patched_p.network))["PAGERANK"]
        assert ig_fn is not None and nk_fn is not None
        igraph_pr.append(timed(ig_fn)[:2])
        networkit_pr.append(timed(nk_fn)[:2])
        one_meeting(store, 2 * run + 1)
        limit = patch.MAX_REGIONS
        patch.MAX_REGIONS = -1  # patching off: what every write cost before
        rows["rebuilt"].append(timed(lambda: get(store))[:2])
        patch.MAX_REGIONS = limit
        rows["read"].append(timed(lambda: get(store))[:2])
        print(f"run {run + 1}: meeting in {code}; patched {w:.3f} s (CPU {c:.3f}), rebuilt "
              f"{rows['rebuilt'][-1][0]:.2f} s, read back {rows['read'][-1][0]:.3f} s, "
              f"PageRank {pw:.2f} s, igraph {igraph_pr[-1][0]:.2f} s, networkit "
              f"{networkit_pr[-1][0]:.2f} s", flush=True)
    assert patched_p is not None
    ig_w, ig_c = med(igraph_pr)
    nk_w, nk_c = med(networkit_pr)
    best_w, best_c = min(ig_w, nk_w), min(ig_c, nk_c)
    save_w, save_c = med(patch_saves)
    patched_w, patched_c = med(rows["patched"])
    rebuilt_w, rebuilt_c = med(rows["rebuilt"])
    pr_w, pr_c = med(pagerank)
    print()
    header = (f"{'after one write':<36} {'wall s':>7} {'CPU s':>7} {'/rebuilt':>9} "
              f"{'CPU':>6} {'/best PR':>9} {'CPU':>6}")
    print(header)
    print("-" * len(header))
    for name, label in (("patched", "national projection patched"),
                        ("rebuilt", "national projection rebuilt"),
                        ("read", "saved projection read back")):
        w, c = med(rows[name])
        print(f"{label:<36} {w:>7.3f} {c:>7.3f} {w / rebuilt_w:>9.2f} {c / rebuilt_c:>6.2f} "
              f"{w / best_w:>9.2f} {c / best_c:>6.2f}")
    for label, w, c in (("  of which saving the patched copy", save_w, save_c),
                        ("PageRank on the patched network", pr_w, pr_c),
                        ("igraph PageRank, same edges", ig_w, ig_c),
                        ("networkit PageRank, same edges", nk_w, nk_c),
                        ("cold PageRank: patched + PageRank", patched_w + pr_w,
                         patched_c + pr_c),
                        ("cold PageRank: rebuilt + PageRank", rebuilt_w + pr_w,
                         rebuilt_c + pr_c)):
        print(f"{label:<36} {w:>7.3f} {c:>7.3f} {w / rebuilt_w:>9.2f} {c / rebuilt_c:>6.2f} "
              f"{w / best_w:>9.2f} {c / best_c:>6.2f}")
    print(f"\n(medians of {args.runs} runs; patched = persist.cached_projection after one "
          "meeting written in one kecamatan: changed_regions, the old copy mapped, that "
          "kecamatan read, rows spliced, the new copy saved; rebuilt = the same with "
          "patching off (read + matrix + save); read back = the saved copy at the current "
          "version; PageRank = graph.analytics.centrality's first call on a fresh copy of "
          "the patched network (its igraph copy built); igraph = Graph.pagerank, networkit = "
          "PageRank(0.85, 1e-10) on one thread (bench/national.py's baselines), each on a "
          "graph of the same edges built beforehand, not counted; best = the faster of "
          "the two; every patched projection was "
          f"checked equal to a rebuild; outcomes {dict(patch.outcomes)}, the refusals being "
          "the rebuilds, patching switched off by MAX_REGIONS = -1)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
