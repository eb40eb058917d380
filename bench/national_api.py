"""Every whole-country measure through the API, on the server's own settings: does each
answer, how long does it take cold, repeated and after a restart, and how much memory do
the server and its analytics workers hold (issue 15: RSS <= 2.5 GB after every measure
has run once; each answers within the analytics time budget; a repeated or saved
measure < 50 ms).

    PYTHONPATH=. python -m bench.national_api --db data/bench-national.db [--env K=V ...]
        [--after-load]

The database is the one bench/national.py builds (`--db`); it is copied to a fresh file
first, so no result saved beside an earlier run answers for this one. The analytics
settings are the defaults unless `--env` sets one (TPPS_ANALYTICS_MEMORY_MB=..., ...):
the point is what a user who changed nothing gets.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.analytics_storm import descendants, memory
from bench.server import Server
from graph.analytics import service
from graph.settings import settings
from graph.store.embedded import EmbeddedStore

MEASURES: dict[str, str] = {
    "PAGERANK": "{ centrality(measure: PAGERANK, first: 5) { score rank } }",
    "EIGENVECTOR": "{ centrality(measure: EIGENVECTOR, first: 5) { score rank } }",
    "BETWEENNESS": "{ centrality(measure: BETWEENNESS, first: 5) { score rank approximate } }",
    "CLOSENESS": "{ centrality(measure: CLOSENESS, first: 5) { score rank } }",
    "COMMUNITIES": "{ communities { index size sector } }",
    "BROKERS": "{ brokers(first: 5) { constraint effectiveSize total } }",
    "SUMMARY": "{ networkSummary { institutions ties components largestComponent "
               "averagePathLength averageClustering approximate } }",
}


def workers_started(server: Server, count: int, wait: float = 120) -> float:
    """Seconds until the server's fork server has forked `count` analytics workers (the
    server starts them in the background): "cold" then means a measure not computed
    before, not a server asked within its first seconds, which no user sees."""
    started = time.perf_counter()
    while time.perf_counter() - started < wait:
        if len(descendants(server.proc.pid)) >= count + 1:  # + the fork server itself
            break
        time.sleep(0.1)
    return time.perf_counter() - started


def ask(client: httpx.Client, query: str) -> tuple[str, float]:
    """(outcome, seconds): "ok" or the error code the API answered."""
    started = time.perf_counter()
    response = client.post("/graphql", json={"query": query})
    seconds = time.perf_counter() - started
    body: dict[str, Any] = response.json()
    if body.get("errors"):
        ext = body["errors"][0].get("extensions", {})
        return f"{response.status_code} {ext.get('code', body['errors'][0]['message'][:40])}", \
            seconds
    return "ok", seconds


class Peak:
    """Highest RSS of the server and (apart) of everything below it, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.server, self.workers, self.total = pid, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            server, workers = memory(self.pid)
            self.server, self.workers = max(self.server, server), max(self.workers, workers)
            self.total = max(self.total, server + workers)
            self._stop.wait(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path("data/bench-national.db"))
    ap.add_argument("--env", action="append", default=[], metavar="K=V",
                    help="a server setting (default: none, the server's own defaults)")
    ap.add_argument("--only", default="", help="comma-separated measures")
    ap.add_argument("--restarts", type=int, default=1,
                    help="new servers on the same file, each asked every measure once "
                         "(the median is reported, every run beside it)")
    ap.add_argument("--after-load", action="store_true",
                    help="save the whole-country projection first, as `tpps load json` and "
                         "`tpps generate` now end by doing, so cold = after a load")
    args = ap.parse_args()
    fresh = Path(f"{args.db}.api-run")
    for leftover in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(f"{fresh}.projections", ignore_errors=True)
    shutil.copyfile(args.db, fresh)
    if args.after_load:
        store = EmbeddedStore(fresh)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            net = service.prepare(store).network
            print(f"the load's last step (service.prepare): {net.n:,} institutions, "
                  f"{net.ties:,} ties projected and saved in "
                  f"{time.perf_counter() - started:.2f} s (CPU "
                  f"{time.process_time() - cpu:.2f})", flush=True)
        finally:
            store.close()
    env = dict(item.split("=", 1) for item in args.env)
    wanted = [m for m in MEASURES if not args.only or m in args.only.split(",")]
    print(f"dataset {args.db} ({args.db.stat().st_size >> 20} MB), settings "
          f"{json.dumps(env) if env else 'defaults'}", flush=True)

    rows: dict[str, list[str]] = {}
    server = Server(str(fresh), env, wait=120)
    try:
        client = httpx.Client(base_url=server.url, timeout=900)
        ready = workers_started(server, int({**os.environ, **env}.get(
            "TPPS_ANALYTICS_WORKERS", settings().analytics_workers)))
        print(f"analytics workers started {ready:.1f} s after /health answered", flush=True)
        idle = memory(server.proc.pid)
        print(f"idle: server {idle[0]:,} MB, workers {idle[1]:,} MB", flush=True)
        peak = Peak(server.proc.pid)
        for name in wanted:
            outcome, cold = ask(client, MEASURES[name])
            again, repeated = ask(client, MEASURES[name])
            now = memory(server.proc.pid)
            rows[name] = [outcome, f"{cold:.2f}", f"{repeated * 1000:.0f}" if again == "ok"
                          else again, f"{now[0]:,}", f"{now[1]:,}"]
            print(name, *rows[name], flush=True)
        peak.stop()
        after = memory(server.proc.pid)
    finally:
        server.stop()
    # A restart: the results saved beside the data answer.
    restarts: dict[str, list[str]] = {name: [] for name in wanted}
    for _ in range(args.restarts):
        server = Server(str(fresh), env, wait=120)
        try:
            client = httpx.Client(base_url=server.url, timeout=900)
            for name in wanted:
                outcome, seconds = ask(client, MEASURES[name])
                restarts[name].append(f"{seconds * 1000:.0f}" if outcome == "ok" else outcome)
        finally:
            server.stop()
    for name, runs in restarts.items():
        ms = sorted(int(r) for r in runs if r.isdigit())
        rows[name].append(str(ms[len(ms) // 2]) if len(ms) == len(runs) else runs[0])

    header = (f"{'measure':<12} {'answer':<22} {'cold s':>7} {'again ms':>9} "
              f"{'server MB':>10} {'workers MB':>11} {'restart ms':>11}")
    print()
    print(header)
    print("-" * len(header))
    for name, cells in rows.items():
        answer, cold_s, again_ms, srv, wrk, restart = cells
        print(f"{name:<12} {answer:<22} {cold_s:>7} {again_ms:>9} {srv:>10} {wrk:>11} "
              f"{restart:>11}")
    if args.restarts > 1:
        print("restart runs (ms): " + "; ".join(f"{n} {' '.join(r)}"
                                               for n, r in restarts.items()))
    print(f"RSS after every measure: server {after[0]:,} MB + workers {after[1]:,} MB = "
          f"{after[0] + after[1]:,} MB; peak server {peak.server:,} MB, workers "
          f"{peak.workers:,} MB, together {peak.total:,} MB")
    print("(RSS sampled from /proc every 0.1 s; workers = the fork server and its analytics "
          "workers; again = the same request repeated; restart = a new server on the same "
          "file)")


if __name__ == "__main__":
    main()
